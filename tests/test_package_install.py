"""The package on its own: the wheel `python -m build` makes, installed with pip into a fresh venv
in a temporary folder outside the repository, loads the synthetic sample, draws a figure, writes
a city's scorecard and runs the facilitator's `leadership-lab collect`, all from files inside the
wheel. The venv holds what Google Colab ships where Colab has it (pandas 2.2, numpy 2.0,
statsmodels 0.14, IPython 7.34: `COLAB`) and the lock's versions of everything else, so this is
also the package against Colab's pandas. pip downloads only what its cache lacks; about 35 s on
two cores with a warm cache (`make test-slow` runs it, and CI does).

Also: the lock and the dev lock agree, the lock pins everything the package imports, and
`make collect` runs the installed command.
"""

import json
import re
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.requirements import Requirement

# Google Colab's runtime (2025-2026) pins these; the Colab setup cell leaves them as they are.
# Building the wheel and installing it into a fresh venv takes half a minute: `make test-slow`.
pytestmark = pytest.mark.slow

COLAB = {"pandas": "2.2.2", "numpy": "2.0.2", "statsmodels": "0.14.5", "ipython": "7.34.0"}
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SUBMISSION = {
    "format": "leadership-lab-submission",
    "version": 3,
    "learner": {"id": "learner-ada", "name": "Ada Okafor", "cohort": "Spring"},
    "chapter": "01_public_sector_gap",
    "submitted_at": "2026-11-26T10:00:00Z",
    "source": "notebook",
    "answers": {},
}
FIGURE_SCRIPT = """
import json, sys
import pandas
import leadership_lab
from leadership_lab.data import SYNTHETIC_NOTE, load_sample
from leadership_lab.data.schema import DATA_DIR
from leadership_lab.rba.figures import turn_the_curve_explorer

tables = load_sample()
figure = turn_the_curve_explorer(tables, SYNTHETIC_NOTE)
print(json.dumps({
    "package": leadership_lab.__file__,
    "data": str(DATA_DIR),
    "cities": len(tables["cities"]),
    "traces": len(figure.data),
    "figure_json": len(figure.to_json()),
    "pandas": pandas.__version__,
}))
"""


def pins(path: Path) -> dict[str, str]:
    """name -> version for every `name==version` line of a lock file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[A-Za-z0-9]", line):
            requirement = Requirement(line.split(" ")[0])
            found[requirement.name.lower().replace("_", "-")] = str(requirement.specifier)
    return found


def test_the_dev_lock_pins_the_runtime_lock_unchanged():
    runtime, dev = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements-dev.txt")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_the_lock_pins_every_runtime_dependency_within_its_range():
    runtime = pins(ROOT / "requirements.txt")
    for line in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(line)
        name = requirement.name.lower()
        assert name in runtime, f"{name} is a dependency but requirements.txt does not pin it"
        assert requirement.specifier.contains(runtime[name].removeprefix("=="))
    # Nothing the package never imports: these came in by hand once and are gone for good.
    for unused in ("anywidget", "psygnal", "nest-asyncio2", "frictionless"):
        assert unused not in runtime


def test_the_wheel_lists_every_subpackage_and_its_data_folders():
    """pyproject.toml lists the packages by hand (so data/ and book/_static can be mapped into the
    package); a new topic package left off the list would be missing from the wheel."""
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "leadership_lab").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert set(setuptools["packages"]) == on_disk | set(setuptools["package-dir"])
    for package, folder in setuptools["package-dir"].items():
        for pattern in PYPROJECT["tool"]["setuptools"]["package-data"][package]:
            assert list((ROOT / folder).glob(pattern)), f"{folder}/{pattern} matches nothing"


def run(command: list, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv, outside the repository, holding the built wheel and its dependencies."""
    base = tmp_path_factory.mktemp("wheel-install")
    assert ROOT not in base.parents
    dist = base / "dist"
    leftovers = ROOT / "build"  # setuptools' work folder in the source tree
    had_leftovers = leftovers.exists()
    try:
        run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, ROOT], cwd=base)
    finally:
        if not had_leftovers:
            shutil.rmtree(leftovers, ignore_errors=True)
    (wheel,) = dist.glob("leadership_lab-*.whl")
    env = base / "venv"
    venv.create(env, with_pip=True)
    lock = pins(ROOT / "requirements.txt")
    constraints = base / "colab-and-lock.txt"
    constraints.write_text(
        "".join(f"{name}{pin}\n" for name, pin in lock.items() if name not in COLAB)
        + "".join(f"{name}=={version}\n" for name, version in COLAB.items()),
        encoding="utf-8",
    )
    run(
        [env / "bin/python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         wheel, "-c", constraints],
        cwd=base,
    )  # fmt: skip
    return env


def test_the_installed_wheel_loads_the_sample_and_draws_a_figure(installed, tmp_path):
    result = run([installed / "bin/python", "-c", FIGURE_SCRIPT], cwd=tmp_path)
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    site_packages = installed / "lib"
    assert Path(seen["package"]).is_relative_to(site_packages)
    assert Path(seen["data"]).is_relative_to(site_packages)
    assert Path(seen["data"]).name == "sample_data"
    sample_cities = (ROOT / "data/cities.csv").read_text(encoding="utf-8").splitlines()
    assert seen["cities"] == len([r for r in sample_cities if not r.startswith("#")]) - 1
    assert seen["traces"] > 0 and seen["figure_json"] > 10_000
    assert seen["pandas"] == COLAB["pandas"]


def test_the_installed_command_writes_a_sample_citys_scorecard(installed, tmp_path):
    city = "riverton"
    result = run([installed / "bin/leadership-lab", "scorecard", city], cwd=tmp_path)
    assert f"scorecard-{city}.csv" in result.stdout
    rows = (tmp_path / f"scorecard-{city}.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) > 2
    page = (tmp_path / f"scorecard-{city}.html").read_text(encoding="utf-8")
    assert "Riverton" in page and "ynthetic" in page


def test_the_installed_command_collects_hand_ins_into_one_page(installed, tmp_path):
    folder = tmp_path / "hand-ins"
    folder.mkdir()
    name = "submission-01_public_sector_gap-learner-ada-0a1b2c3d-20261126T100000Z-beef.json"
    (folder / name).write_text(json.dumps(SUBMISSION), encoding="utf-8")
    out = tmp_path / "summary.html"
    result = run([installed / "bin/leadership-lab", "collect", folder, "--out", out], cwd=tmp_path)
    assert "Counted 1 submissions" in result.stdout
    assert "Ada Okafor (learner-ada)" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert "Ada Okafor" in page
    # The site's figure script and the partial plotly.js came from inside the wheel.
    static = ROOT / "book/_static"
    assert "window.labFigures = {" in page and "window.labFigures.drawAll();" in page
    assert (static / "lab.css").read_text(encoding="utf-8")[:200] in page
    bundle = (static / "plotly-lab.min.js").read_text(encoding="utf-8")
    assert bundle[:300] in page and len(page) > len(bundle)


def test_the_installed_syllabus_command_says_it_needs_the_chapters(installed, tmp_path):
    result = subprocess.run(
        [installed / "bin/leadership-lab", "syllabus"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "run it in a copy of the course's repository" in result.stderr


def test_make_collect_runs_the_installed_command(tmp_path):
    stamp = ".venv/.runtime-installed"  # -o: show the command without reinstalling the venv
    result = run(["make", "-n", "collect", f"DIR={tmp_path}", "-o", stamp], ROOT)
    assert f'.venv/bin/leadership-lab collect "{tmp_path}"' in result.stdout
    missing = subprocess.run(["make", "-s", "collect"], cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode == 2 and "make collect DIR=" in missing.stdout


def test_each_lock_names_the_command_that_made_it_and_make_lock_runs_it():
    made = subprocess.run(
        ["make", "-n", "lock", "-o", ".venv/.dev-installed", "-o", ".venv/.runtime-installed"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lock in ("requirements.txt", "requirements-dev.txt"):
        header = (ROOT / lock).read_text(encoding="utf-8").splitlines()[1]
        command = header.removeprefix("#    ")
        assert command.startswith("uv pip compile pyproject.toml") and command.endswith(lock)
        assert f".venv/bin/{command}" in made.splitlines()
        assert command in readme
