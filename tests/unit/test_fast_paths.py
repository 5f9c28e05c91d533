"""The shortcuts taken for speed give exactly what the slow, general paths give.

- plain checklist texts converted without the Markdown parser;
- the dossier file assembled from the YAML of each answer, kept between saves;
- the template sandbox reading the views' fields directly;
- one template environment per folder, still seeing a template edited on disk, and the
  compiled templates kept on disk;
- the slots of a section instance, grouped once;
- a dossier file just read or saved is not checked again before its first backup, and a
  damaged file is still kept aside although the previous read or save is remembered.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synergy_wizard.answers import fileformat, recovery
from synergy_wizard.answers.dump_parts import PartCache
from synergy_wizard.answers.fileformat import (
    HEADER,
    NewerFormatError,
    _dump,
    _reads_back,
    dump_dossier,
    dump_preparation,
    parse_dossier,
    read_dossier,
)
from synergy_wizard.answers.model import Answer, Dossier, ProjectInfo
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.loader import load_bundled, load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import TemplateError
from synergy_wizard.render import markdown, render_dossier
from synergy_wizard.render.environment import make_environment, render_template
from synergy_wizard.render.markdown_plain import plain_paragraphs
from synergy_wizard.render.template_cache import bytecode_cache
from synergy_wizard.yaml_document import YamlDocument

STAMP = datetime(2026, 3, 2, 9, 15, tzinfo=timezone(timedelta(hours=1)))
CONVERSIONS = (markdown.to_html, markdown.to_plain, markdown.to_markdown)


def _through_the_parser(source: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    """The three conversions of ``source`` with the plain-text shortcut turned off."""
    with monkeypatch.context() as patch:
        patch.setattr(markdown, "plain_paragraphs", lambda _source: None)
        for conversion in CONVERSIONS:
            conversion.cache_clear()
        result = tuple(str(conversion(source)) for conversion in CONVERSIONS)
    for conversion in CONVERSIONS:
        conversion.cache_clear()
    return result


def _converted(source: str) -> tuple[str, ...]:
    return tuple(str(conversion(source)) for conversion in CONVERSIONS)


def _bundled_texts() -> list[str]:
    texts = set()
    for checklist in load_bundled():
        for section in checklist.sections:
            texts.add(section.introduction)
            texts.update(question.guidance for question in section.questions)
    return sorted(texts)


def test_bundled_texts_convert_as_through_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _bundled_texts()
    shortcut = [text for text in texts if plain_paragraphs(text) is not None]
    assert len(shortcut) > len(texts) // 2  # most guidance texts are plain sentences
    for text in texts:
        assert _converted(text) == _through_the_parser(text, monkeypatch), text


_PROSE = st.text(
    alphabet=st.sampled_from(list("abcdeéèàç ÉÀ'\"«»:;,.?()/%€0123456789\n -+#>=|*_[]&<!\\\t")),
    max_size=80,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=_PROSE)
def test_any_text_converts_as_through_the_parser(source: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _converted(source) == _through_the_parser(source, monkeypatch)


@pytest.mark.parametrize(
    "source",
    ["- un point", "1. premier", "  indenté", "fin  ", "# Titre", "a\n===", "**gras**", "a\tb"],
)
def test_texts_with_markdown_go_through_the_parser(source: str) -> None:
    assert plain_paragraphs(source) is None


def test_a_heading_converted_to_html_leaves_the_parsed_text_intact() -> None:
    source = "# Titre\n\nUn paragraphe avec **du gras**."
    assert "<h4>Titre</h4>" in markdown.to_html(source)
    assert markdown.to_markdown(source).startswith("**Titre**")
    markdown.to_html.cache_clear()
    assert "<h4>Titre</h4>" in markdown.to_html(source)  # not shifted twice (h4 -> h6)


# --- the dossier file, answer by answer ------------------------------------------------------


def _mini(data_dir: Path) -> Checklist:
    return load_checklist(data_dir / "good" / "mini.yaml")


def _dossier(checklist: Checklist) -> Dossier:
    project = ProjectInfo.model_validate({"nom": "Projet", "cree_le": STAMP, "modifie_le": STAMP})
    return Dossier.new(checklist, project)


_TEXTS = st.text(max_size=60) | st.text(alphabet=" \t\n\r-#:|+'\"aé😀", max_size=30)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=st.dictionaries(
        st.text(min_size=1, max_size=20),
        st.tuples(_TEXTS | st.lists(_TEXTS, max_size=3), _TEXTS),
        max_size=6,
    ),
    changed=_TEXTS,
)
def test_a_dossier_assembled_from_parts_is_the_whole_document(
    answers: dict[str, tuple[str | list[str], str]], changed: str
) -> None:
    cache = PartCache()
    dossier = Dossier.model_validate(
        {"projet": {"nom": "Projet"}, "checklist": {"id": "mini", "version": "1", "empreinte": "e"}}
    )
    for key, (value, note) in answers.items():
        dossier.answers[key] = Answer(value=value, note=note, updated_at=STAMP)
    for _ in range(2):  # written, then rewritten from the kept parts after one change
        data = dossier.to_file_data()
        assert cache.dump(data, _dump, _reads_back) in (None, _dump(data))
        dossier.answers["modifiee"] = Answer(value=changed, deadline=date(2027, 1, 5))


def test_the_parts_of_an_ordinary_dossier_are_reused(data_dir: Path) -> None:
    dossier = _dossier(_mini(data_dir))
    dossier.answers["porteur"] = Answer(value="cpas", note="Vu avec « la DG »\n- suite")
    dossier.answers["services-vises"] = Answer(value=["grh", "informatique"], updated_at=STAMP)
    cache = PartCache()
    data = dossier.to_file_data()
    assert cache.dump(data, _dump, _reads_back) == _dump(data)

    def no_new_part(_entry: dict[str, object]) -> str:
        raise AssertionError("an unchanged answer was written again")

    head_only = {key: value for key, value in data.items() if key == "reponses"}
    assert cache.dump(head_only, no_new_part, _reads_back) == _dump(head_only)


def test_a_prepared_dossier_is_saved_without_writing_its_answers_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = _dossier(_mini(data_dir))
    dossier.answers["porteur"] = Answer(value="cpas", note="Préparé « d'avance »")
    dossier.answers["services-vises"] = Answer(value=["grh", "informatique"], updated_at=STAMP)
    prepare = dump_preparation(dossier)
    dossier.update_answer("description", value="Ajoutée après la copie")
    prepare()  # on another thread in the program; the dossier changed meanwhile
    written: list[list[str]] = []

    def counting(data: dict[str, object], *, quote_everything: bool = False) -> str:
        written.append(list(data))
        return _dump(data, quote_everything=quote_everything)

    monkeypatch.setattr(fileformat, "_dump", counting)
    text = dump_dossier(dossier)
    assert text == HEADER + "\n" + _dump(dossier.to_file_data())
    answers_written = [keys for keys in written if keys[0] in dossier.answers]
    assert answers_written == [["description"]]  # only the one added after the copy


def test_saving_again_reuses_the_parts_and_writes_the_same_file(
    data_dir: Path, tmp_path: Path
) -> None:
    dossier = _dossier(_mini(data_dir))
    dossier.answers["probleme-resolu"] = Answer(value="non", note="à revoir\n\n")  # |+ block
    dossier.answers["description"] = Answer(value="Ligne 1\nLigne 2 ", owner="DG")
    path = tmp_path / "dossier.yaml"
    for value in ("oui", "non", "partiellement"):
        dossier.update_answer("porteur", value=value)
        save_dossier(dossier, path)
        expected = HEADER + "\n" + _dump(dossier.to_file_data())
        assert path.read_text(encoding="utf-8") == expected == dump_dossier(dossier)


def test_a_valid_dossier_is_read_without_looking_for_positions(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Positions are found by reading the file again, only for a message; a good file never
    needs one, and a wrong format still gets its line."""
    path = tmp_path / "projet.yaml"
    save_dossier(_dossier(_mini(data_dir)), path)
    located: list[object] = []
    real_locate = YamlDocument._locate

    def spying_locate(self: YamlDocument) -> object:
        located.append(self)
        return real_locate(self)

    monkeypatch.setattr(YamlDocument, "_locate", spying_locate)
    assert read_dossier(path).project.name == "Projet"
    assert located == []
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("format: 1", "format: 99"), encoding="utf-8")
    with pytest.raises(NewerFormatError) as caught:
        read_dossier(path)
    assert len(located) == 1
    assert caught.value.problems[0].location.line == text.splitlines().index("format: 1") + 1


def test_a_file_damaged_between_two_saves_is_still_kept_aside(
    data_dir: Path, tmp_path: Path
) -> None:
    dossier = _dossier(_mini(data_dir))
    path = tmp_path / "dossier.yaml"
    save_dossier(dossier, path)
    path.write_bytes(b"reponses: [\n")  # damaged behind the program's back
    result = save_dossier(dossier, path)
    assert result.kept_aside is not None
    assert result.kept_aside.read_bytes() == b"reponses: [\n"
    assert path.read_text(encoding="utf-8") == dump_dossier(dossier)


def test_a_dossier_read_to_edit_is_backed_up_without_being_checked_again(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checklist = _mini(data_dir)
    edited, listed = tmp_path / "ouvert.yaml", tmp_path / "liste.yaml"
    for path in (edited, listed):
        path.write_text(dump_dossier(_dossier(checklist)), encoding="utf-8")
    original = edited.read_bytes()
    dossier = load_dossier(edited, to_edit=True)
    load_dossier(listed)  # only read (the list of dossiers): nothing remembered
    checked: list[Path] = []

    def counted(raw: bytes, where: Path) -> Dossier:
        checked.append(where)
        return parse_dossier(raw, where)

    monkeypatch.setattr(recovery, "parse_dossier", counted)
    dossier.update_answer(checklist.questions[0].id, note="vu")
    result = save_dossier(dossier, edited)
    assert checked == []
    assert result.backup is not None
    assert result.backup.path.read_bytes() == original
    save_dossier(dossier, listed)
    assert checked == [listed]


def test_a_file_damaged_after_it_was_read_is_still_kept_aside(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "dossier.yaml"
    path.write_text(dump_dossier(_dossier(_mini(data_dir))), encoding="utf-8")
    dossier = load_dossier(path, to_edit=True)
    path.write_bytes(b"reponses: [\n")  # damaged behind the program's back
    result = save_dossier(dossier, path)
    assert result.kept_aside is not None
    assert result.kept_aside.read_bytes() == b"reponses: [\n"
    assert path.read_text(encoding="utf-8") == dump_dossier(dossier)


# --- templates ----------------------------------------------------------------------------


def _render(dossier: Dossier, checklist: Checklist, folder: Path) -> str:
    return render_dossier(checklist, dossier, "md", templates_dir=folder, generated_at=STAMP)


def test_the_views_fields_are_read_and_nothing_else(data_dir: Path, tmp_path: Path) -> None:
    checklist = _mini(data_dir)
    dossier = _dossier(checklist)
    folder = tmp_path / "modeles"
    folder.mkdir()
    template = folder / "dossier.md.j2"
    template.write_text("{{ project.name }} / {{ checklist.id }}\n", encoding="utf-8")
    assert _render(dossier, checklist, folder) == "Projet / mini\n"
    for forbidden in ("project.__class__", "project.__dataclass_fields__", "project.__init__"):
        template.write_text(f"{{{{ {forbidden} }}}}\n", encoding="utf-8")
        with pytest.raises(TemplateError, match=r"opération interdite|inconnu"):
            _render(dossier, checklist, folder)


def test_a_template_edited_on_disk_is_used_at_the_next_render(tmp_path: Path) -> None:
    folder = tmp_path / "modeles"
    folder.mkdir()
    template = folder / "dossier.md.j2"
    template.write_text("avant\n", encoding="utf-8")
    assert render_template("md", {}, templates_dir=folder) == "avant\n"
    template.write_text("après, plus long\n", encoding="utf-8")
    assert render_template("md", {}, templates_dir=folder) == "après, plus long\n"


def _render_with_cache(folder: Path) -> str:
    env = make_environment("html", [folder], bytecode_cache=bytecode_cache("html"))
    return env.get_template("dossier.html.j2").render(name="<Liège>")


def test_compiled_templates_are_kept_and_checked_against_their_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYNERGY_WIZARD_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "modeles"
    folder.mkdir()
    template = folder / "dossier.html.j2"
    template.write_text("<p>{{ name }}</p>\n", encoding="utf-8")
    assert _render_with_cache(folder) == "<p>&lt;Liège&gt;</p>\n"
    kept = list((tmp_path / "cache").rglob("*.cache"))
    assert len(kept) == 1 and kept[0].stat().st_mode & 0o777 == 0o600
    assert kept[0].parent.stat().st_mode & 0o777 == 0o700
    assert _render_with_cache(folder) == "<p>&lt;Liège&gt;</p>\n"  # from the kept code
    template.write_text("<b>{{ name }}</b>\n", encoding="utf-8")
    assert _render_with_cache(folder) == "<b>&lt;Liège&gt;</b>\n"  # edited: compiled again


def test_a_damaged_or_unusable_cache_only_means_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYNERGY_WIZARD_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "modeles"
    folder.mkdir()
    (folder / "dossier.html.j2").write_text("<p>{{ name }}</p>\n", encoding="utf-8")
    _render_with_cache(folder)
    for kept in (tmp_path / "cache").rglob("*.cache"):
        kept.write_bytes(b"\x00 pas du code compil\xc3\xa9")
    assert _render_with_cache(folder) == "<p>&lt;Liège&gt;</p>\n"
    blocked = tmp_path / "fichier"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("SYNERGY_WIZARD_CACHE", str(blocked))  # a file: no folder possible
    assert bytecode_cache("html") is None
    assert _render_with_cache(folder) == "<p>&lt;Liège&gt;</p>\n"


# --- the plan ----------------------------------------------------------------------------


def test_the_slots_of_each_instance_are_those_of_the_plan() -> None:
    for checklist in load_bundled():
        dossier = _dossier(checklist)
        for question in checklist.questions:
            if question.kind == "choix_multiple":
                dossier.answers[question.id] = Answer(value=[c.id for c in question.choices])
        plan = build_plan(checklist, dossier)
        for instance in plan.instances:
            expected = tuple(slot for slot in plan.slots if slot.instance is instance)
            assert plan.slots_of(instance) == expected
