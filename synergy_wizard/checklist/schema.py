"""The JSON Schema of checklist files, for editors (VS Code with the YAML extension).

It is generated from the pydantic models: property names are the French YAML keys and the
descriptions are the French attribute docstrings (read here, from the models' source, rather
than by pydantic when each model is defined: reading them costs start-up time that only the
schema needs). It follows draft 7 of JSON Schema (with
« definitions »), which editors support best. A few touches make it more helpful in an
editor than the raw pydantic output: French titles, no English property titles, a test of a
condition must use exactly one operation, and « choix » is required exactly for the choice
kinds. ``checklists/schema.json`` is this schema, committed; ``synergy-wizard schema``
prints it.
"""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
from typing import Any

from pydantic import BaseModel

from synergy_wizard.checklist.conditions import AllOf, AnyOf, Not, Test
from synergy_wizard.checklist.models import (
    ChangelogEntry,
    Checklist,
    Choice,
    GlossaryEntry,
    Question,
    Reference,
    Section,
    Source,
)

__all__ = ["SCHEMA_DRAFT", "SCHEMA_ID", "checklist_schema", "schema_text"]

SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: the version the YAML extension of VS Code (yaml-language-server) fully supports."""
SCHEMA_ID = "urn:synergy-wizard:schema:check-list"

_TITLES = {
    "Checklist": "Check-list synergy-wizard",
    "Section": "Section",
    "Question": "Question",
    "Choice": "Choix",
    "Source": "Source",
    "Reference": "Référence",
    "GlossaryEntry": "Terme du glossaire",
    "ChangelogEntry": "Version de l'historique",
    "Test": "Condition sur une réponse",
    "AllOf": "Condition « et »",
    "AnyOf": "Condition « ou »",
    "Not": "Condition « non »",
}
_COMBINATIONS = {
    "AllOf": ("et", "Conditions qui doivent toutes être vraies."),
    "AnyOf": ("ou", "Conditions dont au moins une doit être vraie."),
    "Not": ("non", "Condition qui doit être fausse."),
}
_OPERATORS = ("est", "parmi", "contient", "repondue")
_CHOICE_KINDS = ["choix", "choix_multiple"]

_MODELS: tuple[type[BaseModel], ...] = (
    Checklist,
    Section,
    Question,
    Choice,
    Source,
    Reference,
    GlossaryEntry,
    ChangelogEntry,
    Test,
    AllOf,
    AnyOf,
    Not,
)

JsonObject = dict[str, Any]


def checklist_schema() -> JsonObject:
    """The JSON Schema of a checklist file, as a plain dict."""
    raw = Checklist.model_json_schema(by_alias=True, ref_template="#/definitions/{model}")
    definitions: JsonObject = raw.pop("$defs")
    models = {model.__name__: model for model in _MODELS}
    for name, definition in definitions.items():
        _describe_properties(definition, models[name])
        _tidy(definition, name)
    _describe_properties(raw, Checklist)
    _tidy(raw, "Checklist")
    _one_operation(definitions["Test"])
    for name, (key, description) in _COMBINATIONS.items():
        definitions[name]["properties"][key]["description"] = description
    _choices_by_kind(definitions["Question"])
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": SCHEMA_ID,
        "title": raw.pop("title"),
        "description": raw.pop("description"),
        **raw,
        "definitions": dict(sorted(definitions.items())),
    }


def schema_text() -> str:
    """The schema as the text of ``checklists/schema.json`` (stable, ends with a newline)."""
    return json.dumps(checklist_schema(), ensure_ascii=False, indent=2) + "\n"


def attribute_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """The docstring written under each field of ``model`` (and of its bases), by field name."""
    found: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)) or cls is BaseModel:
            continue
        body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
        assert isinstance(body, ast.ClassDef)
        for statement, following in zip(body.body, body.body[1:], strict=False):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                found[statement.target.id] = inspect.cleandoc(following.value.value)
    return found


def _describe_properties(definition: JsonObject, model: type[BaseModel]) -> None:
    """Each property's description from its field's docstring (keys kept sorted)."""
    docstrings = attribute_docstrings(model)
    properties = definition.get("properties", {})
    for name, field in model.model_fields.items():
        key = field.alias or name
        if name in docstrings and key in properties:
            described = {**properties[key], "description": docstrings[name]}
            properties[key] = dict(sorted(described.items()))


def _tidy(definition: JsonObject, name: str) -> None:
    """French title; descriptions on one line; no generated English property titles."""
    definition["title"] = _TITLES[name]
    if "description" in definition:
        definition["description"] = " ".join(definition["description"].split())
    for prop in definition.get("properties", {}).values():
        prop.pop("title", None)
        if "description" in prop:
            prop["description"] = " ".join(prop["description"].split())


def _one_operation(test: JsonObject) -> None:
    """A test names exactly one operation, never null."""
    properties = test["properties"]
    for operator in _OPERATORS:
        prop = properties[operator]
        branches = [b for b in prop.pop("anyOf") if b.get("type") != "null"]
        prop.pop("default", None)
        [kept] = branches
        properties[operator] = {"description": prop["description"], **kept}
    test["oneOf"] = [{"required": [operator]} for operator in _OPERATORS]


def _choices_by_kind(question: JsonObject) -> None:
    """« choix » (two or more) for the choice kinds, and no choices for the other kinds."""
    question["if"] = {
        "required": ["type"],
        "properties": {"type": {"enum": _CHOICE_KINDS}},
    }
    question["then"] = {"required": ["choix"], "properties": {"choix": {"minItems": 2}}}
    question["else"] = {"properties": {"choix": {"maxItems": 0}}}
