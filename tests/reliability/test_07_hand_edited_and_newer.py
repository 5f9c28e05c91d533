"""Case 7: a dossier edited by hand with mistakes, or written by a newer version.

Mistakes are reported all at once with their line and column (the exact texts for each kind
of mistake are in ``tests/unit/test_dossier_file.py``); a newer format is shown read-only and
never rewritten, so it is never downgraded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from synergy_wizard.answers.fileformat import NewerFormatError
from synergy_wizard.answers.readonly import load_dossier_read_only
from synergy_wizard.answers.recovery import ReadOnlyDossierError, restore_backup
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.errors import DossierError

from .helpers import DATA, child_env, make_dossier

NEWER = DATA / "dossiers" / "newer-format.yaml"


def test_hand_edited_mistakes_are_all_reported_by_the_program(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    make_dossier(path, answers={"porteur": "cpas"})
    text = path.read_text(encoding="utf-8")
    text = text.replace("  cpas: CPAS de Fléron\n", "  cpas: CPAS de Fléron\n  comune: Fléron\n")
    text = text.replace("    valeur: cpas\n", "    valeur: cpas\n    echeance: 2026-02-30\n")
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    lines = text.splitlines()
    key_line = lines.index("  comune: Fléron") + 1
    date_line = lines.index("    echeance: 2026-02-30") + 1

    result = subprocess.run(
        [sys.executable, "-m", "synergy_wizard", "render", str(path)],
        env=child_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"{path}:{key_line}:3: erreur : clé inconnue « comune »\n"
        "    → Clés possibles ici : nom, cpas, partenaire, auteur, cree_le, modifie_le.\n"
        f"{path}:{date_line}:15: erreur : dans la réponse à la question « porteur », "
        "« echeance » doit être une date valide au format AAAA-MM-JJ, par exemple 2026-06-30\n"
    )
    assert path.read_bytes() == before


def test_newer_format_opens_read_only_and_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "futur.yaml"
    text = NEWER.read_text(encoding="utf-8")
    text = text.replace("  auteur: Anne Dupont\n", "  auteur: Anne Dupont\n  service: GRH\n")
    text = text.replace(
        "    responsable: Anne Dupont\n", "    responsable: Anne Dupont\n    pieces: [devis]\n"
    )
    text += "signatures:\n  - Anne Dupont\n"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()

    with pytest.raises(NewerFormatError):
        load_dossier(path)
    view = load_dossier_read_only(path)
    assert view.file_format == 2
    assert view.ignored_keys == (
        "projet.service",
        "reponses.probleme-resolu.pieces",
        "signatures",
    )
    assert view.reason == (
        "Ce dossier a été écrit par une version plus récente de synergy-wizard (format 2). "
        "Il est ouvert en lecture seule : mettez le programme à jour pour le modifier. "
        "Certaines informations ne peuvent pas être affichées : « projet.service », "
        "« reponses.probleme-resolu.pieces », « signatures »."
    )
    assert view.dossier.answer("probleme-resolu").note.startswith("Diagnostic énergétique")
    assert view.dossier.answer("services-vises").value == ["grh", "informatique"]

    # Even handed to the save, it is refused: a newer file is never downgraded.
    view.dossier.update_answer("porteur", value="cpas")
    with pytest.raises(ReadOnlyDossierError) as info:
        save_dossier(view.dossier, path)
    assert info.value.message == (
        f"« {path} » a été écrit par une version plus récente de synergy-wizard : "
        "il n'est pas remplacé."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["futur.yaml"]


def test_a_backup_is_never_restored_over_a_newer_dossier(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    dossier = make_dossier(path)
    dossier.update_answer("porteur", value="cpas")
    save_dossier(dossier, path)  # backs up the first version
    from synergy_wizard.answers.backup import list_backups

    [backup] = list_backups(path)
    shutil.copyfile(NEWER, path)
    with pytest.raises(ReadOnlyDossierError):
        restore_backup(path, backup)
    assert path.read_bytes() == NEWER.read_bytes()


def test_a_damaged_newer_dossier_is_not_shown(tmp_path: Path) -> None:
    path = tmp_path / "futur.yaml"
    path.write_text(
        NEWER.read_text(encoding="utf-8").replace("  nom: Bâtiment", "  nom: [Bâtiment"),
        encoding="utf-8",
    )
    with pytest.raises(DossierError):
        load_dossier_read_only(path)
