"""The committed partial plotly.js is exactly what its recipe builds, for the right version."""

import json
import shutil
import subprocess
from pathlib import Path

import plotly.offline
import pytest

ROOT = Path(__file__).resolve().parents[1]
RECIPE = ROOT / "tools" / "plotly_bundle"
STATIC = ROOT / "book" / "_static"


def test_the_bundle_is_the_plotly_js_version_python_plotly_writes_figures_for():
    manifest = json.loads((STATIC / "plotly-lab.traces.json").read_text())
    assert manifest["version"] == plotly.offline.get_plotlyjs_version()
    pinned = json.loads((RECIPE / "package.json").read_text())["devDependencies"]["plotly.js"]
    assert pinned == manifest["version"]


def test_the_committed_bundle_rebuilds_byte_for_byte(tmp_path):
    if not (RECIPE / "node_modules" / "plotly.js").is_dir():
        pytest.fail("Run `make test` (it installs tools/plotly_bundle's npm packages).")
    out = tmp_path / "plotly-lab.min.js"
    subprocess.run([shutil.which("node"), str(RECIPE / "build.mjs"), str(out)], check=True)
    assert out.read_bytes() == (STATIC / "plotly-lab.min.js").read_bytes()
    assert (tmp_path / "plotly-lab.traces.json").read_text() == (
        STATIC / "plotly-lab.traces.json"
    ).read_text()
