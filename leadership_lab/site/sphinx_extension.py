"""Sphinx hooks that keep the published site honest.

- Re-execute a notebook when a package module or data file it depends on changes, by
  invalidating its myst-nb cache entry (the cache itself only hashes code cells).
- Render plotly figures through the site renderer, drawn by one partial plotly.js in `_static`.
"""

from __future__ import annotations

import html
import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .. import RENDERER_ENV, fit_cache
from . import bibtex_plugins, briefs, dependencies, execution, reference_pages
from .launch import fix_launch_buttons

LOGGER = logging.getLogger(__name__)
FINGERPRINTS = "leadership_lab_fingerprints"
THEME_FINGERPRINT = "leadership_lab_theme_fingerprint"
FIGURE_LOADER = "lab-figures.js"
QUIZ_SCRIPT = "lab-quiz.js"
BUNDLE_TRACES = "plotly-lab.traces.json"
FIGURE_DATA = re.compile(
    r'<script type="application/json" class="lab-figure-data">(.*?)</script>', re.S
)


def notebook_code(path: Path) -> str | None:
    """The code cells of a MyST notebook or .ipynb, joined; None for a plain page."""
    import jupytext
    from myst_nb.core.read import is_myst_markdown_notebook

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md" and not is_myst_markdown_notebook(text):
        return None
    if path.suffix not in {".md", ".ipynb"}:
        return None
    notebook = jupytext.reads(text, fmt="md:myst" if path.suffix == ".md" else "ipynb")
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")


def _fingerprint_for(app: Sphinx, path: Path) -> str | None:
    code = notebook_code(path)
    if code is None:
        return None
    root = Path(app.config.lab_dependency_root or app.confdir).resolve()
    files = dependencies.dependency_files(
        code, app.config.lab_dependency_package, root, app.config.lab_dependency_always
    )
    return dependencies.fingerprint(files, root)


def _drop_cache_entries(cache_path: str, notebook_paths: set[Path]) -> None:
    from jupyter_cache import get_cache

    if not notebook_paths or not Path(cache_path).exists():
        return
    cache = get_cache(cache_path)
    for record in cache.list_cache_records():
        if record.uri and Path(record.uri).resolve() in notebook_paths:
            cache.remove_cache(record.pk)


def outdated_by_dependencies(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Mark notebooks whose dependencies changed as outdated and drop their cached outputs."""
    stored: dict[str, str] = getattr(env, FINGERPRINTS, {})
    current: dict[str, str] = {}
    stale: list[str] = []
    for docname in sorted(env.found_docs):
        path = Path(env.doc2path(docname)).resolve()
        fp = _fingerprint_for(app, path)
        if fp is None:
            continue
        current[docname] = fp
        if docname not in added and stored.get(docname) != fp:
            stale.append(docname)
    if stale:
        LOGGER.info("leadership_lab: dependencies changed, re-executing: %s", ", ".join(stale))
    # A notebook Sphinx already re-reads for another reason still needs its cached outputs
    # dropped, or myst-nb would re-read the stale outputs (its cache hashes code cells only).
    cache_path = env.mystnb_config.execution_cache_path
    _drop_cache_entries(cache_path, {Path(env.doc2path(d)).resolve() for d in stale})
    setattr(env, FINGERPRINTS, current)
    return [d for d in stale if d not in changed]


def theme_fingerprint(app: Sphinx) -> str:
    """A hash of the project's own static files, template overrides and this extension's page
    hooks (themes add theirs too, from outside the project; those change only with
    requirements.txt, which re-runs everything)."""
    root = Path(app.confdir).resolve()
    folders = [
        Path(root, f).resolve() for f in [*app.config.html_static_path, *app.config.templates_path]
    ]
    files = [
        path
        for folder in folders
        if folder.is_relative_to(root)
        for path in folder.rglob("*")
        if path.is_file()
    ]
    hooks = sorted(Path(__file__).resolve().parent.glob("*.py"))
    return dependencies.fingerprint([*files, *(p for p in hooks if p.is_relative_to(root))], root)


def rewrite_on_theme_change(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Sphinx writes nothing (not even _static) when no page changed, so an edited stylesheet,
    script or template would never reach the site; mark every page for writing instead."""
    current = theme_fingerprint(app)
    previous = getattr(env, THEME_FINGERPRINT, None)
    setattr(env, THEME_FINGERPRINT, current)
    # An unknown previous state counts as a change: the environment is only saved when some
    # page is written, so this is also how the fingerprint gets stored the first time.
    if previous != current:
        LOGGER.info("leadership_lab: static files or templates changed, rewriting every page")
        return sorted(env.found_docs)
    return []


def drop_widget_state(app: Sphinx, doctree: Any) -> None:
    """Keep saved ipywidgets state out of the site: without a kernel it is frozen, and it would
    pull require.js and the widget manager from a CDN (plus megabytes of inlined plotly.js)."""
    metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    metadata.get("js_files", {}).pop("ipywidgets_state", None)


def bundle_traces(app: Sphinx) -> frozenset[str]:
    """The trace types the site's partial plotly.js bundle can draw."""
    folders = tuple(str(Path(app.confdir, folder)) for folder in app.config.html_static_path)
    return _manifest_traces(folders)


@cache
def _manifest_traces(folders: tuple[str, ...]) -> frozenset[str]:
    """Read the bundle's manifest once per build process, not once per page."""
    for folder in folders:
        manifest = Path(folder, BUNDLE_TRACES)
        if manifest.is_file():
            return frozenset(json.loads(manifest.read_text(encoding="utf-8"))["traces"])
    return frozenset()


def figure_trace_types(body: str) -> set[str]:
    """Every plotly trace type drawn by the figures in a page body."""
    types: set[str] = set()
    for payload in FIGURE_DATA.findall(body):
        spec = json.loads(payload)
        types.update(trace.get("type", "scatter") for trace in spec.get("data", []))
    return types


def add_figure_loader(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Load the figure and quiz scripts only on pages that use them, and refuse trace types the
    site's plotly.js bundle cannot draw (they would leave a blank chart, with no other sign)."""
    body = context.get("body", "")
    if "lab-quiz-data" in body:
        app.add_js_file(QUIZ_SCRIPT, defer="defer")
    if "lab-figure-data" not in body:
        return
    app.add_js_file(FIGURE_LOADER, defer="defer")
    missing = figure_trace_types(body) - bundle_traces(app)
    if missing:
        LOGGER.warning(
            "%s draws plotly trace types %s that the site's bundle lacks: add them to "
            "tools/plotly_bundle/traces.json and run `make plotly-bundle`.",
            pagename,
            ", ".join(sorted(missing)),
            location=pagename,
        )


def _is_thebe_asset(asset: Any) -> bool:
    name = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return "thebe" in name or "THEBE_JS_URL" in body


def drop_thebe(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The book runs code in JupyterLab, not in the page: Jupyter Book's thebe snippet (declared
    twice, a console error on every page) and its CDN script have no reader here."""
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe_asset(asset)]


def defer_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Let the page draw before its scripts run: every script file gets `defer` (they still run in
    order, before DOMContentLoaded, which is when Sphinx's, the theme's and the lab's scripts
    start). On a slow phone this is what stands between the reader and the first words.
    Not on the search page, whose inline script calls Sphinx's scripts as the page parses."""
    from sphinx.builders.html._assets import _JavaScript

    if pagename == "search":
        return
    deferred = []
    for asset in context.get("script_files", []):
        attributes = dict(getattr(asset, "attributes", {}) or {})
        filename = str(getattr(asset, "filename", asset) or "")
        if not filename or "body" in attributes or "async" in attributes or "defer" in attributes:
            deferred.append(asset)
            continue
        priority = getattr(asset, "priority", 500)
        deferred.append(_JavaScript(filename, priority=priority, **attributes, defer="defer"))
    context["script_files"] = deferred


def fix_citation_roles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Docutils marks bibliography entries role="doc-biblioentry" inside role="list"; that role
    is deprecated and is no list item, so screen readers (and axe) find an empty list."""
    body = context.get("body", "")
    if 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


TABLE = re.compile(
    r'<div class="pst-scrollable-table-container">\s*(<table\b.*?</table>)\s*</div>'
    r"|(<table\b.*?</table>)",
    re.S,
)
CAPTION = re.compile(r"<caption>(.*?)</caption>", re.S)


def _scroll_box(match: re.Match[str]) -> str:
    table = match.group(1) or match.group(2)
    caption = CAPTION.search(table)
    words = (
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", caption.group(1))).strip() if caption else ""
    )
    label = html.escape(words or "Table", quote=True)
    box = f'<div class="lab-table-scroll" tabindex="0" role="region" aria-label="{label}">'
    return f"{box}{table}</div>"


def scrollable_tables(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Every table scrolls sideways in its own box, which a keyboard can reach and a screen
    reader names by the table's caption, so no table makes a phone's page wider than its screen.
    (The theme wraps only the tables Sphinx itself writes, not those in notebook outputs.)"""
    body = context.get("body", "")
    if "<table" in body:
        context["body"] = TABLE.sub(_scroll_box, body)


ALWAYS = (
    "requirements.txt",
    "leadership_lab/site/plotly_renderer.py",
    "leadership_lab/chart_markup.py",
    "leadership_lab/chart_text.py",
)
SITE_STARTUP = """# Written by leadership_lab.site.sphinx_extension, for the book build's kernels.
from leadership_lab.site.plotly_renderer import activate

activate()
"""


def site_kernels(build_dir: Path) -> Path:
    """An IPython profile whose startup turns on the site's figure display, for the kernels this
    build starts (they inherit IPYTHONDIR). JupyterLab's kernels never see it, and the package
    itself never reads a variable at import to decide how to display."""
    ipython_dir = build_dir / "ipython"
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    script = startup / "00-leadership-lab-site.py"
    if not script.is_file() or script.read_text(encoding="utf-8") != SITE_STARTUP:
        script.write_text(SITE_STARTUP, encoding="utf-8")
    return ipython_dir


def setup(app: Sphinx) -> dict[str, Any]:
    # Kernels started by this build inherit both variables: figures render for the site and
    # exercises as kernel-free self-checks.
    os.environ[RENDERER_ENV] = "site"
    os.environ["IPYTHONDIR"] = str(site_kernels(Path(app.doctreedir).resolve().parent))
    app.add_config_value("lab_dependency_package", "leadership_lab", "env")
    app.add_config_value("lab_dependency_root", "", "env")
    # Files behind every notebook's output whatever it imports: the pins, and the build's display
    # hook with the chart markup it writes (a change to how charts are written re-runs them all).
    app.add_config_value("lab_dependency_always", list(ALWAYS), "env")
    app.setup_extension("leadership_lab.site.warnings_kept")  # a warned build is read again
    bibtex_plugins.register_installed_plugins()  # not one entry-point scan per citation
    # The fits this build's pages use are defined in rba.model; what no current fit can read
    # (left by an edit of a fit or a library upgrade) goes before the build adds more.
    from ..rba import model as _fits  # noqa: F401

    fit_cache.prune()
    for name, directive in reference_pages.DIRECTIVES.items():
        app.add_directive(name, directive)
    # The sample briefs render in a helper process while Sphinx reads and writes the pages.
    app.connect("env-before-read-docs", briefs.start)
    app.connect("build-finished", briefs.finish)
    app.connect("env-get-outdated", outdated_by_dependencies)
    # After the dependency check has dropped stale outputs: run every uncached notebook side by
    # side, so myst-nb's one-at-a-time read finds them all cached (`lab_parallel_execution`).
    app.add_config_value("lab_parallel_execution", True, "")
    app.connect("env-get-outdated", execution.execute_before_reading, priority=600)
    app.connect("env-get-updated", rewrite_on_theme_change)
    app.connect("doctree-read", drop_widget_state)
    app.connect("html-page-context", add_figure_loader)
    app.connect("html-page-context", drop_thebe)
    app.connect("html-page-context", fix_citation_roles)
    app.connect("html-page-context", scrollable_tables)
    app.connect("html-page-context", defer_scripts)
    app.connect("html-page-context", fix_launch_buttons, priority=900)
    return {"version": "0.1", "parallel_read_safe": False, "parallel_write_safe": True}
