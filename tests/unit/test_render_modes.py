"""The concise, complete and blank dossiers: what each shows, the action plan, the annexes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from test_render import (
    FIXED,
    HOSTILE,
    Node,
    assert_inert,
    freeze,
    hostile_checklist,
    hostile_dossier,
    new_dossier,
    parse,
    render,
    to_tree,
    visible_text,
)

from synergy_wizard.answers.model import Dossier
from synergy_wizard.checklist.conditions import AllOf, AnyOf, Not
from synergy_wizard.checklist.conditions import Test as ConditionTest
from synergy_wizard.checklist.loader import find_checklist, load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.render import FORMAT_LABELS, FORMATS, MODE_LABELS, MODES, default_output_name
from synergy_wizard.render.conditions_text import ConditionWriter
from synergy_wizard.render.context import build_context
from synergy_wizard.render.escape import css_string

CONDITIONS = Path(__file__).parent.parent / "data" / "good" / "conditions.yaml"


@pytest.fixture
def checklist(mini_checklist_path: Path) -> Checklist:
    return load_checklist(mini_checklist_path)


@pytest.fixture
def dossier(checklist: Checklist) -> Dossier:
    d = new_dossier(checklist)
    d.update_answer("probleme-resolu", value="non", owner="Service travaux")
    d.update_answer("question-retiree", value="oui")
    return freeze(d)


def _questions(root: Node) -> dict[str, Node]:
    return {a.attrs["id"][2:]: a for a in root.find_all("article", "question") if "id" in a.attrs}


def test_formats_and_modes_are_named_in_french() -> None:
    assert FORMATS == ("html", "md", "pdf", "docx")
    assert MODES == ("concis", "complet", "vierge")
    assert set(FORMAT_LABELS) == set(FORMATS) and set(MODE_LABELS) == set(MODES)
    assert MODE_LABELS["vierge"] == "Check-list vierge"
    assert default_output_name(Path("a/projet.yaml"), "pdf") == "projet.pdf"
    assert default_output_name(Path("projet.yaml"), "docx", "complet") == "projet-complet.docx"
    assert default_output_name(Path("projet.yaml"), "html", "vierge") == "projet-vierge.html"


def test_concise_dossier_moves_unanswered_questions_to_an_annex(checklist: Checklist) -> None:
    dossier = new_dossier(checklist)
    dossier.update_answer("probleme-resolu", value="oui")
    dossier.update_answer("porteur", note="À voir.")
    root, _ = parse(render(checklist, freeze(dossier), "html"))
    assert list(_questions(root)) == ["probleme-resolu", "porteur"]
    left_out = [" ".join(p.text().split()) for p in root.find_all("p", "left-out")]
    assert left_out == [
        "Aucune réponse dans cette section : 3 questions, reprises en annexe "
        "(Questions sans réponse).",
    ]
    annex = root.find_all("section", "annex")[0]
    assert annex.attrs["id"] == "questions-sans-reponse"
    rows = [[td.text() for td in tr.find_all("td")] for tr in annex.one("tbody").find_all("tr")]
    assert [row[0] for row in rows] == ["1.2", "2.1", "2.2", "2.3"]
    assert not root.find_all("div", "guidance") and not root.find_all("div", "field-notes")


def test_complete_dossier_adds_guidance_field_notes_and_references(
    checklist: Checklist, tmp_path: Path, mini_checklist_path: Path
) -> None:
    data = yaml.safe_load(mini_checklist_path.read_text(encoding="utf-8"))
    data["sections"][0]["questions"][0]["references"][0].update(
        article="art. 26bis, § 1er", date="8 juillet 1976"
    )
    checklist = Checklist.model_validate(data)
    root, _ = parse(render(checklist, freeze(new_dossier(checklist)), "html", mode="complet"))
    questions = _questions(root)
    assert len(questions) == 5
    first = questions["probleme-resolu"]
    assert "état des lieux" in first.one("div", "guidance").text()
    assert "Un diagnostic écrit" in first.one("div", "favourable").text()
    assert "Un projet lancé sans chiffres." in first.one("div", "problematic").text()
    refs = " ".join(first.one("p", "refs").text().split())
    assert "séance commune annuelle, réponse ministérielle de 2020, art. 26bis, § 1er" in refs
    assert "(8 juillet 1976)" in refs
    table = root.one("table", "references-table")
    cells = [td.text() for td in table.one("tbody").one("tr").find_all("td")]
    assert cells[1:] == ["S-7", "1.1"] and "art. 26bis" in cells[0] and "1976" in cells[0]
    assert "Pourquoi" in root.one("div", "intro").text()


def test_action_plan_is_sorted_and_flags_overdue_points(checklist: Checklist) -> None:
    dossier = new_dossier(checklist)
    dossier.update_answer("probleme-resolu", value="partiellement", deadline=date(2026, 12, 1))
    dossier.update_answer("porteur", owner="DG", deadline=date(2026, 1, 10), priority="basse")
    dossier.update_answer("services-vises", value=["grh"], priority="haute")
    dossier.update_answer("nom-projet-court", owner="DF", deadline=date(2025, 5, 1))
    dossier.update_answer("description", value="Fait.", deadline=date(2025, 5, 1))
    context = build_context(checklist, freeze(dossier), generated_at=FIXED)
    assert [(a.number, a.overdue) for a in context.actions] == [
        ("2.1", False),  # haute
        ("1.2", True),  # basse, past deadline, no answer yet
        ("2.2", True),  # no priority, earliest deadline, unanswered
        ("2.3", False),  # answered: nothing left to do
        ("1.1", False),  # deadline still ahead
    ]
    root, _ = parse(render(checklist, freeze(dossier), "html"))
    overdue = root.one("table", "actions-table").find_all("tr", "is-overdue")
    assert [tr.find_all("td")[0].text() for tr in overdue] == ["1.2", "2.2"]
    assert all(tr.one("span", "overdue").text() == "En retard" for tr in overdue)
    assert _questions(root)["porteur"].one("span", "overdue").text() == "En retard"


def test_statut_oui_settles_a_follow_up_even_after_its_deadline(checklist: Checklist) -> None:
    dossier = new_dossier(checklist)
    dossier.update_answer("probleme-resolu", value="oui", deadline=date(2026, 1, 1))
    (action,) = build_context(checklist, dossier, generated_at=FIXED).actions
    assert not action.overdue


def test_table_of_contents_links_to_every_part(checklist: Checklist, dossier: Dossier) -> None:
    root, _ = parse(render(checklist, dossier, "html"))
    targets = [a.attrs["href"][1:] for a in root.one("nav", "toc").find_all("a")]
    ids = {n.attrs["id"] for n in root.iter() if "id" in n.attrs}
    assert targets[:2] == ["synthese", "plan-action"]
    assert "section-opportunite" in targets and "reponses-orphelines" in targets
    assert set(targets) <= ids


def test_glossary_annex_lists_the_checklist_terms() -> None:
    checklist = find_checklist("batiment-commun")
    root, _ = parse(render(checklist, new_dossier(checklist), "html"))
    entries = root.one("dl", "glossary").find_all("dt")
    assert len(entries) == len(checklist.glossary) >= 10
    assert entries[0].text() == checklist.glossary[0].term


def test_blank_checklist_prints_every_question_with_boxes_and_conditions() -> None:
    checklist = load_checklist(CONDITIONS)
    dossier = new_dossier(checklist)
    dossier.update_answer("proprietaire", value="cpas", note="Réponse à ne pas imprimer")
    html = render(checklist, freeze(dossier), "html", mode="vierge")
    root, _ = parse(html)
    assert_inert(root)
    questions = _questions(root)
    assert list(questions) == [q.id for q in checklist.questions]
    assert "Réponse à ne pas imprimer" not in html
    assert [li.text() for li in questions["proprietaire"].find_all("li")] == ["Commune", "CPAS"]
    assert len(questions["bail"].find_all("span", "tick")) == 5 + 3  # statut scale, priority
    assert questions["bail"].one("p", "condition").text() == (
        "À remplir seulement si la réponse à la question 1.1 est « Commune »."
    )
    assert "multiple" in questions["services"].one("ul", "checkboxes").attrs["class"]
    sections = {s.one("h2").text(): s for s in root.find_all("section", "section")}
    assert list(sections) == ["1. Cadre", "2. Service", "3. CPAS seul"]
    assert (
        "pour chaque choix coché à la question 1.4"
        in sections["2. Service"].one("p", "repeat").text()
    )
    only_cpas = sections["3. CPAS seul"]
    assert "seulement si la réponse à la question 1.1 est « CPAS »" in only_cpas.text()
    assert not root.find_all("section", "synthesis") and not root.find_all("table", "actions-table")


def test_blank_checklist_has_room_to_write_for_text_questions(checklist: Checklist) -> None:
    root, _ = parse(render(checklist, new_dossier(checklist), "html", mode="vierge"))
    questions = _questions(root)
    assert "lines-2" in questions["nom-projet-court"].one("div", "write-box").attrs["class"]
    assert "lines-6" in questions["description"].one("div", "write-box").attrs["class"]
    assert questions["description"].one("div", "write-note")


@pytest.mark.parametrize("mode", ["complet", "vierge"])
def test_every_mode_keeps_hostile_text_inert(mini_checklist_path: Path, mode: str) -> None:
    checklist = hostile_checklist(mini_checklist_path)
    dossier = hostile_dossier(checklist)
    dossier.update_answer("probleme-resolu", deadline=date(2020, 1, 1), priority="haute")
    for text in (
        render(checklist, freeze(dossier), "html", mode=mode),  # type: ignore[arg-type]
    ):
        root, _ = parse(text)
        assert_inert(root)
        assert len(root.find_all("style")) == 1
        style = root.one("style").text()
        assert "alert(" not in style and "</style>" not in style.lower()
        content = visible_text(root)
        assert "{{ 7*7 }}" in content and "49" not in content
    md = to_tree(render(checklist, freeze(dossier), "md", mode=mode))  # type: ignore[arg-type]
    assert_inert(md)
    assert HOSTILE.split()[0] in md.text()


def test_running_header_text_cannot_leave_the_css_string() -> None:
    escaped = str(css_string('Projet "x"; } </style><script>alert(1)</script> é'))
    assert escaped.startswith('"') and escaped.endswith('"')
    inner = escaped[1:-1]
    assert set(inner) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \\")
    assert "\\0000e9" in inner and "\\00003c" in inner


def _writer() -> ConditionWriter:
    return ConditionWriter(load_checklist(CONDITIONS), {"proprietaire": "1.1", "services": "1.4"})


def test_conditions_are_written_in_french() -> None:
    writer = _writer()
    owner_is = ConditionTest.model_validate({"question": "proprietaire", "est": "commune"})
    among = ConditionTest.model_validate({"question": "proprietaire", "parmi": ["commune", "cpas"]})
    ticked = ConditionTest.model_validate({"question": "services", "contient": "it"})
    answered = ConditionTest.model_validate({"question": "bail", "repondue": True})
    assert writer.describe(None) == ""
    assert writer.describe(owner_is) == "si la réponse à la question 1.1 est « Commune »"
    assert writer.describe(among) == "si la réponse à la question 1.1 est « Commune » ou « CPAS »"
    assert writer.describe(ticked) == "si « Informatique » est coché à la question 1.4"
    assert writer.describe(answered) == "si la question « bail » a reçu une réponse"
    assert writer.describe(Not(non=among)) == (
        "si la réponse à la question 1.1 n'est ni « Commune » ni « CPAS »"
    )
    both = AllOf(et=(owner_is, Not(non=ticked)))
    assert writer.describe(both) == (
        "si la réponse à la question 1.1 est « Commune » et « Informatique » n'est pas coché "
        "à la question 1.4"
    )
    nested = AnyOf(ou=(both, answered))
    assert writer.describe(Not(non=nested)) == (
        "si (la réponse à la question 1.1 n'est pas « Commune » ou « Informatique » est coché "
        "à la question 1.4) et la question « bail » est sans réponse"
    )
