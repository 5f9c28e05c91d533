"""What the director-general sees around the walk, at 80×24 and at 120×40: the review, the
action plan, the export, help, preferences, the corbeille and the dossier dialogs.

Regenerate with ``pytest tests/tui --snapshot-update`` and look at the SVG files before
committing them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from followup_data import followup_checklist, followup_dossier
from home_helpers import wait_for_dossier_list
from tui_helpers import make_dossier

from synergy_wizard.answers.management import trash_dossier
from synergy_wizard.answers.storage import DossierStore
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.settings import Preferences, save_preferences

SnapCompare = Callable[..., bool]
SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@pytest.fixture(autouse=True)
def relative_config(monkeypatch: pytest.MonkeyPatch, dossiers_dir: Path) -> None:
    """Preferences in ``./config`` (the tests run in a temporary folder): paths on screen
    are the same in every run."""
    monkeypatch.setenv("SYNERGY_WIZARD_CONFIG", "config")


@pytest.fixture
def followup_app(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> SynergyWizardApp:
    checklist = followup_checklist()
    return app_factory(followup_dossier(dossiers_dir, checklist), [checklist])


@SIZES
def test_review(
    snap_compare: SnapCompare, followup_app: SynergyWizardApp, size: tuple[int, int]
) -> None:
    assert snap_compare(followup_app, press=["f2", "down"], terminal_size=size)


@SIZES
def test_action_plan(
    snap_compare: SnapCompare, followup_app: SynergyWizardApp, size: tuple[int, int]
) -> None:
    assert snap_compare(followup_app, press=["f3", "2"], terminal_size=size)


@SIZES
def test_export_dialog(
    snap_compare: SnapCompare, followup_app: SynergyWizardApp, size: tuple[int, int]
) -> None:
    assert snap_compare(followup_app, press=["f4", "down", "down"], terminal_size=size)


@SIZES
def test_help_of_the_summary(
    snap_compare: SnapCompare, followup_app: SynergyWizardApp, size: tuple[int, int]
) -> None:
    assert snap_compare(followup_app, press=["ctrl+r", "f1"], terminal_size=size)


@SIZES
def test_preferences(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    size: tuple[int, int],
) -> None:
    assert snap_compare(
        app_factory(),
        press=["ctrl+p", *"préférences", "enter", "down", "down"],
        terminal_size=size,
    )


@SIZES
def test_home_in_high_contrast(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
    size: tuple[int, int],
) -> None:
    make_dossier(dossiers_dir, mini_checklist, "Service informatique commun")
    save_preferences(Preferences(theme="contraste-eleve"))
    assert snap_compare(app_factory(), terminal_size=size, run_before=wait_for_dossier_list)


@SIZES
def test_delete_confirmation(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
    size: tuple[int, int],
) -> None:
    make_dossier(dossiers_dir, mini_checklist, "Service informatique commun")
    assert snap_compare(app_factory(), press=["delete"], terminal_size=size)


@SIZES
def test_duplicate_dialog(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
    size: tuple[int, int],
) -> None:
    make_dossier(dossiers_dir, mini_checklist, "Service informatique commun")
    assert snap_compare(app_factory(), press=["d"], terminal_size=size)


@SIZES
def test_corbeille(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
    size: tuple[int, int],
) -> None:
    store = DossierStore(dossiers_dir)
    for minute, name in enumerate(("Cuisine commune", "Buanderie sociale")):
        trashed = trash_dossier(store, make_dossier(dossiers_dir, mini_checklist, name))
        # « Supprimé le » is the file's date, shown in local time: a local time, fixed
        stamp = datetime(2026, 3, 14, 9, 30 + minute).timestamp()
        os.utime(trashed, (stamp, stamp))
    assert snap_compare(app_factory(), press=["c"], terminal_size=size)
