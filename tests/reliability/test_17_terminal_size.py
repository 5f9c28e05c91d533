"""Case 17: a terminal too small, then resized while typing — in a real pty.

80×24 is fully usable; below the minimum a notice says so; typed text, focus and the current
question survive the resizes. The same, step by step under Pilot, is in
``tests/tui/test_robustness.py`` (``test_the_minimum_size_notice_comes_and_goes``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from synergy_wizard.answers.storage import load_dossier
from tests.e2e.terminal import Terminal

from .helpers import bundled_dossier

pytestmark = pytest.mark.e2e


def _resize(terminal: Terminal, columns: int, lines: int) -> None:
    terminal.screen.resize(lines, columns)
    terminal.child.setwinsize(lines, columns)  # the kernel sends SIGWINCH, as a window does


def test_resizing_while_typing_keeps_the_text_and_the_question(isolated_home: Path) -> None:
    path = isolated_home / "projet.yaml"
    _, question, words = bundled_dossier(path, value="oui")
    # Without COLUMNS and LINES, the program asks the pty for its size, as in a real window.
    terminal = Terminal(
        ["--dossiers", str(isolated_home), "open", str(path)], env={"COLUMNS": "", "LINES": ""}
    )
    try:
        terminal.wait_for_text(words)
        terminal.send("\t")
        terminal.child.send("Texte tapé avant")
        terminal.wait_for_text("Texte tapé avant")

        _resize(terminal, 60, 18)
        terminal.wait_for_text("Fenêtre trop petite")
        shown = " ".join(" ".join(terminal.text().replace("│", " ").split()).split())
        assert "il faut au moins 80 colonnes sur 22 lignes (actuellement 60 × 18)" in shown
        assert "Vos réponses sont déjà enregistrées ; rien n'est perdu." in shown

        _resize(terminal, 100, 30)
        terminal.wait_for_text(words)
        terminal.child.send(", puis après")  # the focus is still in the note
        terminal.wait_for_text("Texte tapé avant, puis après")

        _resize(terminal, 80, 24)
        terminal.wait_for_text("Texte tapé avant, puis après")
        terminal.send("\x11")  # Ctrl+Q
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
    saved = load_dossier(path)
    assert saved.answer(question).note == "Texte tapé avant, puis après"
    assert saved.position == question
