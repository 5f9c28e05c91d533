"""Renaming, duplicating and trashing dossiers from the home screen, and the corbeille.

The screen that lists the dossiers (:class:`.home.HomeScreen`) inherits these actions; it
gives them the dossier under the cursor and refreshes its list afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from synergy_wizard.errors import DossierError, SynergyError
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.screens.dialogs import ConfirmDialog, ErrorDialog

if TYPE_CHECKING:
    from synergy_wizard.answers.storage import DossierEntry, DossierStore

__all__ = ["DossierManagingScreen"]


class DossierManagingScreen(Guarded, Screen[None]):
    """A screen listing dossiers, with the actions that manage the highlighted one."""

    _select_next: Path | None = None
    """The dossier to highlight after the next refresh (one just renamed, say)."""

    @property
    def store(self) -> DossierStore:
        """The dossier folder."""
        raise NotImplementedError

    def ensure_loaded(self) -> None:
        """Read the list now if it was not read yet."""
        raise NotImplementedError

    def highlighted_entry(self) -> DossierEntry | None:
        """The dossier under the cursor, if any."""
        raise NotImplementedError

    def refresh_list(self) -> None:
        """Read the dossier folder again and show what it holds."""
        raise NotImplementedError

    def _readable_highlighted(self, what: str) -> DossierEntry | None:
        self.ensure_loaded()
        entry = self.highlighted_entry()
        if entry is None:
            self.notify("Aucun dossier n'est sélectionné.", severity="warning")
            return None
        if entry.error:
            self.app.push_screen(
                ErrorDialog(
                    DossierError.title,
                    f"Le fichier {entry.path.name} est illisible : impossible de le {what}.\n"
                    f"{entry.error}\n\nVous pouvez le mettre à la corbeille (touche Suppr).",
                )
            )
            return None
        return entry

    def action_rename(self) -> None:
        from synergy_wizard.answers.management import rename_dossier
        from synergy_wizard.tui.screens.dossiers import NameDialog

        entry = self._readable_highlighted("renommer")
        if entry is None:
            return
        dialog = NameDialog(
            "Renommer le dossier",
            "Le nom du fichier suit le nouveau nom du projet.",
            entry.name,
            "Renommer",
        )

        def renamed(name: str | None) -> None:
            if name is None or name == entry.name:
                return
            try:
                path = rename_dossier(self.store, entry.path, name)
            except SynergyError as error:
                self.app.push_screen(ErrorDialog.for_error(error))
                return
            self._select_next = path
            self.refresh_list()
            self.notify(f"Dossier renommé « {name} » :\n{path}", title="Renommé", markup=False)

        self.app.push_screen(dialog, renamed)

    def action_duplicate(self) -> None:
        from synergy_wizard.answers.management import duplicate_dossier
        from synergy_wizard.tui.screens.dossiers import NameDialog

        entry = self._readable_highlighted("dupliquer")
        if entry is None:
            return
        dialog = NameDialog(
            "Dupliquer le dossier",
            "La copie reprend les réponses, les notes et le suivi ; "
            "donnez-lui le nom du nouveau projet.",
            f"{entry.name} (copie)",
            "Dupliquer",
        )

        def duplicated(name: str | None) -> None:
            if name is None:
                return
            try:
                path = duplicate_dossier(self.store, entry.path, name)
            except SynergyError as error:
                self.app.push_screen(ErrorDialog.for_error(error))
                return
            self._select_next = path
            self.refresh_list()
            self.notify(f"Copie créée « {name} » :\n{path}", title="Dupliqué", markup=False)

        self.app.push_screen(dialog, duplicated)

    def action_trash(self) -> None:
        from synergy_wizard.answers.management import trash_dossier

        self.ensure_loaded()
        entry = self.highlighted_entry()
        if entry is None:
            self.notify("Aucun dossier n'est sélectionné.", severity="warning")
            return
        dialog = ConfirmDialog(
            "Supprimer le dossier ?",
            f"« {entry.name} » ({entry.path.name}) sera placé dans la corbeille.\n\n"
            "Rien n'est effacé : vous pourrez le restaurer à tout moment depuis la "
            "corbeille (touche C sur cet écran).",
            "Mettre à la corbeille",
        )

        def confirmed(go: bool | None) -> None:
            if not go:
                return
            try:
                trash_dossier(self.store, entry.path)
            except SynergyError as error:
                self.app.push_screen(ErrorDialog.for_error(error))
                return
            self.refresh_list()
            self.notify(
                f"« {entry.name} » est dans la corbeille (touche C pour le restaurer).",
                title="Dossier supprimé",
                markup=False,
            )

        self.app.push_screen(dialog, confirmed)

    def action_show_trash(self) -> None:
        from synergy_wizard.tui.screens.dossiers import TrashScreen

        self.app.push_screen(TrashScreen(self.store))
