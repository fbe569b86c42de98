"""The facilitator's dashboard in a real JupyterLab: run the summary notebook unedited, see the
roster and the charts, press Refresh as a hand-in arrives."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import jupytext
import pytest

from leadership_lab.public_sector_gap import exercises as chapter
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
JUPYTER = Path(sys.executable).parent / "jupyter"
EX = {e.id: e for e in chapter.EXERCISES}
RIGHT = EX["gap_cause"].answer
WRONG = next(c for c in EX["gap_cause"].choices if c != RIGHT)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hand_in(folder: Path, learner_id: str, name: str, answer: str) -> None:
    data = {
        "format": "leadership-lab-submission",
        "version": 3,
        "learner": {"id": learner_id, "name": name, "cohort": ""},
        "chapter": chapter.CHAPTER,
        "submitted_at": "2026-03-10T09:05:00+00:00",
        "answers": {"gap_cause": {"answer": answer}},
    }
    (folder / f"{learner_id}.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def lab(tmp_path):
    """JupyterLab on loopback with the summary notebook beside a hand-in folder."""
    port, token = free_port(), "dashboard-test"
    handins = tmp_path / "hand-ins"
    handins.mkdir()
    notebook = jupytext.read(ROOT / "exercises" / "facilitator_summary.md")
    jupytext.write(notebook, tmp_path / "facilitator_summary.ipynb")
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "LEADERSHIP_LAB_SUBMISSIONS": str(handins),
    }
    env.pop("LEADERSHIP_LAB_RENDERER", None)
    command = [
        str(JUPYTER), "lab", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp_path}",
        "--ServerApp.terminals_enabled=False",
    ]  # fmt: skip
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api?token={token}", timeout=5):
                break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.terminate()
                pytest.fail("JupyterLab did not answer within 90 s")
            time.sleep(0.5)
    try:
        yield f"http://127.0.0.1:{port}/lab/tree/facilitator_summary.ipynb?token={token}", handins
    finally:
        stop_server(server, f"http://127.0.0.1:{port}", token)


def stop_server(server: subprocess.Popen, base: str, token: str) -> None:
    """Shut JupyterLab down through its API, which stops the kernel first.

    A SIGTERM with the browser's kernel socket still open made the server wait out its own
    timeout (60 s of every test run); the API shutdown returns in about a second.
    """
    request = urllib.request.Request(
        f"{base}/api/shutdown", method="POST", headers={"Authorization": f"token {token}"}
    )
    try:
        urllib.request.urlopen(request, timeout=10).close()
        server.wait(timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        server.kill()
        server.wait(timeout=10)


# `lab` before `page`: fixtures are torn down in reverse, so the browser and its kernel socket
# are gone before the server shuts down (with the socket open it waited 20 s on a clean machine).
def test_the_dashboard_runs_in_jupyterlab_and_refreshes_during_the_session(lab, page):
    url, handins = lab
    hand_in(handins, "hub-ana", "Ana Ortiz", WRONG)
    hand_in(handins, "hub-bo", "Bo Chen", RIGHT)
    page.set_default_timeout(90_000)
    page.goto(url)
    page.locator(".jp-Notebook").wait_for()
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()
    page.locator(".jp-CodeCell .jp-InputArea-editor").first.click()
    page.keyboard.press("Shift+Enter")
    roster = page.locator(".widget-html", has_text=re.compile(r"\d+ handed in")).first
    roster.wait_for()
    assert "2 handed in" in roster.inner_text()
    assert "Ana Ortiz" in roster.inner_text() and "Bo Chen" in roster.inner_text()
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for()
    assert page.get_by_text("1 of 2 right").count() >= 1
    ticks = chart.locator(".xtick text").all_text_contents()
    assert ticks and all(t.isdigit() for t in ticks), "whole learners on the count axis"

    hand_in(handins, "hub-cy", "Cy Diaz", RIGHT)
    page.locator(".widget-button", has_text="Refresh").click()
    page.get_by_text("3 handed in").wait_for()
    assert "Cy Diaz" in roster.inner_text()
    page.get_by_text("2 of 3 right.").wait_for()
