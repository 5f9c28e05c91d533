"""Case 3: an unhandled exception in the real program, in a real terminal.

The program is the real one (``synergy_wizard.cli.main`` in a pty) with one fault put in: the
« Résumé » action raises an error whose message quotes what the user typed, as a KeyError or a
ValueError on an answer would. The error dialog shows, the wizard goes on; nothing typed may
be lost, shown in a traceback or logged.
"""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pexpect
import pyte
import pytest

from synergy_wizard.answers.storage import load_dossier
from tests.e2e.terminal import COLUMNS, LINES, Terminal

from .helpers import ROOT, bundled_dossier

pytestmark = pytest.mark.e2e

SECRET = "Salaire de Mme Dupont 3 250 €"
MORE = " à revoir"
CRASH_LOG_NAME = "synergy-wizard-erreurs.log"

_FAULTY_PROGRAM = """
import sys
from synergy_wizard.tui.screens.walk import WalkScreen

def broken_summary(self):
    answers = self.session.dossier.answers
    raise RuntimeError("réponse illisible : " + repr(answers))

WalkScreen.action_summary = broken_summary
from synergy_wizard.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _plain(data: bytes) -> str:
    """Terminal output without its escape sequences, lines joined as a user reads them."""
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]", "", data.decode())
    return re.sub(r"\s*\r?\n\s*", " ", text.replace("\r", ""))


class FaultyTerminal(Terminal):
    """The real program, started through a wrapper that puts one fault in it."""

    def __init__(self, args: list[str]) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS),
            "LINES": str(LINES),
            "PYTHONPATH": str(ROOT),
        }
        env.pop("TEXTUAL", None)
        env.pop("SYNERGY_WIZARD_RAISE_ERRORS", None)  # errors caught, as for users
        self.child = pexpect.spawn(
            sys.executable,
            ["-c", _FAULTY_PROGRAM, *args],
            env=env,
            dimensions=(LINES, COLUMNS),
            timeout=30,
        )


def test_unexpected_error_keeps_answers_and_shows_no_answer_text(isolated_home: Path) -> None:
    path = isolated_home / "projet.yaml"
    _, question, words = bundled_dossier(path, value="non")
    terminal = FaultyTerminal(["--dossiers", str(isolated_home), "open", str(path)])
    raw = io.BytesIO()
    terminal.child.logfile_read = raw
    try:
        terminal.wait_for_text(words)
        terminal.send("\t")
        terminal.child.send(SECRET)
        terminal.wait_for_text(SECRET[-10:])
        terminal.pump(1.5)  # the typing pause: the note is in the dossier, and on disk
        terminal.child.send(MORE)  # then typed and not yet saved when the error comes
        terminal.wait_for_text(MORE.strip())
        typed_at = len(raw.getvalue())
        terminal.child.send("\x12")  # Ctrl+R: the broken action
        terminal.wait_for_text("Erreur inattendue")
        terminal.wait_for_text("Détails techniques, sans vos réponses")  # the whole dialog
        assert "Vos réponses sont enregistrées : vous pouvez continuer à travailler." in (
            terminal.text()
        )
        terminal.send("\x1b")  # Escape: the dialog closes, the question is still there
        terminal.wait_for_text(words)
        assert terminal.child.isalive()
        terminal.child.send(" fin")  # the wizard goes on: typing in the same note
        terminal.wait_for(
            lambda: " fin" in terminal.text().split("Note (facultative)")[-1], "' fin' typed", 30
        )
        terminal.send("\x11")  # Ctrl+Q
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()

    after_crash = raw.getvalue()[typed_at:].decode("utf-8", "replace")
    assert "Traceback" not in after_crash
    assert "RuntimeError" not in after_crash
    assert SECRET not in after_crash.split("\x1b[?1049l")[-1]  # nothing left on the screen
    assert "réponse illisible" not in after_crash

    saved = load_dossier(path)
    assert saved.answer(question).note == SECRET + MORE + " fin"
    assert saved.answer(question).value == "non"

    log = (isolated_home / CRASH_LOG_NAME).read_text(encoding="utf-8")
    assert "Erreur inattendue : builtins.RuntimeError" in log
    assert "broken_summary" in log  # the code it went through, by name
    assert "Dupont" not in log
    assert "réponse illisible" not in log
