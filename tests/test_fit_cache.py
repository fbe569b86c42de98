"""The fit cache gives the numbers a fresh fit gives, misses on any change, and survives damage."""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from leadership_lab import fit_cache
from leadership_lab.rba import model

ROOT = Path(__file__).resolve().parents[1]
HISTORY = {2014: 31.2, 2015: 30.1, 2016: 30.9, 2017: 29.4, 2018: 28.8, 2019: 29.1, 2020: 27.6}


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "fits"
    monkeypatch.setenv(fit_cache.ENVIRONMENT_VARIABLE, str(where))
    return where


def fresh(monkeypatch, method: str, history=HISTORY) -> pd.DataFrame:
    with monkeypatch.context() as m:
        m.setenv(fit_cache.ENVIRONMENT_VARIABLE, "off")
        return model.forecast_baseline(history, horizon=4, method=method).forecast


def exact_text(frame: pd.DataFrame) -> list[str]:
    """Every number as its round-trip repr, with the index: equal text means equal bits."""
    return [repr(frame.index.name)] + [
        f"{year}:{column}:{value!r}"
        for year, row in frame.iterrows()
        for column, value in row.items()
    ]


def counting_fit():
    calls = []

    def fit(history: pd.Series, years: list[int]) -> pd.DataFrame:
        calls.append(1)
        return pd.DataFrame(
            {"forecast": [history.mean() / 3] * len(years)}, index=pd.Index(years, name="year")
        )

    return fit_cache.cached_fit(fit), calls


@pytest.mark.parametrize("method", model.METHODS)
def test_a_hit_returns_exactly_the_numbers_of_a_fresh_fit(folder, monkeypatch, method):
    expected = fresh(monkeypatch, method)
    first = model.forecast_baseline(HISTORY, horizon=4, method=method).forecast
    assert len(list(folder.rglob("*.json"))) == 1
    second = model.forecast_baseline(HISTORY, horizon=4, method=method).forecast
    for got in (first, second):
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
        assert exact_text(got) == exact_text(expected)
        assert got.index.dtype == expected.index.dtype


def test_a_second_call_reads_the_disk_instead_of_fitting(folder):
    fit, calls = counting_fit()
    series = pd.Series([1.0, 2.0, 4.0], index=[2020, 2021, 2022])
    assert fit(series, [2023, 2024]).equals(fit(series, [2023, 2024]))
    assert len(calls) == 1
    stored = json.loads(next(folder.rglob("*.json")).read_text(encoding="utf-8"))
    assert stored["frame"]["rows"] == [[7.0 / 9.0], [7.0 / 9.0]]  # repr-exact float, not rounded


def test_a_changed_series_or_horizon_misses_the_cache(folder, monkeypatch):
    model.forecast_baseline(HISTORY, horizon=4, method="linear")
    nudged = {**HISTORY, 2020: float(np.nextafter(27.6, 30.0))}
    got = model.forecast_baseline(nudged, horizon=4, method="linear").forecast
    assert len(list(folder.rglob("*.json"))) == 2  # one last-bit change, a new entry
    pd.testing.assert_frame_equal(got, fresh(monkeypatch, "linear", nudged), check_exact=True)
    model.forecast_baseline(HISTORY, horizon=5, method="linear")
    assert len(list(folder.rglob("*.json"))) == 3


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # a write cut short
        lambda text: "",  # an empty file
        lambda text: "\x00\x00garbage",  # not JSON
        lambda text: json.dumps({"format": "leadership-lab-fit", "key": "another"}),  # foreign
        lambda text: text.replace('"rows": [[', '"rows": [["x", '),  # wrong values
    ],
)
def test_a_damaged_file_is_refitted_and_repaired(folder, monkeypatch, damage):
    expected = fresh(monkeypatch, "recent")
    model.forecast_baseline(HISTORY, horizon=4, method="recent")
    (path,) = folder.rglob("*.json")
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert fit_cache._read(path, path.stem) is None  # the damage is one the reader refuses
    got = model.forecast_baseline(HISTORY, horizon=4, method="recent").forecast
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    repaired = json.loads(path.read_text(encoding="utf-8"))
    assert repaired["key"] == path.stem
    assert fit_cache.frame_from_json(repaired["frame"]).equals(expected)


@pytest.mark.parametrize("setting", ["", "off", " off "])
def test_the_environment_variable_turns_the_cache_off(monkeypatch, setting):
    monkeypatch.setenv(fit_cache.ENVIRONMENT_VARIABLE, setting)
    assert fit_cache.cache_folder() is None
    fit, calls = counting_fit()
    series = pd.Series([1.0, 2.0, 4.0], index=[2020, 2021, 2022])
    fit(series, [2023])
    fit(series, [2023])
    assert len(calls) == 2


def test_from_a_checkout_the_default_folder_is_ignored_by_git(monkeypatch):
    monkeypatch.delenv(fit_cache.ENVIRONMENT_VARIABLE, raising=False)
    assert fit_cache.cache_folder() == ROOT / ".cache" / "leadership-lab-fits"
    probe = ".cache/leadership-lab-fits/0123.json"
    result = subprocess.run(
        ["git", "check-ignore", "-q", probe], cwd=ROOT, check=False, capture_output=True
    )
    assert result.returncode == 0, "add .cache/ to .gitignore"


def test_an_unwritable_folder_leaves_the_fit_working(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(fit_cache.ENVIRONMENT_VARIABLE, str(blocker / "fits"))
    got = model.forecast_baseline(HISTORY, horizon=4, method="linear").forecast
    pd.testing.assert_frame_equal(got, fresh(monkeypatch, "linear"), check_exact=True)


FRAME = pd.DataFrame(
    {"forecast": [0.1 + 0.2, 1 / 3], "lower": [-0.0, 2.5e-300], "upper": [1e300, 7.0]},
    index=pd.Index([2024, 2025], name="year"),
)


def write_and_read(path: str, rounds: int, torn: multiprocessing.Value) -> None:
    """One process writing the same key again and again, and reading it between writes."""
    target = Path(path)
    key = target.stem
    for _ in range(rounds):
        fit_cache._write(target, key, "test", FRAME)
        if not FRAME.equals(fit_cache._read(target, key)):
            with torn.get_lock():
                torn.value += 1


def test_processes_writing_the_same_key_at_once_leave_a_whole_file(tmp_path):
    context = multiprocessing.get_context("fork")
    torn = context.Value("i", 0)
    path = tmp_path / "fits" / f"{'ab' * 32}.json"
    workers = [
        context.Process(target=write_and_read, args=(str(path), 150, torn)) for _ in range(3)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert torn.value == 0  # no reader ever saw half a file
    assert FRAME.equals(fit_cache._read(path, path.stem))
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary files left


def load(tmp_path: Path, name: str, source: str):
    file = tmp_path / f"{name}.py"
    file.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.fit


FIT = "LEVEL = {level}\n\ndef fit(history, years):\n    return history.mean() * {factor} * LEVEL\n"


def test_editing_the_fit_or_a_constant_it_reads_changes_the_key(tmp_path):
    series = pd.Series([1.0, 2.0, 4.0], index=[2020, 2021, 2022])

    def key(function) -> str:
        return fit_cache.fit_key("fit", fit_cache.method_version(function), series, [2023])

    same = key(load(tmp_path, "a", FIT.format(level=0.8, factor=2)))
    assert key(load(tmp_path, "b", FIT.format(level=0.8, factor=2))) == same
    assert key(load(tmp_path, "c", FIT.format(level=0.8, factor=3))) != same  # the code
    assert key(load(tmp_path, "d", FIT.format(level=0.9, factor=2))) != same  # the band level


def test_a_new_statsmodels_changes_the_key(monkeypatch):
    series = pd.Series([1.0, 2.0, 4.0], index=[2020, 2021, 2022])
    before = fit_cache.fit_key("fit", "v", series, [2023])
    versions = dict(fit_cache.library_versions(), statsmodels="99.0")
    monkeypatch.setattr(fit_cache, "library_versions", lambda: tuple(versions.items()))
    assert fit_cache.fit_key("fit", "v", series, [2023]) != before


@pytest.mark.parametrize("chapter", ["04_results_based_accountability", "06_your_city"])
def test_an_edit_to_the_cache_reruns_the_chapters_that_fit_and_filling_it_reruns_none(
    chapter, monkeypatch
):
    from leadership_lab.site import dependencies
    from leadership_lab.site.sphinx_extension import ALWAYS, notebook_code

    monkeypatch.delenv(fit_cache.ENVIRONMENT_VARIABLE, raising=False)
    model.forecast_baseline(HISTORY, horizon=4, method="linear")  # the checkout's cache, filled
    assert any((ROOT / ".cache" / "leadership-lab-fits").rglob("*.json"))
    code = notebook_code(ROOT / f"chapters/{chapter}.md")
    files = dependencies.dependency_files(code, "leadership_lab", ROOT, always=ALWAYS)
    names = {p.relative_to(ROOT).as_posix() for p in files}
    assert {"leadership_lab/fit_cache.py", "leadership_lab/rba/model.py"} <= names
    assert not any(name.startswith(".cache/") for name in names)


def test_prune_drops_what_an_edit_made_stale_and_keeps_what_the_fits_read(folder, tmp_path):
    """An edited fit writes to a new generation folder; pruning removes the old one (and files
    from before generations) without reading them, and keeps every file a current fit reads."""
    model.forecast_baseline(HISTORY, horizon=4, method="recent")
    (current,) = [p for p in folder.iterdir() if p.is_dir()]
    stale = folder / ("0" * 16)
    stale.mkdir()
    (stale / f"{'cd' * 32}.json").write_text("{}", encoding="utf-8")
    (folder / f"{'ef' * 32}.json").write_text("{}", encoding="utf-8")  # the old, flat layout
    (folder / ".abc.tmp").write_text("", encoding="utf-8")  # a write in progress elsewhere
    assert fit_cache.prune(folder) == 2
    assert sorted(p.name for p in folder.iterdir()) == sorted([current.name, ".abc.tmp"])
    kept = len(list(current.glob("*.json")))
    assert kept == 1 and fit_cache.prune(folder) == 0

    # An edit of the fit moves its files to a new generation, and the next prune drops the old.
    fit, _ = counting_fit()
    series = pd.Series([1.0, 2.0, 4.0], index=[2020, 2021, 2022])
    fit(series, [2023])
    edited, _ = counting_fit()  # same name and source: the same generation, nothing dropped
    assert fit_cache.prune(folder) == 0
    method = fit.cache_method
    fit_cache._REGISTERED[method] = lambda: "an edited version"
    try:
        assert fit_cache.prune(folder) == 1  # the folder the old version wrote
    finally:
        fit_cache._REGISTERED.pop(method)
    assert current.is_dir()


def test_prune_removes_nothing_when_no_fit_is_defined(folder, monkeypatch):
    model.forecast_baseline(HISTORY, horizon=4, method="recent")
    monkeypatch.setattr(fit_cache, "_REGISTERED", {})
    assert fit_cache.prune(folder) == 0 and any(folder.rglob("*.json"))
