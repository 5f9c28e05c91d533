"""Case 9: recovery bound to the right dossier and checklist, never offered for another.

Backups belong to one dossier file, and within that file name to one dossier: a dossier
deleted and replaced by another of the same name never sees its backups offered for the new
one, nor does a backup of another checklist.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from synergy_wizard.answers.backup import list_backups, write_backup
from synergy_wizard.answers.fileformat import dump_dossier
from synergy_wizard.answers.recovery import find_recovery
from synergy_wizard.answers.storage import DossierStore, load_dossier, save_dossier
from synergy_wizard.errors import DossierError

from .helpers import BRUSSELS, make_dossier


def _damage_answers(path: Path) -> None:
    """Binary garbage over the answers; the head (checklist, creation date) still legible."""
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text[: text.index("reponses:")].encode() + b"\x00\xff" * 64)


def test_backups_of_one_file_are_never_listed_for_another(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    store = DossierStore(folder)
    paths = [folder / "projet.yaml", folder / "projet-2.yaml", folder / "projet.yaml.yaml"]
    for number, path in enumerate(paths, start=1):
        dossier = make_dossier(path, name=f"Projet {number}", day=number)
        dossier.update_answer("description", note=f"dossier {number}")
        save_dossier(dossier, path)  # one backup each
    for number, path in enumerate(paths, start=1):
        [backup] = list_backups(path)
        assert backup.load().project.name == f"Projet {number}"
    # Backups are hidden: the folder lists three dossiers, nothing else.
    assert sorted(entry.path.name for entry in store.list()) == sorted(p.name for p in paths)


def test_a_former_dossier_of_the_same_name_is_never_offered(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    path = folder / "projet.yaml"
    make_dossier(path, name="Ancien projet", day=3)
    former_bytes = path.read_bytes()
    path.unlink()  # deleted by hand; a new project later takes the same file name
    current = make_dossier(path, name="Nouveau projet", day=20)
    current.update_answer("description", note="deuxième état")
    save_dossier(current, path)  # backs up the new dossier's first state
    # The former dossier's copy is the newest backup of this file name.
    write_backup(path, former_bytes, now=datetime(2030, 1, 1, 12, 0))
    _damage_answers(path)

    try:
        load_dossier(path)
    except DossierError as error:
        recovery = find_recovery(path, error)
    else:
        raise AssertionError("the damaged file should not load")
    assert recovery.backup is not None and recovery.backup_dossier is not None
    assert recovery.backup_dossier.project.name == "Nouveau projet"
    assert recovery.backup_dossier.project.created_at == datetime(
        2026, 1, 20, 9, 30, tzinfo=BRUSSELS
    )
    assert list_backups(path)[0].load().project.name == "Ancien projet"  # newer, but not offered


def test_a_backup_of_another_checklist_is_never_offered(tmp_path: Path) -> None:
    path = tmp_path / "dossiers" / "projet.yaml"
    dossier = make_dossier(path)
    foreign = dossier.model_copy(deep=True)
    foreign.checklist.id = "batiment-commun"
    write_backup(path, dump_dossier(foreign).encode(), now=datetime(2030, 1, 1))
    _damage_answers(path)
    recovery = find_recovery(path, DossierError([]))
    assert recovery.backup is None  # the only backup answers another checklist
    assert "Aucune sauvegarde en bon état de ce dossier" in recovery.message()
