"""The Markdown dossier, compared line by line with reviewed files in tests/data/golden/.

Any change to the Markdown output shows up here as a diff to review. When the change is
wanted, regenerate the files and review them with ``git diff``::

    UPDATE_GOLDEN=1 python -m pytest tests/unit/test_render_golden.py

(see tests/data/golden/README.md).
"""

from __future__ import annotations

import difflib
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.render import Mode, render_dossier

DATA = Path(__file__).resolve().parent.parent / "data"
GOLDEN = DATA / "golden"
TZ = timezone(timedelta(hours=1))
FIXED = datetime(2026, 11, 22, 14, 5, tzinfo=TZ)
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _mini() -> tuple[Checklist, Dossier]:
    checklist = load_checklist(DATA / "good" / "mini.yaml")
    project = ProjectInfo(
        name="Maison commune de Fléron",
        cpas="CPAS de Fléron",
        partner="Commune de Fléron",
        author="Élise Dupont",
        created_at=datetime(2026, 11, 2, 9, 30, tzinfo=TZ),
    )
    dossier = Dossier.new(checklist, project)
    dossier.update_answer(
        "probleme-resolu",
        value="non",
        note="Relance envoyée le 3/11.\nCoût estimé : 12 000 € *hors* TVA.",
        owner="Service travaux",
        deadline=date(2026, 10, 1),
        priority="haute",
    )
    dossier.update_answer("services-vises", value=["grh", "informatique"])
    dossier.update_answer("description", value="Un accueil commun\net des bureaux fermés.")
    dossier.update_answer("porteur", note="À trancher en comité de concertation.")
    dossier.update_answer("question-retiree", value="oui", note="Ancienne version")
    for answer in dossier.answers.values():
        answer.updated_at = FIXED
    dossier.project.updated_at = FIXED
    return checklist, dossier


def _conditions() -> tuple[Checklist, Dossier]:
    checklist = load_checklist(DATA / "good" / "conditions.yaml")
    return checklist, Dossier.new(checklist, ProjectInfo(name="Projet d'essai", created_at=FIXED))


CASES = {
    "mini-concis.md": (_mini, "concis"),
    "mini-complet.md": (_mini, "complet"),
    "mini-vierge.md": (_mini, "vierge"),
    "conditions-vierge.md": (_conditions, "vierge"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_markdown_matches_the_golden_file(name: str) -> None:
    build, mode = CASES[name]
    checklist, dossier = build()
    mode_name: Mode = mode  # type: ignore[assignment]
    text = render_dossier(checklist, dossier, "md", mode=mode_name, generated_at=FIXED)
    golden = GOLDEN / name
    if UPDATE:
        golden.write_text(text, encoding="utf-8", newline="\n")
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"golden/{name}",
                tofile="rendu",
            )
        )
        pytest.fail(
            f"Le dossier Markdown diffère de {golden.name} "
            f"(UPDATE_GOLDEN=1 pour régénérer après relecture) :\n{diff}"
        )
