"""Dossiers and file checks shared by the storage tests (real files, fixed timestamps)."""

from __future__ import annotations

import functools
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.safe_yaml import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
BRUSSELS = timezone(timedelta(hours=1))


@functools.cache
def mini() -> Checklist:
    """The small checklist with every kind of answer (``tests/data/good/mini.yaml``)."""
    path = ROOT / "tests" / "data" / "good" / "mini.yaml"
    return Checklist.model_validate(parse_yaml(path.read_bytes(), path).data)


def new_dossier(name: str = "Bâtiment Fléron 2026", day: int = 10) -> Dossier:
    """A dossier on the mini checklist, created and updated on January ``day``, 2026."""
    stamp = datetime(2026, 1, day, 9, 0, tzinfo=BRUSSELS)
    project = ProjectInfo(name=name, created_at=stamp, updated_at=stamp)
    return Dossier.new(mini(), project)


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def temp_files(folder: Path) -> list[str]:
    """The temp files an interrupted save leaves in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
