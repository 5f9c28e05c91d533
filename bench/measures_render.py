"""Measurements 4 and 5: load + validate, and rendering, in process and as whole processes.

In process, each run is a fresh Python process (``bench/probe.py``), so that the first render
of a run is really the first; ``synergy-wizard render`` is timed as a whole process, and the
PDF against bare WeasyPrint on the HTML of the same dossier.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench import scenarios
from bench.measures import BENCH_DIR, Log, attempt, failure_reason, summary_of
from bench.report import NOT_MEASURED, Row, Summary, Target
from bench.scenarios import Case

BARE_JINJA = "Jinja2 nu, non isolé, même contexte"


def _probe(*args: str) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, str(BENCH_DIR / "probe.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"bench/probe.py {' '.join(args)} failed:\n{completed.stderr}")
    result: dict[str, object] = json.loads(completed.stdout)
    return result


def _floats(value: object) -> list[float]:
    assert isinstance(value, list)
    return [float(item) for item in value]


class _Times:
    """Clock and processor times of one series, gathered over several probe processes."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def add(self, series: object) -> None:
        assert isinstance(series, dict)
        self.wall += _floats(series["wall"])
        self.cpu += _floats(series["cpu"])


def measure_load(cases: list[Case], runs: int, log: Log) -> list[Row]:
    rows = []
    for case in cases:
        log(f"chargement et validation, {case.checklist_id}")
        strict, bare = _Times(), _Times()
        failures: list[str] = []
        for _ in range(runs):
            result = attempt(
                lambda case=case: _probe(  # type: ignore[misc]
                    "load", str(case.checklist_path), "--repeat", "3"
                ),
                failures,
            )
            if result is not None:
                strict.add(result["strict"])
                bare.add(result["bare"])
        generated = case.launcher_folder is not None
        rows.append(
            Row(
                f"load/{case.checklist_id}",
                f"Chargement + validation, {case.checklist_id}",
                "ms",
                summary_of(strict.wall),
                summary_of(bare.wall),
                "libyaml + pydantic, sans contrôles stricts",
                Target("median", "<=", 0.150, "≤ 150 ms") if generated else None,
                reason=failure_reason(strict.wall, failures),
                cpu=summary_of(strict.cpu),
                baseline_cpu=summary_of(bare.cpu),
            )
        )
    return rows


def measure_render(cases: list[Case], runs: int, log: Log) -> list[Row]:
    """In process: the first render of a fresh process (templates compiled, Markdown
    converted), and the renders after it; the target applies to the latter."""
    rows = []
    for case in cases:
        generated = case.launcher_folder is not None
        for fmt in ("html", "md"):
            log(f"production {fmt} en mémoire, {case.checklist_id}")
            first, warm, bare = _Times(), _Times(), _Times()
            failures: list[str] = []
            textual = False
            for _ in range(runs):
                result = attempt(
                    lambda case=case, fmt=fmt: _probe(  # type: ignore[misc]
                        "render",
                        str(case.checklist_path),
                        str(case.pristine),
                        "--format",
                        fmt,
                        "--repeat",
                        "3",
                    ),
                    failures,
                )
                if result is None:
                    continue
                first.add(result["first"])
                warm.add(result["warm"])
                bare.add(result["bare_jinja"])
                textual = textual or bool(result["textual_imported"])
            target = Target("median", "<=", 0.060, "≤ 60 ms")
            rows.append(
                Row(
                    f"render-{fmt}-first/{case.checklist_id}",
                    f"Production {fmt.upper()}, 1re du processus, {case.checklist_id}",
                    "ms",
                    summary_of(first.wall),
                    summary_of(bare.wall),
                    BARE_JINJA,
                    reason=failure_reason(first.wall, failures),
                    extra={"textual_imported": textual},
                    cpu=summary_of(first.cpu),
                    baseline_cpu=summary_of(bare.cpu),
                )
            )
            rows.append(
                Row(
                    f"render-{fmt}/{case.checklist_id}",
                    f"Production {fmt.upper()}, {case.checklist_id}",
                    "ms",
                    summary_of(warm.wall),
                    summary_of(bare.wall),
                    BARE_JINJA,
                    target if generated and fmt == "html" else None,
                    reason=failure_reason(warm.wall, failures),
                    cpu=summary_of(warm.cpu),
                    baseline_cpu=summary_of(bare.cpu),
                )
            )
    return rows


def measure_render_process(cases: list[Case], runs: int, work: Path, log: Log) -> list[Row]:
    rows = []
    interpreter_runs = [scenarios.interpreter_start() for _ in range(runs)]
    interpreter = Summary.of([run.seconds for run in interpreter_runs])
    interpreter_cpu = Summary.of([run.cpu for run in interpreter_runs])
    for case in cases:
        for fmt in ("html", "md"):
            log(f"synergy-wizard render --format {fmt}, {case.checklist_id}")
            times: list[float] = []
            cpu: list[float] = []
            failure = ""
            for _ in range(runs):
                run = scenarios.render_process(case, fmt, work / f"{case.checklist_id}.{fmt}")
                if run.returncode != 0:
                    failure = (
                        run.stderr.splitlines()[-1] if run.stderr else f"code {run.returncode}"
                    )
                    break
                times.append(run.seconds)
                cpu.append(run.cpu)
            rows.append(
                Row(
                    f"render-process-{fmt}/{case.checklist_id}",
                    f"render --format {fmt} (processus), {case.checklist_id}",
                    "s",
                    summary_of(times) if not failure else None,
                    interpreter,
                    "interpréteur Python seul",
                    Target("median", "<=", 0.8, "≤ 0,8 s") if fmt == "html" else None,
                    reason=f"échec : {failure}" if failure else "",
                    cpu=summary_of(cpu) if not failure else None,
                    baseline_cpu=interpreter_cpu,
                )
            )
    if cases:
        case = cases[0]
        log(f"modules chargés par render --format html, {case.checklist_id}")
        loaded = scenarios.render_modules(case, work / "modules.html", work / "modules.txt")
        textual = sorted(m for m in loaded if m == "textual" or m.startswith("textual."))
        rows.append(
            Row(
                "render-imports",
                "Modules Textual chargés par render --format html",
                "n",
                Summary.of([float(len(textual))]) if loaded else None,
                target=Target("median", "==", 0, "aucun"),
                reason="" if loaded else "liste des modules indisponible",
                extra={"modules": len(loaded), "textual": textual[:10]},
            )
        )
    return rows


def measure_pdf(case: Case, runs: int, work: Path, log: Log) -> Row:
    """``render --format pdf`` against bare WeasyPrint on the HTML of the same dossier."""
    row = Row(
        f"pdf/{case.checklist_id}",
        f"PDF (processus), {case.checklist_id}",
        "s",
        baseline_label="WeasyPrint nu, même HTML",
        target=Target("ratio", "<=", 1.15, "≤ 1,15× WeasyPrint nu"),
    )
    probe = scenarios.run_process([sys.executable, "-c", "import weasyprint"])
    if probe.returncode != 0:
        row.verdict = NOT_MEASURED
        row.reason = 'WeasyPrint n\'est pas installé (pip install -e ".[pdf]")'
        return row
    html = work / f"{case.checklist_id}-pdf.html"
    made = scenarios.render_process(case, "html", html)
    if made.returncode != 0:
        row.reason = f"HTML non produit : {made.stderr.splitlines()[-1] if made.stderr else ''}"
        return row
    program: list[scenarios.ProcessRun] = []
    bare: list[scenarios.ProcessRun] = []
    for run in range(runs):
        log(f"PDF, passage {run + 1}/{runs}")
        result = scenarios.render_process(case, "pdf", work / f"{case.checklist_id}.pdf")
        if result.returncode != 0:
            last = result.stderr.splitlines()[-1] if result.stderr else f"code {result.returncode}"
            row.reason = f"render --format pdf a échoué : {last}"
            return row
        program.append(result)
        bare.append(scenarios.bare_weasyprint(html, work / "nu.pdf"))
    row.program = Summary.of([run.seconds for run in program])
    row.baseline = Summary.of([run.seconds for run in bare])
    row.cpu = Summary.of([run.cpu for run in program])
    row.baseline_cpu = Summary.of([run.cpu for run in bare])
    return row
