"""The real ``synergy-wizard`` program, in a real pseudo-terminal, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.loader import find_checklist

from .terminal import Terminal, entry_point

pytestmark = pytest.mark.e2e

CTRL_Q = "\x11"


def _new_dossier(home: Path) -> Path:
    """Create a dossier in the dossier folder with the real command, as a user would."""
    subprocess.run(
        [
            entry_point(),
            "--dossiers",
            str(home),
            "new",
            "--checklist",
            "batiment-commun",
            "--project",
            "Maison commune",
        ],
        check=True,
        capture_output=True,
    )
    return home / "maison-commune.yaml"


def _wait_for_file(path: Path, predicate: object, timeout: float = 15) -> None:
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate(load_dossier(path)):
            return
        time.sleep(0.2)
    raise AssertionError(f"{path} never reached the expected state")


def test_answer_in_a_real_terminal_then_quit(isolated_home: Path) -> None:
    path = _new_dossier(isolated_home)
    checklist = find_checklist("batiment-commun")
    question = next(q for q in checklist.questions if q.kind == "statut")
    dossier = load_dossier(path)
    dossier.position = question.id  # resume on a statut question
    save_dossier(dossier, path)

    terminal = Terminal(["--dossiers", str(isolated_home), "open", str(path)])
    try:
        first_words = " ".join(question.text.split()[:3])
        terminal.wait_for_text(first_words)
        # The Footer shows the keys (in the same image, maybe read a moment later).
        terminal.wait_for_text("Quitter")

        terminal.send("1")  # key 1 = « Oui »
        _wait_for_file(path, lambda d: d.answer(question.id).value == "oui")

        terminal.send(CTRL_Q)
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()

    saved = load_dossier(path)
    assert saved.answer(question.id).value == "oui"
    assert saved.position == question.id
    text = path.read_text(encoding="utf-8")
    assert f"{question.id}:\n    valeur: oui" in text


def test_reopen_in_a_real_terminal_resumes_where_left(isolated_home: Path) -> None:
    path = _new_dossier(isolated_home)
    checklist = find_checklist("batiment-commun")
    target = checklist.questions[5]
    dossier = load_dossier(path)
    dossier.position = target.id
    save_dossier(dossier, path)

    terminal = Terminal(["--dossiers", str(isolated_home)])
    try:
        terminal.wait_for_text("Maison commune")  # the home screen lists the dossier
        terminal.send("\r")  # open it
        terminal.wait_for_text(" ".join(target.text.split()[:3]))
        terminal.send(CTRL_Q)
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()


def test_missing_dossier_is_reported_without_starting_the_ui(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "synergy_wizard", "open", str(tmp_path / "absent.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "n'existe pas" in result.stderr
