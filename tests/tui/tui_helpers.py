"""Helpers shared by the wizard tests: dossiers with fixed timestamps, generated checklists."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

from textual.pilot import Pilot

from synergy_wizard.answers.model import AnswerValue, ProjectInfo
from synergy_wizard.answers.storage import DossierStore, load_dossier, save_dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.screens.walk import POSITION_SAVE_DELAY

T = TypeVar("T")

FIXED_TIME = datetime(2026, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=1)))
"""The time stamped on the dossiers the tests prepare, so that screenshots never change."""


def run(scenario: Callable[[], Awaitable[T]]) -> T:
    """Run an async Pilot scenario to completion (no async test plugin needed)."""

    async def main() -> T:
        return await scenario()

    return asyncio.run(main())


def make_dossier(
    folder: Path,
    checklist: Checklist,
    name: str = "Informatique partagée",
    *,
    answers: Mapping[str, AnswerValue] | None = None,
    notes: Mapping[str, str] | None = None,
    position: str = "",
) -> Path:
    """Create a dossier file with fixed timestamps and the given answers."""
    project = ProjectInfo(
        name=name,
        cpas="CPAS de Fléron",
        partner="Commune de Fléron",
        author="M. Dupont",
        created_at=FIXED_TIME,
        updated_at=FIXED_TIME,
    )
    path, dossier = DossierStore(folder).create(checklist, project)
    for question_id, value in (answers or {}).items():
        dossier.update_answer(question_id, value=value)
    for question_id, note in (notes or {}).items():
        dossier.update_answer(question_id, note=note)
    for answer in dossier.answers.values():
        answer.updated_at = FIXED_TIME
    dossier.project.updated_at = FIXED_TIME
    dossier.position = position
    save_dossier(dossier, path)
    return path


async def wait_for_position_save(pilot: Pilot[Any]) -> None:
    """Wait until the position of the walk screen, saved a moment after a move, is on disk."""
    await pilot.pause(POSITION_SAVE_DELAY + 0.3)


def only_dossier(folder: Path) -> Path:
    """The single dossier file of ``folder``."""
    files = sorted(folder.glob("*.yaml"))
    assert len(files) == 1, files
    return files[0]


def saved_answers(path: Path) -> dict[str, Any]:
    """The answers as saved on disk: question id -> (value, note)."""
    dossier = load_dossier(path)
    return {qid: (answer.value, answer.note) for qid, answer in dossier.answers.items()}


def generate_checklist(sections: int, per_section: int) -> Checklist:
    """A valid checklist of ``sections`` × ``per_section`` questions, every kind in turn."""
    kinds = ["statut", "choix", "choix_multiple", "texte", "texte_long"]
    data: dict[str, Any] = {
        "id": f"generee-{sections}x{per_section}",
        "version": "1.0.0",
        "titre": f"Check-list générée ({sections * per_section} questions)",
        "resume": "Une check-list générée pour les tests de taille.",
        "avertissement": "Contenu généré pour les tests.",
        "cadre_legal_au": "2025-06-30",
        "sections": [],
    }
    for s in range(sections):
        questions = []
        for q in range(per_section):
            kind = kinds[(s * per_section + q) % len(kinds)]
            question: dict[str, Any] = {
                "id": f"q-{s}-{q}",
                "texte": f"Question {q + 1} de la section {s + 1} ?",
                "aide": f"Aide de la question {q + 1}.",
                "type": kind,
            }
            if kind in ("choix", "choix_multiple"):
                question["choix"] = [{"id": f"c{c}", "libelle": f"Choix {c}"} for c in range(1, 4)]
            questions.append(question)
        data["sections"].append(
            {"id": f"section-{s}", "titre": f"Section {s + 1}", "questions": questions}
        )
    return Checklist.model_validate(data)
