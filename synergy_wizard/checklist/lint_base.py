"""What every lint check shares: the checklist, where its nodes are in the file, the findings.

A finding is a :class:`~synergy_wizard.errors.Problem` with a severity (« erreur » or
« avertissement ») and a stable code. Model objects are found back in the YAML file through
their path of keys and indexes (the model keeps the order of the file).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from synergy_wizard.checklist.conditions import AllOf, AnyOf, Condition, Not, Test
from synergy_wizard.checklist.models import Checklist, Question, Section
from synergy_wizard.errors import Location, Problem
from synergy_wizard.safe_yaml import Mark, YamlDocument

__all__ = [
    "ERROR",
    "WARNING",
    "LintContext",
    "Loc",
    "condition_tests",
    "question_loc",
    "section_loc",
]

ERROR = "erreur"
WARNING = "avertissement"

Loc = tuple[str | int, ...]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def section_loc(index: int) -> Loc:
    """The YAML path of the section at ``index``."""
    return ("sections", index)


def question_loc(section: int, question: int) -> Loc:
    """The YAML path of a question, by section index and index within the section."""
    return ("sections", section, "questions", question)


def condition_tests(condition: Condition, loc: Loc) -> Iterator[tuple[Test, Loc]]:
    """Every test of a condition, with its YAML path."""
    if isinstance(condition, AllOf):
        for index, part in enumerate(condition.all_of):
            yield from condition_tests(part, (*loc, "et", index))
    elif isinstance(condition, AnyOf):
        for index, part in enumerate(condition.any_of):
            yield from condition_tests(part, (*loc, "ou", index))
    elif isinstance(condition, Not):
        yield from condition_tests(condition.negated, (*loc, "non"))
    else:
        yield condition, loc


@dataclass
class LintContext:
    """One loaded checklist file under review, and the findings gathered so far."""

    path: Path
    checklist: Checklist
    document: YamlDocument
    text: str
    """The text of the file, to point inside long texts."""
    problems: list[Problem] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(match.end() for match in re.finditer(r"\r\n|\r|\n", self.text))
        self._line_starts = starts

    # --- places -----------------------------------------------------------------------------

    def mark(self, loc: Loc, *, at_key: bool = False) -> Mark:
        """Where the node at ``loc`` starts (its key with ``at_key``)."""
        mark = self.document.key_marks.get(loc) if at_key else None
        return mark or self.document.mark_for(loc)

    def location(self, loc: Loc, *, at_key: bool = False) -> Location:
        mark = self.mark(loc, at_key=at_key)
        return Location(self.path, mark.line, mark.column)

    def find_in_node(self, loc: Loc, needle: str, *, length: int) -> Location:
        """Where the words of ``needle`` first occur from the node at ``loc`` on (within about
        ``length`` characters), whatever the line breaks and indentation in between; the node
        itself when they cannot be found (escaped or quoted text)."""
        mark = self.mark(loc)
        words = _WORD.findall(needle)
        if words:
            start = self._offset(mark)
            window = self.text[start : start + 2 * length + 200]
            pattern = r"(?<![\w'’])" + r"\W+".join(re.escape(word) for word in words)
            found = re.search(pattern, window)
            if found is not None:
                return self._location_at(start + found.start())
        return Location(self.path, mark.line, mark.column)

    def _offset(self, mark: Mark) -> int:
        index = min(max(mark.line - 1, 0), len(self._line_starts) - 1)
        return self._line_starts[index] + max(mark.column - 1, 0)

    def _location_at(self, offset: int) -> Location:
        line = bisect.bisect_right(self._line_starts, offset)
        return Location(self.path, line, offset - self._line_starts[line - 1] + 1)

    # --- findings ---------------------------------------------------------------------------

    def report(
        self, where: Loc | Location, severity: str, code: str, message: str, hint: str = ""
    ) -> None:
        location = where if isinstance(where, Location) else self.location(where)
        problem = Problem(location, message, hint, severity, code)
        if problem not in self.problems:
            self.problems.append(problem)

    def error(self, where: Loc | Location, code: str, message: str, hint: str = "") -> None:
        self.report(where, ERROR, code, message, hint)

    def warning(self, where: Loc | Location, code: str, message: str, hint: str = "") -> None:
        self.report(where, WARNING, code, message, hint)

    # --- walking the checklist --------------------------------------------------------------

    def sections(self) -> Iterator[tuple[Loc, Section]]:
        for index, section in enumerate(self.checklist.sections):
            yield section_loc(index), section

    def questions(self) -> Iterator[tuple[Loc, Section, Question]]:
        for si, section in enumerate(self.checklist.sections):
            for qi, question in enumerate(section.questions):
                yield question_loc(si, qi), section, question

    def line_of(self, loc: Loc) -> int:
        return self.mark(loc).line
