"""The home screen: the user's dossiers, and the way to start a new one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import CellDoesNotExist

from synergy_wizard.errors import StorageError, SynergyError
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.messages import OpenDossier
from synergy_wizard.tui.screens.dialogs import ErrorDialog
from synergy_wizard.tui.screens.dossiers import short_datetime
from synergy_wizard.tui.screens.home_actions import DossierManagingScreen
from synergy_wizard.tui.screens.home_rows import DossierRows
from synergy_wizard.tui.widgets.footer import WizardFooter

if TYPE_CHECKING:
    from synergy_wizard.answers.storage import DossierEntry, DossierStore
    from synergy_wizard.checklist.models import Checklist
    from synergy_wizard.tui.catalog import Catalog
    from synergy_wizard.tui.screens.new_dossier import NewDossierRequest

# What only serves once the list is read (progress) or a key is pressed (new dossier,
# renaming, the corbeille...) is imported there: the screen shows as soon as possible.

EMPTY_TEXT = (
    "Vous n'avez pas encore de dossier.\n\n"
    "Appuyez sur N pour en créer un : choisissez la check-list qui correspond à votre "
    "projet de synergie, donnez-lui un nom, puis répondez aux questions à votre rythme.\n\n"
    "Chaque réponse est enregistrée dès que vous la donnez : vous pouvez quitter à tout "
    "moment et reprendre plus tard, à la question où vous vous étiez arrêté."
)
LOADING_TEXT = "Chargement de vos dossiers…"


__all__ = ["EMPTY_TEXT", "LOADING_TEXT", "DossierTable", "HomeScreen", "short_datetime"]


class DossierTable(Guarded, DataTable[Text]):
    """The dossiers; Enter opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Ouvrir", id="home.open"),
    ]

    def action_select_cursor(self) -> None:
        screen = self.screen
        if isinstance(screen, HomeScreen):
            screen.ensure_loaded()  # Enter pressed before the list was shown
        if self.row_count:  # nothing to open in an empty list
            super().action_select_cursor()


class HomeScreen(DossierManagingScreen):
    """List the dossiers of the folder; open one or create one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "Nouveau", id="home.new"),
        Binding("r", "rename", "Renommer", id="home.rename"),
        Binding("d", "duplicate", "Dupliquer", id="home.duplicate"),
        Binding("delete", "trash", "Supprimer", id="home.trash"),
        Binding("c", "show_trash", "Corbeille", id="home.show_trash"),
    ]

    def __init__(
        self,
        folder: Path,
        catalog: Catalog,
        *,
        store: Callable[[], DossierStore],
    ) -> None:
        """``store`` gives the dossier folder's store when the list is first read: reading
        dossiers needs the models (pydantic), which the first frame does not wait for."""
        super().__init__(classes="home-screen")
        self.folder = folder
        self._store = store
        self.catalog = catalog
        self.folder_problem: StorageError | None = None
        """Why answers cannot be saved in the dossier folder, found at start (None: they can)."""
        self._entries: dict[str, DossierEntry] = {}
        self._list_error = ""
        self._rows = DossierRows(catalog)
        self._select_next: Path | None = None
        """The dossier to highlight after the next refresh (one just renamed, say)."""
        self.loaded = False
        """Whether the list was read (it is, just after the screen is first shown)."""
        self._painted = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            yield Static("Vos dossiers", classes="screen-title")
            yield Static(id="folder-problem")
            yield DossierTable(id="dossiers", cursor_type="row", zebra_stripes=True)
            yield Static(Content(EMPTY_TEXT), id="empty-state")
            yield Static(id="dossier-detail", classes="muted")
            yield Static(id="folder-line", classes="muted")
        yield WizardFooter()

    @property
    def store(self) -> DossierStore:
        """The dossier folder's store (made when first needed, after the first frame)."""
        return self._store()

    def on_mount(self) -> None:
        self._set_columns(self.query_one(DossierTable))
        self.query_one("#dossier-detail", Static).update(Content(LOADING_TEXT))
        self.query_one("#folder-line", Static).update(
            Content(f"Dossiers rangés dans : {self.folder}")
        )

    def show_folder_problem(self, problem: StorageError | None) -> None:
        """Say why answers could not be saved in the dossier folder (checked at start)."""
        self.folder_problem = problem
        text = f"{problem.message}\n{problem.hint}" if problem is not None else ""
        self.query_one("#folder-problem", Static).update(Content(text))
        self.set_class(problem is not None, "-folder-problem")

    def on_screen_resume(self) -> None:
        if self.loaded:
            self.refresh_list()
        elif self._painted:
            self.call_after_refresh(self._first_load)

    def first_frame_shown(self) -> None:
        """The program's first frame is on the terminal: read the list just after.

        The screen is painted first, without the list, and filled right after: the user sees
        the program at once, and a dossier opened directly does not wait for a list that is
        not shown (it is read when the user comes back to this screen).
        """
        self._painted = True
        self.call_after_refresh(self._first_load)

    def _first_load(self) -> None:
        if not self.loaded and self._seen():  # else read when shown again
            self.refresh_list()

    def _seen(self) -> bool:
        """Whether the user sees this screen: on top, or under dialogs only."""
        stack = self.app.screen_stack
        if self not in stack:
            return False
        above = stack[stack.index(self) + 1 :]
        return all(isinstance(screen, ModalScreen) for screen in above)

    def ensure_loaded(self) -> None:
        """Read the list now if it was not read yet: a key pressed before the list was shown
        (Enter, R, D, Suppr) acts on the list the user expects."""
        if not self.loaded:
            self.refresh_list()

    def _set_columns(self, table: DossierTable) -> None:
        name_width = max(18, self.app.size.width - 58)
        table.add_column("Projet", width=name_width, key="name")
        table.add_column("Check-list", width=18, key="checklist")
        table.add_column("Progression", width=11, key="progress")
        table.add_column("Modifié le", width=16, key="updated")

    def refresh_list(self) -> None:
        """Read the dossier folder again and show what it holds."""
        self.loaded = True
        try:
            entries = self.store.list()
        except SynergyError as error:
            entries = []
            if str(error) != self._list_error:  # not again on closing the dialog
                self.app.push_screen(ErrorDialog.for_error(error))
            self._list_error = str(error)
        else:
            self._list_error = ""
        self._entries = {str(entry.path): entry for entry in entries}

        table = self.query_one(DossierTable)
        previous = self._highlighted_key()
        table.clear(columns=True)
        self._set_columns(table)
        for entry, row in zip(entries, self._rows.rows(entries), strict=True):
            table.add_row(*row, key=str(entry.path))

        self.set_class(not entries, "-empty")
        table.disabled = not entries
        if entries:
            table.focus()
        self.query_one("#folder-line", Static).update(
            Content(f"Dossiers rangés dans : {self.folder}")
        )
        self.refresh_bindings()
        wanted = str(self._select_next) if self._select_next is not None else previous
        self._select_next = None
        if wanted in self._entries:
            table.move_cursor(row=table.get_row_index(wanted), animate=False)
            self._show_detail(self._entries[wanted])
        else:
            self._show_detail(entries[0] if entries else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("rename", "duplicate", "trash") and self.loaded:
            return bool(self._entries) or None  # greyed in the footer while the list is empty
        return True

    def _highlighted_key(self) -> str | None:
        table = self.query_one(DossierTable)
        if not table.row_count:
            return None
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except CellDoesNotExist:
            return None

    def highlighted_entry(self) -> DossierEntry | None:
        """The dossier under the cursor, if any."""
        key = self._highlighted_key()
        return self._entries.get(key) if key is not None else None

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
        if entry is not None:
            self._open(entry.path)  # an unreadable one too: the app offers its newest backup

    def _open(self, path: Path) -> None:
        self.post_message(OpenDossier(path))

    def action_new(self) -> None:
        from synergy_wizard.tui.screens.new_dossier import NewDossierScreen

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

    def palette_commands(self) -> Iterator[SystemCommand]:
        """The commands of this screen offered in the command palette."""
        yield SystemCommand(
            "Nouveau dossier", "Commencer un dossier pour un nouveau projet", self.action_new
        )
        if self.highlighted_entry() is not None:
            yield SystemCommand(
                "Renommer le dossier",
                "Changer le nom du projet sélectionné (le fichier suit)",
                self.action_rename,
            )
            yield SystemCommand(
                "Dupliquer le dossier",
                "Copier le dossier sélectionné pour un projet semblable",
                self.action_duplicate,
            )
            yield SystemCommand(
                "Supprimer le dossier",
                "Mettre le dossier sélectionné à la corbeille (restaurable)",
                self.action_trash,
            )
        yield SystemCommand(
            "Corbeille", "Voir les dossiers supprimés et les restaurer", self.action_show_trash
        )
