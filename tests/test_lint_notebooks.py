"""The notebook linter reads MyST notebooks and names the notebook and cell of each finding."""

from tools import lint_notebooks

NOTEBOOK = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A chapter

```{code-cell} ipython3
import os
display("fine: IPython's display is a notebook builtin")
```

Some prose.

```{code-cell} ipython3
x = undefined_name
```
"""


def test_findings_name_the_notebook_cell_and_rule(tmp_path, monkeypatch):
    folder = tmp_path / "chapters"
    folder.mkdir()
    (folder / "99_test.md").write_text(NOTEBOOK, encoding="utf-8")
    monkeypatch.setattr(lint_notebooks, "ROOT", tmp_path)
    found = lint_notebooks.findings(lint_notebooks.notebooks(tmp_path))
    assert any(line.startswith("chapters/99_test.md, cell 2") and "F401" in line for line in found)
    assert any("cell 4" in line and "F821" in line for line in found)
    assert not any("display" in line for line in found)


def test_the_books_notebooks_are_clean():
    assert lint_notebooks.findings(lint_notebooks.notebooks()) == []
