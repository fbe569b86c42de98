"""Reading one hand-in file with limits, so no file in the folder can stop the whole summary.

A real submission is a few kilobytes, four levels deep, with short numbers. A file planted in the
folder can be a link to somewhere else, a pipe that never ends, a 5,000-digit integer (Python
refuses to convert it), 100,000 nested brackets (the parser runs out of stack) or a lone UTF-16
surrogate (the report could not be written as UTF-8). Each of those is refused here with a reason
a facilitator can read; nothing else in collect has to think about them.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 16  # a submission is 5 deep: file, answers, exercise, answer, list item
MAX_DIGITS = 30
MAX_NUMBER_TEXT = 60
STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
SURROGATES = re.compile("[\ud800-\udfff]")
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class UnreadableFile(ValueError):
    """Why one file was not read, in words a facilitator can pass on."""


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, never through a link and never more than `limit`."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnreadableFile("a link to another place; links are not followed") from error
        raise UnreadableFile(f"cannot be opened ({error.strerror})") from error
    with os.fdopen(handle, "rb") as file:
        mode = os.fstat(file.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFile("not an ordinary file")
        data = file.read(limit + 1)
    if len(data) > limit:
        raise UnreadableFile(f"larger than any real submission (over {limit // 1_000_000} MB)")
    return data


def _too_deep(text: str, max_depth: int) -> bool:
    """Whether brackets outside strings nest deeper than `max_depth`, found without recursion and
    at C speed: each round removes the innermost "[]" and "{}" pairs (one or two levels). Brackets
    left unmatched are the JSON parser's to report."""
    brackets = NOT_BRACKETS.sub("", STRINGS.sub("", text))
    for _ in range(max_depth):
        shorter = brackets.replace("[]", "").replace("{}", "")
        if shorter == brackets:
            return False
        brackets = shorter
    return "[]" in brackets or "{}" in brackets


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise UnreadableFile(f"holds a number with more than {MAX_DIGITS} digits")
    return int(text)


def _decimal(text: str) -> float:
    value = float(text) if len(text) <= MAX_NUMBER_TEXT else float("inf")
    if value in (float("inf"), float("-inf")):
        raise UnreadableFile("holds a number too long or too large for any answer")
    return value


def _no_constant(name: str) -> Any:
    raise UnreadableFile(f"holds {name}, which is not a number an answer can be")


def _clean_strings(data: Any) -> Any:
    """Lone surrogates (from "\\ud800" escapes) replaced by U+FFFD, walking without recursion."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key in list(item):
                value = item.pop(key)
                clean = SURROGATES.sub("\ufffd", key)
                item[clean] = SURROGATES.sub("\ufffd", value) if isinstance(value, str) else value
                stack.append(item[clean])
        elif isinstance(item, list):
            for index, value in enumerate(item):
                if isinstance(value, str):
                    item[index] = SURROGATES.sub("\ufffd", value)
                else:
                    stack.append(value)
    return SURROGATES.sub("\ufffd", data) if isinstance(data, str) else data


def parse(data: bytes, max_depth: int = MAX_DEPTH) -> Any:
    """JSON within the limits: UTF-8, nested at most `max_depth`, no giant or non-finite numbers."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableFile("not UTF-8 text") from error
    if _too_deep(text, max_depth):
        raise UnreadableFile(f"nested deeper than any submission ({max_depth} levels)")
    try:
        parsed = json.loads(
            text, parse_int=_integer, parse_float=_decimal, parse_constant=_no_constant
        )
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            f"not complete JSON (it stops or breaks at line {error.lineno})"
        ) from error
    except RecursionError as error:  # the scan above should make this unreachable
        raise UnreadableFile("nested deeper than any submission") from error
    return _clean_strings(parsed) if SURROGATE_ESCAPE.search(text) else parsed


def read_json(path: Path) -> Any:
    """One file's JSON data, or UnreadableFile naming the limit it broke."""
    return parse(read_bytes(path))
