import os
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from leadership_lab.site import dependencies
from leadership_lab.site.sphinx_extension import notebook_code

ROOT = Path(__file__).resolve().parents[1]
ORDER_FIXTURE = Path(tempfile.mkdtemp(prefix="fingerprint-order-"))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_package(root: Path) -> None:
    write(root / "pkg/__init__.py", "")
    write(root / "pkg/topic/__init__.py", "")
    write(root / "pkg/topic/model.py", "from ..loader import read\n")
    write(root / "pkg/topic/figures.py", "from .model import thing\nimport plotly\n")
    write(root / "pkg/loader.py", "__data_files__ = ['data/*.csv']\n")
    write(root / "pkg/other.py", "X = 1\n")
    write(root / "data/cities.csv", "city\nRiverton\n")
    write(root / "data/notes.txt", "not a dependency\n")


def test_imports_of_the_package_are_found_and_others_ignored():
    code = (
        "import pandas\nfrom pkg.topic import figures, model\n"
        "import pkg.other as o\n%matplotlib inline\n"
    )
    assert dependencies.imported_modules(code, "pkg") == {
        "pkg.topic",
        "pkg.topic.figures",
        "pkg.topic.model",
        "pkg.other",
    }


def test_code_that_does_not_parse_has_no_known_imports():
    assert dependencies.imported_modules("def broken(:\n", "pkg") == set()


def test_the_closure_follows_relative_imports_and_parent_packages(tmp_path):
    make_package(tmp_path)
    closure = dependencies.import_closure({"pkg.topic.figures"}, "pkg", tmp_path)
    assert set(closure) == {
        "pkg",
        "pkg.topic",
        "pkg.topic.figures",
        "pkg.topic.model",
        "pkg.loader",
    }


def test_an_edited_module_is_read_again_though_each_module_is_parsed_once(tmp_path, monkeypatch):
    """The build asks for the same modules' imports for every notebook; each source is parsed
    once, and an edit (new source) is parsed again, so the closure never goes stale."""
    import ast

    make_package(tmp_path)
    parsed = []
    real_parse = ast.parse
    monkeypatch.setattr(ast, "parse", lambda text, *a, **k: parsed.append(text) or real_parse(text))
    dependencies._module_imports.cache_clear()
    first = dependencies.import_closure({"pkg.topic.figures"}, "pkg", tmp_path)
    count = len(parsed)
    assert dependencies.import_closure({"pkg.topic.figures"}, "pkg", tmp_path) == first
    assert len(parsed) == count, "nothing parsed twice"
    write(tmp_path / "pkg/topic/model.py", "from ..loader import read\nfrom .. import other\n")
    assert "pkg.other" in dependencies.import_closure({"pkg.topic.figures"}, "pkg", tmp_path)
    write(tmp_path / "pkg/loader.py", "__data_files__ = ['data/*.txt']\n")
    files = dependencies.dependency_files("from pkg.topic import figures", "pkg", tmp_path)
    assert "data/notes.txt" in {p.relative_to(tmp_path).as_posix() for p in files}


def test_data_files_come_from_the_modules_that_declare_them(tmp_path):
    make_package(tmp_path)
    files = dependencies.dependency_files("from pkg.topic import figures", "pkg", tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in files}
    assert "data/cities.csv" in names
    assert "data/notes.txt" not in names
    assert "pkg/other.py" not in names


def test_a_notebook_that_skips_the_loader_does_not_depend_on_the_data(tmp_path):
    make_package(tmp_path)
    files = dependencies.dependency_files("import pkg.other", "pkg", tmp_path, always=["req.txt"])
    assert {p.relative_to(tmp_path).as_posix() for p in files} == {
        "pkg/__init__.py",
        "pkg/other.py",
    }


def test_the_fingerprint_changes_with_content_but_not_with_timestamps(tmp_path):
    make_package(tmp_path)
    files = dependencies.dependency_files("from pkg.topic import figures", "pkg", tmp_path)
    before = dependencies.fingerprint(files, tmp_path)
    csv = tmp_path / "data/cities.csv"
    os.utime(csv, (1, 1))
    assert dependencies.fingerprint(files, tmp_path) == before
    csv.write_text("city\nPort Alder\n", encoding="utf-8")
    assert dependencies.fingerprint(files, tmp_path) != before


@given(st.permutations(["a.py", "b.py", "c.csv"]))
def test_the_fingerprint_does_not_depend_on_the_order_files_are_listed(order):
    base = ORDER_FIXTURE
    for name in order:
        write(base / name, name)
    files = [base / name for name in order]
    assert dependencies.fingerprint(files, base) == dependencies.fingerprint(sorted(files), base)


def test_a_plain_markdown_page_is_not_a_notebook():
    assert notebook_code(ROOT / "book/glossary.md") is None


def test_the_first_chapter_depends_on_its_topic_modules_and_requirements():
    from leadership_lab.site.sphinx_extension import ALWAYS

    code = notebook_code(ROOT / "chapters/01_public_sector_gap.md")
    files = dependencies.dependency_files(code, "leadership_lab", ROOT, always=ALWAYS)
    names = {p.relative_to(ROOT).as_posix() for p in files}
    assert {
        "leadership_lab/__init__.py",
        "leadership_lab/site/plotly_renderer.py",
        "leadership_lab/chart_markup.py",
        "leadership_lab/public_sector_gap/model.py",
        "leadership_lab/public_sector_gap/figures.py",
        "leadership_lab/public_sector_gap/widgets.py",
        "requirements.txt",
    } <= names
