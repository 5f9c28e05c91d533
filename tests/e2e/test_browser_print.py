"""Most people open the HTML dossier in their browser and print it: do that in real Chromium.

Debian's ``chromium`` prints the HTML dossier of the realistic sample to PDF, headless; the
text must all be there and the page count close to the PDF that WeasyPrint lays out. The
set-up installs Chromium when it is missing (as root, with apt-get); it never skips.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from synergy_wizard.answers.plan import build_plan
from synergy_wizard.checklist.loader import find_checklist
from synergy_wizard.render import render_document, write_dossier

from .test_pdf import SAMPLE, squash


def _apt_get(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(
        ["apt-get", *args], capture_output=True, text=True, env=env, check=False, timeout=900
    )


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of Debian's chromium, installed first when missing and we are root."""
    found = shutil.which("chromium")
    if found:
        return found
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.fail(
            "Chromium est introuvable et ne peut pas être installé ici (il faut être root et "
            "disposer d'apt-get). Installez-le : sudo apt-get install -y chromium"
        )
    result = _apt_get("install", "-y", "chromium")
    if result.returncode != 0:
        _apt_get("update")
        result = _apt_get("install", "-y", "chromium")
    found = shutil.which("chromium")
    if result.returncode != 0 or not found:
        pytest.fail(f"L'installation de Chromium a échoué :\n{result.stdout}\n{result.stderr}")
    return found


def print_to_pdf(chromium: str, html: Path, target: Path, profile: Path) -> None:
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={target}",
        "--no-pdf-header-footer",
        html.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0 and target.is_file(), result.stderr[-2000:]


def test_browser_prints_the_whole_dossier(chromium: str, tmp_path: Path) -> None:
    checklist = find_checklist("batiment-commun")
    dossier = SAMPLE.build_sample(checklist)
    html = write_dossier(
        checklist, dossier, "html", tmp_path / "dossier.html", generated_at=SAMPLE.GENERATED_AT
    )
    printed = tmp_path / "imprime.pdf"
    print_to_pdf(chromium, html, printed, tmp_path / "profil")

    reader = PdfReader(printed)
    text = squash("\n".join(page.extract_text() for page in reader.pages))
    plan = build_plan(checklist, dossier)
    answered = [s for s in plan.visible_slots if dossier.answer(s.key).is_answered]
    assert len(answered) >= 60
    for slot in answered:
        answer = dossier.answer(slot.key)
        assert squash(slot.question.text) in text, slot.key
        if answer.note:
            assert squash(answer.note) in text, slot.key
    assert squash("Plan d'action") in text and squash("Maison commune et sociale") in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4

    laid_out = render_document(checklist, dossier, "pdf", generated_at=SAMPLE.GENERATED_AT)
    expected = len(PdfReader(io.BytesIO(laid_out)).pages)
    assert abs(len(reader.pages) - expected) <= 0.3 * expected, (len(reader.pages), expected)
