"""Search and filters (« / » on the walk screen): find a question, jump to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Tabs
from tui_helpers import FIXED_TIME, make_dossier, run

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.finder import FilterName, Finder, excerpt, fold
from synergy_wizard.tui.screens.search import SearchScreen
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.question_view import QuestionView

CONDITIONS = Path(__file__).resolve().parents[1] / "data" / "good" / "conditions.yaml"
TODAY = date.today()


def result_keys(app: SynergyWizardApp) -> list[str]:
    results = app.screen.query_one("#search-results", OptionList)
    return [str(results.get_option_at_index(i).id) for i in range(results.option_count)]


def follow_ups(path: Path, owners_and_deadlines: dict[str, tuple[str, date]]) -> None:
    """Give owners and deadlines to answers of the dossier at ``path``."""
    dossier = load_dossier(path)
    for key, (owner, deadline) in owners_and_deadlines.items():
        dossier.update_answer(key, owner=owner, deadline=deadline)
    for answer in dossier.answers.values():
        answer.updated_at = FIXED_TIME
    dossier.project.updated_at = FIXED_TIME
    save_dossier(dossier, path)


@pytest.fixture
def followed_dossier(dossiers_dir: Path, mini_checklist: Checklist) -> Path:
    """probleme-resolu open (non); porteur late; services-vises due later; two unanswered."""
    path = make_dossier(
        dossiers_dir,
        mini_checklist,
        answers={"probleme-resolu": "non", "porteur": "cpas", "services-vises": ["grh"]},
        notes={"porteur": "Voir avec le receveur régional avant l'été"},
        position="probleme-resolu",
    )
    follow_ups(
        path,
        {
            "porteur": ("Anne Lambert", TODAY - timedelta(days=1)),
            "services-vises": ("Marc", TODAY + timedelta(days=30)),
        },
    )
    return path


def test_search_finds_a_note_without_accents_and_jumps_to_it(
    app_factory: Callable[..., SynergyWizardApp], followed_dossier: Path
) -> None:
    async def scenario() -> None:
        app = app_factory(followed_dossier)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("slash")
            assert isinstance(app.screen, SearchScreen)
            assert isinstance(app.focused, Input)
            assert len(result_keys(app)) == 5  # nothing typed: every question
            await pilot.press(*"RECEVEUR regional")
            assert result_keys(app) == ["porteur"]
            results = app.screen.query_one("#search-results", OptionList)
            prompt = str(results.get_option_at_index(0).prompt)
            assert "Note : Voir avec le receveur régional" in prompt
            assert "responsable : Anne Lambert" in prompt
            assert "(en retard)" in prompt
            await pilot.press("enter")
            screen = app.screen
            assert isinstance(screen, WalkScreen)
            assert screen.query_one(QuestionView).question.id == "porteur"
        assert load_dossier(followed_dossier).position == "porteur"

    run(scenario)


def test_search_looks_in_guidance_and_says_when_nothing_matches(
    app_factory: Callable[..., SynergyWizardApp], followed_dossier: Path
) -> None:
    async def scenario() -> None:
        app = app_factory(followed_dossier)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("slash", *"etat des lieux")  # « état des lieux » in the help
            assert result_keys(app) == ["probleme-resolu"]
            await pilot.press(*" introuvable")
            assert result_keys(app) == []
            status = str(app.screen.query_one("#search-status").render())
            assert status == "Aucune question ne correspond à ces mots."
            await pilot.press("enter")  # nothing to open: the dialog stays
            assert isinstance(app.screen, SearchScreen)
            await pilot.press("escape")
            assert isinstance(app.screen, WalkScreen)

    run(scenario)


@pytest.mark.parametrize(
    ("filter_name", "expected"),
    [
        (
            "toutes",
            ["probleme-resolu", "porteur", "services-vises", "nom-projet-court", "description"],
        ),
        ("sans-reponse", ["nom-projet-court", "description"]),
        ("points-ouverts", ["probleme-resolu"]),
        ("avec-responsable", ["porteur", "services-vises"]),
        ("en-retard", ["porteur"]),
    ],
)
def test_each_filter_lists_its_questions(
    app_factory: Callable[..., SynergyWizardApp],
    followed_dossier: Path,
    filter_name: str,
    expected: list[str],
) -> None:
    async def scenario() -> None:
        app = app_factory(followed_dossier)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("slash", "tab")  # to the filters
            tabs = app.screen.query_one(Tabs)
            assert app.focused is tabs
            while tabs.active != filter_name:
                await pilot.press("right")
            assert result_keys(app) == expected
            await pilot.press("enter")  # opens the first question listed
            assert app.screen.query_one(QuestionView).question.id == expected[0]

    run(scenario)


def test_filters_and_words_combine_and_the_mouse_works(
    app_factory: Callable[..., SynergyWizardApp], followed_dossier: Path
) -> None:
    async def scenario() -> None:
        app = app_factory(followed_dossier)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("slash")
            await pilot.click("#avec-responsable")
            assert result_keys(app) == ["porteur", "services-vises"]
            await pilot.click("#search-input")
            await pilot.press(*"marc")  # the owner's name is searched too
            assert result_keys(app) == ["services-vises"]
            await pilot.press("escape")
            await pilot.press("slash")  # the last search is offered again
            assert app.screen.query_one("#search-input", Input).value == "marc"
            assert app.screen.query_one(Tabs).active == "avec-responsable"
            await pilot.click("#search-results", offset=(5, 0))
            assert app.screen.query_one(QuestionView).question.id == "services-vises"

    run(scenario)


def test_only_the_questions_shown_are_searched() -> None:
    checklist = load_checklist(CONDITIONS)
    dossier = Dossier.new(checklist, ProjectInfo(name="Essai"))
    dossier.update_answer("loyer", note="Loyer indexé chaque année")

    def found(filter_name: FilterName = "toutes", query: str = "loyer") -> list[str]:
        finder = Finder(build_plan(checklist, dossier))
        return [hit.slot.key for hit in finder.find(query, filter_name, TODAY)]

    assert found() == []  # « loyer » is hidden: no lease
    dossier.update_answer("proprietaire", value="commune")
    dossier.update_answer("bail", value="oui")
    assert found() == ["loyer"]
    dossier.update_answer("services", value=["it", "archives"])
    assert found(query="pilote") == ["pilote@it", "pilote@archives"]
    assert found("sans-reponse", "") == ["loyer", "pilote@it", "pilote@archives"]


def test_folding_and_excerpts() -> None:
    assert fold("Échéance ŒUVRE Ça") == "echeance oeuvre ca"
    text = "Une longue note. " * 5 + "Le receveur régional doit confirmer." + " Suite." * 10
    piece = excerpt(text, "regional")
    assert "receveur régional" in piece
    assert piece.startswith("…") and piece.endswith("…")
    assert len(piece) <= 62
