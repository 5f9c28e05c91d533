"""The measurements that run whole processes: the wizard in a pty, ``render``, WeasyPrint.

Every function returns raw numbers (seconds, megabytes); ``bench/run.py`` turns them into
rows with medians, ratios and verdicts.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.empty_app import READY
from bench.launch import FOLDER_ENV, MODULES_ENV
from bench.terminal import PAGE_DOWN, KeyTiming, TimedTerminal

BENCH_DIR = Path(__file__).resolve().parent


def program() -> list[str]:
    """The installed ``synergy-wizard`` entry point (next to this Python), else the module."""
    beside = Path(sys.executable).parent / "synergy-wizard"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("synergy-wizard")
    return [found] if found else [sys.executable, "-m", "synergy_wizard"]


def empty_app() -> list[str]:
    return [sys.executable, str(BENCH_DIR / "empty_app.py")]


@dataclass(frozen=True)
class Case:
    """One dossier to open: its checklist, where it lives, what shows it is open."""

    checklist_id: str
    questions: int
    checklist_path: Path
    pristine: Path
    """An untouched copy, copied over ``dossier`` before every run (the wizard saves)."""
    dossier: Path
    home: Path
    needle: str
    """Text of the first question: on screen means the dossier is open and usable."""
    launcher_folder: Path | None = None
    """For the generated checklist: the bundled folder the launcher points to."""

    def argv(self, *args: str) -> tuple[list[str], dict[str, str]]:
        if self.launcher_folder is None:
            return [*program(), *args], {}
        launcher = [sys.executable, str(BENCH_DIR / "launch.py"), *args]
        return launcher, {FOLDER_ENV: str(self.launcher_folder)}

    def reset(self) -> None:
        shutil.copyfile(self.pristine, self.dossier)


@dataclass
class ScreenRun:
    seconds: float
    """Until the awaited text was on screen."""
    peak_mb: float | None
    first_frame: float | None = None
    """Until the screen first showed anything."""
    cpu: float | None = None
    """Processor time used until then."""


def start_empty(columns: int, lines: int) -> ScreenRun:
    terminal = TimedTerminal(empty_app(), columns=columns, lines=lines)
    try:
        seconds = terminal.wait_for([READY])
        cpu = terminal.cpu_seconds()
        return ScreenRun(seconds, terminal.peak_rss_mb(), terminal.first_text, cpu)
    finally:
        terminal.quit()


def start_program(home: Path, needles: list[str], columns: int, lines: int) -> ScreenRun:
    """The wizard on its home screen: the list of dossiers is shown."""
    terminal = TimedTerminal([*program(), "--dossiers", str(home)], columns=columns, lines=lines)
    try:
        seconds = terminal.wait_for(needles)
        cpu = terminal.cpu_seconds()
        return ScreenRun(seconds, terminal.peak_rss_mb(), terminal.first_text, cpu)
    finally:
        terminal.quit()


def open_dossier(case: Case, columns: int, lines: int) -> ScreenRun:
    """``synergy-wizard open DOSSIER`` until its first question is on screen."""
    case.reset()
    argv, env = case.argv("--dossiers", str(case.home), "open", str(case.dossier))
    terminal = TimedTerminal(argv, env=env, columns=columns, lines=lines)
    try:
        seconds = terminal.wait_for([case.needle])
        cpu = terminal.cpu_seconds()
        terminal.settle(quiet=0.2, limit=3)
        return ScreenRun(seconds, terminal.peak_rss_mb(), None, cpu)
    finally:
        terminal.quit()


@dataclass
class Latencies:
    """Seconds from each key to the image it led to (see :attr:`.KeyTiming.final`)."""

    answer: list[float] = field(default_factory=list)
    move: list[float] = field(default_factory=list)
    answer_first: list[float] = field(default_factory=list)
    """From each answering key to the first byte of its frames."""
    move_first: list[float] = field(default_factory=list)
    """From each moving key to the first byte of its frames (the new question drawn)."""
    burst_end: list[float] = field(default_factory=list)
    """From each key to the last byte of its burst of output, repeated images included."""
    silent: int = 0
    """Keys after which the screen did not change (e.g. a digit on a multiple choice)."""

    @property
    def all(self) -> list[float]:
        return self.answer + self.move


def key_sequence(count: int) -> list[tuple[str, str]]:
    """Alternately answer the question (key 2) and move to the next one (Page Down)."""
    return [("answer", "2") if i % 2 == 0 else ("move", PAGE_DOWN) for i in range(count)]


MULTIPLE_CHOICE_HINT = "décochez"
"""A word of the hint the wizard shows under a multiple-choice question."""


CHOSEN_SECOND = "● 2 "
"""How the wizard shows a statut or a choice question whose second choice is chosen."""


def answer_key(screen: str, key: str) -> str:
    """The key that changes the answer of the question on ``screen``: ``key`` (2: the
    second choice of a statut or a choice, a character typed in a text); 1 when the second
    choice is already chosen; Space (toggle) on a multiple choice. A key that changes
    nothing draws nothing: it would time whatever the screen draws next instead."""
    if MULTIPLE_CHOICE_HINT in screen:
        return " "
    return "1" if CHOSEN_SECOND in screen else key


def _time_keys(terminal: TimedTerminal, keys: int) -> Latencies:
    result = Latencies()
    for kind, key in key_sequence(keys):
        if kind == "answer":
            key = answer_key(terminal.text(), key)
        timing: KeyTiming | None = terminal.time_key(key)
        if timing is None:
            result.silent += 1
            continue
        result.burst_end.append(timing.last)
        if kind == "answer":
            result.answer.append(timing.final)
            result.answer_first.append(timing.first)
        else:
            result.move.append(timing.final)
            result.move_first.append(timing.first)
    return result


def latency_empty(keys: int, columns: int, lines: int) -> Latencies:
    terminal = TimedTerminal(empty_app(), columns=columns, lines=lines)
    try:
        terminal.wait_for([READY])
        terminal.settle(quiet=0.5)
        return _time_keys(terminal, keys)
    finally:
        terminal.quit()


def latency_program(case: Case, keys: int, columns: int, lines: int) -> Latencies:
    case.reset()
    argv, env = case.argv("--dossiers", str(case.home), "open", str(case.dossier))
    terminal = TimedTerminal(argv, env=env, columns=columns, lines=lines)
    try:
        terminal.wait_for([case.needle])
        terminal.settle(quiet=0.5)
        return _time_keys(terminal, keys)
    finally:
        terminal.quit()


@dataclass
class ProcessRun:
    seconds: float
    returncode: int
    stderr: str
    cpu: float = 0.0
    """Processor time of the process (user + system)."""


def run_process(
    argv: list[str], env: dict[str, str] | None = None, timeout: float = 300
) -> ProcessRun:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(
        argv,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return ProcessRun(seconds, completed.returncode, completed.stderr.strip(), cpu)


def render_process(case: Case, fmt: str, output: Path) -> ProcessRun:
    argv, env = case.argv("render", str(case.pristine), "--format", fmt, "-o", str(output))
    return run_process(argv, env)


def render_modules(case: Case, output: Path, listing: Path) -> list[str]:
    """The modules ``render --format html`` loads (through the launcher, which lists them)."""
    folder = case.launcher_folder
    env = {MODULES_ENV: str(listing), **({FOLDER_ENV: str(folder)} if folder else {})}
    argv = [sys.executable, str(BENCH_DIR / "launch.py")]
    run = run_process([*argv, "render", str(case.pristine), "-o", str(output)], env)
    if run.returncode != 0 or not listing.is_file():
        return []
    return listing.read_text(encoding="utf-8").split()


def interpreter_start() -> ProcessRun:
    return run_process([sys.executable, "-c", "pass"])


BARE_WEASYPRINT = (
    "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])"
)


def bare_weasyprint(html: Path, output: Path) -> ProcessRun:
    return run_process([sys.executable, "-c", BARE_WEASYPRINT, str(html), str(output)])
