"""Conditions written in French for the blank checklist: « si la réponse à la question 3.2 est
« Bail » ».

On paper nothing is hidden: every question is printed, and one that applies only in some cases
says so, naming the question it depends on by its number.
"""

from __future__ import annotations

from collections.abc import Mapping

from synergy_wizard.checklist.conditions import AllOf, AnyOf, Condition, Not, Test
from synergy_wizard.checklist.models import Checklist


class ConditionWriter:
    """Writes conditions of one checklist, with the question numbers of the printed checklist."""

    def __init__(self, checklist: Checklist, numbers: Mapping[str, str]) -> None:
        self._checklist = checklist
        self._numbers = numbers

    def describe(self, condition: Condition | None) -> str:
        """« si … » for ``condition``; "" when there is none."""
        if condition is None:
            return ""
        return "si " + self._phrase(condition, negated=False)

    def _phrase(self, condition: Condition, *, negated: bool) -> str:
        if isinstance(condition, Not):
            return self._phrase(condition.negated, negated=not negated)
        if isinstance(condition, AllOf | AnyOf):
            parts = condition.all_of if isinstance(condition, AllOf) else condition.any_of
            # De Morgan: « non (A et B) » reads « non A ou non B ».
            joins_with_and = isinstance(condition, AllOf) != negated
            phrases = [self._nested(part, negated=negated) for part in parts]
            return (" et " if joins_with_and else " ou ").join(phrases)
        return self._test(condition, negated=negated)

    def _nested(self, condition: Condition, *, negated: bool) -> str:
        phrase = self._phrase(condition, negated=negated)
        inner = condition.negated if isinstance(condition, Not) else condition
        return f"({phrase})" if isinstance(inner, AllOf | AnyOf) else phrase

    def _question(self, question_id: str) -> str:
        number = self._numbers.get(question_id)
        return f"la question {number}" if number else f"la question « {question_id} »"

    def _label(self, question_id: str, choice_id: str) -> str:
        if question_id in self._checklist.question_index:
            return f"« {self._checklist.question(question_id).choice_label(choice_id)} »"
        return f"« {choice_id} »"

    def _test(self, test: Test, *, negated: bool) -> str:
        where = self._question(test.question)
        if test.answered is not None:
            has_answer = test.answered != negated
            return f"{where} a reçu une réponse" if has_answer else f"{where} est sans réponse"
        if test.contains is not None:
            label = self._label(test.question, test.contains)
            verb = "n'est pas coché" if negated else "est coché"
            return f"{label} {verb} à {where}"
        labels = [self._label(test.question, value) for value in test.values]
        if negated:
            if len(labels) == 1:
                return f"la réponse à {where} n'est pas {labels[0]}"
            return f"la réponse à {where} n'est ni " + " ni ".join(labels)
        listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " ou " + labels[-1]
        return f"la réponse à {where} est {listed}"
