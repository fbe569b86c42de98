"""Exercises as ipywidgets for JupyterLab: the same declarations and checks as the site, with
every answer saved to the learner's progress file as they check it."""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..files import why_not_written
from ..widget_text import paragraphs
from .model import (
    Exercise,
    Feedback,
    MultipleChoice,
    NumberAnswer,
    RankItems,
    Reflection,
    SingleChoice,
    SortIntoCategories,
)
from .progress import DEFAULT_FILE, ProgressError, ProgressStore, hand_in, hand_in_folder
from .site import feedback_html

WIDE = widgets.Layout(width="100%")
LABEL_STYLE = {"description_width": "initial"}


def _inputs(exercise: Exercise, saved: Any) -> tuple[widgets.Widget, Callable[[], Any]]:
    """The input controls for one exercise kind, and a function that reads the answer."""
    if isinstance(exercise, SingleChoice):
        radio = widgets.RadioButtons(
            options=exercise.choices,
            value=saved if saved in exercise.choices else None,
            layout=WIDE,
        )
        return radio, lambda: radio.value or ""
    if isinstance(exercise, MultipleChoice):
        boxes = [
            widgets.Checkbox(description=c, value=c in (saved or ()), indent=False, layout=WIDE)
            for c in exercise.choices
        ]
        return widgets.VBox(boxes), lambda: [b.description for b in boxes if b.value]
    if isinstance(exercise, SortIntoCategories):
        saved = saved if isinstance(saved, dict) else {}
        drops = {
            item: _choice(
                item,
                [("Choose a category", "")] + [(c, c) for c in exercise.categories],
                saved.get(item, "") if saved.get(item, "") in exercise.categories else "",
            )
            for item in exercise.items
        }
        return _stacked(drops), lambda: {i: d.value for i, d in drops.items()}
    if isinstance(exercise, NumberAnswer):
        text = widgets.Text(value=str(saved or ""), placeholder="Type a number")
        return text, lambda: text.value
    if isinstance(exercise, RankItems):
        items = sorted(exercise.order)
        places = [("Place", 0)] + [(str(i), i) for i in range(1, len(items) + 1)]
        saved_places = {
            item: saved.index(item) + 1
            for item in items
            if isinstance(saved, list) and item in saved
        }
        drops = {item: _choice(item, places, saved_places.get(item, 0)) for item in items}
        return _stacked(drops), lambda: _ranking(drops)
    if isinstance(exercise, Reflection):
        area = widgets.Textarea(value=str(saved or ""), rows=4, layout=WIDE)
        return area, lambda: area.value
    raise TypeError(f"No widget for exercise kind {exercise.kind!r}")


# A menu as wide as its longest choice (at least 14em), never wider than the notebook.
CHOICE_LAYOUT = {"width": "auto", "min_width": "14em", "max_width": "100%"}


def _choice(item: str, options: list[tuple[str, Any]], value: Any) -> widgets.Dropdown:
    """A menu for one item. The item's text goes above it (see `_stacked`), not in the menu's
    description: a long description beside a menu squeezed the menu to 30 px, hiding the choice.
    The tooltip names the item for screen readers and on hover."""
    return widgets.Dropdown(
        options=options, value=value, tooltip=item, layout=widgets.Layout(**CHOICE_LAYOUT)
    )


def _stacked(drops: dict[str, widgets.Dropdown]) -> widgets.VBox:
    """Each item's text (wrapping, escaped) with its menu underneath."""
    return widgets.VBox(
        [
            widgets.VBox([widgets.HTML(f"<p>{html.escape(item)}</p>"), drop])
            for item, drop in drops.items()
        ]
    )


def _ranking(drops: dict[str, widgets.Dropdown]) -> list[str]:
    """Items ordered by the place each was given; an incomplete ranking comes back short."""
    by_place = {d.value: item for item, d in drops.items() if d.value}
    return [by_place[p] for p in sorted(by_place)] if len(by_place) == len(drops) else []


class ExerciseWidget:
    """One exercise: prompt, inputs, Check (or Save), hint, and feedback that answers at once."""

    def __init__(
        self, exercise: Exercise, chapter: str, store: ProgressStore | None = None
    ) -> None:
        self.exercise = exercise
        self.chapter = chapter
        self.store = store
        saved = store.answer(chapter, exercise.id) if store else None
        self.controls, self.read = _inputs(exercise, saved)
        self.button = widgets.Button(
            description="Save" if isinstance(exercise, Reflection) else "Check"
        )
        self.hint = widgets.Button(description="Hint")
        self.feedback = widgets.HTML()
        self.button.on_click(self.on_check)
        self.hint.on_click(self.on_hint)

    def on_check(self, _button: object = None) -> None:
        answer = self.read()
        result = self.exercise.check(answer)
        message = feedback_html(result)
        if self.store is not None and (
            result.correct is not None or isinstance(self.exercise, Reflection)
        ):
            notice = self.store.notice
            try:
                self.store.record(self.chapter, self.exercise.id, answer, result.correct)
            except (OSError, ProgressError) as error:
                reason = why_not_written(error) if isinstance(error, OSError) else str(error)
                message += paragraphs(
                    f"Could not save your answer ({reason}); copy it somewhere safe."
                )
            if self.store.notice != notice:
                message += paragraphs(self.store.notice)
        self.feedback.value = message

    def on_hint(self, _button: object = None) -> None:
        self.feedback.value = feedback_html(Feedback(None, f"Hint: {self.exercise.hint}"))

    def view(self) -> widgets.Widget:
        prompt = widgets.HTML(f"<p><strong>{html.escape(self.exercise.prompt)}</strong></p>")
        return widgets.VBox(
            [prompt, self.controls, widgets.HBox([self.button, self.hint]), self.feedback]
        )


class LearnerPanel:
    """Name and cohort, the chapter's exercises, and an Export button for the submission file.

    Beside the button the learner sees who they hand in as: the typed name (shown to the
    facilitator) and the learner id (what keeps their hand-ins apart from everyone else's), and
    then what became of the export.
    """

    def __init__(self, exercises: Sequence[Exercise], chapter: str, store: ProgressStore) -> None:
        self.store = store
        self.chapter = chapter
        learner = store.data["learner"]
        self.name = widgets.Text(
            value=learner.get("name", ""), description="Your name", style=LABEL_STYLE
        )
        self.cohort = widgets.Text(
            value=learner.get("cohort", ""), description="Cohort", style=LABEL_STYLE
        )
        self.export_button = widgets.Button(description="Export my answers")
        self.notice = widgets.HTML(paragraphs(store.notice))
        self.who = widgets.HTML()
        self.status = widgets.HTML()
        self.items = [ExerciseWidget(e, chapter, store) for e in exercises]
        self.export_button.on_click(self.on_export)
        self.name.observe(self.show_who, names="value")
        self.show_who()

    def show_who(self, _change: object = None) -> None:
        name = " ".join(self.name.value.split())
        identity = self.store.learner_id()
        self.who.value = paragraphs(
            f"Handing in as {name} (id {identity})"
            if name
            else f"Type your name to hand in (your id is {identity})"
        )

    def on_export(self, _button: object = None) -> None:
        folder = self.store.path.parent
        shared = hand_in_folder()
        try:
            with contextlib.suppress(OSError):  # the name stays in this notebook's copy;
                self.store.set_learner(self.name.value, self.cohort.value)  # export says why
            path = self.store.export(self.chapter)
        except ProgressError as error:
            self.status.value = paragraphs(str(error))
            return
        except OSError as error:
            self.status.value = self._hand_in_only(shared, why_not_written(error))
            return
        finally:
            self.show_who()
        if shared is None:
            self.status.value = paragraphs(
                f"Saved {path.name} in {folder}. Hand this file to your facilitator."
            )
            return
        try:
            if not shared.is_dir():
                raise FileNotFoundError(2, "no such folder")
            hand_in(path, shared)
        except OSError as error:
            self.status.value = paragraphs(
                f"Saved {path.name} in {folder}, but the cohort's shared folder {shared} "
                f"could not be reached ({why_not_written(error)}). Hand the file to your "
                "facilitator instead."
            )
            return
        self.status.value = paragraphs(
            f"Saved {path.name} here and handed it in to the shared folder {shared}, "
            "where your facilitator collects them."
        )

    def _hand_in_only(self, shared: Path | None, reason: str) -> str:
        """The notebook's folder cannot be written: on a hub, hand in straight to the shared
        folder; either way, say what happened and that the checked answers are still saved."""
        folder = self.store.path.parent
        kept = f"The answers you checked are still saved in {DEFAULT_FILE}."
        if shared is not None and shared.is_dir():
            try:
                path = self.store.export(self.chapter, shared)
            except (OSError, ProgressError):
                pass
            else:
                return paragraphs(
                    f"Handed in {path.name} to the shared folder {shared}, where your "
                    f"facilitator collects them. No copy was kept in {folder} ({reason})."
                )
        return paragraphs(
            f"Not exported: could not write the hand-in file in {folder} ({reason}).",
            f"{kept} Free some space, or ask your facilitator for a folder you can write to, "
            "then export again.",
        )

    def view(self) -> widgets.Widget:
        header = widgets.HBox([self.name, self.cohort])
        return widgets.VBox(
            [
                header,
                self.notice,
                *[i.view() for i in self.items],
                widgets.HBox([self.export_button, self.who]),
                self.status,
            ]
        )
