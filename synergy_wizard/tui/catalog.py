"""The checklists the wizard offers, loaded once, when first needed (plain Python, no Textual).

Nothing is read when the wizard starts: the bundled checklists are loaded the first time a
screen asks for them (the home screen, just after it is shown; the « Nouveau dossier » form),
and a dossier opened directly loads only the checklist it answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from synergy_wizard.answers.model import Dossier
    from synergy_wizard.checklist.models import Checklist

__all__ = ["Catalog"]


class Catalog:
    """The checklists the wizard offers, loaded once, when first needed."""

    def __init__(self, checklists: Sequence[Checklist] | None = None) -> None:
        self._checklists: list[Checklist] | None = (
            list(checklists) if checklists is not None else None
        )

    @property
    def loaded(self) -> bool:
        """Whether the checklists on offer are in memory already (no file to read)."""
        return self._checklists is not None

    def all(self) -> list[Checklist]:
        """Every checklist on offer (the bundled ones by default). Raises ChecklistError."""
        if self._checklists is None:
            from synergy_wizard.checklist.loader import load_bundled

            self._checklists = load_bundled()
        return self._checklists

    def for_dossier(self, dossier: Dossier) -> Checklist:
        """The checklist ``dossier`` answers: one on offer, a bundled one, or the file of a
        checklist being tried out that the dossier was created from.

        Raises NotFoundError or ChecklistError (French).
        """
        from synergy_wizard.answers.checklist_source import checklist_for

        return checklist_for(dossier, self._checklists or ())
