"""Rotated backups of a dossier: when one is made, how many are kept, how they are named."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta
from pathlib import Path

from synergy_wizard.answers.backup import (
    BACKUP_KEEP,
    list_backups,
    rotate_backup,
    write_backup,
)
from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.storage import save_dossier

START = datetime(2026, 1, 12, 9, 30, 0)


def _version(number: int) -> bytes:
    return f"version {number}\n".encode()


def test_at_most_one_backup_a_minute(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    assert rotate_backup(path, _version(1), now=START) is not None
    assert rotate_backup(path, _version(2), now=START + timedelta(seconds=59)) is None
    made = rotate_backup(path, _version(3), now=START + timedelta(seconds=60))
    assert made is not None
    assert made.path.name == "projet.yaml.2026-01-12_09-31-00.yaml"
    assert [b.path.read_bytes() for b in list_backups(path)] == [_version(3), _version(1)]


def test_an_unchanged_version_is_not_backed_up_twice(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    rotate_backup(path, _version(1), now=START)
    assert rotate_backup(path, _version(1), now=START + timedelta(hours=1)) is None


def test_a_clock_set_back_does_not_stop_backups(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    rotate_backup(path, _version(1), now=START)
    assert rotate_backup(path, _version(2), now=START - timedelta(days=1)) is not None


def test_only_the_newest_are_kept_and_all_are_private(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    for number in range(BACKUP_KEEP + 5):
        write_backup(path, _version(number), now=START + timedelta(minutes=number))
    backups = list_backups(path)
    assert len(backups) == BACKUP_KEEP
    assert backups[0].path.read_bytes() == _version(BACKUP_KEEP + 4)
    assert backups[-1].path.read_bytes() == _version(5)
    for backup in backups:
        assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups[0].path.parent.stat().st_mode) == 0o700


def test_backups_within_one_second_get_distinct_names(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    first = write_backup(path, _version(1), now=START)
    second = write_backup(path, _version(2), now=START)
    assert (first.path.name, second.path.name) == (
        "projet.yaml.2026-01-12_09-30-00.yaml",
        "projet.yaml.2026-01-12_09-30-00-1.yaml",
    )
    assert list_backups(path)[0] == second
    assert second.label == "12/01/2026 à 09:30:00"


def test_saving_backs_up_the_previous_version_only(
    tmp_path: Path, mini_checklist_path: Path
) -> None:
    from synergy_wizard.checklist.loader import load_checklist

    path = tmp_path / "projet.yaml"
    dossier = Dossier.new(load_checklist(mini_checklist_path), ProjectInfo(name="Projet"))
    assert save_dossier(dossier, path).backup is None  # nothing before it
    first = path.read_bytes()
    dossier.update_answer("porteur", value="cpas")
    result = save_dossier(dossier, path)
    assert result.backup is not None and result.backup.path.read_bytes() == first
    dossier.update_answer("porteur", value="commune")
    assert save_dossier(dossier, path).backup is None  # within the same minute
    assert len(list_backups(path)) == 1
