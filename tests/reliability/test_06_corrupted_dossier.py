"""Case 6: a damaged answers file — never overwritten, kept aside, newest good backup offered.

Each damage is made to the dossier's own file, as an incident would: emptied, cut in the
middle of a line, with binary garbage, re-saved in another encoding. The exact messages for
the fixture files of ``tests/data/dossiers`` are in ``tests/unit/test_dossier_file.py``.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synergy_wizard.answers.backup import list_backups
from synergy_wizard.answers.fileformat import parse_dossier
from synergy_wizard.answers.recovery import find_recovery, restore_backup
from synergy_wizard.answers.storage import DossierStore, load_dossier, save_dossier
from synergy_wizard.errors import DossierError

from .helpers import child_env, make_dossier, mode


def _with_history(folder: Path) -> tuple[Path, bytes]:
    """A dossier saved twice: the first version is backed up. Returns it and those bytes."""
    path = folder / "projet.yaml"
    dossier = make_dossier(path, answers={"porteur": "cpas"}, notes={"description": "v1"})
    first = path.read_bytes()
    dossier.update_answer("description", note="v2")
    save_dossier(dossier, path)  # the first save of this minute backs up version 1
    [backup] = list_backups(path)
    assert backup.path.read_bytes() == first
    return path, first


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _truncated(text: str) -> tuple[bytes, int, int, str]:
    cut = text.index("cree_le: '") + len("cree_le: '2026-01")
    line, column = _position(text, text.index("'", text.index("cree_le")))
    return text[:cut].encode(), line, column, "guillemet ouvert ici mais jamais refermé"


def _binary(text: str) -> tuple[bytes, int, int, str]:
    start = text.index("reponses:")
    line, column = _position(text, start)
    message = (
        "le fichier contient des données binaires : ce n'est pas un dossier synergy-wizard, "
        "ou il a été endommagé"
    )
    return text[:start].encode() + b"\x00" * 512, line, column, message


def _cp1252(text: str) -> tuple[bytes, int, int, str]:
    first = next(i for i, char in enumerate(text) if ord(char) > 127)
    line, column = _position(text, first)
    byte = text[first].encode("cp1252")[0]
    message = f"le fichier n'est pas encodé en UTF-8 (octet 0x{byte:02X} invalide)"
    return text.encode("cp1252", "replace"), line, column, message


def _utf16(text: str) -> tuple[bytes, int, int, str]:
    return text.encode("utf-16"), 1, 1, "le fichier est encodé en UTF-16 et non en UTF-8"


def _empty(text: str) -> tuple[bytes, int, int, str]:
    return b"", 1, 1, "le fichier est vide"


DAMAGES: dict[str, Callable[[str], tuple[bytes, int, int, str]]] = {
    "vide": _empty,
    "tronque": _truncated,
    "binaire": _binary,
    "windows-1252": _cp1252,
    "utf-16": _utf16,
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_file_is_kept_and_the_newest_good_backup_offered(
    tmp_path: Path, damage: str
) -> None:
    path, first = _with_history(tmp_path / "dossiers")
    damaged, line, column, problem = DAMAGES[damage](path.read_text(encoding="utf-8"))
    path.write_bytes(damaged)

    with pytest.raises(DossierError) as info:
        load_dossier(path)
    recovery = find_recovery(path, info.value)
    assert recovery.can_restore and recovery.backup is not None
    assert recovery.message() == (
        "Le dossier « projet.yaml » ne peut pas être ouvert :\n"
        f"ligne {line}, colonne {column} : {problem}.\n"
        "Le fichier n'a pas été modifié.\n"
        f"Une sauvegarde en bon état existe, du {recovery.backup.label} (projet « Maison "
        "commune de Fléron », 1 réponse).\n"
        "Vous pouvez la restaurer : le fichier abîmé sera gardé à côté, sous le nom "
        "« projet.yaml.corrompu-<date> »."
    )
    assert path.read_bytes() == damaged  # looking at it changed nothing

    result = restore_backup(path, recovery.backup)
    assert path.read_bytes() == first
    assert result.dossier == load_dossier(path)
    assert result.dossier.answer("description").note == "v1"
    if damaged:
        assert result.kept_aside is not None
        assert result.kept_aside.name.startswith("projet.yaml.corrompu-")
        assert result.kept_aside.read_bytes() == damaged
        assert mode(result.kept_aside) == 0o600
    else:
        assert result.kept_aside is None  # an empty file holds nothing to keep
    # The kept file is not taken for a dossier.
    assert [entry.path.name for entry in DossierStore(path.parent).list()] == ["projet.yaml"]


def test_damaged_file_is_never_opened_nor_replaced_by_the_program(tmp_path: Path) -> None:
    path, _ = _with_history(tmp_path / "dossiers")
    damaged, line, column, problem = _truncated(path.read_text(encoding="utf-8"))
    path.write_bytes(damaged)
    result = subprocess.run(
        [sys.executable, "-m", "synergy_wizard", "render", str(path)],
        env=child_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:{line}:{column}: erreur : {problem}\n")
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == damaged
    [entry] = DossierStore(path.parent).list()
    assert entry.error == f"ligne {line}, colonne {column} : {problem}"


def test_saving_over_a_file_damaged_meanwhile_keeps_the_damaged_file(tmp_path: Path) -> None:
    """The file is damaged on disk while the dossier is open: the next save keeps it aside."""
    path = tmp_path / "dossiers" / "projet.yaml"
    dossier = make_dossier(path)
    path.write_bytes(b"format: 1\nprojet: [\x00\x01 abime")
    dossier.update_answer("description", note="écrit après l'incident")
    saved = save_dossier(dossier, path)
    assert saved.kept_aside is not None
    assert saved.kept_aside.read_bytes() == b"format: 1\nprojet: [\x00\x01 abime"
    assert load_dossier(path).answer("description").note == "écrit après l'incident"


def test_restoring_is_refused_when_the_backup_itself_is_damaged(tmp_path: Path) -> None:
    path, _ = _with_history(tmp_path / "dossiers")
    [backup] = list_backups(path)
    backup.path.write_bytes(b"format: 1\nprojet: 'coupe")
    path.write_bytes(b"")
    recovery = find_recovery(path, DossierError([]))
    assert not recovery.can_restore
    assert recovery.message().endswith(
        f"Aucune sauvegarde en bon état de ce dossier n'a été trouvée dans "
        f"« {path.parent / '.sauvegardes'} ».\n"
        "Corrigez le fichier à la main à l'endroit indiqué (programme fermé), ou restaurez "
        "une copie faite par ailleurs."
    )
    with pytest.raises(DossierError):
        restore_backup(path, backup)
    assert path.read_bytes() == b""


_GOOD = (Path(__file__).resolve().parents[1] / "data" / "dossiers" / "good.yaml").read_bytes()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, len(_GOOD) - 1), st.binary(min_size=0, max_size=8)),
        min_size=1,
        max_size=4,
    )
)
def test_any_damage_gives_a_located_french_error_and_nothing_else(
    edits: list[tuple[int, bytes]],
) -> None:
    data = _GOOD
    for offset, replacement in edits:
        data = data[:offset] + replacement + data[offset + len(replacement) + 1 :]
    try:
        parse_dossier(data, Path("projet.yaml"))
    except DossierError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message and problem.location.path == Path("projet.yaml")
