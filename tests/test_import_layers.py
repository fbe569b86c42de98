"""Every module of a topic package sits on a declared floor, so import-linter checks it.

import-linter only constrains modules a layers contract names; a new module left out of the
list could import a higher floor (a model importing widgets) and the check would stay green.
"""

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "importlinter"
]["contracts"]
WITHIN = next(c for c in CONTRACTS if c.get("containers"))
FLOORS = next(c for c in CONTRACTS if not c.get("containers"))


def named_on_a_floor() -> set[str]:
    names = set()
    for layer in WITHIN["layers"]:
        for part in layer.replace("|", ":").split(":"):
            names.add(part.strip().strip("()"))
    return names


@pytest.mark.parametrize("container", WITHIN["containers"])
def test_every_module_of_a_topic_is_on_a_floor(container):
    folder = ROOT.joinpath(*container.split("."))
    modules = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    assert modules, container
    assert modules - named_on_a_floor() == set(), f"add to pyproject's layers: {container}"


def test_every_module_of_the_package_is_on_a_floor():
    """A shared module (the fit cache, say) left off the package's floors could import a topic."""
    folder = ROOT / "leadership_lab"
    names = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    names |= {p.parent.name for p in folder.glob("*/__init__.py")}
    declared = set()
    for layer in FLOORS["layers"]:
        for part in layer.replace("|", ":").split(":"):
            declared.add(part.strip().removeprefix("leadership_lab."))
    assert "fit_cache" in declared
    assert names - declared == set(), "add to pyproject's package floors"
