"""Renaming, duplicating, deleting to the corbeille and restoring dossier files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from synergy_wizard.answers.backup import list_backups, write_backup
from synergy_wizard.answers.lock import DossierLockedError, acquire_dossier_lock
from synergy_wizard.answers.management import (
    duplicate_dossier,
    list_trash,
    rename_dossier,
    restore_dossier,
    trash_dossier,
    trash_folder,
)
from synergy_wizard.answers.model import ProjectInfo
from synergy_wizard.answers.storage import DossierStore, load_dossier, save_dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import StorageError


@pytest.fixture
def checklist(mini_checklist_path: Path) -> Checklist:
    return load_checklist(mini_checklist_path)


@pytest.fixture
def store(tmp_path: Path) -> DossierStore:
    return DossierStore(tmp_path / "dossiers")


def new_dossier(store: DossierStore, checklist: Checklist, name: str = "Cuisine commune") -> Path:
    path, dossier = store.create(checklist, ProjectInfo(name=name, cpas="CPAS de Huy"))
    dossier.update_answer("probleme-resolu", value="non", note="à chiffrer", owner="Mme Leroy")
    dossier.update_answer("services-vises", value=["grh"])
    save_dossier(dossier, path)
    return path


def yaml_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.yaml"))


def test_rename_moves_the_file_to_the_new_name(store: DossierStore, checklist: Checklist) -> None:
    path = new_dossier(store, checklist)
    before = load_dossier(path)
    renamed = rename_dossier(store, path, "  Restaurant  social ")
    assert renamed == store.folder / "restaurant-social.yaml"
    assert yaml_names(store.folder) == ["restaurant-social.yaml"]
    after = load_dossier(renamed)
    assert after.project.name == "Restaurant social"
    assert after.answers == before.answers
    assert after.project.created_at == before.project.created_at


def test_rename_keeps_the_file_when_its_name_already_fits(
    store: DossierStore, checklist: Checklist
) -> None:
    new_dossier(store, checklist)
    second = new_dossier(store, checklist)
    assert second.name == "cuisine-commune-2.yaml"
    assert rename_dossier(store, second, "Cuisine Commune") == second
    assert load_dossier(second).project.name == "Cuisine Commune"
    assert yaml_names(store.folder) == ["cuisine-commune-2.yaml", "cuisine-commune.yaml"]


def test_rename_never_overwrites_another_dossier(store: DossierStore, checklist: Checklist) -> None:
    taken = new_dossier(store, checklist, "Restaurant social")
    path = new_dossier(store, checklist)
    renamed = rename_dossier(store, path, "Restaurant social")
    assert renamed.name == "restaurant-social-2.yaml"
    assert load_dossier(taken).project.name == "Restaurant social"
    assert yaml_names(store.folder) == ["restaurant-social-2.yaml", "restaurant-social.yaml"]


def test_rename_takes_the_backups_along(store: DossierStore, checklist: Checklist) -> None:
    path = new_dossier(store, checklist)
    write_backup(path, path.read_bytes(), now=datetime(2026, 3, 14, 9, 30))
    count = len(list_backups(path))
    renamed = rename_dossier(store, path, "Buanderie")
    assert list_backups(path) == []
    assert len(list_backups(renamed)) == count


def test_an_empty_name_is_refused_and_nothing_changes(
    store: DossierStore, checklist: Checklist
) -> None:
    path = new_dossier(store, checklist)
    content = path.read_bytes()
    with pytest.raises(StorageError):
        rename_dossier(store, path, "   ")
    assert path.read_bytes() == content


def test_a_dossier_open_elsewhere_is_neither_renamed_nor_trashed(
    store: DossierStore, checklist: Checklist
) -> None:
    path = new_dossier(store, checklist)
    with acquire_dossier_lock(path):
        with pytest.raises(DossierLockedError):
            rename_dossier(store, path, "Autre nom")
        with pytest.raises(DossierLockedError):
            trash_dossier(store, path)
    assert yaml_names(store.folder) == ["cuisine-commune.yaml"]


def test_duplicate_copies_answers_under_a_new_project(
    store: DossierStore, checklist: Checklist
) -> None:
    path = new_dossier(store, checklist)
    copy = duplicate_dossier(store, path, "Cuisine de Wanze")
    assert yaml_names(store.folder) == ["cuisine-commune.yaml", "cuisine-de-wanze.yaml"]
    original, duplicate = load_dossier(path), load_dossier(copy)
    assert duplicate.project.name == "Cuisine de Wanze"
    assert duplicate.project.cpas == "CPAS de Huy"
    assert duplicate.answers == original.answers
    assert duplicate.checklist == original.checklist
    assert duplicate.project.created_at >= original.project.created_at
    assert duplicate.position == ""


def test_trash_and_restore(store: DossierStore, checklist: Checklist) -> None:
    path = new_dossier(store, checklist)
    content = path.read_bytes()
    trashed = trash_dossier(store, path)
    assert trashed == trash_folder(store) / "cuisine-commune.yaml"
    assert trashed.read_bytes() == content
    assert yaml_names(store.folder) == []
    assert [entry.path for entry in store.list()] == []
    assert [(e.name, e.path) for e in list_trash(store)] == [("Cuisine commune", trashed)]

    restored = restore_dossier(store, trashed)
    assert restored == path
    assert restored.read_bytes() == content
    assert list_trash(store) == []


def test_restore_next_to_a_dossier_that_took_the_name(
    store: DossierStore, checklist: Checklist
) -> None:
    path = new_dossier(store, checklist)
    trashed = trash_dossier(store, path)
    newcomer = new_dossier(store, checklist)  # takes cuisine-commune.yaml meanwhile
    restored = restore_dossier(store, trashed)
    assert restored.name == "cuisine-commune-2.yaml"
    assert newcomer.is_file()
    assert yaml_names(store.folder) == ["cuisine-commune-2.yaml", "cuisine-commune.yaml"]


def test_two_dossiers_of_the_same_name_both_stay_in_the_corbeille(
    store: DossierStore, checklist: Checklist
) -> None:
    first = trash_dossier(store, new_dossier(store, checklist))
    second = trash_dossier(store, new_dossier(store, checklist))
    assert first != second
    assert first.is_file()
    assert second.is_file()
    assert len(list_trash(store)) == 2


def test_an_unreadable_file_can_be_trashed_and_restored(store: DossierStore) -> None:
    store.folder.mkdir(parents=True)
    broken = store.folder / "abime.yaml"
    broken.write_bytes(b"projet: [")
    trashed = trash_dossier(store, broken)
    [entry] = list_trash(store)
    assert entry.error
    assert entry.name == "abime"
    assert restore_dossier(store, trashed).read_bytes() == b"projet: ["


def test_trash_takes_the_backups_along(store: DossierStore, checklist: Checklist) -> None:
    path = new_dossier(store, checklist)
    write_backup(path, path.read_bytes(), now=datetime(2026, 3, 14, 9, 30))
    count = len(list_backups(path))
    trashed = trash_dossier(store, path)
    assert list_backups(path) == []
    assert len(list_backups(trashed)) == count
    restored = restore_dossier(store, trashed)
    assert len(list_backups(restored)) == count
