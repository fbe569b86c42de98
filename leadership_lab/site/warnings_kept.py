"""A build that warned is read again in full next time, so its warnings are reported again.

`make book` treats warnings as errors but keeps going (`-W --keep-going`), so one run reports
every problem. Sphinx then saves its environment as if the pages were fine: the next run finds
no page changed, reads none, reports no warning and succeeds, with the broken cross-reference
still in the site. Sphinx itself discards the environment only after an exception. This
extension leaves a mark when a build warned and, while the mark is there, has Sphinx read every
page again (notebooks come from myst-nb's cache, so nothing is executed again). A build without
warnings removes the mark.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
MARK = "lab-last-build-warned"


def _mark(app: Sphinx) -> Path:
    return Path(app.doctreedir) / MARK


def read_again_after_warnings(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Sphinx's env-get-outdated hook: every page, when the last build warned."""
    if not _mark(app).is_file():
        return []
    LOGGER.info("leadership_lab: the last build warned; reading every page again")
    return sorted(env.found_docs - added - changed)


def remember_warnings(app: Sphinx, exception: Exception | None) -> None:
    """Sphinx's build-finished hook: mark a build whose warnings count as errors and warned.
    (Sphinx counts warnings in `_warncount`, with no public name for the count; with `-W
    --keep-going` it sets `keep_going` and clears `warningiserror`.)"""
    warned = bool(getattr(app, "_warncount", 0)) and (app.keep_going or app.warningiserror)
    if warned and exception is None:
        _mark(app).parent.mkdir(parents=True, exist_ok=True)
        _mark(app).write_text("The last build warned.\n", encoding="utf-8")
    elif exception is None:
        _mark(app).unlink(missing_ok=True)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-outdated", read_again_after_warnings)
    app.connect("build-finished", remember_warnings)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
