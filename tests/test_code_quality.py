"""The code base stays lint-clean and type-checked: ruff and mypy run as part of the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_never_imports_textual() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "synergy_wizard").rglob("*.py")
        if "tui" not in path.relative_to(ROOT / "synergy_wizard").parts
        and any(
            line.lstrip().startswith(("import textual", "from textual"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
