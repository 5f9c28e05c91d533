"""Conditions, repeats and former ids, checked on the plain YAML data so each problem is located.

The :class:`~synergy_wizard.checklist.models.Checklist` validator checks the same things, but it
can only report them together, for the whole file. Here each problem points at the YAML node
it is about: the ``question`` of a test, the value it expects, the ``repeter_pour`` of a
section, the former id still in use. Malformed parts are skipped: the model validation
reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from synergy_wizard.checklist.messages import suggest
from synergy_wizard.checklist.models import STATUT_CHOICES

__all__ = ["QuestionInfo", "Reporter", "check_references", "condition_tests"]

Loc = tuple[str | int, ...]
Reporter = Callable[[Loc, str, str, str, bool], None]
"""Called with (YAML path, message, hint, code, point at the key) for each problem."""

_KINDS = ("statut", "choix", "choix_multiple", "texte", "texte_long")
_STATUT_IDS = tuple(choice.id for choice in STATUT_CHOICES)
_OPERATORS = ("est", "parmi", "contient", "repondue")


@dataclass(frozen=True)
class QuestionInfo:
    """What the checks need to know of one question, read from the plain data."""

    id: str
    loc: Loc
    section: int
    """Index of the section holding the question."""
    kind: str | None
    """The answer kind, None when it is not a known kind (reported elsewhere)."""
    choices: tuple[str, ...]
    """The choice ids offered (the statut scale for ``statut``)."""


def condition_tests(condition: object, loc: Loc) -> Iterator[tuple[dict[str, object], Loc]]:
    """Every test mapping of a plain condition, with its YAML path (as pydantic reads it)."""
    if not isinstance(condition, dict):
        return
    for key in ("et", "ou"):
        if key in condition:
            parts = condition[key]
            if isinstance(parts, list):
                for index, part in enumerate(parts):
                    yield from condition_tests(part, (*loc, key, index))
            return
    if "non" in condition:
        yield from condition_tests(condition["non"], (*loc, "non"))
        return
    yield condition, loc


def _mappings(container: object, key: str, loc: Loc) -> Iterator[tuple[Loc, dict[str, object]]]:
    if not isinstance(container, dict):
        return
    values = container.get(key)
    if isinstance(values, list):
        for index, item in enumerate(values):
            if isinstance(item, dict):
                yield (*loc, key, index), item


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


class _ReferenceChecker:
    def __init__(self, data: dict[str, object], report: Reporter) -> None:
        self.data = data
        self.report = report
        self.reported = False
        self.questions: dict[str, QuestionInfo] = {}
        self.sections: list[tuple[Loc, dict[str, object]]] = list(_mappings(data, "sections", ()))
        for index, (section_loc, section) in enumerate(self.sections):
            for loc, question in _mappings(section, "questions", section_loc):
                self._collect(index, loc, question)

    def _collect(self, section: int, loc: Loc, question: dict[str, object]) -> None:
        question_id = _text(question.get("id"))
        if question_id is None or question_id in self.questions:
            return
        kind = question.get("type", "statut")
        known = kind if isinstance(kind, str) and kind in _KINDS else None
        choices: tuple[str, ...] = ()
        if known == "statut":
            choices = _STATUT_IDS
        else:
            raw = question.get("choix")
            if isinstance(raw, list):
                ids = (_text(c.get("id")) for c in raw if isinstance(c, dict))
                choices = tuple(choice for choice in ids if choice)
        self.questions[question_id] = QuestionInfo(question_id, loc, section, known, choices)

    def add(self, loc: Loc, message: str, hint: str, code: str, *, at_key: bool = False) -> None:
        self.reported = True
        self.report(loc, message, hint, code, at_key)

    def run(self) -> bool:
        for index, (section_loc, section) in enumerate(self.sections):
            self._check_condition(section.get("visible_si"), (*section_loc, "visible_si"))
            self._check_repeat(index, section_loc, section)
            for loc, question in _mappings(section, "questions", section_loc):
                self._check_condition(question.get("visible_si"), (*loc, "visible_si"))
                self._check_former_ids(loc, question)
        self._check_cycles()
        return self.reported

    # --- conditions ---------------------------------------------------------------------

    def _check_condition(self, condition: object, loc: Loc) -> None:
        for test, test_loc in condition_tests(condition, loc):
            name = _text(test.get("question"))
            if name is None:
                continue
            target = self.questions.get(name)
            if target is None:
                message = f"la condition cite la question « {name} », qui n'existe pas"
                guess = suggest(name, list(self.questions))
                if guess:
                    message += f" — vouliez-vous dire « {guess} » ?"
                self.add(
                    (*test_loc, "question"),
                    message,
                    "une condition cite l'identifiant (id) d'une question de la check-list",
                    "condition-question-inconnue",
                )
            elif target.kind is not None:
                self._check_test(test, test_loc, target)

    def _check_test(self, test: dict[str, object], loc: Loc, target: QuestionInfo) -> None:
        for operator in _OPERATORS:
            if operator not in test or operator == "repondue":
                continue
            fits = (
                target.kind == "choix_multiple"
                if operator == "contient"
                else target.kind in ("statut", "choix")
            )
            if not fits:
                self.add(
                    (*loc, operator),
                    f"« {operator} » ne s'emploie pas avec la question « {target.id} », "
                    f"de type « {target.kind} »",
                    _operator_hint(target.kind),
                    "condition-operateur-inadapte",
                    at_key=True,
                )
            if target.kind in ("texte", "texte_long"):
                continue
            value = test[operator]
            values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for index, item in values:
                choice = _text(item)
                if choice is None or choice in target.choices:
                    continue
                where = (*loc, operator) if index is None else (*loc, operator, index)
                message = f"« {choice} » n'est pas un choix de la question « {target.id} »"
                guess = suggest(choice, list(target.choices))
                if guess:
                    message += f" — vouliez-vous dire « {guess} » ?"
                self.add(
                    where,
                    message,
                    f"choix possibles : {', '.join(target.choices)}",
                    "condition-valeur-impossible",
                )

    # --- repeats and former ids -----------------------------------------------------------

    def _check_repeat(self, index: int, loc: Loc, section: dict[str, object]) -> None:
        name = _text(section.get("repeter_pour"))
        if name is None:
            return
        target = self.questions.get(name)
        where = (*loc, "repeter_pour")
        code = "repetition-invalide"
        if target is None:
            message = f"la section est répétée pour la question « {name} », qui n'existe pas"
            multiple = [q.id for q in self.questions.values() if q.kind == "choix_multiple"]
            guess = suggest(name, multiple)
            if guess:
                message += f" — vouliez-vous dire « {guess} » ?"
            hint = "« repeter_pour » cite l'identifiant d'une question à choix multiple"
            self.add(where, message, hint, code)
        elif target.kind is not None and target.kind != "choix_multiple":
            self.add(
                where,
                f"une section ne peut être répétée que pour une question à choix multiple ; "
                f"« {name} » est de type « {target.kind} »",
                "choisissez une question de type « choix_multiple » : la section est répétée "
                "une fois par choix coché",
                code,
            )
        elif target.section == index:
            self.add(
                where,
                f"la section ne peut pas être répétée pour une de ses propres questions "
                f"(« {name} »)",
                f"placez la question « {name} » dans une section précédente",
                code,
            )

    def _check_former_ids(self, loc: Loc, question: dict[str, object]) -> None:
        former = question.get("anciens_ids")
        if not isinstance(former, list):
            return
        for index, item in enumerate(former):
            name = _text(item)
            if name is None or name not in self.questions:
                continue
            owner = self.questions[name]
            here = "cette question" if owner.loc == loc else f"la question « {name} »"
            self.add(
                (*loc, "anciens_ids", index),
                f"l'ancien identifiant « {name} » est encore celui de {here}",
                "un ancien identifiant ne doit plus être porté par aucune question : retirez-le "
                "de « anciens_ids » ou donnez un autre identifiant à la question",
                "ancien-id-en-usage",
            )

    # --- cycles -----------------------------------------------------------------------------

    def _check_cycles(self) -> None:
        depends: dict[str, list[str]] = {}
        owner_loc: dict[str, Loc] = {}
        for section_loc, section in self.sections:
            section_refs = self._refs(section.get("visible_si"))
            for loc, question in _mappings(section, "questions", section_loc):
                question_id = _text(question.get("id"))
                if question_id is None or self.questions[question_id].loc != loc:
                    continue
                own = self._refs(question.get("visible_si"))
                depends[question_id] = own + [r for r in section_refs if r not in own]
                where = loc if own else section_loc
                owner_loc[question_id] = (*where, "visible_si")
        for cycle in _cycles(depends):
            path = " → ".join((*cycle, cycle[0]))
            self.add(
                owner_loc[cycle[0]],
                f"les conditions forment une boucle : {path}",
                "une question ne peut pas dépendre, même indirectement, d'elle-même : "
                "retirez l'une de ces conditions",
                "condition-en-boucle",
            )

    def _refs(self, condition: object) -> list[str]:
        found: list[str] = []
        for test, _ in condition_tests(condition, ()):
            name = _text(test.get("question"))
            if name is not None and name in self.questions and name not in found:
                found.append(name)
        return found


def _operator_hint(kind: str | None) -> str:
    if kind == "choix_multiple":
        return "pour une question à choix multiple, employez « contient » ou « repondue »"
    if kind in ("texte", "texte_long"):
        return "pour une question de texte, seul « repondue » s'emploie"
    return "pour un statut ou un choix unique, employez « est », « parmi » ou « repondue »"


def _cycles(depends: dict[str, list[str]]) -> list[tuple[str, ...]]:
    """One cycle per group of questions depending on each other (Tarjan), in file order."""
    order = {name: index for index, name in enumerate(depends)}
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:
        work: list[tuple[str, int]] = [(start, 0)]
        index_of[start] = low[start] = len(index_of)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, position = work.pop()
            targets = depends.get(node, [])
            if position < len(targets):
                work.append((node, position + 1))
                nxt = targets[position]
                if nxt not in index_of:
                    index_of[nxt] = low[nxt] = len(index_of)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index_of[nxt])
                continue
            if low[node] == index_of[node]:
                group: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in depends.get(node, []):
                    groups.append(group)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])

    for name in depends:
        if name not in index_of:
            visit(name)
    cycles = [_cycle_in(sorted(group, key=order.__getitem__), depends) for group in groups]
    return sorted(cycles, key=lambda cycle: order[cycle[0]])


def _cycle_in(group: list[str], depends: dict[str, list[str]]) -> tuple[str, ...]:
    """A shortest cycle through the first question of ``group`` (breadth first)."""
    members = set(group)
    start = group[0]
    previous: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for nxt in depends.get(node, []):
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return tuple(reversed(path))
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return (start,)  # unreachable for a strongly connected group


def check_references(data: dict[str, object], report: Reporter) -> bool:
    """Check every condition, repeat and former id; True when a problem was reported."""
    return _ReferenceChecker(data, report).run()
