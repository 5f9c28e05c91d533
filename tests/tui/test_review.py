"""The review screen: every answer per section, hidden and orphan answers, « modifier »."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from followup_data import followup_checklist, followup_dossier, on_walk
from textual.pilot import Pilot
from tui_helpers import run

from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.home import HomeScreen
from synergy_wizard.tui.screens.review import ReviewScreen, ReviewTable
from synergy_wizard.tui.screens.summary import SummaryScreen
from synergy_wizard.tui.screens.walk import WalkScreen


@pytest.fixture
def checklist() -> Checklist:
    return followup_checklist()


@pytest.fixture
def dossier_path(dossiers_dir: Path, checklist: Checklist) -> Path:
    return followup_dossier(dossiers_dir, checklist)


def rows(table: ReviewTable) -> dict[str, list[str]]:
    return {
        str(row.key.value): [str(cell) for cell in table.get_row(row.key)]
        for row in table.ordered_rows
    }


async def choose(pilot: Pilot[None], key: str) -> None:
    table = pilot.app.screen.query_one(ReviewTable)
    table.move_cursor(row=table.get_row_index(key), animate=False)
    await pilot.press("enter")
    for _ in range(3):
        await pilot.pause()


def test_review_lists_every_answer_with_hidden_and_orphans(
    app_factory: Callable[..., SynergyWizardApp], dossier_path: Path, checklist: Checklist
) -> None:
    async def scenario() -> None:
        app = app_factory(dossier_path, [checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            await on_walk(pilot)
            await pilot.press("f2")
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            shown = rows(screen.query_one(ReviewTable))
            assert shown["group-0"][:2] == ["1", "Locaux"]
            assert shown["proprietaire"] == [
                "1.1",
                "Qui est propriétaire du bâtiment ?",
                "Répondue",
                "Le CPAS",
            ]
            assert shown["bail"] == ["", "Le bail est-il signé ?", "Masquée", "Oui"]
            assert shown["pilote@grh"][0] == "2.1"
            assert shown["pilote@grh"][2:] == ["À suivre", "À vérifier"]
            assert shown["pilote@informatique"][2:] == ["Masquée", "Non"]
            assert shown["financement"][2] == "Sans réponse"
            assert shown["ancienne-question"][1:] == ["« ancienne-question »", "Orpheline", "oui"]
            head = str(screen.query_one("#review-head").render())
            assert "2 masquées" in head
            assert "1 orpheline" in head

            await pilot.press("f")  # only what needs a look
            filtered = rows(screen.query_one(ReviewTable))
            assert "proprietaire" not in filtered
            assert {"bail", "pilote@grh", "cout", "ancienne-question"} <= set(filtered)

    run(scenario)


def test_modifier_moves_the_walk_to_the_question(
    app_factory: Callable[..., SynergyWizardApp], dossier_path: Path, checklist: Checklist
) -> None:
    async def scenario() -> None:
        app = app_factory(dossier_path, [checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            walk = await on_walk(pilot)
            await pilot.press("f2")
            await choose(pilot, "pilote@grh")
            assert app.screen is walk
            assert walk.current_key == "pilote@grh"

            # A hidden answer leads to the question that hides it, and says so.
            await pilot.press("f2")
            await choose(pilot, "bail")
            assert app.screen is walk
            assert walk.current_key == "proprietaire"
            assert any("Masquée par la réponse" in n.message for n in app._notifications)

            # An orphan has no question: the review stays, and tells why.
            await pilot.press("f2")
            await choose(pilot, "ancienne-question")
            assert isinstance(app.screen, ReviewScreen)
            assert any("retirée de la check-list" in n.message for n in app._notifications)

    run(scenario)


def test_review_from_the_summary_returns_to_the_walk(
    app_factory: Callable[..., SynergyWizardApp], dossier_path: Path, checklist: Checklist
) -> None:
    async def scenario() -> None:
        app = app_factory(dossier_path, [checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            walk = await on_walk(pilot)
            await pilot.press("ctrl+r")
            assert isinstance(app.screen, SummaryScreen)
            await pilot.press("v")
            assert isinstance(app.screen, ReviewScreen)
            await choose(pilot, "cout")
            assert [type(s) for s in app.screen_stack[1:]] == [HomeScreen, WalkScreen]
            assert walk.current_key == "cout"
        # the position moved there is what the dossier file now says
        assert dossier_path.read_text(encoding="utf-8").count("position: cout") == 1

    run(scenario)


def test_review_needs_an_open_dossier(app_factory: Callable[..., SynergyWizardApp]) -> None:
    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f2")
            assert isinstance(app.screen, HomeScreen)
            assert any("Ouvrez d'abord un dossier" in n.message for n in app._notifications)

    run(scenario)
