"""``synergy-wizard render``: formats, modes, output names, and no heavy import for HTML."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cli_probe import run_cli

import synergy_wizard

ROOT = Path(synergy_wizard.__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "good" / "mini.yaml"

# Runs the CLI and fails if the wizard, WeasyPrint or python-docx was imported on the way.
_PROBE = (
    "import sys\n"
    "from synergy_wizard.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "heavy = [m for m in ('textual', 'weasyprint', 'docx') if m in sys.modules]\n"
    "assert not heavy, f'imported: {heavy}'\n"
    "sys.exit(code)\n"
)


def run(*args: str, home: Path, probe: bool = False) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, home=home, probe=_PROBE if probe else None)


@pytest.fixture
def dossier(tmp_path: Path, isolated_home: Path) -> Path:
    path = tmp_path / "projet.yaml"
    created = run("new", "--checklist", str(MINI), "--project", "Projet €", "-o", str(path),
                  home=isolated_home)  # fmt: skip
    assert created.returncode == 0, created.stderr
    return path


def test_html_render_imports_neither_the_wizard_nor_pdf_or_word_libraries(
    dossier: Path, isolated_home: Path
) -> None:
    result = run("render", str(dossier), "--format", "html", home=isolated_home, probe=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Dossier de préparation écrit : {dossier.with_suffix('.html')}\n"
    assert result.stderr == ""
    for mode in ("--complet", "--vierge"):
        assert run("render", str(dossier), mode, home=isolated_home, probe=True).returncode == 0
    assert (dossier.parent / "projet-complet.html").is_file()
    blank = (dossier.parent / "projet-vierge.html").read_text(encoding="utf-8")
    assert "Check-list vierge" in blank and "Mode d'emploi" in blank


def test_docx_and_markdown_outputs(dossier: Path, isolated_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "sortie" / "dossier.docx"
    result = run("render", str(dossier), "--format", "docx", "--complet", "-o", str(out),
                 home=isolated_home)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"PK")
    result = run("render", str(dossier), "--format", "md", "--vierge", home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "- [ ] Oui" in (dossier.parent / "projet-vierge.md").read_text(encoding="utf-8")


def test_complete_and_blank_cannot_be_combined(dossier: Path, isolated_home: Path) -> None:
    result = run("render", str(dossier), "--complet", "--vierge", home=isolated_home)
    assert result.returncode == 2
    assert "Choisissez --complet ou --vierge, pas les deux." in result.stderr


def test_broken_staff_template_is_reported_and_nothing_is_replaced(
    dossier: Path, isolated_home: Path, tmp_path: Path
) -> None:
    staff = tmp_path / "modeles"
    staff.mkdir()
    (staff / "dossier.md.j2").write_text("# {{ project.name }}\n{% if %}\n", encoding="utf-8")
    target = dossier.with_suffix(".md")
    target.write_text("précédent", encoding="utf-8")
    result = run("render", str(dossier), "--format", "md", "--templates", str(staff),
                 home=isolated_home)  # fmt: skip
    assert result.returncode == 2
    assert "Le modèle dossier.md.j2, ligne 2 : erreur de syntaxe" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "précédent"
