"""Shared tools of the reliability suite: real dossiers, real programs, real permissions."""

from __future__ import annotations

import ctypes
import json
import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.storage import save_dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
MINI = DATA / "good" / "mini.yaml"
BRUSSELS = timezone(timedelta(hours=1))


def mini() -> Checklist:
    return load_checklist(MINI)


def make_dossier(
    path: Path,
    name: str = "Maison commune de Fléron",
    answers: dict[str, str | list[str]] | None = None,
    notes: dict[str, str] | None = None,
    checklist: Checklist | None = None,
    day: int = 12,
) -> Dossier:
    """Save a dossier answering the mini checklist at ``path`` and return it."""
    stamp = datetime(2026, 1, day, 9, 30, tzinfo=BRUSSELS)
    project = ProjectInfo(name=name, cpas="CPAS de Fléron", created_at=stamp, updated_at=stamp)
    dossier = Dossier.new(checklist or mini(), project)
    for key, value in (answers or {}).items():
        dossier.update_answer(key, value=value)
    for key, note in (notes or {}).items():
        dossier.update_answer(key, note=note)
    save_dossier(dossier, path)
    return dossier


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def temp_files(folder: Path) -> list[str]:
    """The hidden temp files an atomic write leaves while it runs (or when killed)."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child Python running this checkout's package."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **extra}
    env.pop("TEXTUAL", None)
    return env


def run_python(
    code: str, *args: str, env: dict[str, str] | None = None, unprivileged: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (optionally without root's powers over files)."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env or child_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        preexec_fn=drop_file_powers if unprivileged and os.geteuid() == 0 else None,
    )


def run_json(code: str, *args: str, unprivileged: bool = False) -> dict[str, object]:
    """Run ``code``, which prints one JSON object, and return that object."""
    result = run_python(code, *args, unprivileged=unprivileged)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


# --- Permissions as a non-root user --------------------------------------------------------------
#
# CI runs as root, and root ignores file permissions. A child process that must meet them for
# real first gives up, irrevocably, the capabilities that let root bypass them (the same powers
# an unprivileged account never has). On a developer machine the tests run as that account
# already and nothing is dropped. ``PERMISSION_PROBE`` checks, in the child, that permissions
# really apply, so a test can never pass by accident.

_PR_CAPBSET_DROP = 24
_FILE_CAPABILITIES = (0, 1, 2, 3)  # CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def drop_file_powers() -> None:
    """In a child about to exec (as root): drop the capabilities that ignore permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _FILE_CAPABILITIES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


PERMISSION_PROBE = """
def _permissions_apply(folder):
    import os, tempfile
    try:
        fd, name = tempfile.mkstemp(dir=folder)
    except PermissionError:
        return True
    os.close(fd)
    os.unlink(name)
    return False
"""
"""Python source defining ``_permissions_apply(read_only_folder) -> bool`` for child code."""


# --- Dossiers for the real program (it knows only the bundled checklists) ---------------------

BUNDLED_ID = "batiment-commun"


def bundled_dossier(path: Path, **answers: str) -> tuple[Dossier, str, str]:
    """A dossier of a bundled checklist, opened on its first « statut » question.

    Returns the dossier, that question's id and the first words of its text (to wait for it
    on screen). ``answers`` are given to that question (``value=``, ``note=``).
    """
    from synergy_wizard.checklist.loader import find_checklist

    checklist = find_checklist(BUNDLED_ID)
    question = next(q for q in checklist.questions if q.kind == "statut")
    dossier = make_dossier(path, checklist=checklist)
    if answers:
        dossier.update_answer(question.id, **answers)
    dossier.position = question.id
    save_dossier(dossier, path)
    return dossier, question.id, " ".join(question.text.split()[:4])
