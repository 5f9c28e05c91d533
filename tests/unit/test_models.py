"""The checklist and dossier models: strictness, helpers, round trips."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from synergy_wizard.answers.model import Answer, Dossier, ProjectInfo
from synergy_wizard.answers.progress import compute_progress, is_open_point
from synergy_wizard.checklist.models import STATUT_CHOICES, Checklist


def _checklist(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "essai",
        "version": "1.0.0",
        "titre": "Essai",
        "resume": "Résumé.",
        "avertissement": "Contenu reconstitué.",
        "cadre_legal_au": "2025-06-30",
        "sections": [
            {
                "id": "s1",
                "titre": "Première",
                "questions": [
                    {"id": "q1", "texte": "Statut ?"},
                    {
                        "id": "q2",
                        "texte": "Choix ?",
                        "type": "choix",
                        "choix": [{"id": "a", "libelle": "A"}, {"id": "b", "libelle": "B"}],
                    },
                ],
            },
            {
                "id": "s2",
                "titre": "Seconde",
                "questions": [{"id": "q3", "texte": "Texte ?", "type": "texte"}],
            },
        ],
    }
    data.update(overrides)
    return data


def test_mini_checklist_is_valid(mini_checklist_path: Any) -> None:
    checklist = Checklist.model_validate(yaml.safe_load(mini_checklist_path.read_text("utf-8")))
    assert [q.kind for q in checklist.questions] == [
        "statut",
        "choix",
        "choix_multiple",
        "texte",
        "texte_long",
    ]
    assert checklist.section_of("services-vises").id == "services"
    assert checklist.question("porteur").choice_label("cpas") == "Le CPAS"


def test_statut_scale_is_in_key_order() -> None:
    assert [c.id for c in STATUT_CHOICES] == [
        "oui",
        "non",
        "partiellement",
        "a-verifier",
        "sans-objet",
    ]


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"requierd": True}, "extra_forbidden"),
        ({"type": "oui-non"}, "literal_error"),
        ({"obligatoire": "oui"}, "bool_type"),
        ({"type": "choix", "choix": [{"id": "a", "libelle": "A"}]}, "au moins deux choix"),
        ({"choix": [{"id": "a", "libelle": "A"}, {"id": "b", "libelle": "B"}]}, "ne s'emploie"),
        ({"id": "Pas_Bon"}, "string_pattern_mismatch"),
    ],
)
def test_question_is_strict(change: dict[str, Any], fragment: str) -> None:
    data = _checklist()
    data["sections"][0]["questions"][0].update(change)
    with pytest.raises(ValidationError) as info:
        Checklist.model_validate(data)
    assert fragment in str(info.value) or any(e["type"] == fragment for e in info.value.errors())


def test_duplicate_question_ids_are_rejected() -> None:
    data = _checklist()
    data["sections"][1]["questions"][0]["id"] = "q1"
    with pytest.raises(ValidationError, match="« q1 » est utilisé deux fois"):
        Checklist.model_validate(data)


def test_version_must_be_text() -> None:
    with pytest.raises(ValidationError):
        Checklist.model_validate(_checklist(version=1.1))


def test_content_hash_follows_content_only() -> None:
    first = Checklist.model_validate(_checklist())
    same = Checklist.model_validate(_checklist())
    other = Checklist.model_validate(_checklist(titre="Autre"))
    assert first.content_hash == same.content_hash != other.content_hash
    assert first.content_hash.startswith("sha256:")


def test_checklist_is_frozen() -> None:
    checklist = Checklist.model_validate(_checklist())
    with pytest.raises(ValidationError):
        checklist.title = "Modifié"  # type: ignore[misc]


def test_update_answer_stamps_and_removes_empty_answers() -> None:
    checklist = Checklist.model_validate(_checklist())
    dossier = Dossier.new(checklist, ProjectInfo(name="Projet"))
    answer = dossier.update_answer("q1", value="non", note="À revoir")
    assert answer.updated_at is not None
    assert dossier.project.updated_at == answer.updated_at
    assert dossier.answer("q1").value == "non"
    dossier.update_answer("q1", value=None, note="")
    assert "q1" not in dossier.answers


def test_answer_emptiness() -> None:
    assert not Answer(value="  ").is_answered
    assert not Answer(value=[]).is_answered
    assert Answer(value=["a"]).is_answered
    assert Answer(note="x").is_answered is False
    assert Answer(note="x").is_empty is False


def test_progress_counts_answers_and_open_points() -> None:
    checklist = Checklist.model_validate(_checklist())
    dossier = Dossier.new(checklist, ProjectInfo(name="Projet"))
    dossier.update_answer("q1", value="a-verifier")
    dossier.update_answer("orphelin", value="oui")
    progress = compute_progress(checklist, dossier)
    assert (progress.total, progress.answered, progress.open_points) == (3, 1, 1)
    assert [s.state for s in progress.sections] == ["en cours", "à faire"]
    assert progress.percent == 33
    assert is_open_point(checklist.question("q1"), dossier)
    dossier.update_answer("q2", value="a")
    dossier.update_answer("q3", value="texte")
    progress = compute_progress(checklist, dossier)
    assert [s.state for s in progress.sections] == ["points ouverts", "complet"]
    assert progress.percent == 100
