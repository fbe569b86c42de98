"""Launch buttons that work for the book's MyST notebooks.

The theme builds Binder and JupyterHub (nbgitpuller) links to the `.md` notebooks, which open
as notebooks through jupytext. Colab opens only `.ipynb` files, so its link points at the
notebook the theme copies into `_sources/`, as published on the `gh-pages` branch; that copy
(also the page's download) is stripped of site-only outputs and starts with a cell that installs
the course package when it is missing, as in a fresh Colab kernel: only the package, from the
repository's published branch, with pip taking just what the runtime lacks (the package's ranges
start at what Colab ships, pandas 2.2 and IPython 7.34, so Colab's own libraries stay). When pip
had to upgrade a library the kernel had already imported, the cell restarts the kernel (Colab's
way: the process ends and Colab starts a fresh one) and says to run the notebook again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
from sphinx.application import Sphinx

PUBLISHED_BRANCH = "gh-pages"
SETUP_TAG = "leadership-lab-setup"

# Libraries a runtime may have imported before this cell whose upgrade needs a fresh kernel.
PRELOADED = ("pandas", "numpy", "scipy", "plotly", "ipywidgets", "statsmodels", "networkx")

SETUP_CELL = """# Opened outside the course's JupyterLab (in Colab, say)? This installs the
# course package, and only what this runtime lacks, from the course's repository. Where the
# package is installed it does nothing. If pip had to upgrade a library already loaded here,
# the runtime restarts once: then run the notebook again from the top.
import importlib.metadata, importlib.util, os, sys
if importlib.util.find_spec("leadership_lab") is None:
    _version = importlib.metadata.version
    _loaded = {{n: _version(n) for n in {preloaded} if n in sys.modules}}
    %pip install --quiet "leadership_lab @ git+{repository}@{branch}"
    _upgraded = sorted(n for n, v in _loaded.items() if _version(n) != v)
    if _upgraded:
        print("Upgraded " + ", ".join(_upgraded) + ", which this runtime had already loaded: "
              "restarting it. Run the notebook again from the top.")
        os.kill(os.getpid(), 9)"""


def setup_cell(repository: str, branch: str) -> str:
    """The first cell of a downloaded or Colab notebook, for this repository and branch."""
    return SETUP_CELL.format(repository=repository, branch=branch, preloaded=PRELOADED)


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
            setup_cell(repository, branch), metadata={"tags": [SETUP_TAG]}
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
