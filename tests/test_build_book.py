"""`make book` runs jupyter-book through leadership_lab.site.build_book, which skips only the
interpreter's teardown: the exit status, the output and the site are jupyter-book's own."""

import subprocess
import sys
from pathlib import Path

import pytest

from leadership_lab.site.build_book import exit_status

ROOT = Path(__file__).resolve().parents[1]
BOOK_FLAGS = ["-W", "-n", "--keep-going"]  # as the Makefile's BOOK_FLAGS


def test_make_book_runs_jupyter_book_through_the_launcher_with_these_flags():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "BOOK_FLAGS := " + " ".join(BOOK_FLAGS) in makefile
    assert "$(BIN)/python -m leadership_lab.site.build_book build . $(BOOK_FLAGS)" in makefile


@pytest.mark.parametrize(
    ("code", "status"), [(None, 0), (0, 0), (1, 1), (2, 2), ("Build failed", 1)]
)
def test_the_exit_status_is_the_one_sys_exit_would_give(code, status, capsys):
    assert exit_status(code) == status
    assert capsys.readouterr().err == ("Build failed\n" if isinstance(code, str) else "")


def small_book(root: Path, page: str) -> Path:
    root.mkdir()
    (root / "_config.yml").write_text("title: Small\nexecute: {execute_notebooks: 'off'}\n")
    (root / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (root / "intro.md").write_text(page)
    return root


def build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "leadership_lab.site.build_book", "build", str(root), *BOOK_FLAGS],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


@pytest.mark.slow  # a real build each; with the build-cache rebuilds in `make test-slow`
def test_a_good_book_builds_and_exits_zero_with_jupyter_books_own_message(tmp_path):
    done = build(small_book(tmp_path / "good", "# Small\n\nA page.\n"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "build succeeded" in done.stdout
    assert "Finished generating HTML for book." in done.stdout
    assert "A page." in (tmp_path / "good" / "_build" / "html" / "intro.html").read_text()


@pytest.mark.slow  # a real build each; with the build-cache rebuilds in `make test-slow`
def test_a_warning_fails_the_build_with_jupyter_books_status_and_message(tmp_path):
    done = build(small_book(tmp_path / "bad", "# Small\n\nSee {ref}`no-such-label`.\n"))
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert "undefined label: 'no-such-label'" in output
    assert "returns a non-zero exit code (1)" in output


@pytest.mark.slow  # a real build each; with the build-cache rebuilds in `make test-slow`
def test_a_build_that_warned_warns_again_until_the_page_is_fixed(tmp_path):
    """Without leadership_lab.site.warnings_kept the second build finds nothing changed and
    succeeds with the broken reference still in the site."""
    root = small_book(tmp_path / "book", "# Small\n\nSee {ref}`no-such-label`.\n")
    config = root / "_config.yml"
    config.write_text(
        config.read_text() + "sphinx:\n  extra_extensions: [leadership_lab.site.warnings_kept]\n"
    )
    first, second = build(root), build(root)
    for done in (first, second):
        assert done.returncode == 1
        assert "undefined label: 'no-such-label'" in done.stdout + done.stderr
    assert "the last build warned; reading every page again" in second.stdout + second.stderr
    (root / "intro.md").write_text("# Small\n\nFixed.\n")
    fixed, again = build(root), build(root)
    assert (fixed.returncode, again.returncode) == (0, 0), fixed.stdout + fixed.stderr
    assert "reading every page again" not in again.stdout + again.stderr
    assert not (root / "_build" / ".doctrees" / "lab-last-build-warned").exists()
