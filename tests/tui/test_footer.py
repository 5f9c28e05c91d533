"""The footer: one line when its keys fit, two otherwise, and never a key cut off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets._footer import FooterKey
from tui_helpers import make_dossier, run

from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.footer import WizardFooter

WIZARD_CSS = Path(__file__).resolve().parents[2] / "synergy_wizard" / "tui" / "wizard.tcss"


def shown_keys(screen: Screen[object]) -> list[str]:
    """« Esc Retour » for each key of the screen's footer, in order."""
    footer = screen.query_one(WizardFooter)
    return [f"{key.key_display} {key.description}" for key in footer.query(FooterKey)]


def assert_every_key_visible(screen: Screen[object]) -> int:
    """Check no key of the footer is cut or hidden; return the footer's number of lines."""
    footer = screen.query_one(WizardFooter)
    assert footer.scroll_x == 0
    area = footer.region
    for key in footer.query(FooterKey):
        assert key.region.width == key.outer_size.width > 0, key.description
        assert area.contains_region(key.region), (key.description, key.region, area)
    return area.height


def _keys_app(descriptions: list[str], css: str = "") -> App[None]:
    """An app whose screen shows one footer key per description (keys a, b, c...)."""

    class KeysScreen(Screen[None]):
        BINDINGS: ClassVar[list[BindingType]] = [
            Binding(chr(ord("a") + n), f"key_{n}", text) for n, text in enumerate(descriptions)
        ]

        def compose(self) -> ComposeResult:
            yield WizardFooter()

    class KeysApp(App[None]):
        CSS_PATH = WIZARD_CSS
        CSS = css

        def on_mount(self) -> None:
            self.push_screen(KeysScreen())

    return KeysApp()


def _footer_lines(app: App[None]) -> int:
    async def scenario() -> int:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return assert_every_key_visible(app.screen)

    return run(scenario)


# Five keys « A xxxxxxxxxx » (12 columns each, and a space after) take 65 columns: a sixth key
# of 15 columns (« F » and 13 letters) exactly fills the 80 columns.
FIVE = ["x" * 10, "y" * 10, "z" * 10, "w" * 10, "v" * 10]


@pytest.mark.parametrize(("last", "lines"), [(12, 1), (13, 1), (14, 2), (30, 2)])
def test_the_footer_wraps_exactly_when_its_keys_no_longer_fit(last: int, lines: int) -> None:
    assert _footer_lines(_keys_app([*FIVE, "u" * last])) == lines


def test_the_padding_of_the_keys_is_counted() -> None:
    """Keys that fit without their padding but not with it take two lines, none cut off."""
    padded = "WizardFooter FooterKey { padding: 0 1; }"
    assert _footer_lines(_keys_app([*FIVE, "u" * 3])) == 1
    assert _footer_lines(_keys_app([*FIVE, "u" * 3], padded)) == 2


def test_every_screen_shows_all_its_keys_at_80_columns(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    make_dossier(dossiers_dir, mini_checklist, answers={"probleme-resolu": "non"})

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            seen: dict[str, list[str]] = {}

            async def look(*keys: str) -> None:
                await pilot.press(*keys)
                await pilot.pause()
                assert_every_key_visible(app.screen)
                seen[type(app.screen).__name__] = shown_keys(app.screen)

            await look()  # home
            await look("enter")  # the walk
            assert isinstance(app.screen, WalkScreen)
            await look("ctrl+r")  # the summary
            await look("escape", "f2")  # the review
            await look("escape", "f3")  # the action plan
            await look("escape", "f1")  # the help
            await look("escape", "escape")  # home again
        assert "Entrée Ouvrir" in seen["HomeScreen"]
        assert "F2 Revue" in seen["WalkScreen"]
        assert "Entrée Ouvrir" in seen["SummaryScreen"]
        assert set(seen) == {
            "HomeScreen",
            "WalkScreen",
            "SummaryScreen",
            "ReviewScreen",
            "ActionPlanScreen",
            "HelpScreen",
        }
        for keys in seen.values():
            assert keys[-1] == "Ctrl+Q Quitter" or keys[-1] == "Esc Fermer", keys

    run(scenario)
