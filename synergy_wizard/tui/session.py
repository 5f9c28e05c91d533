"""The data the screens work on: the checklists on offer (:mod:`.catalog`), and one open dossier.

Plain Python (no Textual): opening a dossier, finding its checklist, following its plan
(which questions and repeated sections are shown), saving it. The screens decide how to show
the errors raised here (all of them :class:`SynergyError`, in French).

A dossier is opened for editing only by the one program holding its lock. It is opened
read-only when another program has it open, when its folder cannot be written, or when a
newer version of synergy-wizard wrote it: a read-only session never writes its file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from synergy_wizard.answers.backup import Backup
from synergy_wizard.answers.compat import apply_renames, check_compatibility
from synergy_wizard.answers.fileformat import dump_preparation
from synergy_wizard.answers.lock import DossierLock, DossierLockedError, acquire_dossier_lock
from synergy_wizard.answers.model import AnswerValue, ChecklistStamp, Dossier
from synergy_wizard.answers.plan import (
    Plan,
    SectionInstance,
    Slot,
    build_plan,
    split_key,
)
from synergy_wizard.answers.progress import Progress, progress_after_answer, progress_of
from synergy_wizard.answers.readonly import load_dossier_read_only
from synergy_wizard.answers.recovery import RestoreResult, restore_backup
from synergy_wizard.answers.storage import (
    NewerFormatError,
    SaveResult,
    load_dossier,
    save_dossier,
)
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import StorageError
from synergy_wizard.tui.catalog import Catalog

AnswerField = Literal["value", "note", "owner", "deadline", "priority"]
"""The parts of an answer the wizard edits."""

EditValue = AnswerValue | date
"""A new value for one of :data:`AnswerField` (a date only for the deadline)."""


@dataclass
class WalkPreferences:
    """Display choices kept from one dossier to the next (and, through the app's
    preferences, from one run to the next)."""

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
    read_only_reason: str = ""
    """Why the dossier cannot be changed (French sentences); empty when it can."""
    lock: DossierLock | None = field(default=None, repr=False)
    """The lock that reserves the dossier for this program (None when read-only)."""
    restored: RestoreResult | None = None
    """The backup put back just before opening, when the file was damaged."""
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

    @property
    def read_only(self) -> bool:
        """Whether the dossier is only shown: nothing is changed nor saved."""
        return bool(self.read_only_reason)

    def set_answer(self, key: str, field_name: AnswerField, value: EditValue) -> bool:
        """Change one part of the answer stored under ``key``, in memory, and recompute the
        plan. False when nothing changed (always, for a read-only dossier)."""
        if self.read_only:
            return False
        current = self.dossier.answer(key)
        if field_name == "note" and not isinstance(value, str):
            value = ""
        if field_name == "owner":
            value = value.strip() if isinstance(value, str) else ""
        if getattr(current, field_name) == value:
            return False
        self.dossier.update_answer(key, **{field_name: value})
        if self._changes_plan(key):
            self.refresh_plan()
        else:  # the same questions are shown: only the counts of one section change
            self.plan.answer_changed()
            self.progress = progress_after_answer(self.progress, self.plan, key)
        return True

    def _changes_plan(self, key: str) -> bool:
        """Whether an answer under ``key`` can show or hide questions or sections."""
        return split_key(key)[0] in self.checklist.plan_inputs

    def adopt_checklist(self) -> bool:
        """Stamp the dossier with the checklist it is open with (once the user was told what
        changed). False when it already was."""
        # A checklist being tried out is still read from the same file.
        stamp = ChecklistStamp.of(self.checklist, self.dossier.checklist.source)
        if self.read_only or self.dossier.checklist == stamp:
            return False
        self.dossier.checklist = stamp
        return True

    def save(self) -> SaveResult:
        """Write the dossier to its file now. Raises StorageError (French) on failure, and
        for a read-only dossier, which is never written.

        The folder is never recreated: if it vanished (a USB stick pulled out), the save
        fails and the answers stay in memory until it is back.
        """
        if self.read_only:
            raise StorageError(
                f"Le dossier « {self.path.name} » est ouvert en lecture seule : "
                "il n'est pas enregistré.",
                hint=self.read_only_reason,
            )
        return save_dossier(self.dossier, self.path, create_folder=False)

    def save_preparation(self) -> Callable[[], None] | None:
        """Work to run on another thread, soon after opening, so that the first save is as
        quick as the next ones (see :func:`~.fileformat.dump_preparation`); None for a
        read-only dossier, which is never saved."""
        return None if self.read_only else dump_preparation(self.dossier)

    def close(self) -> None:
        """Let other programs open the dossier (releases the lock). Safe to call twice."""
        if self.lock is not None:
            self.lock.release()


def open_session(path: Path, catalog: Catalog, *, restore: Backup | None = None) -> DossierSession:
    """Open the dossier at ``path`` with its checklist, reserving it for this program.

    When another program has it open, or its folder cannot be written, or a newer version
    of synergy-wizard wrote it, the session is read-only (see
    :attr:`DossierSession.read_only_reason`). ``restore`` first puts that backup back in
    place of a damaged file (which is kept aside); this needs the dossier's lock.

    Raises :class:`DossierError` when the file cannot be read (the caller may offer a
    backup: nothing was written), and other :class:`SynergyError` (French) otherwise, for
    instance :class:`DossierLockedError` when a restore is asked for a dossier open
    elsewhere.

    Answers given under a former id of a question are moved to its current id at once (in
    memory; the caller saves). Nothing else changes until the user has read the notices,
    which are given once per checklist change (orphans stay counted on the walk screen).
    """
    try:
        lock = acquire_dossier_lock(path)
    except DossierLockedError as error:
        if restore is not None:
            raise
        return _read_only_session(path, catalog, error.message)
    except StorageError as error:
        if restore is not None:
            raise
        return _read_only_session(path, catalog, f"{error.message} {error.hint}")
    try:
        restored = restore_backup(path, restore) if restore is not None else None
        dossier = load_dossier(path, to_edit=True)
        session = _session(path, dossier, catalog)
    except NewerFormatError:
        lock.release()  # never written: others may look at it too
        return _read_only_session(path, catalog, "")
    except BaseException:
        lock.release()
        raise
    session.lock = lock
    session.restored = restored
    return session


def _read_only_session(path: Path, catalog: Catalog, reason: str) -> DossierSession:
    view = load_dossier_read_only(path, reason=reason)
    session = _session(path, view.dossier, catalog)
    session.read_only_reason = view.reason
    return session


def _session(path: Path, dossier: Dossier, catalog: Catalog) -> DossierSession:
    checklist = catalog.for_dossier(dossier)
    compatibility = check_compatibility(checklist, dossier)
    changed = not (compatibility.same_version and compatibility.same_content)
    changed = changed or bool(compatibility.renamed)
    notices = compatibility.messages() if changed else []
    moves = apply_renames(checklist, dossier)
    moved = dict(moves)
    if dossier.position in moved:
        dossier.position = moved[dossier.position]
    return DossierSession(checklist, dossier, path, notices, moves)
