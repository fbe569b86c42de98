"""The turn-the-curve one-pager and the agencies' headline measures as a printable handout.

Two forms of the same record: Markdown for a facilitator to paste or print from JupyterLab, and
HTML for the book's facilitator page. Both are lists and one three-column table, so they read on
a phone and fit a printed page. Every declared word is escaped in the HTML, because a
partnership's own session record may hold anything partners typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .agency_measures import PORT_ALDER_AGENCIES, PORT_ALDER_RESULT, Agency
from .one_page import TurnTheCurvePage

STEPS = (
    "1. Baseline: where we have been and where we are heading",
    "2. The story behind the curve",
    "3. Partners with a role to play",
    "4. What works",
    "5. Action plan",
)


def _value(page: TurnTheCurvePage, value: float | None) -> str:
    if value is None:
        return "not yet measured"
    return f"{value:.1f}%" if page.unit == "percent" else f"{value:,.1f} {page.unit}"


def _direction(page: TurnTheCurvePage) -> str:
    return "higher is better" if page.higher_is_better else "lower is better"


def _sections(page: TurnTheCurvePage) -> list[tuple[str, list[str]]]:
    """The page as headed lists of plain sentences; each form marks them up its own way."""
    first, last = page.history[0], page.history[-1]
    history = ", ".join(f"{y}: {_value(page, v)}" for y, v in page.history)
    latest = next(row for row in page.since if row.year == page.latest_year)
    ahead = page.since[-1]
    baseline = [
        f"History before the partnership ({first[0]}\u2013{last[0]}): {history}.",
        f"Forecast made from those years: {_value(page, latest.forecast)} for "
        f"{page.latest_year} (80% band {_value(page, latest.lower)} to "
        f"{_value(page, latest.upper)}), heading for {_value(page, ahead.forecast)} by "
        f"{ahead.year} if nothing changes. {page.baseline_note}",
        f"Latest: {_value(page, page.latest_value)} in {page.latest_year}. Reading, by the "
        f"course's calibrated rule: {page.verdict}",
    ]
    story = [f"{c.cause} Data: {c.data} What it cannot show: {c.limit}" for c in page.causes]
    story += [f"The data cannot say: {text}" for text in page.cannot_say]
    partners = [f"{p.name}{' (community)' if p.community else ''}: {p.role}" for p in page.partners]
    ideas = [f"{i.idea} ({i.cost}; {i.source})" for i in page.ideas]
    actions = [f"{a.what}. Who: {a.who}. By: {a.by_when}." for a in page.actions]
    actions.append(page.data_next)
    return list(zip(STEPS, [baseline, story, partners, ideas, actions], strict=True))


def _since_rows(page: TurnTheCurvePage) -> list[tuple[str, str, str]]:
    return [
        (
            str(row.year),
            _value(page, row.actual),
            f"{_value(page, row.forecast)} ({row.lower:.1f}\u2013{row.upper:.1f})",
        )
        for row in page.since
    ]


def page_markdown(page: TurnTheCurvePage) -> str:
    """The one-pager as Markdown: headed lists and one narrow table of the years since."""
    lines = [
        f"## Turn the curve: {page.city} (fictional)",
        "",
        f"*{page.note}*",
        "",
        f"**Result:** {page.result}  ",
        f"**Headline indicator:** {page.indicator} ({_direction(page)}). "
        f"**Partnership:** {page.partnership}, since {page.start_year}.",
    ]
    for title, items in _sections(page):
        lines += ["", f"### {title}", ""]
        lines += [f"- {item}" for item in items]
        if title.startswith("1."):
            lines += ["", "| Year | Measured | Baseline (80% band) |", "|---|---|---|"]
            lines += [f"| {y} | {m} | {b} |" for y, m, b in _since_rows(page)]
    return "\n".join(lines) + "\n"


STYLE = """<style>
.lab-handout{max-width:44rem;font-size:0.95rem;line-height:1.4}
.lab-handout h3{font-size:1.05rem;margin:0.9rem 0 0.3rem}
.lab-handout ul{padding-left:1.1rem;margin:0.2rem 0}
.lab-handout table{border-collapse:collapse;font-size:0.85rem;margin:0.4rem 0}
.lab-handout th,.lab-handout td{border-bottom:1px solid #ccc;padding:0.15rem 0.5rem;text-align:left}
@media print{.lab-handout{font-size:9pt;max-width:none}.lab-handout h3{break-after:avoid}
.lab-handout section{break-inside:avoid}}
</style>"""


def page_html(page: TurnTheCurvePage) -> str:
    """The one-pager as an HTML fragment, every text escaped."""
    parts = [
        STYLE,
        '<div class="lab-handout" role="region" '
        f'aria-label="{escape(f"Turn the curve: {page.city} (fictional)")}">',
        f"<p><strong>{escape(f'Turn the curve: {page.city} (fictional)')}</strong><br>"
        f"<em>{escape(page.note)}</em></p>",
        f"<p><strong>Result:</strong> {escape(page.result)}<br>"
        f"<strong>Headline indicator:</strong> {escape(page.indicator)} "
        f"({escape(_direction(page))}). <strong>Partnership:</strong> "
        f"{escape(page.partnership)}, since {page.start_year}.</p>",
    ]
    for title, items in _sections(page):
        parts.append(f"<section><h3>{escape(title)}</h3><ul>")
        parts += [f"<li>{escape(item)}</li>" for item in items]
        parts.append("</ul>")
        if title.startswith("1."):
            rows = "".join(
                f"<tr><td>{escape(y)}</td><td>{escape(m)}</td><td>{escape(b)}</td></tr>"
                for y, m, b in _since_rows(page)
            )
            parts.append(
                f"<table><caption>{escape(page.indicator)} since {page.start_year}, "
                "synthetic data</caption><thead><tr><th>Year</th><th>Measured</th>"
                f"<th>Baseline (80% band)</th></tr></thead><tbody>{rows}</tbody></table>"
            )
        parts.append("</section>")
    parts.append("</div>")
    return "\n".join(parts)


def agencies_lines(agencies: Sequence[Agency] = PORT_ALDER_AGENCIES) -> list[tuple[str, list[str]]]:
    """Each agency's heading and its measures as sentences: headline measures first, labelled
    with their question, then the "how much" count, labelled as context so no one leads with it."""
    return [
        (
            f"{agency.name}: {agency.contribution}",
            [f"Headline, {m.question}? {m.text()}" for m in agency.measures if m.is_headline]
            + [
                f"Context, not a headline: {m.question}? {m.text()}"
                for m in agency.measures
                if not m.is_headline
            ],
        )
        for agency in agencies
    ]


AGENCIES_NOTE = (
    "Port Alder is a fictional city; these counts are invented for teaching. Each agency answers "
    "for its own clients; the population result belongs to all of them."
)


def agencies_markdown(
    agencies: Sequence[Agency] = PORT_ALDER_AGENCIES, result: str = PORT_ALDER_RESULT
) -> str:
    """The agencies' measures, headlines first, as one phone-friendly Markdown list."""
    lines = [f"**Shared result:** {result}", "", f"*{AGENCIES_NOTE}*", ""]
    for heading, items in agencies_lines(agencies):
        lines.append(f"- **{heading}**")
        lines += [f"  - {item}" for item in items]
    return "\n".join(lines) + "\n"


def agencies_html(
    agencies: Sequence[Agency] = PORT_ALDER_AGENCIES, result: str = PORT_ALDER_RESULT
) -> str:
    """The same list as an escaped HTML fragment."""
    items = "".join(
        f"<li><strong>{escape(heading)}</strong><ul>"
        + "".join(f"<li>{escape(item)}</li>" for item in measures)
        + "</ul></li>"
        for heading, measures in agencies_lines(agencies)
    )
    return (
        f'{STYLE}<div class="lab-handout"><p><strong>Shared result:</strong> {escape(result)}'
        f"</p><p><em>{escape(AGENCIES_NOTE)}</em></p><ul>{items}</ul></div>"
    )
