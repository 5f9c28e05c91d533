"""Dossiers: the answers of one project to one checklist, and their safe storage."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from synergy_wizard.answers.model import Answer, ChecklistStamp, Dossier, ProjectInfo

__all__ = ["Answer", "ChecklistStamp", "Dossier", "ProjectInfo"]


def __getattr__(name: str) -> object:
    # The models (pydantic) are imported on first use: the file helpers of this package
    # (fileio) serve the wizard before any dossier is read.
    if name in __all__:
        from synergy_wizard.answers import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
