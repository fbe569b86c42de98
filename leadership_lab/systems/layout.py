"""Where each part of a causal loop diagram goes, as plain geometry (no plotting library).

Readers lose a diagram when a label hides under a marker, when two opposite arrows share one line
and their signs float between them, or when nothing says which loop is which. So here:

- each variable is a text box, and its arrows start and end at the box's edge;
- every arrow is a curve; two variables that affect each other get two curves, bowed to opposite
  sides, and each sign sits beside its own arrow, near its own arrowhead;
- a delayed link carries the conventional two bars across the middle of its curve;
- each loop gets its R or B label, and its direction of travel, at the centre of its curves.

Sizes are in data units chosen so that one unit is about 100 screen pixels on a 390 px phone (the
narrowest screen the course supports), where 12 px text is about 0.075 units a character. On wider
screens the text is smaller than its box, never larger, so the boxes stay true.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from .model import CausalLoopDiagram, Loop

CHAR = 0.075  # width of a character of 12 px text, in data units (about 7.5 px)
LINE = 0.17  # height of a line of text
PAD_X, PAD_Y = 0.07, 0.05
WRAP = 14  # characters a line: long names break into short lines, between words
GAP = 0.04  # clear space between a box's edge and an arrow's start or tip
SIGN = 0.13  # a sign's half-width and half-height, with a little air around it
SIGN_CLEAR = 0.09  # a drawn sign's half-size (17 px bold), for keeping loop labels off it
Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    """A variable's label, centred at (x, y); w and h are full width and height."""

    name: str
    lines: tuple[str, ...]
    x: float
    y: float
    w: float
    h: float

    def contains(self, point: Point, margin: float = 0.0) -> bool:
        return (
            abs(point[0] - self.x) <= self.w / 2 + margin
            and abs(point[1] - self.y) <= self.h / 2 + margin
        )

    def overlaps(self, other: Box) -> bool:
        return (
            abs(self.x - other.x) < (self.w + other.w) / 2
            and abs(self.y - other.y) < (self.h + other.h) / 2
        )


@dataclass(frozen=True)
class Arrow:
    """One link: its curve (from box edge to box edge), its sign's place and its delay bars."""

    source: str
    target: str
    sign: str  # "+" or "–"
    delay: bool
    curve: tuple[Point, ...]
    sign_at: Point
    bars: tuple[tuple[Point, Point], ...]  # two short strokes across the curve, when delayed

    @property
    def head(self) -> Point:
        return self.curve[-1]

    @property
    def tail(self) -> Point:
        """A point a little back along the curve: the arrowhead points from here to the head."""
        return self.curve[max(0, len(self.curve) - 4)]


@dataclass(frozen=True)
class LoopMark:
    """A loop's label at the centre of its curves: R or B, its number, its direction, its name."""

    loop: Loop
    text: str
    x: float
    y: float
    polygon: tuple[Point, ...]  # the loop's curves joined, to test "inside"
    name: str = ""  # the loop's name, drawn under its label when there is room


@dataclass(frozen=True)
class Drawing:
    boxes: dict[str, Box]
    arrows: tuple[Arrow, ...]
    loops: tuple[LoopMark, ...]
    x_range: tuple[float, float]
    y_range: tuple[float, float]


def box_lines(name: str) -> tuple[str, ...]:
    return tuple(textwrap.wrap(name, WRAP, break_long_words=False, break_on_hyphens=False)) or (
        name,
    )


def _centres(names: list[str]) -> dict[str, Point]:
    """Variables round an oval, first at the top, clockwise in the order they were added.

    The oval grows with the number of variables so neighbouring boxes keep clear of each other."""
    count = len(names)
    if count == 1:
        return {names[0]: (0.0, 0.0)}
    if count == 2:
        return {names[0]: (-0.95, 0.0), names[1]: (0.95, 0.0)}
    rx = max(1.25, 0.21 * count)
    ry = max(1.15, 0.2 * count)
    return {
        name: (
            rx * math.cos(math.pi / 2 - 2 * math.pi * i / count),
            ry * math.sin(math.pi / 2 - 2 * math.pi * i / count),
        )
        for i, name in enumerate(names)
    }


def _bezier(a: Point, c: Point, b: Point, steps: int = 80) -> list[Point]:
    out = []
    for i in range(steps + 1):
        t = i / steps
        out.append(
            (
                (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t**2 * b[0],
                (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t**2 * b[1],
            )
        )
    return out


def _arc_point(points: list[Point], fraction: float) -> tuple[Point, Point]:
    """The point a fraction of the way along a polyline, and the unit tangent there."""
    lengths = [math.dist(p, q) for p, q in zip(points, points[1:], strict=False)]
    goal, run = fraction * sum(lengths), 0.0
    for (p, q), length in zip(zip(points, points[1:], strict=False), lengths, strict=True):
        if run + length >= goal and length > 0:
            t = (goal - run) / length
            tangent = ((q[0] - p[0]) / length, (q[1] - p[1]) / length)
            return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])), tangent
        run += length
    p, q = points[-2], points[-1]
    length = math.dist(p, q) or 1.0
    return q, ((q[0] - p[0]) / length, (q[1] - p[1]) / length)


def _arrow(
    source: Box, target: Box, sign: str, delay: bool, two_way: bool, boxes: Mapping[str, Box]
) -> Arrow:
    a, b = (source.x, source.y), (target.x, target.y)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    normal = (dy / length, -dx / length)  # to the right of the direction of travel
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    if not two_way and mid[0] * normal[0] + mid[1] * normal[1] < 0:
        normal = (-normal[0], -normal[1])  # a one-way link bows away from the centre
    bend = (0.26 if two_way else 0.14) * length
    control = (mid[0] + bend * normal[0], mid[1] + bend * normal[1])
    points = _bezier(a, control, b)
    kept = [p for p in points if not source.contains(p, GAP) and not target.contains(p, GAP + 0.03)]
    if len(kept) < 4:  # boxes almost touch: keep a short stub so the arrow is still seen
        kept = points[len(points) // 2 - 2 : len(points) // 2 + 2]
    # The sign sits beside its arrow, on the outer side of the bow, most of the way to the head,
    # and outside every box.
    sign_at = kept[-1]
    for fraction in (0.78, 0.7, 0.62, 0.55, 0.85, 0.5):
        on_curve, tangent = _arc_point(kept, fraction)
        side = (tangent[1], -tangent[0])
        if side[0] * normal[0] + side[1] * normal[1] < 0:
            side = (-side[0], -side[1])
        sign_at = (on_curve[0] + 0.13 * side[0], on_curve[1] + 0.13 * side[1])
        clear = Box("", (), sign_at[0], sign_at[1], 2 * SIGN, 2 * SIGN)
        if not any(clear.overlaps(box) for box in boxes.values()):
            break
    bars: tuple[tuple[Point, Point], ...] = ()
    if delay:
        centre, tangent = _arc_point(kept, 0.5)
        across = (-tangent[1], tangent[0])
        bars = tuple(
            (
                (
                    centre[0] + shift * tangent[0] - 0.09 * across[0],
                    centre[1] + shift * tangent[1] - 0.09 * across[1],
                ),
                (
                    centre[0] + shift * tangent[0] + 0.09 * across[0],
                    centre[1] + shift * tangent[1] + 0.09 * across[1],
                ),
            )
            for shift in (-0.035, 0.035)
        )
    return Arrow(source.name, target.name, sign, delay, tuple(kept), sign_at, bars)


def mark_size(text: str) -> tuple[float, float]:
    """Width and height of a loop label (13 px bold), in data units."""
    lines = text.split("<br>")
    return max(len(line) for line in lines) * CHAR * 1.15 + 0.06, len(lines) * LINE + 0.04


def _clear_spot(
    polygon: tuple[Point, ...], size: tuple[float, float], avoid: list[Box]
) -> Point | None:
    """The point nearest the loop's centre that is inside the loop and clear of every box, sign
    and other loop label; None when nothing is clear."""
    cx = sum(p[0] for p in polygon) / len(polygon)
    cy = sum(p[1] for p in polygon) / len(polygon)
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    step = 0.05
    candidates = [
        (min(xs) + i * step, min(ys) + j * step)
        for i in range(int((max(xs) - min(xs)) / step) + 1)
        for j in range(int((max(ys) - min(ys)) / step) + 1)
    ]
    candidates.sort(key=lambda p: math.dist(p, (cx, cy)))
    for point in [(cx, cy), *candidates]:
        label = Box("", (), point[0], point[1], *size)
        if inside(point, polygon) and not any(label.overlaps(other) for other in avoid):
            return point
    return None


def _signed_area(points: list[Point]) -> float:
    return 0.5 * sum(
        p[0] * q[1] - q[0] * p[1] for p, q in zip(points, [*points[1:], points[0]], strict=True)
    )


def inside(point: Point, polygon: tuple[Point, ...]) -> bool:
    """Ray casting: is the point inside the closed polygon?"""
    x, y, result = point[0], point[1], False
    for (x0, y0), (x1, y1) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


def ring_order(diagram: CausalLoopDiagram) -> list[str]:
    """An order round the oval that keeps each loop's variables side by side: the longest loop
    first, in its own order, then every other variable next to the first neighbour already
    placed. Links then run between neighbours and seldom cross the middle."""
    graph = diagram.graph
    loops = sorted(diagram.loops(), key=lambda loop: -len(loop.variables))
    order: list[str] = list(loops[0].variables) if loops else []
    pending = [n for n in graph.nodes if n not in order]
    while pending:
        for name in pending:
            placed = [n for n in order if graph.has_edge(name, n) or graph.has_edge(n, name)]
            if placed or not order:
                at = order.index(placed[0]) + 1 if placed else 0
                order.insert(at, name)
                pending.remove(name)
                break
        else:
            order.append(pending.pop(0))
    return order


def layout(
    diagram: CausalLoopDiagram, names: Mapping[frozenset[str], str] | None = None
) -> Drawing:
    """Place boxes, curves, signs, delay bars and loop labels for a diagram.

    names: a loop's name, keyed by the set of its variables (e.g. "word of mouth")."""
    graph = diagram.graph
    centres = _centres(ring_order(diagram))
    boxes = {}
    for name, (x, y) in centres.items():
        lines = box_lines(name)
        width = max(len(line) for line in lines) * CHAR + 2 * PAD_X
        boxes[name] = Box(name, lines, x, y, width, len(lines) * LINE + 2 * PAD_Y)
    arrows = {
        (a, b): _arrow(
            boxes[a], boxes[b], "+" if sign == "+" else "–", delay, graph.has_edge(b, a), boxes
        )
        for a, b, sign, delay in diagram.links()
    }
    marks: list[LoopMark] = []
    taken = [
        Box("", (), *arrow.sign_at, 2 * SIGN_CLEAR, 2 * SIGN_CLEAR) for arrow in arrows.values()
    ]
    counts = {"R": 0, "B": 0}
    for loop in diagram.loops():
        counts[loop.letter] += 1
        pairs = zip(loop.variables, [*loop.variables[1:], loop.variables[0]], strict=True)
        polygon = tuple(p for pair in pairs for p in arrows[pair].curve)
        turn = "↺" if _signed_area(list(polygon)) > 0 else "↻"
        name = (names or {}).get(frozenset(loop.variables))
        short = f"{loop.letter}{counts[loop.letter]} {turn}"
        text = short + (f"<br>{name}" if name else "")
        spot = _clear_spot(polygon, mark_size(text), [*boxes.values(), *taken])
        if spot is None and name:  # no room for the name inside the loop: the list below has it
            text = short
            spot = _clear_spot(polygon, mark_size(text), [*boxes.values(), *taken])
        x, y = spot or (
            sum(p[0] for p in polygon) / len(polygon),
            sum(p[1] for p in polygon) / len(polygon),
        )
        label = mark_size(text)
        marks.append(LoopMark(loop, text, x, y, polygon, name or ""))
        taken.append(Box("", (), x, y, *label))
    xs = [b.x - b.w / 2 for b in boxes.values()] + [b.x + b.w / 2 for b in boxes.values()]
    ys = [b.y - b.h / 2 for b in boxes.values()] + [b.y + b.h / 2 for b in boxes.values()]
    for arrow in arrows.values():
        xs += [p[0] for p in arrow.curve] + [arrow.sign_at[0]]
        ys += [p[1] for p in arrow.curve] + [arrow.sign_at[1]]
    pad = 0.1
    return Drawing(
        boxes,
        tuple(arrows.values()),
        tuple(marks),
        (min(xs) - pad, max(xs) + pad),
        (min(ys) - pad, max(ys) + pad),
    )
