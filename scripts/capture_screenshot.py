"""Regenerate the screenshot shown in the README (``docs/ecran-assistant.svg``).

Usage: ``python scripts/capture_screenshot.py``. It creates a sample dossier on the bundled
« Bâtiment commun » checklist in a temporary folder, opens it in the wizard at 110×34 and saves
what the screen shows as SVG.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from synergy_wizard.answers.model import ProjectInfo
from synergy_wizard.answers.storage import DossierStore, save_dossier
from synergy_wizard.checklist.loader import find_checklist
from synergy_wizard.tui import make_app

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "ecran-assistant.svg"


async def capture(folder: Path) -> None:
    checklist = find_checklist("batiment-commun")
    project = ProjectInfo(
        name="Maison commune de Fléron",
        cpas="CPAS de Fléron",
        partner="Commune de Fléron",
        author="M. Dupont",
    )
    path, dossier = DossierStore(folder).create(checklist, project)
    statut = [q for q in checklist.questions if q.kind == "statut"]
    for question, value in zip(
        statut[:7], ["oui", "oui", "partiellement", "non", "oui", "a-verifier", "oui"], strict=True
    ):
        dossier.update_answer(question.id, value=value)
    current = statut[7]
    dossier.update_answer(current.id, note="À présenter au comité de concertation de mars.")
    dossier.position = current.id
    save_dossier(dossier, path)

    app = make_app(folder, path)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause(0.5)
        app.save_screenshot(filename=OUTPUT.name, path=str(OUTPUT.parent))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(capture(Path(folder)))
    print(f"Capture écrite : {OUTPUT}")


if __name__ == "__main__":
    main()
