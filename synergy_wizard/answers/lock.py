"""One program at a time on a dossier: a lock file next to it.

Two wizards saving the same dossier would each overwrite the other's answers. The first one
to open a dossier takes a lock (an operating-system lock on ``.<name>.lock``, through
``filelock``); a second one gets :class:`DossierLockedError`, which names the process, the
computer and the user holding it, so it can refuse or open the dossier read-only.

The operating system releases the lock when its process ends, even when it is killed or the
computer loses power: a lock file left behind by a crash is stale and never blocks anyone.
Who holds the lock is written, for the message only, to ``.<name>.lock-info`` (0600).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from synergy_wizard.answers.fileio import FILE_MODE, atomic_write_bytes, describe_os_error
from synergy_wizard.answers.model import now
from synergy_wizard.errors import StorageError, SynergyError

__all__ = [
    "DossierLock",
    "DossierLockedError",
    "LockOwner",
    "acquire_dossier_lock",
    "lock_paths",
    "read_lock_owner",
]


@dataclass(frozen=True)
class LockOwner:
    """Who holds a dossier's lock, as recorded by that process."""

    pid: int
    host: str
    user: str
    since: datetime | None

    def describe(self) -> str:
        """« processus 4242 sur l'ordinateur « pc-compta », utilisateur « marie », depuis … »."""
        text = f"processus {self.pid} sur l'ordinateur « {self.host} »"
        if self.user:
            text += f", utilisateur « {self.user} »"
        if self.since is not None:
            text += f", depuis le {self.since:%d/%m/%Y} à {self.since:%H:%M}"
        return text


class DossierLockedError(SynergyError):
    """The dossier is already open in another synergy-wizard."""

    title = "Dossier déjà ouvert"

    def __init__(self, path: Path, owner: LockOwner | None) -> None:
        who = f" ({owner.describe()})" if owner is not None else ""
        super().__init__(
            f"Le dossier « {path.name} » est déjà ouvert dans un autre synergy-wizard{who}.",
            hint="Fermez-le d'abord dans l'autre fenêtre, puis réessayez ; ou ouvrez-le en "
            "lecture seule pour le consulter sans le modifier.",
        )
        self.path = path
        self.owner = owner


def lock_paths(dossier_path: Path) -> tuple[Path, Path]:
    """The lock file and the owner-information file of ``dossier_path``."""
    return (
        dossier_path.with_name(f".{dossier_path.name}.lock"),
        dossier_path.with_name(f".{dossier_path.name}.lock-info"),
    )


def read_lock_owner(dossier_path: Path) -> LockOwner | None:
    """Who last took the lock of ``dossier_path``, when it says so (None otherwise)."""
    info = lock_paths(dossier_path)[1]
    try:
        data = json.loads(info.read_text(encoding="utf-8"))
        since = data.get("depuis")
        return LockOwner(
            pid=int(data["pid"]),
            host=str(data["hote"]),
            user=str(data.get("utilisateur", "")),
            since=datetime.fromisoformat(since) if isinstance(since, str) else None,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


class DossierLock:
    """The lock on one dossier, held by this process until :meth:`release`."""

    def __init__(self, dossier_path: Path, lock: FileLock, owner: LockOwner) -> None:
        self.dossier_path = dossier_path
        self.owner = owner
        self._lock = lock

    @property
    def held(self) -> bool:
        return bool(self._lock.is_locked)

    def release(self) -> None:
        """Let another program open the dossier. Safe to call twice."""
        if not self._lock.is_locked:
            return
        info = lock_paths(self.dossier_path)[1]
        if read_lock_owner(self.dossier_path) == self.owner:
            with contextlib.suppress(OSError):  # only a message for others; never blocking
                info.unlink()
        self._lock.release(force=True)

    def __enter__(self) -> DossierLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def acquire_dossier_lock(dossier_path: Path) -> DossierLock:
    """Lock ``dossier_path`` for this process, without waiting.

    Raises :class:`DossierLockedError` when another program (or another window of this one)
    holds it, and :class:`StorageError` (French) when the lock file cannot be created (a
    read-only folder, say: the dossier can then only be opened read-only).
    """
    lock_file, info = lock_paths(dossier_path)
    lock = FileLock(lock_file, timeout=0, mode=FILE_MODE, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise DossierLockedError(dossier_path, read_lock_owner(dossier_path)) from None
    except OSError as exc:
        raise StorageError(
            f"Impossible de réserver le dossier « {dossier_path.name} » pour le modifier : "
            f"{describe_os_error(exc, lock_file)}.",
            hint="Il peut être ouvert en lecture seule ; pour le modifier, corrigez le "
            "problème puis réessayez.",
        ) from exc
    owner = LockOwner(os.getpid(), socket.gethostname(), _user(), now())
    data = {
        "pid": owner.pid,
        "hote": owner.host,
        "utilisateur": owner.user,
        "depuis": owner.since.isoformat() if owner.since else None,
    }
    # The lock holds without this file; without it others only get a less precise message.
    with contextlib.suppress(StorageError):
        atomic_write_bytes(info, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return DossierLock(dossier_path, lock, owner)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
