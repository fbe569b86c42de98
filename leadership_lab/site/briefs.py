"""The site's sample briefs, written beside the build rather than after it.

Each sample city's one-page brief (`capstone`) is a page of its own in the site's `briefs/`
folder. Writing the eight of them takes a second or two of pandas and scorecard work, which the
Sphinx process used to do after every page was written, while the second core sat idle. The
build now starts one helper process as soon as the notebooks have executed (their forecast fits
are then on disk, so the helper computes none of its own); it renders the briefs into a staging
folder while Sphinx reads and writes the pages, and the build copies them into the site when it
finishes. A brief that fails to render fails the build with the helper's own error, as it did
when the Sphinx process wrote them itself.

`python -m leadership_lab.site.briefs FOLDER` writes the briefs into FOLDER.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

FOLDER = "briefs"  # the site folder every page's links point into
LINKED = "lab_sample_briefs"  # page metadata: this page links to the briefs
STAGING = "briefs-staging"  # beside the doctrees, never published
ERRORS = "errors.txt"


def write_briefs(folder: Path) -> list[Path]:
    """Render every sample city's brief into `folder`; returns the files written."""
    from ..capstone.examples import sample_brief
    from ..capstone.render import brief_html
    from ..data import load_sample

    tables = load_sample()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for city in tables["cities"]["city_id"]:
        path = folder / f"{city}.html"
        path.write_text(brief_html(sample_brief(tables, city)), encoding="utf-8")
        written.append(path)
    return written


def _staging(app: Sphinx) -> Path:
    return Path(app.doctreedir).resolve().parent / STAGING


def start(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Sphinx's env-before-read-docs hook (after the notebooks have executed): start the helper
    that renders the briefs while Sphinx reads and writes the pages."""
    if app.builder.format != "html" or getattr(app, "lab_briefs", None) is not None:
        return
    staging = _staging(app)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with open(staging / ERRORS, "wb") as errors:
        app.lab_briefs = subprocess.Popen(  # type: ignore[attr-defined]
            [sys.executable, "-m", __name__, str(staging / FOLDER)],
            cwd=app.confdir,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )


def finish(app: Sphinx, exception: Exception | None) -> None:
    """Sphinx's build-finished hook: when a page links to the briefs, wait for the helper and
    publish what it wrote (or write them here, if no helper was started)."""
    helper: subprocess.Popen[Any] | None = getattr(app, "lab_briefs", None)
    app.lab_briefs = None  # type: ignore[attr-defined]
    staging = _staging(app)
    linked = any(meta.get(LINKED) for meta in app.env.metadata.values())
    if exception or app.builder.format != "html" or not linked:
        if helper is not None:
            helper.kill()
            helper.wait()
        shutil.rmtree(staging, ignore_errors=True)
        return
    target = Path(app.outdir) / FOLDER
    if helper is None:
        write_briefs(target)
        return
    code = helper.wait()
    errors = (staging / ERRORS).read_text(encoding="utf-8", errors="replace")
    if code != 0:
        raise ExtensionError(f"Writing the sample briefs failed (exit status {code}):\n{errors}")
    if errors:  # warnings the briefs printed, shown as they were when written in this process
        sys.stderr.write(errors)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(staging / FOLDER, target)
    shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m leadership_lab.site.briefs FOLDER", file=sys.stderr)
        return 2
    write_briefs(Path(args[0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
