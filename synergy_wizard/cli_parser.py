"""The command line's arguments, help and error messages, in French."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from synergy_wizard import __version__

__all__ = ["EXIT_ERROR", "EXIT_OK", "build_parser"]

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
