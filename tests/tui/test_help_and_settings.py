"""Help (F1), the French command palette, and themes remembered from one run to the next."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable
from tui_helpers import make_dossier, run

from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.commands import NO_MATCH, PALETTE_PLACEHOLDER
from synergy_wizard.tui.screens.help import HelpScreen
from synergy_wizard.tui.screens.home import HomeScreen
from synergy_wizard.tui.screens.settings import SettingsScreen
from synergy_wizard.tui.settings import (
    DEFAULT_THEME,
    Preferences,
    load_preferences,
    preferences_path,
    save_preferences,
)


def help_lines(screen: Screen[object]) -> dict[str, str]:
    table = screen.query_one("#help-keys", DataTable)
    return {
        str(row[1]): str(row[0]) for row in (table.get_row_at(i) for i in range(table.row_count))
    }


def own_bindings(screen: Screen[object]) -> dict[str, str]:
    """The wizard's bindings active on ``screen`` (description -> key)."""
    return {
        active.binding.description: key
        for key, active in screen.active_bindings.items()
        if active.binding.id is not None and not active.binding.system
    }


async def open_help(pilot: Pilot[None]) -> tuple[Screen[object], HelpScreen]:
    calling = pilot.app.screen
    expected = own_bindings(calling)
    await pilot.press("f1")
    help_screen = pilot.app.screen
    assert isinstance(help_screen, HelpScreen)
    shown = help_lines(help_screen)
    for description in expected:
        assert any(line.startswith(description) for line in shown), description
    return calling, help_screen


def test_help_lists_the_keys_of_the_current_screen(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, answers={"probleme-resolu": "non"})

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            _, help_screen = await open_help(pilot)
            home_help = help_lines(help_screen)
            assert home_help["Renommer"] == "R"
            assert home_help["Supprimer"] == "Suppr"
            assert home_help["Aide"] == "F1"
            assert home_help["Commandes"] == "Ctrl+P"
            places = str(help_screen.query_one("#help-places").render())
            assert f"Vos dossiers : {dossiers_dir}" in places
            assert str(preferences_path()) in places
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)

            await pilot.press("enter", "f3")  # open the dossier, then its action plan
            await pilot.pause()
            _, help_screen = await open_help(pilot)
            plan_help = help_lines(help_screen)
            assert "Trier par priorité" in plan_help
            assert "Renommer" not in plan_help
            await pilot.press("f1")  # F1 closes the help too
            assert not isinstance(app.screen, HelpScreen)
        assert path.is_file()

    run(scenario)


def test_the_palette_is_french_only(app_factory: Callable[..., SynergyWizardApp]) -> None:
    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            titles = [command.title for command in app.get_system_commands(app.screen)]
            assert "Corbeille" in titles
            assert "Préférences et thème" in titles
            assert not {"Keys", "Quit", "Theme", "Screenshot", "Maximize"} & set(titles)
            await pilot.press("ctrl+p")
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            assert palette.query_one(CommandInput).placeholder == PALETTE_PLACEHOLDER
            await pilot.press(*"xyzzy")
            await pilot.pause(0.3)
            options = palette.query_one("CommandList")
            assert NO_MATCH in str(options.get_option_at_index(0).prompt)

    run(scenario)


def test_the_theme_chosen_is_remembered_across_runs(
    app_factory: Callable[..., SynergyWizardApp],
) -> None:
    async def choose() -> str:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.theme == DEFAULT_THEME
            await pilot.press("ctrl+p", *"préférences", "enter")
            await pilot.pause()
            assert isinstance(app.screen, SettingsScreen)
            await pilot.press("down", "down")  # « Contraste élevé, fond noir », shown at once
            assert app.theme == "contraste-eleve"
            await pilot.press("enter")
            assert isinstance(app.screen, HomeScreen)
            return app.theme

    async def reopen() -> str:
        app = app_factory()
        async with app.run_test(size=(80, 24)):
            return app.theme

    assert run(choose) == "contraste-eleve"
    assert json.loads(preferences_path().read_text(encoding="utf-8"))["theme"] == "contraste-eleve"
    assert run(reopen) == "contraste-eleve"


def test_a_theme_from_the_palette_is_remembered_and_cancel_restores(
    app_factory: Callable[..., SynergyWizardApp],
) -> None:
    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+p", *"fond blanc")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.theme == "contraste-eleve-clair"
            assert load_preferences().theme == "contraste-eleve-clair"

            await pilot.press("ctrl+p", *"préférences", "enter")
            await pilot.pause()
            await pilot.press("up")
            assert app.theme != "contraste-eleve-clair"
            await pilot.press("escape")  # nothing kept
            assert app.theme == "contraste-eleve-clair"
            assert load_preferences().theme == "contraste-eleve-clair"

    run(scenario)


def test_damaged_or_unknown_preferences_give_the_defaults() -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff{not json")
    assert load_preferences() == Preferences()
    path.write_text('{"theme": "inconnu", "open_after_export": "oui"}', encoding="utf-8")
    assert load_preferences() == Preferences()
    save_preferences(Preferences(theme="nord", open_after_export=True))
    assert load_preferences() == Preferences(theme="nord", open_after_export=True)
    assert path.stat().st_mode & 0o077 == 0  # user-only, like the dossiers
