"""Managing the dossier files: rename, duplicate, move to the corbeille and restore.

No operation here ever loses a file. A dossier is renamed by writing it under its new name
first and removing the old file only then; a deleted dossier is moved, whole and untouched, to
the ``corbeille`` folder inside the dossier folder, from where it can be restored. Its backups
(``.sauvegardes``) follow it, so they are never offered for another dossier that later takes
its file name. A dossier open in another program (locked) is never renamed nor moved.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from synergy_wizard.answers.backup import backup_folder, list_backups
from synergy_wizard.answers.fileio import describe_os_error, ensure_folder
from synergy_wizard.answers.lock import acquire_dossier_lock, lock_paths
from synergy_wizard.answers.model import Dossier, ProjectInfo, now
from synergy_wizard.answers.recovery import first_problem
from synergy_wizard.answers.storage import (
    SUFFIX,
    DossierStore,
    load_dossier,
    reserve_file,
    save_dossier,
    slugify,
)
from synergy_wizard.errors import DossierError, NotFoundError, StorageError

__all__ = [
    "TRASH_FOLDER_NAME",
    "TrashedDossier",
    "duplicate_dossier",
    "list_trash",
    "rename_dossier",
    "restore_dossier",
    "trash_dossier",
    "trash_folder",
]

TRASH_FOLDER_NAME = "corbeille"
"""The folder, inside the dossier folder, holding the deleted dossiers."""


def trash_folder(store: DossierStore) -> Path:
    """Where the deleted dossiers of ``store`` are kept (it may not exist yet)."""
    return store.folder / TRASH_FOLDER_NAME


@dataclass(frozen=True)
class TrashedDossier:
    """A dossier in the corbeille."""

    path: Path
    name: str
    """The project name, or the file name when the file cannot be read."""
    checklist_id: str
    updated_at: datetime | None
    deleted_at: datetime | None
    """When it was put in the corbeille (the file's modification time, set then)."""
    error: str = ""
    """Why the file cannot be read (French); it can be restored all the same."""


def rename_dossier(store: DossierStore, path: Path, new_name: str) -> Path:
    """Give the dossier at ``path`` the project name ``new_name``; its file name follows.

    Returns the dossier's path, new or unchanged (when the file name already fits the new
    name). The new file is written before the old one is removed: on any failure the old
    file is still there, unchanged. Raises DossierError, DossierLockedError, StorageError.
    """
    name = _clean_name(new_name)
    with acquire_dossier_lock(path):
        dossier = load_dossier(path)
        dossier.project.name = name
        dossier.project.updated_at = now()
        stem = slugify(name)
        if _stem_fits(path.stem, stem):
            save_dossier(dossier, path)
            return path
        target = _write_new(store.folder, stem, dossier)
        _remove_replaced(path, target)
    _forget_lock(path)
    return target


def duplicate_dossier(store: DossierStore, path: Path, new_name: str) -> Path:
    """Copy the dossier at ``path`` (answers, notes, follow-up) as a new project ``new_name``.

    The copy is a new dossier: created now, position reset, people kept. Returns its path.
    Raises DossierError (unreadable source) and StorageError.
    """
    name = _clean_name(new_name)
    source = load_dossier(path)
    stamp = now()
    project = ProjectInfo(
        name=name,
        cpas=source.project.cpas,
        partner=source.project.partner,
        author=source.project.author,
        created_at=stamp,
        updated_at=stamp,
    )
    copy = Dossier(
        project=project,
        checklist=source.checklist.model_copy(),
        answers={key: answer.model_copy() for key, answer in source.answers.items()},
    )
    return _write_new(store.folder, slugify(name), copy)


def trash_dossier(store: DossierStore, path: Path) -> Path:
    """Move the dossier file at ``path`` to the corbeille, whole. Returns its new path.

    Works for unreadable files too (they are moved, never opened). Raises
    DossierLockedError when another program has it open, StorageError otherwise.
    """
    if not path.is_file():
        raise NotFoundError(f"Le dossier « {path.name} » n'existe plus.")
    folder = trash_folder(store)
    ensure_folder(folder)
    with acquire_dossier_lock(path):
        target = _move_to_free_name(path, folder, path.stem)
    _forget_lock(path)
    with contextlib.suppress(OSError):
        os.utime(target)  # the file's date becomes the date it was deleted (content untouched)
    _move_backups(path, target)
    return target


def restore_dossier(store: DossierStore, trashed: Path) -> Path:
    """Move a dossier from the corbeille back to the dossier folder. Returns its new path.

    When its old name is taken meanwhile, it comes back as ``<name>-2.yaml`` (and so on).
    """
    if not trashed.is_file():
        raise NotFoundError(f"Le dossier « {trashed.name} » n'est plus dans la corbeille.")
    ensure_folder(store.folder)
    target = _move_to_free_name(trashed, store.folder, trashed.stem)
    _move_backups(trashed, target)
    return target


def list_trash(store: DossierStore) -> list[TrashedDossier]:
    """The dossiers in the corbeille, the most recently deleted first."""
    folder = trash_folder(store)
    try:
        paths = [p for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith(".")]
    except OSError:
        return []
    entries = [_trashed(path) for path in paths if path.is_file()]
    entries.sort(key=lambda entry: entry.path.name)
    entries.sort(key=lambda e: e.deleted_at.timestamp() if e.deleted_at else 0.0, reverse=True)
    return entries


# --- helpers --------------------------------------------------------------------------------


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise StorageError(
            "Le nom du projet ne peut pas être vide.", hint="Donnez un nom au projet."
        )
    return cleaned


def _stem_fits(current: str, stem: str) -> bool:
    """Whether the file stem ``current`` already is ``stem`` or ``stem-N``."""
    if current == stem:
        return True
    base, _, number = current.rpartition("-")
    return base == stem and number.isdigit()


def _write_new(folder: Path, stem: str, dossier: Dossier) -> Path:
    """Save ``dossier`` under a new file name made from ``stem``."""
    ensure_folder(folder)
    target = reserve_file(folder, stem, hint="Corrigez le problème puis réessayez.")
    try:
        save_dossier(dossier, target)
    except StorageError:
        with contextlib.suppress(OSError):
            target.unlink()  # the empty placeholder
        raise
    return target


def _remove_replaced(old: Path, new: Path) -> None:
    """Remove ``old`` once ``new`` holds the dossier; its backups follow the new name."""
    try:
        old.unlink()
    except OSError as exc:
        raise StorageError(
            f"Le dossier a été enregistré sous « {new.name} », mais l'ancien fichier "
            f"« {old.name} » n'a pas pu être supprimé : {describe_os_error(exc, old)}.",
            hint="Les deux fichiers contiennent le dossier ; supprimez l'ancien vous-même.",
        ) from exc
    _move_backups(old, new)


def _move_to_free_name(source: Path, folder: Path, stem: str) -> Path:
    """Move ``source`` into ``folder`` under ``stem.yaml`` or the first free ``stem-N.yaml``.

    A placeholder is created first (so no other file is ever replaced), then the file is
    moved over it in one step.
    """
    target = reserve_file(folder, stem, hint="Corrigez le problème puis réessayez.")
    try:
        source.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            target.unlink()
        raise StorageError(
            f"Impossible de déplacer « {source.name} » vers « {folder} » : "
            f"{describe_os_error(exc, target)}.",
            hint="Le dossier n'a pas été modifié. Corrigez le problème puis réessayez.",
        ) from exc
    return target


def _move_backups(old: Path, new: Path) -> None:
    """Rename the backups of ``old`` to be those of ``new`` (best effort: never blocking)."""
    backups = list_backups(old)
    if not backups:
        return
    folder = backup_folder(new)
    with contextlib.suppress(StorageError):
        ensure_folder(folder)
    for backup in backups:
        suffix = backup.path.name[len(old.name) :]
        with contextlib.suppress(OSError):
            if not (folder / f"{new.name}{suffix}").exists():
                backup.path.replace(folder / f"{new.name}{suffix}")


def _forget_lock(path: Path) -> None:
    """Remove the lock files of a dossier file that no longer exists (never blocking)."""
    for lock_file in lock_paths(path):
        with contextlib.suppress(OSError):
            lock_file.unlink()


def _trashed(path: Path) -> TrashedDossier:
    try:
        deleted_at: datetime | None = datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        deleted_at = None
    try:
        dossier = load_dossier(path)
    except DossierError as exc:
        return TrashedDossier(path, path.stem, "", None, deleted_at, first_problem(exc))
    return TrashedDossier(
        path=path,
        name=dossier.project.name,
        checklist_id=dossier.checklist.id,
        updated_at=dossier.project.updated_at,
        deleted_at=deleted_at,
    )
