"""Command line: argument parsing, sub-commands and exit codes.

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

from synergy_wizard import __version__
from synergy_wizard.errors import ProblemsError, SynergyError

if TYPE_CHECKING:
    from synergy_wizard.answers.model import Dossier
    from synergy_wizard.checklist.models import Checklist

EXIT_OK = 0
EXIT_ERROR = 2


class _FrenchFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: object,
        groups: object,
        prefix: str | None = None,
    ) -> None:
        french = "Utilisation : " if prefix is None else prefix  # "" for sub-command names
        super().add_usage(usage, actions, groups, french)  # type: ignore[arg-type]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser speaking French and exiting with status 2 on a usage error."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _FrenchFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", help="affiche cette aide et quitte")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog} : erreur : {_translate_argparse(message)}\n")


def _translate_argparse(message: str) -> str:
    replacements = {
        "the following arguments are required": "arguments obligatoires manquants",
        "unrecognized arguments": "arguments inconnus",
        "invalid choice": "choix invalide",
        "expected one argument": "une valeur est attendue",
        "argument ": "argument ",
        "choose from": "choisissez parmi",
    }
    for english, french in replacements.items():
        message = message.replace(english, french)
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="synergy-wizard",
        description=(
            "Préparer un projet de synergie (commune–CPAS ou entre CPAS) à partir d'une "
            "check-list.\nSans commande, ouvre l'assistant sur l'écran d'accueil."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"synergy-wizard {__version__}",
        help="affiche la version et quitte",
    )
    parser.add_argument(
        "--dossiers",
        metavar="DOSSIER",
        help="dossier où sont rangés les dossiers de projet "
        "(par défaut : $SYNERGY_WIZARD_HOME, sinon le dossier de données de l'utilisateur)",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMANDE", title="commandes", parser_class=_Parser
    )

    open_cmd = commands.add_parser("open", help="ouvre un dossier dans l'assistant")
    open_cmd.add_argument("dossier", type=Path, help="fichier du dossier (.yaml)")

    commands.add_parser("list", help="liste les check-lists fournies")

    validate = commands.add_parser(
        "validate", help="vérifie des check-lists (par défaut : celles fournies)"
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="FICHIER",
        help="fichiers ou dossiers de check-lists YAML",
    )

    lint = commands.add_parser(
        "lint",
        help="relit des check-lists : erreurs, conditions impossibles, sigles, phrases longues… "
        "(par défaut : celles fournies)",
    )
    lint.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="FICHIER",
        help="fichiers ou dossiers de check-lists YAML",
    )
    lint.add_argument(
        "--format",
        choices=("texte", "json"),
        default="texte",
        help="texte (par défaut) ou json (une liste d'objets, pour les outils)",
    )

    commands.add_parser(
        "schema",
        help="affiche le schéma JSON des check-lists "
        "(synergy-wizard schema > checklists/schema.json)",
    )

    new_checklist = commands.add_parser(
        "new-checklist", help="crée une check-list de départ, commentée, à compléter"
    )
    new_checklist.add_argument(
        "checklist_id",
        metavar="ID",
        help="identifiant de la check-list (minuscules, chiffres et tirets), "
        "qui donne aussi le nom du fichier",
    )
    new_checklist.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FICHIER",
        help="fichier ID.yaml à créer, ou dossier où le créer (par défaut : ./ID.yaml)",
    )

    new = commands.add_parser("new", help="crée un dossier vide sans ouvrir l'assistant")
    new.add_argument(
        "--checklist",
        required=True,
        metavar="ID",
        help="identifiant d'une check-list fournie, ou chemin d'un fichier YAML",
    )
    new.add_argument("--project", required=True, metavar="NOM", help="nom du projet")
    new.add_argument("--cpas", default="", help="nom du CPAS")
    new.add_argument("--partenaire", default="", help="commune ou partenaire")
    new.add_argument("--auteur", default="", help="personne qui prépare le dossier")
    new.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FICHIER",
        help="fichier à créer (par défaut : dans le dossier des dossiers)",
    )

    render = commands.add_parser(
        "render",
        help="produit le dossier de préparation (HTML, PDF, Word ou Markdown), "
        "ou la check-list vierge",
    )
    render.add_argument("dossier", type=Path, help="fichier du dossier (.yaml)")
    render.add_argument(
        "--format",
        choices=("html", "md", "pdf", "docx"),
        default="html",
        help="format de sortie : html (par défaut, à imprimer depuis le navigateur), pdf, "
        "docx (Word, modifiable) ou md (Markdown)",
    )
    render.add_argument(
        "--complet",
        action="store_true",
        help="dossier complet : avec l'aide, les points favorables et problématiques et les "
        "références de chaque question (par défaut : dossier concis)",
    )
    render.add_argument(
        "--vierge",
        action="store_true",
        help="check-list vierge à imprimer : toutes les questions, avec des cases à cocher et "
        "de la place pour écrire",
    )
    render.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FICHIER",
        help="fichier produit (par défaut : à côté du dossier)",
    )
    render.add_argument(
        "--templates",
        type=Path,
        metavar="DOSSIER",
        help="dossier de modèles remplaçant ceux fournis",
    )
    return parser


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
