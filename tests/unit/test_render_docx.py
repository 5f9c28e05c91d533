"""The Word dossier, read back with python-docx: real headings, real tables, same content."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest
from test_render import FIXED, HOSTILE, freeze, new_dossier

import synergy_wizard
from synergy_wizard.answers.model import Dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.render import Mode, render_document, write_dossier

Document = docx.document.Document


@pytest.fixture
def checklist(mini_checklist_path: Path) -> Checklist:
    return load_checklist(mini_checklist_path)


@pytest.fixture
def dossier(checklist: Checklist) -> Dossier:
    d = new_dossier(checklist)
    d.update_answer(
        "probleme-resolu",
        value="non",
        note="Première ligne\nDeuxième ligne \x0b avec un caractère de contrôle",
        owner="Service travaux",
        deadline=date(2026, 1, 15),
        priority="haute",
    )
    d.update_answer("services-vises", value=["grh", "informatique"])
    d.update_answer("description", value=HOSTILE)
    d.update_answer("question-retiree", value="oui", note="Note gardée")
    return freeze(d)


def read(checklist: Checklist, dossier: Dossier, mode: Mode = "concis") -> Document:
    data = render_document(checklist, dossier, "docx", mode=mode, generated_at=FIXED)
    return docx.Document(io.BytesIO(data))


def headings(document: Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def all_text(document: Document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_docx_has_word_headings_for_parts_and_questions(
    checklist: Checklist, dossier: Dossier
) -> None:
    document = read(checklist, dossier)
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        "Maison commune de Fléron"
    ]
    assert headings(document, 1) == [
        "Synthèse",
        "Plan d'action",
        "1. Opportunité et objectifs",
        "2. Services concernés",
        "Annexes",
    ]
    assert headings(document, 2)[:3] == [
        "Avancement par section",
        "Réponses par statut",
        "Points ouverts",
    ]
    questions = [h for h in headings(document, 2) if h[:1].isdigit()]
    assert questions == [  # concise: the questions with an answer, in order
        "1.1 Le problème que la synergie doit résoudre est-il décrit et chiffré ? (obligatoire)",
        "2.1 Quels services sont concernés ?",
        "2.3 Décrivez le projet en quelques lignes.",
    ]
    assert "Questions sans réponse" in headings(document, 2)
    assert "Réponses orphelines" in headings(document, 2)
    properties = document.core_properties
    assert properties.title == "Maison commune de Fléron — Dossier concis"
    assert properties.language == "fr-BE"


def test_docx_tables_hold_the_synthesis_and_the_action_plan(
    checklist: Checklist, dossier: Dossier
) -> None:
    document = read(checklist, dossier)
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    sections = tables[("Section", "Questions", "Répondues", "Points ouverts", "État")]
    assert [c.text for c in sections.rows[1].cells] == [
        "1. Opportunité et objectifs",
        "2",
        "1",
        "1",
        "en cours",
    ]
    plan = tables[("N°", "Question", "Responsable", "Échéance", "Priorité", "Réponse")]
    assert [c.text for c in plan.rows[1].cells] == [
        "1.1",
        "Le problème que la synergie doit résoudre est-il décrit et chiffré ?",
        "Service travaux",
        "15 janvier 2026 — en retard",
        "Haute",
        "Non",
    ]
    header = plan.rows[0]._tr.trPr
    assert header is not None and header.find(docx.oxml.ns.qn("w:tblHeader")) is not None


def test_docx_keeps_every_answer_and_note_as_text(checklist: Checklist, dossier: Dossier) -> None:
    text = all_text(read(checklist, dossier))
    assert "Première ligne\nDeuxième ligne  avec un caractère de contrôle" in text
    assert HOSTILE in text  # as plain text: nothing in a DOCX runs
    assert "Ressources humaines" in text and "Informatique" in text
    assert "Note gardée" in text and "question-retiree" in text
    assert f"synergy-wizard {synergy_wizard.__version__}" in text


def test_docx_footer_numbers_pages_and_header_names_the_project(
    checklist: Checklist, dossier: Dossier
) -> None:
    section = read(checklist, dossier).sections[0]
    assert section.header.paragraphs[0].text == "Maison commune de Fléron"
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    assert section.different_first_page_header_footer


def test_complete_docx_adds_field_notes_as_level_3_headings(
    checklist: Checklist, dossier: Dossier
) -> None:
    document = read(checklist, dossier, "complet")
    assert {"Points favorables", "Points problématiques", "Références"} <= set(
        headings(document, 3)
    )
    assert "Un diagnostic écrit partagé par les deux directions." in all_text(document)


def test_blank_docx_has_boxes_to_tick_and_frames_to_write_in(
    checklist: Checklist, dossier: Dossier
) -> None:
    document = read(checklist, dossier, "vierge")
    text = all_text(document)
    assert "☐  Oui" in text and "☐  Ressources humaines" in text
    assert "Service travaux" not in text  # no answer on a blank checklist
    assert len([h for h in headings(document, 2) if h[:1].isdigit()]) == 5
    frames = [t for t in document.tables if len(t.rows) == 1 and len(t.columns) == 1]
    assert any(c.text.startswith("Réponse") for t in frames for c in t.rows[0].cells)


def test_write_docx_replaces_the_file_atomically(
    tmp_path: Path, checklist: Checklist, dossier: Dossier
) -> None:
    target = tmp_path / "dossier.docx"
    target.write_bytes(b"ancienne version")
    write_dossier(checklist, dossier, "docx", target, generated_at=FIXED)
    assert docx.Document(str(target)).paragraphs
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.docx"]


def test_missing_python_docx_names_the_install_command(
    tmp_path: Path, mini_checklist_path: Path
) -> None:
    script = (
        "import sys\n"
        "sys.modules['docx'] = None\n"
        "from pathlib import Path\n"
        "from synergy_wizard.answers.model import Dossier, ProjectInfo\n"
        "from synergy_wizard.checklist.loader import load_checklist\n"
        "from synergy_wizard.errors import SynergyError\n"
        "from synergy_wizard.render import write_dossier\n"
        "checklist = load_checklist(Path(sys.argv[1]))\n"
        "dossier = Dossier.new(checklist, ProjectInfo(nom='P'))\n"
        "try:\n"
        "    write_dossier(checklist, dossier, 'docx', Path(sys.argv[2]))\n"
        "except SynergyError as error:\n"
        "    print(error)\n"
    )
    target = tmp_path / "out.docx"
    target.write_bytes(b"version precedente")
    repo = Path(synergy_wizard.__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", script, str(mini_checklist_path), str(target)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(repo), "PYTHONUTF8": "1"},
        check=True,
    )
    assert "python-docx, qui n'est pas installé" in result.stdout
    assert 'pip install "synergy-wizard[docx]"' in result.stdout
    assert target.read_bytes() == b"version precedente"
