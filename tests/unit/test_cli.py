"""The command line: sub-commands, exit codes, French messages, and no Textual import."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_probe import run_cli

from synergy_wizard.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_list_shows_both_bundled_checklists_with_counts(isolated_home: Path) -> None:
    result = run_cli("list", home=isolated_home)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "VERSION", "SECTIONS", "QUESTIONS", "TITRE"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert set(rows) >= {"batiment-commun", "unification-taches-services"}
    for name in ("batiment-commun", "unification-taches-services"):
        assert int(rows[name][2]) >= 10 and int(rows[name][3]) >= 50
    for row in rows.values():
        assert int(row[2]) >= 6 and int(row[3]) >= 30


def test_validate_bundled_checklists(isolated_home: Path) -> None:
    result = run_cli("validate", home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": valide") >= 2


def test_validate_reports_every_broken_file_with_position(
    isolated_home: Path, data_dir: Path
) -> None:
    broken = data_dir / "broken"
    result = run_cli(
        "validate",
        str(broken / "duplicate-key.yaml"),
        str(broken / "unknown-key.yaml"),
        str(data_dir / "good" / "mini.yaml"),
        home=isolated_home,
    )
    assert result.returncode == 2
    assert "duplicate-key.yaml:15:9: erreur : la clé « texte » figure deux fois" in result.stderr
    assert "unknown-key.yaml:" in result.stderr
    assert "Traceback" not in result.stderr
    assert "mini.yaml : valide" in result.stdout
    assert "2 fichier(s) sur 3 à corriger." in result.stderr


def test_validate_missing_file_is_a_clear_error(isolated_home: Path) -> None:
    result = run_cli("validate", "absent.yaml", home=isolated_home)
    assert result.returncode == 2
    assert "Le fichier absent.yaml n'existe pas." in result.stderr


def test_new_then_render_html_and_markdown(isolated_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "projet.yaml"
    created = run_cli(
        "new",
        "--checklist",
        "batiment-commun",
        "--project",
        "Maison commune €",
        "--cpas",
        "CPAS de Fléron",
        "-o",
        str(target),
        home=isolated_home,
    )
    assert created.returncode == 0, created.stderr
    assert f"Dossier créé : {target}" in created.stdout
    text = target.read_text(encoding="utf-8")
    assert "nom: Maison commune €" in text
    assert "id: batiment-commun" in text

    again = run_cli(
        "new",
        "--checklist",
        "batiment-commun",
        "--project",
        "X",
        "-o",
        str(target),
        home=isolated_home,
    )
    assert again.returncode == 2
    assert "existe déjà" in again.stderr
    assert target.read_text(encoding="utf-8") == text

    html = run_cli("render", str(target), home=isolated_home)
    assert html.returncode == 0, html.stderr
    html_text = (tmp_path / "projet.html").read_text(encoding="utf-8")
    assert "Maison commune €" in html_text and "CPAS de Fléron" in html_text

    out = tmp_path / "sortie.md"
    md = run_cli("render", str(target), "--format", "md", "-o", str(out), home=isolated_home)
    assert md.returncode == 0, md.stderr
    assert "Maison commune €" in out.read_text(encoding="utf-8")


def test_new_in_the_dossier_folder(isolated_home: Path) -> None:
    result = run_cli(
        "new",
        "--checklist",
        "unification-taches-services",
        "--project",
        "Service GRH commun",
        home=isolated_home,
    )
    assert result.returncode == 0, result.stderr
    assert (isolated_home / "service-grh-commun.yaml").is_file()


def test_unknown_checklist_lists_the_known_ones(isolated_home: Path) -> None:
    result = run_cli("new", "--checklist", "piscine", "--project", "X", home=isolated_home)
    assert result.returncode == 2
    assert "piscine" in result.stderr and "batiment-commun" in result.stderr
    assert "Traceback" not in result.stderr


def test_render_missing_dossier(isolated_home: Path) -> None:
    result = run_cli("render", "nulle-part.yaml", home=isolated_home)
    assert result.returncode == 2
    assert "Le dossier nulle-part.yaml n'existe pas." in result.stderr


def test_usage_errors_are_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["new", "--project", "X"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Utilisation : " in err
    assert "arguments obligatoires manquants" in err


def test_help_is_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "crée un dossier vide" in out and "commandes" in out


def test_a_checklist_being_tried_out_is_found_again(
    isolated_home: Path, tmp_path: Path, mini_checklist_path: Path
) -> None:
    draft = tmp_path / "mini.yaml"
    draft.write_bytes(mini_checklist_path.read_bytes())
    created = run_cli("new", "--checklist", str(draft), "--project", "Essai", home=isolated_home)
    assert created.returncode == 0, created.stderr
    dossier = isolated_home / "essai.yaml"
    assert f"fichier: {draft}" in dossier.read_text(encoding="utf-8")

    rendered = run_cli("render", str(dossier), "--format", "md", home=isolated_home)
    assert rendered.returncode == 0, rendered.stderr
    assert "Check-list d'essai" in (isolated_home / "essai.md").read_text(encoding="utf-8")

    draft.unlink()
    missing = run_cli("render", str(dossier), home=isolated_home)
    assert missing.returncode == 2
    assert f"créée à partir du fichier {draft}, qui n'existe plus" in missing.stderr
