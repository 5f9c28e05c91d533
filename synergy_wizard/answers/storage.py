"""Dossiers on disk: load, save atomically, list and create them in the dossier folder.

The file format itself (YAML writing and strict reading) lives in ``fileformat``; the
careful file operations (atomic replace, fsync, temp files) in ``fileio``.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import itertools
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from synergy_wizard.answers.backup import remove_stale_backup_temp_files
from synergy_wizard.answers.fileformat import (
    MAX_DOSSIER_BYTES,
    NewerFormatError,
    dump_dossier,
    parse_dossier,
    read_dossier_bytes,
)
from synergy_wizard.answers.fileio import (
    FILE_MODE,
    atomic_write_bytes,
    check_folder_writable,
    describe_os_error,
    ensure_folder,
    remove_stale_temp_files,
)
from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.recovery import (
    SaveResult,
    first_problem,
    protect_previous,
    remember_good,
)
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import DossierError, NotFoundError, StorageError

__all__ = [
    "MAX_DOSSIER_BYTES",
    "DossierEntry",
    "DossierStore",
    "NewerFormatError",
    "SaveResult",
    "dump_dossier",
    "load_dossier",
    "save_dossier",
    "slugify",
]

SUFFIX = ".yaml"


def load_dossier(path: Path, *, to_edit: bool = False) -> Dossier:
    """Read the dossier at ``path``. Raises :class:`DossierError` (French, located).

    A dossier written by a newer version of the program raises :class:`NewerFormatError`
    (a :class:`DossierError`); it must then be neither edited nor saved (see
    :func:`synergy_wizard.answers.readonly.load_dossier_read_only` to show it).

    ``to_edit``: the dossier is read to be changed and saved by this program. The bytes read
    are then remembered as valid, so that its first save need not check them again before
    backing them up (:func:`~.recovery.protect_previous`).
    """
    raw = read_dossier_bytes(path)
    dossier = parse_dossier(raw, path)
    if to_edit:
        remember_good(path, raw)
    return dossier


def save_dossier(dossier: Dossier, path: Path, *, create_folder: bool = True) -> SaveResult:
    """Write ``dossier`` to ``path`` atomically (mode 0600).

    The folder is created if missing, unless ``create_folder`` is False: a dossier already
    open must not be written into a folder recreated on the wrong disk when its own vanished
    (a USB stick pulled out); the save then fails with a clear message.

    The version on disk is protected first (:func:`~.recovery.protect_previous`): backed up
    (at most once a minute, in ``.sauvegardes``), or kept aside when damaged; a dossier of a
    newer format is never replaced (:class:`~.recovery.ReadOnlyDossierError`).

    Raises :class:`StorageError` with a French message; the previous file then stays intact.
    """
    data = dump_dossier(dossier).encode("utf-8")
    if not create_folder and not path.parent.is_dir():
        raise StorageError(
            f"Impossible d'enregistrer « {path} » : "
            f"{describe_os_error(FileNotFoundError(errno.ENOENT, 'absent'), path)}.",
            hint="Vos réponses restent en mémoire. Rebranchez le support ou recréez le "
            "dossier, puis réessayez, ou enregistrez le dossier ailleurs.",
        )
    result = protect_previous(path)
    atomic_write_bytes(path, data)
    remember_good(path, data)
    return result


# --- The dossier folder ------------------------------------------------------------------

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
)


def slugify(name: str, max_length: int = 60) -> str:
    """A file name stem from a project name: lowercase ASCII, digits and dashes.

    ``"Bâtiment Fléron 2026"`` gives ``"batiment-fleron-2026"``; a name with no letter or
    digit gives ``"dossier"``.
    """
    text = unicodedata.normalize("NFKD", name.translate(_LIGATURES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    text = text[:max_length].rstrip("-")
    if not text:
        return "dossier"
    if text in _WINDOWS_RESERVED:
        return f"{text}-dossier"
    return text


@dataclass(frozen=True)
class DossierEntry:
    """One file of the dossier folder, as shown in the list of dossiers."""

    path: Path
    name: str
    """The project name, or the file name when the file cannot be read."""
    checklist_id: str
    checklist_version: str
    updated_at: datetime | None
    answered: int
    error: str = ""
    """Why the file cannot be opened (French), empty for a readable dossier."""


class DossierStore:
    """The folder holding the user's dossiers, one YAML file each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # Unfinished temp files an interrupted earlier run left behind, removed at start.
        self.removed_temp_files: tuple[Path, ...] = tuple(
            remove_stale_temp_files(folder) + remove_stale_backup_temp_files(folder)
        )

    def check_writable(self) -> StorageError | None:
        """Why new answers could not be saved in this folder (None when they can).

        Checked for real, by creating and removing a hidden file: the folder is missing, read-
        only, full... The wizard calls it at start to warn before anything is typed.
        """
        return check_folder_writable(self.folder)

    def list(self) -> builtins.list[DossierEntry]:
        """Every dossier of the folder, the most recently changed first.

        A file that cannot be read is listed with its ``error`` instead of being skipped.
        """
        entries = [
            self._entry(path)
            for path in self.folder.glob(f"*{SUFFIX}")
            if not path.name.startswith(".") and path.is_file()
        ]
        entries.sort(key=lambda entry: entry.path.name)
        entries.sort(key=_recency, reverse=True)
        return entries

    def _entry(self, path: Path) -> DossierEntry:
        try:
            dossier = load_dossier(path)
        except DossierError as exc:
            return DossierEntry(path, path.stem, "", "", None, 0, _summary(exc))
        return DossierEntry(
            path=path,
            name=dossier.project.name,
            checklist_id=dossier.checklist.id,
            checklist_version=dossier.checklist.version,
            updated_at=dossier.project.updated_at,
            answered=sum(1 for answer in dossier.answers.values() if answer.is_answered),
        )

    def create(self, checklist: Checklist, project: ProjectInfo) -> tuple[Path, Dossier]:
        """Start a dossier for ``project`` and save it at once, under a new file name."""
        dossier = Dossier.new(checklist, project)
        ensure_folder(self.folder)
        path = self._reserve(slugify(project.name))
        try:
            save_dossier(dossier, path)
        except StorageError:
            with contextlib.suppress(OSError):
                path.unlink()  # the empty placeholder made by _reserve
            raise
        return path, dossier

    def _reserve(self, stem: str) -> Path:
        """Create an empty, unused ``stem.yaml`` (then ``stem-2.yaml``...) and return it."""
        return reserve_file(
            self.folder,
            stem,
            hint="Corrigez le problème puis réessayez, ou choisissez un autre dossier.",
        )

    def path_for(self, name: str) -> Path:
        """The path of the dossier called ``name`` in this folder (``.yaml`` may be omitted).

        The file need not exist. A name with a folder part is refused (NotFoundError).
        """
        cleaned = name.strip()
        if not cleaned or cleaned.startswith(".") or Path(cleaned).name != cleaned:
            raise NotFoundError(
                f"« {name} » n'est pas un nom de dossier valide",
                hint=f"donnez le nom d'un fichier du dossier « {self.folder} », sans chemin",
            )
        if not cleaned.endswith(SUFFIX):
            cleaned += SUFFIX
        return self.folder / cleaned


def _recency(entry: DossierEntry) -> float:
    if entry.updated_at is not None:
        return entry.updated_at.timestamp()
    try:
        return entry.path.stat().st_mtime
    except OSError:
        return 0.0


def _summary(exc: DossierError) -> str:
    """The first problem of ``exc`` on one line, with its place in the file."""
    return first_problem(exc)


def reserve_file(folder: Path, stem: str, *, hint: str) -> Path:
    """Create an empty, unused ``stem.yaml`` (then ``stem-2.yaml``...) in ``folder``, user-only.

    Creating the file reserves its name: two programs naming a dossier at the same moment
    never get the same file. ``hint`` ends the message when the file cannot be created.
    """
    for number in itertools.count(1):
        name = f"{stem}{SUFFIX}" if number == 1 else f"{stem}-{number}{SUFFIX}"
        candidate = folder / name
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            raise StorageError(
                f"Impossible de créer « {candidate} » : {describe_os_error(exc, candidate)}.",
                hint=hint,
            ) from exc
        os.close(fd)
        return candidate
    raise AssertionError("unreachable")  # pragma: no cover
