"""The review of a dossier: states per section instance, hidden and orphan answers, targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.answers.review import Review, build_review
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist


@pytest.fixture
def checklist(data_dir: Path) -> Checklist:
    return load_checklist(data_dir / "good" / "conditions.yaml")


def review_of(checklist: Checklist, **answers: object) -> Review:
    dossier = Dossier.new(checklist, ProjectInfo(name="Essai"))
    for key, value in answers.items():
        dossier.update_answer(key.replace("__", "@"), value=value)
    return build_review(build_plan(checklist, dossier))


def table(review: Review) -> list[tuple[str, str, list[tuple[str, str, str, str | None]]]]:
    return [
        (
            group.number,
            group.title,
            [(item.key, item.number, item.state, item.target) for item in group.items],
        )
        for group in review.groups
    ]


def test_every_state_is_listed_per_section_instance(checklist: Checklist) -> None:
    review = review_of(
        checklist,
        proprietaire="cpas",
        bail="oui",  # hidden: only asked when the commune owns the building
        services=["grh"],
        pilote__grh="non",
        pilote__it="oui",  # « it » is not ticked: kept, hidden
        vieux="oui",  # no such question: an orphan
    )
    assert table(review) == [
        (
            "1",
            "Cadre",
            [
                ("proprietaire", "1.1", "repondue", "proprietaire"),
                ("bail", "", "masquee", "proprietaire"),
                ("services", "1.2", "repondue", "services"),
            ],
        ),
        (
            "2",
            "Service — GRH",
            [
                ("pilote@grh", "2.1", "a-suivre", "pilote@grh"),
                ("detail@grh", "2.2", "sans-reponse", "detail@grh"),
            ],
        ),
        ("3", "CPAS seul", [("patrimoine", "3.1", "sans-reponse", "patrimoine")]),
        ("", "Répétitions décochées", [("pilote@it", "", "masquee", "services")]),
        (
            "",
            "Réponses orphelines",
            [("vieux", "", "orpheline", None)],
        ),
    ]
    assert review.count("masquee") == 2
    assert review.count("orpheline") == 1
    assert review.count("a-suivre") == 1


def test_a_hidden_answer_says_which_question_hides_it(checklist: Checklist) -> None:
    review = review_of(checklist, proprietaire="cpas", bail="oui")
    hidden = next(item for group in review.groups for item in group.items if item.key == "bail")
    assert hidden.reason == "Masquée par la réponse à la question « Qui ? »."


def test_an_answer_in_a_hidden_section_is_listed_under_that_section(
    checklist: Checklist,
) -> None:
    review = review_of(checklist, proprietaire="commune", patrimoine="non")
    titles = [group.title for group in review.groups]
    assert "CPAS seul (section masquée)" in titles
    group = review.groups[titles.index("CPAS seul (section masquée)")]
    assert [(i.key, i.state, i.target) for i in group.items] == [
        ("patrimoine", "masquee", "proprietaire")
    ]
    assert group.number == ""


def test_a_hidden_question_with_nothing_kept_is_not_listed(checklist: Checklist) -> None:
    review = review_of(checklist, proprietaire="cpas")
    keys = [item.key for group in review.groups for item in group.items]
    assert "bail" not in keys
    assert "loyer" not in keys
