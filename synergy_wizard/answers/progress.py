"""Progress of a dossier: how much is answered, what is left open, per section and overall.

Only what the user is shown counts: questions hidden by their conditions are neither counted
nor required, and a repeated section counts once per repetition (see :mod:`.plan`).
"""

from __future__ import annotations

from dataclasses import dataclass

from synergy_wizard.answers.model import Dossier
from synergy_wizard.answers.plan import Plan, SectionInstance, Slot, build_plan
from synergy_wizard.checklist.models import OPEN_STATUTS, Checklist, Question, Section


@dataclass(frozen=True, slots=True)
class SectionProgress:
    """Counts for one visible section instance."""

    instance: SectionInstance
    total: int
    answered: int
    open_points: int

    @property
    def section(self) -> Section:
        return self.instance.section

    @property
    def title(self) -> str:
        """The section title, with the repetition's label for a repeated section."""
        return self.instance.title

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


def is_open_point(question: Question, dossier: Dossier, key: str | None = None) -> bool:
    """A statut answered non, partiellement or à vérifier: something to follow up."""
    value = dossier.answer(key or question.id).value
    return question.kind == "statut" and isinstance(value, str) and value in OPEN_STATUTS


def slot_is_open(slot: Slot, dossier: Dossier) -> bool:
    """Whether the answer in this slot leaves a point open."""
    return is_open_point(slot.question, dossier, slot.key)


def section_progress(plan: Plan, instance: SectionInstance) -> SectionProgress:
    """Counts of the visible questions of one section instance of ``plan``."""
    dossier = plan.dossier
    slots = [s for s in plan.slots_of(instance) if s.visible]
    answered = sum(1 for s in slots if dossier.answer(s.key).is_answered)
    open_points = sum(1 for s in slots if slot_is_open(s, dossier))
    return SectionProgress(instance, len(slots), answered, open_points)


def progress_of(plan: Plan) -> Progress:
    """Progress of the visible sections and questions of ``plan``."""
    return Progress(tuple(section_progress(plan, i) for i in plan.visible_instances))


def progress_after_answer(progress: Progress, plan: Plan, key: str) -> Progress:
    """``progress`` (of ``plan``) after the answer stored under ``key`` changed, when that
    answer leaves the plan as it is (see :attr:`Checklist.plan_inputs`): only the counts of its
    section are computed again. Equals ``progress_of(plan)``."""
    slot = plan.slot(key)
    if slot is None or not slot.visible:
        return progress  # a hidden or unknown question is not counted
    sections = list(progress.sections)
    for index, section in enumerate(sections):
        if section.instance is slot.instance:
            sections[index] = section_progress(plan, slot.instance)
            return Progress(tuple(sections))
    return progress


def compute_progress(checklist: Checklist, dossier: Dossier) -> Progress:
    """Progress of ``dossier`` against ``checklist`` (hidden questions and orphans not counted)."""
    return progress_of(build_plan(checklist, dossier))
