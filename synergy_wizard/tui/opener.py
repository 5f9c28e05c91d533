"""Opening an exported file with the usual program of the computer, without waiting for it.

Linux and the BSDs: ``xdg-open``; macOS: ``open``; Windows: ``os.startfile``. The program is
started detached from the terminal (its output discarded, its own session), so the wizard
goes on at once and the opened program never draws over it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["OpenFailed", "open_command", "open_file"]


class OpenFailed(Exception):
    """The file could not be opened; the message (French) says what to do instead."""


def open_command(path: Path) -> list[str] | None:
    """The command that opens ``path`` on this computer, or None when there is none."""
    if sys.platform == "darwin":
        program = shutil.which("open")
    else:
        program = shutil.which("xdg-open")
    if program is None:
        return None
    return [program, str(path)]


def open_file(path: Path) -> None:
    """Open ``path`` with the usual program, without blocking. Raises OpenFailed (French)."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        try:
            os.startfile(path)  # type: ignore[attr-defined,unused-ignore]
        except OSError as exc:
            raise OpenFailed(_manual(path, exc.strerror or "")) from exc
        return
    command = open_command(path)
    if command is None:
        raise OpenFailed(
            _manual(path, "aucun programme pour ouvrir les fichiers n'est installé (xdg-open)")
        )
    try:
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        raise OpenFailed(_manual(path, exc.strerror or type(exc).__name__)) from exc


def _manual(path: Path, reason: str) -> str:
    return (
        f"Le fichier n'a pas pu être ouvert automatiquement ({reason}).\n"
        f"Ouvrez-le vous-même : {path}"
    )
