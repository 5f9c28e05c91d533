"""French messages for pydantic validation errors on a dossier, located in its YAML file.

Pydantic reports each error with a ``loc`` made of YAML (alias) keys; the YAML reader knows
where each key and value starts. Unknown keys point at the key (with a suggestion), every
other problem at the value, or at the enclosing block when a key is missing.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from synergy_wizard.answers.model import Answer, ChecklistStamp, Dossier, ProjectInfo
from synergy_wizard.errors import Location, Problem
from synergy_wizard.safe_yaml import Mark, YamlDocument

__all__ = ["validation_problems"]

_BLOCKS: dict[str, type[BaseModel]] = {
    "projet": ProjectInfo,
    "checklist": ChecklistStamp,
}


def _block_model(loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model describing the mapping at ``loc`` (for listing the keys it accepts)."""
    if not loc:
        return Dossier
    if len(loc) == 1 and isinstance(loc[0], str):
        return _BLOCKS.get(loc[0])
    if len(loc) == 2 and loc[0] == "reponses":
        return Answer
    return None


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def _context(loc: Sequence[str | int]) -> str:
    if len(loc) >= 3 and loc[0] == "reponses":
        return f"dans la réponse à la question « {loc[1]} », "
    return ""


_TYPE_MESSAGES: dict[str, str] = {
    "string_type": "doit être un texte",
    "int_type": "doit être un nombre entier",
    "int_parsing": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier",
    "dict_type": "doit être un bloc de clés (« clé: valeur » sur les lignes suivantes, indentées)",
    "model_type": "doit être un bloc de clés (« clé: valeur » sur les lignes suivantes, indentées)",
    "model_attributes_type": "doit être un bloc de clés (« clé: valeur »)",
    "string_too_short": "ne peut pas être vide",
}
_DATETIME_MESSAGE = "doit être une date et une heure valides, par exemple 2026-01-15T14:30:00+01:00"
_DATE_MESSAGE = "doit être une date valide au format AAAA-MM-JJ, par exemple 2026-06-30"


def validation_problems(
    errors: list[ErrorDetails], document: YamlDocument, path: Path
) -> list[Problem]:
    """One French problem per mistake pydantic found in ``document``, sorted by position."""
    problems: dict[tuple[tuple[str | int, ...], str], Problem] = {}

    def add(where: Mark, loc: tuple[str | int, ...], message: str, hint: str = "") -> None:
        problems.setdefault(
            (loc, message), Problem(Location(path, where.line, where.column), message, hint)
        )

    for error in errors:
        loc = tuple(error["loc"])
        kind = error["type"]
        if len(loc) >= 3 and loc[0] == "reponses" and loc[2] == "valeur":
            _value_problem(loc[:3], document, add)
            continue
        key = loc[-1] if loc else ""
        context = _context(loc)
        if kind == "missing":
            parent = loc[:-1]
            add(
                document.mark_for(parent),
                loc,
                f"{context}la clé « {key} » manque",
                "ajoutez-la, ou restaurez une copie de sauvegarde si le fichier a été tronqué",
            )
        elif kind == "extra_forbidden":
            model = _block_model(loc[:-1])
            allowed = _keys_of(model) if model else []
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"vouliez-vous écrire « {close[0]} » ? " if close else ""
            if allowed:
                hint += "Clés possibles ici : " + ", ".join(allowed) + "."
            mark = document.key_marks.get(loc) or document.mark_for(loc)
            add(mark, loc, f"{context}clé inconnue « {key} »", hint.strip())
        else:
            if kind.startswith("datetime"):
                text = _DATETIME_MESSAGE
            elif kind.startswith("date"):
                text = _DATE_MESSAGE
            else:
                text = _TYPE_MESSAGES.get(kind, "")
            hint = ""
            if not text:
                text = "a une valeur incorrecte"
                hint = f"détail technique (en anglais) : {error['msg']}"
            elif kind == "string_type" and isinstance(error["input"], int | float | bool):
                hint = "mettez la valeur entre guillemets"
            subject = f"« {key} »"
            if len(loc) == 2 and loc[0] == "reponses":
                subject = f"la réponse à la question « {key} »"
                hint = "écrivez par exemple « valeur: oui » sur la ligne suivante, indentée"
            add(document.mark_for(loc), loc, f"{context}{subject} {text}", hint)
    return sorted(problems.values(), key=lambda p: (p.location.line, p.location.column))


_Add = Callable[[Mark, tuple[str | int, ...], str, str], None]


def _value_problem(loc: tuple[str | int, ...], document: YamlDocument, add: _Add) -> None:
    """One problem for an answer's ``valeur`` (pydantic reports one error per union member)."""
    value = _lookup(document.data, loc)
    context = _context(loc)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if not isinstance(item, str):
                add(
                    document.mark_for((*loc, index)),
                    loc,
                    f"{context}l'élément n° {index + 1} de « valeur » doit être un texte "
                    "(l'identifiant d'un choix)",
                    "mettez-le entre guillemets",
                )
                return
    hint = "mettez la valeur entre guillemets" if isinstance(value, int | bool) else ""
    add(
        document.mark_for(loc),
        loc,
        f"{context}« valeur » doit être un texte, une liste de textes ou rien",
        hint,
    )


def _lookup(data: object, loc: Sequence[str | int]) -> object:
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data
