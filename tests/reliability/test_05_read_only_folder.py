"""Case 5: a read-only or vanished dossier folder — checked at start, clear on save.

Permissions are met for real: as root, the child process first gives up the powers that let
root ignore them, and checks that a read-only folder really refuses a new file before testing
anything (see ``helpers``).
"""

from __future__ import annotations

from pathlib import Path

from synergy_wizard.answers.storage import DossierStore, load_dossier, save_dossier
from synergy_wizard.errors import StorageError

from .helpers import PERMISSION_PROBE, make_dossier, run_json, temp_files

_READ_ONLY = (
    PERMISSION_PROBE
    + """
import json, sys
from pathlib import Path
from synergy_wizard.answers.storage import DossierStore, load_dossier, save_dossier
from synergy_wizard.errors import StorageError

folder = Path(sys.argv[1])
path = folder / "projet.yaml"
applies = _permissions_apply(folder)
at_start = DossierStore(folder).check_writable()
dossier = load_dossier(path)
dossier.update_answer("description", note="ajout refusé")
try:
    save_dossier(dossier, path)
    refused = None
except StorageError as exc:
    refused = [exc.message, exc.hint]
unchanged = load_dossier(path).answer("description").note
leftovers = sorted(p.name for p in folder.iterdir())
folder.chmod(0o700)  # the user fixes the rights: the answers still in memory are saved
save_dossier(dossier, path)
print(json.dumps({
    "applies": applies,
    "at_start": [at_start.message, at_start.hint] if at_start else None,
    "refused": refused,
    "unchanged": unchanged,
    "leftovers": leftovers,
    "saved": load_dossier(path).answer("description").note,
}))
"""
)


def test_read_only_folder_is_reported_at_start_and_on_save(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    path = folder / "projet.yaml"
    make_dossier(path, notes={"description": "version sur le disque"})
    folder.chmod(0o555)
    try:
        outcome = run_json(_READ_ONLY, str(folder), unprivileged=True)
    finally:
        folder.chmod(0o700)
    assert outcome["applies"] is True, "permissions did not apply: the test would prove nothing"
    no_rights = f"vous n'avez pas les droits d'écriture ou de lecture dans « {folder} »"
    assert outcome["at_start"] == [
        f"Impossible d'écrire dans le dossier « {folder} » : {no_rights}.",
        "Vos dossiers peuvent être consultés mais pas modifiés. Corrigez le problème, ou "
        "choisissez un autre emplacement (option --dossiers).",
    ]
    assert outcome["refused"] == [
        f"Impossible d'enregistrer « {path} » : {no_rights}.",
        "Le fichier précédent n'a pas été modifié. Corrigez le problème puis réessayez, "
        "ou enregistrez le dossier ailleurs.",
    ]
    assert outcome["unchanged"] == "version sur le disque"
    assert outcome["leftovers"] == ["projet.yaml"]  # no temp file, no backup half-made
    assert outcome["saved"] == "ajout refusé"
    assert load_dossier(path).answer("description").note == "ajout refusé"


def test_vanished_folder_is_reported_and_never_recreated_elsewhere(tmp_path: Path) -> None:
    """A USB stick pulled out while a dossier is open: its folder is gone."""
    stick = tmp_path / "cle-usb"
    folder = stick / "dossiers"
    path = folder / "projet.yaml"
    dossier = make_dossier(path)
    folder.rename(tmp_path / "ailleurs")  # the folder vanishes, with the whole stick
    stick.rmdir()
    dossier.update_answer("description", note="écrit pendant que la clé était retirée")

    assert _store_problem(folder) == [
        f"Le dossier « {folder} » n'est pas utilisable : le dossier « {folder} » n'existe plus "
        "(support débranché ou dossier supprimé ?).",
        "Choisissez un autre emplacement pour les dossiers (option --dossiers).",
    ]
    try:
        save_dossier(dossier, path, create_folder=False)
    except StorageError as exc:
        assert exc.message == (
            f"Impossible d'enregistrer « {path} » : le dossier « {folder} » n'existe plus "
            "(support débranché ou dossier supprimé ?)."
        )
        assert exc.hint.startswith("Vos réponses restent en mémoire.")
    else:
        raise AssertionError("the save should have been refused")
    assert not stick.exists(), "nothing was written in the place of the missing stick"

    stick.mkdir()
    (tmp_path / "ailleurs").rename(folder)  # the stick is back
    save_dossier(dossier, path, create_folder=False)
    assert load_dossier(path).answer("description").note == (
        "écrit pendant que la clé était retirée"
    )
    assert temp_files(folder) == []


def _store_problem(folder: Path) -> list[str] | None:
    problem = DossierStore(folder).check_writable()
    return [problem.message, problem.hint] if problem else None
