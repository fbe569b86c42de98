"""The brief as one self-contained HTML page: no scripts, no external files, so it opens offline
and prints on one sheet of A4 or US Letter."""

from __future__ import annotations

from html import escape

from ..data import SYNTHETIC_NOTE
from ..rba.scorecard_pages import reader_card
from .brief import Brief

MAX_LOOPS, MAX_MOVES = 4, 4

STYLE = """
@page { size: auto; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
       font-size: 9.5pt; line-height: 1.35; margin: 0 auto; max-width: 186mm; padding: 6mm 0; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 10.5pt; margin: 3mm 0 1mm; color: #1f5f8b; border-bottom: 1px solid #c8d6e0; }
p, ul { margin: 0 0 1.5mm; }
ul { padding-left: 5mm; }
li { margin-bottom: 0.6mm; }
.meta { color: #444444; margin-bottom: 2mm; }
.synthetic { border: 1px solid #b34700; color: #7a3000; padding: 1mm 2mm; display: inline-block; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #dddddd; padding: 0.6mm 1.5mm; text-align: left;
         vertical-align: top; }
th { background: #f2f5f7; }
td.number { text-align: right; white-space: nowrap; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; }
.notes { color: #444444; font-size: 8pt; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
"""


def _list(items: tuple[str, ...] | list[str], empty: str) -> str:
    if not items:
        return f"<p>{escape(empty)}</p>"
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _indicators(brief: Brief) -> str:
    """The headline indicators as the scorecard's reader card writes them (same numbers, same
    reading), then the rest of the three-part list by name."""
    rows = []
    if not brief.indicators.empty:
        card = reader_card(brief.indicators)
        for r in card.to_dict("records"):
            rows.append(
                f"<tr><td>{escape(r['Indicator'])}</td>"
                f"<td class=number>{escape(r['Latest'])} ({escape(r['Year'])})</td>"
                f"<td class=number>{escape(r['Baseline forecast'])}</td>"
                f"<td>{escape(str(r['Trend (5 years)']))}</td>"
                f"<td>{escape(r['Against the baseline'])}</td></tr>"
            )
    head = (
        "<tr><th>Headline indicator</th><th>Latest</th><th>Baseline forecast</th><th>Trend</th>"
        "<th>Against the baseline</th></tr>"
    )
    table = f"<table>{head}{''.join(rows)}</table>" if rows else ""
    chosen = (
        "chosen by us"
        if brief.headlines_chosen_by == "learner"
        else ("high on communication, proxy and data power")
    )
    lists = [f'<p class="notes">Headline indicators: {escape(chosen)}.</p>'] if rows else []
    if brief.secondary:
        lists.append(
            "<p><strong>Secondary indicators</strong> (for the story behind the curve): "
            f"{escape(', '.join(brief.secondary))}.</p>"
        )
    if brief.data_development:
        lists.append(
            "<p><strong>Data development agenda</strong> (data worth building): "
            f"{escape(', '.join(brief.data_development))}.</p>"
        )
    return table + "".join(lists)


def _adaptive(brief: Brief) -> str:
    parts = []
    if brief.diagnosis:
        name = escape(brief.challenge or "Our challenge")
        parts.append(f"<p><strong>{name}</strong>: {escape(brief.diagnosis.summary)}</p>")
    moves = [f"{m.stakeholder}: {m.move}" for m in brief.moves[:MAX_MOVES]]
    parts.append(_list(moves, "Stakeholders not yet mapped."))
    return "".join(parts)


def _network(brief: Brief) -> str:
    net = brief.network
    if net.note:
        return f"<p>{escape(net.note)}</p>"
    ei = "–" if net.ei_city is None else f"{net.ei_city:+.2f}"
    summary = (
        f"{net.members} members; {net.ties_across_cities} ties to other cities; "
        f"the cohort's E-I index across cities {ei}."
    )
    return f"<p>{escape(summary)}</p>" + _list(net.introductions, "No introductions to suggest.")


def brief_html(brief: Brief) -> str:
    """The whole page."""
    co_lead = "with an external co-chair" if brief.co_chair else "no external co-chair"
    meta = f"{brief.partnership} · {brief.focus} · led by the {brief.lead_sector} sector, {co_lead}"
    synthetic = f'<p class="synthetic">{escape(SYNTHETIC_NOTE)}</p>' if brief.synthetic else ""
    notes = _list(brief.notes, "") if brief.notes else ""
    body = (
        f"<header><h1>Partnership brief: {escape(brief.city)}</h1>"
        f'<p class="meta">{escape(meta)}</p>{synthetic}</header>'
        f"<h2>Results: headline indicators against their baselines</h2>{_indicators(brief)}"
        '<div class="columns"><section><h2>The system behind the result</h2>'
        f"{_list(list(brief.loops[:MAX_LOOPS]), 'No feedback loops mapped yet.')}</section>"
        f"<section><h2>Adaptive work and who stands to lose</h2>{_adaptive(brief)}</section></div>"
        f"<h2>The network: introductions to make next</h2>{_network(brief)}"
        f'<footer class="notes">{notes}<p>Made with the Cross-Sector Leadership Lab.</p></footer>'
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Partnership brief: {escape(brief.city)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
