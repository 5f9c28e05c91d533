"""The one-choice control (statut and choix questions): keys, mouse, cursor on the saved
answer, read-only, and choices shown by the program never reported as the user's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import TextArea
from tui_helpers import make_dossier, run, saved_answers

from synergy_wizard.answers.lock import acquire_dossier_lock
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.widgets.choice_list import CHOSEN_MARK, OTHER_MARK, ChoiceList
from synergy_wizard.tui.widgets.question_view import QuestionView

LABELS = ["Oui", "Non", "Partiellement"]


class ChoiceApp(App[None]):
    """One choice list and a note to move the focus to."""

    def __init__(self, chosen: int = -1, *, disabled: bool = False) -> None:
        super().__init__()
        self.chosen_messages: list[tuple[int, int]] = []
        self._chosen = chosen
        self._disabled = disabled

    def compose(self) -> ComposeResult:
        yield ChoiceList(LABELS, self._chosen, id="choices", disabled=self._disabled)
        yield TextArea(id="elsewhere")

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        self.chosen_messages.append((event.index, event.generation))


def lines(choices: ChoiceList) -> list[str]:
    """The lines the list draws (inside its border), as text."""
    return [choices.render_line(y).text.rstrip() for y in range(len(choices.labels))]


def marks(choices: ChoiceList) -> list[str]:
    """The mark in front of each choice, as drawn."""
    return [line[0] for line in lines(choices)]


def test_keys_move_the_cursor_and_enter_or_space_choose() -> None:
    async def scenario() -> None:
        app = ChoiceApp(chosen=1)
        async with app.run_test(size=(60, 12)) as pilot:
            choices = app.query_one(ChoiceList)
            assert app.focused is choices
            assert choices.cursor == 1  # the cursor starts on the saved answer
            assert lines(choices) == ["○ 1  Oui", "● 2  Non", "○ 3  Partiellement"]
            assert marks(choices) == [OTHER_MARK, CHOSEN_MARK, OTHER_MARK]
            await pilot.press("down")
            await pilot.pause()
            assert choices.cursor == 2
            assert choices.chosen == 1  # moving is not choosing
            assert app.chosen_messages == []
            await pilot.press("enter")
            await pilot.pause()
            assert choices.chosen == 2
            assert marks(choices) == [OTHER_MARK, OTHER_MARK, CHOSEN_MARK]
            await pilot.press("down")  # wraps to the first choice
            await pilot.pause()
            assert choices.cursor == 0
            await pilot.press("end", "home", "space")
            await pilot.pause()
            assert choices.chosen == 0
            await pilot.press("space")  # the answer already: nothing to report
            await pilot.pause()
            generation = choices.generation
            assert app.chosen_messages == [(2, generation), (0, generation)]

    run(scenario)


def test_a_click_chooses_the_line_clicked() -> None:
    async def scenario() -> None:
        app = ChoiceApp()
        async with app.run_test(size=(60, 12)) as pilot:
            choices = app.query_one(ChoiceList)
            assert choices.chosen == -1 and choices.cursor == 0
            # Line 0 is the border: the third choice is on line 3.
            assert await pilot.click(ChoiceList, offset=(4, 3))
            await pilot.pause()
            assert choices.chosen == 2
            assert choices.cursor == 2
            assert app.chosen_messages == [(2, choices.generation)]

    run(scenario)


def test_choices_shown_by_the_program_are_not_reported() -> None:
    async def scenario() -> None:
        app = ChoiceApp(chosen=0)
        async with app.run_test(size=(60, 12)) as pilot:
            choices = app.query_one(ChoiceList)
            before = choices.generation
            choices.show_choices(["La commune", "Le CPAS"], 1)
            await pilot.pause()
            assert choices.labels == ["La commune", "Le CPAS"]
            assert (choices.chosen, choices.cursor) == (1, 1)
            assert choices.generation == before + 1
            assert choices.choose(0)
            assert not choices.choose(5)  # no such choice
            choices.show_choices(["La commune", "Le CPAS"], -1)  # same labels, no answer
            await pilot.pause()
            assert (choices.chosen, choices.cursor) == (-1, 0)
            assert marks(choices) == [OTHER_MARK, OTHER_MARK]
            assert app.chosen_messages == []

    run(scenario)


def test_a_disabled_list_ignores_keys_and_clicks() -> None:
    async def scenario() -> None:
        app = ChoiceApp(chosen=1, disabled=True)
        async with app.run_test(size=(60, 12)) as pilot:
            choices = app.query_one(ChoiceList)
            assert app.focused is not choices
            await pilot.click(ChoiceList, offset=(4, 1))
            await pilot.press("enter", "space")
            await pilot.pause()
            assert choices.chosen == 1
            assert app.chosen_messages == []

    run(scenario)


def test_in_the_walk_a_click_or_enter_saves_the_answer_once(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)
    edits: list[QuestionView.AnswerEdited] = []

    def hook(message: Message) -> None:
        # The hook sees a message at every node it bubbles through: count it once.
        if isinstance(message, QuestionView.AnswerEdited) and all(m is not message for m in edits):
            edits.append(message)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
            choices = app.screen.query_one("#answer-choice", ChoiceList)
            assert app.focused is choices
            await pilot.press("down", "enter")  # « Non »
            await pilot.pause()
            assert saved_answers(path) == {"probleme-resolu": ("non", "")}
            assert await pilot.click("#answer-choice", offset=(4, 3))  # « Partiellement »
            await pilot.pause()
            assert choices.chosen == 2
            assert saved_answers(path) == {"probleme-resolu": ("partiellement", "")}
            await pilot.press("4")  # the screen's number keys choose too
            await pilot.pause()
            assert (choices.chosen, choices.cursor) == (3, 3)
            assert saved_answers(path)["probleme-resolu"][0] == choices_ids(mini_checklist)[3]
        assert [edit.value for edit in edits] == ["non", "partiellement"]  # 4: no message

    run(scenario)


def choices_ids(checklist: Checklist) -> list[str]:
    question = checklist.questions[0]
    return [choice.id for choice in question.effective_choices]


def test_in_a_read_only_walk_the_choices_cannot_change(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(
        dossiers_dir, mini_checklist, answers={"probleme-resolu": "oui"}, position="probleme-resolu"
    )
    before = path.read_bytes()

    async def scenario() -> None:
        with acquire_dossier_lock(path):
            app = app_factory(path)
            async with app.run_test(size=(80, 24)) as pilot:
                choices = app.screen.query_one("#answer-choice", ChoiceList)
                assert choices.disabled
                assert choices.chosen == 0
                await pilot.click("#answer-choice", offset=(4, 2))
                await pilot.press("2")
                await pilot.pause()
                assert choices.chosen == 0

    run(scenario)
    assert path.read_bytes() == before


def test_a_long_label_wraps_and_a_click_on_any_of_its_lines_chooses_it() -> None:
    long_label = "Oui, mais seulement pour une partie des services, à confirmer par le collège"

    class NarrowApp(ChoiceApp):
        def compose(self) -> ComposeResult:
            yield ChoiceList(["Non", long_label], id="choices")

    async def scenario() -> None:
        app = NarrowApp()
        async with app.run_test(size=(40, 12)) as pilot:
            choices = app.query_one(ChoiceList)
            assert choices.size.height == 1 + 3  # « Non », then the label on three lines
            assert await pilot.click(ChoiceList, offset=(6, 4))  # the label's second line
            await pilot.pause()
            assert choices.chosen == 1
            assert choices.render_line(1).text.startswith("● 2  Oui, mais")

    run(scenario)
