"""Checklists: the pydantic models and the strict YAML loader. Knows nothing of answers or UI."""

from synergy_wizard.checklist.models import (
    STATUT_CHOICES,
    AnswerKind,
    Checklist,
    Choice,
    Question,
    Reference,
    Section,
    Source,
)

__all__ = [
    "STATUT_CHOICES",
    "AnswerKind",
    "Checklist",
    "Choice",
    "Question",
    "Reference",
    "Section",
    "Source",
]
