"""The « Nouveau dossier » form: a checklist, a project name and who is involved.

Dismissed with a :class:`NewDossierRequest`, or None when cancelled. Creating the file is
the caller's business.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from synergy_wizard.render.french import plural
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.widgets.footer import WizardFooter

if TYPE_CHECKING:
    from synergy_wizard.answers.model import ProjectInfo
    from synergy_wizard.checklist.models import Checklist


@dataclass(frozen=True)
class NewDossierRequest:
    """What the user asked for: a dossier for ``project`` answering ``checklist``."""

    checklist: Checklist
    project: ProjectInfo


class NotBlank(Validator):
    """The project name must contain something other than spaces."""

    def validate(self, value: str) -> ValidationResult:
        if value.strip():
            return self.success()
        return self.failure("Donnez un nom au projet : il est obligatoire.")


def checklist_prompt(checklist: Checklist) -> Content:
    """Two lines: the title, then version and size."""
    sections = len(checklist.sections)
    questions = len(checklist.questions)
    details = (
        f"version {checklist.version} · {sections} {plural(sections, 'section', 'sections')}"
        f" · {questions} {plural(questions, 'question', 'questions')}"
    )
    return Content("\n").join([Content(checklist.title), Content.styled(details, "$text-muted")])


class NewDossierScreen(Guarded, ModalScreen[NewDossierRequest | None]):
    """Ask for what a new dossier needs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuler", id="new.cancel"),
        Binding("ctrl+s", "create", "Créer", id="new.create"),
    ]

    def __init__(self, checklists: Sequence[Checklist]) -> None:
        super().__init__(classes="dialog-screen")
        self.checklists = list(checklists)

    def compose(self) -> ComposeResult:
        with Vertical(id="new-dossier", classes="dialog"):
            yield Static("Nouveau dossier", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static("Check-list", classes="field-label")
                yield OptionList(
                    *(
                        Option(checklist_prompt(checklist), id=checklist.id)
                        for checklist in self.checklists
                    ),
                    id="checklist",
                    markup=False,
                )
                with Grid(id="project-fields"):
                    yield Static("Nom du projet *", classes="field-label")
                    yield Input(
                        id="name",
                        placeholder="ex. Service informatique commun",
                        validators=[NotBlank()],
                        validate_on=["changed", "submitted"],
                        compact=True,
                    )
                    yield Static("CPAS", classes="field-label")
                    yield Input(id="cpas", placeholder="ex. CPAS de Fléron", compact=True)
                    yield Static("Commune ou partenaire", classes="field-label")
                    yield Input(id="partner", placeholder="ex. Commune de Fléron", compact=True)
                    yield Static("Auteur", classes="field-label")
                    yield Input(id="author", placeholder="Votre nom", compact=True)
                yield Static(id="name-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Créer", id="create", variant="primary", compact=True)
                yield Button("Annuler", id="cancel", compact=True)
        yield WizardFooter()

    def on_mount(self) -> None:
        checklists = self.query_one("#checklist", OptionList)
        checklists.highlighted = 0
        checklists.focus()

    @on(OptionList.OptionSelected, "#checklist")
    def _checklist_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#name", Input).focus()

    @on(Input.Changed, "#name")
    def _name_changed(self, event: Input.Changed) -> None:
        if event.validation_result is not None and event.validation_result.is_valid:
            self._show_name_error("")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_create()

    @on(Button.Pressed, "#create")
    def _create_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_create()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def _show_name_error(self, message: str) -> None:
        self.query_one("#name-error", Static).update(Content(message))
        self.query_one("#name", Input).set_class(bool(message), "-invalid")
        self.set_class(bool(message), "-name-invalid")

    def action_create(self) -> None:
        name_input = self.query_one("#name", Input)
        result = name_input.validate(name_input.value)
        if result is not None and not result.is_valid:
            self._show_name_error(result.failure_descriptions[0])
            name_input.focus()
            return
        from synergy_wizard.answers.model import ProjectInfo

        index = self.query_one("#checklist", OptionList).highlighted or 0
        project = ProjectInfo(
            name=name_input.value.strip(),
            cpas=self.query_one("#cpas", Input).value.strip(),
            partner=self.query_one("#partner", Input).value.strip(),
            author=self.query_one("#author", Input).value.strip(),
        )
        self.dismiss(NewDossierRequest(self.checklists[index], project))

    def action_cancel(self) -> None:
        self.dismiss(None)
