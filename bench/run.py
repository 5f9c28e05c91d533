"""Benchmark of synergy-wizard: start, opening dossiers, keys, loading, rendering, PDF.

Every measurement is repeated, summarised by its median and spread, and compared with a
baseline measured in the same run (an empty Textual application, a bare YAML load, a bare
Jinja2 render, bare WeasyPrint...). From the repository, after ``pip install -e ".[test]"``::

    python bench/run.py              # everything: a few minutes
    python bench/run.py --quick      # one run of each, a small generated checklist

The table is printed; the results, with the machine, are written to bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as ``python bench/run.py``
    sys.path.insert(0, str(ROOT))

from bench import generate, machine, measures, measures_render  # noqa: E402
from bench.report import Row, table, write_json  # noqa: E402
from bench.scenarios import Case  # noqa: E402

DEFAULT_OUTPUT = ROOT / "bench" / "results" / "latest.json"
GENERATED = "generee"


@dataclass
class Settings:
    runs: int
    render_runs: int
    questions: int
    keys: int
    pdf_runs: int
    checklists: list[str] | None
    latency_checklists: list[str] | None
    pdf_checklist: str | None
    columns: int
    lines: int


def parse_args(argv: list[str] | None) -> tuple[Settings, Path]:
    parser = argparse.ArgumentParser(
        description="Mesure les performances de synergy-wizard (voir bench/README.md)."
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        help="répétitions des démarrages, ouvertures, chargements (5)",
    )
    parser.add_argument(
        "--render-runs", type=int, default=3, help="répétitions des productions de dossiers (3)"
    )
    parser.add_argument(
        "--questions", type=int, default=1000, help="questions de la check-list générée (1000)"
    )
    parser.add_argument("--keys", type=int, default=40, help="touches par mesure de latence (40)")
    parser.add_argument("--pdf-runs", type=int, default=3, help="répétitions du PDF (3)")
    parser.add_argument(
        "--checklists",
        help="check-lists fournies à mesurer, séparées par des virgules (par défaut : toutes ; "
        "« aucune » : seulement la check-list générée)",
    )
    parser.add_argument(
        "--latency-checklists",
        help="check-lists fournies pour la latence des touches (par défaut : la plus longue)",
    )
    parser.add_argument(
        "--pdf-checklist",
        help=f"check-list du dossier mis en PDF (par défaut : la plus longue ; « {GENERATED} » "
        "pour la check-list générée)",
    )
    parser.add_argument("--size", default="80x24", help="taille du terminal (80x24)")
    parser.add_argument(
        "--quick", action="store_true", help="une répétition, 40 questions, 6 touches"
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="fichier JSON produit")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.render_runs, args.pdf_runs = 1, 1, 1
        args.keys = min(args.keys, 6)
        args.questions = min(args.questions, 40)
    columns, _, lines = args.size.partition("x")

    def names(value: str | None) -> list[str] | None:
        if value is None:
            return None
        return [] if value == "aucune" else [n.strip() for n in value.split(",") if n.strip()]

    settings = Settings(
        runs=max(1, args.runs),
        render_runs=max(1, args.render_runs),
        questions=max(2, args.questions),
        keys=max(2, args.keys),
        pdf_runs=max(1, args.pdf_runs),
        checklists=names(args.checklists),
        latency_checklists=names(args.latency_checklists),
        pdf_checklist=args.pdf_checklist,
        columns=int(columns),
        lines=int(lines),
    )
    return settings, args.output


def prepare(work: Path, settings: Settings) -> tuple[list[Case], Path]:
    """The generated checklist, and one answered dossier per measured checklist.

    Bundled checklists' dossiers go to one folder (the home screen lists them); the
    generated one to another, opened through ``bench/launch.py`` with a copy of the
    bundled folder that also holds the generated checklist.
    """
    from synergy_wizard.checklist.loader import bundled_checklist_paths

    bundled = {path.stem: path for path in bundled_checklist_paths()}
    wanted = settings.checklists if settings.checklists is not None else sorted(bundled)
    unknown = [name for name in wanted if name not in bundled]
    if unknown:
        raise SystemExit(f"check-list(s) inconnue(s) : {', '.join(unknown)}")
    folder = work / "checklists"
    folder.mkdir()
    for path in bundled.values():
        shutil.copy(path, folder / path.name)
    generated = generate.write_checklist(folder, settings.questions)
    home, generated_home, pristine = work / "dossiers", work / "dossiers-generes", work / "intacts"
    for directory in (home, generated_home, pristine):
        directory.mkdir()
    cases = [_case(bundled[name], home, pristine, None) for name in wanted]
    cases.append(_case(generated, generated_home, pristine, folder))
    return cases, home


def _case(path: Path, home: Path, pristine: Path, launcher: Path | None) -> Case:
    from synergy_wizard.checklist.loader import load_checklist

    checklist = load_checklist(path)
    clean = generate.write_dossier(path, pristine / f"{checklist.id}.yaml")
    dossier = home / f"{checklist.id}.yaml"
    shutil.copyfile(clean, dossier)
    needle = " ".join(checklist.questions[0].text.split()[:3])
    return Case(
        checklist.id, len(checklist.questions), path, clean, dossier, home, needle, launcher
    )


def _chosen(cases: list[Case], names: list[str] | None, default: Case | None) -> list[Case]:
    bundled = [case for case in cases if case.launcher_folder is None]
    if names is not None:
        return [case for case in bundled if case.checklist_id in names]
    return [default] if default is not None else []


def run(settings: Settings, work: Path) -> list[Row]:
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)

    log("préparation des check-lists et des dossiers")
    # The programs started here keep their cache and preferences in the work folder: the
    # user's own are neither used nor changed, and every run starts from the same state.
    os.environ["SYNERGY_WIZARD_CACHE"] = str(work / "cache")
    os.environ["SYNERGY_WIZARD_CONFIG"] = str(work / "preferences")
    cases, home = prepare(work, settings)
    bundled = [case for case in cases if case.launcher_folder is None]
    generated = cases[-1]
    longest = max(bundled, key=lambda case: case.questions, default=None)
    size = (settings.columns, settings.lines)

    rows = measures.measure_screens(cases, home, settings.runs, size, log)
    latency_cases = [*_chosen(cases, settings.latency_checklists, longest), generated]
    rows += measures.measure_latency(latency_cases, settings.keys, size, log)
    rows += measures_render.measure_load(cases, settings.runs, log)
    rows += measures_render.measure_render(cases, settings.render_runs, log)
    rows += measures_render.measure_render_process(cases, settings.render_runs, work, log)
    if settings.pdf_checklist == GENERATED:
        pdf_case: Case | None = generated
    elif settings.pdf_checklist is not None:
        pdf_case = next((c for c in bundled if c.checklist_id == settings.pdf_checklist), None)
    else:  # the longest: about twenty pages, the size the WeasyPrint figure is for
        pdf_case = longest or generated
    if pdf_case is not None:
        log(f"PDF, {pdf_case.checklist_id}")
        rows.append(measures_render.measure_pdf(pdf_case, settings.pdf_runs, work, log))
    for row in rows:
        row.judge()
    log("terminé")
    return rows


def main(argv: list[str] | None = None) -> int:
    settings, output = parse_args(argv)
    description = machine.describe()
    with tempfile.TemporaryDirectory(prefix="synergy-bench-") as folder:
        rows = run(settings, Path(folder))
    description["load_average_end"] = machine.load_average()
    print(table(rows))
    write_json(output, description, asdict(settings), rows)
    print(f"\nRésultats écrits dans {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
