"""Every bundled checklist renders in every format and mode, fully answered.

HTML, Markdown and DOCX are rendered for every checklist in every mode; the PDF, which takes
seconds, for every checklist in the concise mode (all modes of one checklist are covered by
test_pdf.py). Each output must contain every question of the checklist.
"""

from __future__ import annotations

import html
import io
import re
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.checklist.loader import bundled_checklist_paths, load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.render import Format, Mode, render_document

FIXED = datetime(2026, 11, 22, 14, 5, tzinfo=timezone(timedelta(hours=1)))
PATHS = bundled_checklist_paths()


def squash(text: str) -> str:
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", text)


@cache
def answered(path: Path) -> tuple[Checklist, Dossier]:
    """``path``'s checklist with every question answered (all choices ticked), with a note."""
    checklist = load_checklist(path)
    dossier = Dossier.new(checklist, ProjectInfo(name="Projet complet", cpas="CPAS"))
    for _ in range(3):  # answers open repeated sections, whose questions are answered next
        for slot in build_plan(checklist, dossier).visible_slots:
            question = slot.question
            if dossier.answer(slot.key).is_answered:
                continue
            values = {"statut": "partiellement", "choix_multiple": [c.id for c in question.choices]}
            first = question.choices[0].id if question.choices else "Oui."
            value = values.get(question.kind, first)
            dossier.update_answer(slot.key, value=value, note=f"Note {slot.key}.")
    return checklist, dossier


def text_of(fmt: Format, data: bytes) -> str:
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if fmt == "html":
        return html.unescape(data.decode("utf-8"))
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    return data.decode("utf-8")


CASES = [
    (path, fmt, mode)
    for path in PATHS
    for fmt in ("html", "md", "docx")
    for mode in ("concis", "complet", "vierge")
] + [(path, "pdf", "concis") for path in PATHS]


@pytest.mark.parametrize(
    ("path", "fmt", "mode"), CASES, ids=[f"{p.stem}-{f}-{m}" for p, f, m in CASES]
)
def test_bundled_checklist_renders(path: Path, fmt: Format, mode: Mode) -> None:
    checklist, dossier = answered(path)
    data = render_document(checklist, dossier, fmt, mode=mode, generated_at=FIXED)
    text = squash(text_of(fmt, data))
    if fmt == "md":
        text = text.replace("\\", "")
    if mode == "vierge":
        expected = list(checklist.questions)
        assert "Note" + checklist.questions[0].id not in text
    else:
        plan = build_plan(checklist, dossier)
        expected = [slot.question for slot in plan.visible_slots]
        for slot in plan.visible_slots:
            assert squash(f"Note {slot.key}.") in text, slot.key
    for question in expected:
        assert squash(question.text) in text, question.id
