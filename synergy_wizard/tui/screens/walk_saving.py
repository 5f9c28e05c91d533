"""When the walk screen writes the dossier, and what it tells the user about it.

Every change is kept in memory at once and written just after the screen shows it (the write
and its ``fsync`` do not delay the key's image). Just after opening, the YAML of every answer
is written in memory on another thread, so that even the first save is quick. The position
(the answer key), so reopening the dossier resumes where the user left it, is saved with the
next change, or within :data:`POSITION_SAVE_DELAY`, and always on leaving. A save that fails
keeps everything due: the next change, or leaving, tries again.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.timer import Timer

from synergy_wizard.answers.recovery import SaveResult
from synergy_wizard.errors import StorageError
from synergy_wizard.tui.notices import save_warnings
from synergy_wizard.tui.screens.dialogs import ErrorDialog
from synergy_wizard.tui.session import DossierSession

POSITION_SAVE_DELAY = 1.0
"""Seconds after a move before the position alone is saved (a change saves it sooner)."""


class WalkSaving:
    """The saves of one walk screen: scheduled after the image, retried, reported."""

    def __init__(self, screen: Screen[None], session: DossierSession) -> None:
        self._screen = screen
        self._session = session
        self._answers_due = False
        """Changes are in memory and not yet on disk (their save is scheduled)."""
        self._position_due = False
        """The position moved since the last save."""
        self._save_scheduled = False
        self._position_timer: Timer | None = None
        self._failing = False
        self._backup_failing = False

    @property
    def due(self) -> bool:
        """Whether something (changes or the position) is not on disk yet."""
        return self._answers_due or self._position_due

    def answers_changed(self) -> None:
        """Changes were made in memory: write them once the screen shows them."""
        self._answers_due = True
        if not self._save_scheduled:
            self._save_scheduled = True
            self._screen.call_after_refresh(self._after_first_image)

    def _after_first_image(self) -> None:
        # The widgets a change redraws tell the screen one after the other: the first image
        # may hold only some of them. Writing now would hold the others back for the time
        # of the write; one more image lets them all reach the terminal first.
        self._screen.call_after_refresh(self._save_due)

    def prepare(self) -> None:
        """Soon after opening, on another thread, make the first save as quick as the next
        ones (see :meth:`.DossierSession.save_preparation`).

        Nothing is written to disk. A failure there is not reported: the save itself does
        the same work and reports any problem.
        """
        work = self._session.save_preparation()
        if work is not None:
            self._screen.run_worker(
                work, thread=True, group="save-preparation", exit_on_error=False
            )

    def position_moved(self, key: str) -> None:
        """The user moved to ``key``: save it soon (with the next change, at the latest)."""
        if self._session.read_only:
            return
        self._session.dossier.position = key
        self._position_due = True
        if self._position_timer is None:
            self._position_timer = self._screen.set_timer(POSITION_SAVE_DELAY, self._save_position)

    def _save_due(self) -> None:
        """The scheduled save of the changes (nothing when they were saved meanwhile)."""
        self._save_scheduled = False
        if self._answers_due:
            self.save()

    def _save_position(self) -> None:
        """The delayed save of the position alone (nothing when it was saved meanwhile)."""
        self._position_timer = None
        if self._position_due:
            self.save()

    def save(self) -> bool:
        """Write the dossier now; False (and the user told) when it failed."""
        if self._session.read_only:
            return True  # nothing to save: the file is never written
        screen = self._screen
        try:
            result = self._session.save()
        except StorageError as error:
            # Still due: the next change or leaving tries again.
            if not self._failing:
                screen.app.push_screen(ErrorDialog.for_error(error))
            else:
                screen.notify(
                    "Toujours impossible d'enregistrer : vos réponses restent en mémoire.",
                    severity="error",
                )
            self._failing = True
            return False
        self._answers_due = self._position_due = False
        if self._failing:
            screen.notify("Enregistrement rétabli : toutes vos réponses sont sur le disque.")
        self._failing = False
        self._tell_about(result)
        return True

    def save_on_close(self) -> None:
        """The screen is closing: write what is still due, without telling anyone."""
        if self._session.read_only or not self.due:
            return
        try:
            self._session.save()
        except StorageError:
            # Too late to tell: the screen is gone. The quit key and the signal handlers
            # save (and report) before this point.
            self._screen.log.error("dossier not saved when the walk screen closed")

    def _tell_about(self, result: SaveResult) -> None:
        """A damaged file kept aside, or a backup that failed: the save went through."""
        kept_aside, backup_failed = save_warnings(result)
        screen = self._screen
        if kept_aside:
            screen.notify(
                kept_aside, title="Fichier abîmé mis de côté", severity="warning", markup=False
            )
        if backup_failed and not self._backup_failing:  # once, until a backup works again
            screen.notify(
                backup_failed, title="Sauvegarde impossible", severity="warning", markup=False
            )
        if result.backup is not None or backup_failed:
            self._backup_failing = bool(backup_failed)
