"""The action plan: which answers are in it, how it sorts, when a deadline is overdue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from synergy_wizard.answers.action_plan import (
    ActionItem,
    SortKey,
    build_action_plan,
    sort_action_plan,
)
from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist

TODAY = date(2026, 3, 14)


@pytest.fixture
def checklist(data_dir: Path) -> Checklist:
    return load_checklist(data_dir / "good" / "conditions.yaml")


def plan_items(checklist: Checklist, answers: dict[str, dict[str, object]]) -> list[ActionItem]:
    dossier = Dossier.new(checklist, ProjectInfo(name="Essai"))
    for key, fields in answers.items():
        dossier.update_answer(key, **fields)
    return list(build_action_plan(build_plan(checklist, dossier)))


@pytest.fixture
def items(checklist: Checklist) -> list[ActionItem]:
    return plan_items(
        checklist,
        {
            "proprietaire": {"value": "commune", "owner": "Zoé", "priority": "basse"},
            "bail": {"value": "oui", "deadline": date(2026, 1, 1), "priority": "haute"},
            "loyer": {"value": "a-verifier", "owner": "adèle", "deadline": date(2026, 5, 1)},
            "services": {"value": ["grh"]},
            "pilote@grh": {"value": "partiellement", "owner": "Bruno"},
            "patrimoine": {"value": "non", "owner": "hidden section, not in the plan"},
        },
    )


def test_open_points_and_follow_ups_of_shown_questions_only(items: list[ActionItem]) -> None:
    assert [(i.key, i.number, i.open_point) for i in items] == [
        ("proprietaire", "1.1", False),
        ("bail", "1.2", False),
        ("loyer", "1.3", True),
        ("pilote@grh", "2.1", True),
    ]
    assert items[3].section_title == "Service — GRH"


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("echeance", ["bail", "loyer", "proprietaire", "pilote@grh"]),
        ("priorite", ["bail", "proprietaire", "loyer", "pilote@grh"]),
        ("responsable", ["loyer", "pilote@grh", "proprietaire", "bail"]),
        ("section", ["proprietaire", "bail", "loyer", "pilote@grh"]),
    ],
)
def test_sorting(items: list[ActionItem], by: SortKey, expected: list[str]) -> None:
    assert [item.key for item in sort_action_plan(items, by)] == expected


def test_overdue_only_when_past_and_not_settled(checklist: Checklist) -> None:
    past, future = date(2026, 3, 13), date(2026, 3, 15)
    items = {
        item.key: item
        for item in plan_items(
            checklist,
            {
                "proprietaire": {"value": "commune", "deadline": past},  # answered: settled
                "bail": {"value": "non", "deadline": past},  # open and past: overdue
                "services": {"deadline": past},  # unanswered and past: overdue
            },
        )
    }
    assert items["bail"].overdue(TODAY)
    assert items["services"].overdue(TODAY)
    assert not items["proprietaire"].overdue(TODAY)
    assert not items["bail"].overdue(past)  # on the day itself, not yet late
    settled = plan_items(
        checklist,
        {
            "proprietaire": {"value": "commune"},
            "bail": {"value": "oui", "deadline": past, "owner": "x"},
        },
    )
    assert not settled[0].overdue(TODAY)
    assert not plan_items(checklist, {"proprietaire": {"value": "commune", "deadline": future}})[
        0
    ].overdue(TODAY)
