"""Run the command line in a fresh interpreter, failing if Textual was imported on the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = (
    "import sys\n"
    "from synergy_wizard.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "assert 'textual' not in sys.modules, 'textual was imported'\n"
    "sys.exit(code)\n"
)


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``synergy-wizard ARGS`` with ``home`` as the dossier folder; output captured as text."""
    env = {**os.environ, "SYNERGY_WIZARD_HOME": str(home), "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
