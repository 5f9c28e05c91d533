"""The plan: conditions hide questions and sections; repeats; hidden and orphan answers."""

from __future__ import annotations

from pathlib import Path

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.plan import answer_key, build_plan, split_key
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist

CHECKLIST = Path(__file__).parent.parent / "data" / "good" / "conditions.yaml"


def _dossier() -> tuple[Checklist, Dossier]:
    checklist = load_checklist(CHECKLIST)
    return checklist, Dossier.new(checklist, ProjectInfo(name="P"))


def _visible(checklist: Checklist, dossier: Dossier) -> list[str]:
    return [slot.key for slot in build_plan(checklist, dossier).visible_slots]


def test_keys() -> None:
    assert answer_key("q") == "q"
    assert answer_key("q", "grh") == "q@grh"
    assert split_key("q@grh") == ("q", "grh")
    assert split_key("q") == ("q", None)


def test_nothing_answered_hides_conditional_questions_and_repeats() -> None:
    checklist, dossier = _dossier()
    assert _visible(checklist, dossier) == ["proprietaire", "services"]


def test_answers_reveal_questions_sections_and_repetitions() -> None:
    checklist, dossier = _dossier()
    dossier.update_answer("proprietaire", value="commune")
    dossier.update_answer("bail", value="oui")
    dossier.update_answer("services", value=["it", "grh"])
    dossier.update_answer("pilote@it", value="non")
    plan = build_plan(checklist, dossier)
    assert [s.key for s in plan.visible_slots] == [
        "proprietaire",
        "bail",
        "loyer",
        "services",
        "pilote@grh",
        "pilote@it",
        "detail@it",
    ]
    assert [i.title for i in plan.visible_instances] == [
        "Cadre",
        "Service — GRH",
        "Service — Informatique",
    ]


def test_hiding_cascades_and_answers_are_kept() -> None:
    checklist, dossier = _dossier()
    dossier.update_answer("proprietaire", value="commune")
    dossier.update_answer("bail", value="oui")
    dossier.update_answer("loyer", value="oui", note="500 € par mois")
    dossier.update_answer("proprietaire", value="cpas")
    plan = build_plan(checklist, dossier)
    visible = [s.key for s in plan.visible_slots]
    assert "bail" not in visible and "loyer" not in visible  # loyer depends on a hidden answer
    assert "patrimoine" in visible  # the section shown only for the CPAS
    assert [s.key for s in plan.hidden_answered] == ["bail", "loyer"]
    assert dossier.answer("loyer").note == "500 € par mois"


def test_unticked_repetition_is_hidden_not_orphaned() -> None:
    checklist, dossier = _dossier()
    dossier.update_answer("services", value=["grh"])
    dossier.update_answer("pilote@grh", value="oui")
    dossier.update_answer("services", value=["it"])
    dossier.update_answer("ancienne-question", value="oui")
    dossier.update_answer("pilote@piscine", value="oui")
    plan = build_plan(checklist, dossier)
    assert plan.unchosen_repetition_answers == ("pilote@grh",)
    assert plan.orphan_keys == ("ancienne-question", "pilote@piscine")
    assert "pilote@grh" not in [s.key for s in plan.visible_slots]


def test_repetition_lookup_is_local_to_its_repetition() -> None:
    checklist, dossier = _dossier()
    dossier.update_answer("services", value=["grh", "it"])
    dossier.update_answer("pilote@grh", value="non")
    dossier.update_answer("pilote@it", value="oui")
    visible = _visible(checklist, dossier)
    assert "detail@grh" in visible and "detail@it" not in visible
