"""What a dossier shows: sections repeated per choice, questions hidden by their conditions.

The plan is computed from a checklist and the current answers. The wizard, the progress
counts and the dossier all use it, so a question is shown, counted and printed in exactly
the same cases. Answers are never deleted: an answer to a question that became hidden is
reported as such, and an answer to no known question is an orphan.

Answers to a repeated section are stored per repetition under ``<question-id>@<choice-id>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from synergy_wizard.answers.model import AnswerValue, Dossier
from synergy_wizard.checklist.conditions import Condition, evaluate
from synergy_wizard.checklist.models import Checklist, Choice, Question, Section

REPEAT_SEPARATOR = "@"


def answer_key(question_id: str, repetition: str | None = None) -> str:
    """The key under which an answer is stored (``q`` or ``q@choice`` in a repetition)."""
    return f"{question_id}{REPEAT_SEPARATOR}{repetition}" if repetition else question_id


def split_key(key: str) -> tuple[str, str | None]:
    """The question id and the repetition of an answer key."""
    question_id, _, repetition = key.partition(REPEAT_SEPARATOR)
    return question_id, repetition or None


@dataclass(frozen=True, slots=True)
class SectionInstance:
    """A section as shown: once, or once per chosen choice of a repeated section."""

    section: Section
    repetition: Choice | None
    visible: bool

    @property
    def key(self) -> str:
        """A unique id for this instance (``section`` or ``section@choice``)."""
        return answer_key(self.section.id, self.repetition.id if self.repetition else None)

    @property
    def title(self) -> str:
        if self.repetition is None:
            return self.section.title
        return f"{self.section.title} — {self.repetition.label}"


@dataclass(frozen=True, slots=True)
class Slot:
    """One question in one section instance, with the key of its answer."""

    instance: SectionInstance
    question: Question
    key: str
    visible: bool


class Plan:
    """The sections and questions of a dossier, with their visibility."""

    def __init__(self, checklist: Checklist, dossier: Dossier) -> None:
        self.checklist = checklist
        self.dossier = dossier
        self._visible_memo: dict[str, bool] = {}
        self._in_progress: set[str] = set()
        self.instances: tuple[SectionInstance, ...] = tuple(self._build_instances())
        self.slots: tuple[Slot, ...] = tuple(
            Slot(instance, q, key, instance.visible and self._key_visible(key))
            for instance in self.instances
            for q, key in self._keys(instance)
        )

    # --- building ---------------------------------------------------------------------

    def _keys(self, instance: SectionInstance) -> list[tuple[Question, str]]:
        rep = instance.repetition.id if instance.repetition else None
        return [(q, answer_key(q.id, rep)) for q in instance.section.questions]

    def _build_instances(self) -> list[SectionInstance]:
        instances: list[SectionInstance] = []
        for section in self.checklist.sections:
            if section.repeat_for is None:
                visible = self._condition_holds(section.visible_if, None, section)
                instances.append(SectionInstance(section, None, visible))
                continue
            source = self.checklist.question(section.repeat_for)
            chosen = self.value(section.repeat_for)
            chosen_ids = chosen if isinstance(chosen, list) else []
            for choice in source.choices:
                if choice.id in chosen_ids:
                    visible = self._condition_holds(section.visible_if, choice.id, section)
                    instances.append(SectionInstance(section, choice, visible))
        return instances

    # --- visibility ---------------------------------------------------------------------

    def _condition_holds(
        self, condition: Condition | None, repetition: str | None, section: Section
    ) -> bool:
        if condition is None:
            return True
        local = {q.id for q in section.questions} if repetition else set()

        def lookup(question_id: str) -> AnswerValue:
            key = answer_key(question_id, repetition if question_id in local else None)
            return self.value(key)

        return evaluate(condition, lookup)

    def value(self, key: str) -> AnswerValue:
        """The effective value of an answer: None when its question is hidden or unknown."""
        if not self._key_visible(key):
            return None
        return self.dossier.answer(key).value

    def _key_visible(self, key: str) -> bool:
        if key in self._visible_memo:
            return self._visible_memo[key]
        question_id, repetition = split_key(key)
        if question_id not in self.checklist.question_index or key in self._in_progress:
            return False  # cycles are rejected when the checklist loads; stay safe anyway
        self._in_progress.add(key)
        try:
            section = self.checklist.section_of(question_id)
            if section.repeat_for is not None:
                chosen = self.value(section.repeat_for)
                if repetition is None or not isinstance(chosen, list) or repetition not in chosen:
                    result = False
                else:
                    result = self._condition_holds(section.visible_if, repetition, section)
            else:
                result = repetition is None and self._condition_holds(
                    section.visible_if, None, section
                )
            if result:
                question = self.checklist.question(question_id)
                result = self._condition_holds(question.visible_if, repetition, section)
        finally:
            self._in_progress.discard(key)
        self._visible_memo[key] = result
        return result

    # --- changes ------------------------------------------------------------------------

    def answer_changed(self) -> None:
        """Forget what depends on which answers are filled in, after an answer to a question
        outside :attr:`Checklist.plan_inputs` changed: which sections and questions are shown stays
        the same."""
        for name in ("hidden_answered", "orphan_keys", "unchosen_repetition_answers"):
            self.__dict__.pop(name, None)

    # --- views --------------------------------------------------------------------------

    @cached_property
    def visible_slots(self) -> tuple[Slot, ...]:
        return tuple(s for s in self.slots if s.visible)

    @cached_property
    def visible_instances(self) -> tuple[SectionInstance, ...]:
        return tuple(i for i in self.instances if i.visible)

    def slot(self, key: str) -> Slot | None:
        """The slot whose answer is stored under ``key`` (None: no such question)."""
        return self._slot_by_key.get(key)

    @cached_property
    def _slot_by_key(self) -> dict[str, Slot]:
        return {slot.key: slot for slot in self.slots}

    def slots_of(self, instance: SectionInstance) -> tuple[Slot, ...]:
        return self._slots_by_instance.get(id(instance), ())

    @cached_property
    def _slots_by_instance(self) -> dict[int, tuple[Slot, ...]]:
        """The slots of each instance (by identity), computed once for all instances."""
        groups: dict[int, list[Slot]] = {}
        for slot in self.slots:
            groups.setdefault(id(slot.instance), []).append(slot)
        return {key: tuple(slots) for key, slots in groups.items()}

    @cached_property
    def hidden_answered(self) -> tuple[Slot, ...]:
        """Answers kept for questions that are hidden now (shown as such, never deleted)."""
        return tuple(
            s for s in self.slots if not s.visible and not self.dossier.answer(s.key).is_empty
        )

    @cached_property
    def orphan_keys(self) -> tuple[str, ...]:
        """Answer keys matching no question of the checklist (nor a repetition of one)."""
        known = {s.key for s in self.slots}
        orphans = []
        for key in self.dossier.answers:
            if key in known:
                continue
            question_id, repetition = split_key(key)
            if question_id in self.checklist.question_index:
                section = self.checklist.section_of(question_id)
                repeat = section.repeat_for
                if repeat is not None and repetition is not None:
                    source = self.checklist.question(repeat)
                    if any(c.id == repetition for c in source.choices):
                        continue  # a repetition not chosen now: hidden, not orphaned
                elif repeat is None and repetition is None:
                    continue
            orphans.append(key)
        return tuple(orphans)

    @cached_property
    def unchosen_repetition_answers(self) -> tuple[str, ...]:
        """Answers kept for repetitions whose choice was unticked (hidden, never deleted)."""
        known = {s.key for s in self.slots}
        orphans = set(self.orphan_keys)
        return tuple(k for k in self.dossier.answers if k not in known and k not in orphans)


def build_plan(checklist: Checklist, dossier: Dossier) -> Plan:
    """The plan of ``dossier`` against ``checklist`` for the current answers."""
    return Plan(checklist, dossier)
