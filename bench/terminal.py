"""A program in a pseudo-terminal, timed: time to a text on screen, key-to-frame, peak memory.

pexpect gives the program a real pty, so Textual runs exactly as for a user (same driver,
same output); pyte replays what the program writes, so "on screen" means what a terminal
would show, whatever the escape sequences.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pyte

CTRL_Q = "\x11"
PAGE_DOWN = "\x1b[6~"


@dataclass(frozen=True)
class KeyTiming:
    """When the terminal received the output a key caused, and when the image was final."""

    first: float
    """Seconds from sending the key to the first byte of output."""
    final: float
    """Seconds from sending the key to the output after which the image on screen
    (characters, colours, styles, cursor) no longer changed: what the user sees then is
    what the key led to. Later output of the burst only drew the same image again."""
    last: float
    """Seconds from sending the key to the last byte of the burst."""


Image = tuple[object, tuple[int, int] | None]
"""A comparable picture of the screen (see :meth:`TimedTerminal.image`)."""


class TimedTerminal:
    """A running program in a ``columns``×``lines`` pty, with its screen as text."""

    def __init__(
        self,
        argv: list[str],
        *,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        columns: int = 80,
        lines: int = 24,
    ) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        full_env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(lines),
            **(env or {}),
        }
        for name in ("TEXTUAL", "TEXTUAL_DEBUG", "TEXTUAL_LOG"):
            full_env.pop(name, None)
        self.first_text: float | None = None
        """Seconds from the start until the screen first showed any text (the first frame)."""
        self.started = time.perf_counter()
        self.child = pexpect.spawn(
            argv[0],
            argv[1:],
            env=full_env,
            cwd=str(cwd) if cwd else None,
            dimensions=(lines, columns),
            timeout=60,
        )
        self.child.delaybeforesend = None  # pexpect waits 50 ms before each send by default

    # --- reading the screen -----------------------------------------------------------

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def _read(self, timeout: float) -> bytes:
        try:
            data: bytes = self.child.read_nonblocking(1 << 20, timeout=timeout)
        except pexpect.TIMEOUT:
            return b""
        except pexpect.EOF:
            raise ProgramEnded(self.text()) from None
        if data:
            self.stream.feed(data)
            if self.first_text is None and self.text().strip():
                self.first_text = time.perf_counter() - self.started
        return data

    def wait_for(self, needles: list[str], timeout: float = 60) -> float:
        """Seconds from the start of the program until every needle is on screen."""
        deadline = self.started + timeout
        while True:
            data = self._read(0.01)
            if data and all(needle in self.text() for needle in needles):
                return time.perf_counter() - self.started
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{needles!r} never appeared; screen was:\n{self.text()}")

    def settle(self, quiet: float = 0.3, limit: float = 5.0) -> None:
        """Read output until the program has written nothing for ``quiet`` seconds."""
        end = time.perf_counter() + limit
        last = time.perf_counter()
        while time.perf_counter() < end:
            if self._read(0.02):
                last = time.perf_counter()
            elif time.perf_counter() - last >= quiet:
                return

    # --- keys ---------------------------------------------------------------------------

    def time_key(self, key: str, *, quiet: float = 0.12, limit: float = 3.0) -> KeyTiming | None:
        """Send ``key`` and time the frames it causes; None when the screen did not react.

        The burst of output that follows a key is the frame (or the few frames) Textual
        draws in response: it ends when nothing more arrives for ``quiet`` seconds.
        """
        self.settle(quiet=quiet, limit=limit)
        sent = time.perf_counter()
        self.child.send(key)
        images: list[tuple[float, Image]] = []
        while True:
            now = time.perf_counter()
            if now - sent > limit or (images and now - (sent + images[-1][0]) > quiet):
                break
            if self._read(0.005):
                images.append((time.perf_counter() - sent, self.image()))
        if not images:
            return None
        final_image = images[-1][1]
        final = images[-1][0]
        for arrived, image in reversed(images):
            if image != final_image:
                break
            final = arrived
        return KeyTiming(images[0][0], final, images[-1][0])

    def image(self) -> Image:
        """What the screen shows: every cell (character, colours, styles) and, when it is
        visible, the cursor (a hidden cursor moves while a frame is drawn: unseen)."""
        buffer = self.screen.buffer
        columns = range(self.screen.columns)
        cells = tuple(tuple(buffer[y][x] for x in columns) for y in range(self.screen.lines))
        cursor = self.screen.cursor
        return cells, None if cursor.hidden else (cursor.x, cursor.y)

    # --- the process --------------------------------------------------------------------

    def peak_rss_mb(self) -> float | None:
        """The peak resident memory of the program so far (VmHWM), in megabytes."""
        return peak_rss_mb(self.child.pid)

    def cpu_seconds(self) -> float | None:
        """Processor time the program has used so far (user + system)."""
        return cpu_seconds(self.child.pid)

    def quit(self, timeout: float = 15) -> None:
        """Ask the program to quit (Ctrl+Q), then force it after ``timeout`` seconds."""
        if self.child.isalive():
            self.child.send(CTRL_Q)
        deadline = time.perf_counter() + timeout
        while self.child.isalive() and time.perf_counter() < deadline:
            try:
                self._read(0.05)
            except ProgramEnded:
                break
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close()


class ProgramEnded(RuntimeError):
    """The program ended while the benchmark was waiting for it."""


def cpu_seconds(pid: int) -> float | None:
    """User + system time of ``pid`` from ``/proc`` (Linux), in seconds; None elsewhere.

    Unlike the time on the clock, it hardly depends on what else the machine is doing.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float | None:
    """VmHWM of ``pid`` from ``/proc`` (Linux), in megabytes; None elsewhere."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None
