"""Case 18: a non-UTF-8 locale (``LC_ALL=C PYTHONUTF8=0``) — accents, € and emoji survive.

The real program creates, renders and, in a pty, edits a dossier under the C locale; every
text comes back byte for byte. The storage side alone is in ``tests/unit/test_dossier_file.py``
(``test_round_trip_under_a_non_utf8_locale``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.loader import find_checklist
from tests.e2e.terminal import Terminal

from .helpers import BUNDLED_ID, child_env

pytestmark = pytest.mark.e2e

C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
NAME = "Crèche « Les Écureuils » — 12 500 € 😀"
NOTE = "Œuvre commune : coût 3 200 €, délai ½ an 🙂"


def test_create_render_and_type_under_the_c_locale(isolated_home: Path) -> None:
    env = child_env(**C_LOCALE)
    created = subprocess.run(
        [
            sys.executable,
            "-m",
            "synergy_wizard",
            "--dossiers",
            str(isolated_home),
            "new",
            "--checklist",
            BUNDLED_ID,
            "--project",
            NAME,
            "--auteur",
            "Zoë Noël",
        ],
        env=env,
        capture_output=True,
        check=False,
    )
    assert created.returncode == 0, created.stderr.decode("utf-8", "replace")
    [path] = isolated_home.glob("*.yaml")
    assert created.stdout.decode("utf-8") == f"Dossier créé : {path}\n"
    dossier = load_dossier(path)
    assert (dossier.project.name, dossier.project.author) == (NAME, "Zoë Noël")

    statut = next(q for q in find_checklist(BUNDLED_ID).questions if q.kind == "statut")
    dossier.position = statut.id
    save_dossier(dossier, path)
    terminal = Terminal(["--dossiers", str(isolated_home), "open", str(path)], env=C_LOCALE)
    try:
        terminal.wait_for_text(" ".join(statut.text.split()[:4]))
        terminal.send("\t")
        terminal.child.send(NOTE)
        terminal.wait_for_text("délai ½ an")
        terminal.send("\x11")  # Ctrl+Q
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
    saved = load_dossier(path)
    assert saved.answer(statut.id).note == NOTE
    assert saved.project.name == NAME

    rendered = subprocess.run(
        [sys.executable, "-m", "synergy_wizard", "render", str(path), "--format", "md"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert rendered.returncode == 0, rendered.stderr.decode("utf-8", "replace")
    markdown = path.with_suffix(".md").read_text(encoding="utf-8")
    assert NOTE in markdown
    assert "Crèche « Les Écureuils » — 12 500 € 😀" in markdown
