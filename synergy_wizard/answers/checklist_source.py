"""Find the checklist a dossier answers: a bundled one, or the file it was created from."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from synergy_wizard.answers.model import Dossier
from synergy_wizard.checklist.loader import find_checklist, load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import NotFoundError


def checklist_for(dossier: Dossier, offered: Sequence[Checklist] = ()) -> Checklist:
    """The checklist ``dossier`` answers.

    Looked up, in order, among ``offered`` (checklists a caller already has), the bundled
    checklists, then the file recorded in the dossier when it was created from a checklist
    being tried out. :class:`NotFoundError` (French) when none has the dossier's id.
    """
    stamp = dossier.checklist
    for checklist in offered:
        if checklist.id == stamp.id:
            return checklist
    try:
        return find_checklist(stamp.id)
    except NotFoundError as error:
        bundled_problem = error
    if stamp.source:
        source = Path(stamp.source)
        if source.is_file():
            checklist = load_checklist(source)
            if checklist.id == stamp.id:
                return checklist
            raise NotFoundError(
                f"Le fichier {source} contient la check-list « {checklist.id} », "
                f"pas « {stamp.id} » à laquelle ce dossier répond.",
                hint="Remettez le bon fichier à cet endroit.",
            )
        raise NotFoundError(
            f"Ce dossier répond à la check-list « {stamp.id} », créée à partir du fichier "
            f"{source}, qui n'existe plus.",
            hint="Remettez le fichier à cet endroit, ou copiez-le dans le dossier des "
            "check-lists fournies.",
        )
    raise NotFoundError(
        f"Ce dossier répond à la check-list « {stamp.id} », qui n'est pas installée.",
        hint=bundled_problem.message,
    )
