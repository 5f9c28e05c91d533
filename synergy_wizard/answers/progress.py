"""Progress of a dossier: how much is answered, what is left open, per section and overall."""

from __future__ import annotations

from dataclasses import dataclass

from synergy_wizard.answers.model import Dossier
from synergy_wizard.checklist.models import OPEN_STATUTS, Checklist, Question, Section


@dataclass(frozen=True, slots=True)
class SectionProgress:
    """Counts for one section."""

    section: Section
    total: int
    answered: int
    open_points: int

    @property
    def state(self) -> str:
        """« à faire », « en cours », « complet » or « points ouverts » (French, for display)."""
        if self.answered == 0:
            return "à faire"
        if self.answered < self.total:
            return "en cours"
        if self.open_points:
            return "points ouverts"
        return "complet"


@dataclass(frozen=True, slots=True)
class Progress:
    """Counts for a whole dossier."""

    sections: tuple[SectionProgress, ...]

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.sections)

    @property
    def open_points(self) -> int:
        return sum(s.open_points for s in self.sections)

    @property
    def percent(self) -> int:
        """Answered share, rounded down, so 100 means everything is answered."""
        return self.answered * 100 // self.total if self.total else 0


def is_open_point(question: Question, dossier: Dossier) -> bool:
    """A statut answered non, partiellement or à vérifier: something to follow up."""
    value = dossier.answer(question.id).value
    return question.kind == "statut" and isinstance(value, str) and value in OPEN_STATUTS


def compute_progress(checklist: Checklist, dossier: Dossier) -> Progress:
    """Progress of ``dossier`` against ``checklist`` (answers to unknown ids are not counted)."""
    sections = []
    for section in checklist.sections:
        answered = sum(1 for q in section.questions if dossier.answer(q.id).is_answered)
        open_points = sum(1 for q in section.questions if is_open_point(q, dossier))
        sections.append(SectionProgress(section, len(section.questions), answered, open_points))
    return Progress(tuple(sections))
