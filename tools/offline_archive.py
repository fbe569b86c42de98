"""`make offline`: one zip a learner can take anywhere. It holds the built site (readable from
disk with no install and no network), the exercise notebooks, the sample data, the course
package with its pinned requirements, and a start page. With WHEELS=1 it also holds every
Python package the exercises need, so they install with no network either."""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOP = "leadership-lab-offline"
COPIED = ("exercises", "data", "leadership_lab", "requirements.txt", "pyproject.toml")
SKIP = {"__pycache__", ".ipynb_checkpoints"}

START_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cross-Sector Leadership Lab: start here</title>
<style>body{{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#1a1a1a}}code{{background:#f2f2f2;padding:0 .2em}}a{{color:#1f5f8b}}</style>
</head><body><main>
<h1>Cross-Sector Leadership Lab</h1>
<p>Everything in this folder works without an internet connection.</p>
<h2>Read the book</h2>
<p>Open <a href="site/index.html">the book</a> in any browser. Every chart and self-check works
from this folder, with nothing to install.</p>
<h2>Do the exercises</h2>
<p>The exercise notebooks in <code>exercises/</code> run in JupyterLab. Install the course's
Python packages once (Python 3.11), from this folder:</p>
<pre><code>python3 -m venv .venv
{install}
.venv/bin/pip install --no-deps -e .
.venv/bin/jupyter lab exercises/</code></pre>
<p>{wheel_note}</p>
<p>Your answers are saved as you go in <code>exercises/leadership-lab-progress.json</code>.
Press <strong>Export my answers</strong> in a notebook to write the file you hand in.</p>
<h2>What is here</h2>
<ul><li><code>site/</code>: the book</li>
<li><code>exercises/</code>: the exercise notebooks</li>
<li><code>data/</code>: the sample cities' data (synthetic: fictional cities, invented numbers)</li>
<li><code>leadership_lab/</code>, <code>requirements.txt</code>: the course package and its
pinned requirements</li>{wheel_item}</ul>
</main></body></html>
"""


def start_page(wheels: bool) -> str:
    if wheels:
        install = ".venv/bin/pip install --no-index --find-links wheels -r requirements.txt"
        note = "The packages are in <code>wheels/</code>, so this needs no network."
        item = "<li><code>wheels/</code>: every package the exercises need</li>"
    else:
        install = ".venv/bin/pip install -r requirements.txt"
        note = (
            "This step downloads the packages once. Ask your facilitator for the archive made "
            "with <code>make offline WHEELS=1</code> if you will have no network at all."
        )
        item = ""
    return START_PAGE.format(install=html.escape(install), wheel_note=note, wheel_item=item)


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns(*SKIP, "*.pyc"))
    else:
        shutil.copy2(source, target)


def build(site: Path, out: Path, wheels: bool = False) -> Path:
    """Write the archive; returns its path."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"No built site at {site}: run `make book` first.")
    with tempfile.TemporaryDirectory() as scratch:
        top = Path(scratch) / TOP
        shutil.copytree(
            site, top / "site", ignore=shutil.ignore_patterns(".buildinfo", ".doctrees")
        )
        for name in COPIED:
            _copy(ROOT / name, top / name)
        for stray in (top / "exercises").glob("leadership-lab-progress*.json"):
            stray.unlink()
        if wheels:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "-r",
                    str(ROOT / "requirements.txt"),
                    "-d",
                    str(top / "wheels"),
                ],
                check=True,
            )
        (top / "START-HERE.html").write_text(start_page(wheels), encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(top.rglob("*")):
                archive.write(path, path.relative_to(top.parent))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / f"{TOP}.zip")
    parser.add_argument("--wheels", action="store_true", help="include every package as a wheel")
    args = parser.parse_args()
    path = build(args.site, args.out, args.wheels)
    print(f"Wrote {path} ({path.stat().st_size / 1e6:.1f} MB). Unzip it and open START-HERE.html.")


if __name__ == "__main__":
    main()
