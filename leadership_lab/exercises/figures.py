"""Charts of a cohort's answers: what people chose, and which answer was right.

Every label is made safe for plotly (chart_safe) and shortened with a visible "…", and the count
axis steps in whole learners: nobody hands in half an answer.
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..chart_style import FONT
from .collect import QuestionSummary, answer_label
from .shown_text import chart_safe, wrapped_lines

RIGHT = "#1f5f8b"
OTHER = "#b0b7bf"
MAX_BARS = 8


def _wrapped(text: str, width: int = 48, lines: int = 3) -> str:
    """Safe label text on at most `lines` lines; plotly's <br> is added only after escaping."""
    return "<br>".join(chart_safe(line) for line in wrapped_lines(text, width, lines))


def answer_distribution(question: QuestionSummary) -> go.Figure:
    """One bar per distinct answer, the right one in blue, most common first."""
    exercise = question.exercise
    right = answer_label(exercise, exercise.correct())
    rows = question.distribution.most_common(MAX_BARS)[::-1]
    labels = [_wrapped(label) for label, _ in rows]
    most = max((count for _, count in rows), default=1)
    fig = go.Figure(
        go.Bar(
            x=[count for _, count in rows],
            y=labels,
            orientation="h",
            marker={"color": [RIGHT if label == right else OTHER for label, _ in rows]},
            hovertemplate="%{x} learners<extra></extra>",
        )
    )
    invalid = f"; {question.invalid} not counted" if question.invalid else ""
    fig.update_layout(
        title={"text": _wrapped(exercise.prompt, 80), "x": 0.01, "font": {"size": 15}},
        height=180 + 46 * len(rows),
        margin={"l": 330, "r": 20, "t": 90, "b": 50},
        xaxis={
            "title": {
                "text": (
                    f"learners ({question.correct} of {question.answered} right{invalid}; "
                    "blue is the right answer)"
                )
            },
            "tickformat": "d",
            "dtick": max(1, -(-most // 10)),
            "rangemode": "tozero",
        },
        font={**FONT, "size": 13},
        showlegend=False,
    )
    return fig
