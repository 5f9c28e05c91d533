"""Case 1: a real process killed with SIGKILL at random moments, during and between saves."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from synergy_wizard.answers.backup import list_backups
from synergy_wizard.answers.storage import load_dossier

from .helpers import child_env, make_dossier, mode, run_json, temp_files

ITERATIONS = 60
SEED = 20260112

# Saves new states without end, as fast as it can, printing the number of each completed save.
# Every save also writes (and prunes) a backup, so that kills land in those writes too.
_SAVER = """
import sys
from datetime import timedelta
from pathlib import Path
from synergy_wizard.answers import backup
from synergy_wizard.answers.storage import load_dossier, save_dossier

backup.BACKUP_INTERVAL = timedelta(0)
path = Path(sys.argv[1])
dossier = load_dossier(path)
state = int(dossier.answers["description"].note.split("\\n")[0].removeprefix("état "))
while True:
    state += 1
    dossier.update_answer("description", note=f"état {state}\\n" + "é€😀" * 2_000)
    dossier.update_answer("porteur", value=("commune", "cpas", "conjoint")[state % 3])
    save_dossier(dossier, path)
    print(state, flush=True)
"""

_RESTART = """
import json, sys
from pathlib import Path
from synergy_wizard.answers.storage import DossierStore

store = DossierStore(Path(sys.argv[1]))
print(json.dumps({
    "removed": [p.name for p in store.removed_temp_files],
    "errors": [entry.error for entry in store.list()],
}))
"""


def _state(path: Path) -> int:
    dossier = load_dossier(path)  # raises if the file is not a whole, valid dossier
    note = dossier.answers["description"].note
    state = int(note.split("\n")[0].removeprefix("état "))
    assert note == f"état {state}\n" + "é€😀" * 2_000 or state == 0
    if state:
        assert dossier.answer("porteur").value == ("commune", "cpas", "conjoint")[state % 3]
    return state


def _read_reports(stream: int, timeout: float) -> list[int]:
    """Completed saves reported on ``stream`` within ``timeout`` (at least one is awaited)."""
    data = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in data and time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], 0.05)
        if ready:
            chunk = os.read(stream, 65536)
            if not chunk:
                break
            data += chunk
    return [int(n) for n in data.split()]


def test_sigkill_at_random_moments_never_corrupts_the_dossier(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    path = folder / "projet.yaml"
    make_dossier(path, notes={"description": "état 0"})
    chance = random.Random(SEED)
    corrupted = 0
    killed_mid_save = 0
    previous = 0
    for _ in range(ITERATIONS):
        child = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(path)],
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert child.stdout is not None
        reported = _read_reports(child.stdout.fileno(), 20)
        time.sleep(chance.uniform(0.0, 0.12))  # then kill at any moment of the save loop
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()
        child.stdout.close()
        reported += [int(n) for n in rest.split()]
        assert child.returncode == -signal.SIGKILL
        try:
            state = _state(path)
        except Exception:
            corrupted += 1
            raise
        last = reported[-1] if reported else previous
        # The file holds the last completed save, or the one killed after its rename.
        assert state in (last, last + 1), (state, last)
        killed_mid_save += state == last + 1
        assert mode(path) == 0o600
        for backup in list_backups(path):  # every backup is whole too
            assert backup.load().answers["description"].note.startswith("état ")
            assert mode(backup.path) == 0o600
        assert state > previous or (state == previous and not reported)
        previous = state

    stranded = temp_files(folder) + temp_files(folder / ".sauvegardes")
    restart = run_json(_RESTART, str(folder))
    print(
        f"\n[cas 1] itérations : {ITERATIONS}, fichiers corrompus : {corrupted}, "
        f"sauvegardes terminées : {previous}, tuées après le remplacement : {killed_mid_save}, "
        f"fichiers temporaires nettoyés au redémarrage : {len(restart['removed'])}"  # type: ignore[arg-type]
    )
    assert corrupted == 0
    assert sorted(restart["removed"]) == sorted(stranded)  # type: ignore[type-var]
    assert restart["errors"] == [""]  # one dossier, readable
    assert temp_files(folder) == [] and temp_files(folder / ".sauvegardes") == []
    assert sorted(p.name for p in folder.iterdir()) == [".sauvegardes", "projet.yaml"]
    assert 1 <= len(list_backups(path)) <= 10
