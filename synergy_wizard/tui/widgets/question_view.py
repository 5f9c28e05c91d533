"""One question on screen: its text, the answer control suited to its kind, a note, guidance.

Only the current question's widgets exist; the walk screen replaces this view when the user
moves. The view never touches the dossier: it posts :class:`QuestionView.AnswerEdited`
messages, at once for a choice, and for typed text when the field is left, Enter is pressed
or the typing pauses (debounce).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, RadioButton, RadioSet, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from synergy_wizard.answers.model import Answer, AnswerValue
from synergy_wizard.checklist.models import Question, Section
from synergy_wizard.tui.widgets.guidance import GuidancePanel

Field = Literal["value", "note"]

DEBOUNCE_SECONDS = 0.6
"""How long typing must pause before the text is saved."""

_HINTS = {
    "statut": "Choisissez avec les flèches puis Entrée, ou tapez 1 à 5.",
    "choix": "Choisissez avec les flèches puis Entrée, ou tapez le numéro du choix.",
    "choix_multiple": "Cochez ou décochez avec Espace ; plusieurs choix sont possibles.",
    "texte": "Tapez votre réponse ; elle est enregistrée automatiquement.",
    "texte_long": "Tapez votre réponse ; elle est enregistrée automatiquement.",
}


@dataclass(frozen=True)
class QuestionContext:
    """Everything the view shows about one question (data handed down by the screen)."""

    question: Question
    section: Section
    section_number: int
    section_count: int
    number: int
    """Position of the question in its section, from 1."""
    count: int
    """Number of questions in the section."""
    answer: Answer
    guidance: str
    """The guidance, as Markdown."""

    @property
    def position(self) -> str:
        return (
            f"Section {self.section_number}/{self.section_count} · "
            f"Question {self.number}/{self.count}"
        )


def _choice_label(number: int, label: str) -> Content:
    return Content.assemble((str(number), "bold"), f"  {label}")


class ChoiceSet(RadioSet):
    """A RadioSet whose keyboard cursor starts on the saved answer, not on the first choice."""

    def on_mount(self) -> None:
        # RadioSet puts its cursor on the first choice once mounted; move it afterwards.
        self.call_after_refresh(self._cursor_to_pressed)

    def _cursor_to_pressed(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index


class QuestionView(Vertical):
    """The controls of the current question."""

    @dataclass
    class AnswerEdited(Message):
        """The user changed the value or the note of an answer."""

        question_id: str
        field: Field
        value: AnswerValue

    def __init__(self, context: QuestionContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="question-view")
        self.context = context
        self._pending_edits: dict[Field, AnswerValue] = {}
        self._debounce_timers: dict[Field, Timer] = {}

    @property
    def question(self) -> Question:
        return self.context.question

    # --- composition --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        context = self.context
        question = context.question
        with Vertical(classes="question-form"):
            yield Static(Content(context.position), classes="question-position")
            yield Static(Content(context.section.title), classes="section-title")
            text = Content(question.text)
            if question.required:
                text = text.append(Content.styled("  (obligatoire)", "$text-muted"))
            yield Static(text, classes="question-text")
            yield Static(Content(_HINTS[question.kind]), classes="question-hint")
            yield self._answer_control()
            notice = self._orphan_notice()
            if notice:
                yield Static(Content(notice), classes="question-notice")
            yield Static("Note (facultative)", classes="field-label")
            yield TextArea(
                context.answer.note,
                id="note",
                classes="note",
                placeholder="Une remarque, une source, une personne à contacter…",
            )
        yield GuidancePanel(context.guidance)

    def _answer_control(self) -> Widget:
        question = self.question
        value = self.context.answer.value
        if question.kind in ("statut", "choix"):
            return ChoiceSet(
                *(
                    RadioButton(_choice_label(n, choice.label), value=choice.id == value)
                    for n, choice in enumerate(question.effective_choices, start=1)
                ),
                id="answer",
            )
        if question.kind == "choix_multiple":
            chosen = set(value) if isinstance(value, list) else set()
            return SelectionList[str](
                *(
                    Selection(Content(choice.label), choice.id, choice.id in chosen)
                    for choice in question.choices
                ),
                id="answer",
            )
        text = value if isinstance(value, str) else ""
        if question.kind == "texte":
            return Input(text, id="answer", placeholder="Votre réponse")
        return TextArea(text, id="answer", classes="long-answer")

    def _orphan_notice(self) -> str:
        """A sentence about a saved value the question no longer offers (kept as is)."""
        question = self.question
        value = self.context.answer.value
        if value is None:
            return ""
        if question.kind in ("texte", "texte_long"):
            if isinstance(value, str):
                return ""
            return "La réponse enregistrée n'est plus du texte ; elle est conservée telle quelle."
        known = {choice.id for choice in question.effective_choices}
        values = value if isinstance(value, list) else [value]
        unknown = [v for v in values if v not in known]
        if not unknown:
            return ""
        listed = ", ".join(f"« {v} »" for v in unknown)
        return (
            f"Réponse enregistrée qui n'existe plus dans la check-list : {listed}. "
            "Elle est conservée tant que vous ne choisissez pas autre chose."
        )

    # --- what the screen asks of the view -----------------------------------------------

    def focus_answer(self) -> None:
        """Put the keyboard focus on the answer control."""
        self.query_one("#answer").focus()

    def pick(self, number: int) -> bool:
        """Choose the ``number``-th choice (from 1) of a statut or choice question."""
        if self.question.kind not in ("statut", "choix"):
            return False
        buttons = list(self.query_one("#answer", RadioSet).query(RadioButton))
        if not 1 <= number <= len(buttons):
            return False
        buttons[number - 1].value = True
        return True

    def take_pending(self) -> list[QuestionView.AnswerEdited]:
        """The typed changes not yet reported (the debounce had not elapsed); forgets them."""
        for timer in self._debounce_timers.values():
            timer.stop()
        self._debounce_timers.clear()
        pending = [
            self.AnswerEdited(self.question.id, field_name, value)
            for field_name, value in self._pending_edits.items()
        ]
        self._pending_edits.clear()
        return pending

    # --- events from the controls -------------------------------------------------------

    @on(RadioSet.Changed, "#answer")
    def _choice_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        choices = self.question.effective_choices
        if 0 <= event.index < len(choices):
            self._report("value", choices[event.index].id)

    @on(SelectionList.SelectedChanged, "#answer")
    def _selection_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        selected = set(event.selection_list.selected)
        ordered = [choice.id for choice in self.question.choices if choice.id in selected]
        previous = self.context.answer.value
        known = {choice.id for choice in self.question.choices}
        if isinstance(previous, list):
            # Values the checklist no longer offers stay until the user clears the answer.
            ordered += [v for v in previous if v not in known]
        self._report("value", ordered or None)

    @on(Input.Changed, "#answer")
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._schedule("value", event.value)

    @on(Input.Submitted, "#answer")
    @on(Input.Blurred, "#answer")
    def _input_committed(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        self._commit("value")

    @on(TextArea.Changed)
    def _text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        field_name: Field = "note" if event.text_area.id == "note" else "value"
        self._schedule(field_name, event.text_area.text)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, TextArea):
            self._commit("note" if event.widget.id == "note" else "value")

    # --- debounce -----------------------------------------------------------------------

    def _schedule(self, field_name: Field, text: str) -> None:
        value: AnswerValue = text if (field_name == "note" or text.strip()) else None
        self._pending_edits[field_name] = value
        timer = self._debounce_timers.pop(field_name, None)
        if timer is not None:
            timer.stop()
        self._debounce_timers[field_name] = self.set_timer(
            DEBOUNCE_SECONDS, lambda: self._commit(field_name)
        )

    def _commit(self, field_name: Field) -> None:
        timer = self._debounce_timers.pop(field_name, None)
        if timer is not None:
            timer.stop()
        if field_name in self._pending_edits:
            self._report(field_name, self._pending_edits.pop(field_name))

    def _report(self, field_name: Field, value: AnswerValue) -> None:
        self.post_message(self.AnswerEdited(self.question.id, field_name, value))
