from leadership_lab.exercises.progress import ProgressStore
from leadership_lab.exercises.widgets import ExerciseWidget, LearnerPanel
from leadership_lab.public_sector_gap import exercises as chapter


def test_checking_in_jupyterlab_gives_the_same_feedback_and_saves_it(tmp_path):
    store = ProgressStore.open(tmp_path)
    item = ExerciseWidget(chapter.GAP_CAUSE, chapter.CHAPTER, store)
    wrong = "The employers left the compact."
    item.controls.value = wrong
    item.on_check()
    assert chapter.GAP_CAUSE.feedback[wrong].replace("'", "&#x27;") in item.feedback.value
    assert ProgressStore.open(tmp_path).answer(chapter.CHAPTER, "gap_cause") == wrong


def test_a_reopened_notebook_shows_the_saved_answers(tmp_path):
    store = ProgressStore.open(tmp_path)
    store.record(chapter.CHAPTER, "bellmont_score", "4.2", True)
    store.record(chapter.CHAPTER, "public_levers", dict(chapter.PUBLIC_LEVERS.items), True)
    panel = LearnerPanel(chapter.EXERCISES, chapter.CHAPTER, ProgressStore.open(tmp_path))
    by_id = {i.exercise.id: i for i in panel.items}
    assert by_id["bellmont_score"].read() == "4.2"
    assert by_id["public_levers"].read() == dict(chapter.PUBLIC_LEVERS.items)


def test_an_empty_answer_is_not_saved_but_answered_with_what_is_missing(tmp_path):
    item = ExerciseWidget(chapter.BELLMONT_ORDER, chapter.CHAPTER, ProgressStore.open(tmp_path))
    item.on_check()
    assert "Give every item a different place first." in item.feedback.value
    assert not (tmp_path / "leadership-lab-progress.json").exists()


def test_html_typed_into_a_reflection_is_saved_as_text_and_shown_escaped(tmp_path):
    store = ProgressStore.open(tmp_path)
    item = ExerciseWidget(chapter.YOUR_GAP, chapter.CHAPTER, store)
    item.controls.value = (
        "<script>alert(1)</script> our weakest condition is shared measurement today"
    )
    item.on_check()
    assert "<script>" not in item.feedback.value
    assert ProgressStore.open(tmp_path).answer(chapter.CHAPTER, "your_gap").startswith("<script>")


def test_export_from_the_panel_writes_the_submission_and_says_where(tmp_path):
    panel = LearnerPanel(chapter.EXERCISES, chapter.CHAPTER, ProgressStore.open(tmp_path))
    panel.on_export()
    assert "Type your name" in panel.status.value
    panel.name.value = "Avery <b>Okafor</b>"
    panel.cohort.value = "Spring"
    panel.on_export()
    assert "Hand this file to your facilitator" in panel.status.value
    assert len(list(tmp_path.glob("submission-*.json"))) == 1


def test_the_hint_button_shows_the_hint():
    item = ExerciseWidget(chapter.FIVE_CONDITIONS, chapter.CHAPTER)
    item.on_hint()
    assert "two of the options are tempting" in item.feedback.value


def test_on_a_hub_export_also_hands_in_to_the_shared_folder(tmp_path, monkeypatch):
    shared = tmp_path / "shared" / "submissions"
    shared.mkdir(parents=True)
    monkeypatch.setenv("LEADERSHIP_LAB_SUBMISSIONS", str(shared))
    panel = LearnerPanel(chapter.EXERCISES, chapter.CHAPTER, ProgressStore.open(tmp_path))
    panel.name.value = "Avery Okafor"
    panel.on_export()
    assert "handed it in to the shared folder" in panel.status.value
    assert [p.name for p in shared.glob("*.json")] == [
        p.name for p in tmp_path.glob("submission-*.json")
    ]
    from leadership_lab.catalogue import chapter_exercises
    from leadership_lab.exercises.collect import collect

    summary = collect(shared, chapter_exercises())
    assert [s.name for s in summary.submissions] == ["Avery Okafor"] and not summary.skipped


def test_an_unreachable_shared_folder_keeps_the_local_file_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("LEADERSHIP_LAB_SUBMISSIONS", str(tmp_path / "missing" / "folder"))
    panel = LearnerPanel(chapter.EXERCISES, chapter.CHAPTER, ProgressStore.open(tmp_path))
    panel.name.value = "Avery Okafor"
    panel.on_export()
    assert "could not be reached" in panel.status.value
    assert len(list(tmp_path.glob("submission-*.json"))) == 1
