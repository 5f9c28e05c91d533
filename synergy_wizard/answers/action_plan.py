"""The action plan of a dossier: what is left to do, by whom, by when, how urgent.

An item is a question shown in the wizard whose statut leaves a point open (non,
partiellement, à vérifier), or to which a follow-up was given (owner, deadline or priority).
A follow-up is overdue when its deadline is past and the point is not settled yet: a statut
other than « oui » or « sans objet », or no answer at all for another kind of question.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from synergy_wizard.answers.model import Answer, Priority
from synergy_wizard.answers.plan import Plan
from synergy_wizard.answers.progress import slot_is_open
from synergy_wizard.checklist.models import Question

__all__ = [
    "PRIORITY_ORDER",
    "SETTLED_STATUTS",
    "SORT_KEYS",
    "SORT_LABELS",
    "ActionItem",
    "SortKey",
    "build_action_plan",
    "has_follow_up",
    "is_overdue",
    "is_settled",
    "sort_action_plan",
]

SortKey = Literal["echeance", "priorite", "responsable", "section"]

SORT_KEYS: tuple[SortKey, ...] = ("echeance", "priorite", "responsable", "section")

SORT_LABELS: dict[str, str] = {
    "echeance": "échéance",
    "priorite": "priorité",
    "responsable": "responsable",
    "section": "section",
}
"""What each sort order is called in French (« trié par … »)."""

PRIORITY_ORDER: dict[str, int] = {"haute": 0, "moyenne": 1, "basse": 2}

SETTLED_STATUTS = frozenset({"oui", "sans-objet"})
"""Statuts after which a follow-up has nothing left to do."""


@dataclass(frozen=True, slots=True)
class ActionItem:
    """One line of the action plan."""

    key: str
    """The answer key (``question`` or ``question@choice``)."""
    order: int
    """Position in the dossier (sections, then questions, as shown)."""
    number: str
    """« 2.3 »: section and question numbers as shown in the wizard and the dossier."""
    section_title: str
    question: Question
    answer: Answer
    open_point: bool
    """The statut is non, partiellement or à vérifier."""

    @property
    def owner(self) -> str:
        return self.answer.owner.strip()

    @property
    def deadline(self) -> date | None:
        return self.answer.deadline

    @property
    def priority(self) -> Priority | None:
        return self.answer.priority

    @property
    def settled(self) -> bool:
        """Nothing is left to do: statut oui or sans objet, or another kind answered."""
        return is_settled(self.question, self.answer)

    def overdue(self, today: date) -> bool:
        """The deadline is past and the point is not settled."""
        return is_overdue(self.question, self.answer, today)


def is_settled(question: Question, answer: Answer) -> bool:
    """Nothing is left to do: statut oui or sans objet, or another kind answered."""
    value = answer.value
    if question.kind == "statut":
        return isinstance(value, str) and value in SETTLED_STATUTS
    return answer.is_answered


def is_overdue(question: Question, answer: Answer, today: date) -> bool:
    """The answer's deadline is past and its point is not settled."""
    deadline = answer.deadline
    return deadline is not None and deadline < today and not is_settled(question, answer)


def has_follow_up(answer: Answer) -> bool:
    """Someone, a deadline or a priority is set for the answer."""
    return bool(answer.owner.strip() or answer.deadline or answer.priority)


def build_action_plan(plan: Plan) -> tuple[ActionItem, ...]:
    """The items of ``plan``'s dossier, in dossier order."""
    dossier = plan.dossier
    items: list[ActionItem] = []
    numbers: dict[int, int] = {}
    for order, slot in enumerate(plan.visible_slots):
        instance_number = plan.visible_instances.index(slot.instance) + 1
        numbers[instance_number] = numbers.get(instance_number, 0) + 1
        answer = dossier.answer(slot.key)
        open_point = slot_is_open(slot, dossier)
        if not (open_point or has_follow_up(answer)):
            continue
        items.append(
            ActionItem(
                key=slot.key,
                order=order,
                number=f"{instance_number}.{numbers[instance_number]}",
                section_title=slot.instance.title,
                question=slot.question,
                answer=answer,
                open_point=open_point,
            )
        )
    return tuple(items)


def sort_action_plan(items: Iterable[ActionItem], by: SortKey) -> list[ActionItem]:
    """The items sorted by ``by``; missing values last, then in dossier order."""

    def deadline(item: ActionItem) -> tuple[bool, date]:
        return (item.deadline is None, item.deadline or date.max)

    def priority(item: ActionItem) -> int:
        return PRIORITY_ORDER.get(item.priority or "", len(PRIORITY_ORDER))

    if by == "echeance":
        return sorted(items, key=lambda i: (*deadline(i), priority(i), i.order))
    if by == "priorite":
        return sorted(items, key=lambda i: (priority(i), *deadline(i), i.order))
    if by == "responsable":
        return sorted(items, key=lambda i: (not i.owner, i.owner.casefold(), *deadline(i), i.order))
    return sorted(items, key=lambda i: i.order)
