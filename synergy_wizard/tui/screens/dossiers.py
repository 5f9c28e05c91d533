"""Managing dossiers from the home screen: the name dialog (rename, duplicate) and the corbeille.

The file operations themselves are in :mod:`synergy_wizard.answers.management`; these screens
only ask and show.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Header, Input, Static

from synergy_wizard.errors import SynergyError
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.screens.dialogs import ErrorDialog
from synergy_wizard.tui.screens.new_dossier import NotBlank
from synergy_wizard.tui.widgets.footer import WizardFooter

if TYPE_CHECKING:
    from synergy_wizard.answers.management import TrashedDossier
    from synergy_wizard.answers.storage import DossierStore

# The file operations (answers.management) are imported when the corbeille is opened: the
# home screen imports this module for short_datetime before it is first shown.


def short_datetime(value: datetime | None) -> str:
    """« 22/11/2026 14:05 », the way dates are written in Belgium; empty for no date."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y %H:%M")


class NameDialog(Guarded, ModalScreen[str | None]):
    """Ask for a project name: dismissed with the name, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuler", id="name.cancel"),
    ]

    def __init__(self, title: str, explanation: str, initial: str, confirm_label: str) -> None:
        super().__init__(classes="dialog-screen")
        self.dialog_title = title
        self.explanation = explanation
        self.initial = initial
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(id="name-dialog", classes="dialog"):
            yield Static(Content(self.dialog_title), classes="dialog-title")
            yield Static(Content(self.explanation), classes="muted")
            yield Static("Nom du projet", classes="field-label")
            yield Input(
                self.initial,
                id="project-name",
                validators=[NotBlank()],
                validate_on=["changed", "submitted"],
                compact=True,
            )
            yield Static(id="project-name-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm_label, id="confirm", variant="primary", compact=True)
                yield Button("Annuler", id="cancel", compact=True)
        yield WizardFooter()

    def on_mount(self) -> None:
        self.query_one("#project-name", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._confirm()

    @on(Button.Pressed, "#confirm")
    def _confirm_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._confirm()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    @on(Input.Changed, "#project-name")
    def _changed(self, event: Input.Changed) -> None:
        if event.validation_result is not None and event.validation_result.is_valid:
            self.query_one("#project-name-error", Static).update("")

    def _confirm(self) -> None:
        field = self.query_one("#project-name", Input)
        result = field.validate(field.value)
        if result is not None and not result.is_valid:
            self.query_one("#project-name-error", Static).update(
                Content(result.failure_descriptions[0])
            )
            field.focus()
            return
        self.dismiss(" ".join(field.value.split()))

    def action_cancel(self) -> None:
        self.dismiss(None)


class TrashTable(Guarded, DataTable[Text]):
    """The deleted dossiers; Enter restores the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Restaurer", id="trash.restore"),
    ]


class TrashScreen(Guarded, Screen[None]):
    """The corbeille: dossiers deleted from the home screen, ready to be restored."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Retour", id="trash.back"),
    ]

    def __init__(self, store: DossierStore) -> None:
        super().__init__(classes="trash-screen")
        self.store = store
        self.sub_title = "Corbeille"
        self._entries: dict[str, TrashedDossier] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="trash-body"):
            yield Static("Corbeille", classes="screen-title")
            yield Static(
                Content(
                    "Les dossiers supprimés sont gardés ici, intacts. Entrée remet le dossier "
                    "choisi dans la liste de vos dossiers."
                ),
                classes="muted",
            )
            yield TrashTable(id="trash", cursor_type="row", zebra_stripes=True)
            yield Static(
                Content("La corbeille est vide : aucun dossier supprimé."), id="trash-empty"
            )
            yield Static(id="trash-folder", classes="muted")
        yield WizardFooter()

    def on_mount(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        """Read the corbeille again and show what it holds."""
        from synergy_wizard.answers.management import list_trash, trash_folder

        entries = list_trash(self.store)
        self._entries = {str(entry.path): entry for entry in entries}
        table = self.query_one(TrashTable)
        table.clear(columns=True)
        name_width = max(16, self.app.size.width - 46)
        table.add_column("Projet", width=name_width, key="name")
        table.add_column("Fichier", width=18, key="file")
        table.add_column("Supprimé le", width=16, key="deleted")
        for entry in entries:
            name = entry.name if not entry.error else f"{entry.name} (illisible)"
            table.add_row(
                Text(name, overflow="ellipsis", no_wrap=True),
                Text(entry.path.name, overflow="ellipsis", no_wrap=True),
                Text(short_datetime(entry.deleted_at)),
                key=str(entry.path),
            )
        self.set_class(not entries, "-empty")
        table.disabled = not entries
        if entries:
            table.focus()
        self.query_one("#trash-folder", Static).update(
            Content(f"Corbeille : {trash_folder(self.store)}")
        )

    @on(DataTable.RowSelected, "#trash")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        entry = self._entries.get(key) if key is not None else None
        if entry is not None:
            self.restore(entry)

    def restore(self, entry: TrashedDossier) -> None:
        """Put ``entry`` back among the dossiers and say under which file name."""
        from synergy_wizard.answers.management import restore_dossier

        try:
            path = restore_dossier(self.store, entry.path)
        except SynergyError as error:
            self.app.push_screen(ErrorDialog.for_error(error))
            return
        self.notify(
            f"« {entry.name} » est de retour dans vos dossiers :\n{path}",
            title="Dossier restauré",
            markup=False,
        )
        self.refresh_list()

    def action_back(self) -> None:
        self.dismiss(None)
