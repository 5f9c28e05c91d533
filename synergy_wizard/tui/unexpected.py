"""The application's side of unexpected errors (see :mod:`.guard`): log, save, dialog."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rich.text import Text
from textual.actions import ActionParseResult
from textual.app import App
from textual.dom import DOMNode
from textual.worker import WorkerFailed

from synergy_wizard.tui.crash import write_crash_log
from synergy_wizard.tui.guard import Guarded, catching_errors
from synergy_wizard.tui.screens.dialogs import ErrorDialog

MAX_CAUGHT_ERRORS = 5
"""Beyond this many unexpected errors in one session, the program stops (saved, logged):
something is badly broken and going on would only repeat the dialog."""

UNEXPECTED_TITLE = "Erreur inattendue"


def unexpected_error_message(log: Path | None, saved: bool) -> str:
    """What the error dialog says: what happened, the answers, what to do, where the log is."""
    lines = ["Une erreur inattendue du programme a interrompu l'opération en cours."]
    if saved:
        lines.append("Vos réponses sont enregistrées : vous pouvez continuer à travailler.")
    else:
        lines.append(
            "Vos dernières réponses n'ont pas pu être enregistrées sur le disque : elles "
            "restent en mémoire et seront enregistrées à la prochaine modification."
        )
    lines.append("Si l'erreur se reproduit, quittez (Ctrl+Q) puis relancez synergy-wizard.")
    if log is not None:
        lines.append(f"Détails techniques, sans vos réponses : {log}")
    return "\n".join(lines)


class GuardedApp(Guarded, App[None]):
    """The application's side: unexpected errors shown in a dialog, the program going on;
    an error it cannot survive ends it cleanly, with a French message and no traceback."""

    _crashed = False
    _crash_log: Path | None = None
    _caught_errors = 0

    def crash_log_folder(self) -> Path:
        """Where the error log is written (beside the dossiers)."""
        raise NotImplementedError

    def save_pending(self) -> bool:
        """Save what every open screen still holds. False if something could not be saved."""
        raise NotImplementedError

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key binding and command goes through here: an error stops that action only."""
        if not catching_errors():
            return await super().run_action(action, default_namespace, namespaces)
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            self.report_unexpected_error(error)
            return True

    def report_unexpected_error(self, error: Exception) -> None:
        """Log ``error`` (no answer text), save what is pending, and say so in a dialog."""
        self._caught_errors += 1
        if self._crashed or self._caught_errors > MAX_CAUGHT_ERRORS:
            self._handle_exception(error)
            return
        log = write_crash_log(self.crash_log_folder(), error)
        saved = self._save_after_error()
        self.bell()
        try:
            self.push_screen(ErrorDialog(UNEXPECTED_TITLE, unexpected_error_message(log, saved)))
        except Exception as dialog_error:  # not even a dialog: stop cleanly
            self._handle_exception(dialog_error)

    def _save_after_error(self) -> bool:
        try:
            return self.save_pending()
        except Exception as save_error:  # the screens may be half-built by now
            write_crash_log(self.crash_log_folder(), save_error)
            return False

    def _handle_exception(self, error: Exception) -> None:
        """Textual's funnel for errors not caught where they started; it ends the app.

        A failed background task (worker) leaves everything else working: it is reported like
        a caught error. Otherwise save what can still be saved and log the error without any
        answer text; Textual then closes the app, and :meth:`_fatal_error` prints a French
        message instead of its traceback (whose local variables could show the answers).
        """
        if isinstance(error, WorkerFailed) and catching_errors() and not self._crashed:
            cause = error.error
            self.report_unexpected_error(cause if isinstance(cause, Exception) else error)
            return
        if not self._crashed:
            self._crashed = True
            self._crash_log = write_crash_log(self.crash_log_folder(), error)
            self._save_after_error()
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        self.bell()
        message = (
            "L'assistant s'est arrêté à cause d'une erreur inattendue.\n"
            "Les réponses déjà données sont enregistrées ; relancez synergy-wizard pour "
            "reprendre là où vous étiez."
        )
        if self._crash_log is not None:
            message += f"\nDétails techniques, sans vos réponses : {self._crash_log}"
        self._exit_renderables.append(Text(message))
        self._close_messages_no_wait()
