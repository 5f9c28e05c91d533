"""Loading checklist files: every mistake reported at once, in French, at the right line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synergy_wizard import paths, safe_yaml
from synergy_wizard.checklist.loader import (
    bundled_checklist_paths,
    find_checklist,
    load_bundled,
    load_checklist,
)
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import ChecklistError, NotFoundError

DATA = Path(__file__).resolve().parent.parent / "data"
BROKEN = DATA / "broken"
GOOD = DATA / "good"

#: file in tests/data/broken → every expected problem as (line, column, message excerpt).
EXPECTED: dict[str, list[tuple[int, int, str]]] = {
    "tab-indentation": [(10, 1, "tabulation utilisée pour l'indentation")],
    "unclosed-quote": [(13, 16, "guillemet ouvert ici mais jamais refermé")],
    "bad-indentation": [(13, 8, "indentation incohérente")],
    "colon-in-value": [(13, 25, "deux-points « : » inattendu")],
    "cp1252": [(10, 22, "n'est pas encodé en UTF-8")],
    "duplicate-key": [
        (15, 9, "la clé « texte » figure deux fois dans le même bloc (lignes 13 et 15)")
    ],
    "duplicate-question-id": [
        (17, 13, "l'identifiant de question « probleme » est utilisé deux fois (lignes 12 et 17)")
    ],
    "duplicate-section-id": [
        (14, 9, "l'identifiant de section « opportunite » est utilisé deux fois (lignes 9 et 14)")
    ],
    "duplicate-choice-id": [
        (18, 17, "le choix « cpas » figure deux fois dans la question (lignes 16 et 18)")
    ],
    "alias": [(13, 16, "les alias YAML (&, *) ne sont pas acceptés"), (15, 16, "alias YAML")],
    "python-tag": [(13, 16, "« !!python/object/apply:os.system » ne sont pas acceptées")],
    "unknown-key": [(14, 9, "clé inconnue « requierd » — vouliez-vous dire « obligatoire » ?")],
    "missing-key": [(12, 9, "clé obligatoire « texte » absente de la question « probleme »")],
    "wrong-kind": [(14, 15, "valeur inconnue « liste » pour « type »")],
    "single-choice": [(16, 11, "une question de type « choix » doit proposer au moins deux choix")],
    "choices-on-statut": [(15, 9, "la clé « choix » ne s'emploie qu'avec les types « choix »")],
    "bad-id": [(12, 13, "identifiant « Problème_1 » invalide : minuscules, chiffres et tirets")],
    "bad-date": [(7, 17, "la date 2025-02-30 n'existe pas")],
    "unknown-source": [(19, 21, "la source « S-9 » n'est pas déclarée dans « sources »")],
    "file-name-mismatch": [(2, 5, "« autre-nom » ne correspond pas au nom du fichier")],
    "version-number": [(3, 10, "la version doit être un texte, pas le nombre 1")],
    "required-not-bool": [(14, 22, "« obligatoire » doit valoir true ou false, pas « oui »")],
    "two-errors": [
        (9, 5, "clé obligatoire « titre » absente de la section « opportunite »"),
        (13, 9, "clé inconnue « aides » — vouliez-vous dire « aide » ?"),
    ],
    "empty-sections": [(8, 11, "« sections » doit contenir au moins 1 élément")],
    "multiple-documents": [(14, 1, "plusieurs documents YAML")],
    "empty": [(1, 1, "le fichier est vide")],
    "not-a-mapping": [(2, 1, "ne contient pas un dictionnaire de clés")],
}

#: Words of an English traceback or of pydantic's English messages, never shown to a user.
TECHNICAL_NOISE = ("Traceback", "Error(", "pydantic", "Input should", "Field required", 'File "')


def test_every_broken_fixture_has_an_expectation() -> None:
    assert sorted(path.stem for path in BROKEN.glob("*.yaml")) == sorted(EXPECTED)


@pytest.fixture(params=["libyaml", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the libyaml parser and again with PyYAML's pure-Python one."""
    if request.param == "pure":
        monkeypatch.setattr(safe_yaml, "_Loader", yaml.SafeLoader)
    return str(request.param)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_reports_exact_problems(parser: str, name: str) -> None:
    with pytest.raises(ChecklistError) as caught:
        load_checklist(BROKEN / f"{name}.yaml")
    found = [(p.location.line, p.location.column, p.message) for p in caught.value.problems]
    expected = EXPECTED[name]
    assert len(found) == len(expected), found
    for (line, column, message), (want_line, want_column, excerpt) in zip(
        found, expected, strict=True
    ):
        assert (line, column) == (want_line, want_column), found
        assert excerpt in message, found
    for problem in caught.value.problems:
        assert problem.location.path == BROKEN / f"{name}.yaml"
    text = str(caught.value)
    assert not any(noise in text for noise in TECHNICAL_NOISE), text


@pytest.mark.parametrize("name", ["mini", "bom", "version-1-10"])
def test_good_files_load(name: str) -> None:
    checklist = load_checklist(GOOD / f"{name}.yaml")
    assert isinstance(checklist, Checklist)
    assert checklist.id == name


def test_yaml_1_1_lookalikes_stay_text() -> None:
    checklist = load_checklist(GOOD / "version-1-10.yaml")
    assert checklist.version == "1.10"
    assert checklist.questions[0].favourable == ("NO", "010", "12:30")
    assert checklist.questions[0].required is True


def test_bom_file_loads_like_the_same_file_without_bom(tmp_path: Path) -> None:
    raw = (GOOD / "bom.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    plain = tmp_path / "bom.yaml"
    plain.write_bytes(raw[3:])
    assert load_checklist(GOOD / "bom.yaml") == load_checklist(plain)


def test_mini_loads_with_every_kind(mini_checklist_path: Path) -> None:
    checklist = load_checklist(mini_checklist_path)
    assert {q.kind for q in checklist.questions} == {
        "statut",
        "choix",
        "choix_multiple",
        "texte",
        "texte_long",
    }


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def mini_with(mini: Path, old: str, new: str) -> str:
    text = mini.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_many_problems_of_one_file_come_together_sorted(
    tmp_path: Path, mini_checklist_path: Path
) -> None:
    text = mini_with(mini_checklist_path, 'version: "1.2.0"', "version: 1.x")
    text = text.replace("        obligatoire: true", "        requierd: true")
    text = text.replace("      - id: porteur", "      - id: probleme-resolu")
    text = text.replace("cadre_legal_au: 2025-06-30", "cadre_legal_au: 2025-13-01")
    with pytest.raises(ChecklistError) as caught:
        load_checklist(write(tmp_path, "mini.yaml", text))
    found = [(p.location.line, p.message) for p in caught.value.problems]
    assert [line for line, _ in found] == [3, 9, 26, 34]
    assert "version « 1.x » mal formée" in found[0][1]
    assert "la date 2025-13-01 n'existe pas" in found[1][1]
    assert "vouliez-vous dire « obligatoire »" in found[2][1]
    assert "(lignes 19 et 34)" in found[3][1]
    assert caught.value.message == "4 problèmes dans la check-list"


def test_duplicate_ids_are_reported_once_even_when_everything_else_is_valid(
    tmp_path: Path, mini_checklist_path: Path
) -> None:
    text = mini_with(mini_checklist_path, "  - id: services\n", "  - id: opportunite\n")
    with pytest.raises(ChecklistError) as caught:
        load_checklist(write(tmp_path, "mini.yaml", text))
    assert len(caught.value.problems) == 1
    assert "(lignes 15 et 45)" in caught.value.problems[0].message


def test_duplicate_source_id_is_reported_at_the_second_one(
    tmp_path: Path, mini_checklist_path: Path
) -> None:
    text = mini_with(
        mini_checklist_path,
        "sections:\n",
        "  - id: S-7\n    titre: Une autre source\nsections:\n",
    )
    with pytest.raises(ChecklistError) as caught:
        load_checklist(write(tmp_path, "mini.yaml", text))
    [problem] = caught.value.problems
    assert (problem.location.line, problem.location.column) == (14, 9)
    assert "l'identifiant de source « S-7 » est utilisé deux fois (lignes 11 et 14)" in (
        problem.message
    )


def test_non_text_date_is_refused_rather_than_read_as_a_timestamp(
    tmp_path: Path, mini_checklist_path: Path
) -> None:
    text = mini_with(mini_checklist_path, "cadre_legal_au: 2025-06-30", "cadre_legal_au: 0")
    with pytest.raises(ChecklistError) as caught:
        load_checklist(write(tmp_path, "mini.yaml", text))
    [problem] = caught.value.problems
    assert (problem.location.line, problem.location.column) == (9, 17)
    assert "AAAA-MM-JJ" in problem.message


def test_item_that_is_not_a_mapping_is_not_echoed_as_too_short(
    tmp_path: Path, mini_checklist_path: Path
) -> None:
    text = mini_with(
        mini_checklist_path,
        "    questions:\n      - id: services-vises",
        "    questions:\n      - juste un texte\n      - id: services-vises",
    )
    text = text.replace("  - id: services\n    titre: Services concernés\n", "  - id: services\n")
    with pytest.raises(ChecklistError) as caught:
        load_checklist(write(tmp_path, "mini.yaml", text))
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 2, messages
    assert "clé obligatoire « titre » absente de la section « services »" in messages[0]
    assert "la question doit être un dictionnaire de clés" in messages[1]


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="n'existe pas"):
        load_checklist(tmp_path / "absente.yaml")


def test_a_folder_is_not_a_checklist(tmp_path: Path) -> None:
    folder = tmp_path / "dossier.yaml"
    folder.mkdir()
    with pytest.raises(ChecklistError, match="c'est un dossier"):
        load_checklist(folder)


# --- hostile or huge input -----------------------------------------------------------------


def test_50_megabyte_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "enorme.yaml"
    with path.open("wb") as stream:
        stream.write(b"id: enorme\n")
        stream.write(b"# " + b"x" * 50_000_000 + b"\n")
    with pytest.raises(ChecklistError) as caught:
        load_checklist(path)
    [problem] = caught.value.problems
    assert "trop volumineux (50,0 Mo" in problem.message


def test_5000_digit_integer_is_refused(tmp_path: Path, mini_checklist_path: Path) -> None:
    text = mini_with(mini_checklist_path, 'version: "1.2.0"', "version: " + "7" * 5000)
    with pytest.raises(ChecklistError) as caught:
        load_checklist(write(tmp_path, "mini.yaml", text))
    [problem] = caught.value.problems
    assert (problem.location.line, problem.location.column) == (3, 10)
    assert "nombre entier trop long (5000 chiffres)" in problem.message


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "profond.yaml", "id: profond\nsections: " + "[" * 100_000 + "\n")
    with pytest.raises(ChecklistError) as caught:
        load_checklist(path)
    [problem] = caught.value.problems
    assert "imbriqué trop profondément" in problem.message


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['id: bombe\na0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    path = write(tmp_path, "bombe.yaml", "\n".join(lines) + "\n")
    with pytest.raises(ChecklistError) as caught:
        load_checklist(path)
    assert caught.value.problems
    assert all("alias YAML" in p.message for p in caught.value.problems)


MINI_BYTES = (GOOD / "mini.yaml").read_bytes()
YAML_NOISE = st.sampled_from(
    [":", ": ", "- ", "-", "\t", "\n", "  ", "'", '"', "&a ", "*a", "!!python/object ", "[", "]",
     "{", "}", "#", "|", ">", "%", "@", "`", "?", "---\n", "\\", "é", "\x00", "\ufeff"]
)  # fmt: skip


@st.composite
def mutated_mini(draw: st.DrawFn) -> bytes:
    data = bytearray(MINI_BYTES)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        position = draw(st.integers(min_value=0, max_value=len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "noise"]))
        if action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[position : position + draw(st.integers(min_value=1, max_value=40))]
        elif action == "replace":
            data[position : position + 1] = draw(st.binary(min_size=1, max_size=1))
        else:
            data[position:position] = draw(YAML_NOISE).encode("utf-8")
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mutated_mini())
def test_mutated_checklist_only_ever_raises_checklist_error(
    raw: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "mini.yaml"
    path.write_bytes(raw)
    try:
        checklist = load_checklist(path)
    except ChecklistError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.message
            assert problem.location.path == path
    else:
        assert checklist.id == "mini"


# --- bundled checklists and lookup ---------------------------------------------------------


@pytest.fixture
def bundled_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the folder of shipped checklists, holding a copy of mini.yaml."""
    folder = tmp_path / "checklists"
    folder.mkdir()
    shutil.copy(GOOD / "mini.yaml", folder / "mini.yaml")
    shutil.copy(GOOD / "bom.yaml", folder / "bom.yaml")
    (folder / "notes.txt").write_text("pas une check-list", encoding="utf-8")
    monkeypatch.setattr(paths, "bundled_checklists_dir", lambda: folder)
    return folder


def test_bundled_paths_are_the_sorted_yaml_files(bundled_dir: Path) -> None:
    assert bundled_checklist_paths() == [bundled_dir / "bom.yaml", bundled_dir / "mini.yaml"]


def test_load_bundled_loads_them_all(bundled_dir: Path) -> None:
    assert [checklist.id for checklist in load_bundled()] == ["bom", "mini"]


def test_load_bundled_reports_every_broken_file(bundled_dir: Path) -> None:
    shutil.copy(BROKEN / "bad-date.yaml", bundled_dir / "bad-date.yaml")
    shutil.copy(BROKEN / "alias.yaml", bundled_dir / "alias.yaml")
    with pytest.raises(ChecklistError) as caught:
        load_bundled()
    assert {p.location.path.name for p in caught.value.problems} == {"alias.yaml", "bad-date.yaml"}


def test_find_checklist_by_id(bundled_dir: Path) -> None:
    assert find_checklist("mini").id == "mini"


def test_find_checklist_by_path(bundled_dir: Path) -> None:
    assert find_checklist(str(GOOD / "version-1-10.yaml")).version == "1.10"


def test_find_checklist_unknown_id_lists_the_known_ones(bundled_dir: Path) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_checklist("minni")
    assert "« minni » introuvable — vouliez-vous dire « mini » ?" in caught.value.message
    assert "bom, mini" in caught.value.hint


def test_find_checklist_missing_path(bundled_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="n'existe pas"):
        find_checklist(str(tmp_path / "absente.yaml"))


def test_find_checklist_broken_path_raises_checklist_error(bundled_dir: Path) -> None:
    with pytest.raises(ChecklistError):
        find_checklist(str(BROKEN / "bad-id.yaml"))
