"""The data the screens work on: the checklists on offer, and one open dossier.

Plain Python (no Textual): opening a dossier, finding its checklist, following its plan
(which questions and repeated sections are shown), saving it. The screens decide how to show
the errors raised here (all of them :class:`SynergyError`, in French).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from synergy_wizard.answers.compat import apply_renames, check_compatibility
from synergy_wizard.answers.model import AnswerValue, ChecklistStamp, Dossier
from synergy_wizard.answers.plan import Plan, SectionInstance, Slot, build_plan, split_key
from synergy_wizard.answers.progress import Progress, progress_of
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.loader import find_checklist, load_bundled
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import NotFoundError

AnswerField = Literal["value", "note", "owner", "deadline", "priority"]
"""The parts of an answer the wizard edits."""

EditValue = AnswerValue | date
"""A new value for one of :data:`AnswerField` (a date only for the deadline)."""


class Catalog:
    """The checklists the wizard offers, loaded once, when first needed."""

    def __init__(self, checklists: Sequence[Checklist] | None = None) -> None:
        self._checklists: list[Checklist] | None = (
            list(checklists) if checklists is not None else None
        )

    def all(self) -> list[Checklist]:
        """Every checklist on offer (the bundled ones by default). Raises ChecklistError."""
        if self._checklists is None:
            self._checklists = load_bundled()
        return self._checklists

    def find(self, checklist_id: str) -> Checklist:
        """The checklist with this id, among those on offer, else a bundled one."""
        if self._checklists is not None:
            for checklist in self._checklists:
                if checklist.id == checklist_id:
                    return checklist
        try:
            return find_checklist(checklist_id)
        except NotFoundError as error:
            raise NotFoundError(
                f"Ce dossier répond à la check-list « {checklist_id} », qui n'est pas installée.",
                hint=error.message,
            ) from None


@dataclass
class WalkPreferences:
    """Display choices kept while the program runs, from one dossier to the next."""

    show_guidance: bool = True
    """Whether the guidance panel is shown next to (or under) the question."""


@dataclass
class DossierSession:
    """One dossier open in the wizard, with the checklist it answers and where it is saved."""

    checklist: Checklist
    dossier: Dossier
    path: Path
    notices: list[str] = field(default_factory=list)
    """What changed in the checklist since the dossier was last saved (French sentences)."""
    renamed: tuple[tuple[str, str], ...] = ()
    """Answers moved from a former question id to the current one when the dossier opened;
    the dossier must be saved to keep the move."""
    plan: Plan = field(init=False)
    """Which sections and questions are shown, for the current answers."""
    progress: Progress = field(init=False)
    """Counts of the visible sections and questions, for the current answers."""
    _slot_index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.refresh_plan()

    # --- the plan -----------------------------------------------------------------------

    def refresh_plan(self) -> None:
        """Recompute what is shown and counted, after the answers changed."""
        self.plan = build_plan(self.checklist, self.dossier)
        self.progress = progress_of(self.plan)
        self._slot_index = {slot.key: i for i, slot in enumerate(self.plan.visible_slots)}

    @property
    def visible_slots(self) -> tuple[Slot, ...]:
        return self.plan.visible_slots

    def slot_index(self, key: str) -> int | None:
        """Where the question with answer ``key`` is among the visible ones (None: hidden)."""
        return self._slot_index.get(key)

    def instance_index(self, instance: SectionInstance) -> int:
        """The position of a visible section instance in the section list."""
        keys = [s.instance.key for s in self.progress.sections]
        return keys.index(instance.key)

    def kept_hidden_count(self) -> int:
        """Answers kept for questions not shown now (conditions, unticked repetitions)."""
        return len(self.plan.hidden_answered) + len(self.plan.unchosen_repetition_answers)

    def orphan_count(self) -> int:
        """Answers kept for questions the checklist no longer has."""
        return len(self.plan.orphan_keys)

    def _order(self, key: str) -> tuple[int, int, int] | None:
        """Where an answer key stands in the checklist: section, repetition, question."""
        question_id, repetition = split_key(key)
        if question_id not in self.checklist.question_index:
            return None
        section_index, question_index = self.checklist.question_index[question_id]
        repeat_for = self.checklist.sections[section_index].repeat_for
        rank = -1
        if repeat_for is not None and repetition is not None:
            choices = [c.id for c in self.checklist.question(repeat_for).choices]
            rank = choices.index(repetition) if repetition in choices else len(choices)
        return section_index, rank, question_index

    def nearest_visible(self, key: str) -> str | None:
        """``key`` if its question is shown, else the next shown question (else the last).

        None only when no question at all is shown.
        """
        slots = self.plan.visible_slots
        if not slots:
            return None
        if key in self._slot_index:
            return key
        order = self._order(key)
        if order is None:
            return slots[0].key
        for slot in slots:
            slot_order = self._order(slot.key)
            if slot_order is not None and slot_order >= order:
                return slot.key
        return slots[-1].key

    def start_key(self) -> str | None:
        """Where to resume: the last question seen (or the next shown one), else the first
        unanswered one, else the first one."""
        if self.dossier.position:
            return self.nearest_visible(self.dossier.position)
        for slot in self.plan.visible_slots:
            if not self.dossier.answer(slot.key).is_answered:
                return slot.key
        return self.nearest_visible("")

    # --- changes ------------------------------------------------------------------------

    def set_answer(self, key: str, field_name: AnswerField, value: EditValue) -> bool:
        """Change one part of the answer stored under ``key``, in memory, and recompute the
        plan. False when nothing changed."""
        current = self.dossier.answer(key)
        if field_name == "note" and not isinstance(value, str):
            value = ""
        if field_name == "owner":
            value = value.strip() if isinstance(value, str) else ""
        if getattr(current, field_name) == value:
            return False
        self.dossier.update_answer(key, **{field_name: value})
        self.refresh_plan()
        return True

    def adopt_checklist(self) -> bool:
        """Stamp the dossier with the checklist it is open with (once the user was told what
        changed). False when it already was."""
        stamp = ChecklistStamp.of(self.checklist)
        if self.dossier.checklist == stamp:
            return False
        self.dossier.checklist = stamp
        return True

    def save(self) -> None:
        """Write the dossier to its file now. Raises StorageError (French) on failure."""
        save_dossier(self.dossier, self.path)


def open_session(path: Path, catalog: Catalog) -> DossierSession:
    """Read the dossier at ``path`` and find its checklist. Raises SynergyError (French).

    Answers given under a former id of a question are moved to its current id at once (in
    memory; the caller saves). Nothing else changes until the user has read the notices,
    which are given once per checklist change (orphans stay counted on the walk screen).
    """
    dossier = load_dossier(path)
    checklist = catalog.find(dossier.checklist.id)
    compatibility = check_compatibility(checklist, dossier)
    changed = not (compatibility.same_version and compatibility.same_content)
    changed = changed or bool(compatibility.renamed)
    notices = compatibility.messages() if changed else []
    moves = apply_renames(checklist, dossier)
    moved = dict(moves)
    if dossier.position in moved:
        dossier.position = moved[dossier.position]
    return DossierSession(checklist, dossier, path, notices, moves)
