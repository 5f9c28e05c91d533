"""What is kept of an unexpected error: a log naming the code, never the user's answers."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from synergy_wizard import __version__
from synergy_wizard.answers.fileio import append_private_text

CRASH_LOG_NAME = "synergy-wizard-erreurs.log"


def crash_report(error: BaseException) -> str:
    """The error's type and the code it went through; not its message nor any variable.

    An exception message may quote what the user typed (a KeyError on an answer, a
    ValueError on a date), so it is left out on purpose.
    """
    lines = [
        f"{datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z} — synergy-wizard {__version__}",
        f"Erreur inattendue : {type(error).__module__}.{type(error).__qualname__}",
    ]
    for frame in traceback.extract_tb(error.__traceback__):
        lines.append(f"  {frame.filename}:{frame.lineno} dans {frame.name}")
    return "\n".join(lines) + "\n\n"


def write_crash_log(folder: Path, error: BaseException) -> Path | None:
    """Append the report of ``error`` to the log in ``folder``. None if it cannot be written.

    The log is user-only (0600), like the dossiers it sits next to.
    """
    path = folder / CRASH_LOG_NAME
    try:
        append_private_text(path, crash_report(error))
    except OSError:
        return None
    return path
