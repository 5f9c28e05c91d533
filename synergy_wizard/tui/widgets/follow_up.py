"""The follow-up of a question (the action plan): who, by when, how urgent.

One compact row under the note: an owner, a deadline typed JJ/MM/AAAA and a priority. The
deadline is checked where it is typed; a wrong date is explained in French under the row and
never saved. The row only shows the controls: the question view reports the changes.
"""

from __future__ import annotations

import re
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Select, Static

from synergy_wizard.answers.model import PRIORITY_LABELS, Answer
from synergy_wizard.tui.guard import Guarded

_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_EXAMPLE = "par exemple 30/06/2026"
MIN_YEAR = 1900
MAX_YEAR = 2199


class DeadlineError(ValueError):
    """A deadline that cannot be read; the message is French and says how to write it."""


def parse_deadline(text: str) -> date | None:
    """The date typed as JJ/MM/AAAA (« 1/7/2026 » and dashes or dots work too).

    An empty text means no deadline (None). Raises :class:`DeadlineError` otherwise.
    """
    text = text.strip()
    if not text:
        return None
    match = _DATE.fullmatch(text)
    if match is None:
        raise DeadlineError(f"Échéance invalide : écrivez la date JJ/MM/AAAA, {_EXAMPLE}.")
    day, month, year = (int(part) for part in match.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DeadlineError(
            f"Échéance invalide : l'année doit être comprise entre {MIN_YEAR} et {MAX_YEAR}."
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise DeadlineError(
            f"Échéance invalide : le {day:02d}/{month:02d}/{year} n'existe pas."
        ) from None


def format_deadline(value: date | None) -> str:
    """A deadline as the user types it: JJ/MM/AAAA."""
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year}"


def load_input(field: Input, text: str) -> None:
    """Put ``text`` in ``field``, the cursor at its end (as a newly shown field has it).

    Call it under ``prevent(Input.Changed)``: a value shown is not an edit.
    """
    if field.value != text:
        field.value = text
        field.cursor_position = len(text)


class DeadlineValidator(Validator):
    """The deadline must be empty or a real date written JJ/MM/AAAA."""

    def validate(self, value: str) -> ValidationResult:
        try:
            parse_deadline(value)
        except DeadlineError as error:
            return self.failure(str(error))
        return self.success()


class FollowUpRow(Guarded, Vertical):
    """Owner, deadline and priority of one answer, on one line, with the deadline's error."""

    def __init__(self, answer: Answer) -> None:
        super().__init__(classes="follow-up")
        self.answer = answer

    def compose(self) -> ComposeResult:
        answer = self.answer
        yield Static(
            "Suivi : responsable, échéance, priorité",
            classes="field-label",
        )
        with Horizontal(classes="follow-up-fields"):
            yield Input(
                answer.owner,
                id="owner",
                placeholder="Responsable",
                compact=True,
                tooltip="Qui assure le suivi de ce point",
            )
            yield Input(
                format_deadline(answer.deadline),
                id="deadline",
                placeholder="JJ/MM/AAAA",
                compact=True,
                max_length=12,
                validators=[DeadlineValidator()],
                validate_on=["submitted", "blur"],
                tooltip="Échéance du suivi, par exemple 30/06/2026",
            )
            yield Select[str](
                [(label, value) for value, label in PRIORITY_LABELS.items()],
                value=answer.priority or Select.NULL,
                prompt="Priorité",
                id="priority",
                compact=True,
                tooltip="Priorité du suivi",
            )
        yield Static(id="deadline-error", classes="field-error")

    def show(self, answer: Answer) -> None:
        """Show the follow-up of ``answer`` in place of the current one.

        The fields are filled without reporting any change (they are not edits).
        """
        self.answer = answer
        priority = self.query_one("#priority", Select)
        chosen = answer.priority or Select.NULL
        with self.prevent(Input.Changed, Select.Changed):
            load_input(self.query_one("#owner", Input), answer.owner)
            load_input(self.query_one("#deadline", Input), format_deadline(answer.deadline))
            if priority.value != chosen:
                priority.value = chosen
        if self.has_class("-deadline-invalid"):
            self.show_deadline_error("")
        self.query_one("#deadline", Input).remove_class("-invalid")

    def show_deadline_error(self, message: str) -> None:
        """Show (or clear, with "") the explanation of a wrong deadline."""
        self.query_one("#deadline-error", Static).update(Content(message))
        self.query_one("#deadline", Input).set_class(bool(message), "-invalid")
        self.set_class(bool(message), "-deadline-invalid")
