"""Command line for facilitators: check a folder of a city's data, or rebuild the sample.

python -m leadership_lab.data validate FOLDER
python -m leadership_lab.data generate [FOLDER]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import generator, schema
from .loader import check_folder
from .problems import DataValidationError


def validate(folder: Path) -> int:
    """Print a readable report; exit status 0 when every table is usable, 1 otherwise.

    It runs exactly the checks loading runs (`check_folder`), with the sample's tables filling
    the folder's gaps as they will when a chapter loads it, so "valid" here means "loads"."""
    try:
        checked = check_folder(folder)
    except DataValidationError as error:
        print(f"{folder}: {len(error.problems)} problem(s) to fix")
        for problem in error.problems:
            print(f"  - {problem}")
        return 1
    print(f"{folder}: every table is valid")
    for name, table in checked.tables.items():
        source = " (from the sample: this folder has none)" if name in checked.borrowed else ""
        print(f"  - {name}: {len(table.frame):,} rows{source}")
    if checked.notes:
        print("Read differently from how it was written (check these are what you meant):")
        for note in checked.notes:
            print(f"  - {note}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m leadership_lab.data", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a folder of CSV or Excel tables")
    check.add_argument("folder", type=Path)
    build = commands.add_parser("generate", help="rebuild the synthetic sample CSVs")
    build.add_argument("folder", type=Path, nargs="?", default=schema.DATA_DIR)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.folder)
    for path in generator.write_sample(args.folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
