"""Conditions and repeated sections on the walk screen, checked on the saved dossier file.

The checklist is tests/data/good/conditions.yaml: « bail » shows when the owner is the
commune, « loyer » when there is a lease, the section « Service » repeats for each service
ticked in « services », and the section « CPAS seul » shows when the owner is the CPAS.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import SelectionList
from tui_helpers import make_dossier, run, saved_answers, wait_for_position_save

from synergy_wizard.answers.storage import load_dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.question_view import QuestionView
from synergy_wizard.tui.widgets.section_list import SectionList

CONDITIONS = Path(__file__).resolve().parents[1] / "data" / "good" / "conditions.yaml"


@pytest.fixture
def conditions() -> Checklist:
    return load_checklist(CONDITIONS)


def current_key(app: SynergyWizardApp) -> str:
    return app.screen.query_one(QuestionView).context.key


def section_titles(app: SynergyWizardApp) -> list[str]:
    sections = app.screen.query_one(SectionList)
    return [
        str(sections.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(sections.option_count)
    ]


def kept_notice(app: SynergyWizardApp) -> str:
    notice = app.screen.query_one("#kept-notice")
    return str(notice.render()) if notice.display else ""


def test_answers_reveal_questions_and_ticked_choices_add_repeated_sections(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, conditions: Checklist
) -> None:
    path = make_dossier(dossiers_dir, conditions, position="proprietaire")

    async def scenario() -> None:
        app = app_factory(path, [conditions])
        async with app.run_test(size=(80, 24)) as pilot:
            assert current_key(app) == "proprietaire"
            assert section_titles(app) == ["○ 1. Cadre"]
            label = app.screen.query_one("#overall-label")
            assert "0/2" in str(label.render())  # « bail » and « loyer » are hidden

            await pilot.press("1")  # the commune owns the building: « bail » shows
            assert "0/2" not in str(label.render()) and "1/3" in str(label.render())
            await pilot.press("pagedown")
            assert current_key(app) == "bail"
            await pilot.press("1", "pagedown")  # a lease: « loyer » shows
            assert current_key(app) == "loyer"
            await pilot.press("pagedown")
            assert current_key(app) == "services"

            assert isinstance(app.focused, SelectionList)
            await pilot.press("down", "space")  # tick « Informatique »
            assert saved_answers(path)["services"] == (["it"], "")
            assert section_titles(app) == ["◐ 1. Cadre", "○ 2. Service — Informatique"]

            await pilot.press("pagedown")
            assert current_key(app) == "pilote@it"
            title = str(app.screen.query_one(".section-title").render())
            assert title == "Service — Informatique"
            await wait_for_position_save(pilot)
            assert load_dossier(path).position == "pilote@it"
            await pilot.press("2")  # no pilot: « detail » shows in this repetition
            await pilot.press("pagedown")
            assert current_key(app) == "detail@it"
            await pilot.press("3")
            answers = saved_answers(path)
            assert answers["pilote@it"] == ("non", "")
            assert answers["detail@it"] == ("partiellement", "")
            assert "pilote" not in answers and "detail" not in answers
            assert kept_notice(app) == ""

            await pilot.press("pageup", "pageup")
            assert current_key(app) == "services"
            await pilot.press("down", "space")  # untick « Informatique »: nothing ticked now
            assert section_titles(app) == ["◐ 1. Cadre"]
            assert kept_notice(app) == "2 réponses conservées pour des questions masquées"
            await pilot.press("pagedown")
            assert current_key(app) == "services"  # the last question now

        answers = saved_answers(path)
        assert "services" not in answers
        assert answers["pilote@it"] == ("non", "")  # hidden, never deleted
        assert answers["detail@it"] == ("partiellement", "")

    run(scenario)


def test_a_hidden_section_keeps_its_answers_and_comes_back_with_them(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, conditions: Checklist
) -> None:
    path = make_dossier(
        dossiers_dir,
        conditions,
        answers={"proprietaire": "cpas", "patrimoine": "oui"},
        position="proprietaire",
    )

    async def scenario() -> None:
        app = app_factory(path, [conditions])
        async with app.run_test(size=(80, 24)) as pilot:
            assert section_titles(app)[-1] == "● 2. CPAS seul"
            await pilot.press("1")  # the commune: « CPAS seul » hides, « bail » shows
            assert [t[2:] for t in section_titles(app)] == ["1. Cadre"]
            assert kept_notice(app) == "1 réponse conservée pour une question masquée"
            assert saved_answers(path)["patrimoine"] == ("oui", "")
            await pilot.press("2")  # the CPAS again
            assert section_titles(app)[-1] == "● 2. CPAS seul"
            assert kept_notice(app) == ""
            screen = app.screen
            assert isinstance(screen, WalkScreen)
            await screen.go_to_section(1)
            assert current_key(app) == "patrimoine"

    run(scenario)


def test_a_position_now_hidden_resumes_at_the_next_shown_question(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, conditions: Checklist
) -> None:
    path = make_dossier(
        dossiers_dir,
        conditions,
        answers={"proprietaire": "cpas", "pilote@it": "oui"},
        position="loyer",  # hidden: there is no lease when the CPAS owns the building
    )

    async def scenario() -> None:
        app = app_factory(path, [conditions])
        async with app.run_test(size=(80, 24)) as pilot:
            assert current_key(app) == "services"
            # « pilote@it » is kept for an unticked choice; the notice counts it.
            assert kept_notice(app) == "1 réponse conservée pour une question masquée"
            await pilot.press("pagedown")
            assert current_key(app) == "patrimoine"

    run(scenario)


def test_the_section_list_jumps_to_a_repetition(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, conditions: Checklist
) -> None:
    path = make_dossier(
        dossiers_dir,
        conditions,
        answers={"proprietaire": "commune", "services": ["grh", "archives"]},
        position="proprietaire",
    )

    async def scenario() -> None:
        app = app_factory(path, [conditions])
        async with app.run_test(size=(80, 24)) as pilot:
            assert [t[2:] for t in section_titles(app)] == [
                "1. Cadre",
                "2. Service — GRH",
                "3. Service — Archives",
            ]
            sections = app.screen.query_one(SectionList)
            sections.focus()
            await pilot.press("down", "down", "enter")
            assert current_key(app) == "pilote@archives"
            assert sections.highlighted == 2
            position = str(app.screen.query_one(".question-position").render())
            assert position == "Section 3/3 · Question 1/1"
            await pilot.press("2")  # « detail@archives » shows: the position follows
            position = str(app.screen.query_one(".question-position").render())
            assert position == "Section 3/3 · Question 1/2"
        assert load_dossier(path).answer("pilote@archives").value == "non"
        assert load_dossier(path).position == "pilote@archives"

    run(scenario)
