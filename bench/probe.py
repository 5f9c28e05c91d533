"""In-process measurements, run in a fresh Python process so that every run starts cold.

Prints one JSON object on stdout: for each series, the times on the clock (``wall``) and the
processor times (``cpu``), in seconds. Used by ``bench/run.py``; also handy alone::

    python bench/probe.py load checklists/batiment-commun.yaml --repeat 5
    python bench/probe.py render CHECKLIST.yaml DOSSIER.yaml --format html --repeat 5
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path


class Series:
    """Repeated timings of one action."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def time(self, action: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        self.cpu.append(time.process_time() - cpu)
        self.wall.append(time.perf_counter() - wall)

    def to_json(self) -> dict[str, list[float]]:
        return {"wall": self.wall, "cpu": self.cpu}


def probe_load(path: Path, repeat: int) -> dict[str, object]:
    """Strict load + validate of a checklist, and the bare libyaml load + pydantic validation
    of the same file (no strictness, no located messages) as the baseline."""
    import yaml

    from synergy_wizard.checklist.loader import load_checklist
    from synergy_wizard.checklist.models import Checklist

    def bare() -> object:
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        # The bare YAML loader turns dates into date objects; the model takes them as such.
        return Checklist.model_validate(data)

    strict, baseline = Series(), Series()
    for _ in range(repeat):
        strict.time(lambda: load_checklist(path))
        baseline.time(bare)
    questions = len(load_checklist(path).questions)
    return {"strict": strict.to_json(), "bare": baseline.to_json(), "questions": questions}


def probe_render(
    checklist_path: Path, dossier_path: Path, fmt: str, repeat: int
) -> dict[str, object]:
    """The dossier rendered in process: the first render (cold caches, templates compiled),
    then ``repeat`` more; and the same template and context through a bare, unsandboxed
    Jinja2 environment as the baseline."""
    import jinja2

    from synergy_wizard.answers.storage import load_dossier
    from synergy_wizard.checklist.loader import load_checklist
    from synergy_wizard.render import render_dossier
    from synergy_wizard.render.context import build_context
    from synergy_wizard.render.environment import TEMPLATE_NAMES, make_environment, search_path

    checklist = load_checklist(checklist_path)
    dossier = load_dossier(dossier_path)
    first, warm, bare = Series(), Series(), Series()
    first.time(lambda: render_dossier(checklist, dossier, fmt))  # type: ignore[arg-type]
    for _ in range(repeat):
        warm.time(lambda: render_dossier(checklist, dossier, fmt))  # type: ignore[arg-type]
    sandboxed = make_environment(fmt, search_path(None))  # type: ignore[arg-type]
    bare_env = jinja2.Environment(
        loader=sandboxed.loader,
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    bare_env.filters.update(sandboxed.filters)
    template = bare_env.get_template(TEMPLATE_NAMES[fmt])
    context = build_context(checklist, dossier).as_mapping()
    for _ in range(repeat):
        bare.time(lambda: template.render(context))
    return {
        "first": first.to_json(),
        "warm": warm.to_json(),
        "bare_jinja": bare.to_json(),
        "answers": len(dossier.answers),
        "textual_imported": any(name.split(".")[0] == "textual" for name in sys.modules),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load")
    load.add_argument("checklist", type=Path)
    load.add_argument("--repeat", type=int, default=5)
    render = commands.add_parser("render")
    render.add_argument("checklist", type=Path)
    render.add_argument("dossier", type=Path)
    render.add_argument("--format", choices=("html", "md"), default="html")
    render.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.command == "load":
        result = probe_load(args.checklist, args.repeat)
    else:
        result = probe_render(args.checklist, args.dossier, args.format, args.repeat)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
