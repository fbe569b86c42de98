"""Execute the book's notebooks side by side before Sphinx reads them.

myst-nb executes notebooks one after another while Sphinx reads each page, so a two-core machine
spends the build waiting on one kernel at a time. This hook runs before reading: it finds every
notebook whose outputs the myst-nb cache does not hold (after the dependency check has dropped
stale entries), executes them in parallel, and stores each result in that same cache. myst-nb then
finds every notebook cached and only renders. A notebook that fails here is left out of the cache,
so myst-nb executes it again itself and reports the error in the usual way: the build never hides
a failure and never depends on this step to be correct.

Kernels are started with a client that waits for replies in short slices, so a wake-up the event
loop misses costs a fraction of a second, not the cell timeout, and are stopped as soon as their
notebook is done, so a kernel that hangs on a shutdown request cannot hold the build (see
`patient_kernel`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from time import monotonic
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .patient_kernel import CLIENT_OPTIONS

LOGGER = logging.getLogger(__name__)


@dataclass
class Pending:
    """A notebook the cache does not hold, read exactly as myst-nb reads it (so its hash matches
    when myst-nb looks it up)."""

    path: Path
    notebook: Any
    read_fmt: dict | None


def pending_notebooks(env: BuildEnvironment, docnames: Iterable[str]) -> list[Pending]:
    """The notebooks among `docnames` whose outputs the myst-nb cache lacks."""
    from jupyter_cache import get_cache
    from myst_nb.core.read import create_nb_reader

    cache = get_cache(env.mystnb_config.execution_cache_path or ".jupyter_cache")
    pending = []
    for docname in sorted(docnames):
        path = Path(env.doc2path(docname))
        if path.suffix not in {".md", ".ipynb"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        reader = create_nb_reader(str(path), env.myst_config, env.mystnb_config, text)
        if reader is None:
            continue
        notebook = reader.read(text)
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            pending.append(Pending(path, notebook, reader.read_fmt))
    return pending


def _execute(item: Pending, timeout: int | None, allow_errors: bool) -> Any:
    from jupyter_cache.executors.utils import single_nb_execution

    return single_nb_execution(
        item.notebook,
        cwd=str(item.path.parent),
        timeout=timeout,
        allow_errors=allow_errors,
        meta_override=True,
        **CLIENT_OPTIONS,
    )


def workers(count: int) -> int:
    """One kernel per core, and never more kernels than notebooks."""
    return max(1, min(count, os.cpu_count() or 1))


def execute_in_parallel(env: BuildEnvironment, items: list[Pending]) -> tuple[int, list[str]]:
    """Execute `items` side by side and cache each success; returns how many were cached and the
    paths of those that failed (myst-nb executes those again and reports them)."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    config = env.mystnb_config
    cache = get_cache(config.execution_cache_path or ".jupyter_cache")
    cached, failed = 0, []
    with ThreadPoolExecutor(max_workers=workers(len(items))) as pool:
        futures = {
            pool.submit(_execute, item, config.execution_timeout, config.execution_allow_errors): (
                item
            )
            for item in items
        }
        for future in as_completed(futures):
            item = futures[future]
            try:
                result = future.result()
            except Exception as error:  # noqa: BLE001 - myst-nb re-executes and reports it
                failed.append(f"{item.path}: {error}")
                continue
            if result.err is not None:
                failed.append(f"{item.path}: {result.err.__class__.__name__}")
                continue
            # The database is written from this thread only.
            stage = cache.add_nb_to_project(str(item.path), read_data=item.read_fmt)
            cache.cache_notebook_bundle(
                CacheBundleIn(item.notebook, stage.uri, data={"execution_seconds": result.time}),
                check_validity=False,
                overwrite=True,
            )
            cached += 1
    return cached, failed


def execute_before_reading(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Sphinx's env-get-outdated hook (after the dependency check): run every uncached notebook
    in parallel so the read that follows finds them all in the cache."""
    if env.mystnb_config.execution_mode != "cache" or not app.config.lab_parallel_execution:
        return []
    items = pending_notebooks(env, env.found_docs)
    if len(items) < 2:  # one notebook gains nothing from a pool; myst-nb runs it as usual
        return []
    start = monotonic()
    cached, failed = execute_in_parallel(env, items)
    LOGGER.info(
        "leadership_lab: executed %d notebooks on %d kernels in %.1f s",
        cached,
        workers(len(items)),
        monotonic() - start,
    )
    for failure in failed:
        LOGGER.info("leadership_lab: left for myst-nb to execute and report: %s", failure)
    return []
