"""Look for execution stalls: cells whose reply reached the client long after the kernel finished.

`python -m tools.stall_check [--rounds N] [--client stock|patient]` executes every chapter
notebook N times, two at a time (as the build does), and for each cell compares the kernel's own
finish time (the execute_reply header's date) with the moment nbclient handed the reply back. A
gap of more than a second is a stall: the reply had arrived and the client was asleep. Prints
the count of stalls and the longest gap for the chosen client.
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

    async def _async_poll_for_reply(self, msg_id, cell, timeout, output, alive):  # type: ignore[override]
        reply = await super()._async_poll_for_reply(msg_id, cell, timeout, output, alive)
        sent = reply["header"]["date"]
        if isinstance(sent, str):
            sent = datetime.fromisoformat(sent)
        self.gaps.append((datetime.now(UTC) - sent).total_seconds())
        return reply


def run_once(path: Path, manager: type) -> list[float]:
    notebook = jupytext.read(path)
    client = TimedClient(notebook, timeout=600, kernel_manager_class=manager)
    client.gaps = []
    client.execute(cwd=str(path.parent))
    return client.gaps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--client", choices=["stock", "patient"], default="stock")
    parser.add_argument("--chapters", default="*", help="a glob of chapter names, e.g. 01*")
    args = parser.parse_args(argv)
    manager = PatientKernelManager if args.client == "patient" else AsyncKernelManager
    chapters = sorted((ROOT / "chapters").glob(f"{args.chapters}.md")) * args.rounds
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        gaps = [g for found in pool.map(lambda p: run_once(p, manager), chapters) for g in found]
    stalls = [g for g in gaps if g > STALL_SECONDS]
    print(
        f"{args.client} client: {len(gaps)} cells in {time.perf_counter() - start:.0f} s; "
        f"{len(stalls)} stalls over {STALL_SECONDS:.0f} s; longest gap {max(gaps):.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
