"""The rows of the home screen's list: what each dossier file shows, and its progress.

The progress (« 3/12 ») needs the dossier's checklist, to count only the questions shown:
the checklists are read once, when the first row needs one, and each progress is kept as
long as its file does not change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from synergy_wizard.errors import DossierError, SynergyError
from synergy_wizard.tui.screens.dossiers import short_datetime

if TYPE_CHECKING:
    from collections.abc import Sequence

    from synergy_wizard.answers.storage import DossierEntry
    from synergy_wizard.checklist.models import Checklist
    from synergy_wizard.tui.catalog import Catalog

__all__ = ["DossierRows"]


class DossierRows:
    """Builds the cells of the list of dossiers (name, checklist, progress, date)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._progress_cache: dict[tuple[str, int, int], str] = {}

    def rows(self, entries: Sequence[DossierEntry]) -> list[list[Text]]:
        """One row of cells per entry, in the same order."""
        known = self._known_checklists(entries)
        return [self._row(entry, known) for entry in entries]

    def _known_checklists(self, entries: Sequence[DossierEntry]) -> dict[str, Checklist]:
        if all(entry.error for entry in entries):
            return {}  # no progress to show: no checklist to read
        try:
            checklists = self.catalog.all()
        except SynergyError:
            return {}  # reported when the user asks for a new dossier
        return {checklist.id: checklist for checklist in checklists}

    def _row(self, entry: DossierEntry, known: dict[str, Checklist]) -> list[Text]:
        if entry.error:
            return [
                Text(entry.name, overflow="ellipsis", no_wrap=True),
                Text("—"),
                Text("⚠ illisible", style="bold"),
                Text(""),
            ]
        checklist = known.get(entry.checklist_id)
        if checklist is not None:
            progress = self._progress_text(entry, checklist)
            title = checklist.title
        else:
            progress = f"{entry.answered} rép."
            title = entry.checklist_id
        return [
            Text(entry.name, overflow="ellipsis", no_wrap=True),
            Text(title, overflow="ellipsis", no_wrap=True),
            Text(progress, justify="right"),
            Text(short_datetime(entry.updated_at)),
        ]

    def _progress_text(self, entry: DossierEntry, checklist: Checklist) -> str:
        """« 3/12 »: questions answered among those shown (hidden and orphans not counted)."""
        try:
            stat = entry.path.stat()
            stamp = (str(entry.path), stat.st_mtime_ns, stat.st_size)
        except OSError:
            return f"{entry.answered} rép."
        cached = self._progress_cache.get(stamp)
        if cached is None:
            from synergy_wizard.answers.progress import compute_progress
            from synergy_wizard.answers.storage import load_dossier

            try:
                progress = compute_progress(checklist, load_dossier(entry.path))
            except DossierError:
                return f"{entry.answered} rép."
            cached = f"{progress.answered}/{progress.total}"
            self._progress_cache[stamp] = cached
        return cached
