"""The wizard's less frequent commands: help, preferences and themes, review, action plan, export.

:class:`WizardCommandsApp` is the base of the application. It holds the app-wide keys (F1 for
help, Ctrl+P for the command palette, F2 to F4 for the review, the action plan and the
export), the French command palette (only the wizard's own commands; Textual's English ones
are left out), the remembered preferences and the way back from the review to a question.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Hit, Hits
from textual.screen import Screen
from textual.system_commands import SystemCommandsProvider

from synergy_wizard.errors import StorageError
from synergy_wizard.tui.crash import CRASH_LOG_NAME
from synergy_wizard.tui.messages import JumpToQuestion
from synergy_wizard.tui.settings import (
    THEME_LABELS,
    WIZARD_THEMES,
    Preferences,
    load_preferences,
    preferences_path,
    save_preferences,
)

if TYPE_CHECKING:
    from synergy_wizard.answers.storage import DossierStore
    from synergy_wizard.tui.screens.walk import WalkScreen
    from synergy_wizard.tui.session import DossierSession

# The screens opened from here, and what they show, are imported when first opened: the
# wizard then starts with only what its first screen needs.

__all__ = ["PALETTE_PLACEHOLDER", "HasPaletteCommands", "WizardCommands", "WizardCommandsApp"]

PALETTE_PLACEHOLDER = "Rechercher une commande…"
NO_MATCH = "Aucune commande ne correspond"
NO_DOSSIER = "Ouvrez d'abord un dossier (Entrée sur la liste de vos dossiers)."


@runtime_checkable
class HasPaletteCommands(Protocol):
    """A screen offering commands of its own in the palette."""

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The commands of the screen, for the moment it is in."""


def _nothing() -> None:
    """The « no match » line of the palette does nothing when chosen."""


class WizardCommands(SystemCommandsProvider):
    """The wizard's commands in the palette, searched in French; never an English line."""

    async def search(self, query: str) -> Hits:
        found = False
        async for hit in super().search(query):
            found = True
            yield hit
        if not found and query.strip():
            yield Hit(0.001, NO_MATCH, _nothing, text=NO_MATCH)


class WizardCommandsApp(App[None], inherit_bindings=False):
    """The application's commands, keys and preferences (the app itself is in ``app.py``)."""

    ENABLE_COMMAND_PALETTE: ClassVar[bool] = True
    COMMANDS: ClassVar[set[Any]] = {WizardCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Aide", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commandes", show=False, id="app.commands"),
        Binding("f2", "review", "Revue du dossier", show=False, id="app.review"),
        Binding("f3", "action_plan", "Plan d'action", show=False, id="app.action_plan"),
        Binding("f4", "export_dossier", "Exporter le dossier", show=False, id="app.export"),
    ]

    preferences: Preferences = Preferences()

    @property
    def store(self) -> DossierStore:
        """The dossier folder (the application makes it)."""
        raise NotImplementedError

    # --- preferences and themes -----------------------------------------------------------

    def apply_preferences(self) -> None:
        """Register the wizard's themes and put back the remembered preferences."""
        for theme in WIZARD_THEMES:
            self.register_theme(theme)
        self.preferences = load_preferences()
        if self.preferences.theme in self.available_themes:
            self.theme = self.preferences.theme

    def remember(
        self,
        *,
        theme: str | None = None,
        open_after_export: bool | None = None,
        show_guidance: bool | None = None,
    ) -> None:
        """Change some preferences and save them; a failure to save is only reported."""
        current = self.preferences
        updated = Preferences(
            theme=current.theme if theme is None else theme,
            open_after_export=(
                current.open_after_export if open_after_export is None else open_after_export
            ),
            show_guidance=current.show_guidance if show_guidance is None else show_guidance,
        )
        if updated == self.preferences:
            return
        self.preferences = updated
        try:
            save_preferences(updated)
        except StorageError as error:
            self.notify(
                f"Préférence appliquée, mais non retenue pour la prochaine fois : {error}",
                severity="warning",
                markup=False,
            )

    def choose_theme(self, name: str) -> None:
        """Use the theme ``name`` from now on, and remember it."""
        self.theme = name
        self.remember(theme=name)

    def action_settings(self) -> None:
        from synergy_wizard.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen())

    # --- the command palette --------------------------------------------------------------

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(placeholder=PALETTE_PLACEHOLDER, id="--command-palette")
            )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Only the wizard's commands, in French (Textual's own are not offered)."""
        if isinstance(screen, HasPaletteCommands):
            yield from screen.palette_commands()
        if self.dossier_session() is not None:
            yield SystemCommand(
                "Revue du dossier",
                "Relire chaque réponse avant l'export : ouvertes, masquées, orphelines (F2)",
                self.action_review,
            )
            yield SystemCommand(
                "Plan d'action",
                "Les points à suivre, avec responsable, échéance et priorité (F3)",
                self.action_action_plan,
            )
            yield SystemCommand(
                "Exporter le dossier",
                "En HTML, Markdown, PDF ou Word, à côté du fichier du dossier (F4)",
                self.action_export_dossier,
            )
        yield SystemCommand(
            "Aide", "À quoi sert l'assistant, les touches de cet écran (F1)", self.action_help
        )
        yield SystemCommand(
            "Préférences et thème",
            "Les couleurs (dont un contraste élevé), retenues d'une fois à l'autre",
            self.action_settings,
        )
        yield from self._theme_commands()
        yield SystemCommand("Quitter", "Fermer l'assistant ; tout est enregistré", self.action_quit)

    def _theme_commands(self) -> Iterator[SystemCommand]:
        for name, label in THEME_LABELS.items():
            if name in self.available_themes:
                yield SystemCommand(
                    f"Thème : {label}",
                    "Utiliser ces couleurs à partir de maintenant",
                    partial(self.choose_theme, name),
                    discover=False,
                )

    # --- help -------------------------------------------------------------------------------

    def action_help(self) -> None:
        from synergy_wizard.answers.management import trash_folder
        from synergy_wizard.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        folder = self.store.folder
        places: list[tuple[str, Path]] = [
            ("Vos dossiers", folder),
            ("Les exports (à côté de chaque dossier)", folder),
            ("La corbeille", trash_folder(self.store)),
            ("Vos préférences", preferences_path()),
            ("Le journal des erreurs (sans vos réponses)", folder / CRASH_LOG_NAME),
        ]
        self.push_screen(HelpScreen.for_screen(self.screen, places))

    # --- the open dossier -------------------------------------------------------------------

    def dossier_session(self) -> DossierSession | None:
        """The dossier open in the topmost screen that shows one, if any."""
        from synergy_wizard.tui.session import DossierSession

        for screen in reversed(self.screen_stack):
            session = getattr(screen, "session", None)
            if isinstance(session, DossierSession):
                return session
        return None

    def save_pending(self) -> bool:
        """Save what the screens still hold (the app overrides this)."""
        return True

    def _session_or_notice(self) -> DossierSession | None:
        session = self.dossier_session()
        if session is None:
            self.notify(NO_DOSSIER, severity="warning")
            return None
        self.save_pending()  # typing not yet saved is part of what is reviewed or exported
        return session

    def action_review(self) -> None:
        from synergy_wizard.tui.screens.review import ReviewScreen

        if isinstance(self.screen, ReviewScreen):
            return
        session = self._session_or_notice()
        if session is not None:
            self.push_screen(ReviewScreen(session))

    def action_action_plan(self) -> None:
        from synergy_wizard.tui.screens.action_plan import ActionPlanScreen

        if isinstance(self.screen, ActionPlanScreen):
            return
        session = self._session_or_notice()
        if session is not None:
            self.push_screen(ActionPlanScreen(session))

    def action_export_dossier(self) -> None:
        session = self._session_or_notice()
        if session is not None:
            from synergy_wizard.tui.screens.export import ExportScreen

            self.push_screen(ExportScreen(session, open_after=self.preferences.open_after_export))

    async def on_jump_to_question(self, message: JumpToQuestion) -> None:
        """Bring the walk screen of the dossier back to the top, on the question ``key``."""
        from synergy_wizard.tui.screens.walk import WalkScreen

        walk = next(
            (
                screen
                for screen in reversed(self.screen_stack)
                if isinstance(screen, WalkScreen) and screen.session.path == message.path
            ),
            None,
        )
        if walk is None:
            self.notify(NO_DOSSIER, severity="warning")
            return
        if self.screen is not walk:
            walk.pop_until_active()
        self.call_later(self._move_walk, walk, message.key)

    async def _move_walk(self, walk: WalkScreen, key: str) -> None:
        await walk.go_to_key(key)
