"""A dossier opened with a changed checklist: what no longer fits is reported, never dropped."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from synergy_wizard.answers.compat import (
    Compatibility,
    apply_renames,
    check_compatibility,
    check_value,
)
from synergy_wizard.answers.model import Answer, AnswerValue, Dossier, ProjectInfo
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.models import Checklist, Question
from synergy_wizard.safe_yaml import parse_yaml

MINI = Path(__file__).resolve().parents[1] / "data" / "good" / "mini.yaml"


def _mini_data() -> dict[str, Any]:
    data = parse_yaml(MINI.read_bytes(), MINI).data
    assert isinstance(data, dict)
    return data


def _changed_checklist() -> Checklist:
    """Version 1.3.0 of « mini »: a question removed, choices removed, kinds changed."""
    data = copy.deepcopy(_mini_data())
    data["version"] = "1.3.0"
    opportunite, services = data["sections"]
    porteur = opportunite["questions"][1]
    porteur["choix"] = [c for c in porteur["choix"] if c["id"] != "conjoint"]
    services["questions"] = [q for q in services["questions"] if q["id"] != "nom-projet-court"]
    visees = services["questions"][0]
    visees["choix"] = [c for c in visees["choix"] if c["id"] != "marches-publics"]
    description = services["questions"][1]
    description["type"] = "choix"  # was a long text
    description["choix"] = [{"id": "court", "libelle": "Court"}, {"id": "long", "libelle": "Long"}]
    return Checklist.model_validate(data)


def _dossier(checklist: Checklist) -> Dossier:
    dossier = Dossier.new(checklist, ProjectInfo(name="Projet"))
    dossier.update_answer("probleme-resolu", value="oui")
    dossier.update_answer("porteur", value="conjoint", note="décidé en comité")
    dossier.update_answer("services-vises", value=["grh", "marches-publics", "ancien"])
    dossier.update_answer("nom-projet-court", value="Fléron 2026")
    dossier.update_answer("description", value="Un texte libre.")
    dossier.update_answer("question-d-une-autre-epoque", value="non", owner="Anne")
    return dossier


def test_same_checklist_fits() -> None:
    mini = Checklist.model_validate(_mini_data())
    dossier = _dossier(mini)
    del dossier.answers["question-d-une-autre-epoque"]
    dossier.update_answer("services-vises", value=["grh", "marches-publics"])
    result = check_compatibility(mini, dossier)
    assert result == Compatibility(
        same_version=True,
        same_content=True,
        orphan_ids=(),
        invalid_values=(),
        checklist_version="1.2.0",
        dossier_version="1.2.0",
    )
    assert result.fits
    assert result.messages() == []


def test_changed_checklist_reports_orphans_and_invalid_values() -> None:
    dossier = _dossier(Checklist.model_validate(_mini_data()))
    before = dossier.model_copy(deep=True)
    result = check_compatibility(_changed_checklist(), dossier)
    assert not result.same_version and not result.same_content and not result.fits
    assert result.orphan_ids == ("nom-projet-court", "question-d-une-autre-epoque")
    assert result.invalid_values == ("porteur", "services-vises", "description")
    assert result.messages() == [
        "Ce dossier a été commencé avec la version 1.2.0 de la check-list ; il est ouvert "
        "avec la version 1.3.0.",
        "2 réponses concernent des questions qui n'existent plus dans la version 1.3.0 "
        "(« nom-projet-court », « question-d-une-autre-epoque ») ; elles sont conservées dans "
        "le dossier et reprises en annexe.",
        "3 réponses ne correspondent plus à leur question ; elles sont conservées telles "
        "quelles, à revoir :",
        "Question « porteur » : le choix « conjoint » n'est plus proposé.",
        "Question « services-vises » : les choix « marches-publics », « ancien » ne sont plus "
        "proposés.",
        "Question « description » : le choix « Un texte libre. » n'est plus proposé.",
    ]
    assert dossier == before  # checking changes nothing


def test_orphans_and_invalid_values_survive_save_and_load(tmp_path: Path) -> None:
    changed = _changed_checklist()
    dossier = _dossier(Checklist.model_validate(_mini_data()))
    path = tmp_path / "projet.yaml"
    save_dossier(dossier, path)
    reopened = load_dossier(path)
    reopened.update_answer("probleme-resolu", value="partiellement")  # work goes on
    save_dossier(reopened, path)
    final = load_dossier(path)
    assert (
        final.answers["question-d-une-autre-epoque"]
        == dossier.answers["question-d-une-autre-epoque"]
    )
    assert final.answers["nom-projet-court"].value == "Fléron 2026"
    assert final.answers["porteur"].value == "conjoint"
    assert final.answers["porteur"].note == "décidé en comité"
    result = check_compatibility(changed, final)
    assert result.orphan_ids == ("nom-projet-court", "question-d-une-autre-epoque")
    assert result.invalid_values == ("porteur", "services-vises", "description")


def test_one_orphan_and_one_invalid_value_read_in_the_singular() -> None:
    changed = _changed_checklist()
    dossier = Dossier.new(changed, ProjectInfo(name="Projet"))
    dossier.answers["ancienne"] = Answer(value="oui")
    dossier.answers["porteur"] = Answer(value="conjoint")
    assert check_compatibility(changed, dossier).messages() == [
        "1 réponse concerne une question qui n'existe plus dans la version 1.3.0 "
        "(« ancienne ») ; elle est conservée dans le dossier et reprise en annexe.",
        "1 réponse ne correspond plus à sa question ; elle est conservée telle quelle, à revoir :",
        "Question « porteur » : le choix « conjoint » n'est plus proposé.",
    ]


def test_same_version_with_edited_content_is_mentioned() -> None:
    data = _mini_data()
    original = Checklist.model_validate(data)
    data["titre"] = "Titre retouché"
    edited = Checklist.model_validate(data)
    result = check_compatibility(edited, Dossier.new(original, ProjectInfo(name="P")))
    assert result.same_version and not result.same_content
    assert result.messages() == [
        "La check-list a été modifiée depuis le dernier enregistrement de ce dossier "
        "(même numéro de version, 1.2.0)."
    ]


def _renamed_checklist() -> Checklist:
    """« porteur » became « pilote », which lists its former id."""
    data = copy.deepcopy(_mini_data())
    data["version"] = "2.0.0"
    porteur = data["sections"][0]["questions"][1]
    porteur["id"] = "pilote"
    porteur["anciens_ids"] = ["porteur"]
    return Checklist.model_validate(data)


def test_answers_to_a_renamed_question_are_carried_over(tmp_path: Path) -> None:
    renamed = _renamed_checklist()
    dossier = Dossier.new(Checklist.model_validate(_mini_data()), ProjectInfo(name="P"))
    dossier.update_answer("porteur", value="cpas", note="voté le 12 janvier")
    result = check_compatibility(renamed, dossier)
    assert result.renamed == (("porteur", "pilote"),)
    assert result.orphan_ids == () and result.invalid_values == ()
    assert result.messages() == [
        "Ce dossier a été commencé avec la version 1.2.0 de la check-list ; il est ouvert "
        "avec la version 2.0.0.",
        "1 réponse a été donnée à une question renommée depuis (« porteur » devenue "
        "« pilote ») ; elle est reprise pour cette question.",
    ]
    assert "porteur" in dossier.answers  # checking moves nothing
    answer = dossier.answers["porteur"]
    assert apply_renames(renamed, dossier) == (("porteur", "pilote"),)
    assert dossier.answers == {"pilote": answer}
    path = tmp_path / "projet.yaml"
    save_dossier(dossier, path)
    assert check_compatibility(renamed, load_dossier(path)).renamed == ()


def test_a_renamed_answer_never_overwrites_a_newer_one() -> None:
    renamed = _renamed_checklist()
    dossier = Dossier.new(renamed, ProjectInfo(name="P"))
    dossier.answers["porteur"] = Answer(value="commune")
    dossier.answers["pilote"] = Answer(value="cpas")
    result = check_compatibility(renamed, dossier)
    assert (result.renamed, result.orphan_ids) == ((), ("porteur",))
    assert apply_renames(renamed, dossier) == ()
    assert dossier.answers == {"porteur": Answer(value="commune"), "pilote": Answer(value="cpas")}


@pytest.fixture(scope="module")
def questions() -> dict[str, Question]:
    mini = Checklist.model_validate(_mini_data())
    return {q.kind: q for q in mini.questions}


@pytest.mark.parametrize(
    ("kind", "value", "problem"),
    [
        ("statut", None, None),
        ("statut", "", None),
        ("statut", "a-verifier", None),
        ("statut", "peut-etre", "le choix « peut-etre » n'est plus proposé"),
        (
            "statut",
            ["oui"],
            "la réponse est une liste de choix, alors que la question n'en attend qu'un",
        ),
        ("choix", "cpas", None),
        ("choix", "region", "le choix « region » n'est plus proposé"),
        ("choix_multiple", [], None),
        ("choix_multiple", ["grh", "informatique"], None),
        ("choix_multiple", ["grh", "rh"], "le choix « rh » n'est plus proposé"),
        ("choix_multiple", ["grh", "grh"], "le choix « grh » figure plusieurs fois"),
        (
            "choix_multiple",
            "grh",
            "la réponse « grh » est un texte seul, alors que la question attend une liste de choix",
        ),
        ("texte", "NO", None),
        ("texte_long", "ligne 1\nligne 2", None),
        (
            "texte",
            ["grh"],
            "la réponse est une liste de choix, alors que la question attend un texte",
        ),
    ],
)
def test_check_value(
    questions: dict[str, Question], kind: str, value: AnswerValue, problem: str | None
) -> None:
    assert check_value(questions[kind], value) == problem
