"""Run ``synergy-wizard`` as if the generated checklist were one of the bundled ones.

The program looks for a dossier's checklist among the bundled checklists. To open or render
a dossier of the generated 1 000-question checklist as a whole process, this launcher points
the bundled folder at ``$SYNERGY_BENCH_CHECKLISTS`` (a copy of the bundled checklists plus
the generated one) and then runs the real entry point, unchanged::

    SYNERGY_BENCH_CHECKLISTS=/tmp/x python bench/launch.py open dossier.yaml
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FOLDER_ENV = "SYNERGY_BENCH_CHECKLISTS"
MODULES_ENV = "SYNERGY_BENCH_MODULES"
"""When set: a file where the names of the modules loaded by the command are written."""


def main() -> int:
    from synergy_wizard import paths

    folder = os.environ.get(FOLDER_ENV)
    if folder:
        checklists = Path(folder)
        paths.bundled_checklists_dir = lambda: checklists

    from synergy_wizard.cli import main as cli_main

    status = cli_main(sys.argv[1:])
    listing = os.environ.get(MODULES_ENV)
    if listing:
        Path(listing).write_text("\n".join(sorted(sys.modules)), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
