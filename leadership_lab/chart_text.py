"""A chart in words: the short text alternative printed under every chart on the site.

A reader on paper, a screen reader, or a phone that has not drawn the chart yet still gets what
the chart says. The text is worked out from the figure's own data, so it cannot drift from what is
drawn; a figure may put a sentence of its own first (``layout.meta.lab_alt``), such as how to use
its menus.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

MAX_TRACES = 8
MAX_ITEMS = 6


def plain(text: Any) -> str:
    """Plotly's small HTML subset (<b>, <br>, <i>) as plain words."""
    text = "" if text is None else str(text).replace("\u200b", "")  # 0 is a value, not nothing
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def title_of(layout: dict[str, Any]) -> str:
    title = layout.get("title", {})
    return plain(title.get("text") if isinstance(title, dict) else title)


def _number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return plain(value)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.3g}"


# The part of d3-format (plotly's tickformat) the lab's axes use: "$", ",", ".N", "%", "f", "d".
D3_FORMAT = re.compile(r"^(?P<money>\$)?(?P<comma>,)?(?:\.(?P<digits>\d+))?(?P<kind>[%fd])?$")


def formatted(value: Any, axis: dict[str, Any] | None = None) -> str:
    """A value as the chart's own axis writes it (its tickformat, prefix and suffix), so the
    words under a chart say "44%" where the axis says 44%, not 0.438."""
    axis = axis or {}
    spec = D3_FORMAT.match(str(axis.get("tickformat") or ""))
    if isinstance(value, bool) or not isinstance(value, int | float) or not spec or not spec[0]:
        text = _number(value)
    else:
        comma = "," if spec["comma"] else ""
        digits = int(spec["digits"] or 0)
        if spec["kind"] == "%":
            text = f"{value * 100:{comma}.{digits}f}%"
        elif spec["kind"] == "d":
            text = f"{round(value):{comma}d}"
        else:
            text = f"{value:{comma}.{digits}f}" if spec["digits"] else _number(value)
        text = ("$" if spec["money"] else "") + text
    return f"{axis.get('tickprefix') or ''}{text}{axis.get('ticksuffix') or ''}"


def _shown(trace: dict[str, Any]) -> bool:
    return trace.get("visible", True) is True and trace.get("hoverinfo") != "skip"


def _typed_array(value: dict[str, Any]) -> list[Any]:
    """Plotly writes numpy and pandas data as {"dtype", "bdata", "shape"}: read it back, so a
    chart drawn from a data frame is described like one drawn from lists."""
    if "bdata" not in value or "dtype" not in value:
        return []
    array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
    shape = value.get("shape")
    if shape:
        array = array.reshape([int(n) for n in str(shape).split(",")])
    return array.tolist()


def _values(trace: dict[str, Any], key: str) -> list[Any]:
    value = trace.get(key)
    if value is None:
        return []
    if isinstance(value, dict):  # plotly's typed-array encoding of numpy and pandas data
        value = _typed_array(value)
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy arrays, pandas data
        value = value.tolist()
    return list(value) if isinstance(value, Sequence) and not isinstance(value, str) else [value]


def _axis(layout: dict[str, Any], trace: dict[str, Any], letter: str) -> dict[str, Any]:
    """The layout of the axis a trace plots its `letter` ("x" or "y") values on."""
    ref = str(trace.get(f"{letter}axis") or letter)
    axis = layout.get(f"{letter}axis{ref[1:]}", {})
    return axis if isinstance(axis, dict) else {}


def _position(value: Any, axis: dict[str, Any]) -> str:
    """Where along the x axis: as the axis writes it, or plainly (2020, not 2,020)."""
    if axis.get("tickformat") or isinstance(value, bool) or not isinstance(value, int | float):
        return formatted(value, axis)
    return f"{value:g}"


def _axis_title(axis: dict[str, Any], fallback: str) -> str:
    title = axis.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    return plain(text) or fallback


def _points(trace: dict[str, Any], layout: dict[str, Any]) -> str | None:
    """Markers with no line between them (a grid of groups, a scatter): each point where it
    sits, since a first-to-last reading would mean nothing."""
    xs, ys = _values(trace, "x"), _values(trace, "y")
    labels = [plain(t) for t in _values(trace, "text")] or [""] * len(xs)
    across, up = _axis(layout, trace, "x"), _axis(layout, trace, "y")
    x_name, y_name = _axis_title(across, "x"), _axis_title(up, "y")
    items = []
    for label, x, y in zip(labels, xs, ys, strict=False):
        if isinstance(y, str) and isinstance(x, int | float):  # one mark per category, across
            items.append(f"{plain(y)}: {formatted(x, across)}")
        elif isinstance(x, str) and isinstance(y, int | float):  # one mark per category, up
            items.append(f"{plain(x)}: {formatted(y, up)}")
        elif isinstance(x, int | float) and isinstance(y, int | float):
            items.append(
                f"{label + ' at ' if label else ''}{x_name} {_position(x, across)}, "
                f"{y_name} {formatted(y, up)}"
            )
    return _listed(trace, items)


def _listed(trace: dict[str, Any], items: list[str]) -> str | None:
    """A trace's name, then its first MAX_ITEMS items and how many more there are."""
    if not items:
        return None
    name = plain(trace.get("name"))
    more = f"; and {len(items) - MAX_ITEMS} more" if len(items) > MAX_ITEMS else ""
    return f"{name + ' — ' if name else ''}{'; '.join(items[:MAX_ITEMS])}{more}"


def _line(trace: dict[str, Any], layout: dict[str, Any]) -> str | None:
    mode = str(trace.get("mode") or "")
    if mode and "lines" not in mode:
        return _points(trace, layout)
    name = plain(trace.get("name")) or "series"
    xs, ys = _values(trace, "x"), _values(trace, "y")
    pairs = [(x, y) for x, y in zip(xs, ys, strict=False) if isinstance(y, int | float)]
    if not pairs:
        return None
    axis, across = _axis(layout, trace, "y"), _axis(layout, trace, "x")
    (x0, y0), (x1, y1) = pairs[0], pairs[-1]
    return (
        f"{name}: {formatted(y0, axis)} at {_position(x0, across)} "
        f"to {formatted(y1, axis)} at {_position(x1, across)}"
    )


def _bars(trace: dict[str, Any], layout: dict[str, Any]) -> str | None:
    horizontal = trace.get("orientation") == "h"
    labels = _values(trace, "y" if horizontal else "x")
    values = _values(trace, "x" if horizontal else "y")
    axis = _axis(layout, trace, "x" if horizontal else "y")
    pairs = zip(labels, values, strict=False)
    return _listed(trace, [f"{plain(k)}: {formatted(v, axis)}" for k, v in pairs])


def _polar(trace: dict[str, Any], layout: dict[str, Any]) -> str | None:
    pairs = list(zip(_values(trace, "theta"), _values(trace, "r"), strict=False))
    if not pairs:
        return None
    name = plain(trace.get("name"))
    items = "; ".join(f"{plain(t)} {_number(r)}" for t, r in pairs[:MAX_ITEMS])
    return f"{name + ': ' if name else ''}{items}"


def _heatmap(trace: dict[str, Any], layout: dict[str, Any]) -> str | None:
    """A labelled grid in words, column by column (what each column's cells say); an unlabelled
    one by its size and range."""
    rows = [row for row in _values(trace, "z") if isinstance(row, Sequence)]
    cells = [v for row in rows for v in row if isinstance(v, int | float)]
    if not cells:
        return None
    words = [row for row in _values(trace, "text") if isinstance(row, Sequence)]
    columns, names = _values(trace, "x"), _values(trace, "y")
    if words and columns and names:
        said = []
        for c, column in enumerate(columns):
            marked = [
                f"{plain(names[r])} ({plain(row[c])})"
                for r, row in enumerate(words)
                if r < len(names) and c < len(row) and plain(row[c])
            ]
            if marked:
                said.append(f"{plain(column)} — {'; '.join(marked)}")
        if said:
            return ". ".join(said)
    return (
        f"a grid of {len(rows)} rows by {max(len(row) for row in rows)} columns, "
        f"values from {_number(min(cells))} to {_number(max(cells))}"
    )


def _labels(trace: dict[str, Any], layout: dict[str, Any] | None = None) -> str | None:
    texts = [plain(t) for t in _values(trace, "text") if plain(t)]
    if not texts:
        return None
    name = plain(trace.get("name"))
    more = f" and {len(texts) - MAX_ITEMS} more" if len(texts) > MAX_ITEMS else ""
    return f"{name + ': ' if name else ''}{', '.join(texts[:MAX_ITEMS])}{more}"


def _sankey(trace: dict[str, Any], layout: dict[str, Any]) -> str | None:
    nodes = [plain(n) for n in _values(trace.get("node", {}), "label")]
    return f"flows between {', '.join(nodes[:MAX_ITEMS])}" if nodes else None


def _is_diagram(layout: dict[str, Any]) -> bool:
    """Network and loop pictures hide their axes: positions mean nothing, labels do."""
    return layout.get("xaxis", {}).get("visible") is False


def describe_trace(
    trace: dict[str, Any], diagram: bool = False, layout: dict[str, Any] | None = None
) -> str | None:
    """One series in words, its values written as its axis writes them."""
    layout = layout or {}
    kind = trace.get("type", "scatter")
    if diagram and kind == "scatter":
        return _labels(trace)
    describe = {
        "scatter": _line,
        "bar": _bars,
        "scatterpolar": _polar,
        "heatmap": _heatmap,
        "sankey": _sankey,
    }.get(kind)
    return describe(trace, layout) if describe else None


def _choices(layout: dict[str, Any]) -> str:
    """What the words describe when a chart has menus or sliders: the state it opens on, and
    the other states a reader can choose (the "Show the data" table follows the choice)."""
    parts = []
    for control in [*(layout.get("updatemenus") or []), *(layout.get("sliders") or [])]:
        options = control.get("buttons") or control.get("steps") or []
        if len(options) < 2:
            continue
        names = [plain(o.get("label")) for o in options]
        active = control.get("active") or 0
        others = [n for i, n in enumerate(names) if i != active]
        more = f" and {len(others) - MAX_ITEMS} more" if len(others) > MAX_ITEMS else ""
        parts.append(
            f"{plain(control.get('name')) or 'Menu'}: {names[active]} "
            f"(other choices: {'; '.join(others[:MAX_ITEMS])}{more})"
        )
    if not parts:
        return ""
    return (
        f"As the chart opens — {'. '.join(parts)}. "
        "Show the data lists the numbers for the choice on screen."
    )


def describe(fig: dict[str, Any]) -> str:
    """One or two sentences: the figure's own words, then what each shown series says."""
    layout = fig.get("layout", {})
    diagram = _is_diagram(layout)
    parts = [describe_trace(t, diagram, layout) for t in fig.get("data", []) if _shown(t)]
    parts = [p for p in parts if p]
    own = (
        plain(layout.get("meta", {}).get("lab_alt", ""))
        if isinstance(layout.get("meta"), dict)
        else ""
    )
    # Series that list their own items (separated by ";") are set apart as sentences.
    long_parts = any(";" in p for p in parts)
    shown = (". " if long_parts else "; ").join(parts[:MAX_TRACES])
    more = f" (and {len(parts) - MAX_TRACES} more series)" if len(parts) > MAX_TRACES else ""
    lead = "In the chart: " if long_parts else "The chart shows "
    sentence = f"{lead}{shown}{more}." if shown else ""
    text = " ".join(p for p in (own, sentence, _choices(layout)) if p)
    return text or f"Chart: {title_of(layout) or 'untitled'}."
