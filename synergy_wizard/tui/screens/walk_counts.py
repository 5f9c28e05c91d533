"""The counts around the walk's question: section list, overall progress, kept answers.

They are redrawn after every change, but only what changed: a note or a follow-up changes
no count, and most answers change one section's line and the overall label.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from synergy_wizard.tui.notices import kept_answers_notice
from synergy_wizard.tui.session import DossierSession
from synergy_wizard.tui.widgets.section_list import SectionList
from synergy_wizard.tui.widgets.static_text import update_text


class WalkCounts:
    """Shows the session's counts in the walk screen's widgets."""

    def __init__(self, screen: Screen[None], session: DossierSession) -> None:
        self._screen = screen
        self._session = session
        self._shown: tuple[str, str] | None = None
        """The overall label and the kept-answers notice on screen."""

    def show(self) -> None:
        """Refresh the section list, the overall progress and the kept-answers notice."""
        screen, session = self._screen, self._session
        progress = session.progress
        screen.query_one(SectionList).show_progress(progress)
        label = f"Progression : {progress.answered}/{progress.total}"
        if progress.open_points:
            label += f" · {progress.open_points} à suivre"
        notice = kept_answers_notice(session.kept_hidden_count(), session.orphan_count())
        shown = self._shown
        if (label, notice) == shown:
            return  # only a note or a follow-up changed: nothing to redraw here
        self._shown = (label, notice)
        if shown is None or label != shown[0]:
            update_text(screen.query_one("#overall-label", Static), Content(label))
            screen.query_one("#overall-bar", ProgressBar).update(
                total=max(progress.total, 1), progress=progress.answered
            )
        if shown is None or notice != shown[1]:
            kept = screen.query_one("#kept-notice", Static)
            update_text(kept, Content(notice))
            kept.display = bool(notice)
