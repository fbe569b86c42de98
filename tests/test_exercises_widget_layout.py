"""The exercise widgets as a learner reads them in JupyterLab: every sort and rank menu shows its
choice (its item's text sits above it, not beside it, where a long description squeezed the menu
to 30 px), and Export's message appears right under its button."""

from html import escape

import ipywidgets as widgets

from leadership_lab.exercises.progress import ProgressStore
from leadership_lab.exercises.widgets import ExerciseWidget, LearnerPanel
from leadership_lab.public_sector_gap import exercises as chapter


def menus_with_their_text(controls: widgets.VBox) -> list[tuple[str, widgets.Dropdown]]:
    pairs = []
    for row in controls.children:
        text, menu = row.children
        assert isinstance(text, widgets.HTML) and isinstance(menu, widgets.Dropdown)
        pairs.append((text.value, menu))
    return pairs


def test_sort_menus_stand_under_their_item_at_a_readable_width(tmp_path):
    item = ExerciseWidget(chapter.PUBLIC_LEVERS, chapter.CHAPTER, ProgressStore.open(tmp_path))
    pairs = menus_with_their_text(item.controls)
    items = chapter.PUBLIC_LEVERS.items
    assert [text for text, _ in pairs] == [f"<p>{escape(i)}</p>" for i in items]
    for text, menu in pairs:
        assert menu.description == ""  # nothing beside the menu to squeeze it
        assert escape(menu.tooltip) in text  # named for screen readers and on hover
        assert (menu.layout.width, menu.layout.min_width) == ("auto", "14em")
        assert menu.layout.max_width == "100%"
    answers = dict(chapter.PUBLIC_LEVERS.items)
    for _, menu in pairs:
        menu.value = answers[menu.tooltip]
    assert item.read() == answers


def test_rank_menus_stand_under_their_item_and_read_back_the_order(tmp_path):
    item = ExerciseWidget(chapter.BELLMONT_ORDER, chapter.CHAPTER, ProgressStore.open(tmp_path))
    pairs = menus_with_their_text(item.controls)
    order = list(chapter.BELLMONT_ORDER.order)
    for _, menu in pairs:
        assert menu.layout.min_width == "14em" and menu.description == ""
        menu.value = order.index(menu.tooltip) + 1
    assert item.read() == order


def test_exports_message_sits_right_under_the_export_button(tmp_path):
    panel = LearnerPanel(chapter.EXERCISES, chapter.CHAPTER, ProgressStore.open(tmp_path))
    parts = list(panel.view().children)
    row = next(i for i, p in enumerate(parts) if panel.export_button in getattr(p, "children", ()))
    assert parts[row + 1] is panel.status and parts[-1] is panel.status
    panel.name.value = "Ada"
    panel.on_export()
    assert "Hand this file to your facilitator" in panel.status.value
