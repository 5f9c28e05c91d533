"""The JSON Schema of checklists: committed, up to date, and right for editors.

A small draft-7 validator (the keywords the schema uses) checks that every valid checklist
is accepted and that typical mistakes are flagged, as VS Code's YAML extension would.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from checklist_strategies import checklist_data
from hypothesis import HealthCheck, given, settings

from synergy_wizard.checklist import conditions
from synergy_wizard.checklist.loader import bundled_checklist_paths
from synergy_wizard.checklist.messages import allowed_keys
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
from synergy_wizard.checklist.schema import SCHEMA_DRAFT, checklist_schema, schema_text
from synergy_wizard.safe_yaml import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "checklists" / "schema.json"
LINT = ROOT / "tests" / "data" / "lint"
LOADABLE_LINT_FIXTURES = [
    "propre",
    "aide-absente",
    "texte-en-double",
    "jamais-affichee-repetition",
    "condition-sur-section-repetee",
    "historique-desordonne",
]

DRAFT7_KEYWORDS = {
    "$schema", "$id", "$ref", "title", "description", "default", "type", "properties",
    "required", "additionalProperties", "items", "enum", "const", "pattern", "minLength",
    "maxLength", "minItems", "maxItems", "format", "oneOf", "anyOf", "allOf", "not", "if",
    "then", "else", "definitions",
}  # fmt: skip


# --- a small draft-7 validator -------------------------------------------------------------------

_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def errors(instance: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "") -> list[str]:
    """Why ``instance`` does not match ``schema`` (empty when it does)."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/definitions/")
        return errors(instance, root["definitions"][name], root, at)
    found: list[str] = []
    expected = schema.get("type")
    if expected and not isinstance(instance, _TYPES[expected]):
        return [f"{at}: {expected} attendu"]
    if isinstance(instance, bool) and expected in ("string", "array", "object"):
        return [f"{at}: {expected} attendu"]
    if "enum" in schema and instance not in schema["enum"]:
        found.append(f"{at}: valeur hors de {schema['enum']}")
    if isinstance(instance, str):
        if len(instance) < schema.get("minLength", 0):
            found.append(f"{at}: trop court")
        if len(instance) > schema.get("maxLength", 10**9):
            found.append(f"{at}: trop long")
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            found.append(f"{at}: motif")
        if schema.get("format") == "date" and not _is_date(instance):
            found.append(f"{at}: date")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            found.append(f"{at}: trop peu d'éléments")
        if len(instance) > schema.get("maxItems", 10**9):
            found.append(f"{at}: trop d'éléments")
        for index, item in enumerate(instance):
            found += errors(item, schema.get("items", {}), root, f"{at}/{index}")
    if isinstance(instance, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in instance:
                found.append(f"{at}: {key} manquant")
        for key, value in instance.items():
            if key in properties:
                found += errors(value, properties[key], root, f"{at}/{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{at}: clé inconnue {key}")
    for branch in schema.get("allOf", []):
        found += errors(instance, branch, root, at)
    if "anyOf" in schema and all(errors(instance, b, root, at) for b in schema["anyOf"]):
        found.append(f"{at}: aucune forme ne convient (anyOf)")
    if "oneOf" in schema:
        matching = [b for b in schema["oneOf"] if not errors(instance, b, root, at)]
        if len(matching) != 1:
            found.append(f"{at}: {len(matching)} formes conviennent (oneOf)")
    if "if" in schema:
        branch = "then" if not errors(instance, schema["if"], root, at) else "else"
        found += errors(instance, schema.get(branch, {}), root, at)
    return found


def _is_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def yaml_data(path: Path) -> Any:
    return parse_yaml(path.read_bytes(), path).data


SCHEMA = checklist_schema()


def check(data: Any) -> list[str]:
    return errors(data, SCHEMA, SCHEMA)


# --- the committed file -----------------------------------------------------------------------


def test_committed_schema_is_up_to_date() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "checklists/schema.json is out of date: run "
        "`synergy-wizard schema > checklists/schema.json`"
    )


def test_cli_prints_the_schema(isolated_home: Path) -> None:
    probe = (
        "import sys\nfrom synergy_wizard.cli import main\ncode = main(['schema'])\n"
        "assert 'textual' not in sys.modules\nsys.exit(code)\n"
    )
    env = {**os.environ, "SYNERGY_WIZARD_HOME": str(isolated_home), "PYTHONUTF8": "1"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == schema_text()


@pytest.mark.parametrize("path", bundled_checklist_paths(), ids=lambda p: p.stem)
def test_bundled_checklist_names_the_schema_on_its_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema.json"
    assert (path.parent / "schema.json").is_file()


# --- its shape ------------------------------------------------------------------------------


def test_header() -> None:
    assert SCHEMA["$schema"] == SCHEMA_DRAFT == "http://json-schema.org/draft-07/schema#"
    assert SCHEMA["$id"].startswith("urn:synergy-wizard:")
    assert SCHEMA["title"] == "Check-list synergy-wizard"
    assert SCHEMA["description"] == "Une check-list de préparation d'un type de synergie."


def _walk(node: Any, in_properties: bool = False) -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            if not in_properties:
                yield key
            yield from _walk(value, in_properties=key in ("properties", "definitions"))
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def test_only_draft7_keywords_and_local_references() -> None:
    assert set(_walk(SCHEMA)) <= DRAFT7_KEYWORDS
    refs = re.findall(r'"\$ref": "([^"]+)"', schema_text())
    assert refs and all(ref.removeprefix("#/definitions/") in SCHEMA["definitions"] for ref in refs)


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("Checklist", Checklist),
        ("Section", Section),
        ("Question", Question),
        ("Choice", Choice),
        ("Source", Source),
        ("Reference", Reference),
        ("GlossaryEntry", GlossaryEntry),
        ("ChangelogEntry", ChangelogEntry),
        ("Test", conditions.Test),
        ("AllOf", conditions.AllOf),
        ("AnyOf", conditions.AnyOf),
        ("Not", conditions.Not),
    ],
)
def test_every_object_lists_its_yaml_keys_and_forbids_others(name: str, model: Any) -> None:
    definition = SCHEMA if name == "Checklist" else SCHEMA["definitions"][name]
    assert definition["additionalProperties"] is False
    assert list(definition["properties"]) == allowed_keys(model)
    assert definition["title"] and definition["description"]
    for prop in definition["properties"].values():
        assert "title" not in prop
        assert "\n" not in prop.get("description", "")


def test_descriptions_come_from_the_french_docstrings() -> None:
    question = SCHEMA["definitions"]["Question"]["properties"]
    assert question["visible_si"]["description"] == (
        "Condition pour afficher la question (sinon elle est toujours affichée)."
    )
    assert question["anciens_ids"]["description"].startswith("Identifiants que la question a")


# --- what it accepts and refuses --------------------------------------------------------------


@pytest.mark.parametrize("path", bundled_checklist_paths(), ids=lambda p: p.stem)
def test_bundled_checklists_match_the_schema(path: Path) -> None:
    assert check(yaml_data(path)) == []


@pytest.mark.parametrize("name", LOADABLE_LINT_FIXTURES)
def test_lint_fixtures_that_load_match_the_schema(name: str) -> None:
    assert check(yaml_data(LINT / f"{name}.yaml")) == []


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=checklist_data())
def test_every_valid_checklist_matches_the_schema(data: dict[str, Any]) -> None:
    assert check(data) == []


def _base() -> dict[str, Any]:
    data = yaml_data(LINT / "propre.yaml")
    assert isinstance(data, dict)
    return data


def _question(data: dict[str, Any], index: int = 1) -> dict[str, Any]:
    question = data["sections"][0]["questions"][index]
    assert isinstance(question, dict)
    return question


MISTAKES = {
    "clé inconnue": lambda d: _question(d).update(requierd=True),
    "deux opérations": lambda d: _question(d).update(
        visible_si={"question": "porteur", "est": "commune", "parmi": ["centre"]}
    ),
    "aucune opération": lambda d: _question(d).update(visible_si={"question": "porteur"}),
    "et mêlé à un test": lambda d: _question(d).update(
        visible_si={"question": "porteur", "et": [{"question": "porteur", "est": "commune"}]}
    ),
    "est avec une liste": lambda d: _question(d).update(
        visible_si={"question": "porteur", "est": ["commune"]}
    ),
    "repondue en texte": lambda d: _question(d).update(
        visible_si={"question": "porteur", "repondue": "oui"}
    ),
    "un seul choix": lambda d: _question(d, 0).update(choix=[{"id": "a", "libelle": "A"}]),
    "choix sans type à choix": lambda d: _question(d).update(choix=[{"id": "a", "libelle": "A"}]),
    "type inconnu": lambda d: _question(d).update(type="liste"),
    "version en nombre": lambda d: d.update(version=1),
    "date impossible": lambda d: d.update(cadre_legal_au="2025-02-30"),
    "identifiant invalide": lambda d: _question(d).update(id="Budget_1"),
    "obligatoire en texte": lambda d: _question(d).update(obligatoire="oui"),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_typical_mistakes_are_flagged(mistake: str) -> None:
    data = _base()
    assert check(data) == []
    MISTAKES[mistake](data)
    assert check(data) != []
