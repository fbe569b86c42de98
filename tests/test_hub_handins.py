"""Twenty learners hand in through a real JupyterHub, at once, and the facilitator counts them all.

The hub is jupyterhub from PyPI behind configurable-http-proxy from npm, on 127.0.0.1, with the
dummy authenticator and local processes ("simple" spawner) as this machine's one OS user. Each
server's LEADERSHIP_LAB_SUBMISSIONS is that learner's own folder, as the cohort's hub mounts only
the learner's own folder of the hand-in volume (deploy/jupyterhub/config.yaml). Every learner
starts a server through the hub's REST API, opens a kernel on it with their own token, answers
self-checks and exports, all concurrently; the facilitator then runs collect over every
learner's folder.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import pytest
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

from leadership_lab.catalogue import chapter_exercises
from leadership_lab.exercises.collect import collect

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# A real JupyterHub with twenty learners takes over a minute to start: `make test-slow` runs it.
pytestmark = pytest.mark.slow

PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
LEARNERS = [f"learner-{n:02d}" for n in range(20)]
# Typed names repeat (two people called Sam Lee): hand-ins are told apart by the hub's user name.
TYPED = ["Sam Lee", "Ana Ruiz", "Kofi Mensah", "Mei Chen", "Ravi Patel"]
CHAPTER = "01_public_sector_gap"
COHORT = "Hub cohort"
START_TIMEOUT = 150


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Hub:
    url: str  # the proxy's public address: what a learner's browser would open
    api: str
    token: str  # the test's service token (admin of users and servers)
    handins: Path  # one folder per learner below this, as on the cohort's volume
    log: Path


HUB_CONFIG = """
import os
from pathlib import Path

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.start_timeout = {timeout}
c.Spawner.http_timeout = {timeout}
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.db_url = "sqlite:///" + {tmp!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {tmp!r} + "/cookie_secret"
c.JupyterHub.pid_file = {tmp!r} + "/jupyterhub.pid"
c.JupyterHub.services = [{{"name": "course-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [
    {{
        "name": "course-test",
        "scopes": ["admin:users", "admin:servers", "tokens", "access:servers"],
        "services": ["course-test"],
    }}
]
# As on the cohort's hub, where each server mounts only its own folder of the hand-in volume.
HANDINS = Path({handins!r})
c.Spawner.environment = {{
    "LEADERSHIP_LAB_SUBMISSIONS": lambda spawner: str(HANDINS / spawner.user.name),
}}
"""


def our_processes(tmp: Path) -> list[psutil.Process]:
    """Processes this test started: the hub, its proxy, servers and kernels all name or run in
    the test's own temporary folder."""
    found = []
    for process in psutil.process_iter(["cmdline", "cwd"]):
        try:
            text = " ".join(process.info["cmdline"] or []) + " " + (process.info["cwd"] or "")
        except (psutil.Error, TypeError):
            continue
        if str(tmp) in text and process.pid != os.getpid():
            found.append(process)
    return found


def stop_everything(hub: subprocess.Popen, tmp: Path) -> None:
    """Ask the hub to stop (it stops every server and its proxy), then end whatever is left."""
    if hub.poll() is None:
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(timeout=45)
        except subprocess.TimeoutExpired:
            hub.kill()
            hub.wait(timeout=10)
    leftovers = our_processes(tmp)
    for process in leftovers:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(leftovers, timeout=10)


def wait_for_hub(api: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterHub exited ({process.returncode}):\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(f"{api}/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"JupyterHub did not answer within 60 s:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    if not PROXY.exists():
        pytest.fail(f"{PROXY} is missing: run `npm ci` (make test does, through node-tools).")
    tmp = tmp_path_factory.mktemp("hub")
    port, token = free_port(), uuid.uuid4().hex
    handins = tmp / "handins"
    handins.mkdir()
    args = ["--ServerApp.terminals_enabled=False"]
    if os.getuid() == 0:
        args.append("--allow-root")  # CI containers run as root; the servers are local processes
    config = tmp / "jupyterhub_config.py"
    config.write_text(
        HUB_CONFIG.format(
            port=port,
            hub_port=free_port(),
            proxy_api_port=free_port(),
            proxy=str(PROXY),
            homes=str(tmp / "homes"),
            singleuser=str(BIN / "jupyterhub-singleuser"),
            args=args,
            timeout=START_TIMEOUT,
            tmp=str(tmp),
            token=token,
            handins=str(handins),
        ),
        encoding="utf-8",
    )
    log = tmp / "jupyterhub.log"
    env = {**os.environ, "PATH": f"{PROXY.parent}{os.pathsep}{BIN}{os.pathsep}{os.environ['PATH']}"}
    env.pop("LEADERSHIP_LAB_SUBMISSIONS", None)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(BIN / "jupyterhub"), "-f", str(config)],
            cwd=tmp,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        api = f"http://127.0.0.1:{port}/hub/api"
        wait_for_hub(api, process, log)
        yield Hub(f"http://127.0.0.1:{port}", api, token, handins, log)
    finally:
        stop_everything(process, tmp)


# What a learner's notebook does: open their progress, answer, export to the hand-in folder.
LEARNER_CODE = textwrap.dedent(
    """
    import json, os
    from leadership_lab.catalogue import chapter_exercises
    from leadership_lab.exercises.progress import ProgressStore, hand_in_folder

    chapter = {chapter!r}
    exercises = {{e.id: e for e in chapter_exercises()[chapter]}}
    store = ProgressStore.open(os.getcwd())
    store.set_learner({typed!r}, {cohort!r})
    for exercise_id, right in zip({answered!r}, {rights!r}):
        exercise = exercises[exercise_id]
        answer = exercise.correct() if right else next(
            c for c in exercise.choices if c != exercise.correct())
        store.record(chapter, exercise.id, answer, exercise.check(answer).correct)
    path = store.export(chapter, folder=hand_in_folder())
    print(json.dumps({{"file": str(path), "user": os.environ["JUPYTERHUB_USER"]}}))
    """
)


def single_choices() -> list[str]:
    """The chapter's first two one-answer self-checks: the ones every learner answers."""
    return [
        e.id
        for e in chapter_exercises()[CHAPTER]
        if getattr(e, "choices", ()) and isinstance(e.correct(), str)
    ][:2]


ANSWERED = single_choices()


def rights_of(index: int) -> list[bool]:
    """Everyone gets the first self-check right; only even-numbered learners the second."""
    return [True, index % 2 == 0]


async def call(
    client: AsyncHTTPClient, url: str, token: str, method: str = "GET", body: Any = None
) -> Any:
    request = HTTPRequest(
        url,
        method=method,
        headers={"Authorization": f"token {token}"},
        body=None if method in ("GET", "DELETE") else json.dumps(body or {}),
        request_timeout=START_TIMEOUT,
    )
    response = await client.fetch(request)
    return json.loads(response.body) if response.body else None


async def start_server(client: AsyncHTTPClient, hub: Hub, user: str) -> None:
    await call(client, f"{hub.api}/users/{user}/server", hub.token, "POST", {})
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        model = await call(client, f"{hub.api}/users/{user}", hub.token)
        server = model["servers"].get("")
        if server and server["ready"]:
            return
        await asyncio.sleep(0.5)
    raise TimeoutError(f"{user}'s server did not start within {START_TIMEOUT} s")


async def run_in_kernel(client: AsyncHTTPClient, hub: Hub, user: str, code: str) -> str:
    """Run code in a new kernel on the user's own server, with the user's own token, over the
    Jupyter Server REST API and the kernel's websocket; return what it printed."""
    token = (
        await call(client, f"{hub.api}/users/{user}/tokens", hub.token, "POST", {"note": "test"})
    )["token"]
    base = f"{hub.url}/user/{user}/api/kernels"
    kernel = await call(client, base, token, "POST", {"name": "python3"})
    ws_url = f"{base}/{kernel['id']}/channels".replace("http://", "ws://", 1)
    socket_ = await websocket_connect(
        HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}, request_timeout=60)
    )
    msg_id = uuid.uuid4().hex
    socket_.write_message(
        json.dumps(
            {
                "header": {
                    "msg_id": msg_id,
                    "msg_type": "execute_request",
                    "username": user,
                    "session": uuid.uuid4().hex,
                    "version": "5.3",
                },
                "parent_header": {},
                "metadata": {},
                "channel": "shell",
                "content": {"code": code, "silent": False, "allow_stdin": False},
                "buffers": [],
            }
        )
    )
    printed, replied, idle = [], None, False
    try:
        while replied is None or not idle:
            raw = await asyncio.wait_for(socket_.read_message(), timeout=START_TIMEOUT)
            if raw is None:
                raise ConnectionError(f"{user}'s kernel closed its websocket")
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                printed.append(content["text"])
            elif kind == "error":
                raise AssertionError(f"{user}'s code failed:\n" + "\n".join(content["traceback"]))
            elif kind == "execute_reply":
                replied = content
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
    finally:
        socket_.close()
        await call(client, f"{base}/{kernel['id']}", token, "DELETE")
    assert replied["status"] == "ok", replied
    return "".join(printed)


async def one_learner(client: AsyncHTTPClient, hub: Hub, index: int, user: str) -> dict:
    await start_server(client, hub, user)
    code = LEARNER_CODE.format(
        chapter=CHAPTER,
        typed=TYPED[index % len(TYPED)],
        cohort=COHORT,
        answered=ANSWERED,
        rights=rights_of(index),
    )
    return json.loads((await run_in_kernel(client, hub, user, code)).strip().splitlines()[-1])


async def whole_cohort(hub: Hub) -> dict[str, dict]:
    client = AsyncHTTPClient(force_instance=True, max_clients=2 * len(LEARNERS))
    try:
        await call(client, f"{hub.api}/users", hub.token, "POST", {"usernames": LEARNERS})
        results = await asyncio.gather(
            *(one_learner(client, hub, i, user) for i, user in enumerate(LEARNERS)),
            return_exceptions=True,
        )
    finally:
        client.close()
    failed = [r for r in results if isinstance(r, BaseException)]
    if failed:
        raise failed[0]
    return dict(zip(LEARNERS, results, strict=True))


@pytest.fixture(scope="module")
def handed_in(hub: Hub) -> dict[str, Any]:
    started = time.monotonic()
    try:
        exports = asyncio.run(whole_cohort(hub))
    except Exception:
        print(hub.log.read_text(errors="replace")[-6000:])
        raise
    return {"exports": exports, "seconds": time.monotonic() - started}


def test_every_learner_starts_a_server_through_the_hub_and_exports(hub, handed_in):
    exports = handed_in["exports"]
    print(f"20 learners: servers started, answered and exported in {handed_in['seconds']:.1f} s")
    assert sorted(exports) == LEARNERS
    # Each kernel ran on its own learner's server: the hub told it whose it is.
    assert all(export["user"] == user for user, export in exports.items())


def test_each_hand_in_lands_in_the_learners_own_folder_under_their_hub_name(hub, handed_in):
    for user, export in handed_in["exports"].items():
        path = Path(export["file"])
        assert path.parent == hub.handins / user
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["version"] == 3
        assert data["learner"]["id"] == user
        assert data["chapter"] == CHAPTER


def test_no_hand_in_overwrote_another(hub, handed_in):
    files = sorted(hub.handins.glob("*/*.json"))
    assert len(files) == len(LEARNERS)
    assert len({f.name for f in files}) == len(LEARNERS)
    assert {f.parent.name for f in files} == set(LEARNERS)


def test_the_facilitator_counts_every_learner_even_those_with_the_same_typed_name(hub, handed_in):
    # The facilitator's collect over the whole hand-in volume: one folder per learner.
    summary = collect(hub.handins, chapter_exercises())
    assert sorted(s.learner_id for s in summary.submissions) == LEARNERS
    assert [s.name for s in summary.submissions].count("Sam Lee") == 4
    assert summary.skipped == [] and summary.duplicates == []
    questions = {q.exercise.id: q for q in summary.questions[CHAPTER]}
    first, second = (questions[exercise_id] for exercise_id in ANSWERED)
    assert (first.answered, first.correct) == (20, 20)
    assert (second.answered, second.correct) == (20, 10)


def test_a_learners_token_cannot_open_another_learners_server(hub, handed_in):
    def request(url: str, token: str, method: str = "GET", body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        headers = {"Authorization": f"token {token}"}
        with urllib.request.urlopen(
            urllib.request.Request(url, data=data, method=method, headers=headers), timeout=30
        ) as response:
            return json.load(response)

    own, other = LEARNERS[0], LEARNERS[1]
    token = request(f"{hub.api}/users/{own}/tokens", hub.token, "POST", {"note": "own"})["token"]
    assert request(f"{hub.url}/user/{own}/api/status", token)["kernels"] >= 0
    with pytest.raises(urllib.error.HTTPError) as refused:
        request(f"{hub.url}/user/{other}/api/contents", token)
    assert refused.value.code == 403
