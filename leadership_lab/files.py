"""Writing files so that nothing is ever half-written: progress files, hand-ins and briefs.

A learner's notebook can be closed, or a laptop can sleep, in the middle of a save; a reader of the
file (the learner's next session, the facilitator's collect) must then see the old file or the
new one, never a torn one. A hand-in is never written over another file: each export is a new
file, created only if its name is free.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

# link() is refused on some shared and FAT-style folders; those get a plain exclusive create.
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV}


def _temporary_beside(path: Path, text: str) -> Path:
    """The text written and flushed to disk in a hidden file next to `path` (same folder, so a
    rename or link is atomic); the caller removes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def atomic_write_text(path: Path, text: str) -> None:
    """Write so that readers see either the old file or the new one, never half of either."""
    temporary = _temporary_beside(path, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def atomic_write_json(path: Path, data: dict[str, Any]) -> None:
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def write_new_text(path: Path, text: str) -> None:
    """Create `path` holding `text`, whole or not at all; FileExistsError if the name is taken.

    A hard link onto a name that does not exist is atomic and never replaces a file (a rename
    would silently replace one), so a hand-in can never overwrite another learner's.
    """
    temporary = _temporary_beside(path, text)
    try:
        os.link(temporary, path)
    except OSError as error:
        if isinstance(error, FileExistsError) or error.errno not in _NO_HARD_LINKS:
            raise
        _create_exclusively(path, text)
    finally:
        temporary.unlink(missing_ok=True)


def _create_exclusively(path: Path, text: str) -> None:
    """Mode "x" refuses an existing name; a write that fails part-way removes its own file."""
    with open(path, "x", encoding="utf-8") as out:
        try:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        except BaseException:
            path.unlink(missing_ok=True)
            raise


def write_new_json(path: Path, data: dict[str, Any]) -> None:
    write_new_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def remove_stale_temporaries(path: Path, older_than: float) -> list[Path]:
    """Remove the hidden `.<name>.*.tmp` files a killed save left beside `path`.

    A save that is still running holds its temporary file for well under a second, so one older
    than `older_than` seconds belongs to a process that died. Files that cannot be removed (a
    read-only folder) are left alone: they harm nothing.
    """
    cutoff = time.time() - older_than
    removed = []
    for temporary in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if temporary.stat().st_mtime < cutoff:
                temporary.unlink()
                removed.append(temporary)
        except OSError:
            continue
    return removed


def why_not_written(error: OSError) -> str:
    """The reason a file could not be written, in words a learner can act on."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is read-only"
    return error.strerror or str(error) or type(error).__name__
