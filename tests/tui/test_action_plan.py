"""The action plan screen: its lines, the four sort orders, overdue deadlines, « modifier »."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from followup_data import followup_checklist, followup_dossier, on_walk
from tui_helpers import run

from synergy_wizard.answers.model import ProjectInfo
from synergy_wizard.answers.storage import DossierStore
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.action_plan import ActionPlanScreen, ActionPlanTable


@pytest.fixture
def checklist() -> Checklist:
    return followup_checklist()


def order(screen: ActionPlanScreen) -> list[str]:
    table = screen.query_one(ActionPlanTable)
    return [str(row.key.value) for row in table.ordered_rows]


def test_lines_sorting_and_overdue(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, checklist: Checklist
) -> None:
    path = followup_dossier(dossiers_dir, checklist)

    async def scenario() -> None:
        app = app_factory(path, [checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            await on_walk(pilot)
            await pilot.press("f3")
            screen = app.screen
            assert isinstance(screen, ActionPlanScreen)
            table = screen.query_one(ActionPlanTable)
            assert order(screen) == ["cout", "financement", "pilote@grh"]  # by deadline
            cout = [str(cell) for cell in table.get_row("cout")]
            assert cout == ["3.1", "Le coût est-il chiffré ?", "Non", "Mme Leroy",
                            "⚠ 15/01/2020", "Haute"]  # fmt: skip
            financement = [str(cell) for cell in table.get_row("financement")]
            assert financement[2:] == ["Sans réponse", "M. Dupont", "  30/06/2999", "Basse"]
            pilote = [str(cell) for cell in table.get_row("pilote@grh")]
            assert pilote[3:] == ["Adèle Martin", "—", "—"]
            head = str(screen.query_one("#plan-head").render())
            assert "3 points au plan d'action" in head
            assert "⚠ 1 en retard" in head

            await pilot.press("2")
            assert order(screen) == ["cout", "financement", "pilote@grh"]  # haute, basse, none
            await pilot.press("3")
            assert order(screen) == ["pilote@grh", "financement", "cout"]  # Adèle, M., Mme
            await pilot.press("4")
            assert order(screen) == ["pilote@grh", "cout", "financement"]  # dossier order
            assert "4 section ✓" in str(screen.query_one("#plan-head").render())

            # the keys are in the footer
            footer = {b.binding.action for b in screen.active_bindings.values() if b.binding.show}
            assert {"sort('echeance')", "sort('priorite')", "sort('section')"} <= footer

            table.move_cursor(row=table.get_row_index("financement"), animate=False)
            await pilot.press("enter")
            for _ in range(3):
                await pilot.pause()
            walk = app.screen
            assert getattr(walk, "current_key", None) == "financement"

    run(scenario)


def test_an_empty_action_plan_says_so(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, checklist: Checklist
) -> None:
    path, _ = DossierStore(dossiers_dir).create(checklist, ProjectInfo(name="Vide"))

    async def scenario() -> None:
        app = app_factory(path, [checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            await on_walk(pilot)
            await pilot.press("f3")
            screen = app.screen
            assert isinstance(screen, ActionPlanScreen)
            assert screen.has_class("-empty")
            assert "0 point au plan d'action" in str(screen.query_one("#plan-head").render())
            assert screen.query_one("#plan-empty").display

    run(scenario)
