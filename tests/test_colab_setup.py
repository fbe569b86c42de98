"""The first cell of a notebook opened in Colab (or downloaded): it installs only the course
package from the repository's branch (pip adds just what the runtime lacks), does nothing where
the package is installed, and restarts the runtime only when pip upgraded a library the kernel
had already imported. Run here through IPython's own transformer with pip and the versions
faked, so no network is used."""

import importlib.metadata
import importlib.util
import os

import nbformat
import pandas  # noqa: F401  (loaded before the cell runs, as in a Colab kernel)
import pytest
from IPython.core.inputtransformer2 import TransformerManager

from leadership_lab.site.launch import PRELOADED, SETUP_TAG, prepare_notebook, setup_cell

REPOSITORY = "https://github.com/cross-sector-leadership-lab/leadership-lab"
CELL = setup_cell(REPOSITORY, "v1.0.0")


class FakeShell:
    """Records the %pip line; "installs" by changing the versions the cell reads afterwards."""

    def __init__(self, versions: dict, after_pip: dict) -> None:
        self.versions, self.after_pip, self.magics = versions, after_pip, []

    def run_line_magic(self, name: str, line: str) -> None:
        self.magics.append((name, line))
        self.versions.update(self.after_pip)


def run_cell(monkeypatch, installed: bool, after_pip: dict) -> tuple[FakeShell, list]:
    versions = dict.fromkeys(PRELOADED, "1.0")
    shell, kills = FakeShell(versions, after_pip), []
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: (
            (real_find_spec(name) if installed else None)
            if name == "leadership_lab"
            else real_find_spec(name, *a)
        ),
    )
    monkeypatch.setattr(importlib.metadata, "version", lambda name: versions[name])
    monkeypatch.setattr(os, "kill", lambda pid, signal: kills.append((pid, signal)))
    code = TransformerManager().transform_cell(CELL)
    exec(compile(code, "setup-cell", "exec"), {"get_ipython": lambda: shell})
    return shell, kills


def test_it_installs_only_the_package_from_the_repository_branch(monkeypatch):
    shell, kills = run_cell(monkeypatch, installed=False, after_pip={})
    assert shell.magics == [("pip", f'install --quiet "leadership_lab @ git+{REPOSITORY}@v1.0.0"')]
    assert "requirements" not in CELL and "git clone" not in CELL
    assert kills == []  # nothing loaded changed: no restart


def test_it_restarts_the_runtime_when_pip_upgraded_a_loaded_library(monkeypatch, capsys):
    assert "pandas" in PRELOADED
    _, kills = run_cell(monkeypatch, installed=False, after_pip={"pandas": "2.2.3"})
    assert kills == [(os.getpid(), 9)]
    assert "Upgraded pandas" in capsys.readouterr().out


def test_it_does_nothing_where_the_package_is_installed(monkeypatch):
    shell, kills = run_cell(monkeypatch, installed=True, after_pip={"pandas": "9"})
    assert shell.magics == [] and kills == []


@pytest.mark.parametrize("times", [1, 2])
def test_the_published_notebook_starts_with_one_setup_cell(tmp_path, times):
    path = tmp_path / "chapter.ipynb"
    notebook = nbformat.v4.new_notebook()
    printed = nbformat.v4.new_output("stream", name="stdout", text="2")
    notebook.cells = [nbformat.v4.new_code_cell("1 + 1", outputs=[printed])]
    nbformat.write(notebook, path)
    for _ in range(times):
        prepare_notebook(path, REPOSITORY, "v1.0.0")
    cells = nbformat.read(path, as_version=4).cells
    assert [SETUP_TAG in c.metadata.get("tags", []) for c in cells] == [True, False]
    assert cells[0].source == CELL and cells[1].outputs == []
