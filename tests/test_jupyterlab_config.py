"""JupyterLab started from the course's environment: a MyST exercise file opens as a notebook,
the news prompt stays off, and saving (autosave included) leaves a tracked file's header as it
is in git. The settings come from book/jupyterlab-overrides.json, which the Makefile copies into
.venv (Binder's postBuild and the hub image copy the same file); the header rule is
pyproject.toml's [tool.jupytext], which travels with every checkout (nbgitpuller and Binder too).
"""

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class

OVERRIDES = json.loads((ROOT / "book/jupyterlab-overrides.json").read_text(encoding="utf-8"))
VENV_SETTINGS = Path(sys.prefix) / "share/jupyter/lab/settings/overrides.json"
EXERCISE = "exercises/01_public_sector_gap.md"


def test_the_settings_are_installed_wherever_the_environment_is_built():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installed = "$(VENV)/share/jupyter/lab/settings/overrides.json"
    assert f"cp book/jupyterlab-overrides.json {installed}" in makefile
    assert "cp book/jupyterlab-overrides.json" in (ROOT / "binder/postBuild").read_text()
    assert "COPY book/jupyterlab-overrides.json" in (
        ROOT / "deploy/jupyterhub/Dockerfile"
    ).read_text(encoding="utf-8")


def save_as_jupyterlab_does(root: Path, path: str) -> None:
    """Open the notebook through jupytext's contents manager and save it back with the kernel's
    language_info added, as JupyterLab's autosave does after a kernel starts."""
    manager = build_async_jupytext_contents_manager_class(AsyncLargeFileManager)(root_dir=str(root))

    async def open_and_save() -> None:
        notebook = (await manager.get(path, content=True))["content"]
        notebook["metadata"]["language_info"] = {"name": "python", "version": "3.11.7"}
        await manager.save({"type": "notebook", "format": "json", "content": notebook}, path)

    asyncio.run(open_and_save())


@pytest.mark.parametrize("with_project_config", [True, False])
def test_saving_an_exercise_in_jupyterlab_keeps_its_git_header(tmp_path, with_project_config):
    (tmp_path / "exercises").mkdir()
    shutil.copy(ROOT / EXERCISE, tmp_path / EXERCISE)
    if with_project_config:
        shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    save_as_jupyterlab_does(tmp_path, EXERCISE)
    after = (tmp_path / EXERCISE).read_text(encoding="utf-8")
    original = (ROOT / EXERCISE).read_text(encoding="utf-8")
    # Without the project's rule jupytext writes its version into the header (the check can fail).
    assert (after == original) is with_project_config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(not VENV_SETTINGS.is_file(), reason="run make lab (or any make target) first")
def test_jupyterlab_from_the_venv_opens_myst_files_as_notebooks_without_news(tmp_path):
    assert json.loads(VENV_SETTINGS.read_text(encoding="utf-8")) == OVERRIDES
    port, token = free_port(), "course-test"
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "HOME": str(tmp_path)}
    server = subprocess.Popen(
        [Path(sys.executable).parent / "jupyter", "lab", "--no-browser", "--allow-root",
         f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}",
         f"--LabApp.user_settings_dir={tmp_path / 'user-settings'}",
         f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip

    def setting(plugin: str) -> dict:
        """A plugin's defaults as this JupyterLab serves them (overrides.json applied)."""
        url = f"http://127.0.0.1:{port}/lab/api/settings/{plugin}?token={token}"
        with urllib.request.urlopen(url, timeout=10) as response:
            schema = json.load(response)["schema"]
        return {name: field.get("default") for name, field in schema["properties"].items()}

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                viewers = setting("@jupyterlab/docmanager-extension:plugin")["defaultViewers"]
                break
            except OSError:
                assert time.monotonic() < deadline, "JupyterLab did not start within 60 s"
                time.sleep(0.5)
        assert viewers["markdown"] == viewers["myst"] == "Jupytext Notebook"
        news = setting("@jupyterlab/apputils-extension:notification")
        assert news["fetchNews"] == "false" and news["checkForUpdates"] is False
        url = f"http://127.0.0.1:{port}/api/contents/{EXERCISE}?token={token}&type=notebook"
        with urllib.request.urlopen(url, timeout=10) as response:
            model = json.load(response)
        assert model["type"] == "notebook" and model["content"]["cells"]
    finally:
        server.terminate()
        server.wait(timeout=30)
