"""Help (F1): what the wizard is for, the keys of the screen it was called from, where files are.

The keys are read from that screen's active bindings when F1 is pressed, so the list always
matches what the keys really do there; nothing is written by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.widgets.footer import WizardFooter

__all__ = ["HelpKey", "HelpScreen", "help_keys"]

PURPOSE = (
    "L'assistant aide le directeur général ou la directrice générale d'un CPAS à préparer "
    "un projet de synergie avec la commune ou avec d'autres CPAS. Choisissez une check-list, "
    "répondez aux questions à votre rythme (chaque réponse est enregistrée aussitôt), notez "
    "qui suit chaque point et pour quand, relisez le tout, puis exportez le dossier à "
    "présenter au comité de concertation."
)

BUILTIN_DESCRIPTIONS: dict[str, str] = {
    "app.focus_next": "Aller à la zone suivante",
    "app.focus_previous": "Revenir à la zone précédente",
}
"""French descriptions of the few Textual bindings worth listing (theirs are in English)."""

SCREEN_NAMES: dict[str, str] = {
    "HomeScreen": "Vos dossiers",
    "WalkScreen": "Questions",
    "SummaryScreen": "Résumé",
    "ReviewScreen": "Revue du dossier",
    "ActionPlanScreen": "Plan d'action",
    "TrashScreen": "Corbeille",
}


@dataclass(frozen=True)
class HelpKey:
    """One line of the key table: the key(s), what they do, whether they work right now."""

    keys: str
    description: str
    enabled: bool


def help_keys(app: App[object], bindings: Mapping[str, ActiveBinding]) -> list[HelpKey]:
    """The keys of a screen from its active bindings: the wizard's own, plus Tab.

    Keys doing the same thing are shown together (« F1 ou Ctrl+G »).
    """
    merged: dict[tuple[str, str], list[tuple[Binding, bool]]] = {}
    for active in bindings.values():
        binding = active.binding
        if binding.system:
            continue
        if binding.id is not None:
            description = binding.description
        else:
            description = BUILTIN_DESCRIPTIONS.get(binding.action, "")
        if not description:
            continue
        merged.setdefault((binding.action, description), []).append((binding, active.enabled))
    lines = []
    for (_, description), found in merged.items():
        keys = " ou ".join(app.get_key_display(binding) for binding, _ in found)
        lines.append(HelpKey(keys, description, any(enabled for _, enabled in found)))
    return lines


class HelpScreen(Guarded, Screen[None]):
    """The help of the screen it was called from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1", "close", "Fermer", id="help.close"),
    ]

    def __init__(
        self,
        screen_name: str,
        keys: Sequence[HelpKey],
        places: Sequence[tuple[str, Path]],
    ) -> None:
        super().__init__(classes="help-screen")
        self.screen_name = screen_name
        self.keys = list(keys)
        self.places = list(places)
        self.sub_title = "Aide"

    @classmethod
    def for_screen(cls, screen: Screen[object], places: Sequence[tuple[str, Path]]) -> HelpScreen:
        """The help of ``screen``, its keys read now from its active bindings."""
        name = SCREEN_NAMES.get(type(screen).__name__, "cet écran")
        return cls(name, help_keys(screen.app, screen.active_bindings), places)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Static("À quoi sert l'assistant", classes="help-title")
            yield Static(Content(PURPOSE), classes="help-text")
            yield Static(
                Content(f"Touches de l'écran « {self.screen_name} »"), classes="help-title"
            )
            yield DataTable[Text](id="help-keys", show_cursor=False, zebra_stripes=True)
            yield Static("Où sont vos fichiers", classes="help-title")
            yield Static(
                Content("\n".join(f"{label} : {path}" for label, path in self.places)),
                id="help-places",
                classes="help-text",
            )
        yield WizardFooter()

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#help-keys", DataTable)
        table.add_column("Touche", width=16, key="key")
        table.add_column("Action", key="description")
        for line in self.keys:
            style = "" if line.enabled else "dim"
            description = line.description + ("" if line.enabled else " (indisponible ici)")
            table.add_row(Text(line.keys, style=f"bold {style}".strip()), Text(description, style))
        self.query_one("#help-body", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
