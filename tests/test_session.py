"""`make session` starts a JupyterLab with real-time collaboration switched on."""

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

JUPYTER = Path(sys.executable).parent / "jupyter"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_collaboration_extension_is_installed_and_enabled():
    listing = subprocess.run(
        [str(JUPYTER), "server", "extension", "list"], capture_output=True, text=True
    )
    text = listing.stdout + listing.stderr
    assert "jupyter_server_ydoc" in text and "enabled" in text


def test_a_collaborative_lab_starts_and_serves_its_shared_documents(tmp_path):
    port, token = free_port(), "test-token"
    command = [
        str(JUPYTER), "lab", "--collaborative", "--no-browser", "--allow-root",
        "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
        f"--notebook-dir={tmp_path}", f"--BaseFileIdManager.db_path={tmp_path / 'ids.db'}",
    ]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                url = f"http://127.0.0.1:{port}/api/collaboration/session/notes.txt?token={token}"
                request = urllib.request.Request(
                    url, method="PUT", data=b'{"format": "text", "type": "file"}'
                )
                (tmp_path / "notes.txt").write_text("shared", encoding="utf-8")
                with urllib.request.urlopen(request, timeout=5) as response:
                    session = json.load(response)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("JupyterLab with --collaborative did not answer within 60 s")
                time.sleep(0.5)
        assert session["format"] == "text" and session["fileId"]
    finally:
        server.terminate()
        server.wait(timeout=20)
