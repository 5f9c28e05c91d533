"""The application: title, stylesheet, global keys, opening dossiers. Behaviour is in screens."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from textual import events
from textual.binding import Binding, BindingType

from synergy_wizard.errors import DossierError, StorageError, SynergyError
from synergy_wizard.tui.catalog import Catalog
from synergy_wizard.tui.commands import WizardCommandsApp
from synergy_wizard.tui.keys import key_display
from synergy_wizard.tui.messages import OpenDossier
from synergy_wizard.tui.screens.dialogs import ErrorDialog, RecoveryDialog, TooSmallScreen
from synergy_wizard.tui.screens.home import HomeScreen
from synergy_wizard.tui.unexpected import GuardedApp

if TYPE_CHECKING:
    from synergy_wizard.answers.backup import Backup
    from synergy_wizard.answers.recovery import Recovery
    from synergy_wizard.answers.storage import DossierStore
    from synergy_wizard.checklist.models import Checklist
    from synergy_wizard.tui.session import DossierSession, WalkPreferences

# Only the home screen is imported with the application: the walk screen and the dossier
# session (and everything they use) are imported when a dossier is first opened.

MIN_WIDTH = 80
MIN_HEIGHT = 22


FIRST_FRAME_PAUSE = 0.01
"""Seconds left to Textual to write the first frame before the models are imported."""


@runtime_checkable
class SavesOnExit(Protocol):
    """A screen holding changes that must reach the disk before the program ends."""

    def save_before_exit(self) -> bool:
        """Save what is pending. False when it could not be saved."""


class SynergyWizardApp(GuardedApp, WizardCommandsApp):
    """Walk a checklist, one question at a time, saving every answer at once."""

    TITLE = "Assistant synergies"
    SUB_TITLE = "Projets de synergie commune–CPAS"
    CSS_PATH = "wizard.tcss"
    # Help (F1), the French command palette (Ctrl+P), themes and preferences, review,
    # action plan and export come from WizardCommandsApp (commands.py).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (Textual API)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quitter", priority=True, id="app.quit"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(
        self,
        dossiers_dir: Path,
        open_path: Path | None = None,
        *,
        checklists: Sequence[Checklist] | None = None,
    ) -> None:
        super().__init__()
        self.dossiers_dir = dossiers_dir
        self._store: DossierStore | None = None
        self.catalog = Catalog(checklists)
        self._walk_preferences: WalkPreferences | None = None
        self.open_path = open_path
        self._quit_anyway = False
        self._started = False

    def on_mount(self) -> None:
        self.apply_preferences()  # the remembered theme, before the first screen shows
        self._install_signal_handlers()
        self.push_screen(HomeScreen(self.dossiers_dir, self.catalog, store=lambda: self.store))
        if self.open_path is not None:
            self.open_dossier(self.open_path)
        self._started = True
        self._check_size(self.size.width, self.size.height)

    def on_ready(self) -> None:
        """The first frame is drawn. Textual writes it to the terminal on another thread,
        which needs the interpreter while this one waits: leave it a moment before reading
        the dossiers, whose models (pydantic) take the interpreter for about 0.15 s to import.
        Without the pause, the first image reached the terminal only after that import."""
        self.set_timer(FIRST_FRAME_PAUSE, self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Check the dossier folder, clean what an interrupted run left, then let the home
        screen read the dossiers."""
        problem = self._folder_problem()
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_folder_problem(problem)
                screen.first_frame_shown()
        if self.store.removed_temp_files:
            count = len(self.store.removed_temp_files)
            self.notify(
                f"Un enregistrement avait été interrompu ({count} fichier(s) temporaire(s) "
                "supprimé(s)). Vos dossiers contiennent toutes les réponses enregistrées "
                "avant l'interruption.",
                title="Reprise après interruption",
                timeout=15,
            )

    # --- dossiers and errors ------------------------------------------------------------

    @property
    def store(self) -> DossierStore:
        """The dossier folder. Made at its first use, just after the first frame: reading
        and saving dossiers needs the models (pydantic), which the first frame does not."""
        if self._store is None:
            from synergy_wizard.answers import storage

            self._store = storage.DossierStore(self.dossiers_dir)  # removes stale temp files
        return self._store

    @property
    def walk_preferences(self) -> WalkPreferences:
        """Display choices of the walk screen, kept from one dossier to the next."""
        if self._walk_preferences is None:
            from synergy_wizard.tui.session import WalkPreferences

            self._walk_preferences = WalkPreferences(
                show_guidance=self.preferences.show_guidance  # remembered from the last run
            )
        return self._walk_preferences

    def _folder_problem(self) -> StorageError | None:
        """Why answers could not be saved in the dossier folder, checked for real at start.

        A folder not made yet is no problem: it is created with the first dossier.
        """
        if not self.store.folder.exists() and not self.store.folder.is_symlink():
            return None
        return self.store.check_writable()

    def open_dossier(self, path: Path) -> None:
        """Open the dossier at ``path`` on the walk screen, or explain why it cannot be.

        A damaged file is never opened nor changed: the newest good backup is offered.
        """
        from synergy_wizard.answers.recovery import find_recovery
        from synergy_wizard.tui.session import open_session

        try:
            session = open_session(path, self.catalog)
        except DossierError as error:
            self._offer_recovery(find_recovery(path, error))
            return
        except SynergyError as error:
            self.show_error(error)
            return
        self._walk(session)

    def _walk(self, session: DossierSession) -> None:
        from synergy_wizard.tui.screens.walk import WalkScreen

        self.push_screen(WalkScreen(session, preferences=self.walk_preferences))

    def _offer_recovery(self, recovery: Recovery) -> None:
        backup = recovery.backup
        if backup is None:
            self.push_screen(ErrorDialog(recovery.title, recovery.message()))
            return

        def chosen(restore: bool | None) -> None:
            if restore:
                self._restore(recovery.path, backup)

        self.push_screen(RecoveryDialog(recovery), chosen)

    def _restore(self, path: Path, backup: Backup) -> None:
        """Put ``backup`` back (the damaged file kept aside), then open the dossier."""
        from synergy_wizard.tui.session import open_session

        try:
            session = open_session(path, self.catalog, restore=backup)
        except SynergyError as error:
            self.show_error(error)
            return
        message = f"La sauvegarde du {backup.label} est restaurée."
        restored = session.restored
        if restored is not None and restored.kept_aside is not None:
            message += f"\nLe fichier abîmé est gardé à côté : {restored.kept_aside.name}"
        self.notify(message, title="Dossier restauré", timeout=15, markup=False)
        self._walk(session)

    def on_open_dossier(self, message: OpenDossier) -> None:
        self.open_dossier(message.path)

    def show_error(self, error: SynergyError) -> None:
        """Show a runtime failure in the error dialog (never a traceback)."""
        self.push_screen(ErrorDialog.for_error(error))

    # --- size ---------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self._started:  # before on_mount, the screens are not there yet
            self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        notices = [s for s in self.screen_stack if isinstance(s, TooSmallScreen)]
        if too_small and not notices:
            self.push_screen(TooSmallScreen(MIN_WIDTH, MIN_HEIGHT))
        elif too_small:
            notices[-1].update_size(width, height)
        elif notices and self.screen is notices[-1]:
            self.pop_screen()

    # --- quitting -----------------------------------------------------------------------

    def save_pending(self) -> bool:
        """Save what every open screen still holds. False if something could not be saved."""
        saved = True
        for screen in self.screen_stack:
            if isinstance(screen, SavesOnExit):
                saved = screen.save_before_exit() and saved
        return saved

    async def action_quit(self) -> None:
        """Quit; everything is already on disk (pending typing is saved first)."""
        if self.save_pending() or self._quit_anyway:
            self.exit()
            return
        self._quit_anyway = True
        self.push_screen(
            ErrorDialog(
                "Réponses non enregistrées",
                "Vos dernières modifications n'ont pas pu être enregistrées sur le disque.\n"
                "Corrigez le problème (place disque, droits sur le dossier) puis modifiez une "
                "réponse pour réessayer, ou appuyez de nouveau sur Ctrl+Q pour quitter quand "
                "même : ces dernières modifications seront alors perdues.",
            )
        )

    def action_help_quit(self) -> None:
        self.notify("Appuyez sur Ctrl+Q pour quitter.", title="Quitter ?")

    # --- unexpected errors (see unexpected.py) ----------------------------------------------

    def crash_log_folder(self) -> Path:
        return self.dossiers_dir

    def _install_signal_handlers(self) -> None:
        """Closing the terminal (SIGHUP) or SIGTERM: save what is pending, then exit."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(signum, self._terminate)

    def _terminate(self) -> None:
        self.save_pending()
        self.exit(return_code=0)

    def get_key_display(self, binding: Binding) -> str:
        return binding.key_display or key_display(binding.key)
