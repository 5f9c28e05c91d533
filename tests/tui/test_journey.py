"""A director-general's whole journey, checked on the dossier file after every step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from home_helpers import wait_for_dossier_list
from textual.widgets import Input, TextArea
from tui_helpers import make_dossier, only_dossier, run, saved_answers, wait_for_position_save

from synergy_wizard.answers.storage import load_dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.home import DossierTable, HomeScreen
from synergy_wizard.tui.screens.new_dossier import NewDossierScreen
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.choice_list import ChoiceList
from synergy_wizard.tui.widgets.question_view import QuestionView


def current_question(app: SynergyWizardApp) -> str:
    return app.screen.query_one(QuestionView).question.id


def test_create_answer_quit_and_resume(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    async def first_session() -> Path:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("n")
            assert isinstance(app.screen, NewDossierScreen)
            await pilot.press("enter")  # the only checklist, then the name
            await pilot.press(*"Cuisine commune")
            await pilot.press("tab")
            await pilot.press(*"CPAS de Herve")
            await pilot.press("tab")
            await pilot.press(*"Commune de Herve")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)
            path = only_dossier(dossiers_dir)
            assert load_dossier(path).project.name == "Cuisine commune"
            assert load_dossier(path).checklist.id == "mini"
            project = load_dossier(path).project
            assert (project.cpas, project.partner) == ("CPAS de Herve", "Commune de Herve")
            assert current_question(app) == "probleme-resolu"

            await pilot.press("2")  # statut « non »
            assert saved_answers(path) == {"probleme-resolu": ("non", "")}

            await pilot.press("pagedown")
            assert current_question(app) == "porteur"
            await wait_for_position_save(pilot)
            assert load_dossier(path).position == "porteur"
            await pilot.press("3")  # « Les deux, ensemble »
            assert saved_answers(path)["porteur"] == ("conjoint", "")

            await pilot.press("tab")
            assert app.focused is not None and app.focused.id == "note"
            await pilot.press(*"Voir le collège")
            await pilot.press("ctrl+q")  # quit before the debounce: the note is saved anyway
        assert app.return_code == 0
        return path

    path = run(first_session)
    assert saved_answers(path) == {
        "probleme-resolu": ("non", ""),
        "porteur": ("conjoint", "Voir le collège"),
    }

    async def second_session() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_dossier_list(pilot)
            table = app.screen.query_one(DossierTable)
            assert table.row_count == 1
            assert "2/5" in str(table.get_row_at(0)[2])
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)
            assert current_question(app) == "porteur"
            choices = app.screen.query_one("#answer-choice", ChoiceList)
            assert choices.chosen == 2
            assert app.screen.query_one("#note", TextArea).text == "Voir le collège"
            await pilot.press("pageup")
            assert app.screen.query_one("#answer-choice", ChoiceList).chosen == 1

    run(second_session)


def test_note_saved_after_a_pause_in_typing(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist_path: Path
) -> None:
    path = make_dossier(dossiers_dir, load_checklist(mini_checklist_path))

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab")
            await pilot.press(*"Chiffres de 2025 à demander")
            assert saved_answers(path) == {}  # still typing
            await pilot.pause(1.0)
            assert saved_answers(path) == {"probleme-resolu": (None, "Chiffres de 2025 à demander")}
            # The keys 1 to 5 type text in a field; they do not set the statut.
            assert app.screen.query_one("#answer-choice", ChoiceList).chosen == -1

    run(scenario)


def test_text_answers_are_saved(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist_path: Path
) -> None:
    path = make_dossier(
        dossiers_dir, load_checklist(mini_checklist_path), position="nom-projet-court"
    )

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert current_question(app) == "nom-projet-court"
            assert isinstance(app.focused, Input)
            await pilot.press(*"Cœur de ville, phase 2")
            await pilot.press("enter")
            assert saved_answers(path)["nom-projet-court"] == ("Cœur de ville, phase 2", "")

            await pilot.press("pagedown")
            assert current_question(app) == "description"
            assert isinstance(app.focused, TextArea)
            await pilot.press(*"Deux lignes")
            await pilot.press("enter")
            await pilot.press(*"pour décrire, à vérifier")
            await pilot.press("pageup")  # moving saves what was typed
            assert saved_answers(path)["description"] == (
                "Deux lignes\npour décrire, à vérifier",
                "",
            )
            assert current_question(app) == "nom-projet-court"
            assert app.screen.query_one("#answer-text", Input).value == "Cœur de ville, phase 2"

    run(scenario)
