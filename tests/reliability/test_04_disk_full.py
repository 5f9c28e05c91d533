"""Case 4: a full disk, for real — a small tmpfs filled to the last byte.

The file system is mounted in private user and mount namespaces (``unshare``), which needs
no root on a usual Linux machine and leaves the host untouched. A write that fails half-way
on a file size limit (EFBIG) is covered by ``tests/unit/test_storage.py``
(``test_a_failed_write_keeps_the_previous_file``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from .helpers import child_env

_FULL_DISK = """
import json, os, sys
from pathlib import Path
from synergy_wizard.answers.model import Dossier
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.errors import StorageError

folder = Path(sys.argv[1]) / "dossiers"
path = folder / "projet.yaml"
dossier = Dossier.model_validate(
    {"projet": {"nom": "Plein"}, "checklist": {"id": "mini", "version": "1", "empreinte": "e"}}
)
dossier.update_answer("description", note="première version")
save_dossier(dossier, path)
before = path.read_bytes()

filler = Path(sys.argv[1]) / "remplissage"
fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
try:
    while True:
        os.write(fd, b"x" * 512)
except OSError as exc:
    full_errno = exc.errno
finally:
    os.close(fd)

dossier.update_answer("description", note="deuxième version " + "é" * 20_000)
try:
    save_dossier(dossier, path)
    failure = None
except StorageError as exc:
    failure = [exc.message, exc.hint]
after_failure = path.read_bytes() == before
temps = sorted(p.name for p in folder.rglob("*.tmp"))

filler.unlink()  # room again
save_dossier(dossier, path)
print(json.dumps({
    "errno": full_errno,
    "failure": failure,
    "intact": after_failure,
    "temps": temps,
    "note": load_dossier(path).answers["description"].note[:17],
    "path": str(path),
}))
"""


def test_full_disk_keeps_the_previous_file_and_the_next_save_works(tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    assert unshare, "util-linux « unshare » is needed to mount a small file system"
    mount_point = tmp_path / "petit-disque"
    mount_point.mkdir()
    script = (
        'mount -t tmpfs -o size=256k,mode=0700 tmpfs "$1" && shift && exec "$@"'  # in the namespace
    )
    result = subprocess.run(
        [
            unshare,
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            script,
            "sh",
            str(mount_point),
            sys.executable,
            "-c",
            _FULL_DISK,
            str(mount_point),
        ],
        env=child_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, (
        "could not run in a private mount namespace (unprivileged user namespaces disabled?):\n"
        + result.stderr
    )
    outcome = json.loads(result.stdout)
    assert outcome["errno"] == 28  # ENOSPC: the disk really was full
    path = outcome["path"]
    assert outcome["failure"] == [
        f"Impossible d'enregistrer « {path} » : le disque est plein.",
        "Le fichier précédent n'a pas été modifié. Corrigez le problème puis réessayez, "
        "ou enregistrez le dossier ailleurs.",
    ]
    assert outcome["intact"] is True
    assert outcome["temps"] == []
    assert outcome["note"] == "deuxième version "
