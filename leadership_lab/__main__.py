"""Facilitator commands.

python -m leadership_lab collect SUBMISSIONS_FOLDER [--out cohort-summary.html]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from .exercises.collect import CollectError, collect
from .exercises.registry import chapter_exercises, chapter_titles
from .exercises.report import report_html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m leadership_lab")
    commands = parser.add_subparsers(dest="command", required=True)
    gather = commands.add_parser("collect", help="summarise a folder of learners' submission files")
    gather.add_argument("folder", type=Path)
    gather.add_argument("--out", type=Path, default=Path("cohort-summary.html"))
    args = parser.parse_args(argv)
    try:
        summary = collect(
            args.folder,
            chapter_exercises(),
            on_progress=lambda paths: tqdm(
                paths, desc="Reading submissions", unit="file", file=sys.stderr
            ),
        )
    except CollectError as error:
        print(error, file=sys.stderr)
        return 1
    args.out.write_text(report_html(summary, chapter_titles()), encoding="utf-8")
    print(f"Counted {len(summary.submissions)} submissions; wrote {args.out}")
    for name, reason in summary.skipped:
        print(f"  skipped {name}: {reason}")
    for learner, kept, dropped in summary.duplicates:
        print(f"  {learner} handed in {len(dropped) + 1} times; counted {kept}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
