"""Export from the wizard: every format the renderer offers, the path shown, opening the file."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from followup_data import followup_checklist, followup_dossier, on_walk
from textual.pilot import Pilot
from textual.widgets import Checkbox
from tui_helpers import run

from synergy_wizard.render import FORMATS, Format
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.opener import OpenFailed, open_command, open_file
from synergy_wizard.tui.screens.export import ExportScreen
from synergy_wizard.tui.screens.walk import WalkScreen
from synergy_wizard.tui.settings import load_preferences


async def export(pilot: Pilot[None], downs: int, *, mode_downs: int = 0) -> None:
    """From the walk: F4, pick the format and the content, Ctrl+S, wait for the file."""
    await pilot.press("f4")
    assert isinstance(pilot.app.screen, ExportScreen)
    await pilot.press(*["down"] * downs)
    if mode_downs:
        await pilot.press("tab", *["down"] * mode_downs)
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()


def messages(app: SynergyWizardApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_written_next_to_the_dossier(
    fmt: Format, app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    checklist = followup_checklist()
    path = followup_dossier(dossiers_dir, checklist)
    output = path.with_suffix(f".{fmt}").absolute()

    async def scenario() -> None:
        app = app_factory(path, [checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            await on_walk(pilot)
            await export(pilot, FORMATS.index(fmt))
            assert isinstance(app.screen, WalkScreen)
            assert any(str(output) in message for message in messages(app))

    run(scenario)
    data = output.read_bytes()
    signature = {"pdf": b"%PDF", "docx": b"PK"}.get(fmt)
    if signature:
        assert data.startswith(signature)
    else:
        assert "Maison sociale" in data.decode("utf-8")


def test_the_content_mode_names_the_file(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path
) -> None:
    checklist = followup_checklist()
    path = followup_dossier(dossiers_dir, checklist)

    async def scenario() -> None:
        app = app_factory(path, [checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            await on_walk(pilot)
            await export(pilot, 1, mode_downs=1)  # Markdown, « Dossier complet »

    run(scenario)
    assert (dossiers_dir / "maison-sociale-complet.md").is_file()


@pytest.fixture
def fake_opener(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A harmless ``xdg-open`` (and ``open``) first on the PATH: it writes down what it got."""
    folder = tmp_path / "bin"
    folder.mkdir()
    record = tmp_path / "opened.txt"
    for name in ("xdg-open", "open"):
        script = folder / name
        script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{record}"\n', encoding="utf-8")
        script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return record


def wait_for(path: Path) -> str:
    deadline = time.monotonic() + 10
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return path.read_text(encoding="utf-8")


def test_the_export_is_opened_when_asked_and_the_choice_is_remembered(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, fake_opener: Path
) -> None:
    checklist = followup_checklist()
    path = followup_dossier(dossiers_dir, checklist)

    async def scenario() -> None:
        app = app_factory(path, [checklist])
        async with app.run_test(size=(80, 24)) as pilot:
            await on_walk(pilot)
            await pilot.press("f4")
            app.screen.query_one("#export-open", Checkbox).value = True
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()

    run(scenario)
    assert wait_for(fake_opener) == str(path.with_suffix(".html").absolute())
    assert load_preferences().open_after_export is True


def test_without_an_opener_the_path_is_given_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no xdg-open, no open
    target = tmp_path / "dossier.html"
    assert open_command(target) is None
    with pytest.raises(OpenFailed, match="Ouvrez-le vous-même") as failure:
        open_file(target)
    assert str(target) in str(failure.value)
