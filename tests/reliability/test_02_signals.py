"""Case 2: SIGTERM, SIGHUP and a closed terminal, sent to the real program in a pty.

A note is typed and the signal arrives before the typing pause that would save it (the
debounce): the program must save it anyway, leave the terminal as it found it (alternate
screen left: ``ESC [ ? 1049 l``) and exit with status 0. Everything is there on restart.
"""

from __future__ import annotations

import io
import os
import signal
import time
from pathlib import Path

import pytest

from synergy_wizard.answers.storage import load_dossier
from tests.e2e.terminal import Terminal

from .helpers import bundled_dossier

pytestmark = pytest.mark.e2e

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
NOTE = "Réunion du 12 janvier : accord de principe, coût 1 250 €"


def _open_on_note(home: Path) -> tuple[Path, str, Terminal, io.BytesIO]:
    path = home / "projet.yaml"
    _, question, words = bundled_dossier(path, value="oui")
    terminal = Terminal(["--dossiers", str(home), "open", str(path)])
    raw = io.BytesIO()
    terminal.child.logfile_read = raw
    terminal.wait_for_text(words)
    terminal.child.send("\t")  # from the answer to the note
    terminal.pump(0.3)
    terminal.child.send(NOTE)
    # As soon as the note is on screen, well inside the debounce: nothing saved yet.
    deadline = time.monotonic() + 20
    while NOTE[-12:] not in terminal.text() and time.monotonic() < deadline:
        terminal.pump(0.02)
    return path, question, terminal, raw


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_saves_restores_the_terminal_and_exits_cleanly(
    isolated_home: Path, signum: int
) -> None:
    path, question, terminal, raw = _open_on_note(isolated_home)
    try:
        assert load_dossier(path).answer(question).note == ""  # typed, not yet saved
        os.kill(terminal.child.pid, signum)
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
    assert LEAVE_ALTERNATE_SCREEN in raw.getvalue()
    saved = load_dossier(path)
    assert saved.answer(question).note == NOTE
    assert saved.answer(question).value == "oui"
    assert saved.position == question


def test_closing_the_terminal_saves_what_was_typed(isolated_home: Path) -> None:
    """The terminal window itself is closed: the pty goes away, the kernel sends SIGHUP."""
    path, question, terminal, _ = _open_on_note(isolated_home)
    pid = terminal.child.pid
    os.close(terminal.child.child_fd)  # what a terminal emulator does when its window closes
    deadline = time.monotonic() + 20
    status = None
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.1)
    else:  # pragma: no cover - reported as a failure below
        os.kill(pid, signal.SIGKILL)
    assert status is not None and os.WIFEXITED(status), f"ended by {status}"
    assert load_dossier(path).answer(question).note == NOTE
