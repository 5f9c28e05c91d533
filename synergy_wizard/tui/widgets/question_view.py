"""One question on screen: its text, the answer control suited to its kind, a note, the
follow-up (owner, deadline, priority) and the guidance.

Only the current question's widgets exist; the walk screen replaces this view when the user
moves. The view never touches the dossier: it posts :class:`QuestionView.AnswerEdited`
messages, at once for a choice, and for typed text when the field is left, Enter is pressed
or the typing pauses (debounce). A deadline that is not a real date is explained and never
reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Input,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from synergy_wizard.answers.model import Answer
from synergy_wizard.checklist.models import Question
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.session import AnswerField, EditValue
from synergy_wizard.tui.widgets.follow_up import DeadlineError, FollowUpRow, parse_deadline
from synergy_wizard.tui.widgets.guidance import GuidancePanel

_TYPED_FIELDS: dict[str, AnswerField] = {"answer": "value", "note": "note", "owner": "owner"}
"""Text fields of the view (by widget id) and the part of the answer they edit."""


class _Invalid:
    """Marks a typed value that cannot be saved (a deadline that is not a date)."""


_INVALID = _Invalid()

DEBOUNCE_SECONDS = 0.6
"""How long typing must pause before the text is saved."""

_HINTS = {
    "statut": "Choisissez avec les flèches puis Entrée, ou tapez 1 à 5.",
    "choix": "Choisissez avec les flèches puis Entrée, ou tapez le numéro du choix.",
    "choix_multiple": "Cochez ou décochez avec Espace ; plusieurs choix sont possibles.",
    "texte": "Tapez votre réponse ; elle est enregistrée automatiquement.",
    "texte_long": "Tapez votre réponse ; elle est enregistrée automatiquement.",
}
_READ_ONLY_HINT = "Lecture seule : la réponse, la note et le suivi ne peuvent pas être modifiés."


@dataclass(frozen=True)
class QuestionContext:
    """Everything the view shows about one question (data handed down by the screen)."""

    question: Question
    key: str
    """The key the answer is stored under (``question`` or ``question@choice``)."""
    section_title: str
    """The title of the section, with the choice's label in a repeated section."""
    position: str
    """Where the question stands (« Section 2/5 · Question 1/3 »), among the shown ones."""
    answer: Answer
    guidance: str
    """The guidance, as Markdown."""
    read_only: bool = False
    """Whether the answer is only shown (a dossier open read-only): nothing can be changed."""


def position_text(section_number: int, section_count: int, number: int, count: int) -> str:
    """« Section 2/5 · Question 1/3 »."""
    return f"Section {section_number}/{section_count} · Question {number}/{count}"


def _choice_label(number: int, label: str) -> Content:
    return Content.assemble((str(number), "bold"), f"  {label}")


class ChoiceSet(Guarded, RadioSet):
    """A RadioSet whose keyboard cursor starts on the saved answer, not on the first choice."""

    def on_mount(self) -> None:
        # RadioSet puts its cursor on the first choice once mounted; move it afterwards.
        self.call_after_refresh(self._cursor_to_pressed)

    def _cursor_to_pressed(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index


class QuestionView(Guarded, Vertical):
    """The controls of the current question."""

    @dataclass
    class AnswerEdited(Message):
        """The user changed a part of an answer (value, note, owner, deadline, priority)."""

        key: str
        field: AnswerField
        value: EditValue

    def __init__(self, context: QuestionContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="question-view")
        self.context = context
        self._pending_edits: dict[AnswerField, str] = {}
        self._debounce_timers: dict[AnswerField, Timer] = {}
        self.rejected_deadline = ""
        """A deadline typed but not saved because it is not a date (told to the user)."""

    @property
    def question(self) -> Question:
        return self.context.question

    # --- composition --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        context = self.context
        question = context.question
        with Vertical(classes="question-form"):
            yield Static(Content(context.position), classes="question-position")
            yield Static(Content(context.section_title), classes="section-title")
            text = Content(question.text)
            if question.required:
                text = text.append(Content.styled("  (obligatoire)", "$text-muted"))
            yield Static(text, classes="question-text")
            hint = _READ_ONLY_HINT if context.read_only else _HINTS[question.kind]
            yield Static(Content(hint), classes="question-hint")
            yield self._read_only(self._answer_control())
            notice = self._orphan_notice()
            if notice:
                yield Static(Content(notice), classes="question-notice")
            yield Static("Note (facultative)", classes="field-label")
            yield self._read_only(
                TextArea(
                    context.answer.note,
                    id="note",
                    classes="note",
                    placeholder="Aucune note."
                    if context.read_only
                    else "Une remarque, une source, une personne à contacter…",
                )
            )
            yield self._read_only(FollowUpRow(context.answer))
        yield GuidancePanel(context.guidance)

    def _read_only(self, widget: Widget) -> Widget:
        """``widget`` as is, or unable to change anything when the answer is only shown.

        A text area stays focusable and scrollable (to read a long note) but refuses typing;
        every other control is disabled.
        """
        if self.context.read_only:
            if isinstance(widget, TextArea):
                widget.read_only = True
            else:
                widget.disabled = True
        return widget

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
        """Put the keyboard focus on the answer control (on the note when it is disabled)."""
        answer = self.query_one("#answer")
        if answer.disabled:
            self.query_one("#note").focus()
        else:
            answer.focus()

    def show_position(self, position: str) -> None:
        """Update where the question stands (other questions were shown or hidden)."""
        self.query_one(".question-position", Static).update(Content(position))

    def pick(self, number: int) -> bool:
        """Choose the ``number``-th choice (from 1) of a statut or choice question."""
        if self.context.read_only or self.question.kind not in ("statut", "choix"):
            return False
        buttons = list(self.query_one("#answer", RadioSet).query(RadioButton))
        if not 1 <= number <= len(buttons):
            return False
        buttons[number - 1].value = True
        return True

    def take_pending(self) -> list[QuestionView.AnswerEdited]:
        """The typed changes not yet reported (the debounce had not elapsed); forgets them.

        A deadline that is not a date is left out and kept in :attr:`rejected_deadline`.
        """
        for timer in self._debounce_timers.values():
            timer.stop()
        self._debounce_timers.clear()
        pending = list(self._pending_edits.items())
        self._pending_edits.clear()
        edits = []
        for field_name, text in pending:
            value = self._converted(field_name, text, show_error=False)
            if not isinstance(value, _Invalid):
                edits.append(self.AnswerEdited(self.context.key, field_name, value))
        return edits

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

    @on(Select.Changed, "#priority")
    def _priority_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        self._report("priority", value if isinstance(value, str) else None)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "deadline":
            self.rejected_deadline = ""
            try:
                parse_deadline(event.value)
            except DeadlineError:
                pass  # explained when the field is left, not while typing
            else:
                self.query_one(FollowUpRow).show_deadline_error("")
        field_name = self._input_field(event.input)
        if field_name is not None:
            self._schedule(field_name, event.value)

    @on(Input.Submitted)
    @on(Input.Blurred)
    def _input_committed(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        field_name = self._input_field(event.input)
        if field_name is not None:
            self._commit(field_name)

    @on(TextArea.Changed)
    def _text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        field_name: AnswerField = "note" if event.text_area.id == "note" else "value"
        self._schedule(field_name, event.text_area.text)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, TextArea):
            self._commit("note" if event.widget.id == "note" else "value")

    @staticmethod
    def _input_field(widget: Input) -> AnswerField | None:
        if widget.id == "deadline":
            return "deadline"
        return _TYPED_FIELDS.get(widget.id or "")

    # --- debounce -----------------------------------------------------------------------

    def _schedule(self, field_name: AnswerField, text: str) -> None:
        self._pending_edits[field_name] = text
        timer = self._debounce_timers.pop(field_name, None)
        if timer is not None:
            timer.stop()
        self._debounce_timers[field_name] = self.set_timer(
            DEBOUNCE_SECONDS, lambda: self._commit(field_name)
        )

    def _commit(self, field_name: AnswerField) -> None:
        timer = self._debounce_timers.pop(field_name, None)
        if timer is not None:
            timer.stop()
        if field_name in self._pending_edits:
            text = self._pending_edits.pop(field_name)
            value = self._converted(field_name, text, show_error=True)
            if not isinstance(value, _Invalid):
                self._report(field_name, value)

    def _converted(
        self, field_name: AnswerField, text: str, *, show_error: bool
    ) -> EditValue | _Invalid:
        """The value to save for typed ``text``, or ``_INVALID`` for a wrong deadline."""
        if field_name == "note":
            return text
        if field_name == "owner":
            return text.strip()
        if field_name == "deadline":
            try:
                deadline = parse_deadline(text)
            except DeadlineError as error:
                self.rejected_deadline = text.strip()
                if show_error:
                    self.query_one(FollowUpRow).show_deadline_error(str(error))
                return _INVALID
            self.rejected_deadline = ""
            if show_error:
                self.query_one(FollowUpRow).show_deadline_error("")
            return deadline
        return text if text.strip() else None

    def _report(self, field_name: AnswerField, value: EditValue) -> None:
        self.post_message(self.AnswerEdited(self.context.key, field_name, value))
