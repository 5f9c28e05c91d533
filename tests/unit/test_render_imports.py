"""``synergy-wizard render`` loads only what the dossier needs: never the wizard (Textual), and
the Markdown parser only when a checklist text holds Markdown syntax."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from cli_probe import run_cli

import synergy_wizard

ROOT = Path(synergy_wizard.__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "good" / "mini.yaml"

# Runs the CLI, then prints which of the watched packages were imported on the way.
_PROBE = (
    "import sys\n"
    "from synergy_wizard.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "watched = ('textual', 'markdown_it', 'weasyprint', 'docx')\n"
    "print(' '.join(m for m in watched if m in sys.modules), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _cli(*args: str, home: Path, probe: bool = False) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, home=home, probe=_PROBE if probe else None)


def _dossier(checklist: Path, folder: Path, home: Path) -> Path:
    path = folder / "projet.yaml"
    created = _cli("new", "--checklist", str(checklist), "--project", "Projet", "-o", str(path),
                   home=home)  # fmt: skip
    assert created.returncode == 0, created.stderr
    return path


def _imported_by_render(dossier: Path, home: Path, *options: str) -> set[str]:
    result = _cli("render", str(dossier), *options, home=home, probe=True)
    assert result.returncode == 0, result.stderr
    return set(result.stderr.split())


def test_texts_without_markdown_are_rendered_without_the_markdown_parser(
    tmp_path: Path, isolated_home: Path
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    text = MINI.read_text(encoding="utf-8")
    for markdown, words in (
        ("Pourquoi **ce** projet", "Pourquoi ce projet"),
        ("sur un **état des lieux** écrit :", "sur un état des lieux écrit."),
        ("- surfaces et occupation ;", "Surfaces et occupation."),
        ("- coûts énergétiques.", "Coûts énergétiques."),
    ):
        assert markdown in text
        text = text.replace(markdown, words)
    (plain / "mini.yaml").write_text(text, encoding="utf-8")
    dossier = _dossier(plain / "mini.yaml", tmp_path, isolated_home)

    for options in ((), ("--complet",), ("--format", "md", "--vierge")):
        assert _imported_by_render(dossier, isolated_home, *options) == set()
    html = (tmp_path / "projet-complet.html").read_text(encoding="utf-8")
    assert "<p>Une bonne réponse s'appuie sur un état des lieux écrit.\nSurfaces" in html


def test_markdown_texts_go_through_the_parser_once_then_are_kept(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYNERGY_WIZARD_CACHE", str(tmp_path / "cache"))  # nothing kept yet
    dossier = _dossier(MINI, tmp_path, isolated_home)

    assert _imported_by_render(dossier, isolated_home, "--complet") == {"markdown_it"}
    output = tmp_path / "projet-complet.html"
    first = output.read_text(encoding="utf-8")
    assert "<strong>état des lieux</strong>" in first
    assert "<li>surfaces et occupation ;</li>" in first
    kept = list((tmp_path / "cache" / "markdown").iterdir())
    assert len(kept) == 1 and kept[0].stat().st_mode & 0o777 == 0o600

    # The next run takes the conversions kept by the first: no parser, the same dossier.
    assert _imported_by_render(dossier, isolated_home, "--complet") == set()
    assert _without_time(output.read_text(encoding="utf-8")) == _without_time(first)

    kept[0].write_bytes(b"{ pas du json")  # damaged: converted again, and kept anew
    assert _imported_by_render(dossier, isolated_home, "--complet") == {"markdown_it"}
    assert _without_time(output.read_text(encoding="utf-8")) == _without_time(first)
    assert kept[0].read_bytes().startswith(b'{"')


def _without_time(html: str) -> str:
    """The dossier without the minute it was produced at (two runs may fall either side)."""
    return re.sub(r"\d{1,2} h \d{2}", "", html)
