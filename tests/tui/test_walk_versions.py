"""A dossier opened with a newer version of its checklist: told, carried over, nothing dropped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tui_helpers import make_dossier, run, saved_answers

from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.dialogs import NoticeDialog
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.question_view import QuestionView

HEAD = """\
id: migration
version: "{version}"
titre: Check-list qui évolue
resume: Une check-list dont une question est renommée et une autre retirée.
avertissement: Contenu d'essai.
cadre_legal_au: 2025-06-30
sections:
  - id: unique
    titre: Section unique
    questions:
"""

V1_QUESTIONS = """\
      - id: a
        texte: Première question ?
      - id: b
        texte: Deuxième question ?
      - id: c
        texte: Troisième question ?
"""

V2_QUESTIONS = """\
      - id: a
        texte: Première question ?
      - id: b2
        texte: Deuxième question, reformulée ?
        anciens_ids: [b]
"""


def write_checklist(folder: Path, version: str, questions: str) -> Checklist:
    folder.mkdir()
    path = folder / "migration.yaml"
    path.write_text(HEAD.format(version=version) + questions, encoding="utf-8")
    return load_checklist(path)


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Checklist, Checklist]:
    return (
        write_checklist(tmp_path / "v1", "1.0", V1_QUESTIONS),
        write_checklist(tmp_path / "v2", "2.0", V2_QUESTIONS),
    )


def test_an_old_dossier_is_carried_over_with_its_orphans_counted(
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    versions: tuple[Checklist, Checklist],
) -> None:
    v1, v2 = versions
    path = make_dossier(
        dossiers_dir,
        v1,
        answers={"a": "oui", "b": "non", "c": "partiellement"},
        notes={"b": "Voir le receveur", "c": "À garder"},
        position="b",
    )

    async def scenario() -> None:
        app = app_factory(path, [v2])
        async with app.run_test(size=(80, 24)) as pilot:
            notice = app.screen
            assert isinstance(notice, NoticeDialog)
            assert notice.error_title == "La check-list a changé"
            message = notice.error_message
            assert "version 1.0" in message and "version 2.0" in message
            assert "1 réponse a été donnée à une question renommée" in message
            assert "« b » devenue « b2 »" in message
            assert "1 réponse concerne une question qui n'existe plus" in message
            assert "« c »" in message

            # The renamed answer is already saved under its new id; nothing else changed.
            on_disk = load_dossier(path)
            assert on_disk.answer("b2").value == "non"
            assert "b" not in on_disk.answers
            assert on_disk.answer("c").note == "À garder"
            assert on_disk.checklist.version == "1.0"

            await pilot.press("enter")  # read
            screen = app.screen
            assert isinstance(screen, WalkScreen)
            assert screen.query_one(QuestionView).context.key == "b2"  # the position follows
            kept = str(screen.query_one("#kept-notice").render())
            assert kept == "1 réponse conservée pour une question retirée de la check-list"
            on_disk = load_dossier(path)
            assert on_disk.checklist.version == "2.0"
            assert on_disk.checklist.content_hash == v2.content_hash

            await pilot.press("1")
        assert saved_answers(path) == {
            "a": ("oui", ""),
            "b2": ("oui", "Voir le receveur"),
            "c": ("partiellement", "À garder"),
        }

    run(scenario)

    async def reopen() -> None:
        app = app_factory(path, [v2])
        async with app.run_test(size=(80, 24)):
            assert isinstance(app.screen, WalkScreen)  # told once: no notice this time

    run(reopen)


def test_quitting_before_reading_the_notice_keeps_the_old_stamp(
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    versions: tuple[Checklist, Checklist],
) -> None:
    v1, v2 = versions
    path = make_dossier(dossiers_dir, v1, answers={"b": "non", "c": "oui"})

    async def scenario() -> None:
        app = app_factory(path, [v2])
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, NoticeDialog)
            await pilot.press("ctrl+q")

    run(scenario)
    on_disk = load_dossier(path)
    assert on_disk.checklist.version == "1.0"  # the notice will be shown again
    assert saved_answers(path) == {"b2": ("non", ""), "c": ("oui", "")}


def test_answers_to_repeated_sections_are_not_taken_for_orphans(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    conditions = load_checklist(Path(__file__).parents[1] / "data" / "good" / "conditions.yaml")
    path = make_dossier(
        dossiers_dir,
        conditions,
        answers={"services": ["it"], "pilote@it": "oui", "pilote@archives": "non"},
    )
    dossier = load_dossier(path)
    dossier.checklist.version = "0.9"
    save_dossier(dossier, path)

    async def scenario() -> None:
        app = app_factory(path, [conditions])
        async with app.run_test(size=(80, 24)) as pilot:
            notice = app.screen
            assert isinstance(notice, NoticeDialog)
            assert "version 0.9" in notice.error_message
            assert "n'existe plus" not in notice.error_message
            await pilot.press("enter")
            kept = str(app.screen.query_one("#kept-notice").render())
            assert kept == "1 réponse conservée pour une question masquée"  # archives unticked

    run(scenario)
    assert saved_answers(path)["pilote@archives"] == ("non", "")
