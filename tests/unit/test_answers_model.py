"""The dossier model: file data, strict types, answer updates."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

from synergy_wizard.answers.model import (
    FORMAT_VERSION,
    Answer,
    ChecklistStamp,
    Dossier,
    ProjectInfo,
)
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.safe_yaml import parse_yaml

MINI = Path(__file__).resolve().parents[1] / "data" / "good" / "mini.yaml"
STAMP = datetime(2026, 1, 12, 16, 45, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(scope="module")
def mini() -> Checklist:
    return Checklist.model_validate(parse_yaml(MINI.read_bytes(), MINI).data)


def _dossier(checklist: Checklist) -> Dossier:
    project = ProjectInfo(name="Bâtiment Fléron 2026", created_at=STAMP, updated_at=STAMP)
    return Dossier.new(checklist, project)


def test_new_dossier_is_stamped_with_its_checklist(mini: Checklist) -> None:
    dossier = _dossier(mini)
    assert dossier.format == FORMAT_VERSION
    assert dossier.checklist == ChecklistStamp.of(mini)
    assert dossier.checklist.content_hash == mini.content_hash
    assert dossier.answers == {}
    assert dossier.position == ""


def test_file_data_uses_french_keys_in_model_order_without_empty_fields(mini: Checklist) -> None:
    dossier = _dossier(mini)
    dossier.answers["probleme-resolu"] = Answer(
        value="non", note="À revoir", owner="", deadline=date(2026, 3, 31), updated_at=STAMP
    )
    dossier.answers["porteur"] = Answer(value="cpas", note="  ")
    data = dossier.to_file_data()
    assert list(data) == ["format", "projet", "checklist", "position", "reponses"]
    assert data["projet"] == {
        "nom": "Bâtiment Fléron 2026",
        "cpas": "",
        "partenaire": "",
        "auteur": "",
        "cree_le": "2026-01-12T16:45:00+01:00",
        "modifie_le": "2026-01-12T16:45:00+01:00",
    }
    assert data["checklist"] == {"id": "mini", "version": "1.2.0", "empreinte": mini.content_hash}
    assert data["reponses"] == {
        "probleme-resolu": {
            "valeur": "non",
            "note": "À revoir",
            "echeance": "2026-03-31",
            "modifie_le": "2026-01-12T16:45:00+01:00",
        },
        "porteur": {"valeur": "cpas", "note": "  "},  # a note of spaces is kept as typed
    }
    assert Dossier.model_validate(data) == dossier


def test_update_answer_parses_and_validates_before_changing_anything(mini: Checklist) -> None:
    dossier = _dossier(mini)
    answer = dossier.update_answer("probleme-resolu", value="non", deadline="2026-03-31")
    assert answer.deadline == date(2026, 3, 31)
    before = dossier.model_copy(deep=True)
    with pytest.raises(ValidationError):
        dossier.update_answer("probleme-resolu", value=12)
    with pytest.raises(ValidationError):
        dossier.update_answer("probleme-resolu", deadline="2026-02-30")
    assert dossier == before


def test_an_answer_with_only_a_follow_up_is_kept(mini: Checklist) -> None:
    dossier = _dossier(mini)
    dossier.update_answer("porteur", owner="Anne")
    dossier.update_answer("description", deadline=date(2026, 6, 30))
    assert set(dossier.answers) == {"porteur", "description"}
    assert not dossier.answers["porteur"].is_answered
    dossier.update_answer("porteur", owner="")
    assert set(dossier.answers) == {"description"}


def test_reading_an_unknown_answer_stores_nothing(mini: Checklist) -> None:
    dossier = _dossier(mini)
    assert dossier.answer("inconnue") == Answer()
    assert dossier.answers == {}


@pytest.mark.parametrize(
    "data",
    [
        {"valeur": 12},
        {"valeur": True},
        {"valeur": ["grh", 3]},
        {"valeur": {"a": "b"}},
        {"note": 5},
        {"responsable": None},
        {"echeance": "demain"},
        {"commentaire": "clé inconnue"},
    ],
)
def test_answer_types_are_strict(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Answer.model_validate(data)


def test_project_name_is_required_text() -> None:
    for name in ("", 2026, None):
        with pytest.raises(ValidationError):
            ProjectInfo.model_validate({"nom": name})
    assert ProjectInfo.model_validate({"nom": "2026"}).name == "2026"


def test_assignments_are_validated(mini: Checklist) -> None:
    dossier = _dossier(mini)
    with pytest.raises(ValidationError):
        dossier.position = 3  # type: ignore[assignment]
    with pytest.raises(ValidationError):
        dossier.project.name = ""
