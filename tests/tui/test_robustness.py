"""Faults the wizard must survive: failed saves, broken files, tiny terminals, huge checklists."""

from __future__ import annotations

import os
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from home_helpers import wait_for_dossier_list
from textual.widgets import SelectionList, TextArea
from tui_helpers import generate_checklist, make_dossier, run, saved_answers

from synergy_wizard.answers.fileio import TEMP_SUFFIX
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import MIN_HEIGHT, MIN_WIDTH, SynergyWizardApp
from synergy_wizard.tui.crash import CRASH_LOG_NAME
from synergy_wizard.tui.screens.dialogs import ErrorDialog, TooSmallScreen
from synergy_wizard.tui.screens.home import DossierTable, HomeScreen
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.choice_list import ChoiceList
from synergy_wizard.tui.widgets.question_view import QuestionView
from synergy_wizard.tui.widgets.section_list import SectionList


def dialog_text(app: SynergyWizardApp) -> str:
    assert isinstance(app.screen, ErrorDialog)
    return f"{app.screen.error_title}\n{app.screen.error_message}"


def test_a_failed_save_shows_the_error_and_keeps_the_answers(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")
    moved = dossiers_dir.with_name("dossiers-deplaces")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            # The folder vanishes and a plain file takes its name: no save can succeed.
            dossiers_dir.rename(moved)
            dossiers_dir.write_text("pas un dossier", encoding="utf-8")
            await pilot.press("2")
            assert "Enregistrement impossible" in dialog_text(app)
            await pilot.press("escape")
            assert isinstance(app.screen, WalkScreen)
            await pilot.press("pagedown", "1")  # a second failure: no new dialog
            assert isinstance(app.screen, WalkScreen)
            dossier = app.screen.session.dossier
            assert dossier.answer("probleme-resolu").value == "non"
            assert dossier.answer("porteur").value == "commune"

            # The folder comes back: the next change saves everything kept in memory.
            dossiers_dir.unlink()
            moved.rename(dossiers_dir)
            await pilot.press("2")
            assert saved_answers(path) == {
                "probleme-resolu": ("non", ""),
                "porteur": ("cpas", ""),
            }

    run(scenario)


def test_quitting_while_saves_fail_warns_first(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", *"une note")
            shutil.rmtree(dossiers_dir)  # the dossier, its backups and lock all vanish
            dossiers_dir.write_text("pas un dossier", encoding="utf-8")
            await pilot.press("ctrl+q")
            assert "Ctrl+Q" in dialog_text(app)
            assert app.is_running
            await pilot.press("ctrl+q")
        assert not app.is_running

    run(scenario)


def test_a_broken_dossier_file_is_listed_with_its_error(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    make_dossier(dossiers_dir, mini_checklist, "Bon dossier")
    broken = dossiers_dir / "abime.yaml"
    broken.write_bytes(b"projet: [\n\xff\xfe")

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_dossier_list(pilot)
            table = app.screen.query_one(DossierTable)
            assert table.row_count == 2
            rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(2)]
            broken_row = next(row for row in rows if row[0] == "abime")
            assert broken_row[2] == "⚠ illisible"
            table.move_cursor(row=[r[0] for r in rows].index("abime"))
            await pilot.press("enter")
            assert "ne peut pas être ouvert" in dialog_text(app)
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
        assert broken.read_bytes() == b"projet: [\n\xff\xfe"

    run(scenario)


def test_the_minimum_size_notice_comes_and_goes(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(60, 20)) as pilot:
            assert isinstance(app.screen, TooSmallScreen)
            message = str(app.screen.query_one("#too-small-message").render())
            assert f"au moins {MIN_WIDTH} colonnes sur {MIN_HEIGHT} lignes" in message
            assert "60 × 20" in message
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)
            await pilot.press("tab", *"texte tapé")
            await pilot.resize_terminal(50, 30)
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen)
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)
            note = app.screen.query_one("#note", TextArea)
            assert note.text == "texte tapé"
            assert app.focused is note

    run(scenario)


def _open_and_count(app: SynergyWizardApp) -> tuple[float, dict[str, int]]:
    async def scenario() -> tuple[float, dict[str, int]]:
        started = time.perf_counter()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            elapsed = time.perf_counter() - started
            screen = app.screen
            assert isinstance(screen, WalkScreen)
            counts = {
                "views": len(screen.query(QuestionView)),
                "choice lists": len(screen.query(ChoiceList)),
                "selection lists": len(screen.query(SelectionList)),
                "text areas": len(screen.query(TextArea)),
                "section lists": len(screen.query(SectionList)),
                "sections": screen.query_one(SectionList).option_count,
                "widgets": len(list(screen.walk_children())),
            }
            await pilot.press("pagedown", "pagedown")
            counts["views after moving"] = len(screen.query(QuestionView))
            counts["selection lists after moving"] = len(screen.query(SelectionList))
        return elapsed, counts

    return run(scenario)


def test_a_thousand_questions_open_as_fast_as_fifty(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    small = generate_checklist(5, 10)
    big = generate_checklist(100, 10)
    assert len(big.questions) == 1000
    small_path = make_dossier(dossiers_dir, small, "Petit")
    big_path = make_dossier(dossiers_dir, big, "Grand")

    small_time, small_counts = _open_and_count(app_factory(small_path, [small, big]))
    big_time, big_counts = _open_and_count(app_factory(big_path, [small, big]))

    for counts in (small_counts, big_counts):
        assert counts["views"] == 1
        assert counts["choice lists"] == 1  # the first question is a statut
        assert counts["text areas"] == 1  # its note
        assert counts["section lists"] == 1
        assert counts["views after moving"] == 1
        assert counts["selection lists after moving"] == 1  # the third is a multi-choice
    assert small_counts["sections"] == 5
    assert big_counts["sections"] == 100
    # Only one question is mounted: the widget count does not grow with the checklist.
    assert big_counts["widgets"] == small_counts["widgets"]
    assert big_time < small_time * 2 + 0.5, (small_time, big_time)


def test_an_unexpected_error_saves_logs_without_answers_and_explains_in_french(
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")

    def broken_summary(self: WalkScreen) -> None:
        raise RuntimeError("texte confidentiel de la note")

    monkeypatch.setattr(WalkScreen, "action_summary", broken_summary)
    app = app_factory(path)

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", *"texte confidentiel", "ctrl+r")

    with pytest.raises(RuntimeError):  # Pilot hands the error over to the test
        run(scenario)
    assert app.return_code == 1
    assert saved_answers(path) == {"probleme-resolu": (None, "texte confidentiel")}
    log_path = dossiers_dir / CRASH_LOG_NAME
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600  # like the dossiers next to it
    log = log_path.read_text(encoding="utf-8")
    assert "RuntimeError" in log
    assert "broken_summary" in log
    assert "confidentiel" not in log
    shown = capfd.readouterr().err
    assert "erreur inattendue" in shown
    assert CRASH_LOG_NAME in shown
    assert "confidentiel" not in shown
    assert "Traceback" not in shown


def test_a_save_interrupted_in_an_earlier_run_is_reported(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, answers={"porteur": "cpas"})
    stray = dossiers_dir / f".{path.name}.a1b2c3{TEMP_SUFFIX}"
    stray.write_text("reponses: {porteur: {valeur: com", encoding="utf-8")
    os.utime(stray, (1_000_000_000, 1_000_000_000))

    async def scenario() -> list[str]:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.screen.query_one(DossierTable).row_count == 1
            return [notification.title for notification in app._notifications]

    assert "Reprise après interruption" in run(scenario)
    assert not stray.exists()
    assert saved_answers(path) == {"porteur": ("cpas", "")}
