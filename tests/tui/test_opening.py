"""Opening a dossier in the wizard: its lock, read-only views, damaged files, tried-out
checklists, and a dossier folder that cannot be written.

Every test runs the real app under Pilot on real files and checks what is on disk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from home_helpers import wait_for_dossier_list
from textual.widgets import Static, TextArea
from tui_helpers import make_dossier, only_dossier, run, saved_answers

from synergy_wizard.answers.backup import write_backup
from synergy_wizard.answers.lock import DossierLockedError, acquire_dossier_lock
from synergy_wizard.answers.recovery import CORRUPTED_MARK
from synergy_wizard.answers.storage import load_dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui import make_app
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.screens.dialogs import ErrorDialog, NoticeDialog, RecoveryDialog
from synergy_wizard.tui.screens.home import DossierTable, HomeScreen
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.widgets.choice_list import ChoiceList
from synergy_wizard.tui.widgets.follow_up import FollowUpRow

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]


def notices(app: SynergyWizardApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def banner(walk: WalkScreen) -> str:
    return str(walk.query_one("#read-only-banner", Static).render())


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (backups included) with its content; lock files, which
    stay behind empty and hold nothing, are left out."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith((".lock", ".lock-info"))
    }


def _child_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TEXTUAL", None)
    return env


def is_locked(path: Path) -> bool:
    """Whether another program (here: the app under test) holds the dossier's lock."""
    try:
        acquire_dossier_lock(path).release()
    except DossierLockedError:
        return True
    return False


# --- The lock ---------------------------------------------------------------------------------


def test_a_dossier_open_elsewhere_is_shown_read_only_and_never_written(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(
        dossiers_dir,
        mini_checklist,
        answers={"probleme-resolu": "oui"},
        notes={"probleme-resolu": "Chiffres de 2025."},
        position="probleme-resolu",
    )
    before = folder_files(dossiers_dir)
    other = acquire_dossier_lock(path)  # the first program, open on this dossier

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            walk = app.screen
            assert isinstance(walk, WalkScreen)
            assert walk.session.read_only
            text = banner(walk)
            assert text.startswith("Lecture seule : aucune modification ne sera enregistrée.")
            assert "est déjà ouvert dans un autre synergy-wizard (processus" in text
            assert "(lecture seule)" in walk.sub_title
            assert walk.query_one("#answer-choice", ChoiceList).disabled
            assert walk.query_one("#note", TextArea).read_only
            assert walk.query_one(FollowUpRow).disabled

            await pilot.press("2")
            assert any("lecture seule" in message for message in notices(app))
            await pilot.press("tab", *"une note", "enter", "pagedown", "space", "pageup")
            assert walk.session.dossier.answer("probleme-resolu").value == "oui"
            assert walk.session.dossier.answer("probleme-resolu").note == "Chiffres de 2025."
            assert folder_files(dossiers_dir) == before
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("ctrl+q")
        assert folder_files(dossiers_dir) == before

    try:
        run(scenario)
    finally:
        other.release()
    assert path.read_bytes() == before[path.name]


def test_the_dossier_is_reserved_while_open_and_freed_when_closed(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, WalkScreen)
            assert not app.screen.session.read_only
            assert is_locked(path)
            await pilot.press("escape")  # back home: closed
            assert isinstance(app.screen, HomeScreen)
            assert not is_locked(path)
            await pilot.press("enter")  # opened again from the list
            assert isinstance(app.screen, WalkScreen)
            assert is_locked(path)
            await pilot.press("2")
            await pilot.press("ctrl+q")
        assert not is_locked(path)
        assert saved_answers(path)["probleme-resolu"] == ("non", "")

    run(scenario)


# --- A newer format ---------------------------------------------------------------------------


def test_a_dossier_of_a_newer_format_is_shown_read_only_and_never_rewritten(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    dossiers_dir.mkdir()
    path = dossiers_dir / "futur.yaml"
    shutil.copyfile(DATA / "dossiers" / "newer-format.yaml", path)
    before = path.read_bytes()

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, NoticeDialog)  # the checklist changed since
            await pilot.press("escape")
            walk = app.screen
            assert isinstance(walk, WalkScreen)
            assert walk.session.read_only
            assert "écrit par une version plus récente de synergy-wizard (format 2)" in banner(walk)
            assert walk.session.dossier.answer("probleme-resolu").value == "partiellement"
            assert not is_locked(path)  # never written: nothing to reserve
            await pilot.press("1", "pagedown", "tab", *"texte", "pageup", "ctrl+q")
        assert path.read_bytes() == before
        assert list(folder_files(dossiers_dir)) == ["futur.yaml"]

    run(scenario)


# --- A damaged file ---------------------------------------------------------------------------


def _damaged_with_backup(folder: Path, checklist: Checklist) -> tuple[Path, bytes, bytes]:
    """A dossier whose good version was backed up, then damaged (cut in the middle)."""
    path = make_dossier(
        folder,
        checklist,
        answers={"probleme-resolu": "partiellement", "porteur": "cpas"},
        notes={"porteur": "Version sauvegardée."},
    )
    good = path.read_bytes()
    write_backup(path, good)
    damaged = good[: good.index(b"reponses:")] + b"reponses:\n  porteur: [cpas\n"
    path.write_bytes(damaged)
    return path, good, damaged


def test_a_damaged_dossier_offers_its_backup_and_opens_it_once_restored(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path, good, damaged = _damaged_with_backup(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_dossier_list(pilot)
            assert app.screen.query_one(DossierTable).row_count == 1
            await pilot.press("enter")
            dialog = app.screen
            assert isinstance(dialog, RecoveryDialog)
            message = dialog.confirm_message
            assert message.startswith(f"Le dossier « {path.name} » ne peut pas être ouvert :\n")
            assert "ligne " in message and ", colonne " in message
            assert "Une sauvegarde en bon état existe" in message
            assert path.read_bytes() == damaged  # nothing touched while asking
            await pilot.click("#confirm")
            await pilot.pause()
            walk = app.screen
            assert isinstance(walk, WalkScreen)
            assert not walk.session.read_only
            assert walk.session.dossier.answer("porteur").note == "Version sauvegardée."
            assert any("Le fichier abîmé est gardé à côté" in m for m in notices(app))
            assert is_locked(path)

    run(scenario)
    assert path.read_bytes() == good
    [kept] = dossiers_dir.glob(f"{path.name}{CORRUPTED_MARK}*")
    assert kept.read_bytes() == damaged
    assert saved_answers(path)["porteur"] == ("cpas", "Version sauvegardée.")


def test_a_damaged_dossier_is_left_as_it_is_when_the_restore_is_declined(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path, _, damaged = _damaged_with_backup(dossiers_dir, mini_checklist)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, RecoveryDialog)
            await pilot.press("enter")  # « Annuler » has the focus
            assert isinstance(app.screen, HomeScreen)
            assert not is_locked(path)

    run(scenario)
    assert path.read_bytes() == damaged
    assert not list(dossiers_dir.glob(f"*{CORRUPTED_MARK}*"))


def test_a_file_damaged_while_open_is_kept_aside_at_the_next_save(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            path.write_bytes(b"format: 1\nprojet: [\x00 abime")
            await pilot.press("3")
            assert any("gardé tel quel sous" in message for message in notices(app))

    run(scenario)
    [kept] = dossiers_dir.glob(f"{path.name}{CORRUPTED_MARK}*")
    assert kept.read_bytes() == b"format: 1\nprojet: [\x00 abime"
    assert saved_answers(path)["probleme-resolu"] == ("partiellement", "")


# --- A checklist being tried out --------------------------------------------------------------


def test_a_dossier_of_a_checklist_being_tried_out_opens_and_keeps_its_file(
    tmp_path: Path, dossiers_dir: Path
) -> None:
    tried = tmp_path / "essais" / "mini.yaml"
    tried.parent.mkdir()
    shutil.copyfile(DATA / "good" / "mini.yaml", tried)
    created = subprocess.run(
        [
            *(sys.executable, "-m", "synergy_wizard", "--dossiers", str(dossiers_dir)),
            *("new", "--checklist", str(tried), "--project", "E"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=_child_env(),
    )
    assert created.returncode == 0, created.stderr
    path = only_dossier(dossiers_dir)
    assert load_dossier(path).checklist.source == str(tried.resolve())
    # The federation goes on editing its file: a new version of the checklist.
    text = tried.read_text(encoding="utf-8")
    tried.write_text(text.replace('version: "1.2.0"', 'version: "1.3.0"'), encoding="utf-8")

    async def scenario() -> None:
        app = make_app(dossiers_dir, path)  # the bundled checklists only, as in real use
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, NoticeDialog)  # what changed in the checklist
            await pilot.press("escape")
            walk = app.screen
            assert isinstance(walk, WalkScreen)
            assert walk.session.checklist.id == "mini"
            await pilot.press("1")

    run(scenario)
    saved = load_dossier(path)
    assert saved.answer("probleme-resolu").value == "oui"
    assert saved.checklist.version == "1.3.0"
    assert saved.checklist.source == str(tried.resolve())  # still found next time


# --- The dossier folder -----------------------------------------------------------------------


def test_a_dossier_folder_that_cannot_be_written_is_reported_at_start(
    dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    dossiers_dir.write_text("un fichier à la place du dossier", encoding="utf-8")

    async def scenario() -> None:
        app = make_app(dossiers_dir, checklists=[mini_checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            home = await wait_for_dossier_list(pilot)  # checked just before it is read
            assert app.screen is home
            problem = home.query_one("#folder-problem", Static)
            assert problem.display
            text = str(problem.render())
            assert f"Le dossier « {dossiers_dir} » n'est pas utilisable" in text
            assert "option --dossiers" in text

    run(scenario)


def test_a_dossier_folder_not_made_yet_is_no_problem(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    async def scenario() -> None:
        app = app_factory()
        async with app.run_test(size=(80, 24)):
            assert isinstance(app.screen, HomeScreen)
            assert not app.screen.query_one("#folder-problem", Static).display

    assert not dossiers_dir.exists()
    run(scenario)


@pytest.mark.parametrize("content", [b"", b"projet: [\n\xff\xfe"])
def test_a_damaged_dossier_without_backup_is_explained_and_left_untouched(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, content: bytes
) -> None:
    dossiers_dir.mkdir()
    path = dossiers_dir / "abime.yaml"
    path.write_bytes(content)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = app.screen
            assert isinstance(dialog, ErrorDialog)
            assert dialog.error_message.startswith("Le dossier « abime.yaml » ne peut pas")
            assert "Aucune sauvegarde en bon état" in dialog.error_message
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)

    run(scenario)
    assert path.read_bytes() == content
    assert folder_files(dossiers_dir) == {"abime.yaml": content}
