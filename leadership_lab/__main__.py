"""Facilitator commands, installed with the package as the `leadership-lab` command.

leadership-lab syllabus
leadership-lab collect SUBMISSIONS_FOLDER [--chapter ID ...] [--roster FILE] [--out FILE]
leadership-lab scorecard CITY [--data FOLDER] [--csv FILE] [--html FILE]

`python -m leadership_lab ...` runs the same commands with the Python that has the package.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from .catalogue import chapter_exercises, chapter_titles
from .exercises.collect import CohortSummary, CollectError, collect
from .exercises.report import check_report_target, report_html, write_report
from .exercises.shown_text import terminal_safe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="leadership-lab")
    commands = parser.add_subparsers(dest="command", required=True)
    gather = commands.add_parser("collect", help="summarise a folder of learners' submission files")
    gather.add_argument("folder", type=Path)
    gather.add_argument(
        "--chapter",
        action="append",
        metavar="ID",
        help="a chapter to summarise (repeat for more; default: every chapter)",
    )
    gather.add_argument(
        "--roster",
        type=Path,
        help="learner ids expected, one a line (default: roster.txt in the folder, if there)",
    )
    gather.add_argument("--out", type=Path, default=Path("cohort-summary.html"))
    commands.add_parser("syllabus", help="the course plan: chapters, objectives and their checks")
    card = commands.add_parser("scorecard", help="a city's RBA scorecard as CSV and HTML")
    card.add_argument("city")
    card.add_argument("--data", type=Path, help="a folder of your own tables (default: the sample)")
    card.add_argument("--csv", type=Path)
    card.add_argument("--html", type=Path)
    args = parser.parse_args(argv)
    if args.command == "syllabus":
        from .catalogue import syllabus_text

        try:
            print(syllabus_text())
        except FileNotFoundError as error:
            # Reading times come from the chapters' pages, which only a checkout has.
            print(
                f"The syllabus reads the chapters' pages, and {error.filename} is missing: run "
                "it in a copy of the course's repository (git clone, then make lab or "
                "pip install -e .), or read the syllabus page of the published book.",
                file=sys.stderr,
            )
            return 1
        return 0
    if args.command == "scorecard":
        return write_scorecard(args)
    return write_cohort_summary(args)


def _print_summary(summary: CohortSummary, titles: dict[str, str]) -> None:
    """The roster first, then what needs checking; every name and file name printed with its
    control characters written out, so none can move the cursor or clear the screen."""
    for chapter in summary.questions:
        entries = summary.roster(chapter)
        handed = [e for e in entries if e.submitted_at is not None]
        print(f"{titles.get(chapter, chapter)}: {len(handed)} handed in")
        for e in entries:
            when = f"{e.submitted_at:%Y-%m-%d %H:%M} UTC" if e.submitted_at else "not handed in"
            flags = f"  [{'; '.join(e.flags)}]" if e.flags else ""
            print(terminal_safe(f"  {e.name} ({e.learner_id}): {when}{flags}"))
    for flag in summary.flags:
        print(terminal_safe(f"  check: {flag}"))
    for name, reason in summary.skipped:
        print(terminal_safe(f"  skipped {name}: {reason}"))
    for file, exercise, reason in summary.invalid:
        print(terminal_safe(f"  not counted: {exercise} in {file}: {reason}"))
    for learner, kept, dropped in summary.duplicates:
        print(terminal_safe(f"  {learner} handed in {len(dropped) + 1} times; counted {kept}"))


def write_cohort_summary(args: argparse.Namespace) -> int:
    exercises = chapter_exercises()
    titles = chapter_titles()
    unknown = [c for c in args.chapter or () if c not in exercises]
    if unknown:
        print(
            terminal_safe(
                f"Unknown chapter {', '.join(unknown)}; choose from: {', '.join(exercises)}"
            ),
            file=sys.stderr,
        )
        return 2
    try:
        check_report_target(args.out)
        summary = collect(
            args.folder,
            exercises,
            on_progress=lambda paths: tqdm(
                paths, desc="Reading submissions", unit="file", file=sys.stderr
            ),
            chapters=args.chapter,
            roster=args.roster,
        )
        write_report(args.out, report_html(summary, titles))
    except CollectError as error:
        print(terminal_safe(str(error)), file=sys.stderr)
        return 1
    _print_summary(summary, titles)
    print(terminal_safe(f"Counted {len(summary.submissions)} submissions; wrote {args.out}"))
    return 0


def write_scorecard(args: argparse.Namespace) -> int:
    from .data import (
        SYNTHETIC_NOTE,
        DataValidationError,
        UnknownCityError,
        city,
        load_folder,
        load_sample,
    )
    from .rba import scorecard, scorecard_pages

    try:
        tables = load_folder(args.data) if args.data else load_sample()
        name = city(tables, args.city).name
        card = scorecard.city_scorecard(tables, args.city)
    except (DataValidationError, UnknownCityError) as error:
        print(error, file=sys.stderr)
        return 1
    if card.empty:
        print(
            f"{name} has no indicator values to score: every value for it is empty. If the "
            "table came from Excel with formulas, open and save it in Excel, or export values.",
            file=sys.stderr,
        )
        return 1
    note = f"Data from {args.data}." if args.data else SYNTHETIC_NOTE
    csv_path = args.csv or Path(f"scorecard-{args.city}.csv")
    html_path = args.html or Path(f"scorecard-{args.city}.html")
    scorecard_pages.to_csv(card, csv_path)
    programs = scorecard.program_measures(tables, args.city)
    html_path.write_text(scorecard_pages.to_html(card, name, note, programs), encoding="utf-8")
    print(f"Wrote {csv_path} and {html_path}")
    return 0


def cli() -> None:
    """The `leadership-lab` console script."""
    sys.exit(main())


if __name__ == "__main__":
    cli()
