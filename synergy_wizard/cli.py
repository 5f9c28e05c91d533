"""Command line: the sub-commands and the entry point (the arguments: :mod:`.cli_parser`).

``list``, ``validate``, ``lint``, ``schema``, ``new-checklist``, ``new`` and ``render`` never
import Textual: the wizard is imported only when it is launched. Every error the user can meet
is printed in French on stderr, with exit status 2; no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from synergy_wizard.cli_parser import EXIT_ERROR, EXIT_OK, build_parser
from synergy_wizard.errors import ProblemsError, SynergyError

if TYPE_CHECKING:
    from synergy_wizard.answers.model import Dossier
    from synergy_wizard.checklist.models import Checklist

__all__ = ["EXIT_ERROR", "EXIT_OK", "build_parser", "main", "resolve_checklist"]


# --- sub-commands -------------------------------------------------------------------------


def _cmd_wizard(args: argparse.Namespace, out: TextIO) -> int:
    from synergy_wizard.paths import dossiers_dir
    from synergy_wizard.tui import run_wizard

    open_path: Path | None = getattr(args, "dossier", None)
    if open_path is not None and not open_path.is_file():
        raise _not_found_dossier(open_path)
    return run_wizard(dossiers_dir(args.dossiers), open_path)


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from synergy_wizard.checklist.loader import load_bundled

    checklists = load_bundled()
    rows = [("ID", "VERSION", "SECTIONS", "QUESTIONS", "TITRE")]
    rows += [
        (c.id, c.version, str(len(c.sections)), str(len(c.questions)), c.title) for c in checklists
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [
            row[0].ljust(widths[0]),
            row[1].ljust(widths[1]),
            row[2].rjust(widths[2]),
            row[3].rjust(widths[3]),
            row[4],
        ]
        out.write("  ".join(cells).rstrip() + "\n")
    return EXIT_OK


def _checklist_files(paths: Sequence[Path]) -> list[Path]:
    from synergy_wizard.checklist.loader import bundled_checklist_paths
    from synergy_wizard.errors import NotFoundError

    if not paths:
        return bundled_checklist_paths()
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
            if not found:
                raise NotFoundError(f"Aucun fichier .yaml dans le dossier {path}.")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise NotFoundError(
                f"Le fichier {path} n'existe pas.", hint="Vérifiez le chemin et l'orthographe."
            )
    return files


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from synergy_wizard.checklist.loader import load_checklist
    from synergy_wizard.errors import ChecklistError

    failures = 0
    files = _checklist_files(args.paths)
    for path in files:
        try:
            checklist = load_checklist(path)
        except ChecklistError as error:
            failures += 1
            sys.stderr.write(f"{error}\n")
        else:
            out.write(
                f"{path} : valide ({len(checklist.sections)} sections, "
                f"{len(checklist.questions)} questions)\n"
            )
    if failures:
        sys.stderr.write(f"{failures} fichier(s) sur {len(files)} à corriger.\n")
        return EXIT_ERROR
    return EXIT_OK


def _cmd_lint(args: argparse.Namespace, out: TextIO) -> int:
    from synergy_wizard.checklist.lint import lint_paths

    report = lint_paths(_checklist_files(args.paths))
    out.write(report.to_json() if args.format == "json" else report.to_text())
    return report.exit_code


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from synergy_wizard.checklist.schema import schema_text

    out.write(schema_text())
    return EXIT_OK


def _cmd_new_checklist(args: argparse.Namespace, out: TextIO) -> int:
    from synergy_wizard.checklist.starter import write_starter

    path = write_starter(args.checklist_id, args.output)
    out.write(
        f"Check-list créée : {path}\n"
        f"Complétez-la, puis vérifiez-la avec : synergy-wizard lint {path}\n"
    )
    return EXIT_OK


def _cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    from synergy_wizard.answers.model import Dossier, ProjectInfo
    from synergy_wizard.answers.storage import DossierStore, save_dossier
    from synergy_wizard.checklist.loader import bundled_checklist_paths, find_checklist
    from synergy_wizard.paths import dossiers_dir

    checklist = find_checklist(args.checklist)
    if not args.project.strip():
        raise SynergyError(
            "Le nom du projet est vide.", hint='Donnez un nom : --project "Mon projet".'
        )
    project = ProjectInfo(
        name=args.project.strip(), cpas=args.cpas, partner=args.partenaire, author=args.auteur
    )
    if args.output is not None:
        path: Path = args.output
        if path.exists():
            raise SynergyError(
                f"Le fichier {path} existe déjà : il n'a pas été remplacé.",
                hint="Choisissez un autre nom avec -o.",
            )
        dossier = Dossier.new(checklist, project)
    else:
        path, dossier = DossierStore(dossiers_dir(args.dossiers)).create(checklist, project)
    if args.checklist not in {p.stem for p in bundled_checklist_paths()}:
        # A checklist being tried out: remember its file so that open and render find it.
        dossier.checklist.source = str(Path(args.checklist).expanduser().resolve())
    save_dossier(dossier, path)
    out.write(f"Dossier créé : {path}\n")
    return EXIT_OK


def _cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    from synergy_wizard.answers.storage import load_dossier
    from synergy_wizard.render import Mode, default_output_name, write_dossier

    if args.complet and args.vierge:
        raise SynergyError(
            "Choisissez --complet ou --vierge, pas les deux.",
            hint="--complet ajoute l'aide et les références ; --vierge imprime la check-list "
            "sans les réponses.",
        )
    mode: Mode = "complet" if args.complet else "vierge" if args.vierge else "concis"
    if not args.dossier.is_file():
        raise _not_found_dossier(args.dossier)
    dossier = load_dossier(args.dossier)
    checklist = resolve_checklist(dossier)
    output: Path = args.output or args.dossier.with_name(
        default_output_name(args.dossier, args.format, mode)
    )

    def progress(message: str) -> None:
        sys.stderr.write(f"{message}\n")
        sys.stderr.flush()

    written = write_dossier(
        checklist,
        dossier,
        args.format,
        output,
        mode=mode,
        templates_dir=args.templates,
        progress=progress if args.format in ("pdf", "docx") else None,
    )
    what = "Check-list vierge écrite" if mode == "vierge" else "Dossier de préparation écrit"
    out.write(f"{what} : {written}\n")
    return EXIT_OK


def resolve_checklist(dossier: Dossier) -> Checklist:
    """The checklist a dossier answers: bundled, or the file it was created from."""
    from synergy_wizard.answers.checklist_source import checklist_for

    return checklist_for(dossier)


def _not_found_dossier(path: Path) -> SynergyError:
    from synergy_wizard.errors import NotFoundError

    return NotFoundError(
        f"Le dossier {path} n'existe pas.",
        hint="Lancez « synergy-wizard » sans argument pour voir la liste de vos dossiers.",
    )


_COMMANDS: dict[str | None, Callable[[argparse.Namespace, TextIO], int]] = {
    None: _cmd_wizard,
    "open": _cmd_wizard,
    "list": _cmd_list,
    "validate": _cmd_validate,
    "lint": _cmd_lint,
    "schema": _cmd_schema,
    "new-checklist": _cmd_new_checklist,
    "new": _cmd_new,
    "render": _cmd_render,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``synergy-wizard`` command. Returns the exit status."""
    _ensure_utf8_streams()
    args = build_parser().parse_args(_utf8_arguments(sys.argv[1:] if argv is None else argv))
    try:
        return _COMMANDS[args.command](args, sys.stdout)
    except ProblemsError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_ERROR
    except SynergyError as error:
        sys.stderr.write(f"synergy-wizard : {error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("Interrompu.\n")
        return 130


def _utf8_arguments(argv: Sequence[str]) -> list[str]:
    """The arguments as typed, even under a C/POSIX locale.

    There Python decodes them as ASCII and keeps each accented byte as a lone surrogate,
    which no text field accepts; the bytes are read again as UTF-8.
    """
    return [os.fsencode(a).decode("utf-8", "replace") if _has_surrogate(a) else a for a in argv]


def _has_surrogate(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)


def _ensure_utf8_streams() -> None:
    """Write UTF-8 even under a C/POSIX locale, instead of failing on the first accent."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            reconfigure(encoding="utf-8", errors="replace")
