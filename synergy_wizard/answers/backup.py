"""Rotated backups of a dossier, in a hidden ``.sauvegardes`` folder next to it.

Before a save replaces a dossier, the version on disk is copied to
``.sauvegardes/<name>.<AAAA-MM-JJ_HH-MM-SS>.yaml`` when the newest copy is older than
:data:`BACKUP_INTERVAL` (one copy a minute at most, never one per keystroke). The
:data:`BACKUP_KEEP` newest copies of each dossier are kept; older ones are deleted. Copies are
written like dossiers (temp file, fsync, rename) with mode 0600, so a copy is always whole.

Backups belong to one dossier file: those of ``projet.yaml`` are never offered for
``projet-2.yaml``. They are plain dossier files and can be opened by hand.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from synergy_wizard.answers.fileformat import read_dossier
from synergy_wizard.answers.fileio import atomic_write_bytes, remove_stale_temp_files
from synergy_wizard.answers.model import Dossier
from synergy_wizard.errors import DossierError

__all__ = [
    "BACKUP_DIR_NAME",
    "BACKUP_INTERVAL",
    "BACKUP_KEEP",
    "Backup",
    "backup_folder",
    "list_backups",
    "newest_good_backup",
    "remove_stale_backup_temp_files",
    "rotate_backup",
    "write_backup",
]

BACKUP_DIR_NAME = ".sauvegardes"
"""The hidden folder, next to the dossiers, that holds their backups."""
BACKUP_KEEP = 10
"""How many backups of each dossier are kept (the newest ones)."""
BACKUP_INTERVAL = timedelta(minutes=1)
"""A new backup is made only when the newest one is at least this old."""

_STAMP_FORMAT = "%Y-%m-%d_%H-%M-%S"
_NAME = re.compile(
    r"^(?P<name>.+)\.(?P<stamp>\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:-(?P<n>\d+))?\.yaml$"
)


@dataclass(frozen=True, order=True)
class Backup:
    """One backup copy of a dossier file."""

    saved_at: datetime
    """When the copy was made (local time, to the second, without offset)."""
    number: int
    """Orders copies made within the same second (0 for the first)."""
    path: Path
    """The backup file."""
    dossier_path: Path
    """The dossier file it is a copy of."""

    def load(self) -> Dossier:
        """The dossier held by this copy. Raises :class:`DossierError` when it is unreadable."""
        return read_dossier(self.path)

    @property
    def label(self) -> str:
        """When it was made, in French: « 12/01/2026 à 09:30:15 »."""
        return f"{self.saved_at:%d/%m/%Y} à {self.saved_at:%H:%M:%S}"


def backup_folder(dossier_path: Path) -> Path:
    """The folder holding the backups of ``dossier_path`` (it may not exist yet)."""
    return dossier_path.parent / BACKUP_DIR_NAME


def list_backups(dossier_path: Path) -> list[Backup]:
    """Every backup of ``dossier_path``, the newest first (none when the folder is missing)."""
    folder = backup_folder(dossier_path)
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return []
    backups: list[Backup] = []
    for candidate in candidates:
        found = _NAME.match(candidate.name)
        if found is None or found["name"] != dossier_path.name:
            continue
        try:
            saved_at = datetime.strptime(found["stamp"], _STAMP_FORMAT)
        except ValueError:
            continue
        backups.append(Backup(saved_at, int(found["n"] or 0), candidate, dossier_path))
    backups.sort(reverse=True)
    return backups


def newest_good_backup(
    dossier_path: Path, *, checklist_id: str | None = None, created_at: datetime | None = None
) -> tuple[Backup, Dossier] | None:
    """The newest backup of ``dossier_path`` that reads as a dossier, with its content.

    ``checklist_id`` and ``created_at``, when given, must match the backup's dossier: a copy
    of another dossier that once had the same file name is never offered.
    """
    for backup in list_backups(dossier_path):
        try:
            dossier = backup.load()
        except DossierError:
            continue
        if checklist_id is not None and dossier.checklist.id != checklist_id:
            continue
        if created_at is not None and dossier.project.created_at != created_at:
            continue
        return backup, dossier
    return None


def write_backup(dossier_path: Path, data: bytes, *, now: datetime | None = None) -> Backup:
    """Store ``data`` (a version of ``dossier_path``) as a new backup, then rotate.

    Raises :class:`StorageError` (French) when the copy cannot be written.
    """
    stamp = (now or datetime.now()).replace(microsecond=0, tzinfo=None)
    taken = {b.number for b in list_backups(dossier_path) if b.saved_at == stamp}
    number = 0
    while number in taken:
        number += 1
    suffix = f"-{number}" if number else ""
    name = f"{dossier_path.name}.{stamp.strftime(_STAMP_FORMAT)}{suffix}.yaml"
    path = backup_folder(dossier_path) / name
    atomic_write_bytes(path, data)
    _prune(dossier_path)
    return Backup(stamp, number, path, dossier_path)


def rotate_backup(dossier_path: Path, data: bytes, *, now: datetime | None = None) -> Backup | None:
    """Back up ``data`` unless the newest backup is younger than :data:`BACKUP_INTERVAL`.

    ``data`` must be a readable dossier (the caller checked it): a damaged version is never
    stored as a backup. Returns the new backup, or None when none was due.
    """
    current = (now or datetime.now()).replace(microsecond=0, tzinfo=None)
    backups = list_backups(dossier_path)
    if backups:
        age = current - backups[0].saved_at
        if timedelta(0) <= age < BACKUP_INTERVAL:
            return None
        if _content(backups[0].path) == data:
            return None  # nothing changed since the newest copy
    return write_backup(dossier_path, data, now=current)


def _content(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _prune(dossier_path: Path) -> None:
    for old in list_backups(dossier_path)[BACKUP_KEEP:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def remove_stale_backup_temp_files(folder: Path) -> list[Path]:
    """Remove the temp files an interrupted backup left in ``folder``'s backup folder."""
    return remove_stale_temp_files(folder / BACKUP_DIR_NAME)
