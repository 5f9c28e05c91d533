"""What the user sees, at 80×24: compared with the approved screenshots in __snapshots__.

Regenerate with ``pytest tests/tui --snapshot-update`` and look at the SVG files before
committing them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from home_helpers import wait_for_dossier_list
from tui_helpers import FIXED_TIME, make_dossier

from synergy_wizard.answers.backup import backup_folder, write_backup
from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp

SnapCompare = Callable[..., bool]


def test_home_without_dossiers(
    snap_compare: SnapCompare, app_factory: Callable[..., SynergyWizardApp]
) -> None:
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=wait_for_dossier_list)


def test_home_with_dossiers(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
) -> None:
    make_dossier(
        dossiers_dir,
        mini_checklist,
        "Service informatique commun",
        answers={"probleme-resolu": "oui", "porteur": "conjoint"},
    )
    broken = dossiers_dir / "abime.yaml"
    broken.write_text("projet: [", encoding="utf-8")
    later = (FIXED_TIME + timedelta(days=1)).timestamp()
    os.utime(broken, (later, later))  # listed first, whatever today's date
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=wait_for_dossier_list)


def test_new_dossier_form(
    snap_compare: SnapCompare, app_factory: Callable[..., SynergyWizardApp]
) -> None:
    assert snap_compare(
        app_factory(), press=["n", "tab", *"Cuisine commune"], terminal_size=(80, 24)
    )


def test_walk_on_a_statut_question(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
) -> None:
    path = make_dossier(
        dossiers_dir,
        mini_checklist,
        answers={"probleme-resolu": "partiellement"},
        notes={"probleme-resolu": "Chiffres 2025 demandés au receveur."},
        position="probleme-resolu",
    )
    assert snap_compare(app_factory(path), terminal_size=(80, 24))


def test_walk_on_a_multiple_choice_question(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
) -> None:
    path = make_dossier(
        dossiers_dir,
        mini_checklist,
        answers={"probleme-resolu": "oui", "services-vises": ["grh", "marches-publics"]},
        position="services-vises",
    )
    assert snap_compare(app_factory(path), terminal_size=(80, 24))


def test_walk_wide_with_a_repeated_section_and_a_follow_up(
    snap_compare: SnapCompare, app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    conditions = load_checklist(Path(__file__).parents[1] / "data" / "good" / "conditions.yaml")
    path = make_dossier(
        dossiers_dir,
        conditions,
        answers={"proprietaire": "cpas", "bail": "oui", "services": ["it", "archives"]},
        notes={"pilote@it": "Le service informatique de la commune pilote déjà."},
        position="pilote@it",
    )
    dossier = load_dossier(path)
    dossier.update_answer("pilote@it", owner="Mme Lambert", deadline=date(2026, 6, 30))
    dossier.answers["pilote@it"].updated_at = FIXED_TIME
    dossier.project.updated_at = FIXED_TIME
    save_dossier(dossier, path)
    assert snap_compare(app_factory(path, [conditions]), terminal_size=(120, 40))


def test_walk_search_dialog(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
) -> None:
    path = make_dossier(
        dossiers_dir,
        mini_checklist,
        answers={"probleme-resolu": "non", "porteur": "cpas"},
        notes={"porteur": "Voir avec le receveur régional."},
        position="probleme-resolu",
    )
    assert snap_compare(app_factory(path), press=["slash", *"receveur"], terminal_size=(80, 24))


def test_summary(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
) -> None:
    path = make_dossier(
        dossiers_dir,
        mini_checklist,
        answers={"probleme-resolu": "a-verifier", "porteur": "cpas", "services-vises": ["grh"]},
        position="probleme-resolu",
    )
    assert snap_compare(app_factory(path), press=["ctrl+r"], terminal_size=(80, 24))


def test_walk_read_only(
    snap_compare: SnapCompare, app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    """A dossier written by a newer version: the banner says why nothing is saved."""
    dossiers_dir.mkdir()
    path = dossiers_dir / "futur.yaml"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "dossiers" / "newer-format.yaml", path)
    assert snap_compare(app_factory(path), press=["escape"], terminal_size=(80, 24))


def test_recovery_dialog(
    snap_compare: SnapCompare,
    app_factory: Callable[..., SynergyWizardApp],
    dossiers_dir: Path,
    mini_checklist: Checklist,
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, answers={"porteur": "cpas"})
    good = path.read_bytes()
    shutil.rmtree(backup_folder(path))  # only the backup below, whatever today's date
    write_backup(path, good, now=datetime(2026, 3, 14, 9, 45, 12))
    path.write_bytes(good[: good.index(b"reponses:")] + b"reponses:\n  porteur: [cpas\n")
    assert snap_compare(app_factory(path), terminal_size=(80, 24), run_before=wait_for_dossier_list)
