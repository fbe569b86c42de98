"""`python -m leadership_lab.site.build_book ARGS` runs `jupyter-book ARGS` minus the exit wait.

When a build has finished, the Sphinx process holds half a million Python objects (every page's
doctree, the environment, pandas, statsmodels). Ending the interpreter normally frees them one
by one and then clears every module, which took 1.2 to 1.9 s of every `make book` on the
development machine after the last file was written. This runs jupyter-book's own command line
unchanged, flushes output, runs the exit handlers libraries registered (logging, thread pools,
kernel clients), and then ends the process without that teardown. The exit status is
jupyter-book's own; an exception that escapes jupyter-book is reported by Python as usual.
"""

from __future__ import annotations

import atexit
import os
import sys


def exit_status(code: object) -> int:
    """The process exit status `sys.exit(code)` would give."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    """Run jupyter-book's command line; returns its exit status."""
    from jupyter_book.cli.main import main as jupyter_book

    try:
        jupyter_book.main(args=sys.argv[1:] if argv is None else argv, prog_name="jupyter-book")
    except SystemExit as done:
        return exit_status(done.code)
    return 0


def end_now(status: int) -> None:
    """End the process with `status` once output and exit handlers are done, skipping the
    interpreter's teardown of every object and module."""
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    end_now(main())
