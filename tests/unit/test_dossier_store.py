"""The dossier folder: file names, listing (newest first, broken files shown), temp files."""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import pytest
from storage_helpers import BRUSSELS, file_mode, mini, new_dossier, temp_files

from synergy_wizard.answers.model import Answer, ProjectInfo
from synergy_wizard.answers.storage import DossierStore, load_dossier, save_dossier, slugify
from synergy_wizard.errors import NotFoundError, StorageError

# --- DossierStore --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Bâtiment Fléron 2026", "batiment-fleron-2026"),
        ("  Œuvre commune — Liège / Seraing !", "oeuvre-commune-liege-seraing"),
        ("Straße & Cæsar", "strasse-caesar"),
        ("«»?!", "dossier"),
        ("CON", "con-dossier"),
        ("a" * 59 + " bc", "a" * 59),
        ("Ｆｕｌｌ ｗｉｄｔｈ", "full-width"),
    ],
)
def test_slugify(name: str, stem: str) -> None:
    assert slugify(name) == stem


def test_create_names_files_after_the_project_and_keeps_them_unique(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    store = DossierStore(folder)
    created = [store.create(mini(), ProjectInfo(name="Bâtiment Fléron 2026")) for _ in range(3)]
    names = [path.name for path, _ in created]
    assert names == [
        "batiment-fleron-2026.yaml",
        "batiment-fleron-2026-2.yaml",
        "batiment-fleron-2026-3.yaml",
    ]
    for path, dossier in created:
        assert load_dossier(path) == dossier
        assert dossier.checklist.id == "mini"
        assert file_mode(path) == 0o600
    assert file_mode(folder) == 0o700
    assert temp_files(folder) == []


def test_create_fails_cleanly_when_the_folder_is_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    folder.write_text("", encoding="utf-8")
    with pytest.raises(StorageError) as info:
        DossierStore(folder).create(mini(), ProjectInfo(name="Projet"))
    assert info.value.message.startswith(f"Impossible de créer le dossier « {folder} »")


def _set_mtime(path: Path, day: int) -> None:
    moment = datetime(2026, 1, day, 12, 0, tzinfo=BRUSSELS).timestamp()
    os.utime(path, (moment, moment))


def test_list_is_newest_first_and_shows_broken_files(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    store = DossierStore(folder)
    old = new_dossier("Ancien projet", day=10)
    new = new_dossier("Nouveau projet", day=14)
    new.answers["porteur"] = Answer(value="cpas")
    new.answers["description"] = Answer(note="une note, pas de réponse")
    new.answers["orpheline"] = Answer(value="oui")
    save_dossier(old, folder / "ancien.yaml")
    save_dossier(new, folder / "nouveau.yaml")
    (folder / "vide.yaml").write_bytes(b"")
    (folder / "futur.yaml").write_text("format: 9\n", encoding="utf-8")
    _set_mtime(folder / "ancien.yaml", 20)  # file dates do not matter for readable dossiers
    _set_mtime(folder / "vide.yaml", 12)
    _set_mtime(folder / "futur.yaml", 8)
    (folder / ".cache.yaml").write_text("format: 1\n", encoding="utf-8")
    (folder / "notes.txt").write_text("pas un dossier\n", encoding="utf-8")
    (folder / "rangement.yaml").mkdir()

    entries = store.list()

    assert [e.path.name for e in entries] == [
        "nouveau.yaml",
        "vide.yaml",
        "ancien.yaml",
        "futur.yaml",
    ]
    first, empty, third, future = entries
    assert (first.name, first.checklist_id, first.checklist_version) == (
        "Nouveau projet",
        "mini",
        "1.2.0",
    )
    assert first.updated_at == new.project.updated_at
    assert first.answered == 2
    assert first.error == ""
    assert (third.name, third.answered, third.error) == ("Ancien projet", 0, "")
    assert (empty.name, empty.updated_at, empty.checklist_id) == ("vide", None, "")
    assert empty.error == "ligne 1, colonne 1 : le fichier est vide"
    assert future.error.startswith(
        "ligne 1, colonne 9 : ce dossier a été créé par une version plus récente"
    )


def test_list_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert DossierStore(tmp_path / "absent").list() == []


def test_stale_temp_files_are_removed_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    folder.mkdir()
    stale = folder / ".projet.yaml.a1b2c3.tmp"
    fresh = folder / ".projet.yaml.d4e5f6.tmp"
    visible = folder / "brouillon.tmp"
    for path in (stale, fresh, visible):
        path.write_text("format: 1\nprojet: {nom: inter", encoding="utf-8")
    hour_ago = time.time() - 3600
    for path in (stale, visible):
        os.utime(path, (hour_ago, hour_ago))

    store = DossierStore(folder)

    assert store.removed_temp_files == (stale,)
    assert not stale.exists()
    assert fresh.exists(), "a temp file of this very process is never touched"
    assert visible.exists(), "only the hidden temp files the program writes are removed"
    assert store.list() == []


def test_path_for(tmp_path: Path) -> None:
    store = DossierStore(tmp_path)
    assert store.path_for("batiment") == tmp_path / "batiment.yaml"
    assert store.path_for(" batiment.yaml ") == tmp_path / "batiment.yaml"
    for bad in ("", "../ailleurs", "sous/dossier", ".cache", ".."):
        with pytest.raises(NotFoundError, match="n'est pas un nom de dossier valide"):
            store.path_for(bad)
