"""One question on screen: its text, the answer control suited to its kind, a note, the
follow-up (owner, deadline, priority) and the guidance.

The view stays mounted while the user moves: :meth:`QuestionView.show` puts another question
in the same widgets (texts, the answer control of its kind, note, follow-up, guidance), which
is far cheaper than building new ones. Values shown this way are never reported as edits.

The view never touches the dossier: it posts :class:`QuestionView.AnswerEdited` messages, at
once for a choice, and for typed text when the field is left, Enter is pressed or the typing
pauses (debounce). A deadline that is not a real date is explained and never reported.
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
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from synergy_wizard.checklist.models import Question
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.session import AnswerField, EditValue
from synergy_wizard.tui.widgets.answer_controls import (
    AnswerControl,
    ControlKind,
    control_kind,
    load_text_area,
    make_control,
    show_in_control,
)
from synergy_wizard.tui.widgets.choice_list import ChoiceList
from synergy_wizard.tui.widgets.follow_up import DeadlineError, FollowUpRow, parse_deadline
from synergy_wizard.tui.widgets.guidance import GuidancePanel
from synergy_wizard.tui.widgets.question_context import (
    QuestionContext,
    hint_text,
    orphan_notice,
    position_text,
    question_text,
)
from synergy_wizard.tui.widgets.static_text import update_text

__all__ = ["QuestionContext", "QuestionView", "orphan_notice", "position_text"]

_TYPED_FIELDS: dict[str, AnswerField] = {
    "answer-text": "value",
    "answer-long": "value",
    "note": "note",
    "owner": "owner",
}
"""Text fields of the view (by widget id) and the part of the answer they edit."""


class _Invalid:
    """Marks a typed value that cannot be saved (a deadline that is not a date)."""


_INVALID = _Invalid()

DEBOUNCE_SECONDS = 0.6
"""How long typing must pause before the text is saved."""


class QuestionView(Guarded, Vertical):
    """The controls of the current question, kept while the user moves between questions."""

    @dataclass
    class AnswerEdited(Message):
        """The user changed a part of an answer (value, note, owner, deadline, priority)."""

        key: str
        field: AnswerField
        value: EditValue

    def __init__(self, context: QuestionContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="question-view")
        self.context = context
        self._controls: dict[ControlKind, AnswerControl] = {}
        self._position_shown = context.position
        self._pending_edits: dict[AnswerField, str] = {}
        self._debounce_timers: dict[AnswerField, Timer] = {}
        self.rejected_deadline = ""
        """A deadline typed but not saved because it is not a date (told to the user)."""

    @property
    def question(self) -> Question:
        return self.context.question

    @property
    def answer_control(self) -> AnswerControl:
        """The control answering the question shown."""
        return self._controls[control_kind(self.question)]

    # --- composition --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        context = self.context
        question = context.question
        with Vertical(classes="question-form"):
            yield Static(Content(context.position), classes="question-position")
            yield Static(Content(context.section_title), classes="section-title")
            yield Static(question_text(question), classes="question-text")
            yield Static(Content(self._hint()), classes="question-hint")
            with Vertical(classes="answer-controls"):
                yield self._new_control(control_kind(question))
            notice = orphan_notice(question, context.answer)
            notice_widget = Static(Content(notice), classes="question-notice")
            notice_widget.display = bool(notice)
            yield notice_widget
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

    def _hint(self) -> str:
        return hint_text(self.question, read_only=self.context.read_only)

    def _new_control(self, kind: ControlKind) -> AnswerControl:
        control = make_control(kind, self.question, self.context.answer.value)
        self._controls[kind] = control
        self._read_only(control)
        return control

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

    # --- what the screen asks of the view -----------------------------------------------

    async def show(self, context: QuestionContext) -> None:
        """Show another question in place of the current one.

        Typed changes not yet reported must have been taken first (:meth:`take_pending`):
        the ones left are dropped. Nothing shown here is reported as an edit.
        """
        self._drop_pending()
        previous = self.context
        self.context = context
        question, answer = context.question, context.answer
        self.show_position(context.position)
        if context.section_title != previous.section_title:
            update_text(self._static(".section-title"), Content(context.section_title))
        if question is not previous.question:
            update_text(self._static(".question-text"), question_text(question))
        if question.kind != previous.question.kind:
            update_text(self._static(".question-hint"), Content(self._hint()))
        await self._show_control(previous.question)
        if self.context is not context:
            return  # another question was shown while a control was mounted: it is on screen
        notice = orphan_notice(question, answer)
        notice_widget = self._static(".question-notice")
        if notice or notice_widget.display:
            update_text(notice_widget, Content(notice))
            notice_widget.display = bool(notice)
        load_text_area(self.query_one("#note", TextArea), answer.note)
        self.query_one(FollowUpRow).show(answer)
        self.query_one(GuidancePanel).show(context.guidance)

    async def _show_control(self, previous: Question) -> None:
        context = self.context
        kind = control_kind(self.question)
        control = self._controls.get(kind)
        if control is None:
            control = self._new_control(kind)
            await self.query_one(".answer-controls").mount(control)
            if self.context is not context:
                return  # shown meanwhile: the later question chose which control to show
        else:
            show_in_control(control, self.question, self.context.answer.value)
        previous_kind = control_kind(previous)
        if previous_kind != kind:
            self._controls[previous_kind].display = False
            control.display = True

    def _static(self, selector: str) -> Static:
        return self.query_one(selector, Static)

    def focus_answer(self) -> None:
        """Put the keyboard focus on the answer control (on the note when it is disabled),
        unless it is there already."""
        target: Widget = self.answer_control
        if target.disabled:
            target = self.query_one("#note")
        if self.screen.focused is not target:
            target.focus()

    def show_position(self, position: str) -> None:
        """Update where the question stands (other questions were shown or hidden)."""
        if position != self._position_shown:
            self._position_shown = position
            update_text(self._static(".question-position"), Content(position))

    def pick(self, number: int) -> QuestionView.AnswerEdited | None:
        """The change that choosing the ``number``-th choice (from 1) of a statut or choice
        question makes (None when there is no such choice). The choice is not marked yet:
        see :meth:`show_pick`."""
        if self.context.read_only or self.question.kind not in ("statut", "choix"):
            return None
        choices = self.question.effective_choices
        if not isinstance(self.answer_control, ChoiceList) or not 0 < number <= len(choices):
            return None
        return self.AnswerEdited(self.context.key, "value", choices[number - 1].id)

    def show_pick(self, edit: QuestionView.AnswerEdited) -> None:
        """Mark the choice picked by ``edit`` (from :meth:`pick`), when its question is
        still the one shown.

        The screen calls it after updating the counts, so that every widget the key
        changes is drawn in the same image.
        """
        control = self.answer_control
        if edit.key != self.context.key or not isinstance(control, ChoiceList):
            return
        ids = [choice.id for choice in self.question.effective_choices]
        if isinstance(edit.value, str) and edit.value in ids:
            control.choose(ids.index(edit.value))

    def take_pending(self) -> list[QuestionView.AnswerEdited]:
        """The typed changes not yet reported (the debounce had not elapsed); forgets them.

        A deadline that is not a date is left out and kept in :attr:`rejected_deadline`.
        """
        pending = list(self._pending_edits.items())
        self._drop_pending()
        edits = []
        for field_name, text in pending:
            value = self._converted(field_name, text, show_error=False)
            if not isinstance(value, _Invalid):
                edits.append(self.AnswerEdited(self.context.key, field_name, value))
        return edits

    def _drop_pending(self) -> None:
        for timer in self._debounce_timers.values():
            timer.stop()
        self._debounce_timers.clear()
        self._pending_edits.clear()

    # --- events from the controls -------------------------------------------------------

    # A change message can still be on its way when the view already shows another
    # question (keys typed very fast): the handlers drop those that no longer match their
    # control, so that a value never lands on the wrong question.

    @on(ChoiceList.Chosen, "#answer-choice")
    def _choice_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        if event.generation != event.choice_list.generation:
            return  # stale
        choices = self.question.effective_choices
        if 0 <= event.index < len(choices):
            self._report("value", choices[event.index].id)

    @on(SelectionList.SelectedChanged, "#answer-multiple")
    def _selection_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        if self.question.kind != "choix_multiple":
            return  # stale
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
        if value != event.select.value:
            return  # stale
        self._report("priority", value if isinstance(value, str) else None)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != event.input.value:
            return  # stale: a later change follows, or another question is shown
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
