"""Case 20: sensitive data hygiene — every file the program writes is user-only.

Checked in a process with the usual umask (022), which would otherwise make new files
readable by everyone. The crash log holds the error's type and code places, never answer text
(checked through the real program in ``test_03_unexpected_error``).
"""

from __future__ import annotations

import stat
from pathlib import Path

from .helpers import run_json

_EVERYTHING = """
import json, os, sys
from datetime import timedelta
from pathlib import Path

os.umask(0o022)
from synergy_wizard.answers import backup
from synergy_wizard.answers.fileio import append_private_text
from synergy_wizard.answers.lock import acquire_dossier_lock
from synergy_wizard.answers.model import ProjectInfo
from synergy_wizard.answers.storage import DossierStore, save_dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.render import write_dossier

folder = Path(sys.argv[1]) / "dossiers"
checklist = load_checklist(Path(sys.argv[2]))
store = DossierStore(folder)
path, dossier = store.create(checklist, ProjectInfo(name="Projet confidentiel"))
dossier.update_answer("description", note="Salaire de Mme Dupont")
save_dossier(dossier, path)                       # a backup of the first version
lock = acquire_dossier_lock(path)
path.write_bytes(b"projet: [abime")               # damaged meanwhile: kept aside on save
save_dossier(dossier, path)
exports = [
    write_dossier(checklist, dossier, fmt, folder / f"projet.{fmt}") for fmt in ("html", "md")
]
append_private_text(folder / "journal.log", "une ligne\\n")
lock.release()
lock = acquire_dossier_lock(path)
modes = {
    str(p.relative_to(folder)): oct(p.stat().st_mode & 0o777)
    for p in sorted(folder.rglob("*"))
}
print(json.dumps(modes))
"""


def test_every_file_written_is_private(tmp_path: Path, mini_checklist_path: Path) -> None:
    modes = run_json(_EVERYTHING, str(tmp_path), str(mini_checklist_path))
    kinds = {
        "dossier": [n for n in modes if n == "projet-confidentiel.yaml"],
        "backup": [n for n in modes if n.startswith(".sauvegardes/")],
        "kept aside": [n for n in modes if ".corrompu-" in n],
        "lock": [n for n in modes if n.endswith((".lock", ".lock-info"))],
        "export": [n for n in modes if n.endswith((".html", ".md"))],
        "log": [n for n in modes if n.endswith(".log")],
    }
    for kind, names in kinds.items():
        assert names, f"no {kind} file was written"
    assert len(kinds["lock"]) == 2 and len(kinds["export"]) == 2
    assert modes.pop(".sauvegardes") == "0o700"
    assert modes == dict.fromkeys(modes, "0o600"), modes


def test_crash_log_is_private(tmp_path: Path) -> None:
    import os

    from synergy_wizard.tui.crash import write_crash_log

    previous = os.umask(0o022)
    try:
        log = write_crash_log(tmp_path, RuntimeError("texte de réponse"))
    finally:
        os.umask(previous)
    assert log is not None
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
