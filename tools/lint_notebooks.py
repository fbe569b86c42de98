"""Lint the code cells of the book's MyST notebooks (chapters and exercises) with ruff.

ruff reads .py and .ipynb files, not MyST markdown, so each notebook is written as .ipynb (through
jupytext, which the book already uses) to a temporary folder and checked there with the
project's own ruff settings; ruff knows notebooks (cells, IPython's builtins). Findings are
reported against the MyST notebook and its cell, counted as JupyterLab shows them.

    python -m tools.lint_notebooks    exits 1 when anything is found
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "pyproject.toml"  # the project's ruff settings, wherever the notebooks are
FOLDERS = ("chapters", "exercises")


def notebooks(root: Path = ROOT) -> list[Path]:
    return sorted(path for folder in FOLDERS for path in (root / folder).glob("*.md"))


def findings(paths: list[Path]) -> list[str]:
    """ruff's findings for the notebooks, as 'notebook, cell N, line L: code message' lines."""
    with tempfile.TemporaryDirectory() as scratch:
        sources = {}
        for path in paths:
            copy = Path(scratch) / f"{path.parent.name}__{path.stem}.ipynb"
            jupytext.write(jupytext.read(path, fmt="md:myst"), copy, fmt="ipynb")
            sources[copy.name] = path
        command = [
            sys.executable, "-m", "ruff", "check", "--output-format=json", "--no-cache",
            "--config", str(SETTINGS), scratch,
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode not in (0, 1):
            raise SystemExit(result.stderr or result.stdout)
        found = []
        for item in json.loads(result.stdout or "[]"):
            notebook = sources[Path(item["filename"]).name].relative_to(ROOT)
            where = f"cell {item.get('cell')}, line {item['location']['row']}"
            found.append(f"{notebook}, {where}: {item['code']} {item['message']}")
        return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.lint_notebooks")
    parser.parse_args(argv)
    found = findings(notebooks())
    for line in found:
        print(line)
    print(f"{len(notebooks())} notebooks checked, {len(found)} findings.")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
