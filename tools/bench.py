"""`make bench`: build times, widget callback latency, data validation time and memory, and
Lighthouse scores, printed as a table.

Run from the repository root. It rebuilds `_build` from nothing with the fit cache emptied (the
cold build), so the site is fresh afterwards too.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from tools.chromium import CHROMIUM_FLAGS
from tools.gzip_server import serve

ROOT = Path(__file__).resolve().parents[1]
# What `make book` runs: jupyter-book's command line through the project's launcher, so the
# floor and the book's own builds are timed the same way.
BUILD_BOOK = [sys.executable, "-m", "leadership_lab.site.build_book", "build"]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_RUNS = 5
# Callbacks a learner starts with a button, not a slider or a keystroke: their goal is 100 ms.
BUTTONS = ("write the brief", "make an introduction", "map your own network")
REPEATS = 3  # build times on a shared 2-core machine vary; each figure is a median of three
EMPTY_NOTEBOOK = """\
---
jupytext: {text_representation: {extension: .md, format_name: myst}}
kernelspec: {display_name: Python 3, language: python, name: python3}
---
# Empty notebook

```{code-cell} ipython3
pass
```
"""


def timed_build(root: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [*BUILD_BOOK, str(root), "-W", "-n", "--keep-going", "--quiet"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def timed_make_book() -> float:
    start = time.perf_counter()
    subprocess.run(
        ["make", "--no-print-directory", "book"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT
    )
    return time.perf_counter() - start


def notebook_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]
    return [f for f in files if "kernelspec" in (ROOT / f"{f}.md").read_text(encoding="utf-8")]


def floor_build(count: int) -> float:
    """A cold build of a book with the same number of notebooks, each one empty cell."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "_config.yml").write_text(
            "title: Floor\nonly_build_toc_files: true\nexecute: {execute_notebooks: cache}\n"
        )
        names = [f"nb{i}" for i in range(count)]
        chapters = "".join(f"- file: {name}\n" for name in names)
        (root / "_toc.yml").write_text(f"format: jb-book\nroot: intro\nchapters:\n{chapters}")
        (root / "intro.md").write_text("# Floor\n")
        for name in names:
            (root / f"{name}.md").write_text(EMPTY_NOTEBOOK)
        return timed_build(root)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def callback_timings(runs: int = 200) -> dict[str, tuple[float, float]]:
    """Median and 95th percentile (ms) of each widget callback, in-process.

    Runs inside an IPython shell with every display type active, as in a kernel, so a callback
    pays for building the figure's full display bundle; the bundles are captured, not printed.
    """
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from leadership_lab.public_sector_gap.widgets import HealthCheckPanel

    shell = InteractiveShell.instance()
    shell.display_formatter.active_types = shell.display_formatter.format_types
    panel = HealthCheckPanel()
    slider = panel.sliders["public_sector"]

    def move_slider(i: int) -> None:
        slider.value = 1 + (i % 5) if slider.value != 1 + (i % 5) else 1 + ((i + 1) % 5)

    from leadership_lab.exercises.progress import ProgressStore
    from leadership_lab.exercises.widgets import ExerciseWidget
    from leadership_lab.public_sector_gap import exercises as chapter

    folder = Path(tempfile.mkdtemp(prefix="bench-progress-"))
    check = ExerciseWidget(chapter.PUBLIC_LEVERS, chapter.CHAPTER, ProgressStore.open(folder))

    def check_and_save(i: int) -> None:
        for drop in check.controls.children:
            drop.value = chapter.PUBLIC_LEVERS.categories[i % 2]
        check.on_check()

    from leadership_lab.rba.widgets import TurnTheCurvePanel

    curve = TurnTheCurvePanel()
    cities = [option[1] for option in curve.city.options]

    def switch_city(i: int) -> None:
        curve.city.value = (
            cities[i % len(cities)]
            if curve.city.value != cities[i % len(cities)]
            else cities[(i + 1) % len(cities)]
        )

    from leadership_lab.rba.widgets import HeadlineRatingPanel

    rating = HeadlineRatingPanel()
    data_power = rating.rows[next(iter(rating.rows))]

    def rate(i: int) -> None:
        for n, control in enumerate(data_power.values()):
            control.value = ("high", "medium", "low")[(i + n) % 3]

    from leadership_lab.systems.widgets import (
        DiagramBuilder,
        HousingSimulation,
        PipelineAndIndicator,
    )

    builder = DiagramBuilder()
    housing = HousingSimulation()
    pipeline = PipelineAndIndicator()

    def move_enrolment(i: int) -> None:
        pipeline.enrolments.value = (
            50 * (i % 20) if pipeline.enrolments.value != 50 * (i % 20) else 500
        )

    def add_and_remove_link(i: int) -> None:
        builder.source.value, builder.target.value = f"v{i % 5}", f"v{(i + 1) % 5}"
        builder.on_add()
        if i % 2:
            builder.on_undo()

    def move_funding(i: int) -> None:
        housing.funding.value = 5.0 * (i % 20) if housing.funding.value != 5.0 * (i % 20) else 50.0

    from leadership_lab.adaptive.diagnostic import ANSWERS
    from leadership_lab.adaptive.widgets import (
        ChallengeDiagnosis,
        StakeholderMapBuilder,
        SteerTheHeat,
    )

    diagnosis, stakeholders, steer = ChallengeDiagnosis(), StakeholderMapBuilder(), SteerTheHeat()

    def diagnose(i: int) -> None:
        for n, toggle in enumerate(diagnosis.answers.values()):
            toggle.value = list(ANSWERS)[(i + n) % 3]
        diagnosis.on_diagnose()

    def add_stakeholder(i: int) -> None:
        if i % 10 == 0:
            stakeholders.on_example()
        stakeholders.name.value, stakeholders.loss.value = f"Group {i}", 1 + i % 5
        stakeholders.on_add()

    def next_month(i: int) -> None:
        if i % 24 == 0:
            steer.on_restart()
        steer.heat.value = float(i % 10)
        steer.on_next()

    from leadership_lab.networks.figures import SIZE_BY
    from leadership_lab.networks.graph import synthetic_cohort
    from leadership_lab.networks.widgets import IntroductionsLab, NetworkExplorer, OwnNetworkMapper

    cohort, introductions, own = NetworkExplorer(), IntroductionsLab(), OwnNetworkMapper()
    large = NetworkExplorer({"synthetic": synthetic_cohort(500)})
    own.city.value = "Riverton"

    def switch_measure(explorer: NetworkExplorer) -> Callable[[int], None]:
        def action(i: int) -> None:
            explorer.size_by.value = list(SIZE_BY)[i % len(SIZE_BY)]

        return action

    def make_introduction(i: int) -> None:
        if i % 5 == 0:
            introductions.on_restart()
        introductions.on_make()

    def map_own(i: int) -> None:
        own.contacts.value = "\n".join(
            f"Contact {k}, {('public', 'nonprofit', 'business')[k % 3]}, City {k % 4}, {1 + k % 3}"
            for k in range(5 + i % 20)
        )
        own.on_map()

    from leadership_lab.capstone.widgets import CapstoneWorkbench

    workbench = CapstoneWorkbench(folder=tempfile.mkdtemp(prefix="lab-bench-"))

    def write_brief(i: int) -> None:
        workbench.city.value = workbench.city.options[i % len(workbench.city.options)][1]
        workbench.on_write()

    cases: dict[str, Callable[[int], None]] = {
        "capstone: switch city and write the brief": write_brief,
        "networks: redraw with another measure (40 people)": switch_measure(cohort),
        "networks: redraw with another measure (500 people)": switch_measure(large),
        "networks: make an introduction (40 people)": make_introduction,
        "networks: map your own network (5-24 ties)": map_own,
        "adaptive: diagnose a challenge": diagnose,
        "adaptive: add a stakeholder to the map": add_stakeholder,
        "adaptive: steer the heat one month": next_month,
        "systems: add a link to a diagram": add_and_remove_link,
        "systems: move the housing funding slider": move_funding,
        "systems: move the pipeline's enrolment slider": move_enrolment,
        "turn the curve: switch city": switch_city,
        "headline indicators: rate a candidate": rate,
        "health check: move a rating slider": move_slider,
        "self-check: check and save an answer": check_and_save,
    }
    results = {}
    for name, action in cases.items():
        samples = []
        for i in range(runs):
            with capture_output(display=True):
                start = time.perf_counter()
                action(i)
                samples.append((time.perf_counter() - start) * 1000)
        results[name] = percentiles(samples)
    return results


def collect_time(count: int = 1000) -> float:
    """Median seconds to collect a folder of `count` submissions (a tenth of them broken)."""
    import datetime as dt
    import json
    import random

    from leadership_lab.catalogue import chapter_exercises
    from leadership_lab.exercises import demo
    from leadership_lab.exercises.collect import collect
    from leadership_lab.public_sector_gap import exercises as chapter

    rng = random.Random(5)
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory() as folder:
        for index in range(count):
            text = json.dumps(
                demo.submission(chapter.EXERCISES, chapter.CHAPTER, f"L{index}", rng, when)
            )
            text = text[: len(text) // 2] if index % 10 == 0 else text
            Path(folder, f"s{index:04d}.json").write_text(text, encoding="utf-8")
        timings = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            collect(folder, chapter_exercises())
            timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def write_indicator_rows(folder: Path, count: int) -> None:
    """A folder with `count` synthetic indicator rows (ten indicators' worth of cities, 30 years,
    seven groups each) and a cities table naming every city, written in slices to spare memory."""
    import numpy as np
    import pandas as pd

    from leadership_lab.data import load_sample

    sample = load_sample()
    definitions = sample["indicator_definitions"]
    ids = definitions["indicator_id"].to_numpy(dtype=object)
    low = definitions["minimum_plausible"].to_numpy()
    high = definitions["maximum_plausible"].to_numpy()
    groups = [("all", "All residents"), ("race_ethnicity", "Asian"), ("race_ethnicity", "Black")]
    groups += [("race_ethnicity", "Hispanic or Latino"), ("race_ethnicity", "White")]
    groups += [("income", "Low income"), ("income", "Not low income")]
    kinds = np.array([k for k, _ in groups], dtype=object)
    names = np.array([n for _, n in groups], dtype=object)
    per_city = len(groups) * 30 * len(ids)
    cities = [f"city_{i:05d}" for i in range(-(-count // per_city))]
    template = sample["cities"].iloc[[0] * len(cities)].reset_index(drop=True)
    template["city_id"] = cities
    template["name"] = [c.replace("_", " ").title() for c in cities]
    template.to_csv(folder / "cities.csv", index=False)
    rng = np.random.default_rng(7)
    path = folder / "indicators.csv"
    for start in range(0, count, 1_000_000):
        i = np.arange(start, min(start + 1_000_000, count))
        group, year = i % len(groups), 1996 + (i // len(groups)) % 30
        indicator = (i // (len(groups) * 30)) % len(ids)
        frame = pd.DataFrame(
            {
                "city_id": np.array(cities, dtype=object)[i // per_city],
                "indicator_id": ids[indicator],
                "year": year,
                "group_type": kinds[group],
                "group": names[group],
                "value": np.round(rng.uniform(low[indicator], high[indicator]), 1),
            }
        )
        frame.to_csv(path, mode="a" if start else "w", header=not start, index=False)


VALIDATE_AND_MEASURE = """
import resource, sys, time
from leadership_lab.data.__main__ import validate
start = time.perf_counter()
status = validate(sys.argv[1])
print("BENCH", status, time.perf_counter() - start,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def validate_figures(count: int) -> tuple[float, float]:
    """Seconds and peak memory (MB) of `python -m leadership_lab.data validate` on a folder of
    `count` indicator rows, in a fresh process so the peak is the command's own."""
    with tempfile.TemporaryDirectory() as folder:
        write_indicator_rows(Path(folder), count)
        result = subprocess.run(
            [sys.executable, "-c", VALIDATE_AND_MEASURE, folder],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    line = next(x for x in result.stdout.splitlines() if x.startswith("BENCH"))
    _tag, status, seconds, peak = line.split()
    if status != "0":
        raise SystemExit(f"validate refused the synthetic folder:\n{result.stdout}")
    return float(seconds), float(peak)


def heaviest_chapter() -> Path:
    chapters = sorted(
        (ROOT / "_build/html/chapters").glob("*.html"), key=lambda p: p.stat().st_size
    )
    return chapters[-1]


def lighthouse(url: str, preset: str = "mobile") -> dict[str, float]:
    """Lighthouse scores for one page: "mobile" is Lighthouse's default (a simulated slow phone
    with a 4x slower CPU), "desktop" its desktop preset."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` (make bench does).")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        flags = " ".join(["--headless", *CHROMIUM_FLAGS, f"--user-data-dir={profile}"])
        env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "chromium"}
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                *(["--preset=desktop"] if preset == "desktop" else []),
                "--only-categories=performance,accessibility,best-practices",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={flags}",
                "--quiet",
            ],
            check=True,
            env=env,
        )
        data = json.loads(report.read_text())
    scores = {k: v["score"] for k, v in data["categories"].items()}
    scores["total blocking time (ms)"] = data["audits"]["total-blocking-time"]["numericValue"]
    scores["largest contentful paint (ms)"] = data["audits"]["largest-contentful-paint"][
        "numericValue"
    ]
    return scores


def forget_fits() -> None:
    """Empty the fit cache: a cold build has nothing cached, fits included."""
    from leadership_lab.fit_cache import cache_folder

    folder = cache_folder()
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    colds = []
    for _ in range(REPEATS):
        shutil.rmtree(ROOT / "_build", ignore_errors=True)
        forget_fits()
        colds.append(timed_make_book())
    cold = statistics.median(colds)
    shutil.rmtree(ROOT / "_build", ignore_errors=True)  # the fits the last cold build kept
    fits_kept = timed_make_book()
    warm = statistics.median(timed_make_book() for _ in range(REPEATS))
    sphinx_warm = timed_build(ROOT)
    notebooks = notebook_pages()
    floor = statistics.median(floor_build(len(notebooks)) for _ in range(REPEATS))
    callbacks = callback_timings()
    collecting = collect_time()
    validating = {count: validate_figures(count) for count in (1_000_000, 10_000_000)}
    page = heaviest_chapter()
    server, base = serve(ROOT / "_build/html")
    try:
        url = base + page.relative_to(ROOT / "_build/html").as_posix()
        # Lighthouse's simulated phone varies by about 0.05 between runs: report the median run.
        runs = sorted(
            (lighthouse(url) for _ in range(LIGHTHOUSE_RUNS)), key=lambda r: r["performance"]
        )
        scores = runs[len(runs) // 2]
        desktop = lighthouse(url, preset="desktop")
    finally:
        server.shutdown()

    rows = [
        ("cold build, `make book` (s)", f"{cold:.1f}", ""),
        ("`make book` from an empty `_build`, fits cached (s)", f"{fits_kept:.1f}", ""),
        ("no-change rebuild, `make book` (s)", f"{warm:.2f}", ""),
        ("rebuild / cold build", f"{warm / cold:.2f}", "at most 0.2"),
        ("no-change `jupyter-book build` past make's check (s)", f"{sphinx_warm:.1f}", ""),
        (f"floor: {len(notebooks)} empty notebook(s) (s)", f"{floor:.1f}", ""),
        ("cold build / floor", f"{cold / floor:.2f}", "at most 1.5"),
    ]
    for name, (median, p95) in callbacks.items():
        button = any(words in name for words in BUTTONS)
        goal = "median < 100 (a button)" if button else "median < 30"
        if "500 people" in name:
            goal = "median < 100"
        rows.append((f"{name}: median / p95 (ms)", f"{median:.1f} / {p95:.1f}", goal))
    rows.append(("collect 1,000 submissions (s)", f"{collecting:.2f}", "under 2"))
    for count, (seconds, peak) in validating.items():
        rows.append(
            (
                f"validate {count:,} indicator rows: time (s) / peak memory (MB)",
                f"{seconds:.1f} / {peak:.0f}",
                "peak under 2,048",
            )
        )
    rows.append(
        (
            f"Lighthouse mobile, {page.name}: performance (median of {LIGHTHOUSE_RUNS}; range)",
            f"{scores['performance']:.2f} ({runs[0]['performance']:.2f}-"
            f"{runs[-1]['performance']:.2f})",
            ">= 0.9",
        )
    )
    rows.append(("Lighthouse desktop: performance", f"{desktop['performance']:.2f}", ">= 0.99"))
    rows.append(("Lighthouse: accessibility", f"{scores['accessibility']:.2f}", ""))
    rows.append(("Lighthouse: best practices", f"{scores['best-practices']:.2f}", ""))
    rows.append(
        ("Lighthouse: total blocking time (ms)", f"{scores['total blocking time (ms)']:.0f}", "")
    )
    rows.append(
        (
            "Lighthouse: largest contentful paint (ms)",
            f"{scores['largest contentful paint (ms)']:.0f}",
            "",
        )
    )
    print("| measure | value | goal |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
