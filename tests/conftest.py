"""Shared fixtures: the repository's paths, and the built site served on 127.0.0.1."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tools.chromium import CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """The built site over HTTP on a free local port, for as long as the session runs."""
    if not (SITE / "index.html").is_file():
        pytest.fail(f"No built site at {SITE}: run `make book` first (make test does).")
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Drive Debian's Chromium; never a browser Playwright downloads."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Chromium is missing: run `sudo apt-get install chromium` (make test does as root)."
        )
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_FLAGS}


@pytest.fixture
def live_shell():
    """Widgets display their charts as in a live JupyterLab, with the output kept out of the log."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    shell.display_formatter.active_types = shell.display_formatter.format_types
    with capture_output():
        yield shell


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last. Playwright's sync API leaves its event loop marked as running in the
    main thread; nbclient then executes notebooks from a helper thread, where a kernel's reply can
    go unread until the cell times out. Running the notebook tests first avoids that."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
