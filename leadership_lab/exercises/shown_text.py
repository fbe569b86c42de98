"""Learners' text and file names shown safely: in a terminal, in a plotly label, as a name.

Anything in a hand-in folder was written by someone else. A file name can hold terminal escape
sequences that clear the screen and print a fake "all counted"; a display name can hold invisible
or direction-changing characters that make two learners look like one; an answer can hold the
small HTML subset plotly draws in its labels (links, images, styled spans). Each function here
makes one of those harmless for one place it is shown, without losing what was there.
"""

from __future__ import annotations

import textwrap
import unicodedata

# Characters that change nothing a reader sees, or change the reading direction of what follows.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"})
# Letters that draw as blank space (Hangul fillers, the braille blank).
BLANK_LETTERS = frozenset({"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"})
# Plotly reads these as markup or maths in any text it draws; each becomes a look-alike.
CHART_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆", "$": "＄"})
ELLIPSIS = "…"


def is_hidden(char: str) -> bool:
    """A character a reader cannot see, or one that reorders what they see."""
    return unicodedata.category(char) in HIDDEN_CATEGORIES or char in BLANK_LETTERS


def has_hidden(text: str) -> bool:
    return any(is_hidden(c) for c in text if c not in " ")


def visible_name(text: str) -> str:
    """A display name with every hidden character written out, such as "<U+202E>"."""
    return "".join(f"<U+{ord(c):04X}>" if is_hidden(c) else c for c in text)


def name_skeleton(text: str) -> str:
    """What two names look like to a reader: hidden characters dropped, look-alike forms
    folded (NFKC), case and spacing ignored. Two learners with one skeleton look the same."""
    kept = "".join((" " if c.isspace() else "") if is_hidden(c) else c for c in text)
    return " ".join(unicodedata.normalize("NFKC", kept).casefold().split())


def _escape_char(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def terminal_safe(text: str) -> str:
    """Text printed to a terminal with control, format and undecodable characters escaped the way
    Python's repr writes them ("\\x1b"), so no file name can move the cursor or clear the screen."""
    return "".join(_escape_char(c) if is_hidden(c) else c for c in text)


def chart_safe(text: str) -> str:
    """Text for a plotly label: nothing plotly could read as a tag, an entity or maths."""
    return terminal_safe(text).translate(CHART_LOOKALIKES)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with "…" to show something is left out."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def wrapped_lines(text: str, width: int, lines: int) -> list[str]:
    """Text wrapped to `width`, at most `lines` lines; the last ends in "…" if any was left out."""
    wrapped = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(wrapped) <= lines:
        return wrapped
    rest = " ".join(wrapped[lines - 1 :])
    return [*wrapped[: lines - 1], shorten(rest, width)]
