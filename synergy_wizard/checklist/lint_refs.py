"""Lint checks on conditions and repeats: what can never be shown, what is asked too late.

The load already refuses a condition naming an unknown question or an impossible value, and
loops between conditions. These checks look at what the conditions mean together, with the
visibility rules of the dossier (see :mod:`lint_visibility`).
"""

from __future__ import annotations

from synergy_wizard.checklist.conditions import (
    AllOf,
    AnyOf,
    Condition,
    Test,
    referenced_questions,
)
from synergy_wizard.checklist.lint_base import LintContext, Loc, condition_tests, question_loc
from synergy_wizard.checklist.lint_visibility import Visibility
from synergy_wizard.checklist.models import Section

__all__ = ["check_references"]

NEVER_SHOWN = "jamais-affichee"
REPEATED_OUTSIDE = "condition-sur-section-repetee"
LATER_QUESTION = "condition-sur-question-suivante"
LATER_REPEAT = "repetition-sur-question-suivante"

_NEVER_HINT = (
    "revoyez la condition : une question à choix unique n'a qu'une réponse à la fois, et une "
    "question masquée compte comme sans réponse"
)
_CLASH_HINT = (
    "« et » exige que toutes ses conditions soient vraies ensemble ; pour accepter l'une ou "
    "l'autre réponse, employez « parmi » ou « ou »"
)


def check_references(context: LintContext) -> None:
    """Report conditions and repeats that cannot work as written."""
    visibility = Visibility(context.checklist)
    flagged = _check_repeated_outside(context)
    _check_never_shown(context, visibility)
    _check_later_questions(context, flagged)


# --- questions of a repeated section, read from outside it -------------------------------------


def _owners(context: LintContext) -> list[tuple[Section, Loc, Condition]]:
    """(section of the owner, path of the condition, condition) for every condition."""
    found: list[tuple[Section, Loc, Condition]] = []
    for loc, section in context.sections():
        if section.visible_if is not None:
            found.append((section, (*loc, "visible_si"), section.visible_if))
        for index, question in enumerate(section.questions):
            if question.visible_if is not None:
                where = (*loc, "questions", index, "visible_si")
                found.append((section, where, question.visible_if))
    return found


def _check_repeated_outside(context: LintContext) -> set[Loc]:
    checklist = context.checklist
    flagged: set[Loc] = set()
    for owner, where, condition in _owners(context):
        for test, test_loc in condition_tests(condition, where):
            home = checklist.section_of(test.question)
            if home.repeat_for is None or home is owner:
                continue
            flagged.add(test_loc)
            context.error(
                (*test_loc, "question"),
                REPEATED_OUTSIDE,
                f"la question « {test.question} » fait partie de la section répétée "
                f"« {home.id} » : hors de cette section, elle compte toujours comme sans réponse",
                "faites porter la condition sur une question hors de toute section répétée, "
                f"ou placez-la dans la section « {home.id} »",
            )
    for loc, section in context.sections():
        if section.repeat_for is None:
            continue
        home = checklist.section_of(section.repeat_for)
        if home.repeat_for is not None:
            context.error(
                (*loc, "repeter_pour"),
                REPEATED_OUTSIDE,
                f"la question « {section.repeat_for} » fait partie de la section répétée "
                f"« {home.id} » : une section ne peut être répétée que pour une question posée "
                "une seule fois",
                "choisissez une question à choix multiple hors de toute section répétée",
            )
    return flagged


# --- never shown ---------------------------------------------------------------------------


def _check_never_shown(context: LintContext, visibility: Visibility) -> None:
    for loc, section in context.sections():
        if visibility.section_showable(section) is False:
            _report_section(context, visibility, loc, section)
            continue
        for index, question in enumerate(section.questions):
            if question.visible_if is None or visibility.question_showable(question) is not False:
                continue
            reason, hint = _reason(context, visibility, section, question.visible_if)
            context.error(
                (*loc, "questions", index, "visible_si"),
                NEVER_SHOWN,
                f"la question « {question.id} » ne sera jamais affichée : {reason}",
                hint,
            )


def _report_section(
    context: LintContext, visibility: Visibility, loc: Loc, section: Section
) -> None:
    checklist = context.checklist
    prefix = f"la section « {section.id} » ne sera jamais affichée, ni aucune de ses questions"
    if section.repeat_for is not None:
        source = checklist.question(section.repeat_for)
        if checklist.section_of(source.id).repeat_for is not None:
            return  # reported as a repeat over a question of a repeated section
        if visibility.question_showable(source) is False:
            context.error(
                (*loc, "repeter_pour"),
                NEVER_SHOWN,
                f"{prefix} : elle est répétée pour la question « {source.id} », qui n'est "
                "jamais affichée",
                f"corrigez d'abord la condition de la question « {source.id} »",
            )
            return
    condition = section.visible_if
    assert condition is not None  # without a condition, a section is shown once its source is
    reason, hint = _reason(context, visibility, section, condition)
    context.error((*loc, "visible_si"), NEVER_SHOWN, f"{prefix} : {reason}", hint)


def _reason(
    context: LintContext, visibility: Visibility, owner: Section, condition: Condition
) -> tuple[str, str]:
    """Why a condition is never true, and what to do about it."""
    checklist = context.checklist
    for name in sorted(referenced_questions(condition), key=checklist.question_index.__getitem__):
        home = checklist.section_of(name)
        if home.repeat_for is not None and home is not owner:
            return (
                f"elle dépend de la question « {name} », qui fait partie de la section répétée "
                f"« {home.id} » et compte ici comme sans réponse",
                "faites porter la condition sur une question hors de toute section répétée",
            )
        if visibility.question_showable(checklist.question(name)) is False:
            return (
                f"elle dépend de la question « {name} », qui n'est jamais affichée",
                f"corrigez d'abord la condition de la question « {name} »",
            )
    clash = _contradiction(condition)
    if clash:
        return clash, _CLASH_HINT
    return "sa condition n'est vraie pour aucune combinaison de réponses", _NEVER_HINT


def _contradiction(condition: Condition) -> str:
    """An « et » asking two different answers of one single-answer question, described."""
    if isinstance(condition, AllOf):
        allowed: dict[str, set[str]] = {}
        for part in condition.all_of:
            if not isinstance(part, Test) or (part.equals is None and part.among is None):
                continue
            values = set(part.values)
            before = allowed.get(part.question)
            if before is not None and not before & values:
                first = ", ".join(f"« {v} »" for v in sorted(before))
                second = ", ".join(f"« {v} »" for v in sorted(values))
                return (
                    f"« et » exige à la fois {first} et {second} pour la question "
                    f"« {part.question} », qui n'a qu'une réponse"
                )
            allowed[part.question] = values if before is None else before & values
    for part in _children(condition):
        found = _contradiction(part)
        if found:
            return found
    return ""


def _children(condition: Condition) -> tuple[Condition, ...]:
    if isinstance(condition, Test):
        return ()
    if isinstance(condition, AllOf):
        return condition.all_of
    if isinstance(condition, AnyOf):
        return condition.any_of
    return (condition.negated,)


# --- questions asked too late ----------------------------------------------------------------


def _check_later_questions(context: LintContext, flagged: set[Loc]) -> None:
    checklist = context.checklist
    order = checklist.question_index
    position = {q.id: index for index, q in enumerate(checklist.questions)}
    for loc, section in context.sections():
        first = position[section.questions[0].id]
        owners: list[tuple[str, str, int, Loc, Condition | None]] = [
            (
                f"la section « {section.id} »",
                "arrive à cette section",
                first,
                (*loc, "visible_si"),
                section.visible_if,
            )
        ]
        for index, question in enumerate(section.questions):
            owners.append(
                (
                    f"la question « {question.id} »",
                    "voit cette question",
                    position[question.id],
                    (*loc, "questions", index, "visible_si"),
                    question.visible_if,
                )
            )
        for owner, meets, at, where, condition in owners:
            if condition is None:
                continue
            for test, test_loc in condition_tests(condition, where):
                if test_loc in flagged or position[test.question] < at:
                    continue
                target = question_loc(*order[test.question])
                context.warning(
                    (*test_loc, "question"),
                    LATER_QUESTION,
                    f"{owner} dépend de la question « {test.question} », posée plus loin "
                    f"(ligne {context.line_of(target)}) : la personne {meets} avant d'avoir pu "
                    f"répondre à « {test.question} »",
                    f"placez la question « {test.question} » plus haut dans la check-list",
                )
        if section.repeat_for is not None and position[section.repeat_for] >= first:
            target = question_loc(*order[section.repeat_for])
            context.warning(
                (*loc, "repeter_pour"),
                LATER_REPEAT,
                f"la section « {section.id} » est répétée pour la question "
                f"« {section.repeat_for} », posée plus loin (ligne {context.line_of(target)})",
                f"placez la question « {section.repeat_for} » dans une section précédente",
            )
