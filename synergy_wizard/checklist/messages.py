"""French messages for pydantic validation errors on a checklist.

Pydantic reports each error with a ``loc`` made of the YAML (alias) keys and list indexes,
an error ``type`` and some context. This module turns one such error into a sentence a
checklist author understands, and tells the loader whether to point at the key or at the
value in the file.
"""

from __future__ import annotations

import difflib
import re
import typing
from dataclasses import dataclass, replace

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from synergy_wizard.checklist.conditions import TAG_PREFIX, AllOf, AnyOf, Not, Test
from synergy_wizard.checklist.models import Checklist, Source

__all__ = [
    "Explanation",
    "allowed_keys",
    "explain_error",
    "model_at",
    "suggest",
    "suggest_key",
    "yaml_path",
]

Loc = tuple[str | int, ...]

_NOUNS: dict[str, tuple[str, str]] = {
    "Checklist": ("la check-list", "de la check-list"),
    "Section": ("la section", "de la section"),
    "Question": ("la question", "de la question"),
    "Choice": ("le choix", "du choix"),
    "Source": ("la source", "de la source"),
    "Reference": ("la référence", "de la référence"),
    "Test": ("la condition", "de la condition"),
    "AllOf": ("la condition « et »", "de la condition « et »"),
    "AnyOf": ("la condition « ou »", "de la condition « ou »"),
    "Not": ("la condition « non »", "de la condition « non »"),
}
_TAGGED: dict[str, type[BaseModel]] = {
    TAG_PREFIX + "test": Test,
    TAG_PREFIX + "et": AllOf,
    TAG_PREFIX + "ou": AnyOf,
    TAG_PREFIX + "non": Not,
}
"""The union tags pydantic puts in the error locations of a condition, and their model."""
_ID_HINT = (
    "uniquement des minuscules sans accents, des chiffres et des tirets, "
    "par exemple « batiment-commun »"
)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Explanation:
    """One validation error, in French, with where to point in the YAML file."""

    message: str
    hint: str
    loc: Loc
    """The path whose node the problem points at."""
    at_key: bool = False
    """Point at the mapping key rather than at its value (unknown keys)."""
    code: str = "valeur-refusee"
    """The stable name of this kind of problem (see :class:`synergy_wizard.errors.Problem`)."""


def yaml_path(loc: Loc) -> Loc:
    """The YAML path of a pydantic error location: the union tags of conditions dropped."""
    return tuple(part for part in loc if not (isinstance(part, str) and part[:1] == TAG_PREFIX))


def model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class describing the mapping found at ``loc`` (None if it is not a mapping)."""
    model: type[BaseModel] | None = Checklist
    expect_index = False
    for part in loc:
        if isinstance(part, str) and part in _TAGGED:
            model, expect_index = _TAGGED[part], False
            continue
        if expect_index:
            expect_index = False
            if not isinstance(part, int):
                return None
            continue
        if model is None or not isinstance(part, str):
            return None
        fields = {field.alias or name: field for name, field in model.model_fields.items()}
        field = fields.get(part)
        if field is None:
            return None
        model, expect_index = _item_model(field.annotation)
    return None if expect_index else model


def _item_model(annotation: object) -> tuple[type[BaseModel] | None, bool]:
    """(model, is a sequence of it) for a field annotation such as ``tuple[Section, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = typing.get_origin(annotation)
    if origin is tuple:
        args = typing.get_args(annotation)
        if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
            return args[0], True
        return None, True
    return None, False


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """The YAML keys a mapping of this model accepts, in declaration order."""
    return [field.alias or name for name, field in model.model_fields.items()]


def suggest_key(word: str, model: type[BaseModel]) -> str | None:
    """The YAML key closest to a misspelt one, also matching the English attribute names
    (so ``requierd`` suggests ``obligatoire``)."""
    names = {field.alias or name: field.alias or name for name, field in model.model_fields.items()}
    names.update({name: field.alias or name for name, field in model.model_fields.items()})
    guess = suggest(word, list(names))
    return names[guess] if guess else None


def suggest(word: str, candidates: list[str]) -> str | None:
    """The closest candidate to a misspelt word, if one is close enough (case ignored)."""
    lowered = {candidate.lower(): candidate for candidate in candidates}
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def _subject(loc: Loc) -> str:
    """« titre », or « l'élément 2 de « points_favorables » » for an item of a list."""
    name = f"« {_field(loc)} »"
    loc = yaml_path(loc)
    if loc and isinstance(loc[-1], int):
        return f"l'élément {loc[-1] + 1} de {name}"
    return name


def _field(loc: Loc) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and part[:1] != TAG_PREFIX:
            return part
    return "check-list"


def _noun(model: type[BaseModel] | None, *, of: bool = False) -> str:
    """« la question » (or « de la question » with ``of``) for a model class."""
    nouns = _NOUNS.get(model.__name__ if model else "", ("cet élément", "de cet élément"))
    return nouns[1] if of else nouns[0]


def _describe_input(value: object) -> str:
    if value is None:
        return "une valeur vide"
    if isinstance(value, bool):
        return f"le booléen {str(value).lower()}"
    if isinstance(value, int):
        return f"le nombre {value}"
    if isinstance(value, list):
        return "une liste"
    if isinstance(value, dict):
        return "un dictionnaire de clés"
    text = " ".join(str(value).split())
    return f"« {text[:60]}{'…' if len(text) > 60 else ''} »"


def explain_error(error: ErrorDetails) -> Explanation:
    """A French explanation of one pydantic error (with a generic fallback naming the field).

    The location may hold the union tags of conditions (``@test``...): they tell which model
    a condition was read as, and are dropped from the returned YAML path.
    """
    explanation = _explain(error)
    return replace(explanation, loc=yaml_path(explanation.loc))


def _explain(error: ErrorDetails) -> Explanation:
    kind = error["type"]
    loc: Loc = tuple(error["loc"])
    ctx = error.get("ctx") or {}
    value = error.get("input")
    name = _field(loc)
    if kind == "extra_forbidden":
        parent = model_at(loc[:-1])
        guess = suggest_key(name, parent) if parent else None
        message = f"clé inconnue « {name} »"
        if guess:
            message += f" — vouliez-vous dire « {guess} » ?"
        keys = ", ".join(allowed_keys(parent)) if parent else ""
        hint = f"clés possibles ici : {keys}" if keys else ""
        return Explanation(message, hint, loc, True, "cle-inconnue")
    if kind == "missing":
        owner = _noun(model_at(loc[:-1]), of=True)
        owner_id = value.get("id") if isinstance(value, dict) else None
        if isinstance(owner_id, str) and 0 < len(owner_id) <= 60:
            owner += f" « {owner_id} »"
        return Explanation(
            f"clé obligatoire « {name} » absente {owner}",
            f"ajoutez une ligne « {name}: … » dans ce bloc",
            loc[:-1],
            code="cle-obligatoire-absente",
        )
    if kind in ("string_type", "tuple_type", "model_type", "dict_type", "bool_type"):
        return replace(_wrong_type(kind, name, loc, value), code="type-incorrect")
    if kind == "string_too_short":
        return Explanation(
            f"{_subject(loc)} ne peut pas être vide", "écrivez un texte", loc, code="texte-vide"
        )
    if kind == "string_too_long":
        limit = ctx.get("max_length", "?")
        message = f"{_subject(loc)} est trop long (au plus {limit} caractères)"
        return Explanation(message, "", loc, code="texte-trop-long")
    if kind == "string_pattern_mismatch":
        return replace(_pattern(name, loc, value), code="format-invalide")
    if kind == "too_short":
        return Explanation(
            f"« {name} » doit contenir au moins {ctx.get('min_length', 1)} élément",
            "ajoutez un élément (une ligne commençant par « - »)",
            loc,
            code="liste-vide",
        )
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        guess = suggest(str(value), expected)
        message = f"valeur inconnue {_describe_input(value)} pour « {name} »"
        if value is None:
            message = f"« {name} » est vide"
        if guess:
            message += f" — vouliez-vous dire « {guess} » ?"
        what = "types" if name == "type" else "valeurs"
        hint = f"{what} possibles : {', '.join(expected)}"
        return Explanation(message, hint, loc, code="valeur-inconnue")
    if kind.startswith("date_"):
        if isinstance(value, str) and _DATE_RE.fullmatch(value):
            return Explanation(
                f"la date {value} n'existe pas",
                "vérifiez le jour et le mois (AAAA-MM-JJ)",
                loc,
                code="date-invalide",
            )
        return Explanation(
            f"« {name} » doit être une date AAAA-MM-JJ, pas {_describe_input(value)}",
            "par exemple 2025-06-30",
            loc,
            code="date-invalide",
        )
    if kind == "value_error":
        reason = str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
        return Explanation(reason, "", loc)
    return Explanation(
        f"valeur refusée pour {_subject(loc)} : {_describe_input(value)}",
        f"détail technique (en anglais) : {error['msg']}",
        loc,
    )


def _wrong_type(kind: str, name: str, loc: Loc, value: object) -> Explanation:
    got = _describe_input(value)
    if value is None and kind == "string_type":
        return Explanation(
            f"{_subject(loc)} est vide", "écrivez une valeur après les deux-points", loc
        )
    if kind == "string_type":
        if name == "version":
            return Explanation(
                f"la version doit être un texte, pas {got}",
                'écrivez-la entre guillemets, par exemple version: "1.0.0"',
                loc,
            )
        return Explanation(
            f"{_subject(loc)} doit être un texte, pas {got}",
            "mettez la valeur entre guillemets si elle doit rester telle quelle",
            loc,
        )
    if kind == "tuple_type":
        return Explanation(
            f"« {name} » doit être une liste, pas {got}",
            "écrivez chaque élément sur sa ligne, précédé de « - »",
            loc,
        )
    if kind == "bool_type":
        return Explanation(
            f"« {name} » doit valoir true ou false, pas {got}",
            "écrivez true (oui) ou false (non), sans guillemets",
            loc,
        )
    model = model_at(loc)
    noun = _noun(model)
    if model is Test:
        return Explanation(
            f"{noun} doit être un dictionnaire de clés, pas {got}",
            "une condition s'écrit par exemple {question: proprietaire, est: commune}, "
            "ou combine d'autres conditions avec « et », « ou », « non »",
            loc,
        )
    keys = ", ".join(allowed_keys(model)) if model else ""
    return Explanation(
        f"{noun} doit être un dictionnaire de clés, pas {got}",
        f"clés possibles : {keys}" if keys else "vérifiez l'indentation",
        loc,
    )


def _pattern(name: str, loc: Loc, value: object) -> Explanation:
    got = _describe_input(value)
    if name == "version":
        return Explanation(
            f"version {got} mal formée",
            'écrivez par exemple "1.0" ou "1.0.0" (chiffres séparés par des points)',
            loc,
        )
    if name == "id" and model_at(loc[:-1]) is Source:
        return Explanation(
            f"identifiant de source {got} invalide",
            "lettres sans accents, chiffres et tirets, par exemple « S-7 »",
            loc,
        )
    if name == "id":
        return Explanation(
            f"identifiant {got} invalide : minuscules, chiffres et tirets seulement", _ID_HINT, loc
        )
    return Explanation(f"valeur {got} mal formée pour « {name} »", "", loc)
