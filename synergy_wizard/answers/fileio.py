"""Careful file operations for dossiers: atomic writes, readable errors, stray temp files.

A dossier is never overwritten in place. It is written to a temporary file in the same folder
(``.<name>.<random>.tmp``), flushed to disk, then renamed over the old file, and the folder
itself is flushed. A crash at any moment leaves either the old or the new file, never a mix;
the temporary files a crash leaves behind are removed by :func:`remove_stale_temp_files`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from pathlib import Path

from synergy_wizard.errors import StorageError

__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "TEMP_SUFFIX",
    "append_private_text",
    "atomic_write_bytes",
    "check_folder_writable",
    "describe_os_error",
    "ensure_folder",
    "remove_stale_temp_files",
]

FILE_MODE = 0o600
"""Dossiers hold sensitive answers: readable and writable by their owner only."""
FOLDER_MODE = 0o700
"""Mode of a dossier folder the program creates."""
TEMP_SUFFIX = ".tmp"

_PROCESS_START = time.time()
"""Temp files older than this belong to an earlier run (this module creates them all)."""

# Errors where flushing a folder is simply not supported by the file system.
_FSYNC_UNSUPPORTED = frozenset(
    {errno.EINVAL, errno.EBADF, errno.ENOTSUP, getattr(errno, "EOPNOTSUPP", errno.ENOTSUP)}
)


def describe_os_error(exc: OSError, path: Path) -> str:
    """A short French explanation of ``exc``, naming the folder or file it concerns."""
    folder = path.parent
    code = exc.errno
    if code == errno.ENOSPC:
        return "le disque est plein"
    if code == getattr(errno, "EDQUOT", None):
        return "votre quota d'espace disque est atteint"
    if code == errno.EFBIG:
        return "le fichier dépasse la taille maximale autorisée sur ce système"
    if code in (errno.EACCES, errno.EPERM):
        return f"vous n'avez pas les droits d'écriture ou de lecture dans « {folder} »"
    if code == errno.EROFS:
        return f"« {folder} » est sur un support en lecture seule"
    if code == errno.ENOENT:
        return f"le dossier « {folder} » n'existe plus (support débranché ou dossier supprimé ?)"
    if code in (errno.ENOTDIR, errno.EEXIST):
        return f"un élément du chemin « {folder} » est un fichier et non un dossier"
    if code == errno.EISDIR:
        return f"« {path} » est un dossier et non un fichier"
    if code == errno.ENAMETOOLONG:
        return "le nom du fichier ou du chemin est trop long"
    if code == errno.EIO:
        return "erreur de lecture ou d'écriture sur le support (disque défectueux ou débranché ?)"
    detail = exc.strerror or type(exc).__name__
    return f"erreur du système ({detail})"


def _storage_error(exc: OSError, path: Path) -> StorageError:
    return StorageError(
        f"Impossible d'enregistrer « {path} » : {describe_os_error(exc, path)}.",
        hint="Le fichier précédent n'a pas été modifié. Corrigez le problème puis "
        "réessayez, ou enregistrez le dossier ailleurs.",
    )


def ensure_folder(folder: Path) -> None:
    """Create ``folder`` (user-only) and its parents if missing; StorageError otherwise."""
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Impossible de créer le dossier « {folder} » : "
            f"{describe_os_error(exc, folder / '_')}.",
            hint="Choisissez un autre emplacement pour les dossiers, ou corrigez les droits.",
        ) from exc


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, durably, with mode 0600.

    The parent folder is created if missing. On any failure the previous file is left
    untouched, the temporary file is removed and :class:`StorageError` is raised.
    """
    folder = path.parent
    ensure_folder(folder)
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise _storage_error(exc, path) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            if hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), FILE_MODE)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temp.replace(path)
    except BaseException as exc:
        # The temp file is ours and unfinished: remove it, whatever interrupted the save.
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise _storage_error(exc, path) from exc
        raise
    _fsync_folder(folder, path)


def check_folder_writable(folder: Path) -> StorageError | None:
    """Why a file cannot be written in ``folder`` (French), or None when it can.

    Tried for real (a hidden temp file created, flushed and removed): permissions, read-only
    media, a vanished folder or a full disk all show, whoever runs the program.
    """
    probe = folder / "_"
    if not folder.is_dir():
        error = OSError(errno.ENOENT, "absent") if not folder.exists() else None
        reason = (
            describe_os_error(error, probe)
            if error is not None
            else describe_os_error(OSError(errno.ENOTDIR, "not a folder"), probe)
        )
        return StorageError(
            f"Le dossier « {folder} » n'est pas utilisable : {reason}.",
            hint="Choisissez un autre emplacement pour les dossiers (option --dossiers).",
        )
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".essai-ecriture.", suffix=TEMP_SUFFIX)
        try:
            os.write(fd, b"synergy-wizard\n")
            os.fsync(fd)
        finally:
            os.close(fd)
            Path(name).unlink()
    except OSError as exc:
        return StorageError(
            f"Impossible d'écrire dans le dossier « {folder} » : {describe_os_error(exc, probe)}.",
            hint="Vos dossiers peuvent être consultés mais pas modifiés. Corrigez le problème, "
            "ou choisissez un autre emplacement (option --dossiers).",
        )
    return None


def append_private_text(path: Path, text: str) -> None:
    """Append ``text`` (UTF-8) to ``path``, creating it user-only (0600) if needed.

    For logs: an existing file readable by others is made private. Raises :class:`OSError`.
    """
    path.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as stream:
        if hasattr(os, "fchmod"):
            os.fchmod(stream.fileno(), FILE_MODE)
        stream.write(text)


def _fsync_folder(folder: Path, path: Path) -> None:
    """Flush the folder entry so the rename survives a power cut (POSIX only)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise _storage_error(exc, path) from exc
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _FSYNC_UNSUPPORTED:
            raise _storage_error(exc, path) from exc
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Remove the temp files an interrupted earlier run left in ``folder``.

    Only hidden ``*.tmp`` files older than the current process are touched, so a save in
    progress in this process is never disturbed. Returns the files removed; a file that
    cannot be removed is left alone (it is hidden and never read).
    """
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            if candidate.is_file() and candidate.stat().st_mtime < _PROCESS_START:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed
