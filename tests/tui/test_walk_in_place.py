"""The question view kept from question to question: right control and values, no false edits,
typing saved to the question it was typed in, answers on disk right after the image."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.message import Message
from textual.widgets import Input, SelectionList, TextArea
from textual.worker import Worker
from tui_helpers import make_dossier, run, saved_answers

from synergy_wizard.answers.lock import acquire_dossier_lock
from synergy_wizard.answers.model import AnswerValue
from synergy_wizard.answers.storage import load_dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.choice_list import ChoiceList
from synergy_wizard.tui.widgets.follow_up import FollowUpRow
from synergy_wizard.tui.widgets.question_view import QuestionView

ANSWERS: dict[str, AnswerValue] = {
    "probleme-resolu": "partiellement",
    "porteur": "cpas",
    "services-vises": ["informatique", "grh"],
    "nom-projet-court": "Cœur de ville",
    "description": "Deux lignes\nde description",
}
NOTES = {"porteur": "Voir le receveur", "description": "Note longue"}


def shown(app: SynergyWizardApp) -> tuple[str, object]:
    """The visible answer control's id and the value it shows."""
    view = app.screen.query_one(QuestionView)
    visible = [c for c in view.query(".answer") if c.display]
    assert len(visible) == 1, visible
    control = visible[0]
    assert control is view.answer_control
    if isinstance(control, ChoiceList):
        return control.id or "", control.chosen
    if isinstance(control, SelectionList):
        return control.id or "", sorted(control.selected)
    if isinstance(control, Input):
        return control.id or "", control.value
    assert isinstance(control, TextArea)
    return control.id or "", control.text


def test_moving_shows_each_saved_answer_in_its_control_and_reports_no_edit(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, answers=ANSWERS, notes=NOTES)
    before = path.read_bytes()
    edits: list[Message] = []

    def hook(message: Message) -> None:
        if isinstance(message, QuestionView.AnswerEdited):
            edits.append(message)

    async def scenario() -> list[tuple[str, object, str]]:
        seen = []
        app = app_factory(path)
        async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
            view = app.screen.query_one(QuestionView)
            for step in range(8):
                await pilot.press("pagedown" if step < 4 else "pageup")
                await pilot.pause()
                assert app.screen.query_one(QuestionView) is view  # kept, not rebuilt
                control_id, value = shown(app)
                note = app.screen.query_one("#note", TextArea).text
                seen.append((control_id, value, note))
                assert app.focused is view.answer_control
            await pilot.pause(1.5)  # past the debounce and the position save
        return seen

    seen = run(scenario)
    assert seen[:4] == [
        ("answer-choice", 1, "Voir le receveur"),  # porteur: « Le CPAS »
        ("answer-multiple", ["grh", "informatique"], ""),
        ("answer-text", "Cœur de ville", ""),
        ("answer-long", "Deux lignes\nde description", "Note longue"),
    ]
    assert seen[4:] == [*reversed(seen[:3]), ("answer-choice", 2, "")]  # « Partiellement »
    assert edits == []  # values shown are never reported as changes
    assert saved_answers(path) == {
        key: (value, NOTES.get(key, "")) for key, value in ANSWERS.items()
    }
    assert load_dossier(path).position == "probleme-resolu"
    assert path.read_bytes() != before  # only the position was written


def test_a_choice_question_after_a_statut_has_its_own_choices_and_cursor(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, answers={"porteur": "conjoint"})

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            choices = app.screen.query_one("#answer-choice", ChoiceList)
            await pilot.press("pagedown")
            await pilot.pause()
            assert choices.labels == ["La commune", "Le CPAS", "Les deux, ensemble"]
            assert choices.chosen == 2
            assert choices.cursor == 2  # the keyboard cursor is on the saved answer
            await pilot.press("down", "enter")  # wraps to the first choice
            await pilot.pause()
            assert saved_answers(path)["porteur"] == ("commune", "")
            await pilot.press("pageup")
            await pilot.pause()
            assert len(choices.labels) == 5
            assert choices.chosen == -1
            assert choices.cursor == 0

    run(scenario)


def test_typing_is_saved_to_the_question_it_was_typed_in(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="nom-projet-court")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*"Halle")
            await pilot.press("pagedown")  # before the debounce: saved on leaving
            await pilot.pause()
            assert saved_answers(path) == {"nom-projet-court": ("Halle", "")}
            await pilot.press("tab", *"note d")  # into the note of « description »
            await pilot.press("pageup")
            await pilot.pause()
            answers = saved_answers(path)
            assert answers["description"] == (None, "note d")
            assert answers["nom-projet-court"] == ("Halle", "")
            assert app.screen.query_one("#note", TextArea).text == ""
            follow_up = app.screen.query_one(FollowUpRow)
            await pilot.click("#owner")
            await pilot.press(*"Anne")
            await pilot.press("pagedown")
            await pilot.pause()
            assert load_dossier(path).answer("nom-projet-court").owner == "Anne"
            assert load_dossier(path).answer("description").owner == ""
            assert follow_up.query_one("#owner", Input).value == ""

    run(scenario)


def test_an_answer_is_on_disk_right_after_the_image_and_typing_on_quit(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            walk = app.screen
            assert isinstance(walk, WalkScreen)
            await pilot.press("2")
            assert walk.session.dossier.answer("probleme-resolu").value == "non"  # at once
            await pilot.pause()  # one image later, the file holds it
            assert saved_answers(path) == {"probleme-resolu": ("non", "")}
            await pilot.press("tab", *"pas fini")
            await pilot.press("ctrl+q")  # before the debounce
        assert saved_answers(path) == {"probleme-resolu": ("non", "pas fini")}

    run(scenario)


def _save_preparations(app_factory: Callable[..., SynergyWizardApp], path: Path) -> list[str]:
    """The states reached by the walk screen's save preparation while the dossier is open."""
    states: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Worker.StateChanged) and message.worker.group == "save-preparation":
            states.append(message.state.name)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
            await pilot.pause(0.3)
            await app.workers.wait_for_complete()

    run(scenario)
    return states


def test_the_first_save_is_prepared_on_another_thread_once_the_dossier_is_shown(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, answers=ANSWERS)
    before = path.read_bytes()
    assert _save_preparations(app_factory, path)[-1] == "SUCCESS"
    assert path.read_bytes() == before  # prepared in memory, nothing written
    other = acquire_dossier_lock(path)
    try:  # read-only: never saved, so nothing to prepare
        assert _save_preparations(app_factory, path) == []
    finally:
        other.release()


def test_a_read_only_dossier_keeps_every_control_disabled_from_question_to_question(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, answers=ANSWERS)
    before = path.read_bytes()
    other = acquire_dossier_lock(path)  # another program has it open

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            walk = app.screen
            assert isinstance(walk, WalkScreen)
            assert walk.session.read_only
            for _ in range(4):
                await pilot.press("pagedown")
                await pilot.pause()
                control = walk.query_one(QuestionView).answer_control
                # A long text stays scrollable to be read; every other control is disabled.
                assert control.read_only if isinstance(control, TextArea) else control.disabled
                assert walk.query_one("#note", TextArea).read_only
                assert walk.query_one(FollowUpRow).disabled
            await pilot.press("pageup", "pageup", "pageup", "2")
            await pilot.pause(1.5)

    try:
        run(scenario)
    finally:
        other.release()
    assert path.read_bytes() == before


def test_a_question_asked_for_while_another_is_being_shown_wins(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    """Showing a question can wait (a control mounted for a kind not shown yet): a second
    request meanwhile (a click, a key) must leave the screen on the second question, with
    its section, focus and saved position, not a mix of both."""
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            walk = app.screen
            assert isinstance(walk, WalkScreen)
            # « description » needs a long-text control, not made yet; « porteur » does not.
            await asyncio.gather(walk.go_to_key("description"), walk.go_to_key("porteur"))
            await pilot.pause()
            view = walk.query_one(QuestionView)
            assert walk.current_key == "porteur"
            assert view.context.key == "porteur"
            assert shown(app)[0] == "answer-choice"
            assert app.focused is view.answer_control
            assert walk.session.dossier.position == "porteur"

    run(scenario)
