"""Saving dossiers safely and managing the dossier folder, with real files and real faults."""

from __future__ import annotations

import ctypes
import errno
import itertools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from storage_helpers import ROOT, file_mode, new_dossier, temp_files

from synergy_wizard.answers.fileio import describe_os_error
from synergy_wizard.answers.model import Dossier
from synergy_wizard.answers.storage import (
    dump_dossier,
    load_dossier,
    save_dossier,
)
from synergy_wizard.errors import DossierError, StorageError

# --- save_dossier ------------------------------------------------------------------------


def test_save_creates_private_folder_and_file(tmp_path: Path) -> None:
    folder = tmp_path / "nouveau" / "dossiers"
    path = folder / "projet.yaml"
    dossier = new_dossier()
    save_dossier(dossier, path)
    assert path.read_text(encoding="utf-8") == dump_dossier(dossier)
    assert file_mode(path) == 0o600
    assert file_mode(folder) == 0o700
    assert temp_files(folder) == []


def test_save_replaces_a_readable_file_with_a_private_one(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    path.write_text("ancien contenu\n", encoding="utf-8")
    path.chmod(0o644)
    dossier = new_dossier()
    dossier.update_answer("porteur", value="cpas")
    save_dossier(dossier, path)
    assert load_dossier(path) == dossier
    assert file_mode(path) == 0o600
    assert temp_files(tmp_path) == []


def test_saving_into_a_file_instead_of_a_folder_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "pas-un-dossier"
    blocker.write_text("je suis un fichier\n", encoding="utf-8")
    for path in (blocker / "projet.yaml", blocker / "sous-dossier" / "projet.yaml"):
        with pytest.raises(StorageError) as info:
            save_dossier(new_dossier(), path)
        assert info.value.message.startswith(f"Impossible de créer le dossier « {path.parent} »")
        assert "est un fichier et non un dossier" in info.value.message
    assert blocker.read_text(encoding="utf-8") == "je suis un fichier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pas-un-dossier"]


def test_saving_over_a_folder_keeps_it_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    path.mkdir()
    (path / "contenu.txt").write_text("intact\n", encoding="utf-8")
    with pytest.raises(StorageError) as info:
        save_dossier(new_dossier(), path)
    assert info.value.message == (
        f"Impossible d'enregistrer « {path} » : « {path} » est un dossier et non un fichier."
    )
    assert "Le fichier précédent n'a pas été modifié" in info.value.hint
    assert (path / "contenu.txt").read_text(encoding="utf-8") == "intact\n"
    assert temp_files(tmp_path) == []


_FILE_SIZE_LIMIT_CHILD = """
import resource, signal, sys
from pathlib import Path
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.errors import StorageError

path = Path(sys.argv[1])
dossier = load_dossier(path)
dossier.update_answer("description", note="x" * 200_000)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, hard))
try:
    save_dossier(dossier, path)
except StorageError as exc:
    print(exc.message)
else:
    sys.exit("the save should have failed")
sys.stdout.flush()
Path(sys.argv[2]).write_bytes(path.read_bytes())  # what was on disk right after the failure
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
save_dossier(dossier, path)  # room again: the next save works
"""


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    """A real write failure: the file size limit (EFBIG) is hit half-way through the write."""
    folder = tmp_path / "dossiers"
    path = folder / "projet.yaml"
    dossier = new_dossier()
    dossier.update_answer("porteur", value="commune")
    save_dossier(dossier, path)
    before = path.read_bytes()
    snapshot = tmp_path / "apres-echec.yaml"
    result = subprocess.run(
        [sys.executable, "-c", _FILE_SIZE_LIMIT_CHILD, str(path), str(snapshot)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Impossible d'enregistrer « {path} » : le fichier dépasse la taille maximale "
        "autorisée sur ce système."
    )
    assert snapshot.read_bytes() == before
    assert temp_files(folder) == []
    assert load_dossier(path).answers["description"].note == "x" * 200_000


def _without_root_powers() -> None:
    """In the child, before exec: drop the capabilities that let root ignore permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


_PR_CAPBSET_DROP = 24


_READ_ONLY_CHILD = """
import sys
from pathlib import Path
from synergy_wizard.answers.model import Dossier
from synergy_wizard.answers.storage import save_dossier
from synergy_wizard.errors import StorageError

dossier = Dossier.model_validate(
    {"projet": {"nom": "X"}, "checklist": {"id": "mini", "version": "1.0", "empreinte": "e"}}
)
try:
    save_dossier(dossier, Path(sys.argv[1]))
except StorageError as exc:
    print(exc.message)
"""


def test_a_read_only_folder_is_reported(tmp_path: Path) -> None:
    """Permissions are checked for real; as root, the saving process first gives up the
    capabilities that let root write anywhere."""
    folder = tmp_path / "dossiers"
    folder.mkdir()
    path = folder / "projet.yaml"
    path.write_text("contenu précédent\n", encoding="utf-8")
    folder.chmod(0o555)
    try:
        result = subprocess.run(
            [sys.executable, "-c", _READ_ONLY_CHILD, str(path)],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=False,
            preexec_fn=_without_root_powers if os.geteuid() == 0 else None,
        )
    finally:
        folder.chmod(0o700)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Impossible d'enregistrer « {path} » : vous n'avez pas les droits d'écriture ou de "
        f"lecture dans « {folder} »."
    )
    assert path.read_text(encoding="utf-8") == "contenu précédent\n"
    assert temp_files(folder) == []


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (errno.ENOSPC, "le disque est plein"),
        (errno.EDQUOT, "votre quota d'espace disque est atteint"),
        (errno.EACCES, "vous n'avez pas les droits d'écriture ou de lecture dans « /d »"),
        (errno.EPERM, "vous n'avez pas les droits d'écriture ou de lecture dans « /d »"),
        (errno.EROFS, "« /d » est sur un support en lecture seule"),
        (errno.ENOENT, "le dossier « /d » n'existe plus (support débranché ou dossier supprimé ?)"),
        (
            errno.EIO,
            "erreur de lecture ou d'écriture sur le support (disque défectueux ou débranché ?)",
        ),
        (errno.ENAMETOOLONG, "le nom du fichier ou du chemin est trop long"),
        (errno.ETIMEDOUT, f"erreur du système ({os.strerror(errno.ETIMEDOUT)})"),
    ],
)
def test_system_errors_are_explained_in_french(code: int, text: str) -> None:
    assert describe_os_error(OSError(code, os.strerror(code)), Path("/d/projet.yaml")) == text


# --- load_dossier: files that cannot be read ----------------------------------------------


def test_missing_file_and_folder_are_reported(tmp_path: Path) -> None:
    with pytest.raises(DossierError) as info:
        load_dossier(tmp_path / "absent.yaml")
    assert info.value.problems[0].message == (
        "impossible de lire le dossier : le fichier n'existe pas"
    )
    with pytest.raises(DossierError) as info:
        load_dossier(tmp_path)
    assert info.value.problems[0].message == (
        "impossible de lire le dossier : ce chemin est un dossier et non un fichier"
    )


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "enorme.yaml"
    with path.open("wb") as stream:
        stream.truncate(52_400_000)
    started = time.perf_counter()
    with pytest.raises(DossierError) as info:
        load_dossier(path)
    assert time.perf_counter() - started < 1
    assert info.value.problems[0].message == (
        "le fichier est trop volumineux pour un dossier (52,4 Mo ; au plus 5 Mo)"
    )


# --- Killed while saving ---------------------------------------------------------------------


def _save_forever(path: Path, dossier: Dossier, report: int) -> None:
    """In a forked child: save new states without end, reporting each completed save."""
    try:
        for state in itertools.count(1):
            dossier.update_answer("description", note=f"état {state}\n" + "é" * 3_000)
            save_dossier(dossier, path)
            os.write(report, f"{state}\n".encode())
    finally:
        os._exit(1)


def test_killing_the_process_at_any_moment_never_corrupts_the_dossier(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    path = folder / "projet.yaml"
    dossier = new_dossier()
    dossier.update_answer("description", note="état 0\n")
    save_dossier(dossier, path)
    chance = random.Random(20260112)
    previous = 0
    for _ in range(50):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, which is killed
            os.close(read_end)
            _save_forever(path, dossier, write_end)
        os.close(write_end)
        time.sleep(chance.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end) as reports:
            completed = [int(line) for line in reports.read().split()]
        note = load_dossier(path).answers["description"].note  # always a whole dossier
        state = int(note.split("\n")[0].removeprefix("état "))
        # The last reported save, or the one killed after its rename but before its report.
        assert state in ((completed[-1], completed[-1] + 1) if completed else (previous, 1))
        assert file_mode(path) == 0o600
        previous = state
    backups = folder / ".sauvegardes"
    stranded = len(temp_files(folder)) + len(temp_files(backups))
    restart = subprocess.run(
        [sys.executable, "-c", _RESTART_CHILD, str(folder)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert restart.returncode == 0, restart.stderr
    assert restart.stdout.strip() == str(stranded)
    assert temp_files(folder) == [] and temp_files(backups) == []
    assert sorted(p.name for p in folder.iterdir()) == [".sauvegardes", "projet.yaml"]


_RESTART_CHILD = """
import sys
from pathlib import Path
from synergy_wizard.answers.storage import DossierStore

store = DossierStore(Path(sys.argv[1]))
assert [entry.error for entry in store.list()] == [""]
print(len(store.removed_temp_files))
"""
