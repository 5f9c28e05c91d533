"""``synergy-wizard new-checklist``: a commented starting file that loads and lints clean."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from synergy_wizard import paths
from synergy_wizard.checklist.lint import lint_file
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.starter import schema_reference, starter_text, write_starter
from synergy_wizard.errors import SynergyError

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 3, 2)


def test_starter_loads_with_every_answer_kind_a_condition_glossary_and_changelog(
    tmp_path: Path,
) -> None:
    path = write_starter("achats-groupes", tmp_path / "achats-groupes.yaml", today=TODAY)
    checklist = load_checklist(path)
    assert checklist.id == "achats-groupes"
    assert {q.kind for q in checklist.questions} == {
        "statut",
        "choix",
        "choix_multiple",
        "texte",
        "texte_long",
    }
    assert any(q.visible_if is not None for q in checklist.questions)
    assert [entry.term for entry in checklist.glossary] == ["CPAS"]
    assert [(e.version, e.date) for e in checklist.changelog] == [("1.0.0", TODAY)]
    assert checklist.legal_framework_date == TODAY


def test_starter_passes_lint_without_any_warning(tmp_path: Path) -> None:
    path = write_starter("achats-groupes", tmp_path, today=TODAY)
    assert path == tmp_path / "achats-groupes.yaml"
    assert [str(p) for p in lint_file(path)] == []


def test_starter_with_its_repeated_section_uncommented_passes_lint(tmp_path: Path) -> None:
    text = starter_text("essai", today=TODAY)
    lines = text.splitlines()
    start = lines.index("  # - id: par-service")
    for index in range(start, start + 9):
        lines[index] = lines[index].replace("  # ", "  ", 1)
    path = tmp_path / "essai.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checklist = load_checklist(path)
    assert checklist.sections[-1].repeat_for == "services-concernes"
    assert [str(p) for p in lint_file(path)] == []


def test_every_field_is_explained_by_a_comment() -> None:
    text = starter_text("essai", today=TODAY)
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    for key in (
        "version",
        "résumé",
        "avertissement",
        "cadre légal",
        "sources",
        "sections",
        "introduction",
        "aide",
        "obligatoire",
        "favorable",
        "références",
        "visible_si",
        "choix_multiple",
        "texte_long",
        "repeter_pour",
        "glossaire",
        "historique",
        "anciens_ids",
    ):
        assert key.lower() in comments.lower(), key


def test_schema_is_named_relative_to_the_file_inside_the_source_tree(tmp_path: Path) -> None:
    bundled = paths.bundled_checklists_dir()
    assert schema_reference(bundled / "nouvelle.yaml") == "schema.json"
    assert schema_reference(bundled.parent / "docs" / "x.yaml") == "../checklists/schema.json"
    outside = schema_reference(tmp_path / "x.yaml")
    assert Path(outside).is_absolute() and Path(outside).is_file()


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "essai.yaml"
    path.write_text("à garder\n", encoding="utf-8")
    with pytest.raises(SynergyError, match="existe déjà"):
        write_starter("essai", path)
    assert path.read_text(encoding="utf-8") == "à garder\n"


@pytest.mark.parametrize("bad", ["Essai", "essai_1", "é", "-essai", "essai-", "a" * 81, ""])
def test_refuses_an_invalid_id(bad: str, tmp_path: Path) -> None:
    with pytest.raises(SynergyError, match="n'est pas valable"):
        write_starter(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_refuses_a_file_name_that_differs_from_the_id(tmp_path: Path) -> None:
    with pytest.raises(SynergyError, match=r"doit s'appeler « essai\.yaml »"):
        write_starter("essai", tmp_path / "autre.yaml")


def test_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SynergyError, match="n'existe pas"):
        write_starter("essai", tmp_path / "absent" / "essai.yaml")


def _run(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    probe = (
        "import sys\nfrom synergy_wizard.cli import main\ncode = main(sys.argv[1:])\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\nsys.exit(code)\n"
    )
    env = {
        **os.environ,
        "SYNERGY_WIZARD_HOME": str(home),
        "PYTHONUTF8": "1",
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )


def test_cli_writes_the_file_in_the_current_folder_then_refuses_to_overwrite(
    tmp_path: Path, isolated_home: Path
) -> None:
    first = _run("new-checklist", "achats-groupes", cwd=tmp_path, home=isolated_home)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Check-list créée : achats-groupes.yaml\n")
    linted = _run("lint", "achats-groupes.yaml", cwd=tmp_path, home=isolated_home)
    assert linted.returncode == 0, linted.stdout
    again = _run("new-checklist", "achats-groupes", cwd=tmp_path, home=isolated_home)
    assert again.returncode == 2
    assert "existe déjà : il n'a pas été remplacé" in again.stderr
    assert "Traceback" not in again.stderr


def test_cli_refuses_an_invalid_id(tmp_path: Path, isolated_home: Path) -> None:
    result = _run("new-checklist", "Mon Projet", cwd=tmp_path, home=isolated_home)
    assert result.returncode == 2
    assert "L'identifiant « Mon Projet » n'est pas valable." in result.stderr
    assert list(tmp_path.iterdir()) == []
