"""What the question view shows about one question, and the texts made from it.

:class:`QuestionContext` is the data the walk screen hands down to the view; the functions
turn it into the French texts shown above and under the answer control.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from synergy_wizard.answers.model import Answer
from synergy_wizard.checklist.models import Question

HINTS: dict[str, str] = {
    "statut": "Choisissez avec les flèches puis Entrée, ou tapez 1 à 5.",
    "choix": "Choisissez avec les flèches puis Entrée, ou tapez le numéro du choix.",
    "choix_multiple": "Cochez ou décochez avec Espace ; plusieurs choix sont possibles.",
    "texte": "Tapez votre réponse ; elle est enregistrée automatiquement.",
    "texte_long": "Tapez votre réponse ; elle est enregistrée automatiquement.",
}
READ_ONLY_HINT = "Lecture seule : la réponse, la note et le suivi ne peuvent pas être modifiés."


@dataclass(frozen=True)
class QuestionContext:
    """Everything the view shows about one question (data handed down by the screen)."""

    question: Question
    key: str
    """The key the answer is stored under (``question`` or ``question@choice``)."""
    section_title: str
    """The title of the section, with the choice's label in a repeated section."""
    position: str
    """Where the question stands (« Section 2/5 · Question 1/3 »), among the shown ones."""
    answer: Answer
    guidance: str
    """The guidance, as Markdown."""
    read_only: bool = False
    """Whether the answer is only shown (a dossier open read-only): nothing can be changed."""


def position_text(section_number: int, section_count: int, number: int, count: int) -> str:
    """« Section 2/5 · Question 1/3 »."""
    return f"Section {section_number}/{section_count} · Question {number}/{count}"


def question_text(question: Question) -> Content:
    text = Content(question.text)
    if question.required:
        text = text.append(Content.styled("  (obligatoire)", "$text-muted"))
    return text


def orphan_notice(question: Question, answer: Answer) -> str:
    """A sentence about a saved value the question no longer offers (kept as is)."""
    value = answer.value
    if value is None:
        return ""
    if question.kind in ("texte", "texte_long"):
        if isinstance(value, str):
            return ""
        return "La réponse enregistrée n'est plus du texte ; elle est conservée telle quelle."
    known = {choice.id for choice in question.effective_choices}
    values = value if isinstance(value, list) else [value]
    unknown = [v for v in values if v not in known]
    if not unknown:
        return ""
    listed = ", ".join(f"« {v} »" for v in unknown)
    return (
        f"Réponse enregistrée qui n'existe plus dans la check-list : {listed}. "
        "Elle est conservée tant que vous ne choisissez pas autre chose."
    )


def hint_text(question: Question, *, read_only: bool) -> str:
    """How to answer ``question`` (or why nothing can be changed)."""
    return READ_ONLY_HINT if read_only else HINTS[question.kind]
