"""`make session` starts a JupyterLab with real-time collaboration switched on, safely: on this
machine only unless told otherwise, with no terminals, and never as root unless asked."""

import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
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


# What `make session` runs, and what it refuses. The Makefile's runtime stamp is treated as
# fresh (-o) so a dry or refused run never installs anything.
ROOT = Path(__file__).resolve().parents[1]
STAMP = ".venv/.runtime-installed"
SESSION_VARIABLES = ("SESSION_IP", "SESSION_PORT", "SESSION_BEHIND_PROXY", "ALLOW_ROOT")


def make(*args: str, path_prefix: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """Run make in its own process group, so anything it started is ended even on a timeout."""
    environment = {k: v for k, v in os.environ.items() if k not in SESSION_VARIABLES}
    if path_prefix is not None:
        environment["PATH"] = f"{path_prefix}{os.pathsep}{environment['PATH']}"
    command = ["make", "--no-print-directory", "-o", STAMP, *args]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**environment, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"{' '.join(command)} was still running after 60 s")
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def session_command(*args: str) -> list[str]:
    """The `jupyter lab` command `make -n session` would run, as its arguments."""
    dry = make("-n", "session", *args)
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.replace("\\\n", " ").splitlines()
    (command,) = [line for line in lines if "/jupyter lab " in line]
    return shlex.split(command)


def pretend_uid(tmp_path: Path, uid: int) -> Path:
    """A folder whose `id` says the given user id, to put first on PATH."""
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    script = fake / "id"
    real = shutil.which("id")
    script.write_text(f'#!/bin/sh\n[ "$1" = -u ] && echo {uid} && exit 0\nexec {real} "$@"\n')
    script.chmod(0o755)
    return fake


def test_the_session_listens_on_this_machine_only_unless_told_otherwise():
    command = session_command()
    assert "--ip=127.0.0.1" in command
    assert not [arg for arg in command if "0.0.0.0" in arg]
    assert "--ip=192.0.2.10" in session_command("SESSION_IP=192.0.2.10")


def test_the_session_has_no_terminals():
    assert "--ServerApp.terminals_enabled=False" in session_command()


def test_the_session_takes_a_proxys_host_name_only_when_told_it_is_behind_one():
    assert not [arg for arg in session_command() if "allow_remote_access" in arg]
    command = session_command("SESSION_BEHIND_PROXY=1")
    assert "--ServerApp.allow_remote_access=True" in command
    assert "--ip=127.0.0.1" in command


def test_the_session_allows_root_only_when_asked_explicitly():
    assert "--allow-root" not in session_command()
    assert "--allow-root" in session_command("ALLOW_ROOT=1")


def test_the_session_refuses_to_start_as_root(tmp_path):
    refused = make("session", path_prefix=pretend_uid(tmp_path, 0))
    assert refused.returncode != 0
    assert "will not run as root" in refused.stdout
    assert "ALLOW_ROOT=1" in refused.stdout
    assert "jupyter lab" not in refused.stdout + refused.stderr  # nothing was started


def test_the_root_check_lets_an_ordinary_user_or_an_explicit_allow_through(tmp_path):
    assert make("session-not-root", path_prefix=pretend_uid(tmp_path, 1000)).returncode == 0
    root = pretend_uid(tmp_path, 0)
    assert make("session-not-root", "ALLOW_ROOT=1", path_prefix=root).returncode == 0


def test_a_running_session_listens_on_loopback_only_and_offers_no_terminal():
    port, token = free_port(), "session-test-token"
    args = [f"SESSION_PORT={port}"] + (["ALLOW_ROOT=1"] if os.getuid() == 0 else [])
    environment = {k: v for k, v in os.environ.items() if k not in SESSION_VARIABLES}
    server = subprocess.Popen(
        ["make", "--no-print-directory", "-o", STAMP, "session", *args],
        cwd=ROOT,
        env={**environment, "JUPYTER_TOKEN": token},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/status?token={token}", timeout=5) as response:
                    assert response.status == 200
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("make session did not answer on 127.0.0.1 within 60 s")
                time.sleep(0.5)
        listening = {
            c.laddr.ip
            for c in psutil.net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN and c.laddr.port == port
        }
        assert listening and listening <= {"127.0.0.1"}
        request = urllib.request.Request(f"{base}/terminals?token={token}", method="POST", data=b"")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 404
        # A page asked for under another host name (DNS rebinding, or a proxy not declared
        # with SESSION_BEHIND_PROXY=1) is refused.
        foreign = urllib.request.Request(
            f"{base}/status?token={token}", headers={"Host": "session.example.org"}
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(foreign, timeout=10)
        assert refused.value.code == 403
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
