"""The dossier file format: exact round trips, readable output, located French errors."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synergy_wizard.answers.fileformat import HEADER, NewerFormatError, _dump
from synergy_wizard.answers.model import Answer, Dossier, ProjectInfo
from synergy_wizard.answers.storage import dump_dossier, load_dossier, save_dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import DossierError
from synergy_wizard.safe_yaml import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
DOSSIERS = ROOT / "tests" / "data" / "dossiers"
BRUSSELS = timezone(timedelta(hours=1))
STAMP = datetime(2026, 1, 12, 16, 45, tzinfo=BRUSSELS)

# Texts a careless YAML writer or reader would turn into something else.
TRICKY_TEXTS = [
    "NO", "no", "yes", "On", "off", "1.10", "010", "0", "-0", "12", "1_000", "0x1F", "1:20",
    ".inf", "2024-02-30", "2026-01-05T10:00:00", "null", "Null", "nULL", "~", "true", "tRUE",
    "False", "", " ", "=", "<<", "&ancre", "*alias", "!etiquette", "!!python/object", "@x",
    "`x`", "%x", "| x", "> x", "- x", "? x", "[a, b]", "{a: b}", "a: b", "a:b", "a #b", "#c",
    "'apostrophes'", '"guillemets"', "l'école « du CPAS »", "  espaces devant",
    "espaces derrière  ", "tab\tdedans", "\tdébut", "fin\t", "é€😀", "---", "...", "--- x",
    "ligne\n", "\n", "\n\n", "a\n\n\nb\n\n", "  indentée\nensuite", "a\r\nb", "a\rb",
    "a\x85b", "a\u2028b", "a\u2029b", "\ufeffbom", "cloche\x07", "nul\x00", "\\ \\n",
    "{{ 7*7 }}", "<script>alert(1)</script>",
]  # fmt: skip


@functools.cache
def _mini() -> Checklist:
    path = ROOT / "tests" / "data" / "good" / "mini.yaml"
    return Checklist.model_validate(parse_yaml(path.read_bytes(), path).data)


@pytest.fixture
def mini() -> Checklist:
    return _mini()


def _dossier(checklist: Checklist, **project: str) -> Dossier:
    info = ProjectInfo.model_validate(
        {"nom": "Bâtiment Fléron 2026", "cree_le": STAMP, "modifie_le": STAMP, **project}
    )
    return Dossier.new(checklist, info)


def _round_trip(dossier: Dossier, path: Path) -> Dossier:
    save_dossier(dossier, path)
    loaded = load_dossier(path)
    assert loaded == dossier
    assert loaded.to_file_data() == dossier.to_file_data()
    assert dump_dossier(loaded) == path.read_text(encoding="utf-8")
    return loaded


@pytest.mark.parametrize("text", TRICKY_TEXTS, ids=repr)
def test_tricky_texts_round_trip_exactly(mini: Checklist, tmp_path: Path, text: str) -> None:
    dossier = _dossier(mini, cpas=text, auteur=text)
    dossier.answers["nom-projet-court"] = Answer(value=text, note=text, owner=text)
    dossier.answers["services-vises"] = Answer(value=[text, "grh"])
    dossier.answers[text] = Answer(value=text)  # even a hand-edited, odd question id
    dossier.position = text
    loaded = _round_trip(dossier, tmp_path / "dossier.yaml")
    assert loaded.answers["nom-projet-court"].value == text
    assert loaded.answer(text).value == text


def test_output_is_readable_and_follows_the_model_order(mini: Checklist, tmp_path: Path) -> None:
    note = "Premier point : « accord » du collège.\n  - détail indenté # pas un commentaire\n"
    dossier = _dossier(mini, cpas="CPAS de Fléron")
    dossier.answers["probleme-resolu"] = Answer(
        value="non", note=note, owner="Anne", deadline=date(2026, 3, 31), updated_at=STAMP
    )
    dossier.answers["nom-projet-court"] = Answer(value="NO")
    text = dump_dossier(dossier)
    assert text.startswith(HEADER)
    assert "enregistré automatiquement" in HEADER and "précaution" in HEADER
    body = text[len(HEADER) :]
    keys = [line.split(":")[0] for line in body.splitlines() if line and line[0].isalpha()]
    assert keys == ["format", "projet", "checklist", "position", "reponses"]
    assert "  nom: Bâtiment Fléron 2026\n" in text  # accents kept, not escaped
    assert (
        "    note: |\n"
        "      Premier point : « accord » du collège.\n"
        "        - détail indenté # pas un commentaire\n"
    ) in text
    assert "    echeance: '2026-03-31'\n" in text
    assert "    valeur: 'NO'\n" in text
    assert "responsable: Anne" in text and "modifie_le: '2026-01-12T16:45:00+01:00'" in text
    _round_trip(dossier, tmp_path / "dossier.yaml")


def test_long_notes_are_never_folded(mini: Checklist, tmp_path: Path) -> None:
    words = " ".join(f"mot{n} « é » €" for n in range(600))
    long_line = words[:5000]
    multi = "".join(f"Ligne {n:02} : {words[:88]}\n" for n in range(50))
    dossier = _dossier(mini)
    dossier.answers["description"] = Answer(value=long_line, note=multi)
    text = dump_dossier(dossier)
    assert f"    valeur: {long_line}\n" in text  # one line, however long
    for line in multi.splitlines():
        assert f"      {line}\n" in text
    loaded = _round_trip(dossier, tmp_path / "dossier.yaml")
    assert len(multi) == len(loaded.answers["description"].note) == 5000


@pytest.mark.parametrize(
    "note",
    [
        "espace en fin de ligne \nsuite",
        "\tcommence par une tabulation\nsuite\n",
        "a\n\tb\n\t\n",
        "  deux espaces devant\nsuite",
        "\n\nlignes vides devant",
        "fin avec lignes vides\n\n\n",
        "ligne faite d'espaces\n   \nsuite",
    ],
    ids=repr,
)
def test_pasted_multi_line_notes_stay_blocks(mini: Checklist, tmp_path: Path, note: str) -> None:
    dossier = _dossier(mini)
    dossier.answers["description"] = Answer(note=note)
    text = dump_dossier(dossier)
    assert "    note: |" in text
    assert "\\n" not in text and "\\t" not in text  # no escapes: written as is
    assert _round_trip(dossier, tmp_path / "dossier.yaml").answers["description"].note == note


def test_timestamps_with_offsets_survive(mini: Checklist, tmp_path: Path) -> None:
    dossier = _dossier(mini)
    naive = datetime(2026, 2, 1, 8, 30, 15, 123456)
    utc = datetime(2026, 2, 1, 8, 30, tzinfo=UTC)
    dossier.answers["porteur"] = Answer(value="cpas", updated_at=naive)
    dossier.answers["description"] = Answer(note="x", updated_at=utc)
    loaded = _round_trip(dossier, tmp_path / "dossier.yaml")
    assert loaded.answers["porteur"].updated_at == naive
    assert loaded.answers["description"].updated_at == utc


# Any text, and texts made of the characters that decide how a block is written.
_texts = st.text(max_size=120) | st.text(alphabet=" \t\n\r-#:'\"aé😀", max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.text(min_size=1, max_size=60),
    value=_texts,
    note=_texts,
    choices=st.lists(_texts, max_size=4),
    key=_texts,
)
def test_any_text_round_trips_in_the_readable_form(
    name: str, value: str, note: str, choices: list[str], key: str
) -> None:
    dossier = _dossier(_mini(), nom=name, partenaire=note)
    dossier.answers[key] = Answer(value=value, note=note, owner=value)
    dossier.answers["services-vises"] = Answer(value=choices)
    data = dossier.to_file_data()
    readable = _dump(data)
    assert parse_yaml(readable.encode("utf-8"), Path("x.yaml")).data == data
    text = dump_dossier(dossier)
    assert text == HEADER + "\n" + readable  # the fully quoted fallback was not needed
    quoted = _dump(data, quote_everything=True)
    assert parse_yaml(quoted.encode("utf-8"), Path("x.yaml")).data == data


def test_round_trip_under_a_non_utf8_locale(mini: Checklist, tmp_path: Path) -> None:
    source = tmp_path / "source.yaml"
    dossier = _dossier(mini, nom="Été à Liège — 5 000 € 😀")
    dossier.answers["description"] = Answer(value="« ça »\nsuite", note="naïve œuvre ✓")
    save_dossier(dossier, source)
    child = (
        "import locale, sys\n"
        "from pathlib import Path\n"
        "from synergy_wizard.answers.storage import load_dossier, save_dossier\n"
        "print(locale.getpreferredencoding(False))\n"
        "dossier = load_dossier(Path(sys.argv[1]))\n"
        "save_dossier(dossier, Path(sys.argv[2]))\n"
        "dossier.update_answer('porteur', note='\\u00e9t\\u00e9 \\u20ac \\U0001f600')\n"
        "save_dossier(dossier, Path(sys.argv[3]))\n"
    )
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONIOENCODING", None)
    copy, changed = tmp_path / "copie.yaml", tmp_path / "modifie.yaml"
    result = subprocess.run(
        [sys.executable, "-c", child, str(source), str(copy), str(changed)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "utf" not in result.stdout.lower()  # the child really ran without UTF-8
    assert copy.read_bytes() == source.read_bytes()
    assert load_dossier(copy) == dossier
    assert load_dossier(changed).answers["porteur"].note == "été € 😀"


def test_good_fixture_and_bom_load() -> None:
    good = load_dossier(DOSSIERS / "good.yaml")
    assert good.project.name == "Bâtiment Fléron 2026"
    assert good.project.updated_at == STAMP
    assert good.answers["probleme-resolu"].deadline == date(2026, 3, 31)
    assert good.answers["probleme-resolu"].note.endswith("42 000 € par an.\n")
    assert good.answers["services-vises"].value == ["grh", "informatique"]
    assert good.checklist.content_hash == (
        "sha256:abdd603e7a840d1e7346d950bbdff9557a82bae5d2394a8133a02891a5927a88"
    )
    assert load_dossier(DOSSIERS / "bom.yaml") == good


def _problems(name: str) -> list[tuple[int, int, str]]:
    path = DOSSIERS / name
    with pytest.raises(DossierError) as info:
        load_dossier(path)
    for problem in info.value.problems:
        assert problem.location.path == path
    return [(p.location.line, p.location.column, p.message) for p in info.value.problems]


def test_empty_dossier() -> None:
    assert _problems("empty.yaml") == [(1, 1, "le fichier est vide")]


def test_comments_only_dossier(tmp_path: Path) -> None:
    path = tmp_path / "commentaires.yaml"
    path.write_text("# rien\n\n", encoding="utf-8")
    with pytest.raises(DossierError) as info:
        load_dossier(path)
    assert info.value.problems[0].message == (
        "le fichier ne contient aucune donnée (seulement des commentaires)"
    )


def test_truncated_dossier() -> None:
    [(line, column, message)] = _problems("truncated.yaml")
    assert (line, column) == (8, 12)  # the opening quote of « cree_le »
    assert "guillemet" in message


def test_binary_dossier() -> None:
    assert _problems("binary.yaml") == [
        (
            1,
            6,
            "le fichier contient des données binaires : ce n'est pas un dossier "
            "synergy-wizard, ou il a été endommagé",
        )
    ]


def test_dossier_in_another_encoding() -> None:
    [(line, column, message)] = _problems("latin1.yaml")
    assert (line, column) == (1, 40)  # the « of « mini » saved in Windows-1252
    assert "UTF-8" in message and "0xAB" in message


def test_dossier_saved_in_utf16(tmp_path: Path) -> None:
    path = tmp_path / "unicode.yaml"
    path.write_bytes((DOSSIERS / "good.yaml").read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(DossierError) as info:
        load_dossier(path)
    [problem] = info.value.problems
    assert (problem.location.line, problem.location.column) == (1, 1)
    assert problem.message == "le fichier est encodé en UTF-16 et non en UTF-8"


def test_misspelt_key_is_located_with_a_suggestion() -> None:
    with pytest.raises(DossierError) as info:
        load_dossier(DOSSIERS / "wrong-key.yaml")
    [problem] = info.value.problems
    assert (problem.location.line, problem.location.column) == (12, 5)
    assert problem.message == (
        "dans la réponse à la question « porteur », clé inconnue « echeanse »"
    )
    assert problem.hint.startswith("vouliez-vous écrire « echeance » ?")


def test_wrong_types_are_all_reported_with_their_place() -> None:
    answer = "dans la réponse à la question"
    assert _problems("wrong-type.yaml") == [
        (4, 8, "« nom » doit être un texte"),
        (
            11,
            13,
            f"{answer} « porteur », « valeur » doit être un texte, une liste de textes ou rien",
        ),
        (
            15,
            7,
            f"{answer} « services-vises », l'élément n° 2 de « valeur » doit être un texte "
            "(l'identifiant d'un choix)",
        ),
        (
            18,
            15,
            f"{answer} « probleme-resolu », « echeance » doit être une date valide au format "
            "AAAA-MM-JJ, par exemple 2026-06-30",
        ),
        (
            19,
            16,
            "la réponse à la question « description » doit être un bloc de clés "
            "(« clé: valeur » sur les lignes suivantes, indentées)",
        ),
    ]


def test_newer_format_is_refused_and_left_alone() -> None:
    path = DOSSIERS / "newer-format.yaml"
    before = path.read_bytes()
    with pytest.raises(NewerFormatError) as info:
        load_dossier(path)
    assert info.value.found == 2
    [problem] = info.value.problems
    assert (problem.location.line, problem.location.column) == (2, 9)
    assert problem.message == (
        "ce dossier a été créé par une version plus récente de synergy-wizard (format 2 ; "
        "cette version lit le format 1) ; mettez le programme à jour"
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("- a\n- b\n", (1, 1), "ce fichier n'est pas un dossier synergy-wizard"),
        ("format: 0\n", (1, 9), "format de dossier inconnu (0)"),
        ("format: un\n", (1, 9), "« format » doit être un nombre entier"),
        ("format: true\n", (1, 9), "« format » doit être un nombre entier"),
        ("format: '3'\n", (1, 9), "ce dossier a été créé par une version plus récente"),
        ("format: 1\nprojet: {nom: X}\n", (1, 1), "la clé « checklist » manque"),
        ("reponse: {}\n", (1, 1), "clé inconnue « reponse »"),
        ("projet: {nom: ''}\n", (1, 15), "« nom » ne peut pas être vide"),
        (
            "projet: {nom: X, cree_le: hier}\n",
            (1, 27),
            "« cree_le » doit être une date et une heure",
        ),
    ],
)
def test_structure_mistakes(
    tmp_path: Path, text: str, where: tuple[int, int], message: str
) -> None:
    path = tmp_path / "dossier.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DossierError) as info:
        load_dossier(path)
    found = [
        (p.location.line, p.location.column)
        for p in info.value.problems
        if p.message.startswith(message)
    ]
    assert found == [where], [str(p) for p in info.value.problems]


def test_empty_answers_key_is_read_as_no_answers(mini: Checklist, tmp_path: Path) -> None:
    path = tmp_path / "dossier.yaml"
    save_dossier(_dossier(mini), path)
    text = path.read_text(encoding="utf-8").replace("reponses: {}", "reponses:")
    path.write_text(text, encoding="utf-8")
    assert load_dossier(path).answers == {}
