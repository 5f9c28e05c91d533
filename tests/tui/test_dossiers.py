"""Managing dossiers from the home screen: rename, duplicate, delete to the corbeille, restore.

Every test checks the files in the dossier folder, not only what the screen says.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable
from tui_helpers import make_dossier, run, saved_answers

from synergy_wizard.answers.storage import load_dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.dialogs import ConfirmDialog, ErrorDialog
from synergy_wizard.tui.screens.dossiers import NameDialog, TrashScreen
from synergy_wizard.tui.screens.home import DossierTable, HomeScreen


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.yaml"))


async def type_name(pilot: Pilot[None], name: str) -> None:
    """Replace the text of the name dialog (all selected when it opens) and confirm."""
    assert isinstance(pilot.app.screen, NameDialog)
    await pilot.press("backspace", *name, "enter")
    await pilot.pause()


def test_rename_changes_the_name_and_the_file(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, "Cuisine", answers={"porteur": "cpas"})

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("r")
            assert app.screen.query_one("#project-name").value == "Cuisine"
            await type_name(pilot, "Restaurant social")
            assert isinstance(app.screen, HomeScreen)
            table = app.screen.query_one(DossierTable)
            assert str(table.get_row_at(table.cursor_row)[0]) == "Restaurant social"

    run(scenario)
    assert names(dossiers_dir) == ["restaurant-social.yaml"]
    renamed = dossiers_dir / "restaurant-social.yaml"
    assert load_dossier(renamed).project.name == "Restaurant social"
    assert saved_answers(renamed) == {"porteur": ("cpas", "")}
    assert not path.exists()


def test_an_empty_name_is_refused_in_the_dialog(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    make_dossier(dossiers_dir, mini_checklist, "Cuisine")

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("r")
            await type_name(pilot, "   ")
            assert isinstance(app.screen, NameDialog)
            assert "obligatoire" in str(app.screen.query_one("#project-name-error").render())
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)

    run(scenario)
    assert names(dossiers_dir) == ["cuisine.yaml"]


def test_duplicate_copies_the_answers_under_a_new_name(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(
        dossiers_dir,
        mini_checklist,
        "Cuisine",
        answers={"probleme-resolu": "non", "services-vises": ["grh"]},
        notes={"probleme-resolu": "chiffres 2025"},
    )

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("d")
            assert app.screen.query_one("#project-name").value == "Cuisine (copie)"
            await type_name(pilot, "Cuisine de Wanze")
            assert app.screen.query_one(DossierTable).row_count == 2

    run(scenario)
    assert names(dossiers_dir) == ["cuisine-de-wanze.yaml", "cuisine.yaml"]
    copy = dossiers_dir / "cuisine-de-wanze.yaml"
    assert load_dossier(copy).project.name == "Cuisine de Wanze"
    assert saved_answers(copy) == saved_answers(path)


def test_delete_asks_first_then_moves_the_file_to_the_corbeille_and_restore_brings_it_back(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, "Cuisine", answers={"porteur": "cpas"})
    content = path.read_bytes()
    trashed = dossiers_dir / "corbeille" / "cuisine.yaml"

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("delete")
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("enter")  # « Annuler » has the focus: nothing happens
            assert isinstance(app.screen, HomeScreen)
            assert path.read_bytes() == content

            await pilot.press("delete")
            await pilot.click("#confirm")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert not path.exists()
            assert trashed.read_bytes() == content
            assert app.screen.has_class("-empty")  # listed nowhere else

            await pilot.press("c")
            screen = app.screen
            assert isinstance(screen, TrashScreen)
            table = screen.query_one("#trash", DataTable)
            assert [str(c) for c in table.get_row_at(0)][:2] == ["Cuisine", "cuisine.yaml"]
            await pilot.press("enter")
            await pilot.pause()
            assert path.read_bytes() == content
            assert not trashed.exists()
            assert screen.has_class("-empty")
            assert any(str(path) in n.message for n in app._notifications)

            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
            assert app.screen.query_one(DossierTable).row_count == 1

    run(scenario)


def test_an_unreadable_dossier_cannot_be_renamed_but_can_be_deleted(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    dossiers_dir.mkdir()
    broken = dossiers_dir / "abime.yaml"
    broken.write_bytes(b"projet: [")

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("r")
            assert isinstance(app.screen, ErrorDialog)
            await pilot.press("escape")
            await pilot.press("delete")
            await pilot.click("#confirm")
            await pilot.pause()

    run(scenario)
    assert not broken.exists()
    assert (dossiers_dir / "corbeille" / "abime.yaml").read_bytes() == b"projet: ["
