"""Fixtures shared by every test tier."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """The folder of test fixtures (good and broken checklists, dossiers)."""
    return DATA


@pytest.fixture
def mini_checklist_path() -> Path:
    """A small valid checklist using every answer kind."""
    return DATA / "good" / "mini.yaml"


@pytest.fixture(scope="session")
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cache folder of the test session (compiled templates), outside every test's own."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_folder: Path) -> Path:
    """Every test gets its own empty dossier folder and preferences folder, and the session's
    cache folder; the user's real ones are never touched."""
    home = tmp_path / "dossiers"
    monkeypatch.setenv("SYNERGY_WIZARD_HOME", str(home))
    monkeypatch.setenv("SYNERGY_WIZARD_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("SYNERGY_WIZARD_CACHE", str(cache_folder))
    # An unexpected error in the wizard reaches the test instead of an error dialog; the
    # tests of the dialog itself remove this (tests/tui/test_unexpected_errors.py).
    monkeypatch.setenv("SYNERGY_WIZARD_RAISE_ERRORS", "1")
    return home
