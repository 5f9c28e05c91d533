"""Drive the real ``synergy-wizard`` program in a pseudo-terminal and read its screen.

pexpect gives the program a real pty (so Textual runs exactly as for a user); pyte replays
what the program writes to know what the screen shows, whatever the escape sequences.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte

COLUMNS, LINES = 80, 24


def entry_point() -> str:
    """The installed ``synergy-wizard`` script next to the running interpreter."""
    beside = Path(sys.executable).parent / "synergy-wizard"
    if beside.is_file():
        return str(beside)
    found = shutil.which("synergy-wizard")
    assert found, "the synergy-wizard entry point is not installed"
    return found


class Terminal:
    """A running program in an 80×24 pty, with its screen as text."""

    def __init__(self, args: list[str], env: dict[str, str] | None = None) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        full_env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS),
            "LINES": str(LINES),
            **(env or {}),
        }
        full_env.pop("TEXTUAL", None)
        self.child = pexpect.spawn(
            entry_point(), args, env=full_env, dimensions=(LINES, COLUMNS), timeout=30
        )

    def pump(self, seconds: float = 0.1) -> None:
        """Read whatever the program wrote during ``seconds`` into the screen."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:
                return
            if data:
                self.stream.feed(data)
            if time.monotonic() >= deadline:
                return

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, predicate: Callable[[], bool], what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump(0.2)
            if predicate():
                return
        raise AssertionError(f"timed out waiting for {what}; screen was:\n{self.text()}")

    def wait_for_text(self, needle: str, timeout: float = 30) -> None:
        self.wait_for(lambda: needle in self.text(), repr(needle), timeout)

    def send(self, keys: str) -> None:
        self.child.send(keys)
        self.pump(0.3)

    def wait_exit(self, timeout: float = 20) -> int:
        deadline = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < deadline:
            self.pump(0.2)
        assert not self.child.isalive(), f"the program did not exit; screen:\n{self.text()}"
        self.child.close()
        status = self.child.exitstatus
        assert status is not None, f"killed by signal {self.child.signalstatus}"
        return int(status)

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
