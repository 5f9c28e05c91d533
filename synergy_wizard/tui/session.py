"""The data the screens work on: the checklists on offer, and one open dossier.

Plain Python (no Textual): opening a dossier, finding its checklist, saving it. The screens
decide how to show the errors raised here (all of them :class:`SynergyError`, in French).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from synergy_wizard.answers.compat import check_compatibility
from synergy_wizard.answers.model import AnswerValue, Dossier
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.loader import find_checklist, load_bundled
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import NotFoundError


class Catalog:
    """The checklists the wizard offers, loaded once, when first needed."""

    def __init__(self, checklists: Sequence[Checklist] | None = None) -> None:
        self._checklists: list[Checklist] | None = (
            list(checklists) if checklists is not None else None
        )

    def all(self) -> list[Checklist]:
        """Every checklist on offer (the bundled ones by default). Raises ChecklistError."""
        if self._checklists is None:
            self._checklists = load_bundled()
        return self._checklists

    def find(self, checklist_id: str) -> Checklist:
        """The checklist with this id, among those on offer, else a bundled one."""
        if self._checklists is not None:
            for checklist in self._checklists:
                if checklist.id == checklist_id:
                    return checklist
        try:
            return find_checklist(checklist_id)
        except NotFoundError as error:
            raise NotFoundError(
                f"Ce dossier répond à la check-list « {checklist_id} », qui n'est pas installée.",
                hint=error.message,
            ) from None


@dataclass
class DossierSession:
    """One dossier open in the wizard, with the checklist it answers and where it is saved."""

    checklist: Checklist
    dossier: Dossier
    path: Path
    notices: list[str] = field(default_factory=list)
    """What changed in the checklist since the dossier was last saved (French sentences)."""

    def set_answer(self, question_id: str, field_name: str, value: AnswerValue) -> bool:
        """Change the value or the note of an answer in memory. False when nothing changed."""
        current = self.dossier.answer(question_id)
        if field_name == "note":
            note = value if isinstance(value, str) else ""
            if note == current.note:
                return False
            self.dossier.update_answer(question_id, note=note)
        else:
            if value == current.value:
                return False
            self.dossier.update_answer(question_id, value=value)
        return True

    def save(self) -> None:
        """Write the dossier to its file now. Raises StorageError (French) on failure."""
        save_dossier(self.dossier, self.path)

    def start_index(self) -> int:
        """Where to resume: the last question seen, else the first unanswered one."""
        index = {q.id: i for i, q in enumerate(self.checklist.questions)}
        if self.dossier.position in index:
            return index[self.dossier.position]
        for i, question in enumerate(self.checklist.questions):
            if not self.dossier.answer(question.id).is_answered:
                return i
        return 0


def open_session(path: Path, catalog: Catalog) -> DossierSession:
    """Read the dossier at ``path`` and find its checklist. Raises SynergyError (French)."""
    dossier = load_dossier(path)
    checklist = catalog.find(dossier.checklist.id)
    notices = check_compatibility(checklist, dossier).messages()
    return DossierSession(checklist, dossier, path, notices)
