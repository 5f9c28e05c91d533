"""Case 16: a staff-edited template that is broken, through the real ``render`` command.

Syntax error, unknown name and a template that never ends (a macro calling itself, a loop
far too long): a French message naming the template and its line, exit status 2, the
previous rendered file left as it was and the dossier untouched. Every message is detailed
in ``tests/unit/test_render.py``; loops that would run for hours and gigantic values, stopped
by the rendering's time and size budget, in ``tests/unit/test_render_budget.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import bundled_dossier, child_env

BROKEN = {
    "syntaxe": ("<p>\n</p>\n{% for x in %}\n", 3, "erreur de syntaxe"),
    "nom-inconnu": ("<p>\n\n{{ projet.nom }}\n", 3, "le nom « projet » est inconnu"),
    "recursion": (
        "{% macro boucle() %}{{ boucle() }}{% endmacro %}\n\n{{ boucle() }}\n",
        0,
        "le modèle s'appelle lui-même sans fin (récursion)",
    ),
    "boucle-trop-longue": (
        "<p>\n{% for i in range(10 ** 9) %}{{ i }}{% endfor %}\n",
        2,
        "erreur pendant la production du dossier",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_template_is_named_and_nothing_is_replaced(
    isolated_home: Path, tmp_path: Path, name: str
) -> None:
    source, line, excerpt = BROKEN[name]
    templates = tmp_path / "modeles"
    templates.mkdir()
    (templates / "dossier.html.j2").write_text(source, encoding="utf-8")
    dossier_path = isolated_home / "projet.yaml"
    bundled_dossier(dossier_path, value="oui", note="Note à garder")
    dossier_before = dossier_path.read_bytes()
    output = isolated_home / "projet.html"
    output.write_text("version précédente du dossier imprimable", encoding="utf-8")

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "synergy_wizard",
            "render",
            str(dossier_path),
            "--templates",
            str(templates),
        ],
        env=child_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    where = f"Le modèle dossier.html.j2, ligne {line} : " if line else "Le modèle dossier.html.j2"
    assert result.stderr.startswith(f"synergy-wizard : {where}"), result.stderr
    assert excerpt in result.stderr
    assert "Traceback" not in result.stderr
    assert output.read_text(encoding="utf-8") == "version précédente du dossier imprimable"
    assert dossier_path.read_bytes() == dossier_before
    assert sorted(p.name for p in isolated_home.iterdir()) == [
        ".sauvegardes",
        "projet.html",
        "projet.yaml",
    ]
