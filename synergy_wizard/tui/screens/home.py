"""The home screen: the user's dossiers, and the way to start a new one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from synergy_wizard.answers.storage import DossierEntry, DossierStore
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import DossierError, SynergyError
from synergy_wizard.tui.messages import OpenDossier
from synergy_wizard.tui.screens.dialogs import ErrorDialog
from synergy_wizard.tui.screens.new_dossier import NewDossierRequest, NewDossierScreen
from synergy_wizard.tui.session import Catalog
from synergy_wizard.tui.widgets.footer import WizardFooter

EMPTY_TEXT = (
    "Vous n'avez pas encore de dossier.\n\n"
    "Appuyez sur N pour en créer un : choisissez la check-list qui correspond à votre "
    "projet de synergie, donnez-lui un nom, puis répondez aux questions à votre rythme.\n\n"
    "Chaque réponse est enregistrée dès que vous la donnez : vous pouvez quitter à tout "
    "moment et reprendre plus tard, à la question où vous vous étiez arrêté."
)


def short_datetime(value: datetime | None) -> str:
    """« 22/11/2026 14:05 », the way dates are written in Belgium; empty for no date."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y %H:%M")


class DossierTable(DataTable[Text]):
    """The dossiers; Enter opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Ouvrir", id="home.open"),
    ]


class HomeScreen(Screen[None]):
    """List the dossiers of the folder; open one or create one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "Nouveau dossier", id="home.new"),
    ]

    def __init__(self, store: DossierStore, catalog: Catalog) -> None:
        super().__init__(classes="home-screen")
        self.store = store
        self.catalog = catalog
        self._entries: dict[str, DossierEntry] = {}
        self._list_error = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            yield Static("Vos dossiers", classes="screen-title")
            yield DossierTable(id="dossiers", cursor_type="row", zebra_stripes=True)
            yield Static(Content(EMPTY_TEXT), id="empty-state")
            yield Static(id="dossier-detail", classes="muted")
            yield Static(id="folder-line", classes="muted")
        yield WizardFooter()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        """Read the dossier folder again and show what it holds."""
        try:
            entries = self.store.list()
        except SynergyError as error:
            entries = []
            if str(error) != self._list_error:  # not again on closing the dialog
                self.app.push_screen(ErrorDialog.for_error(error))
            self._list_error = str(error)
        else:
            self._list_error = ""
        known = self._known_checklists()
        self._entries = {str(entry.path): entry for entry in entries}

        table = self.query_one(DossierTable)
        table.clear(columns=True)
        width = self.app.size.width
        name_width = max(18, width - 58)
        table.add_column("Projet", width=name_width, key="name")
        table.add_column("Check-list", width=18, key="checklist")
        table.add_column("Progression", width=11, key="progress")
        table.add_column("Modifié le", width=16, key="updated")
        for entry in entries:
            table.add_row(*self._row(entry, known), key=str(entry.path))

        self.set_class(not entries, "-empty")
        table.disabled = not entries
        if entries:
            table.focus()
        self.query_one("#folder-line", Static).update(
            Content(f"Dossiers rangés dans : {self.store.folder}")
        )
        self._show_detail(entries[0] if entries else None)

    def _known_checklists(self) -> dict[str, Checklist]:
        try:
            checklists = self.catalog.all()
        except SynergyError:
            return {}  # reported when the user asks for a new dossier
        return {checklist.id: checklist for checklist in checklists}

    def _row(self, entry: DossierEntry, known: dict[str, Checklist]) -> list[Text]:
        if entry.error:
            return [
                Text(entry.name, overflow="ellipsis", no_wrap=True),
                Text("—"),
                Text("⚠ illisible", style="bold"),
                Text(""),
            ]
        checklist = known.get(entry.checklist_id)
        if checklist is not None:
            progress = f"{entry.answered}/{len(checklist.questions)}"
            title = checklist.title
        else:
            progress = f"{entry.answered} rép."
            title = entry.checklist_id
        return [
            Text(entry.name, overflow="ellipsis", no_wrap=True),
            Text(title, overflow="ellipsis", no_wrap=True),
            Text(progress, justify="right"),
            Text(short_datetime(entry.updated_at)),
        ]

    def _show_detail(self, entry: DossierEntry | None) -> None:
        detail = self.query_one("#dossier-detail", Static)
        if entry is None:
            detail.update("")
        elif entry.error:
            detail.update(Content(f"Fichier illisible {entry.path.name} : {entry.error}"))
        else:
            detail.update(Content(f"Fichier : {entry.path}"))

    @on(DataTable.RowHighlighted, "#dossiers")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        self._show_detail(self._entries.get(key) if key is not None else None)

    @on(DataTable.RowSelected, "#dossiers")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        entry = self._entries.get(key) if key is not None else None
        if entry is None:
            return
        if entry.error:
            self.app.push_screen(
                ErrorDialog(
                    DossierError.title,
                    f"Le fichier {entry.path} ne peut pas être ouvert :\n{entry.error}\n\n"
                    "Il n'a pas été modifié.",
                )
            )
            return
        self._open(entry.path)

    def _open(self, path: Path) -> None:
        self.post_message(OpenDossier(path))

    def action_new(self) -> None:
        try:
            checklists: list[Checklist] = self.catalog.all()
        except SynergyError as error:
            self.app.push_screen(ErrorDialog.for_error(error))
            return
        if not checklists:
            self.app.push_screen(
                ErrorDialog("Aucune check-list", "Aucune check-list n'est installée.")
            )
            return
        self.app.push_screen(NewDossierScreen(checklists), self._create)

    def _create(self, request: NewDossierRequest | None) -> None:
        if request is None:
            return
        try:
            path, _dossier = self.store.create(request.checklist, request.project)
        except SynergyError as error:
            self.app.push_screen(ErrorDialog.for_error(error))
            return
        self._open(path)
