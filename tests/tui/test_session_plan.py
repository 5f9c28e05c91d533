"""Answering keeps the plan and counts equal to a full recomputation.

An answer to a question no condition tests and no section is repeated for only updates the
counts of its section (:meth:`DossierSession.set_answer`); any other answer recomputes the
plan. Random answer sequences check both against ``build_plan`` and ``progress_of``.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from synergy_wizard.answers.model import AnswerValue, Dossier, ProjectInfo
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.answers.progress import progress_of
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Question
from synergy_wizard.tui.session import AnswerField, DossierSession, EditValue

ROOT = Path(__file__).parent.parent.parent
DATA = ROOT / "tests" / "data" / "good"
CHECKLISTS = [*sorted((ROOT / "checklists").glob("*.yaml")), DATA / "mini.yaml"]
CHECKLISTS.append(DATA / "conditions.yaml")


def _random_value(question: Question, rng: random.Random) -> AnswerValue:
    ids = [choice.id for choice in question.effective_choices]
    if rng.random() < 0.15:
        return None  # the answer is cleared
    if question.kind in ("statut", "choix"):
        return rng.choice(ids)
    if question.kind == "choix_multiple":
        return rng.sample(ids, rng.randint(0, len(ids)))
    return rng.choice(["oui", "Un texte.", ""])


def _random_edit(session: DossierSession, rng: random.Random) -> tuple[str, AnswerField, EditValue]:
    plan = session.plan
    visible = plan.visible_slots
    # mostly questions shown, sometimes a hidden one (kept answers stay editable in memory)
    slot = rng.choice(visible) if visible and rng.random() < 0.9 else rng.choice(plan.slots)
    if rng.random() < 0.8:
        return slot.key, "value", _random_value(slot.question, rng)
    return slot.key, "note", rng.choice(["", "Une note."])


def _assert_as_recomputed(session: DossierSession) -> None:
    full = build_plan(session.checklist, session.dossier)
    plan = session.plan
    assert plan.visible_slots == full.visible_slots
    assert plan.visible_instances == full.visible_instances
    assert plan.hidden_answered == full.hidden_answered
    assert plan.orphan_keys == full.orphan_keys
    assert plan.unchosen_repetition_answers == full.unchosen_repetition_answers
    assert session.progress == progress_of(full)
    assert [session.slot_index(s.key) for s in full.visible_slots] == list(
        range(len(full.visible_slots))
    )


@pytest.mark.parametrize("path", CHECKLISTS, ids=lambda p: p.stem)
def test_random_answers_keep_plan_and_progress_equal_to_a_full_recomputation(
    path: Path, tmp_path: Path
) -> None:
    checklist = load_checklist(path)
    dossier = Dossier.new(checklist, ProjectInfo(name="Projet"))
    session = DossierSession(checklist, dossier, tmp_path / "dossier.yaml")
    rng = random.Random(path.stem)
    changed = 0
    for _ in range(300):
        key, field_name, value = _random_edit(session, rng)
        changed += session.set_answer(key, field_name, value)
        _assert_as_recomputed(session)
    assert changed > 100  # the sequence really changed answers


def _session(path: Path, tmp_path: Path) -> DossierSession:
    checklist = load_checklist(path)
    dossier = Dossier.new(checklist, ProjectInfo(name="Projet"))
    return DossierSession(checklist, dossier, tmp_path / "dossier.yaml")


def test_an_answer_no_condition_tests_keeps_the_plan_and_updates_its_section(
    tmp_path: Path,
) -> None:
    session = _session(DATA / "mini.yaml", tmp_path)
    inputs = session.checklist.plan_inputs
    plan = session.plan
    slot = next(s for s in plan.visible_slots if s.question.id not in inputs)
    before = session.progress
    assert session.set_answer(slot.key, "value", _random_value(slot.question, random.Random(2)))
    assert session.plan is plan  # kept: only the counts changed
    changed = [
        (old.answered, new.answered)
        for old, new in zip(before.sections, session.progress.sections, strict=True)
        if old != new
    ]
    assert changed == [(0, 1)]
    _assert_as_recomputed(session)


def test_ticking_the_choices_a_section_repeats_for_recomputes_the_plan(tmp_path: Path) -> None:
    session = _session(DATA / "conditions.yaml", tmp_path)
    inputs = session.checklist.plan_inputs
    repeat_for = {s.repeat_for for s in session.checklist.sections if s.repeat_for}
    tested = {"proprietaire", "bail", "pilote"}  # the questions conditions.yaml tests
    assert inputs == repeat_for | tested
    plan = session.plan
    assert session.set_answer("services", "value", ["grh"])
    assert session.plan is not plan  # recomputed: a repetition appears
    assert [i.key for i in session.plan.visible_instances] == ["cadre", "service@grh"]
    _assert_as_recomputed(session)
