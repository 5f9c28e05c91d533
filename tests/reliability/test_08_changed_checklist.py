"""Case 8: the checklist changed since the dossier was last opened — nothing is ever dropped.

A question removed, one renamed (``anciens_ids``), a choice removed, a kind changed and a
question added, all at once. The details of each rule are in ``tests/unit/test_compat.py``,
``tests/unit/test_plan.py`` and ``tests/unit/test_render_plan.py``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from synergy_wizard.answers.compat import apply_renames, check_compatibility
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.render import write_dossier
from synergy_wizard.safe_yaml import parse_yaml

from .helpers import MINI, make_dossier, mini


def _version_2() -> Checklist:
    data: dict[str, Any] = copy.deepcopy(parse_yaml(MINI.read_bytes(), MINI).data)  # type: ignore[arg-type]
    data["version"] = "2.0.0"
    opportunity, services = data["sections"]
    porteur = opportunity["questions"][1]
    porteur["id"], porteur["anciens_ids"] = "pilote", ["porteur"]  # renamed
    services["questions"] = [
        q for q in services["questions"] if q["id"] != "nom-projet-court"
    ]  # removed
    for question in services["questions"]:
        if question["id"] == "services-vises":  # a choice removed
            question["choix"] = [c for c in question["choix"] if c["id"] != "marches-publics"]
        if question["id"] == "description":  # its kind changed
            question["type"] = "choix"
            question["choix"] = [
                {"id": "court", "libelle": "Court"},
                {"id": "long", "libelle": "Long"},
            ]
    services["questions"].append(
        {
            "id": "budget",
            "texte": "Le budget est-il voté ?",
            "aide": "Voir le conseil.",
            "type": "statut",
        }
    )  # added
    return Checklist.model_validate(data)


def test_answers_survive_every_kind_of_checklist_change(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    dossier = make_dossier(
        path,
        answers={
            "probleme-resolu": "non",
            "porteur": "cpas",
            "services-vises": ["grh", "marches-publics"],
            "nom-projet-court": "Maison des services",
            "description": "Un guichet commun, rue Haute",
        },
    )
    assert dossier.checklist.version == mini().version == "1.2.0"
    v2 = _version_2()

    reopened = load_dossier(path)
    compatibility = check_compatibility(v2, reopened)
    assert compatibility.messages() == [
        "Ce dossier a été commencé avec la version 1.2.0 de la check-list ; il est ouvert "
        "avec la version 2.0.0.",
        "1 réponse a été donnée à une question renommée depuis (« porteur » devenue "
        "« pilote ») ; elle est reprise pour cette question.",
        "1 réponse concerne une question qui n'existe plus dans la version 2.0.0 "
        "(« nom-projet-court ») ; elle est conservée dans le dossier et reprise en annexe.",
        "2 réponses ne correspondent plus à leur question ; elles sont conservées telles "
        "quelles, à revoir :",
        "Question « services-vises » : le choix « marches-publics » n'est plus proposé.",
        "Question « description » : le choix « Un guichet commun, rue Haute » n'est plus proposé.",
    ]

    assert apply_renames(v2, reopened) == (("porteur", "pilote"),)
    save_dossier(reopened, path)
    text = path.read_text(encoding="utf-8")
    saved = load_dossier(path)
    assert {key: answer.value for key, answer in saved.answers.items()} == {
        "probleme-resolu": "non",
        "pilote": "cpas",
        "services-vises": ["grh", "marches-publics"],
        "nom-projet-court": "Maison des services",
        "description": "Un guichet commun, rue Haute",
    }
    assert "  nom-projet-court:\n    valeur: Maison des services\n" in text
    assert "budget" not in saved.answers  # nothing invented either

    for fmt in ("html", "md"):
        output = write_dossier(v2, saved, fmt, tmp_path / f"dossier.{fmt}")
        rendered = output.read_text(encoding="utf-8")
        assert "Maison des services" in rendered  # the orphan, in the annex
        assert "nom-projet-court" in rendered
        assert "Un guichet commun, rue Haute" in rendered  # kept as written
