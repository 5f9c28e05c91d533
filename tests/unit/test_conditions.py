"""The condition language: parsing, evaluation, and the checks made at load time."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from synergy_wizard.checklist.conditions import Condition, evaluate, referenced_questions
from synergy_wizard.checklist.models import Checklist

CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)


def cond(data: Any) -> Any:
    return CONDITION.validate_python(data)


ANSWERS: dict[str, Any] = {
    "proprietaire": "commune",
    "statut": "a-verifier",
    "services": ["grh", "informatique"],
    "texte": "  ",
}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"question": "proprietaire", "est": "commune"}, True),
        ({"question": "proprietaire", "est": "cpas"}, False),
        ({"question": "proprietaire", "parmi": ["cpas", "commune"]}, True),
        ({"question": "services", "contient": "grh"}, True),
        ({"question": "services", "contient": "archives"}, False),
        ({"question": "statut", "repondue": True}, True),
        ({"question": "absente", "repondue": False}, True),
        ({"question": "texte", "repondue": True}, False),
        ({"non": {"question": "proprietaire", "est": "commune"}}, False),
        (
            {
                "et": [
                    {"question": "statut", "est": "a-verifier"},
                    {"question": "services", "contient": "informatique"},
                ]
            },
            True,
        ),
        (
            {
                "ou": [
                    {"question": "statut", "est": "oui"},
                    {"non": {"question": "services", "contient": "grh"}},
                ]
            },
            False,
        ),
    ],
)
def test_evaluate(data: Any, expected: bool) -> None:
    assert evaluate(cond(data), ANSWERS.get) is expected


@pytest.mark.parametrize(
    "data",
    [
        {"question": "a", "est": "x", "parmi": ["y"]},
        {"question": "a"},
        {"question": "a", "egal": "x"},
        {"et": []},
        {"non": "a == 1"},
        "__import__('os').system('true')",
    ],
)
def test_malformed_conditions_are_rejected(data: Any) -> None:
    with pytest.raises(ValidationError):
        cond(data)


def test_referenced_questions() -> None:
    condition = cond(
        {"et": [{"question": "a", "est": "oui"}, {"non": {"question": "b", "repondue": True}}]}
    )
    assert referenced_questions(condition) == {"a", "b"}
    assert referenced_questions(None) == set()


def _checklist(first_section: dict[str, Any], *more: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "essai",
        "version": "1.0",
        "titre": "T",
        "resume": "R",
        "avertissement": "A",
        "cadre_legal_au": "2025-06-30",
        "sections": [first_section, *more],
    }


BASE = {
    "id": "s1",
    "titre": "S1",
    "questions": [
        {
            "id": "proprietaire",
            "texte": "Qui ?",
            "type": "choix",
            "choix": [{"id": "commune", "libelle": "Commune"}, {"id": "cpas", "libelle": "CPAS"}],
        },
        {
            "id": "services",
            "texte": "Quoi ?",
            "type": "choix_multiple",
            "choix": [{"id": "grh", "libelle": "GRH"}, {"id": "it", "libelle": "IT"}],
        },
    ],
}


def _with(question: dict[str, Any]) -> dict[str, Any]:
    return {**BASE, "questions": [*BASE["questions"], question]}


def test_valid_conditions_and_repeat_load() -> None:
    checklist = Checklist.model_validate(
        _checklist(
            _with(
                {
                    "id": "bail",
                    "texte": "Bail ?",
                    "visible_si": {"question": "proprietaire", "est": "commune"},
                }
            ),
            {
                "id": "par-service",
                "titre": "Service",
                "repeter_pour": "services",
                "questions": [{"id": "pilote", "texte": "Pilote ?"}],
            },
        )
    )
    assert checklist.sections[1].repeat_for == "services"


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        (
            {"id": "x", "texte": "?", "visible_si": {"question": "nulle", "est": "oui"}},
            "cite la question « nulle », qui n'existe pas",
        ),
        (
            {"id": "x", "texte": "?", "visible_si": {"question": "proprietaire", "est": "region"}},
            "ne propose pas ce choix",
        ),
        (
            {
                "id": "x",
                "texte": "?",
                "visible_si": {"question": "proprietaire", "contient": "cpas"},
            },
            "n'est pas à choix multiple",
        ),
        (
            {"id": "x", "texte": "?", "visible_si": {"question": "services", "est": "grh"}},
            "ni un statut ni un choix unique",
        ),
        (
            {"id": "x", "texte": "?", "visible_si": {"question": "x", "repondue": True}},
            "boucle : x → x",
        ),
        (
            {"id": "x", "texte": "?", "anciens_ids": ["services"]},
            "l'ancien identifiant « services »",
        ),
    ],
)
def test_condition_mistakes_are_reported(question: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        Checklist.model_validate(_checklist(_with(question)))


def test_cycle_between_two_questions() -> None:
    with pytest.raises(ValidationError, match="boucle"):
        Checklist.model_validate(
            _checklist(
                {
                    "id": "s",
                    "titre": "S",
                    "questions": [
                        {
                            "id": "a",
                            "texte": "?",
                            "visible_si": {"question": "b", "repondue": True},
                        },
                        {
                            "id": "b",
                            "texte": "?",
                            "visible_si": {"question": "a", "repondue": True},
                        },
                    ],
                }
            )
        )


def test_repeat_must_name_a_multiple_choice_question() -> None:
    with pytest.raises(ValidationError, match="choix multiple existante"):
        Checklist.model_validate(
            _checklist(
                BASE,
                {
                    "id": "r",
                    "titre": "R",
                    "repeter_pour": "proprietaire",
                    "questions": [{"id": "q", "texte": "?"}],
                },
            )
        )
