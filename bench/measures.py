"""The five groups of measurements, each turned into table rows with a baseline and a target.

1. start and 2. opening dossiers (with peak memory): whole processes in a pseudo-terminal,
   interleaved run by run with the empty Textual application;
3. key-to-frame latency: keys sent to the real program in the pseudo-terminal;
4. load + validate, and 5. rendering: see :mod:`bench.measures_render`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pexpect

from bench import scenarios
from bench.report import Row, Summary, Target
from bench.scenarios import Case
from bench.terminal import ProgramEnded

BENCH_DIR = Path(__file__).resolve().parent
START_NEEDLES = ["Banc d'essai"]
EMPTY_APP = "application Textual vide"

Log = Callable[[str], None]


def summary_of(values: list[float]) -> Summary | None:
    return Summary.of(values) if values else None


T = TypeVar("T")


def attempt(action: Callable[[], T], failures: list[str]) -> T | None:
    """Run one measurement; a program that fails or never shows its screen is noted, and the
    benchmark goes on (the row then says why it was not measured)."""
    try:
        return action()
    except (TimeoutError, ProgramEnded, OSError, pexpect.ExceptionPexpect) as error:
        failures.append(str(error).splitlines()[0] if str(error) else type(error).__name__)
        return None


def failure_reason(values: list[float], failures: list[str]) -> str:
    return f"échec : {failures[0]}" if failures and not values else ""


# --- 1 and 2: start, open, memory ---------------------------------------------------------


class _ScreenRuns:
    """The runs of one program on screen: times, processor times, peak memory, failures."""

    def __init__(self) -> None:
        self.seconds: list[float] = []
        self.first_frame: list[float] = []
        self.cpu: list[float] = []
        self.peak_mb: list[float] = []
        self.failures: list[str] = []

    def run(self, action: Callable[[], scenarios.ScreenRun]) -> None:
        result = attempt(action, self.failures)
        if result is None:
            return
        self.seconds.append(result.seconds)
        for values, value in (
            (self.first_frame, result.first_frame),
            (self.cpu, result.cpu),
            (self.peak_mb, result.peak_mb),
        ):
            if value is not None:
                values.append(value)

    @property
    def reason(self) -> str:
        return failure_reason(self.seconds, self.failures)


def measure_screens(
    cases: list[Case], home: Path, runs: int, size: tuple[int, int], log: Log
) -> list[Row]:
    """Start and open, interleaved run by run with the empty application (same conditions)."""
    empty, start = _ScreenRuns(), _ScreenRuns()
    opened = {case.checklist_id: _ScreenRuns() for case in cases}
    for run in range(runs):
        log(f"démarrage et ouverture des dossiers, passage {run + 1}/{runs}")
        empty.run(lambda: scenarios.start_empty(*size))
        start.run(lambda: scenarios.start_program(home, START_NEEDLES, *size))
        for case in cases:
            opened[case.checklist_id].run(
                lambda case=case: scenarios.open_dossier(case, *size)  # type: ignore[misc]
            )
    base, base_cpu = summary_of(empty.seconds), summary_of(empty.cpu)
    rows = [
        Row(
            "start",
            "Démarrage jusqu'à l'écran d'accueil",
            "s",
            summary_of(start.seconds),
            base,
            EMPTY_APP,
            Target("ratio", "<=", 1.25, "≤ 1,25× l'app. vide"),
            reason=start.reason or empty.reason,
            cpu=summary_of(start.cpu),
            baseline_cpu=base_cpu,
        ),
        Row(
            "start-first-frame",
            "Démarrage jusqu'à la première image",
            "s",
            summary_of(start.first_frame),
            summary_of(empty.first_frame),
            EMPTY_APP,
            reason=start.reason,
        ),
    ]
    for case in cases:
        runs_of = opened[case.checklist_id]
        rows.append(
            Row(
                f"open/{case.checklist_id}",
                f"Ouverture, {case.checklist_id} ({case.questions} q.)",
                "s",
                summary_of(runs_of.seconds),
                base,
                EMPTY_APP,
                Target("ratio", "<=", 1.4, "≤ 1,4× l'app. vide"),
                reason=runs_of.reason,
                cpu=summary_of(runs_of.cpu),
                baseline_cpu=base_cpu,
            )
        )
    for case in cases:
        runs_of = opened[case.checklist_id]
        rows.append(
            Row(
                f"memory/{case.checklist_id}",
                f"Mémoire max. à l'ouverture, {case.checklist_id}",
                "Mo",
                summary_of(runs_of.peak_mb),
                summary_of(empty.peak_mb),
                EMPTY_APP,
                Target("median", "<=", 80, "≤ 80 Mo"),
                reason=runs_of.reason or ("" if runs_of.peak_mb else "/proc indisponible"),
            )
        )
    return rows


# --- 3: key to frame ----------------------------------------------------------------------


def _median(values: list[float]) -> float | None:
    return Summary.of(values).median if values else None


def _p90(values: list[float]) -> float | None:
    return Summary.of(values).p90 if values else None


def measure_latency(cases: list[Case], keys: int, size: tuple[int, int], log: Log) -> list[Row]:
    log("latence des touches, application vide")
    base_failures: list[str] = []
    baseline = attempt(lambda: scenarios.latency_empty(keys, *size), base_failures)
    base = summary_of(baseline.all) if baseline else None
    rows = []
    for case in cases:
        log(f"latence des touches, {case.checklist_id}")
        failures: list[str] = []
        measured = (
            attempt(
                lambda case=case: scenarios.latency_program(case, keys, *size),  # type: ignore[misc]
                failures,
            )
            or scenarios.Latencies()
        )
        extra = {
            "answer": _median(measured.answer),
            "answer_p90": _p90(measured.answer),
            "move": _median(measured.move),
            "move_p90": _p90(measured.move),
            "answer_first": _median(measured.answer_first),
            "move_first": _median(measured.move_first),
            "move_first_p90": _p90(measured.move_first),
            "burst_end": _median(measured.burst_end),
            "burst_end_p90": _p90(measured.burst_end),
            "silent_keys": measured.silent,
        }
        for metric, limit, text in (
            ("median", 0.016, "médiane ≤ 16 ms"),
            ("p90", 0.033, "p90 ≤ 33 ms"),
        ):
            rows.append(
                Row(
                    f"latency-{metric}/{case.checklist_id}",
                    f"Touche → image ({metric}), {case.checklist_id}",
                    "ms",
                    summary_of(measured.all),
                    base,
                    EMPTY_APP,
                    Target(metric, "<=", limit, text),
                    reason=failure_reason(measured.all, failures),
                    extra=extra,
                )
            )
    return rows
