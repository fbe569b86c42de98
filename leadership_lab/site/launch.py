"""Launch buttons that work for the book's MyST notebooks.

The theme builds Binder and JupyterHub (nbgitpuller) links to the `.md` notebooks, which open
as notebooks through jupytext. Colab opens only `.ipynb` files, so its link points at the
notebook the theme copies into `_sources/`, as published on the `gh-pages` branch; that copy
(also the page's download) is stripped of site-only outputs and starts with a cell that fetches
the course package when it is missing, as in a fresh Colab kernel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
from sphinx.application import Sphinx

PUBLISHED_BRANCH = "gh-pages"
SETUP_TAG = "leadership-lab-setup"

SETUP_CELL = """# Opened outside the course's JupyterLab (in Colab, say)? This fetches the course
# package and its pinned libraries first. Where the package is installed it does nothing.
import importlib.util, os, sys
if importlib.util.find_spec("leadership_lab") is None:
    if not os.path.isdir("leadership-lab"):
        !git clone --quiet --depth 1 --branch {branch} {repository} leadership-lab
    %pip install --quiet -r leadership-lab/requirements.txt
    sys.path.insert(0, os.path.abspath("leadership-lab"))"""


def _theme_options(app: Sphinx) -> dict[str, Any]:
    return app.config.html_theme_options or {}


def colab_url(app: Sphinx, pagename: str) -> str | None:
    """Colab's address for a page's published `.ipynb`, or None when Colab is not configured."""
    options = _theme_options(app)
    colab = options.get("launch_buttons", {}).get("colab_url", "").rstrip("/")
    repository = options.get("repository_url", "").rstrip("/")
    if not colab or not repository.startswith("https://github.com/"):
        return None
    org_repo = repository.removeprefix("https://github.com/")
    return f"{colab}/github/{org_repo}/blob/{PUBLISHED_BRANCH}/_sources/{pagename}.ipynb"


def prepare_notebook(path: Path, repository: str, branch: str) -> None:
    """Clear outputs written for the static site, and put the setup cell first (once)."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    if not any(SETUP_TAG in c.get("metadata", {}).get("tags", []) for c in notebook.cells):
        setup = nbformat.v4.new_code_cell(
            SETUP_CELL.format(branch=branch, repository=repository), metadata={"tags": [SETUP_TAG]}
        )
        notebook.cells.insert(0, setup)
    nbformat.write(notebook, path)


def fix_launch_buttons(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Runs after the theme's own handler: point Colab at the `.ipynb`, prepare that file."""
    if "ipynb_source" not in context:
        return
    options = _theme_options(app)
    notebook = Path(app.outdir) / "_sources" / context["ipynb_source"]
    if notebook.is_file():
        prepare_notebook(
            notebook, options.get("repository_url", ""), options.get("repository_branch", "main")
        )
    url = colab_url(app, pagename)
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []) if isinstance(group, dict) else []:
            if button.get("text") == "Colab" and url:
                button["url"] = url
