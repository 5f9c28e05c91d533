"""Where a YAML problem is, and what it means, in French.

:class:`Mark` is a position in a text file; :class:`YamlError` lists the problems of a file;
:func:`describe_yaml_error` turns any PyYAML syntax error into one French problem with a line,
a column and a hint (the reader itself is :mod:`synergy_wizard.safe_yaml`).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Protocol

import yaml

from synergy_wizard.errors import Location, Problem, ProblemsError

__all__ = ["Mark", "YamlError", "describe_yaml_error", "position_after", "to_mark"]


class Mark(NamedTuple):
    """A position in a text file; ``line`` and ``column`` are 1-based.

    A named tuple rather than a frozen dataclass: one is made per YAML node, and a
    named tuple is several times cheaper to create.
    """

    line: int
    column: int


class YamlError(ProblemsError):
    """A YAML file that cannot be read: encoding, syntax, or a construct this reader refuses."""

    title = "Fichier YAML invalide"

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        plural = "s" if count > 1 else ""
        super().__init__(problems, f"{count} problème{plural} dans le fichier YAML")


def position_after(before: str) -> tuple[int, int]:
    """The 1-based line and column of the character that follows ``before``."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


class YamlMark(Protocol):
    """A mark of PyYAML's pure or libyaml parser (0-based)."""

    line: int
    column: int


def to_mark(yaml_mark: YamlMark | None) -> Mark:
    """A 1-based mark from PyYAML's 0-based one (from the pure or the libyaml parser)."""
    if yaml_mark is None:
        return Mark(1, 1)
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


_QUOTED = 'mettez la valeur entre guillemets ("…")'
_INDENT = (
    "vérifiez l'indentation : les clés d'un même bloc commencent à la même colonne, "
    "avec des espaces (jamais des tabulations)"
)


def describe_yaml_error(exc: yaml.YAMLError, text: str, source: Path) -> Problem:
    """Turn any PyYAML error into one French problem with a line and a column."""
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return Problem(Location(source), "syntaxe YAML incorrecte", _technical(exc))
    where, message, hint = _explain(exc, text.splitlines())
    return Problem(Location(source, where.line, where.column), message, hint)


def _explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[Mark, str, str]:
    problem, context = (exc.problem or "").lower(), (exc.context or "").lower()
    mark = to_mark(exc.problem_mark)
    opened = to_mark(exc.context_mark) if exc.context_mark is not None else mark
    tab = _tab_in_indentation(lines, mark.line)
    if "tab" in problem or tab is not None:
        where = Mark(mark.line, tab) if tab is not None else mark
        return (
            where,
            "tabulation utilisée pour l'indentation",
            ("remplacez les tabulations par des espaces"),
        )
    if "end of stream" in problem and "quoted scalar" in context:
        return (
            opened,
            "guillemet ouvert ici mais jamais refermé",
            (
                "ajoutez le guillemet fermant à la fin du texte ; entre apostrophes, "
                "une apostrophe s'écrit ''"
            ),
        )
    if "escape character" in problem:
        if _char(lines, mark.line, mark.column) != "\\":  # the pure parser points past it
            mark = Mark(mark.line, mark.column - 1)
        return (
            mark,
            "barre oblique inverse (\\) inattendue entre guillemets doubles",
            ("doublez-la (\\\\) ou mettez le texte entre apostrophes ('…')"),
        )
    if "alias" in context or "anchor" in context:
        symbol = "*" if "alias" in context else "&"
        return opened, f"un texte qui commence par « {symbol} » est lu comme un alias YAML", _QUOTED
    if "cannot start any token" in problem:
        char = _char(lines, mark.line, mark.column) or "?"
        return (
            mark,
            f"caractère « {char} » inattendu à cet endroit",
            (f"un texte qui commence par « {char} » doit être mis entre guillemets"),
        )
    if "mapping values are not allowed" in problem:
        return (
            mark,
            "deux-points « : » inattendu",
            (
                "un texte qui contient « : » (deux-points suivis d'une espace) doit être mis "
                f"entre guillemets ; sinon, {_INDENT}"
            ),
        )
    if "sequence entries are not allowed" in problem:
        return (
            mark,
            "tiret « - » inattendu : une liste ne peut pas commencer ici",
            (f"une liste se place sous une clé suivie de « : » ; {_INDENT}"),
        )
    if "could not find expected ':'" in problem:
        return (
            opened,
            "deux-points « : » manquant après la clé",
            (f"une ligne d'un bloc s'écrit « clé: valeur » ; {_INDENT}"),
        )
    if "block end" in problem or "expected key" in problem or "'-' indicator" in problem:
        return (
            mark,
            (
                f"indentation incohérente : cette ligne ne s'aligne pas sur le bloc commencé "
                f"ligne {opened.line}"
            ),
            f"{_INDENT} ; un texte entre guillemets ne peut pas être suivi d'autre texte",
        )
    if "flow sequence" in context or "flow mapping" in context:
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return (
            mark,
            (
                f"« {opening} » ouvert ligne {opened.line}, colonne {opened.column}, "
                f"mais jamais refermé par « {closing} »"
            ),
            f"ajoutez « {closing} », ou {_QUOTED} si « {opening} » fait partie du texte",
        )
    if "tag" in problem:
        return mark, "les étiquettes YAML (« ! ») ne sont pas acceptées", _QUOTED
    if "document" in problem:
        return (
            mark,
            "contenu inattendu : le fichier doit contenir un seul document YAML",
            ("retirez les lignes « --- », « ... » et « % » superflues"),
        )
    if "block scalar" in context:
        return (
            opened,
            "bloc de texte « | » ou « > » mal formé",
            ("écrivez « | » ou « > » seul en fin de ligne, puis le texte indenté dessous"),
        )
    return mark, "syntaxe YAML incorrecte", _technical(exc)


def _technical(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        detail = "; ".join(part for part in (exc.context, exc.problem) if part)
    else:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"détail technique (en anglais) : {detail}"


def _char(lines: list[str], line: int, column: int) -> str:
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _tab_in_indentation(lines: list[str], line: int) -> int | None:
    """The 1-based column of a tab in the leading whitespace of ``line``, if any."""
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    position = indent.find("\t")
    return position + 1 if position >= 0 else None
