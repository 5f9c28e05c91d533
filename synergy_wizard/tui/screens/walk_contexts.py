"""What the walk screen hands down to the question view about one slot of the plan."""

from __future__ import annotations

from textual.message_pump import MessagePump
from textual.timer import Timer

from synergy_wizard.answers.plan import Slot
from synergy_wizard.checklist.models import Question
from synergy_wizard.tui.session import DossierSession
from synergy_wizard.tui.widgets.guidance import glossary_terms, guidance_markdown
from synergy_wizard.tui.widgets.guidance_text import guidance_visual
from synergy_wizard.tui.widgets.question_view import QuestionContext, position_text

PREPARE_DELAY = 0.1
"""Seconds on a question before the guidance of its neighbours is prepared."""


class QuestionContexts:
    """Builds the :class:`QuestionContext` of the questions shown, following the dossier's
    current plan; the guidance of each question is made once."""

    def __init__(self, session: DossierSession, host: MessagePump) -> None:
        self._session = session
        self._host = host
        self._prepare_timer: Timer | None = None
        self._sources = {source.id: source for source in session.checklist.sources}
        self._guidance: dict[str, str] = {}
        """The guidance Markdown of each question shown (by question id)."""

    def slot(self, key: str) -> Slot | None:
        """The shown slot stored under ``key`` (None when it is hidden or unknown)."""
        session = self._session
        index = session.slot_index(key)
        return None if index is None else session.visible_slots[index]

    def position(self, slot: Slot) -> str:
        """« Section 2/5 · Question 1/3 », among the shown sections and questions."""
        session = self._session
        instance = slot.instance
        siblings = [s.key for s in session.visible_slots if s.instance.key == instance.key]
        return position_text(
            session.instance_index(instance) + 1,
            len(session.progress.sections),
            siblings.index(slot.key) + 1,
            len(siblings),
        )

    def guidance(self, question: Question) -> str:
        """The guidance of ``question``, as Markdown."""
        guidance = self._guidance.get(question.id)
        if guidance is None:
            glossary = glossary_terms(question, self._session.checklist.glossary)
            guidance = guidance_markdown(question, self._sources, glossary)
            self._guidance[question.id] = guidance
        return guidance

    def key_state(self, key: str) -> tuple[bool, bool, int]:
        """What the walk's keys can do on ``key``: go back, go on, pick among how many."""
        session = self._session
        index = session.slot_index(key)
        slot = self.slot(key)
        question = slot.question if slot is not None else None
        picks = question is not None and question.kind in ("statut", "choix")
        return (
            index is not None and index > 0,
            index is not None and index < len(session.visible_slots) - 1,
            len(question.effective_choices) if question is not None and picks else 0,
        )

    def prepare_around(self, key: str) -> None:
        """Soon (when the user stays on ``key``), make the guidance of the questions before
        and after it, so that moving to them converts no Markdown."""
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_timer = self._host.set_timer(
            PREPARE_DELAY, lambda: self._prepare_neighbours(key)
        )

    def _prepare_neighbours(self, key: str) -> None:
        self._prepare_timer = None
        session = self._session
        index = session.slot_index(key)
        if index is None:
            return
        slots = session.visible_slots
        for neighbour in (index + 1, index - 1):
            if 0 <= neighbour < len(slots):
                guidance_visual(self.guidance(slots[neighbour].question))

    def context(self, slot: Slot) -> QuestionContext:
        """Everything the question view shows about ``slot``."""
        session = self._session
        return QuestionContext(
            question=slot.question,
            key=slot.key,
            section_title=slot.instance.title,
            position=self.position(slot),
            answer=session.dossier.answer(slot.key),
            guidance=self.guidance(slot.question),
            read_only=session.read_only,
        )
