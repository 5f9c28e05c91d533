"""The answer controls of the question view, one per kind of answer, kept from question to
question.

A control is made the first time a question of its kind is shown, then kept: showing another
question of the same kind only changes its labels and value, which is far cheaper than
mounting new widgets. Values put in a control this way are never reported as edits: the
changes are made under ``prevent(...)`` of the control's change message.
"""

from __future__ import annotations

from typing import Literal

from textual.content import Content
from textual.widgets import Input, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from synergy_wizard.answers.model import AnswerValue
from synergy_wizard.checklist.models import Question
from synergy_wizard.tui.widgets.choice_list import ChoiceList
from synergy_wizard.tui.widgets.follow_up import load_input

ControlKind = Literal["choice", "multiple", "text", "long"]
"""The controls: one choice (statut and choix), several choices, a line, a long text."""

AnswerControl = ChoiceList | SelectionList[str] | Input | TextArea

CONTROL_IDS: dict[ControlKind, str] = {
    "choice": "answer-choice",
    "multiple": "answer-multiple",
    "text": "answer-text",
    "long": "answer-long",
}
"""The id of each control; every one also has the class ``answer``."""


def control_kind(question: Question) -> ControlKind:
    """The control that answers ``question``."""
    if question.kind in ("statut", "choix"):
        return "choice"
    if question.kind == "choix_multiple":
        return "multiple"
    return "text" if question.kind == "texte" else "long"


def _choice_labels(question: Question) -> list[str]:
    return [choice.label for choice in question.effective_choices]


def _chosen_index(question: Question, value: AnswerValue) -> int:
    ids = [choice.id for choice in question.effective_choices]
    return ids.index(value) if isinstance(value, str) and value in ids else -1


def _selections(question: Question, value: AnswerValue) -> list[Selection[str]]:
    chosen = set(value) if isinstance(value, list) else set()
    return [
        Selection(Content(choice.label), choice.id, choice.id in chosen)
        for choice in question.choices
    ]


def _text(value: AnswerValue) -> str:
    return value if isinstance(value, str) else ""


def make_control(kind: ControlKind, question: Question, value: AnswerValue) -> AnswerControl:
    """A new control of ``kind``, showing ``question`` and its saved ``value``."""
    identifier = CONTROL_IDS[kind]
    if kind == "choice":
        chosen = _chosen_index(question, value)
        return ChoiceList(_choice_labels(question), chosen, id=identifier, classes="answer")
    if kind == "multiple":
        return SelectionList[str](*_selections(question, value), id=identifier, classes="answer")
    if kind == "text":
        return Input(_text(value), id=identifier, classes="answer", placeholder="Votre réponse")
    return TextArea(_text(value), id=identifier, classes="answer long-answer")


def show_in_control(control: AnswerControl, question: Question, value: AnswerValue) -> None:
    """Show ``question`` and its saved ``value`` in an existing ``control`` of its kind,
    without reporting any change."""
    if isinstance(control, ChoiceList):
        control.show_choices(_choice_labels(question), _chosen_index(question, value))
    elif isinstance(control, SelectionList):
        with control.prevent(SelectionList.SelectedChanged, SelectionList.SelectionToggled):
            control.clear_options()
            control.add_options(_selections(question, value))
        if control.option_count:
            control.highlighted = 0
    elif isinstance(control, Input):
        with control.prevent(Input.Changed):
            load_input(control, _text(value))
    elif isinstance(control, TextArea):
        load_text_area(control, _text(value))


def load_text_area(area: TextArea, text: str) -> None:
    """Put ``text`` in ``area`` with a fresh undo history (an undo must not bring back the
    text of another question), not reported as an edit."""
    if area.text != text:
        with area.prevent(TextArea.Changed):
            area.load_text(text)
        # Textual redraws only the lines it knows changed (the cursor's): when the area keeps
        # its size, the other lines would show the former text until the next layout.
        area.refresh()
    else:
        area.history.clear()
    area.scroll_home(animate=False)
