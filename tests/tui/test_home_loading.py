"""The home screen is painted first and reads its list just after; a dossier opened directly
is shown without reading that list, which is read when the user comes back to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from home_helpers import wait_for_dossier_list
from textual.widgets import Static
from tui_helpers import make_dossier, run

from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.dossiers import NameDialog
from synergy_wizard.tui.screens.home import LOADING_TEXT, DossierTable, HomeScreen
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.question_view import QuestionView


def _cells(table: DossierTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def test_the_list_shows_name_checklist_and_progress_once_read(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    make_dossier(dossiers_dir, mini_checklist, "Cuisine commune", answers={"porteur": "cpas"})

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            home = await wait_for_dossier_list(pilot)
            table = home.query_one(DossierTable)
            [row] = _cells(table)
            assert row[:3] == ["Cuisine commune", mini_checklist.title, "1/5"]
            assert app.focused is table
            assert LOADING_TEXT not in str(home.query_one("#dossier-detail", Static).render())
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)

    run(scenario)


def test_a_dossier_opened_directly_does_not_wait_for_the_list(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, "Cuisine commune")
    make_dossier(dossiers_dir, mini_checklist, "Crèche")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)
            assert app.screen.query_one(QuestionView).question.id == "probleme-resolu"
            [home] = [s for s in app.screen_stack if isinstance(s, HomeScreen)]
            assert not home.loaded
            assert home.query_one(DossierTable).row_count == 0
            assert not home.has_class("-empty")  # never « you have no dossier » meanwhile
            detail = str(home.query_one("#dossier-detail", Static).render())
            assert detail == LOADING_TEXT

            await pilot.press("escape")  # back home: now the list is read
            assert app.screen is home
            await wait_for_dossier_list(pilot)
            names = sorted(row[0] for row in _cells(home.query_one(DossierTable)))
            assert names == ["Crèche", "Cuisine commune"]

    run(scenario)


def test_keys_pressed_before_the_list_is_read_act_on_it(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    make_dossier(dossiers_dir, mini_checklist, "Cuisine commune")

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_dossier_list(pilot)
            # A home screen not read yet (as during the first instants of the program).
            fresh = HomeScreen(app.dossiers_dir, app.catalog, store=lambda: app.store)
            await app.push_screen(fresh)
            await pilot.pause()
            assert not fresh.loaded and fresh.query_one(DossierTable).row_count == 0
            await pilot.press("r")  # renaming needs the list: it is read first
            assert fresh.loaded
            assert isinstance(app.screen, NameDialog)
            assert app.screen.initial == "Cuisine commune"
            await pilot.press("escape")

            other = HomeScreen(app.dossiers_dir, app.catalog, store=lambda: app.store)
            await app.push_screen(other)
            await pilot.pause()
            assert not other.loaded
            await pilot.press("enter")  # the first dossier of the list opens
            await pilot.pause()
            assert other.loaded
            assert isinstance(app.screen, WalkScreen)
            assert app.screen.session.dossier.project.name == "Cuisine commune"

    run(scenario)


def test_enter_on_an_empty_folder_does_nothing(
    app_factory: Callable[..., SynergyWizardApp],
) -> None:
    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            fresh = HomeScreen(app.dossiers_dir, app.catalog, store=lambda: app.store)
            await app.push_screen(fresh)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is fresh and fresh.loaded
            assert fresh.has_class("-empty")
            assert "Vous n'avez pas encore de dossier" in str(
                fresh.query_one("#empty-state", Static).render()
            )

    run(scenario)
