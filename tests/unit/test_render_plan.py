"""The dossier follows the plan: hidden questions left out but kept in an annex, repeats titled."""

from __future__ import annotations

from pathlib import Path

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.render import render_dossier

CHECKLIST = Path(__file__).parent.parent / "data" / "good" / "conditions.yaml"


def _dossier() -> tuple[Checklist, Dossier]:
    checklist = load_checklist(CHECKLIST)
    dossier = Dossier.new(checklist, ProjectInfo(name="Projet"))
    dossier.update_answer("proprietaire", value="commune")
    dossier.update_answer("bail", value="oui", note="Bail signé en 2024")
    dossier.update_answer("services", value=["grh", "it"])
    dossier.update_answer("pilote@it", value="non", note="Personne pour l'informatique")
    dossier.update_answer("proprietaire", value="cpas")  # hides « bail »
    dossier.update_answer("question-retiree", value="oui", note="Ancienne réponse")
    return checklist, dossier


def test_html_shows_repetitions_and_keeps_hidden_and_orphan_answers() -> None:
    checklist, dossier = _dossier()
    html = render_dossier(checklist, dossier, "html")
    assert "Service — GRH" in html and "Service — Informatique" in html
    assert "Personne pour l&#39;informatique" in html
    hidden_annex = html.split("Réponses à des questions masquées", 1)[1]
    assert "Bail ?" in hidden_annex and "Bail signé en 2024" in hidden_annex
    assert "Bail signé en 2024" not in html.split("Réponses à des questions masquées", 1)[0]
    orphan_annex = html.split("Réponses orphelines", 1)[1]
    assert "question-retiree" in orphan_annex and "Ancienne réponse" in orphan_annex
    assert "CPAS seul" in html  # the section shown only when the CPAS owns the building


def test_markdown_follows_the_same_plan() -> None:
    checklist, dossier = _dossier()
    md = render_dossier(checklist, dossier, "md")
    assert "Service — Informatique" in md
    assert "## Annexe — Réponses à des questions masquées" in md
    assert "> Bail signé en 2024" in md
    assert "## Annexe — Réponses orphelines" in md


def test_counts_leave_hidden_questions_out() -> None:
    checklist, dossier = _dossier()
    html = render_dossier(checklist, dossier, "html")
    # visible: proprietaire, services, pilote@grh, pilote@it, detail@it, patrimoine
    assert "3 / 6" in html or "3&nbsp;/&nbsp;6" in html or "3</strong> / 6" in html
