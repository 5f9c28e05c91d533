"""A checklist with conditions and a repeated section, a dossier full of follow-ups, and a
way to reach its walk screen.

Used by the review, action plan, export and snapshot tests: it holds every case the review
shows (answered, open, unanswered, hidden, from an unticked repetition, orphaned) and every
case of the action plan (overdue, due later, no deadline; the three priorities).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from tui_helpers import FIXED_TIME

from synergy_wizard.answers.model import ProjectInfo
from synergy_wizard.answers.storage import DossierStore, save_dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.screens.dialogs import NoticeDialog
from synergy_wizard.tui.screens.walk import WalkScreen

PAST = date(2020, 1, 15)
"""A deadline that is always past: its open point is overdue."""
FUTURE = date(2999, 6, 30)
"""A deadline that is never past."""


def followup_checklist() -> Checklist:
    """Three sections: premises (with a condition), a section repeated per service, budget."""
    data: dict[str, Any] = {
        "id": "suivi",
        "version": "1.0.0",
        "titre": "Bâtiment partagé (essai)",
        "resume": "Une check-list d'essai avec conditions et section répétée.",
        "avertissement": "Contenu d'essai, pour les tests.",
        "cadre_legal_au": "2025-06-30",
        "sections": [
            {
                "id": "locaux",
                "titre": "Locaux",
                "questions": [
                    {
                        "id": "proprietaire",
                        "texte": "Qui est propriétaire du bâtiment ?",
                        "type": "choix",
                        "choix": [
                            {"id": "commune", "libelle": "La commune"},
                            {"id": "cpas", "libelle": "Le CPAS"},
                        ],
                    },
                    {
                        "id": "bail",
                        "texte": "Le bail est-il signé ?",
                        "visible_si": {"question": "proprietaire", "est": "commune"},
                    },
                    {
                        "id": "services",
                        "texte": "Quels services seront partagés ?",
                        "type": "choix_multiple",
                        "choix": [
                            {"id": "grh", "libelle": "Ressources humaines"},
                            {"id": "informatique", "libelle": "Informatique"},
                        ],
                    },
                ],
            },
            {
                "id": "service",
                "titre": "Service partagé",
                "repeter_pour": "services",
                "questions": [{"id": "pilote", "texte": "Un pilote est-il désigné ?"}],
            },
            {
                "id": "budget",
                "titre": "Budget",
                "questions": [
                    {"id": "cout", "texte": "Le coût est-il chiffré ?", "obligatoire": True},
                    {
                        "id": "financement",
                        "texte": "Comment le projet est-il financé ?",
                        "type": "texte",
                    },
                ],
            },
        ],
    }
    return Checklist.model_validate(data)


def followup_dossier(folder: Path, checklist: Checklist, name: str = "Maison sociale") -> Path:
    """A dossier answering ``checklist`` with every review and action-plan case."""
    project = ProjectInfo(
        name=name,
        cpas="CPAS de Fléron",
        partner="Commune de Fléron",
        author="M. Dupont",
        created_at=FIXED_TIME,
        updated_at=FIXED_TIME,
    )
    path, dossier = DossierStore(folder).create(checklist, project)
    dossier.update_answer("proprietaire", value="cpas")
    dossier.update_answer("bail", value="oui", note="Signé en 2024")  # hidden: owner is CPAS
    dossier.update_answer("services", value=["grh"])
    dossier.update_answer("pilote@grh", value="a-verifier", owner="Adèle Martin")
    dossier.update_answer("pilote@informatique", value="non")  # its choice is unticked
    dossier.update_answer("ancienne-question", value="oui")  # no such question: an orphan
    dossier.update_answer("cout", value="non", owner="Mme Leroy", deadline=PAST, priority="haute")
    dossier.update_answer("financement", owner="M. Dupont", deadline=FUTURE, priority="basse")
    for answer in dossier.answers.values():
        answer.updated_at = FIXED_TIME
    dossier.project.updated_at = FIXED_TIME
    dossier.position = "proprietaire"
    save_dossier(dossier, path)
    return path


async def on_walk(pilot: Pilot[None]) -> WalkScreen:
    """Wait for the walk screen (past a « check-list changed » notice, should one come)."""
    await pilot.pause()
    if isinstance(pilot.app.screen, NoticeDialog):
        await pilot.press("escape")
    screen = pilot.app.screen
    assert isinstance(screen, WalkScreen)
    return screen
