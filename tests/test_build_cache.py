"""A change to data or package code re-executes exactly the notebooks that depend on it."""

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Each test builds a small book several times: `make test-slow` runs them.
pytestmark = pytest.mark.slow

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
TOKEN = re.compile(r"run-token-([0-9a-f]{32})")

NOTEBOOK = """\
---
jupytext:
  text_representation: {{extension: .md, format_name: myst}}
kernelspec: {{display_name: Python 3, language: python, name: python3}}
---
# {title}

```{{code-cell}} ipython3
import uuid
{imports}
print("run-token-" + uuid.uuid4().hex)
```
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("book")
    write(
        root / "_config.yml",
        """\
        title: Cache test
        only_build_toc_files: true
        execute: {execute_notebooks: cache}
        sphinx:
          extra_extensions: [leadership_lab.site.sphinx_extension]
          config: {lab_dependency_package: demo_pkg, html_static_path: [_static]}
        """,
    )
    write(
        root / "_toc.yml",
        "format: jb-book\nroot: intro\n"
        "chapters:\n- file: uses_data\n- file: uses_text\n- file: plain\n",
    )
    write(root / "intro.md", "# Intro\n\nA plain page.\n")
    write(root / "_static/site.css", "body { margin: 0; }\n")
    write(root / "demo_pkg/__init__.py", "")
    write(root / "demo_pkg/loader.py", '__data_files__ = ["data/*.csv"]\nROWS = 3\n')
    write(root / "demo_pkg/words.py", 'GREETING = "hello"\n')
    write(root / "data/cities.csv", "city\nRiverton\n")
    write(
        root / "uses_data.md", NOTEBOOK.format(title="Data", imports="from demo_pkg import loader")
    )
    write(root / "uses_text.md", NOTEBOOK.format(title="Text", imports="import demo_pkg.words"))
    write(root / "plain.md", NOTEBOOK.format(title="Plain", imports="import json"))
    return root


def run_build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(JUPYTER_BOOK), "build", str(root), "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        timeout=300,
    )


def build(root: Path) -> dict[str, str]:
    """Build the book and return each page's run token (new token = re-executed)."""
    result = run_build(root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    tokens = {}
    for page in ("uses_data", "uses_text", "plain"):
        html = (root / "_build/html" / f"{page}.html").read_text(encoding="utf-8")
        tokens[page] = TOKEN.search(html).group(1)
    return tokens


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {page for page in before if before[page] != after[page]}


def test_only_the_notebooks_that_depend_on_a_change_are_re_executed(book):
    first = build(book)

    no_change = build(book)
    assert changed(first, no_change) == set(), "a rebuild with no change must execute nothing"

    (book / "data/cities.csv").write_text("city\nRiverton\nBellmont\n", encoding="utf-8")
    after_data = build(book)
    assert changed(no_change, after_data) == {"uses_data"}

    (book / "demo_pkg/words.py").write_text('GREETING = "hi"\n', encoding="utf-8")
    after_module = build(book)
    assert changed(after_data, after_module) == {"uses_text"}

    (book / "demo_pkg/__init__.py").write_text("VERSION = 2\n", encoding="utf-8")
    after_package = build(book)
    assert changed(after_module, after_package) == {"uses_data", "uses_text"}

    plain = book / "plain.md"
    plain.write_text(plain.read_text().replace("import json", "import json  # edited"))
    after_edit = build(book)
    assert changed(after_package, after_edit) == {"plain"}


def test_an_edited_stylesheet_reaches_the_site_without_re_executing(book):
    before = build(book)
    (book / "_static/site.css").write_text("body { margin: 1px; }\n", encoding="utf-8")
    after = build(book)
    assert (book / "_build/html/_static/site.css").read_text() == "body { margin: 1px; }\n"
    assert changed(before, after) == set()


def test_a_module_change_re_executes_a_notebook_whose_prose_changed_too(book):
    """Sphinx re-reads a notebook whose text changed; its cached outputs must still be dropped
    when a module it imports changed, or the page shows outputs from the old module."""
    before = build(book)
    (book / "demo_pkg/words.py").write_text('GREETING = "good day"\n', encoding="utf-8")
    page = book / "uses_text.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new closing sentence.\n")
    assert changed(before, build(book)) == {"uses_text"}


def test_touching_a_file_without_changing_it_executes_nothing(book):
    before = build(book)
    csv = book / "data/cities.csv"
    csv.write_text(csv.read_text(encoding="utf-8"), encoding="utf-8")
    assert changed(before, build(book)) == set()


def test_every_table_scrolls_in_a_named_box_and_no_other_markup_moves():
    from leadership_lab.site.sphinx_extension import scrollable_tables

    body = (
        '<div class="pst-scrollable-table-container"><table><caption>Table 1 <b>Five</b>'
        "</caption><tr><td>1</td></tr></table></div>"
        "<div class='output'><table><tr><td>2</td></tr></table></div><p>after</p>"
    )
    context = {"body": body}
    scrollable_tables(None, "page", "page.html", context, None)
    out = context["body"]
    assert out.count('class="lab-table-scroll" tabindex="0" role="region"') == 2
    assert 'aria-label="Table 1 Five"' in out and 'aria-label="Table"' in out
    assert "pst-scrollable-table-container" not in out
    assert out.count("<div") == out.count("</div>"), "every box closed, none taken away"
    assert out.endswith("</table></div></div><p>after</p>")


def test_uncached_notebooks_run_side_by_side_before_reading_and_myst_nb_only_renders(book):
    """The parallel step executes every uncached notebook and fills myst-nb's cache, so the read
    that follows executes nothing; a notebook that fails is left to myst-nb, which reports it
    and fails the build."""
    build(book)  # everything cached, whatever ran before
    for page in ("uses_data", "plain"):
        path = book / f"{page}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("import uuid", "import uuid  #"))
    result = run_build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert re.search(r"leadership_lab: executed 2 notebooks on \d+ kernels", result.stdout)
    assert "Executing notebook using" not in result.stdout

    plain = book / "plain.md"
    good = plain.read_text(encoding="utf-8")
    plain.write_text(good.replace("import json", "import json\nraise ValueError"))
    (book / "uses_text.md").write_text(
        (book / "uses_text.md").read_text(encoding="utf-8").replace("import uuid", "import uuid #")
    )
    try:
        failing = run_build(book)
    finally:
        plain.write_text(good, encoding="utf-8")
    assert failing.returncode != 0, "a failing notebook still fails the build"
    assert "left for myst-nb to execute and report" in failing.stdout
    assert "plain.md: WARNING: Executing notebook failed" in failing.stdout + failing.stderr
