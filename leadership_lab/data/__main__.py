"""Command line for facilitators: check a folder of a city's data, or rebuild the sample.

python -m leadership_lab.data validate FOLDER
python -m leadership_lab.data generate [FOLDER]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import generator, schema
from .loader import load_folder
from .validation import DataValidationError


def validate(folder: Path) -> int:
    """Print a readable report; exit status 0 when every table is usable, 1 otherwise."""
    try:
        tables = load_folder(folder, use_sample_for_missing=False)
    except DataValidationError as error:
        print(f"{folder}: {len(error.problems)} problem(s) to fix")
        for problem in error.problems:
            print(f"  - {problem}")
        return 1
    print(f"{folder}: every table is valid")
    for name, frame in tables.items():
        print(f"  - {name}: {len(frame)} rows")
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
