"""The sample briefs render in a helper process beside the Sphinx build and reach the site whole,
or the build fails with the helper's own error."""

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.errors import ExtensionError

from leadership_lab.capstone.examples import sample_brief
from leadership_lab.capstone.render import brief_html
from leadership_lab.data import load_sample
from leadership_lab.site import briefs


def fake_app(tmp_path: Path, linked: bool = True) -> SimpleNamespace:
    (tmp_path / "_build" / ".doctrees").mkdir(parents=True)
    (tmp_path / "_build" / "html").mkdir()
    return SimpleNamespace(
        builder=SimpleNamespace(format="html"),
        doctreedir=str(tmp_path / "_build" / ".doctrees"),
        outdir=str(tmp_path / "_build" / "html"),
        confdir=str(Path(__file__).resolve().parents[1]),
        env=SimpleNamespace(metadata={"chapters/06": {briefs.LINKED: linked}, "intro": {}}),
    )


def test_the_helper_writes_every_sample_citys_brief_as_the_capstone_renders_it(tmp_path):
    app = fake_app(tmp_path)
    (tmp_path / "_build" / "html" / "briefs").mkdir()
    (tmp_path / "_build" / "html" / "briefs" / "gone.html").write_text("an old city")
    briefs.start(app, app.env, [])
    assert app.lab_briefs is not None, "the helper starts when reading begins"
    briefs.finish(app, None)
    tables = load_sample()
    site = tmp_path / "_build" / "html" / "briefs"
    assert sorted(p.stem for p in site.iterdir()) == sorted(tables["cities"]["city_id"])
    for city in tables["cities"]["city_id"]:
        expected = brief_html(sample_brief(tables, city))
        assert (site / f"{city}.html").read_text(encoding="utf-8") == expected
    assert not (tmp_path / "_build" / briefs.STAGING).exists(), "the staging folder is cleared"


def test_a_helper_that_fails_fails_the_build_with_its_own_error(tmp_path):
    app = fake_app(tmp_path)
    staging = tmp_path / "_build" / briefs.STAGING
    staging.mkdir()
    with open(staging / briefs.ERRORS, "wb") as errors:
        app.lab_briefs = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; sys.stderr.write('KeyError: riverton'); sys.exit(3)",
            ],
            stderr=errors,
        )
    with pytest.raises(ExtensionError, match=r"exit status 3\):\nKeyError: riverton"):
        briefs.finish(app, None)
    assert not (tmp_path / "_build" / "html" / "briefs").exists(), (
        "nothing half-written is published"
    )


def test_no_briefs_are_published_when_no_page_links_to_them_or_the_build_failed(tmp_path):
    for linked, failure in [(False, None), (True, RuntimeError("a page failed"))]:
        root = tmp_path / str(linked)
        app = fake_app(root, linked=linked)
        briefs.start(app, app.env, [])
        briefs.finish(app, failure)
        assert app.lab_briefs is None
        assert not (root / "_build" / "html" / "briefs").exists()
        assert not (root / "_build" / briefs.STAGING).exists()


def test_without_a_helper_the_briefs_are_written_in_the_build_itself(tmp_path):
    app = fake_app(tmp_path)
    briefs.finish(app, None)
    assert len(list((tmp_path / "_build" / "html" / "briefs").glob("*.html"))) == 8


def test_the_command_line_names_its_one_argument(capsys):
    assert briefs.main([]) == 2
    assert "usage: python -m leadership_lab.site.briefs FOLDER" in capsys.readouterr().err
