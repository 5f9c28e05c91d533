"""The walk screen: answer controls, keys, navigation, guidance, compatibility notices."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from textual.widgets import SelectionList
from tui_helpers import make_dossier, run, saved_answers, wait_for_position_save

from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.dialogs import NoticeDialog
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.settings import preferences_path
from synergy_wizard.tui.widgets.guidance import GuidancePanel
from synergy_wizard.tui.widgets.question_view import QuestionView
from synergy_wizard.tui.widgets.section_list import SectionList


def question_id(app: SynergyWizardApp) -> str:
    return app.screen.query_one(QuestionView).question.id


def test_keys_1_to_5_set_the_statut_in_order(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def scenario() -> list[object]:
        seen: list[object] = []
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            for key in "12345":
                await pilot.press(key)
                seen.append(saved_answers(path)["probleme-resolu"][0])
        return seen

    assert run(scenario) == ["oui", "non", "partiellement", "a-verifier", "sans-objet"]


def test_previous_is_greyed_on_the_first_question_and_next_on_the_last(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            bindings = app.screen.active_bindings
            assert bindings["pageup"].enabled is False
            assert bindings["pagedown"].enabled is True
            await pilot.press("pageup")
            assert question_id(app) == "probleme-resolu"
            for _ in range(4):
                await pilot.press("pagedown")
            assert question_id(app) == "description"
            bindings = app.screen.active_bindings
            assert bindings["pageup"].enabled is True
            assert bindings["pagedown"].enabled is False
            await pilot.press("pagedown")
            assert question_id(app) == "description"

    run(scenario)


def test_multiple_choices_are_saved_in_checklist_order(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="services-vises")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert question_id(app) == "services-vises"
            assert isinstance(app.focused, SelectionList)
            await pilot.press("down", "down", "space")  # marchés publics
            assert saved_answers(path)["services-vises"] == (["marches-publics"], "")
            await pilot.press("home", "space")  # ressources humaines
            assert saved_answers(path)["services-vises"] == (["grh", "marches-publics"], "")
            await pilot.press("space", "down", "down", "space")  # untick both
            assert "services-vises" not in saved_answers(path)

    run(scenario)


def test_selecting_a_section_jumps_to_its_first_question(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            sections = app.screen.query_one(SectionList)
            sections.focus()
            await pilot.press("down", "enter")
            assert question_id(app) == "services-vises"
            await wait_for_position_save(pilot)
            assert load_dossier(path).position == "services-vises"
            assert sections.highlighted == 1

    run(scenario)


def test_guidance_shows_help_and_references_and_can_be_hidden(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            text = app.screen.query_one(GuidancePanel).markdown
            assert "état des lieux" in text
            assert "Un diagnostic écrit partagé par les deux directions." in text
            assert "Un projet lancé sans chiffres." in text
            assert "séance commune annuelle" in text
            guidance = app.screen.query_one(".guidance")
            assert guidance.display
            await pilot.press("ctrl+g")
            assert not guidance.display
            await pilot.press("pagedown")  # the choice holds from question to question
            assert not app.screen.query_one(".guidance").display
            await pilot.press("ctrl+g")
            assert app.screen.query_one(".guidance").display

    run(scenario)


def test_progress_of_sections_and_overall_follows_the_answers(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            label = app.screen.query_one("#overall-label")
            sections = app.screen.query_one(SectionList)
            assert "0/5" in str(label.render())
            await pilot.press("3")  # partiellement: an open point
            assert "1/5" in str(label.render())
            assert "1 à suivre" in str(label.render())
            first = sections.get_option_at_index(0).prompt
            assert "1/2" in str(first)
            assert "1 à suivre" in str(first)

    run(scenario)


def test_a_changed_checklist_is_announced_and_orphans_are_kept(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(
        dossiers_dir,
        mini_checklist,
        answers={"probleme-resolu": "oui"},
        position="probleme-resolu",
    )
    dossier = load_dossier(path)
    dossier.checklist.version = "1.0.0"
    dossier.update_answer("question-supprimee", value="oui", note="à garder")
    save_dossier(dossier, path)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            notice = app.screen
            assert isinstance(notice, NoticeDialog)
            assert notice.error_title == "La check-list a changé"
            assert "version 1.0.0" in notice.error_message
            assert "1.2.0" in notice.error_message
            assert "question-supprimee" in notice.error_message
            await pilot.press("enter")
            assert isinstance(app.screen, WalkScreen)
            await pilot.press("2")
        answers = saved_answers(path)
        assert answers["question-supprimee"] == ("oui", "à garder")
        assert answers["probleme-resolu"] == ("non", "")

    run(scenario)


def test_home_key_goes_back_to_the_list_of_dossiers(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1", "escape")
            await pilot.pause()
            assert app.screen.__class__.__name__ == "HomeScreen"
            table = app.screen.query_one("#dossiers")
            assert "1/5" in str(table.get_row_at(0)[2])  # type: ignore[attr-defined]

    run(scenario)


def test_guidance_explains_glossary_terms_and_dates_references(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    data = mini_checklist.model_dump(by_alias=True, exclude_defaults=True)
    question = data["sections"][0]["questions"][0]
    question["references"] = [
        {
            "texte": "Loi organique des CPAS",
            "article": "art. 26bis, § 1er",
            "date": "8 juillet 1976",
        }
    ]
    data["glossaire"] = [
        {"terme": "État des lieux", "definition": "Photographie écrite de la situation."},
        {"terme": "CPAS", "definition": "Centre public d'action sociale."},
        {"terme": "Receveur", "definition": "Gestionnaire des finances."},
    ]
    checklist = Checklist.model_validate(data)
    path = make_dossier(dossiers_dir, checklist, position="probleme-resolu")

    async def scenario() -> None:
        app = app_factory(path, [checklist])
        async with app.run_test(size=(120, 40)):
            text = app.screen.query_one(GuidancePanel).markdown
            assert "- Loi organique des CPAS, art. 26bis, § 1er (8 juillet 1976)" in text
            assert "**Glossaire**" in text
            assert "- **État des lieux** : Photographie écrite de la situation." in text
            assert "**CPAS**" in text  # in the reference's text
            assert "Receveur" not in text  # not used by this question

    run(scenario)


def test_the_hidden_guidance_stays_hidden_for_the_next_dossier(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+g", "escape")
            await pilot.pause()
            await pilot.press("enter")  # reopen it from the list
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)
            assert not app.screen.query_one(".guidance").display
            assert app.screen.active_bindings["ctrl+g"].binding.description == "Aide (panneau)"

    run(scenario)


def test_the_hidden_guidance_stays_hidden_at_the_next_run(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def hide_and_quit() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+g")
            await pilot.press("ctrl+q")

    async def reopen(press: tuple[str, ...]) -> bool:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = app.screen.query_one(".guidance").display
            await pilot.press(*press, "ctrl+q")
        return bool(shown)

    run(hide_and_quit)
    assert json.loads(preferences_path().read_text(encoding="utf-8"))["show_guidance"] is False
    assert run(lambda: reopen(("ctrl+g",))) is False  # hidden again, then shown
    assert run(lambda: reopen(())) is True
