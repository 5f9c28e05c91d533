"""Fixtures for the wizard tests: a real app on a temporary dossier folder, made deterministic.

The app is driven with Textual's Pilot; dossiers are real YAML files and the tests assert on
what is on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui import make_app
from synergy_wizard.tui.app import SynergyWizardApp


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursor: a screenshot must not depend on when it is taken."""
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)


@pytest.fixture
def dossiers_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A relative dossier folder, so that paths shown on screen are the same in every run."""
    monkeypatch.chdir(tmp_path)
    return Path("dossiers")


@pytest.fixture
def mini_checklist(mini_checklist_path: Path) -> Checklist:
    return load_checklist(mini_checklist_path)


@pytest.fixture
def app_factory(dossiers_dir: Path, mini_checklist: Checklist) -> Callable[..., SynergyWizardApp]:
    """Build the wizard on the test folder, offering the mini checklist by default."""

    def factory(
        open_path: Path | None = None, checklists: list[Checklist] | None = None
    ) -> SynergyWizardApp:
        return make_app(dossiers_dir, open_path, checklists=checklists or [mini_checklist])

    return factory
