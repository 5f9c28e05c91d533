"""Does a dossier still fit its checklist? What changed, in plain French.

A checklist evolves: questions are added, removed or renamed, choices removed, kinds changed.
Nothing here ever drops an answer. Answers to questions that no longer exist (orphans) and
answers whose value no longer fits the question stay in the dossier, are saved back as they
are, and are reported so the user can review them.
"""

from __future__ import annotations

from dataclasses import dataclass

from synergy_wizard.answers.model import AnswerValue, Dossier
from synergy_wizard.answers.plan import answer_key, split_key
from synergy_wizard.checklist.models import Checklist, Question

__all__ = ["Compatibility", "apply_renames", "check_compatibility", "check_value"]


@dataclass(frozen=True)
class Compatibility:
    """How a dossier relates to the checklist it is opened with."""

    same_version: bool
    """The dossier was started with this very version number of the checklist."""
    same_content: bool
    """The checklist content is exactly the one the dossier was last stamped with."""
    orphan_ids: tuple[str, ...]
    """Answers whose question id no longer exists in the checklist (kept, never deleted)."""
    invalid_values: tuple[str, ...]
    """Answers whose value no longer fits their question (kept, to review)."""
    checklist_version: str = ""
    """The version of the checklist the dossier is checked against."""
    dossier_version: str = ""
    """The checklist version recorded in the dossier."""
    value_problems: tuple[str, ...] = ()
    """Why each of ``invalid_values`` does not fit (French), in the same order."""
    renamed: tuple[tuple[str, str], ...] = ()
    """(former id, current id) of answers stored under a former id of a question (« anciens_ids »)
    whose current id has no answer yet: :func:`apply_renames` moves them."""

    @property
    def fits(self) -> bool:
        """True when nothing needs the user's attention."""
        return (
            self.same_content
            and not self.orphan_ids
            and not self.invalid_values
            and not self.renamed
        )

    def messages(self) -> list[str]:
        """Plain French sentences telling the user what changed and what was kept."""
        lines: list[str] = []
        if not self.same_version:
            lines.append(
                f"Ce dossier a été commencé avec la version {self.dossier_version} de la "
                f"check-list ; il est ouvert avec la version {self.checklist_version}."
            )
        elif not self.same_content:
            lines.append(
                f"La check-list a été modifiée depuis le dernier enregistrement de ce dossier "
                f"(même numéro de version, {self.checklist_version})."
            )
        count = len(self.renamed)
        if count:
            pairs = ", ".join(f"« {old} » devenue « {new} »" for old, new in self.renamed)
            if count == 1:
                lines.append(
                    f"1 réponse a été donnée à une question renommée depuis ({pairs}) ; "
                    "elle est reprise pour cette question."
                )
            else:
                lines.append(
                    f"{count} réponses ont été données à des questions renommées depuis "
                    f"({pairs}) ; elles sont reprises pour ces questions."
                )
        count = len(self.orphan_ids)
        if count:
            ids = _quoted(self.orphan_ids)
            if count == 1:
                lines.append(
                    f"1 réponse concerne une question qui n'existe plus dans la version "
                    f"{self.checklist_version} ({ids}) ; elle est conservée dans le dossier "
                    "et reprise en annexe."
                )
            else:
                lines.append(
                    f"{count} réponses concernent des questions qui n'existent plus dans la "
                    f"version {self.checklist_version} ({ids}) ; elles sont conservées dans le "
                    "dossier et reprises en annexe."
                )
        count = len(self.invalid_values)
        if count:
            if count == 1:
                lines.append(
                    "1 réponse ne correspond plus à sa question ; elle est conservée telle "
                    "quelle, à revoir :"
                )
            else:
                lines.append(
                    f"{count} réponses ne correspondent plus à leur question ; elles sont "
                    "conservées telles quelles, à revoir :"
                )
            lines.extend(self.value_problems)
        return lines


def _quoted(ids: tuple[str, ...]) -> str:
    return ", ".join(f"« {question_id} »" for question_id in ids)


def check_value(question: Question, value: AnswerValue) -> str | None:
    """Why ``value`` does not fit ``question`` (French), or None when it fits.

    No value, an empty text and an empty selection always fit: they mean "not answered".
    """
    if value is None or value == "" or value == []:
        return None
    known = {choice.id for choice in question.effective_choices}
    if question.kind in ("statut", "choix"):
        if not isinstance(value, str):
            return "la réponse est une liste de choix, alors que la question n'en attend qu'un"
        if value not in known:
            return f"le choix « {value} » n'est plus proposé"
        return None
    if question.kind == "choix_multiple":
        if isinstance(value, str):
            return (
                f"la réponse « {value} » est un texte seul, alors que la question attend "
                "une liste de choix"
            )
        unknown = [item for item in value if item not in known]
        if unknown:
            if len(unknown) == 1:
                return f"le choix « {unknown[0]} » n'est plus proposé"
            return f"les choix {_quoted(tuple(unknown))} ne sont plus proposés"
        repeated = sorted({item for item in value if value.count(item) > 1})
        if repeated:
            return f"le choix « {repeated[0]} » figure plusieurs fois"
        return None
    if not isinstance(value, str):
        return "la réponse est une liste de choix, alors que la question attend un texte"
    return None


def check_compatibility(checklist: Checklist, dossier: Dossier) -> Compatibility:
    """Compare ``dossier`` with ``checklist``; nothing in the dossier is changed."""
    orphans: list[str] = []
    invalid: list[str] = []
    reasons: list[str] = []
    renamed = _renames(checklist, dossier)
    moved = dict(renamed)
    for key, answer in dossier.answers.items():
        target = moved.get(key, key)
        question_id = _known_question(checklist, target)
        if question_id is None:
            orphans.append(key)
            continue
        problem = check_value(checklist.question(question_id), answer.value)
        if problem is not None:
            invalid.append(key)
            reasons.append(f"Question « {target} » : {problem}.")
    stamp = dossier.checklist
    return Compatibility(
        same_version=stamp.id == checklist.id and stamp.version == checklist.version,
        same_content=stamp.id == checklist.id and stamp.content_hash == checklist.content_hash,
        orphan_ids=tuple(orphans),
        invalid_values=tuple(invalid),
        checklist_version=checklist.version,
        dossier_version=stamp.version,
        value_problems=tuple(reasons),
        renamed=renamed,
    )


def _renames(checklist: Checklist, dossier: Dossier) -> tuple[tuple[str, str], ...]:
    """Answers under a former question id that can move to the current id.

    An answer stays where it is (and counts as an orphan) when its question is still known
    under that id, or when the current id, or an earlier former id, already holds an answer.
    """
    moves: list[tuple[str, str]] = []
    taken = set(dossier.answers)
    for key in dossier.answers:
        question_id, repetition = split_key(key)
        if question_id in checklist.question_index:
            continue
        current_id = checklist.former_id_map.get(question_id)
        current = answer_key(current_id, repetition) if current_id is not None else None
        if current is not None and current not in taken:
            moves.append((key, current))
            taken.add(current)
    return tuple(moves)


def _known_question(checklist: Checklist, key: str) -> str | None:
    """The question an answer key belongs to (``q`` or ``q@choice`` in a repeated section).

    None for an orphan: an unknown question, a repetition of a section that is not repeated,
    a plain key in a repeated section, or a repetition for a choice that no longer exists.
    """
    question_id, repetition = split_key(key)
    if question_id not in checklist.question_index:
        return None
    repeat_for = checklist.section_of(question_id).repeat_for
    if repeat_for is None:
        return question_id if repetition is None else None
    choices = {choice.id for choice in checklist.question(repeat_for).choices}
    return question_id if repetition in choices else None


def apply_renames(checklist: Checklist, dossier: Dossier) -> tuple[tuple[str, str], ...]:
    """Move answers stored under former question ids to the current ids; returns the moves.

    Nothing is lost: an answer whose current id is already answered is left untouched (it is
    then reported as an orphan). The caller saves the dossier afterwards.
    """
    moves = _renames(checklist, dossier)
    for former, current in moves:
        dossier.answers[current] = dossier.answers.pop(former)
    return moves
