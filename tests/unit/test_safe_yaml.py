"""The strict YAML reader: surprise-free scalars, exact marks, and French errors for bad input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from synergy_wizard import safe_yaml
from synergy_wizard.errors import ProblemsError
from synergy_wizard.safe_yaml import Mark, YamlDocument, YamlError, parse_yaml

SOURCE = Path("essai.yaml")


@pytest.fixture(params=["libyaml", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with the libyaml parser and again with PyYAML's pure-Python one."""
    if request.param == "pure":
        monkeypatch.setattr(safe_yaml, "_Loader", yaml.SafeLoader)
    yield request.param


def parse(text: str | bytes, **limits: int) -> YamlDocument:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_yaml(raw, SOURCE, **limits)


def problems_of(text: str | bytes, **limits: int) -> list[tuple[int, int, str, str]]:
    with pytest.raises(YamlError) as caught:
        parse(text, **limits)
    return [(p.location.line, p.location.column, p.message, p.hint) for p in caught.value.problems]


def single_problem(text: str | bytes, **limits: int) -> tuple[int, int, str, str]:
    found = problems_of(text, **limits)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("null", None),
        ("Null", None),
        ("~", None),
        ("", None),
        ("true", True),
        ("TRUE", True),
        ("False", False),
        ("0", 0),
        ("42", 42),
        ("-7", -7),
        ("NO", "NO"),
        ("yes", "yes"),
        ("oui", "oui"),
        ("on", "on"),
        ("1.10", "1.10"),
        ("1.0.0", "1.0.0"),
        ("010", "010"),
        ("+1", "+1"),
        ("1e3", "1e3"),
        ("0x10", "0x10"),
        (".inf", ".inf"),
        ("2024-02-30", "2024-02-30"),
        ("2025-06-30", "2025-06-30"),
        ("12:30", "12:30"),
        ("1_000", "1_000"),
    ],
)
def test_plain_scalars_resolve_without_yaml_1_1_surprises(
    parser: str, plain: str, expected: object
) -> None:
    data = parse(f"valeur: {plain}\n").data
    assert isinstance(data, dict)
    assert data == {"valeur": expected}
    assert type(data["valeur"]) is type(expected)


@pytest.mark.parametrize("quoted", ["'42'", '"true"', "'null'", '""', "|\n  42\n"])
def test_quoted_and_block_scalars_are_always_strings(quoted: str) -> None:
    data = parse(f"valeur: {quoted}").data
    assert isinstance(data, dict)
    assert isinstance(data["valeur"], str)


def test_mapping_keys_are_always_strings() -> None:
    data = parse("1: a\ntrue: b\nnull: c\n2024-01-01: d\n").data
    assert data == {"1": "a", "true": "b", "null": "c", "2024-01-01": "d"}


def test_empty_or_comment_only_file_gives_none() -> None:
    assert parse("").data is None
    assert parse("# rien\n\n").data is None


def test_marks_point_at_values_and_keys(parser: str) -> None:
    document = parse(
        "id: essai\n"
        "sections:\n"
        "  - id: une\n"
        "    questions:\n"
        "      - id: q\n"
        "        texte: « élan » ?\n"
        "        choix: [a, b]\n"
    )
    assert document.value_marks[()] == Mark(1, 1)
    assert document.value_marks[("id",)] == Mark(1, 5)
    assert document.key_marks[("id",)] == Mark(1, 1)
    assert document.value_marks[("sections",)] == Mark(3, 3)
    assert document.value_marks[("sections", 0)] == Mark(3, 5)
    assert document.key_marks[("sections", 0, "questions")] == Mark(4, 5)
    assert document.value_marks[("sections", 0, "questions", 0, "texte")] == Mark(6, 16)
    assert document.value_marks[("sections", 0, "questions", 0, "choix", 1)] == Mark(7, 20)
    # Walking up to the nearest known node for a path that does not exist.
    assert document.mark_for(("sections", 0, "questions", 0, "absent")) == Mark(5, 9)
    assert document.mark_for(("rien", 3)) == Mark(1, 1)


def test_marks_count_characters_not_bytes_and_survive_crlf(parser: str) -> None:
    document = parse("titre: éèêë\r\nsuite: ça\r\n")
    assert document.data == {"titre": "éèêë", "suite": "ça"}
    assert document.value_marks[("suite",)] == Mark(2, 8)


def test_both_parsers_give_the_same_tree_and_marks(
    mini_checklist_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = mini_checklist_path.read_bytes()
    fast = parse_yaml(raw, mini_checklist_path)
    monkeypatch.setattr(safe_yaml, "_Loader", yaml.SafeLoader)
    pure = parse_yaml(raw, mini_checklist_path)
    assert fast == pure
    assert len(fast.value_marks) > 50


def test_bom_is_skipped_and_marks_start_after_it() -> None:
    document = parse(b"\xef\xbb\xbfid: essai\nversion: '1.0'\n")
    assert document.data == {"id": "essai", "version": "1.0"}
    assert document.key_marks[("id",)] == Mark(1, 1)


def test_cp1252_bytes_are_reported_at_the_first_bad_byte() -> None:
    line, column, message, hint = single_problem("id: x\ntitre: Opportunité\n".encode("cp1252"))
    assert (line, column) == (2, 18)
    assert "UTF-8" in message and "0xE9" in message
    assert "UTF-8" in hint


def test_control_characters_are_refused_with_their_position() -> None:
    line, column, message, _ = single_problem("a: 1\nb: x\x07y\n")
    assert (line, column) == (2, 5)
    assert "U+0007" in message


def test_size_cap_is_checked_before_parsing() -> None:
    line, _, message, _ = single_problem(b"a: [" * 100, max_bytes=100)
    assert line == 0
    assert "trop volumineux" in message


def test_aliases_and_anchors_are_refused_each_with_its_place(parser: str) -> None:
    found = problems_of("a: &ancre [1, 2]\nb: *ancre\nc: *ancre\n")
    assert [(line, column) for line, column, _, _ in found] == [(1, 4), (2, 4), (3, 4)]
    assert all("alias YAML (&, *) ne sont pas acceptés" in message for _, _, message, _ in found)


def test_alias_bomb_is_refused_without_expanding_it(parser: str) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        previous = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        levels.append(f"{name}: &{name} [{', '.join(f'*{previous}' for _ in range(10))}]")
    found = problems_of("\n".join(levels) + "\n")
    assert found
    assert all("alias" in message for _, _, message, _ in found)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a: !!python/object/apply:os.system ['echo']\n", "!!python/object/apply:os.system"),
        ("a: !!str 010\n", "!!str"),
        ("a: !perso valeur\n", "!perso"),
    ],
)
def test_explicit_tags_are_refused(parser: str, text: str, shown: str) -> None:
    line, column, message, _ = single_problem(text)
    assert (line, column) == (1, 4)
    assert f"« {shown} »" in message


def test_duplicate_keys_name_both_lines(parser: str) -> None:
    line, column, message, _ = single_problem("a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert (line, column) == (4, 3)
    assert "« b »" in message and "lignes 2 et 4" in message


def test_same_key_in_different_mappings_is_fine() -> None:
    assert parse("a: {id: 1}\nb: {id: 2}\n").data == {"a": {"id": 1}, "b": {"id": 2}}


def test_deep_nesting_is_refused(parser: str) -> None:
    line, _, message, _ = single_problem("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert line == 1
    assert "imbriqué trop profondément" in message
    assert parse("a: " + "[" * 49 + "]" * 49).data is not None


def test_huge_integers_are_refused(parser: str) -> None:
    line, column, message, hint = single_problem("a: " + "9" * 5000 + "\n")
    assert (line, column) == (1, 4)
    assert "5000 chiffres" in message
    assert "guillemets" in hint
    assert parse("a: " + "9" * 20).data == {"a": int("9" * 20)}


def test_more_than_one_document_is_refused(parser: str) -> None:
    line, column, message, _ = single_problem("a: 1\n---\nb: 2\n")
    assert (line, column) == (2, 1)
    assert "plusieurs documents" in message


def test_complex_keys_are_refused(parser: str) -> None:
    _, _, message, _ = single_problem("? [a, b]\n: 1\n")
    assert "une clé doit être un simple texte" in message


@pytest.mark.parametrize(
    ("text", "where", "message", "hint"),
    [
        ("a:\n\tb: 1\n", (2, 1), "tabulation", "remplacez les tabulations par des espaces"),
        ("a:\n  b: 1\n\tc: 2\n", (3, 1), "tabulation", "remplacez les tabulations"),
        ("a: 'abc\nb: 2\n", (1, 4), "guillemet ouvert ici mais jamais refermé", "guillemet"),
        ('a: "abc\nb: 2\n', (1, 4), "guillemet ouvert ici mais jamais refermé", "guillemet"),
        ("a:\n  b: 1\n c: 2\n", (3, 2), "indentation incohérente", "même colonne"),
        ("a:\n  - id: x\n   t: y\n", (3, 4), "indentation incohérente", "indentation"),
        ("a: x: y\n", (1, 5), "deux-points « : » inattendu", "guillemets"),
        ("a: 1\nb\nc: 2\n", (2, 1), "deux-points « : » manquant", "clé: valeur"),
        ("a: - b\n", (1, 4), "tiret « - » inattendu", "une liste se place sous une clé"),
        ('a: "C:\\dossier"\n', (1, 7), "barre oblique inverse", "apostrophes"),
        ("a: *important*\n", (1, 4), "« * » est lu comme un alias", "guillemets"),
        ("a: @x\n", (1, 4), "caractère « @ » inattendu", "guillemets"),
        ("a: `x`\n", (1, 4), "caractère « ` » inattendu", "guillemets"),
        ("a: [1, 2\nb: 3\n", (2, 2), "« [ » ouvert ligne 1, colonne 4", "« ] »"),
        ("a: {x: 1\n", (2, 1), "« { » ouvert ligne 1", "« } »"),
        ("%YAML 2.0\n---\na: 1\n", (1, 1), "un seul document", "---"),
        ("a: 1\n...\nb\n", (3, 1), "un seul document", "---"),
        ("a: |x\n  b\n", (1, 4), "bloc de texte « | » ou « > » mal formé", "seul en fin"),
        ("a: !x!y 1\n", (1, 4), "étiquettes YAML", "guillemets"),
    ],
)
def test_syntax_errors_become_located_french_messages(
    parser: str, text: str, where: tuple[int, int], message: str, hint: str
) -> None:
    line, column, found_message, found_hint = single_problem(text)
    assert (line, column) == where
    assert message in found_message
    assert hint in found_hint


def test_errors_are_problems_errors_without_traceback_text() -> None:
    with pytest.raises(ProblemsError) as caught:
        parse("a: 'abc\n")
    text = str(caught.value)
    assert text.startswith("essai.yaml:1:4: erreur : ")
    assert "Traceback" not in text and "yaml." not in text


def test_several_problems_are_reported_together_sorted_by_line() -> None:
    found = problems_of("b: *x\na: 1\na: 2\nc: !t 3\n")
    assert [line for line, _, _, _ in found] == [1, 3, 4]
