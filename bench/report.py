"""Summaries of repeated measurements, targets and verdicts, the printed table and the JSON."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

MET = "atteint"
NOT_MET = "non atteint"
NOT_MEASURED = "non mesuré"
INFO = "—"


@dataclass(frozen=True)
class Summary:
    """Median and spread of a series of measurements (seconds, megabytes...)."""

    n: int
    median: float
    min: float
    max: float
    p90: float
    spread: float
    """(max − min) / median: how much the runs disagree."""
    values: tuple[float, ...]

    @classmethod
    def of(cls, values: list[float]) -> Summary:
        ordered = sorted(values)
        median = statistics.median(ordered)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        spread = (ordered[-1] - ordered[0]) / median if median else 0.0
        return cls(len(ordered), median, ordered[0], ordered[-1], p90, spread, tuple(values))


@dataclass(frozen=True)
class Target:
    """What the issue asks: ``value`` compared with ``op`` to the measured ``metric``."""

    metric: str
    """``median``, ``p90`` or ``ratio`` (median of the program / median of the baseline)."""
    op: str
    """``<=`` or ``==``."""
    value: float
    text: str
    """The target as written in the documentation, e.g. « ≤ 1,25× l'application vide »."""


@dataclass
class Row:
    """One line of the table: a measurement of the program, its baseline, target and verdict."""

    id: str
    label: str
    unit: str
    program: Summary | None = None
    baseline: Summary | None = None
    baseline_label: str = ""
    target: Target | None = None
    verdict: str = INFO
    reason: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    cpu: Summary | None = None
    """Processor time of the same runs: it hardly depends on the load of the machine."""
    baseline_cpu: Summary | None = None

    @property
    def ratio(self) -> float | None:
        return _ratio(self.program, self.baseline)

    @property
    def cpu_ratio(self) -> float | None:
        return _ratio(self.cpu, self.baseline_cpu)

    def judge(self) -> None:
        """Set the verdict from the target (rows without a program value stay unmeasured)."""
        if self.program is None:
            self.verdict = NOT_MEASURED
            return
        if self.target is None:
            self.verdict = INFO
            return
        measured = self.measured()
        if measured is None:
            self.verdict = NOT_MEASURED
            return
        if self.target.op == "==":
            ok = measured == self.target.value
        else:
            ok = measured <= self.target.value
        self.verdict = MET if ok else NOT_MET

    def measured(self) -> float | None:
        """The value the target applies to."""
        if self.target is None or self.program is None:
            return None
        if self.target.metric == "ratio":
            return self.ratio
        return float(getattr(self.program, self.target.metric))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["cpu_ratio"] = self.cpu_ratio
        data["measured"] = self.measured()
        return data


def _ratio(program: Summary | None, baseline: Summary | None) -> float | None:
    if program is None or baseline is None or not baseline.median:
        return None
    return program.median / baseline.median


def _number(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "Mo":
        return f"{value:.1f} Mo"
    return f"{value:g}"


def _cell(summary: Summary | None, unit: str, *, with_p90: bool = False) -> str:
    if summary is None:
        return "—"
    low, high = _number(summary.min, unit), _number(summary.max, unit)
    text = f"{_number(summary.median, unit)} [{low}–{high}]"
    if with_p90:
        text += f" p90 {_number(summary.p90, unit)}"
    return text


def table(rows: list[Row]) -> str:
    """The rows as a fixed-width text table (French)."""
    header = (
        "Mesure",
        "Programme : médiane [min–max]",
        "Référence : médiane",
        "Rapport",
        "Rapport CPU",
        "Cible",
        "Verdict",
    )
    lines = [header]
    for row in rows:
        with_p90 = row.target is not None and row.target.metric == "p90"
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
        cpu_ratio = f"{row.cpu_ratio:.2f}×" if row.cpu_ratio is not None else "—"
        verdict = row.verdict if not row.reason else f"{row.verdict} ({row.reason})"
        lines.append(
            (
                row.label,
                _cell(row.program, row.unit, with_p90=with_p90),
                _number(row.baseline.median, row.unit) if row.baseline else "—",
                ratio,
                cpu_ratio,
                row.target.text if row.target else "—",
                verdict,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    out = []
    for index, line in enumerate(lines):
        cells = [cell.ljust(width) for cell, width in zip(line[:-1], widths, strict=True)]
        out.append("  ".join([*cells, line[-1]]).rstrip())
        if index == 0:
            out.append("  ".join("-" * width for width in widths) + "  -------")
    return "\n".join(out)


def write_json(
    path: Path, machine: dict[str, Any], settings: dict[str, Any], rows: list[Row]
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "machine": machine,
        "settings": settings,
        "results": [row.to_json() for row in rows],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
