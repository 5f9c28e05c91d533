"""The terminal wizard (Textual). The only part of the program that imports Textual.

The command line calls :func:`run_wizard`; the tests build the same application with
:func:`make_app`. Textual is imported lazily, so importing this package stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from synergy_wizard.checklist.models import Checklist
    from synergy_wizard.tui.app import SynergyWizardApp

__all__ = ["make_app", "run_wizard"]


def make_app(
    dossiers_dir: Path,
    open_path: Path | None = None,
    *,
    checklists: Sequence[Checklist] | None = None,
) -> SynergyWizardApp:
    """Build the wizard on the folder ``dossiers_dir``.

    ``open_path`` opens that dossier at once, over the home screen. ``checklists`` replaces
    the bundled checklists offered for new dossiers and used to reopen dossiers (tests, or a
    federation trying out its own files); by default the bundled ones are used.
    """
    from synergy_wizard.tui.app import SynergyWizardApp

    return SynergyWizardApp(dossiers_dir, open_path, checklists=checklists)


def run_wizard(dossiers_dir: Path, open_path: Path | None = None) -> int:
    """Run the wizard in the terminal until the user quits. Returns the exit status."""
    app = make_app(dossiers_dir, open_path)
    app.run()
    return app.return_code or 0
