"""Look for execution stalls: cells whose reply reached the client long after the kernel finished,
and kernels that take seconds to stop.

`python -m tools.stall_check [--rounds N] [--client stock|patient] [--shutdown graceful|immediate]`
executes every chapter notebook N times, two at a time (as the build does). For each cell it
compares the kernel's own finish time (the execute_reply header's date) with the moment nbclient
handed the reply back: a gap of more than a second is a stall, the reply had arrived and the
client was asleep. For each notebook it times stopping the kernel: more than a second is a stall
too (ipykernel 6.31 can hang on a shutdown request until jupyter_client's SIGTERM, 2.5 s later).
`--client patient --shutdown immediate` is what the build and the tests use.
"""

from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import jupytext
import nbclient
from jupyter_client.manager import AsyncKernelManager

from leadership_lab.site.patient_kernel import PatientKernelManager

ROOT = Path(__file__).resolve().parents[1]
STALL_SECONDS = 1.0


class TimedClient(nbclient.NotebookClient):
    """Records, for each cell, when its reply was handed back versus when the kernel sent it."""

    gaps: list[float]
    stops: list[float]

    async def _async_cleanup_kernel(self) -> None:
        start = time.perf_counter()
        await super()._async_cleanup_kernel()
        self.stops.append(time.perf_counter() - start)

    async def _async_poll_for_reply(self, msg_id, cell, timeout, output, alive):  # type: ignore[override]
        reply = await super()._async_poll_for_reply(msg_id, cell, timeout, output, alive)
        sent = reply["header"]["date"]
        if isinstance(sent, str):
            sent = datetime.fromisoformat(sent)
        self.gaps.append((datetime.now(UTC) - sent).total_seconds())
        return reply


def run_once(path: Path, manager: type, shutdown: str) -> tuple[list[float], float]:
    """The reply gaps of each cell, and how long the kernel took to stop."""
    notebook = jupytext.read(path)
    client = TimedClient(
        notebook, timeout=600, kernel_manager_class=manager, shutdown_kernel=shutdown
    )
    client.gaps, client.stops = [], []
    client.execute(cwd=str(path.parent))
    return client.gaps, sum(client.stops)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--client", choices=["stock", "patient"], default="stock")
    parser.add_argument("--shutdown", choices=["graceful", "immediate"], default="graceful")
    parser.add_argument("--chapters", default="*", help="a glob of chapter names, e.g. 01*")
    args = parser.parse_args(argv)
    manager = PatientKernelManager if args.client == "patient" else AsyncKernelManager
    chapters = sorted((ROOT / "chapters").glob(f"{args.chapters}.md")) * args.rounds
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        runs = list(pool.map(lambda p: run_once(p, manager, args.shutdown), chapters))
    gaps = [g for found, _ in runs for g in found]
    stops = [stop for _, stop in runs]
    stalls = [g for g in gaps if g > STALL_SECONDS]
    slow_stops = [s for s in stops if s > STALL_SECONDS]
    print(
        f"{args.client} client, {args.shutdown} shutdown: {len(gaps)} cells in "
        f"{time.perf_counter() - start:.0f} s; {len(stalls)} reply stalls over "
        f"{STALL_SECONDS:.0f} s (longest gap {max(gaps):.2f} s); {len(slow_stops)} of "
        f"{len(stops)} kernels took over {STALL_SECONDS:.0f} s to stop (longest "
        f"{max(stops):.2f} s, median {sorted(stops)[len(stops) // 2]:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
