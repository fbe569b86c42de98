"""A chapter's web page shows no raw widget or setup code: every code cell that imports
something is hidden on the site (remove-input or remove-cell), so a city leader reading the page
meets prose and figures, while JupyterLab still runs the cell."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
HIDDEN = {"remove-input", "remove-cell"}
IMPORT = re.compile(r"^\s*(import|from\s+\S+\s+import)\b", re.MULTILINE)


def visible_imports(path: Path) -> list[int]:
    """Numbers (1-based) of the code cells whose source the site would show with an import."""
    notebook = jupytext.read(path)
    found = []
    for number, cell in enumerate(notebook.cells, start=1):
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type == "code" and not tags & HIDDEN and IMPORT.search(cell.source):
            found.append(number)
    return found


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_no_chapter_shows_an_import_on_the_site(path):
    assert visible_imports(path) == [], f"{path.name}: cells showing imports on the site"


def test_the_check_sees_an_import_in_a_cell_left_visible(tmp_path):
    page = tmp_path / "99_test.md"
    page.write_text(
        "---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n"
        "kernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n\n"
        "# A chapter\n\n```{code-cell} ipython3\n:tags: [remove-output]\n"
        "from leadership_lab.systems.widgets import diagram_builder\n```\n\n"
        "```{code-cell} ipython3\n:tags: [remove-input]\nimport os\n```\n",
        encoding="utf-8",
    )
    assert visible_imports(page) == [2]
