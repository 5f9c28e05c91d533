"""The review of a dossier before it is exported: every answer, where it stands, and why.

Per section as shown (a repeated section once per repetition), each question is answered,
left open (« à suivre »), unanswered, or hidden with an answer kept; answers to questions the
checklist no longer has are orphans. Each item names where « modifier » leads: the question
itself, or, for a hidden one, the question whose answer hides it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from synergy_wizard.answers.plan import Plan, SectionInstance, Slot, answer_key, split_key
from synergy_wizard.answers.progress import slot_is_open
from synergy_wizard.checklist.conditions import referenced_questions
from synergy_wizard.checklist.models import Question

__all__ = [
    "STATE_LABELS",
    "Review",
    "ReviewGroup",
    "ReviewItem",
    "ReviewState",
    "build_review",
]

ReviewState = Literal["repondue", "a-suivre", "sans-reponse", "masquee", "orpheline"]

STATE_LABELS: dict[str, str] = {
    "repondue": "Répondue",
    "a-suivre": "À suivre",
    "sans-reponse": "Sans réponse",
    "masquee": "Masquée",
    "orpheline": "Orpheline",
}
"""How each state is called in French."""

HIDDEN_SECTION_NOTE = (
    "Section masquée par d'autres réponses du dossier : ses réponses sont conservées et "
    "réapparaîtront si la situation change."
)
UNCHOSEN_NOTE = (
    "Réponses données pour un choix qui n'est plus coché : elles sont conservées et "
    "réapparaîtront si le choix est de nouveau coché."
)
ORPHANS_NOTE = (
    "Réponses à des questions retirées de la check-list : elles sont conservées et figurent "
    "en annexe du dossier exporté."
)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One answer (or missing answer) of the review."""

    key: str
    """The answer key (``question`` or ``question@choice``)."""
    state: ReviewState
    question: Question | None
    """None for an orphan: its question is no longer in the checklist."""
    number: str
    """« 2.3 » for a question shown in the wizard, empty for a hidden one or an orphan."""
    target: str | None
    """The key of the question « modifier » leads to, or None when there is none."""
    reason: str = ""
    """For a hidden answer: which question hides it (French)."""


@dataclass(frozen=True, slots=True)
class ReviewGroup:
    """The items of one section instance, or of the answers kept outside the sections."""

    title: str
    number: str
    """« 2 » for a section shown in the wizard, empty otherwise."""
    visible: bool
    items: tuple[ReviewItem, ...]
    note: str = ""
    """Why these answers are not shown in the wizard (French), for the groups aside."""


@dataclass(frozen=True, slots=True)
class Review:
    """The whole review of a dossier."""

    groups: tuple[ReviewGroup, ...]

    def count(self, state: ReviewState) -> int:
        """How many items are in ``state``."""
        return self.counts[state]

    @property
    def counts(self) -> Counter[str]:
        return Counter(item.state for group in self.groups for item in group.items)


def build_review(plan: Plan) -> Review:
    """The review of ``plan``'s dossier: the sections in order, then the kept answers."""
    dossier = plan.dossier
    visible_keys = {slot.key for slot in plan.visible_slots}
    groups: list[ReviewGroup] = []
    number = 0
    for instance in plan.instances:
        slots = plan.slots_of(instance)
        items: list[ReviewItem] = []
        if instance.visible:
            number += 1
        position = 0
        for slot in slots:
            if slot.visible:
                position += 1
                items.append(_visible_item(slot, plan, f"{number}.{position}"))
            elif not dossier.answer(slot.key).is_empty:
                items.append(_hidden_item(slot, plan, visible_keys))
        if instance.visible or items:
            groups.append(
                ReviewGroup(
                    title=instance.title if instance.visible else _hidden_title(instance),
                    number=str(number) if instance.visible else "",
                    visible=instance.visible,
                    items=tuple(items),
                    note="" if instance.visible else HIDDEN_SECTION_NOTE,
                )
            )
    unchosen = tuple(
        _unchosen_item(key, plan, visible_keys) for key in plan.unchosen_repetition_answers
    )
    if unchosen:
        groups.append(ReviewGroup("Répétitions décochées", "", False, unchosen, UNCHOSEN_NOTE))
    orphans = tuple(ReviewItem(key, "orpheline", None, "", None) for key in plan.orphan_keys)
    if orphans:
        groups.append(ReviewGroup("Réponses orphelines", "", False, orphans, ORPHANS_NOTE))
    return Review(tuple(groups))


def _visible_item(slot: Slot, plan: Plan, number: str) -> ReviewItem:
    answer = plan.dossier.answer(slot.key)
    state: ReviewState
    if not answer.is_answered:
        state = "sans-reponse"
    elif slot_is_open(slot, plan.dossier):
        state = "a-suivre"
    else:
        state = "repondue"
    return ReviewItem(slot.key, state, slot.question, number, slot.key)


def _hidden_title(instance: SectionInstance) -> str:
    return f"{instance.title} (section masquée)"


def _hidden_item(slot: Slot, plan: Plan, visible_keys: set[str]) -> ReviewItem:
    section = slot.instance.section
    repetition = slot.instance.repetition.id if slot.instance.repetition else None
    local = {q.id for q in section.questions}
    candidates: list[str] = []
    for condition in (slot.question.visible_if, section.visible_if):
        for question_id in sorted(referenced_questions(condition)):
            in_repeat = repetition is not None and question_id in local
            candidates.append(answer_key(question_id, repetition if in_repeat else None))
    if section.repeat_for is not None:
        candidates.append(section.repeat_for)
    target = next((key for key in candidates if key in visible_keys), None)
    return ReviewItem(
        slot.key, "masquee", slot.question, "", target, _reason(target, plan, "masquée")
    )


def _unchosen_item(key: str, plan: Plan, visible_keys: set[str]) -> ReviewItem:
    question_id, _ = split_key(key)
    question = plan.checklist.question(question_id)
    repeat = plan.checklist.section_of(question_id).repeat_for
    target = repeat if repeat in visible_keys else None
    return ReviewItem(key, "masquee", question, "", target, _reason(target, plan, "décochée"))


def _reason(target: str | None, plan: Plan, what: str) -> str:
    if target is None:
        return ""
    question = plan.checklist.question(split_key(target)[0])
    if what == "décochée":
        return f"Le choix correspondant n'est plus coché à la question « {question.text} »."
    return f"Masquée par la réponse à la question « {question.text} »."
