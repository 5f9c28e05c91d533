"""Preferences: the theme (with a high-contrast one) and opening exported files, remembered.

Moving through the themes shows each one at once; Enter keeps the highlighted theme and
saves the choice, Esc goes back to the theme in use before.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, OptionList, Static
from textual.widgets.option_list import Option

from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.settings import THEME_LABELS, PreferencesHolder, preferences_path
from synergy_wizard.tui.widgets.footer import WizardFooter

__all__ = ["SettingsScreen"]


class SettingsScreen(Guarded, ModalScreen[bool]):
    """Choose the theme; dismissed with True when the choice was kept."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuler", id="settings.cancel"),
        Binding("ctrl+s", "keep", "Enregistrer", id="settings.keep"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")
        self._names = list(THEME_LABELS)
        self._original = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="settings-dialog", classes="dialog"):
            yield Static("Préférences", classes="dialog-title")
            yield Static("Thème (l'écran change dès que vous vous déplacez)", classes="field-label")
            yield OptionList(
                *(Option(Content(THEME_LABELS[name]), id=name) for name in self._names),
                id="themes",
                markup=False,
            )
            yield Checkbox(
                "Ouvrir les fichiers exportés avec le programme habituel",
                id="open-after-export",
                compact=True,
            )
            yield Static(
                Content(f"Préférences enregistrées dans : {preferences_path()}"), classes="muted"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Enregistrer", id="keep", variant="primary", compact=True)
                yield Button("Annuler", id="cancel", compact=True)
        yield WizardFooter()

    def on_mount(self) -> None:
        self._original = self.app.theme
        themes = self.query_one("#themes", OptionList)
        if self._original in self._names:
            themes.highlighted = self._names.index(self._original)
        else:
            themes.highlighted = 0
        app = self.app
        if isinstance(app, PreferencesHolder):
            self.query_one("#open-after-export", Checkbox).value = app.preferences.open_after_export
        themes.focus()

    @on(OptionList.OptionHighlighted, "#themes")
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.app.theme = event.option.id

    @on(OptionList.OptionSelected, "#themes")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_keep()

    @on(Button.Pressed, "#keep")
    def _keep_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_keep()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_keep(self) -> None:
        index = self.query_one("#themes", OptionList).highlighted
        theme = self._names[index] if index is not None else self.app.theme
        self.app.theme = theme
        app = self.app
        if isinstance(app, PreferencesHolder):
            app.remember(
                theme=theme,
                open_after_export=self.query_one("#open-after-export", Checkbox).value,
            )
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.app.theme = self._original
        self.dismiss(False)
