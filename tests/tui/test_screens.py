"""Home, new dossier and summary screens: validation, cancel, export, and the bundled checklists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tui_helpers import generate_checklist, make_dossier, only_dossier, run

from synergy_wizard.answers.storage import load_dossier
from synergy_wizard.checklist.loader import bundled_checklist_paths, load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.dialogs import ErrorDialog
from synergy_wizard.tui.screens.home import HomeScreen
from synergy_wizard.tui.screens.new_dossier import NewDossierScreen
from synergy_wizard.tui.screens.summary import SummaryScreen, SummaryTable
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.question_view import QuestionView


def test_the_project_name_is_required_and_cancel_creates_nothing(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            await pilot.press("tab", "space", "space", "enter")
            screen = app.screen
            assert isinstance(screen, NewDossierScreen)
            error = str(screen.query_one("#name-error").render())
            assert "Donnez un nom au projet" in error
            assert app.focused is screen.query_one("#name")
            await pilot.press(*"x")
            assert str(screen.query_one("#name-error").render()) == ""
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
        assert not list(dossiers_dir.glob("*.yaml"))

    run(scenario)


def test_the_new_dossier_uses_the_chosen_checklist(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    other = generate_checklist(2, 2)

    async def scenario() -> None:
        app = app_factory(checklists=[mini_checklist, other])
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", "down", "enter", *"Essai", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)
            assert app.screen.query_one(QuestionView).question.id == "q-0-0"
        assert load_dossier(only_dossier(dossiers_dir)).checklist.id == other.id

    run(scenario)


def test_summary_lists_sections_exports_and_jumps(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(
        dossiers_dir,
        mini_checklist,
        answers={"probleme-resolu": "a-verifier", "services-vises": ["grh"]},
        notes={"porteur": "<script>alert(1)</script>"},
        position="probleme-resolu",
    )

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+r")
            screen = app.screen
            assert isinstance(screen, SummaryScreen)
            table = screen.query_one(SummaryTable)
            rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
            assert rows[0][1:] == ["1/2", "1", "en cours"]
            assert rows[1][1:] == ["1/3", "0", "en cours"]
            assert rows[2][:3] == ["Total", "2/5", "1"]

            await pilot.press("h")
            html = path.with_suffix(".html")
            assert html.is_file()
            assert "&lt;script&gt;" in html.read_text(encoding="utf-8")
            await pilot.press("m")
            markdown = path.with_suffix(".md")
            assert markdown.is_file()
            messages = [n.message for n in app._notifications]
            assert any(str(markdown.absolute()) in m for m in messages)
            assert any(str(html.absolute()) in m for m in messages)

            await pilot.press("down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)
            assert app.screen.query_one(QuestionView).question.id == "services-vises"

    run(scenario)


def test_a_broken_template_is_reported_in_the_error_dialog(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)
    # An export may not replace a file that is in the way: a folder with the output's name.
    path.with_suffix(".html").mkdir()

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+r", "h")
            assert isinstance(app.screen, ErrorDialog)
            await pilot.press("escape")
            assert isinstance(app.screen, SummaryScreen)

    run(scenario)


@pytest.mark.parametrize("checklist_path", bundled_checklist_paths(), ids=lambda p: p.stem)
def test_every_bundled_checklist_can_be_walked(
    checklist_path: Path, app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    checklist = load_checklist(checklist_path)
    path = make_dossier(dossiers_dir, checklist)

    async def scenario() -> None:
        app = app_factory(path, [checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, WalkScreen)
            shown = screen.session.progress.sections  # visible sections, repetitions
            for index, section in enumerate(shown):
                await screen.go_to_section(index)
                await pilot.pause()
                first = next(
                    s for s in screen.session.visible_slots if s.instance is section.instance
                )
                assert screen.query_one(QuestionView).context.key == first.key
            await pilot.press("pagedown", "ctrl+r")
            assert isinstance(app.screen, SummaryScreen)
            assert app.screen.query_one(SummaryTable).row_count == len(shown) + 1

    run(scenario)
