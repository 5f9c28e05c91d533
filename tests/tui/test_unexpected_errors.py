"""An unexpected error stops one operation, never the wizard (reliability case 3).

The faults are real exceptions raised by real code paths of the running app: an action (a key
binding), a message handler of a screen, a background worker. Each test asserts the dialog's
words, that the app goes on working afterwards, what is on disk, and the private log.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import work
from textual.app import App
from textual.dom import DOMNode
from tui_helpers import make_dossier, run, saved_answers

import synergy_wizard.tui as package
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.crash import CRASH_LOG_NAME
from synergy_wizard.tui.guard import RAISE_ERRORS_ENV, Guarded
from synergy_wizard.tui.screens.dialogs import ErrorDialog
from synergy_wizard.tui.screens.summary import SummaryScreen
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.unexpected import MAX_CAUGHT_ERRORS, UNEXPECTED_TITLE

SECRET = "texte confidentiel"


@pytest.fixture(autouse=True)
def catching(monkeypatch: pytest.MonkeyPatch) -> None:
    """As for users: errors are caught and shown, not handed to the test."""
    monkeypatch.delenv(RAISE_ERRORS_ENV)


def _log(dossiers_dir: Path) -> str:
    path = dossiers_dir / CRASH_LOG_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    return path.read_text(encoding="utf-8")


def test_an_error_in_an_action_shows_a_dialog_and_the_wizard_goes_on(
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")

    def broken_summary(self: WalkScreen) -> None:
        raise RuntimeError(f"réponse illisible : {SECRET}")

    monkeypatch.setattr(WalkScreen, "action_summary", broken_summary)
    app = app_factory(path)

    async def scenario() -> tuple[str, str, bool]:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", *SECRET, "ctrl+r")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ErrorDialog)
            title, message = dialog.error_title, dialog.error_message
            await pilot.press("escape")
            walk = app.screen
            assert isinstance(walk, WalkScreen)
            await pilot.press("shift+tab", "1")  # back on the choices: « Oui »
            await pilot.pause()
            running = app.is_running
            await pilot.press("ctrl+q")
        return title, message, running

    title, message, running = run(scenario)
    assert running and app.return_code == 0
    assert title == UNEXPECTED_TITLE
    assert message.startswith("Une erreur inattendue du programme a interrompu l'opération")
    assert "Vos réponses sont enregistrées : vous pouvez continuer à travailler." in message
    assert f"Détails techniques, sans vos réponses : {dossiers_dir / CRASH_LOG_NAME}" in message
    assert SECRET not in message
    # The note typed before the error was saved by it; the answer given after it too.
    assert saved_answers(path) == {"probleme-resolu": ("oui", SECRET)}
    log = _log(dossiers_dir)
    assert "Erreur inattendue : builtins.RuntimeError" in log
    assert "broken_summary" in log
    assert "confidentiel" not in log and "illisible" not in log


def test_a_screen_whose_handler_failed_still_handles_what_comes_next(
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual stops a widget's message loop after an error in one of its handlers; the
    wizard's screens keep theirs."""
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")
    calls: list[str] = []

    def broken_on_show(self: WalkScreen) -> None:
        calls.append("show")
        if len(calls) == 1:
            raise KeyError(SECRET)

    monkeypatch.setattr(WalkScreen, "on_screen_resume", broken_on_show, raising=False)

    app = app_factory(path)

    async def scenario() -> tuple[bool, dict[str, object]]:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ErrorDialog)
            await pilot.press("escape")  # the walk screen resumes: its handler runs again
            await pilot.pause()
            assert isinstance(app.screen, WalkScreen)
            await pilot.press("2")  # « Non », handled by the same screen
            await pilot.pause()
            answers = saved_answers(path)
            await pilot.press("ctrl+r")
            await pilot.pause()
            summary_shown = isinstance(app.screen, SummaryScreen)
            await pilot.press("ctrl+q")
        return summary_shown, answers

    summary_shown, answers = run(scenario)
    assert calls[:2] == ["show", "show"]  # failed when first shown, ran again when back
    assert summary_shown
    assert answers == {"probleme-resolu": ("non", "")}
    assert app.return_code == 0
    assert "builtins.KeyError" in _log(dossiers_dir)


def test_a_failed_background_task_is_reported_and_the_wizard_goes_on(
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")
    app = app_factory(path)

    @work(thread=True)
    def failing_task(self: SynergyWizardApp) -> None:
        raise OSError(SECRET)

    async def scenario() -> tuple[str, bool]:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            worker = failing_task(app)
            for _ in range(100):
                if worker.is_finished:
                    break
                await pilot.pause(0.02)
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ErrorDialog)
            await pilot.press("escape", "3")
            await pilot.pause()
            running = app.is_running
            await pilot.press("ctrl+q")
        return dialog.error_title, running

    title, running = run(scenario)
    assert title == UNEXPECTED_TITLE and running
    assert saved_answers(path)["probleme-resolu"][0] == "partiellement"
    log = _log(dossiers_dir)
    assert "builtins.OSError" in log and "confidentiel" not in log


def test_errors_that_keep_coming_end_the_wizard_cleanly(
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="probleme-resolu")

    def broken_summary(self: WalkScreen) -> None:
        raise ValueError(SECRET)

    monkeypatch.setattr(WalkScreen, "action_summary", broken_summary)
    app = app_factory(path)

    async def scenario() -> int:
        dialogs = 0
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            for _ in range(MAX_CAUGHT_ERRORS + 1):
                await pilot.press("ctrl+r")
                await pilot.pause()
                if isinstance(app.screen, ErrorDialog):
                    dialogs += 1
                    await pilot.press("escape")
        return dialogs

    with pytest.raises(ValueError):  # the last one ends the app, as Textual does
        run(scenario)
    assert app.return_code == 1
    shown = capfd.readouterr().err
    assert "L'assistant s'est arrêté à cause d'une erreur inattendue." in shown
    assert SECRET not in shown and "Traceback" not in shown
    assert saved_answers(path) == {"probleme-resolu": ("non", "")}
    assert _log(dossiers_dir).count("builtins.ValueError") == MAX_CAUGHT_ERRORS + 1


def test_every_screen_and_widget_of_the_wizard_is_guarded() -> None:
    """A new screen or widget that forgets the guard would stop for good on its first error."""
    found = []
    for module_info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            ours = cls.__module__ == module.__name__
            if ours and issubclass(cls, DOMNode) and not issubclass(cls, App):
                found.append(cls)
    unguarded = [cls.__qualname__ for cls in found if not issubclass(cls, Guarded)]
    assert len(found) > 20
    assert unguarded == []
    assert issubclass(SynergyWizardApp, Guarded)
