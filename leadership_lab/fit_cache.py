"""A disk cache for forecast fits, so each series is fitted once, not once per page that shows it.

The cold book build spent most of its time in statsmodels: the RBA chapter's calibration table,
the capstone's worked city and the eight sample briefs refit the same series again and again.
A fit is a pure function of its inputs, so its result can be kept on disk, keyed by everything
it depends on:

- the fitting function's name and a hash of its source (an edit to the fit invalidates it, with
  no version number to remember) and of the module constants it reads (the band level);
- the versions of statsmodels, scipy, numpy and pandas (a new optimiser gives new numbers);
- the exact series (every value and year, floats written as Python's round-trip repr) and the
  other arguments (the forecast years).

Changed data therefore misses the cache by itself; the myst-nb cache and the project's
dependency fingerprints still decide when a notebook re-runs. Values are stored as JSON (never
pickle: a cache file must not be able to run code) and a result is cached only when it reads back
exactly equal, so results are identical with and without the cache. Each write goes to a temporary
file renamed into place, so concurrent writers (notebooks executed in parallel) each leave a
whole file; an unreadable, truncated or foreign file is ignored, refitted and replaced.

Where: `.cache/leadership-lab-fits/` under the project root when the package runs from a checkout
(the book build, the tests); nowhere for an installed package, whose folder may not be writable.
Each file sits in a folder named for its generation (the fit's name, version and library
versions), so `prune` can drop every file an edit or an upgrade made stale by folder name alone,
without reading them; the book build prunes at setup.
The environment variable LEADERSHIP_LAB_FIT_CACHE names another folder, or turns the cache off
with an empty value or "off".
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ENVIRONMENT_VARIABLE = "LEADERSHIP_LAB_FIT_CACHE"
PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = PROJECT_ROOT / ".cache" / "leadership-lab-fits"
FORMAT = "leadership-lab-fit"
FORMAT_VERSION = 1
# Libraries whose numbers a fit depends on; a new release of any of them starts a fresh cache.
LIBRARIES = ("statsmodels", "scipy", "numpy", "pandas")
_CONSTANT_TYPES = (bool, int, float, str, tuple, frozenset)

Fit = Callable[[pd.Series, list[int]], pd.DataFrame]


def cache_folder() -> Path | None:
    """The folder fits are kept in, or None when caching is off."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen is not None:
        chosen = chosen.strip()
        return None if chosen in ("", "off") else Path(chosen)
    if (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "_config.yml").is_file():
        return DEFAULT_FOLDER
    return None


@functools.cache
def library_versions() -> tuple[tuple[str, str], ...]:
    """Installed versions, read from metadata so a cache hit never imports statsmodels."""
    found = []
    for name in LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "absent"))
    return tuple(found)


def method_version(function: Callable[..., Any]) -> str:
    """A hash of the function's source and of the module constants it reads by name.

    Editing the fit, or a constant such as the band level, changes the version and so every key.
    """
    code = function.__code__
    names = set(code.co_names)
    for constant in code.co_consts:  # nested functions and comprehensions
        if inspect.iscode(constant):
            names.update(constant.co_names)
    constants = {
        name: repr(function.__globals__[name])
        for name in sorted(names)
        if isinstance(function.__globals__.get(name), _CONSTANT_TYPES)
    }
    text = json.dumps([inspect.getsource(function), constants], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def generation(method: str, version: str) -> str:
    """The folder a fit's files go in: a new one for every edit of the fit or library upgrade."""
    text = _canonical([FORMAT, FORMAT_VERSION, method, version, library_versions()])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# Every cached fit this process has defined, by name, with its version: what `prune` keeps.
_REGISTERED: dict[str, Callable[[], str]] = {}


def prune(folder: Path | None = None) -> int:
    """Remove what no fit defined in this process can read: generations left by an edit or an
    upgrade, and files from before generations. Returns how many entries were removed. With no
    fit defined yet (nothing imported), nothing is removed: this process cannot tell."""
    folder = cache_folder() if folder is None else folder
    if folder is None or not folder.is_dir() or not _REGISTERED:
        return 0
    current = {generation(method, version()) for method, version in _REGISTERED.items()}
    removed = 0
    for entry in folder.iterdir():
        if entry.name.startswith(".") or entry.name in current:
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed += 1
    return removed


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=True)


def _series_json(series: pd.Series) -> dict[str, Any]:
    return {
        "dtype": str(series.dtype),
        "index_dtype": str(series.index.dtype),
        "index": [_plain(item) for item in series.index],
        "values": [_plain(item) for item in series.to_numpy()],
    }


def _plain(item: Any) -> Any:
    """A numpy scalar as the Python int or float it holds (json writes floats repr-exact)."""
    return item.item() if hasattr(item, "item") else item


def fit_key(method: str, version: str, series: pd.Series, years: list[int]) -> str:
    """The sha256 of everything a fit's numbers depend on, as canonical JSON."""
    text = _canonical(
        {
            "format": [FORMAT, FORMAT_VERSION],
            "method": method,
            "version": version,
            "libraries": library_versions(),
            "series": _series_json(series),
            "years": [int(year) for year in years],
        }
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def frame_to_json(frame: pd.DataFrame) -> dict[str, Any]:
    """A frame of floats indexed by integers as plain JSON-ready lists."""
    return {
        "index_name": frame.index.name,
        "index": [int(item) for item in frame.index],
        "columns": [str(column) for column in frame.columns],
        "rows": [[float(value) for value in row] for row in frame.to_numpy(dtype="float64")],
    }


def frame_from_json(data: dict[str, Any]) -> pd.DataFrame:
    """The frame `frame_to_json` wrote; raises on anything else."""
    rows = data["rows"]
    columns = data["columns"]
    index = data["index"]
    if not (isinstance(rows, list) and isinstance(columns, list) and isinstance(index, list)):
        raise ValueError("not a stored frame")
    if len(rows) != len(index) or any(len(row) != len(columns) for row in rows):
        raise ValueError("stored frame has the wrong shape")
    values = np.array(rows, dtype="float64").reshape(len(index), len(columns))
    return pd.DataFrame(
        values,
        index=pd.Index(np.array(index, dtype="int64"), name=data["index_name"]),
        columns=pd.Index([str(column) for column in columns]),
        copy=False,
    )


def _read(path: Path, key: str) -> pd.DataFrame | None:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("format") != FORMAT or stored.get("key") != key:
            return None
        return frame_from_json(stored["frame"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # missing, truncated, corrupt or foreign: refit


def _write(path: Path, key: str, method: str, frame: pd.DataFrame) -> None:
    """Write atomically: a temporary file in the same folder, then os.replace over the name."""
    text = json.dumps(
        {"format": FORMAT, "key": key, "method": method, "frame": frame_to_json(frame)},
        sort_keys=True,
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return  # a read-only or full disk: the fit still works, uncached
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _round_trips(frame: pd.DataFrame) -> bool:
    """Whether the frame reads back from JSON identical: values, dtypes, index and names."""
    try:
        back = frame_from_json(json.loads(json.dumps(frame_to_json(frame))))
    except (ValueError, TypeError, OverflowError):
        return False
    return (
        frame.equals(back)
        and list(frame.columns) == list(back.columns)
        and frame.columns.dtype == back.columns.dtype
        and frame.index.equals(back.index)
        and frame.index.dtype == back.index.dtype
        and frame.index.name == back.index.name
        and bool((frame.dtypes == back.dtypes).all())
    )


def cached_fit(function: Fit) -> Fit:
    """Wrap a pure fit `function(history, years) -> frame` with the disk cache.

    The signature is unchanged; with the cache off, or for a result JSON cannot hold exactly,
    the function simply runs.
    """
    method = f"{function.__module__}.{function.__qualname__}"
    version = functools.cache(lambda: method_version(function))
    _REGISTERED[method] = version

    @functools.wraps(function)
    def wrapper(history: pd.Series, years: list[int]) -> pd.DataFrame:
        folder = cache_folder()
        if folder is None:
            return function(history, years)
        key = fit_key(method, version(), history, years)
        path = folder / generation(method, version()) / f"{key}.json"
        found = _read(path, key)
        if found is not None:
            return found
        frame = function(history, years)
        if _round_trips(frame):
            _write(path, key, method, frame)
        return frame

    wrapper.cache_method = method  # type: ignore[attr-defined]
    return wrapper
