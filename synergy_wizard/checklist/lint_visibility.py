"""Can a question or a section ever be shown? Decided by trying every relevant answer.

The visibility rules are those of the dossier plan (``answers/plan.py``), restated here
because the checklist layer knows nothing of dossiers: an answer counts only while its
question is shown; a repeated section has one instance per choice ticked in its
``repeter_pour`` question; inside a repetition, a condition on a question of the same
section reads that repetition's answer, and a question of another repeated section always
reads as unanswered. Conditions are evaluated with :func:`conditions.evaluate`, the very
function the wizard uses.

Only finitely many answers matter to a condition: no answer, each choice it names, and one
other choice (or, for a text, « some text »). Every combination of those for the questions a
visibility depends on is tried; past :data:`MAX_COMBINATIONS` the question is assumed
showable (nothing is reported rather than something false).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping

from synergy_wizard.checklist.conditions import AnswerLookup, Condition, evaluate, tests_of
from synergy_wizard.checklist.models import Checklist, Question, Section

__all__ = ["MAX_COMBINATIONS", "Key", "RawValue", "Visibility"]

Key = tuple[str, str | None]
"""A question id and the repetition (choice id) it is answered in, or None."""
RawValue = str | list[str] | None

MAX_COMBINATIONS = 20_000
_SOME_TEXT = "réponse"


class Visibility:
    """Visibility of the questions and sections of one checklist, for any set of answers."""

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist
        self._named: dict[str, set[str]] = {}
        """Question id → the choice ids conditions name for it."""
        for condition in _conditions(checklist):
            for test in tests_of(condition):
                self._named.setdefault(test.question, set()).update(test.values)
        self._showable: dict[Key, bool | None] = {}

    # --- the rules (as in the dossier plan) ---------------------------------------------------

    def visible(self, key: Key, raw: Mapping[Key, RawValue]) -> bool:
        """Whether the question of ``key`` is shown when the answers are ``raw``."""
        return _Evaluation(self.checklist, raw).key_visible(key)

    def section_visible(
        self, section: Section, repetition: str | None, raw: Mapping[Key, RawValue]
    ) -> bool:
        """Whether an instance of ``section`` is shown when the answers are ``raw``."""
        return _Evaluation(self.checklist, raw).instance_visible(section, repetition)

    # --- what a visibility depends on -------------------------------------------------------

    def dependencies(
        self, section: Section, question: Question | None, repetition: str | None
    ) -> list[Key]:
        """The answers the visibility of a section instance (or of one of its questions) reads,
        directly or through the visibility of other questions, in checklist order."""
        found: set[Key] = set()
        pending = list(self._direct(section, question, repetition))
        while pending:
            key = pending.pop()
            if key in found or not self._alive(key):
                continue
            found.add(key)
            owner = self.checklist.section_of(key[0])
            pending.extend(self._direct(owner, self.checklist.question(key[0]), key[1]))
        order = self.checklist.question_index
        return sorted(found, key=lambda k: (order[k[0]], k[1] or ""))

    def _direct(
        self, section: Section, question: Question | None, repetition: str | None
    ) -> Iterator[Key]:
        local = {q.id for q in section.questions} if repetition else set()
        if section.repeat_for is not None:
            yield (section.repeat_for, None)
        conditions = [section.visible_if, question.visible_if if question else None]
        for condition in conditions:
            if condition is None:
                continue
            for test in tests_of(condition):
                if test.question in self.checklist.question_index:
                    yield (test.question, repetition if test.question in local else None)

    def _alive(self, key: Key) -> bool:
        """False for keys that are never shown whatever the answers (a repeated section's
        question without repetition, or the reverse)."""
        repeated = self.checklist.section_of(key[0]).repeat_for is not None
        return repeated == (key[1] is not None)

    def domain(self, key: Key, repetition: str | None = None) -> list[RawValue] | None:
        """The answers worth trying for ``key`` (``repetition``: the choice a repeated
        section is examined for, which its ``repeter_pour`` answer must hold). None when a
        multiple choice alone has more than :data:`MAX_COMBINATIONS` selections to try."""
        question = self.checklist.question(key[0])
        named = self._named.get(question.id, set())
        choices = [c.id for c in question.effective_choices]
        if question.kind in ("texte", "texte_long"):
            return [None, _SOME_TEXT]
        relevant = [c for c in choices if c in named]
        if question.kind == "choix_multiple":
            if repetition is not None and repetition in choices and repetition not in relevant:
                relevant.append(repetition)
            others = [c for c in choices if c not in relevant][:1]
            values: list[RawValue] = [None]
            if 2 ** len(relevant + others) > MAX_COMBINATIONS:
                return None
            for size in range(1, len(relevant) + len(others) + 1):
                values.extend(
                    list(combo) for combo in itertools.combinations(relevant + others, size)
                )
            return values
        others = [c for c in choices if c not in relevant][:1]
        return [None, *relevant, *others]

    # --- can it be shown? -----------------------------------------------------------------

    def question_showable(self, question: Question) -> bool | None:
        """True if some answers show the question (in some repetition), False if none do,
        None when there are too many combinations to try."""
        section = self.checklist.section_of(question.id)
        results = [
            self._showable_key(section, question, repetition)
            for repetition in self._repetitions(section)
        ]
        return _any(results)

    def section_showable(self, section: Section) -> bool | None:
        """Like :meth:`question_showable`, for the section itself (whatever its questions)."""
        return _any([self._showable_key(section, None, rep) for rep in self._repetitions(section)])

    def _repetitions(self, section: Section) -> list[str | None]:
        if section.repeat_for is None:
            return [None]
        return [c.id for c in self.checklist.question(section.repeat_for).choices]

    def _showable_key(
        self, section: Section, question: Question | None, repetition: str | None
    ) -> bool | None:
        memo_key: Key = (question.id if question else "§" + section.id, repetition)
        if memo_key in self._showable:
            return self._showable[memo_key]
        keys = self.dependencies(section, question, repetition)
        source = (section.repeat_for, None)
        domains: list[list[RawValue]] = []
        total = 1
        for key in keys:
            values = self.domain(key, repetition if key == source else None)
            total *= len(values) if values is not None else MAX_COMBINATIONS + 1
            domains.append(values or [])
        result: bool | None = None
        if total <= MAX_COMBINATIONS:
            result = False
            for combination in itertools.product(*domains):
                raw = dict(zip(keys, combination, strict=True))
                evaluation = _Evaluation(self.checklist, raw)
                if question is None:
                    shown = evaluation.instance_visible(section, repetition)
                else:
                    shown = evaluation.key_visible((question.id, repetition))
                if shown:
                    result = True
                    break
        self._showable[memo_key] = result
        return result


class _Evaluation:
    """The visibility rules of the dossier plan, for one set of answers."""

    def __init__(self, checklist: Checklist, raw: Mapping[Key, RawValue]) -> None:
        self.checklist = checklist
        self.raw = raw
        self.memo: dict[Key, bool] = {}
        self.in_progress: set[Key] = set()

    def value(self, key: Key) -> RawValue:
        return self.raw.get(key) if self.key_visible(key) else None

    def instance_visible(self, section: Section, repetition: str | None) -> bool:
        if section.repeat_for is None:
            return repetition is None and self.holds(section.visible_if, None, section)
        chosen = self.value((section.repeat_for, None))
        if repetition is None or not isinstance(chosen, list) or repetition not in chosen:
            return False
        return self.holds(section.visible_if, repetition, section)

    def key_visible(self, key: Key) -> bool:
        if key in self.memo:
            return self.memo[key]
        question_id, repetition = key
        if question_id not in self.checklist.question_index or key in self.in_progress:
            return False
        self.in_progress.add(key)
        try:
            section = self.checklist.section_of(question_id)
            result = self.instance_visible(section, repetition)
            if result:
                question = self.checklist.question(question_id)
                result = self.holds(question.visible_if, repetition, section)
        finally:
            self.in_progress.discard(key)
        self.memo[key] = result
        return result

    def holds(self, condition: Condition | None, repetition: str | None, section: Section) -> bool:
        if condition is None:
            return True
        local = {q.id for q in section.questions} if repetition else set()

        def lookup(question_id: str) -> RawValue:
            return self.value((question_id, repetition if question_id in local else None))

        reader: AnswerLookup = lookup
        return evaluate(condition, reader)


def _conditions(checklist: Checklist) -> Iterator[Condition]:
    for section in checklist.sections:
        if section.visible_if is not None:
            yield section.visible_if
        for question in section.questions:
            if question.visible_if is not None:
                yield question.visible_if


def _any(results: list[bool | None]) -> bool | None:
    if any(result is True for result in results):
        return True
    if any(result is None for result in results):
        return None
    return False
