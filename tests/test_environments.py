"""Every way of building the course's environment agrees on one Python and one lock: conda's
environment.yml, Binder, the hub image (a maintained base, JupyterHub of the chart's major
version, tagged with the release) and the publishing workflow (a Node.js LTS line)."""

import re
import tomllib

import yaml
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DOCKERFILE = (ROOT / "deploy/jupyterhub/Dockerfile").read_text(encoding="utf-8")
HUB_VALUES_TEXT = (ROOT / "deploy/jupyterhub/config.yaml").read_text(encoding="utf-8")
LOCK_PYTHON = re.search(
    r"--python-version (\d+\.\d+)", (ROOT / "requirements.txt").read_text(encoding="utf-8")
).group(1)


def pinned(lock: str, name: str) -> str:
    found = re.search(rf"^{re.escape(name)}==(\S+)", (ROOT / lock).read_text(), re.M | re.I)
    assert found, f"{lock} does not pin {name}"
    return found.group(1)


def test_conda_environment_installs_the_lock_and_the_package_on_the_locks_python():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    (pip_section,) = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    assert f"python={LOCK_PYTHON}" in conda and "pip" in conda
    assert pip_section == ["-r requirements.txt", "-e ."]
    assert SpecifierSet(PYPROJECT["project"]["requires-python"]).contains(f"{LOCK_PYTHON}.0")
    # Any library conda itself provides must be the lock's version.
    for spec in conda:
        name, _, version = spec.partition("=")
        if name not in ("python", "pip"):
            assert version == pinned("requirements.txt", name), spec
    assert (ROOT / "binder/runtime.txt").read_text().strip() == f"python-{LOCK_PYTHON}"


def test_the_hub_image_uses_a_maintained_base_and_the_charts_jupyterhub():
    base = re.search(r"^FROM (\S+)", DOCKERFILE, re.M).group(1)
    assert base == f"python:{LOCK_PYTHON}-slim-bookworm"
    assert "minimal-notebook:python-3.11" not in DOCKERFILE
    chart_hub_major = int(re.search(r"JupyterHub (\d+)", HUB_VALUES_TEXT).group(1))
    (hub,) = [
        Requirement(r) for r in re.findall(r'"(jupyterhub[<>=~][^"]*)"', DOCKERFILE)
    ]  # the single-user server talks to the chart's hub
    assert hub.specifier == SpecifierSet(f">={chart_hub_major},<{chart_hub_major + 1}")
    dev_hub = pinned("requirements-dev.txt", "jupyterhub")
    assert int(dev_hub.split(".")[0]) == chart_hub_major and hub.specifier.contains(dev_hub)
    assert "-c /tmp/leadership-lab/requirements-dev.txt" in DOCKERFILE
    assert 'CMD ["jupyterhub-singleuser"]' in DOCKERFILE and "--uid 1000 --gid 100" in DOCKERFILE


def test_the_hub_image_is_tagged_with_the_release():
    values = yaml.safe_load(HUB_VALUES_TEXT)
    version = PYPROJECT["project"]["version"]
    assert values["singleuser"]["image"]["tag"] == version
    images = [c["image"] for c in values["singleuser"]["initContainers"]]
    assert images == [f"{values['singleuser']['image']['name']}:{version}"]
    assert f"leadership-lab-hub:{version} ." in DOCKERFILE


def test_the_workflow_installs_a_nodejs_lts_line():
    workflow = (ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    (major,) = [int(m) for m in re.findall(r"deb.nodesource.com/setup_(\d+)\.x", workflow)]
    assert major >= 22 and major % 2 == 0, "Node.js LTS lines are the even majors, 22 or later"
