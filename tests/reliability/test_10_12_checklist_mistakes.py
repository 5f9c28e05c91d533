"""Cases 10 to 12: malformed, duplicated and semantically wrong checklists, through the program.

Case 10 (syntax: indentation, tab, unclosed quote, Windows-1252 bytes, BOM), case 11 (a key
or an id twice, naming both lines) and case 12 (misspelled key, YAML 1.1 surprise, impossible
date, a condition on a missing question, a cycle — all in one pass). The exact message for
each fixture is in ``tests/unit/test_checklist_loader.py`` and ``tests/unit/test_lint.py``;
here the real program is run on them: one French message per problem with file:line:col,
exit status 2, no traceback, and no dossier ever created on a broken checklist.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .helpers import DATA, MINI, child_env

BROKEN = DATA / "broken"
SYNTAX = ["tab-indentation", "unclosed-quote", "bad-indentation", "cp1252", "colon-in-value"]
DUPLICATES = [
    "duplicate-key",
    "duplicate-question-id",
    "duplicate-section-id",
    "duplicate-choice-id",
]
TECHNICAL_NOISE = ("Traceback", "Error(", "pydantic", "Input should", "Field required", 'File "')


def _program(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = child_env(**({"SYNERGY_WIZARD_HOME": str(home)} if home else {}))
    return subprocess.run(
        [sys.executable, "-m", "synergy_wizard", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_syntax_and_duplicate_mistakes_are_located_by_the_program() -> None:
    from tests.unit.test_checklist_loader import EXPECTED

    names = SYNTAX + DUPLICATES
    result = _program("validate", *(str(BROKEN / f"{name}.yaml") for name in names))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    for name in names:
        for line, column, excerpt in EXPECTED[name]:
            prefix = f"{BROKEN / name}.yaml:{line}:{column}: erreur : "
            assert any(text.startswith(prefix) and excerpt in text for text in lines), (
                name,
                result.stderr,
            )
    assert lines[-1] == f"{len(names)} fichier(s) sur {len(names)} à corriger."
    assert not any(noise in result.stderr for noise in TECHNICAL_NOISE)


def test_a_bom_is_not_a_mistake(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINI.read_bytes())
    result = _program("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{path} : valide (2 sections, 5 questions)\n"


def test_no_dossier_is_ever_created_on_a_broken_checklist(tmp_path: Path) -> None:
    home = tmp_path / "dossiers"
    for name in ("unclosed-quote", "duplicate-question-id"):
        result = _program(
            "new", "--checklist", str(BROKEN / f"{name}.yaml"), "--project", "Essai", home=home
        )
        assert result.returncode == 2
        assert "erreur :" in result.stderr
        assert not any(noise in result.stderr for noise in TECHNICAL_NOISE)
    assert not home.exists() or list(home.iterdir()) == []


def test_semantic_mistakes_are_all_reported_in_one_pass(tmp_path: Path) -> None:
    """One file, five different mistakes: one run of the program names them all."""
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("cadre_legal_au: 2025-06-30", "cadre_legal_au: 2025-02-30")
    text = text.replace("        obligatoire: true\n", "        obligatoire: oui\n")
    text = text.replace("        aide: Nommez l'entité qui pilote.\n", "        aides: Nommez.\n")
    text = text.replace(
        "        type: choix_multiple\n",
        "        type: choix_multiple\n        visible_si: {question: porteurs, repondue: true}\n",
    )
    text = text.replace(
        "        type: texte\n",
        "        type: texte\n        visible_si: {question: description, repondue: true}\n",
    )
    text = text.replace(
        "        type: texte_long\n",
        "        type: texte_long\n        visible_si: {question: nom-projet-court, "
        "repondue: true}\n",
    )
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def line_of(fragment: str) -> int:
        return next(i for i, line in enumerate(lines, start=1) if fragment in line)

    result = _program("validate", str(path))
    assert result.returncode == 2
    problems = [line for line in result.stderr.splitlines() if ": erreur : " in line]
    expected = [
        (line_of("cadre_legal_au"), "la date 2025-02-30 n'existe pas"),
        (line_of("obligatoire: oui"), "« obligatoire » doit valoir true ou false, pas « oui »"),
        (line_of("aides:"), "clé inconnue « aides » — vouliez-vous dire « aide » ?"),
        (line_of("question: porteurs"), "« porteurs », qui n'existe pas"),
        (line_of("question: description"), "boucle"),
    ]
    for line, excerpt in expected:
        assert any(p.startswith(f"{path}:{line}:") and excerpt in p for p in problems), (
            line,
            excerpt,
            result.stderr,
        )
    assert not any(noise in result.stderr for noise in TECHNICAL_NOISE)
