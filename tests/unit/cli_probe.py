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


def run_cli(*args: str, home: Path, probe: str | None = _PROBE) -> subprocess.CompletedProcess[str]:
    """``synergy-wizard ARGS`` with ``home`` as the dossier folder; output captured as text.

    ``probe`` is the Python code that runs the command line (by default: failing if Textual
    was imported); None runs ``python -m synergy_wizard`` as it is.
    """
    env = {**os.environ, "SYNERGY_WIZARD_HOME": str(home), "PYTHONUTF8": "1"}
    command = (
        [sys.executable, "-m", "synergy_wizard"] if probe is None else [sys.executable, "-c", probe]
    )
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
