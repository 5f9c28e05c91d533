"""Case 19: two programs on one dossier — the second is refused, told who has it, may read.

Real processes hold the lock; one is killed with SIGKILL to leave a stale lock file behind,
which must never block anyone.
"""

from __future__ import annotations

import getpass
import json
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from synergy_wizard.answers.lock import (
    DossierLockedError,
    acquire_dossier_lock,
    lock_paths,
    read_lock_owner,
)
from synergy_wizard.answers.readonly import load_dossier_read_only

from .helpers import PERMISSION_PROBE, child_env, make_dossier, mode, run_json

_HOLDER = """
import sys, time
from pathlib import Path
from synergy_wizard.answers.lock import acquire_dossier_lock

lock = acquire_dossier_lock(Path(sys.argv[1]))
print("verrouillé", flush=True)
time.sleep(600)
"""


def _holder(path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        env=child_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "verrouillé\n"
    return child


def test_second_program_is_refused_with_who_holds_the_dossier(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    make_dossier(path, answers={"porteur": "cpas"})
    holder = _holder(path)
    try:
        with pytest.raises(DossierLockedError) as info:
            acquire_dossier_lock(path)
        owner = info.value.owner
        assert owner is not None
        assert (owner.pid, owner.host, owner.user) == (
            holder.pid,
            socket.gethostname(),
            getpass.getuser(),
        )
        assert owner.since is not None
        assert info.value.message == (
            f"Le dossier « projet.yaml » est déjà ouvert dans un autre synergy-wizard "
            f"(processus {holder.pid} sur l'ordinateur « {socket.gethostname()} », "
            f"utilisateur « {getpass.getuser()} », depuis le {owner.since:%d/%m/%Y} à "
            f"{owner.since:%H:%M})."
        )
        assert info.value.hint == (
            "Fermez-le d'abord dans l'autre fenêtre, puis réessayez ; ou ouvrez-le en lecture "
            "seule pour le consulter sans le modifier."
        )
        # The second one may still look at it, read-only.
        view = load_dossier_read_only(path, reason=info.value.message)
        assert view.dossier.answer("porteur").value == "cpas"
        assert view.reason == info.value.message

        # A third program is refused the same way.
        third = run_json(
            """
import json, sys
from pathlib import Path
from synergy_wizard.answers.lock import DossierLockedError, acquire_dossier_lock
try:
    acquire_dossier_lock(Path(sys.argv[1]))
    print(json.dumps({"refused": False}))
except DossierLockedError as exc:
    print(json.dumps({"refused": True, "pid": exc.owner.pid}))
""",
            str(path),
        )
        assert third == {"refused": True, "pid": holder.pid}
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_left_by_a_killed_program_never_blocks(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    make_dossier(path)
    holder = _holder(path)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    lock_file, info_file = lock_paths(path)
    assert lock_file.exists() and info_file.exists()  # left behind by the killed program
    with acquire_dossier_lock(path) as lock:
        assert lock.held
        owner = read_lock_owner(path)
        assert owner is not None and owner.pid != holder.pid
    assert not info_file.exists()
    assert acquire_dossier_lock(path).held  # and free again once released


def test_two_windows_of_one_program_are_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    make_dossier(path)
    first = acquire_dossier_lock(path)
    try:
        with pytest.raises(DossierLockedError):
            acquire_dossier_lock(path)
    finally:
        first.release()
    first.release()  # twice is harmless
    acquire_dossier_lock(path).release()


def test_lock_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "projet.yaml"
    make_dossier(path)
    with acquire_dossier_lock(path):
        for lock_file in lock_paths(path):
            assert mode(lock_file) == 0o600
        data = json.loads(lock_paths(path)[1].read_text(encoding="utf-8"))
        assert sorted(data) == ["depuis", "hote", "pid", "utilisateur"]  # ids only


_READ_ONLY_LOCK = (
    PERMISSION_PROBE
    + """
import json, sys
from pathlib import Path
from synergy_wizard.answers.lock import acquire_dossier_lock
from synergy_wizard.errors import StorageError
folder = Path(sys.argv[1])
try:
    acquire_dossier_lock(folder / "projet.yaml")
    print(json.dumps({"applies": _permissions_apply(folder), "error": None}))
except StorageError as exc:
    print(json.dumps({"applies": _permissions_apply(folder), "error": [exc.message, exc.hint]}))
"""
)


def test_a_read_only_folder_cannot_be_locked_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    make_dossier(folder / "projet.yaml")
    folder.chmod(0o555)
    try:
        outcome = run_json(_READ_ONLY_LOCK, str(folder), unprivileged=True)
    finally:
        folder.chmod(0o700)
    assert outcome["applies"] is True
    assert outcome["error"] == [
        "Impossible de réserver le dossier « projet.yaml » pour le modifier : vous n'avez pas "
        f"les droits d'écriture ou de lecture dans « {folder} ».",
        "Il peut être ouvert en lecture seule ; pour le modifier, corrigez le problème puis "
        "réessayez.",
    ]
