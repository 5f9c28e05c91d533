"""The PDF dossier laid out by the real WeasyPrint, read back with pypdf.

A realistic filled dossier (the one of ``scripts/make_sample_dossier.py``) is rendered in
each mode; the text of the PDF must hold every answered question, every answer and note,
and the action plan. Hostile staff templates must not make WeasyPrint read anything but
data: URLs and the template folders' own files.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import pytest
from PIL import Image
from pypdf import PdfReader

import synergy_wizard
from synergy_wizard.answers.model import Dossier
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.checklist.loader import find_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import TemplateError
from synergy_wizard.render import render_document, write_dossier

ROOT = Path(synergy_wizard.__file__).resolve().parents[1]
A4 = (595.3, 841.9)


def load_sample_script() -> ModuleType:
    """``scripts/make_sample_dossier.py``, imported as a module."""
    path = ROOT / "scripts" / "make_sample_dossier.py"
    spec = importlib.util.spec_from_file_location("make_sample_dossier", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLE = load_sample_script()


def squash(text: str) -> str:
    """Text without spaces nor hyphens, so line breaks and hyphenation do not matter."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", text)


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def sample() -> tuple[Checklist, Dossier]:
    checklist = find_checklist("batiment-commun")
    return checklist, SAMPLE.build_sample(checklist)


@pytest.fixture(scope="module")
def sample_pdfs(sample: tuple[Checklist, Dossier]) -> dict[str, bytes]:
    checklist, dossier = sample
    return {
        mode: render_document(
            checklist, dossier, "pdf", mode=mode, generated_at=SAMPLE.GENERATED_AT
        )
        for mode in ("concis", "complet", "vierge")
    }


@pytest.fixture(scope="module")
def sample_texts(sample_pdfs: dict[str, bytes]) -> dict[str, list[str]]:
    """The text of each page of each sample PDF (pypdf is slow: read each file once)."""
    return {mode: pdf_text(data) for mode, data in sample_pdfs.items()}


def test_pdf_holds_every_answer_note_and_the_action_plan(
    sample: tuple[Checklist, Dossier], sample_texts: dict[str, list[str]]
) -> None:
    checklist, dossier = sample
    pages = sample_texts["concis"]
    text = squash("\n".join(pages))
    plan = build_plan(checklist, dossier)
    answered = [s for s in plan.visible_slots if dossier.answer(s.key).is_answered]
    assert len(answered) >= 60
    for slot in answered:
        answer = dossier.answer(slot.key)
        assert squash(slot.question.text) in text, slot.key
        if isinstance(answer.value, str) and slot.question.kind.startswith("texte"):
            assert squash(answer.value) in text, slot.key
        if answer.note:
            assert squash(answer.note) in text, slot.key
        if answer.owner:
            assert squash(answer.owner) in text, slot.key
    action_page = next(p for p in pages if "Les points ouverts et les réponses" in p)
    assert "Plan d'action" in action_page and "EN RETARD" in action_page
    assert squash("2.3 Une procédure d'arbitrage") in squash(action_page)
    assert squash("Directeur général de la commune 31 octobre 2026") in squash(action_page)


def test_pdf_is_a4_numbered_with_running_header_and_toc_page_numbers(
    sample_pdfs: dict[str, bytes], sample_texts: dict[str, list[str]]
) -> None:
    reader = PdfReader(io.BytesIO(sample_pdfs["concis"]))
    pages = sample_texts["concis"]
    total = len(pages)
    assert 12 <= total <= 40
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == A4
    assert "Page" not in pages[0] and "Maison commune et sociale de Fléron" in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} / {total}" in page
        assert "Maison commune et sociale de Fléron" in page  # the running header
    contents = pages[1]
    found = dict(re.findall(r"^(Synthèse|Plan d'action)\s*(\d+)\s*$", contents, re.MULTILINE))
    assert set(found) == {"Synthèse", "Plan d'action"}, contents
    assert "Réponses par statut" in pages[int(found["Synthèse"]) - 1]
    assert "Les points ouverts et les réponses" in pages[int(found["Plan d'action"]) - 1]
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == "Maison commune et sociale de Fléron — Dossier de préparation"
    assert metadata.author == "Anne Horion, directrice générale du CPAS"


def test_synthesis_fits_on_one_page(sample_texts: dict[str, list[str]]) -> None:
    pages = sample_texts["concis"]
    (synthesis,) = [p for p in pages if "Avancement par section" in p]
    assert "Réponses par statut" in synthesis and "Points ouverts (22)" in synthesis
    assert "Et 10 autres points ouverts" in synthesis
    index = pages.index(synthesis)
    assert pages[index + 1].count("Plan d'action") >= 1


def test_complete_and_blank_pdfs(
    sample: tuple[Checklist, Dossier], sample_texts: dict[str, list[str]]
) -> None:
    checklist, _ = sample
    concise, complete, blank = (sample_texts[mode] for mode in ("concis", "complet", "vierge"))
    assert len(complete) > len(concise)
    complete_text = squash("\n".join(complete))
    assert squash("Aide à la réponse") in complete_text
    assert squash(checklist.questions[0].favourable[0]) in complete_text
    blank_text = squash("\n".join(blank))
    for question in checklist.questions:
        assert squash(question.text) in blank_text, question.id
    assert squash("À remplir seulement si la réponse à la question 3.2 est « Bail »") in blank_text
    assert squash("Le CPAS occupe depuis 1978") not in blank_text


# ---------- what a staff template may load ----------


class _Spy(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Spy.hits.append(self.path)
        body = b'body::before { content: "FUITE"; }'
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def spy_server() -> Iterator[str]:
    """A web server on the loopback address that records every request it gets."""
    _Spy.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Spy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _png(path: Path, colour: str) -> bytes:
    Image.new("RGB", (8, 8), colour).save(path, format="PNG")
    return path.read_bytes()


def test_hostile_template_gets_nothing_but_its_own_files(
    tmp_path: Path, spy_server: str, mini_checklist_path: Path
) -> None:
    from synergy_wizard.checklist.loader import load_checklist

    secret = tmp_path / "ailleurs" / "secret.png"
    secret.parent.mkdir()
    _png(secret, "red")
    staff = tmp_path / "modeles"
    staff.mkdir()
    _png(staff / "logo.png", "blue")
    (staff / "annexes.html.j2").write_text(
        "<p>Annexe modifiée</p>\n"
        '<img src="logo.png" alt="logo">\n'
        '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADU'
        'lEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" alt="point">\n'
        '<img src="file:///etc/passwd" alt="mots de passe">\n'
        f'<img src="{secret.as_uri()}" alt="secret">\n'
        '<img src="../ailleurs/secret.png" alt="secret relatif">\n'
        f'<link rel="stylesheet" href="{spy_server}/lien.css">\n'
        f'<style>@import url("{spy_server}/import.css");</style>\n',
        encoding="utf-8",
    )
    checklist = load_checklist(mini_checklist_path)
    dossier = Dossier.new(checklist, SAMPLE.ProjectInfo(name="Projet"))
    messages: list[str] = []
    data = render_document(checklist, dossier, "pdf", templates_dir=staff, progress=messages.append)
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Annexe modifiée" in text and "FUITE" not in text
    assert _Spy.hits == []
    images = {image.data for page in reader.pages for image in page.images}
    assert len(images) == 2  # the template's logo and the data: URL, nothing else
    refused = "\n".join(m for m in messages if m.startswith("Attention"))
    for url in ("file:///etc/passwd", secret.as_uri(), f"{spy_server}/lien.css"):
        assert url in refused
    assert f"{spy_server}/import.css" in refused


def test_failed_render_leaves_the_previous_pdf_untouched(
    tmp_path: Path, sample: tuple[Checklist, Dossier]
) -> None:
    checklist, dossier = sample
    staff = tmp_path / "modeles"
    staff.mkdir()
    (staff / "couverture.html.j2").write_text("<h1>{{ projet.nom }}</h1>\n", encoding="utf-8")
    target = tmp_path / "dossier.pdf"
    target.write_bytes(b"%PDF version precedente")
    with pytest.raises(TemplateError, match=r"couverture\.html\.j2, ligne 1"):
        write_dossier(checklist, dossier, "pdf", target, templates_dir=staff)
    assert target.read_bytes() == b"%PDF version precedente"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.pdf", "modeles"]


def test_missing_weasyprint_names_the_install_command(
    tmp_path: Path, mini_checklist_path: Path
) -> None:
    script = (
        "import sys\n"
        "sys.modules['weasyprint'] = None\n"
        "from synergy_wizard.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    dossier = tmp_path / "projet.yaml"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1"}
    env["SYNERGY_WIZARD_HOME"] = str(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "synergy_wizard", "new", "--checklist", "batiment-commun",
         "--project", "Projet", "-o", str(dossier)],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    target = tmp_path / "projet.pdf"
    target.write_bytes(b"%PDF version precedente")
    result = subprocess.run(
        [sys.executable, "-c", script, "render", str(dossier), "--format", "pdf"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Le format PDF demande le module WeasyPrint, qui n'est pas installé." in result.stderr
    assert 'python -m pip install "synergy-wizard[pdf]"' in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == b"%PDF version precedente"


def test_cli_reports_progress_while_the_pdf_is_laid_out(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1"}
    env["SYNERGY_WIZARD_HOME"] = str(tmp_path)
    dossier = tmp_path / "projet.yaml"
    subprocess.run(
        [sys.executable, "-m", "synergy_wizard", "new", "--checklist",
         str(ROOT / "tests" / "data" / "good" / "mini.yaml"), "--project", "Projet",
         "-o", str(dossier)],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "synergy_wizard", "render", str(dossier), "--format", "pdf"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Mise en page du PDF")
    assert re.search(r"Écriture du PDF \(\d+ pages\)", result.stderr)
    assert result.stdout == f"Dossier de préparation écrit : {tmp_path / 'projet.pdf'}\n"
    assert (tmp_path / "projet.pdf").read_bytes().startswith(b"%PDF-")
