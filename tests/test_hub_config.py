"""The cohort's hub (deploy/jupyterhub) keeps hand-ins private: the rules, read from its files.

A learner's server mounts only the learner's own folder of the hand-in volume; the facilitator
profile alone mounts the whole volume, read-only, and only hub admins are offered it or can
start it. The profile filter is the hub's own extraConfig code, run here as the hub runs it.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from traitlets.config import Config

from leadership_lab.exercises.dashboard import COHORT_MOUNT

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy" / "jupyterhub"
CLAIM = "leadership-lab-submissions"


@pytest.fixture(scope="module")
def values() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "config.yaml").read_text(encoding="utf-8"))


def hand_in_volume_names(values: dict[str, Any]) -> set[str]:
    volumes = values["singleuser"]["storage"]["extraVolumes"]
    return {
        volume["name"]
        for volume in volumes.values()
        if volume.get("persistentVolumeClaim", {}).get("claimName") == CLAIM
    }


def hand_in_mounts(mounts: dict[str, Any], names: set[str]) -> list[dict[str, Any]]:
    return [mount for mount in mounts.values() if mount and mount["name"] in names]


def profiles_offered(values: dict[str, Any], admin: bool) -> list[dict[str, Any]]:
    """Run the hub's extraConfig as Zero to JupyterHub does: exec'd with `c` already holding
    singleuser.profileList as KubeSpawner.profile_list."""
    c = Config()
    c.KubeSpawner.profile_list = values["singleuser"]["profileList"]
    for _, code in sorted(values["hub"]["extraConfig"].items()):
        exec(code, {"c": c})  # noqa: S102 - the deployment's own config, as the hub runs it
    choose = c.KubeSpawner.profile_list
    assert callable(choose), "profile_list must be chosen per user, not one list for all"
    return choose(SimpleNamespace(user=SimpleNamespace(admin=admin, name="someone")))


def test_the_hand_in_volume_is_the_claim_the_cluster_file_creates(values):
    claim = yaml.safe_load((DEPLOY / "shared-submissions.yaml").read_text(encoding="utf-8"))
    assert claim["metadata"]["name"] == CLAIM
    assert hand_in_volume_names(values) == {"hand-ins"}


def test_a_learner_mounts_only_their_own_folder_where_export_hands_in(values):
    single = values["singleuser"]
    mounts = hand_in_mounts(single["storage"]["extraVolumeMounts"], hand_in_volume_names(values))
    assert len(mounts) == 1
    (mount,) = mounts
    assert mount["subPath"] == "{username}"
    assert mount.get("readOnly", False) is False  # learners write their own hand-ins
    # The folder export hands in to (the image's and the server's environment) is that mount.
    assert single["extraEnv"]["LEADERSHIP_LAB_SUBMISSIONS"] == mount["mountPath"]
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert f"ENV LEADERSHIP_LAB_SUBMISSIONS={mount['mountPath']}" in dockerfile


def test_the_folder_made_before_start_is_the_learners_own_and_owned_by_their_server(values):
    single = values["singleuser"]
    (init,) = single["initContainers"]
    (mount,) = init["volumeMounts"]
    assert mount["name"] in hand_in_volume_names(values)
    command = " ".join(init["command"])
    own = f'"{mount["mountPath"]}/{{username}}"'
    assert f"mkdir -p {own}" in command
    assert f"chown {single['uid']}:{single['fsGid']} {own}" in command
    # Only the learner's folder is touched: no other path under the volume is named.
    assert set(re.findall(r'"(/[^"]*)"', command)) == {own.strip('"')}


def test_the_facilitator_profile_alone_mounts_the_whole_volume_read_only(values):
    names = hand_in_volume_names(values)
    whole_volume: dict[str, list[dict[str, Any]]] = {}
    for profile in values["singleuser"]["profileList"]:
        override = profile.get("kubespawner_override", {}).get("volume_mounts", {})
        mounts = [m for m in hand_in_mounts(override, names) if not m.get("subPath")]
        if mounts:
            whole_volume[profile["slug"]] = mounts
    assert list(whole_volume) == ["facilitator"]
    for mount in whole_volume["facilitator"]:
        assert mount["readOnly"] is True
    # A map is merged into the learner's mounts by KubeSpawner: the learner's own-folder mount
    # keeps its key, so the override does not replace it with the whole volume.
    learner_keys = set(values["singleuser"]["storage"]["extraVolumeMounts"])
    facilitator = next(p for p in values["singleuser"]["profileList"] if p["slug"] == "facilitator")
    assert not learner_keys & set(facilitator["kubespawner_override"]["volume_mounts"])


def test_the_facilitator_finds_the_volume_where_the_dashboard_looks(values):
    facilitator = next(p for p in values["singleuser"]["profileList"] if p["slug"] == "facilitator")
    (mount,) = facilitator["kubespawner_override"]["volume_mounts"].values()
    # The dashboard opens ~/cohort-hand-ins; the servers' home is the chart's /home/jovyan.
    assert values["singleuser"]["storage"].get("homeMountPath", "/home/jovyan") == "/home/jovyan"
    assert mount["mountPath"] == f"/home/jovyan/{COHORT_MOUNT}"


def test_learners_are_offered_only_the_learner_profile(values):
    slugs = [profile["slug"] for profile in profiles_offered(values, admin=False)]
    assert slugs == ["learner"]


def test_hub_admins_are_offered_the_facilitator_profile_too(values):
    slugs = [profile["slug"] for profile in profiles_offered(values, admin=True)]
    assert slugs == ["learner", "facilitator"]


def test_the_learner_profile_is_the_default_and_changes_no_mount(values):
    learner = next(p for p in values["singleuser"]["profileList"] if p["slug"] == "learner")
    assert learner["default"] is True
    assert "kubespawner_override" not in learner
