"""Damaged dossier files: never overwritten, kept aside, replaced by the newest good backup.

Before a save replaces a dossier, :func:`protect_previous` looks at the file on disk:

* a readable dossier is backed up (see :mod:`.backup`, at most once a minute);
* a damaged file (not a dossier, truncated, binary...) is first kept aside, untouched, as
  ``<name>.corrompu-<AAAA-MM-JJ_HH-MM-SS>``; only then is the dossier written;
* a dossier written by a newer version of the program is never replaced
  (:class:`ReadOnlyDossierError`).

When a dossier cannot be opened, :func:`find_recovery` gives a French explanation (line and
column) and the newest good backup, and :func:`restore_backup` puts that backup back, keeping
the damaged file aside.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from synergy_wizard.answers.backup import (
    Backup,
    backup_folder,
    newest_good_backup,
    rotate_backup,
    write_backup,
)
from synergy_wizard.answers.fileformat import (
    MAX_DOSSIER_BYTES,
    NewerFormatError,
    parse_dossier,
)
from synergy_wizard.answers.fileio import (
    FILE_MODE,
    atomic_write_bytes,
    describe_os_error,
    ensure_folder,
)
from synergy_wizard.answers.model import Dossier
from synergy_wizard.errors import DossierError, StorageError

__all__ = [
    "CORRUPTED_MARK",
    "ReadOnlyDossierError",
    "Recovery",
    "RestoreResult",
    "SaveResult",
    "find_recovery",
    "first_problem",
    "protect_previous",
    "quarantine_corrupted",
    "remember_good",
    "restore_backup",
]

CORRUPTED_MARK = ".corrompu-"
"""Inserted after the file name of a damaged dossier kept aside (``projet.yaml.corrompu-…``)."""


class ReadOnlyDossierError(StorageError):
    """The file on disk was written by a newer version of the program: it is not replaced."""

    title = "Dossier en lecture seule"


@dataclass(frozen=True)
class SaveResult:
    """What a save did besides writing the dossier (for a notice in the interface)."""

    backup: Backup | None = None
    """The backup made of the previous version, if one was due."""
    kept_aside: Path | None = None
    """Where a damaged previous file was kept, if the file on disk was damaged."""
    backup_error: StorageError | None = None
    """Why the backup could not be made (the dossier itself was saved)."""


_KNOWN_GOOD: dict[Path, bytes] = {}
"""The bytes this process last wrote to, or read and validated from, each dossier file
(see :func:`remember_good`)."""


def remember_good(path: Path, data: bytes) -> None:
    """Note that ``data``, known to be a valid dossier, is what ``path`` holds: the program
    has just written it from a dossier, or read it and found it valid.

    Found unchanged on disk at the next save, these bytes need no checking (for a dossier of
    a thousand answers, a check is a good part of a second). Any other content, such as a
    file changed behind the program's back, is checked as usual.
    """
    _KNOWN_GOOD[path] = data


def protect_previous(path: Path) -> SaveResult:
    """Make the file at ``path`` safe to replace: back it up, or keep it aside if damaged.

    Raises :class:`ReadOnlyDossierError` for a dossier of a newer format, and
    :class:`StorageError` when a damaged file cannot be kept aside (it is then not replaced).
    """
    try:
        info = path.stat()
    except OSError:
        return SaveResult()  # no previous file (or none we can see): nothing to protect
    if not path.is_file():
        return SaveResult()  # a folder: the save itself reports it
    if info.st_size > MAX_DOSSIER_BYTES:
        return SaveResult(kept_aside=_keep_aside_before_save(path))
    try:
        raw = path.read_bytes()
    except OSError:
        return SaveResult()  # unreadable: it cannot be copied; the save reports any problem
    if not raw.strip():
        return SaveResult()  # empty: a placeholder, or a file already emptied; nothing to keep
    try:
        if raw != _KNOWN_GOOD.get(path):  # what this process wrote or validated is good
            parse_dossier(raw, path)
    except NewerFormatError as error:
        raise ReadOnlyDossierError(
            f"« {path} » a été écrit par une version plus récente de synergy-wizard : "
            "il n'est pas remplacé.",
            hint=f"{first_problem(error)}. Mettez synergy-wizard à jour pour modifier ce dossier.",
        ) from None
    except DossierError:
        return SaveResult(kept_aside=_keep_aside_before_save(path))
    try:
        return SaveResult(backup=rotate_backup(path, raw))
    except StorageError as error:  # the dossier matters more than its copy: go on, but tell
        return SaveResult(backup_error=error)


def _keep_aside_before_save(path: Path) -> Path:
    try:
        return quarantine_corrupted(path)
    except StorageError as error:
        cause = error.__cause__
        reason = describe_os_error(cause, path) if isinstance(cause, OSError) else error.message
        raise StorageError(
            f"Impossible d'enregistrer « {path} » : {reason}.",
            hint="Le fichier actuel, abîmé, n'a pas pu être mis de côté : il n'a pas été "
            "remplacé. Corrigez le problème puis réessayez, ou enregistrez le dossier ailleurs.",
        ) from error


def quarantine_corrupted(path: Path, *, now: datetime | None = None) -> Path:
    """Keep the file at ``path`` aside, untouched, as ``<name>.corrompu-<date>``; return it.

    The file itself stays where it is (a hard link, or a copy where links are not
    supported); the kept file is made user-only. Raises :class:`StorageError` (French).
    """
    stamp = (now or datetime.now()).strftime("%Y-%m-%d_%H-%M-%S")
    for number in range(1, 1000):
        suffix = f"-{number}" if number > 1 else ""
        target = path.with_name(f"{path.name}{CORRUPTED_MARK}{stamp}{suffix}")
        try:
            _link_or_copy(path, target)
        except FileExistsError:
            continue
        except OSError as exc:
            raise StorageError(
                f"Le fichier « {path} » est abîmé et n'a pas pu être mis de côté : "
                f"{describe_os_error(exc, target)}.",
                hint="Il n'a pas été remplacé. Copiez-le ailleurs, puis réessayez.",
            ) from exc
        return target
    raise StorageError(  # pragma: no cover - a thousand damaged copies in one second
        f"Trop de copies abîmées de « {path} » ont été mises de côté.",
        hint="Supprimez les fichiers « .corrompu- » devenus inutiles, puis réessayez.",
    )


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        _copy_new(source, target)  # no hard links here (FAT, some network shares)
        return
    with contextlib.suppress(OSError):  # the same inode: the damaged file becomes private too
        target.chmod(FILE_MODE)


def _copy_new(source: Path, target: Path) -> None:
    ensure_folder(target.parent)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as stream:
            shutil.copyfileobj(stream, out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise


# --- Opening a damaged dossier -----------------------------------------------------------------


def first_problem(error: DossierError) -> str:
    """The first problem of ``error`` on one line, with its line and column when known."""
    if not error.problems:
        return error.message
    first = error.problems[0]
    text = first.message
    if first.location.line:
        text = f"ligne {first.location.line}, colonne {first.location.column or 1} : {text}"
    others = len(error.problems) - 1
    if others:
        plural = "s" if others > 1 else ""
        text += f" (et {others} autre{plural} problème{plural})"
    return text


@dataclass(frozen=True)
class Recovery:
    """What can be done about a dossier that cannot be opened."""

    path: Path
    error: DossierError
    backup: Backup | None
    """The newest backup of this very dossier that reads correctly, if any."""
    backup_dossier: Dossier | None
    """Its content (project name, number of answers), to describe it to the user."""

    @property
    def can_restore(self) -> bool:
        return self.backup is not None

    @property
    def title(self) -> str:
        return "Dossier illisible"

    def message(self) -> str:
        """The situation and the offer, in French, for a dialog."""
        lines = [
            f"Le dossier « {self.path.name} » ne peut pas être ouvert :",
            f"{first_problem(self.error)}.",
            "Le fichier n'a pas été modifié.",
        ]
        if self.backup is not None and self.backup_dossier is not None:
            answered = sum(1 for a in self.backup_dossier.answers.values() if a.is_answered)
            plural = "s" if answered > 1 else ""
            lines.append(
                f"Une sauvegarde en bon état existe, du {self.backup.label} (projet "
                f"« {self.backup_dossier.project.name} », {answered} réponse{plural})."
            )
            lines.append(
                "Vous pouvez la restaurer : le fichier abîmé sera gardé à côté, sous le nom "
                f"« {self.path.name}{CORRUPTED_MARK}<date> »."
            )
        else:
            lines.append(
                "Aucune sauvegarde en bon état de ce dossier n'a été trouvée dans "
                f"« {backup_folder(self.path)} »."
            )
            lines.append(
                "Corrigez le fichier à la main à l'endroit indiqué (programme fermé), ou "
                "restaurez une copie faite par ailleurs."
            )
        return "\n".join(lines)


def find_recovery(path: Path, error: DossierError) -> Recovery:
    """The newest good backup of the dossier at ``path``, which failed with ``error``.

    When the damaged file still shows which checklist it answers and when it was created, only
    a backup of that same dossier is offered.
    """
    checklist_id, created_at = _identity_hints(path)
    found = newest_good_backup(path, checklist_id=checklist_id, created_at=created_at)
    if found is None:
        return Recovery(path, error, None, None)
    return Recovery(path, error, found[0], found[1])


_CHECKLIST_ID = re.compile(rb"^checklist:[ \t]*\r?\n[ \t]+id:[ \t]*['\"]?([a-z0-9-]+)", re.M)
_CREATED_AT = re.compile(rb"^[ \t]+cree_le:[ \t]*['\"]?([0-9][0-9T:+.\- ]+?)['\"]?[ \t]*\r?$", re.M)


def _identity_hints(path: Path) -> tuple[str | None, datetime | None]:
    """Which checklist the damaged file answers and when it was created, when still legible."""
    try:
        with path.open("rb") as stream:
            head = stream.read(64_000)
    except OSError:
        return None, None
    checklist = _CHECKLIST_ID.search(head)
    created = _CREATED_AT.search(head)
    created_at: datetime | None = None
    if created is not None:
        try:
            created_at = datetime.fromisoformat(created.group(1).decode("ascii").strip())
        except ValueError:
            created_at = None
    return (checklist.group(1).decode("ascii") if checklist else None), created_at


@dataclass(frozen=True)
class RestoreResult:
    dossier: Dossier
    """The dossier now in the file (the backup's content)."""
    kept_aside: Path | None
    """Where the damaged file was kept, if there was one."""
    backup_of_replaced: Backup | None
    """A backup of the readable file the restore replaced, so the restore can be undone."""


def restore_backup(path: Path, backup: Backup) -> RestoreResult:
    """Put ``backup`` back as the dossier at ``path``.

    A damaged file at ``path`` is kept aside first; a readable one is backed up first (so the
    restore can be undone). Raises :class:`DossierError` when the backup itself is unreadable,
    :class:`ReadOnlyDossierError` over a newer dossier, :class:`StorageError` on write failure.
    """
    dossier = backup.load()
    data = backup.path.read_bytes()
    kept_aside: Path | None = None
    previous_backup: Backup | None = None
    if path.is_file():
        kept_aside, previous_backup = _set_aside_before_restore(path, data)
    atomic_write_bytes(path, data)
    return RestoreResult(dossier, kept_aside, previous_backup)


def _set_aside_before_restore(path: Path, data: bytes) -> tuple[Path | None, Backup | None]:
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_DOSSIER_BYTES else None
    except OSError as exc:
        raise StorageError(
            f"Impossible de lire « {path} » avant de le remplacer : "
            f"{describe_os_error(exc, path)}.",
            hint="Le fichier n'a pas été modifié.",
        ) from exc
    if raw is not None and not raw.strip():
        return None, None
    if raw is None:
        return quarantine_corrupted(path), None
    try:
        parse_dossier(raw, path)
    except NewerFormatError as error:
        raise ReadOnlyDossierError(
            f"« {path} » a été écrit par une version plus récente de synergy-wizard : "
            "il n'est pas remplacé par une sauvegarde.",
            hint=first_problem(error),
        ) from None
    except DossierError:
        return quarantine_corrupted(path), None
    if raw == data:
        return None, None
    return None, write_backup(path, raw)
