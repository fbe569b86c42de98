"""Every chapter runs top to bottom as a learner runs it in JupyterLab (plotly's own renderer)."""

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jupytext
import nbclient
import pytest

from leadership_lab import RENDERER_ENV
from leadership_lab.site.patient_kernel import CLIENT_OPTIONS

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
EXERCISE_NOTEBOOKS = sorted((ROOT / "exercises").glob("*.md"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PLOTLY = "application/vnd.plotly.v1+json"
# The slowest cell runs in about 6 s; a cell that runs this long is a bug. Kernels use the
# build's patient client (leadership_lab.site.patient_kernel), so a missed wake-up for a reply
# costs a quarter second, not this timeout.
CELL_TIMEOUT = 45


def run(notebook, cwd: Path) -> None:
    """Execute a notebook in place, as a learner's JupyterLab kernel would."""
    client = nbclient.NotebookClient(notebook, timeout=CELL_TIMEOUT, **CLIENT_OPTIONS)
    client.execute(cwd=str(cwd))


@pytest.fixture(scope="module")
def executed() -> dict[str, list[dict]]:
    """Each chapter's output bundles, executed once in a kernel like a learner's."""
    saved = os.environ.pop(RENDERER_ENV, None)
    results = {}
    try:
        notebooks = {path: jupytext.read(path) for path in CHAPTERS}
        # One kernel per core, as the book build does.
        with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
            for done in [pool.submit(run, nb, path.parent) for path, nb in notebooks.items()]:
                done.result()
        for path, notebook in notebooks.items():
            results[path.stem] = [
                output
                for cell in notebook.cells
                if cell.cell_type == "code"
                for output in cell.outputs
            ]
    finally:
        if saved is not None:
            os.environ[RENDERER_ENV] = saved
    return results


@pytest.mark.parametrize("name", [p.stem for p in CHAPTERS])
def test_chapter_executes_without_error_in_a_learners_kernel(executed, name):
    assert not [o for o in executed[name] if o.output_type == "error"]


@pytest.mark.parametrize("name", [p.stem for p in CHAPTERS])
def test_chapter_figures_use_plotlys_own_display_in_jupyterlab(executed, name):
    bundles = [o.get("data", {}) for o in executed[name]]
    assert any(PLOTLY in b for b in bundles)
    assert not any("lab-figure-data" in str(b.get("text/html", "")) for b in bundles)


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.stem)
def test_exercise_notebooks_run_clean_in_jupyterlab(path, tmp_path, monkeypatch):
    """Run in an empty folder, as a learner's or facilitator's fresh copy would."""
    monkeypatch.delenv(RENDERER_ENV, raising=False)
    notebook = jupytext.read(path)
    run(notebook, tmp_path)
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert outputs


def test_the_first_chapter_offers_the_live_health_check(executed):
    views = [o for o in executed["01_public_sector_gap"] if WIDGET_VIEW in o.get("data", {})]
    assert len(views) == 3, "the live health check, the live exposure chart and the self-checks"
