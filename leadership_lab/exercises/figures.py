"""Charts of a cohort's answers: what people chose, and which answer was right."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from ..chart_style import FONT
from .collect import QuestionSummary

RIGHT = "#1f5f8b"
OTHER = "#b0b7bf"


def _wrapped(text: str, width: int = 48) -> str:
    return "<br>".join(textwrap.wrap(text, width)[:3])


def answer_distribution(question: QuestionSummary) -> go.Figure:
    """One bar per distinct answer, the right one in blue, most common first."""
    exercise = question.exercise
    right = exercise.label(exercise.correct())
    rows = question.distribution.most_common(8)[::-1]
    labels = [_wrapped(label) for label, _ in rows]
    fig = go.Figure(
        go.Bar(
            x=[count for _, count in rows],
            y=labels,
            orientation="h",
            marker={"color": [RIGHT if label == right else OTHER for label, _ in rows]},
            hovertemplate="%{x} learners<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": _wrapped(exercise.prompt, 80), "x": 0.01, "font": {"size": 15}},
        height=180 + 46 * len(rows),
        margin={"l": 330, "r": 20, "t": 90, "b": 50},
        xaxis={
            "title": {
                "text": (
                    f"learners ({question.correct} of {question.answered} right; "
                    "blue is the right answer)"
                )
            }
        },
        font={**FONT, "size": 13},
        showlegend=False,
    )
    return fig
