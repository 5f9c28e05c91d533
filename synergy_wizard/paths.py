"""Where things live: bundled checklists and templates, and the user's dossier folder.

In an installed wheel the bundled data is in ``synergy_wizard/_data``; in a checkout or an
editable install it is at the repository root, next to the package.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "synergy-wizard"
HOME_ENV = "SYNERGY_WIZARD_HOME"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


def bundled_checklists_dir() -> Path:
    """The folder of the checklists shipped with the program."""
    return _data_dir("checklists")


def bundled_templates_dir() -> Path:
    """The folder of the dossier templates shipped with the program."""
    return _data_dir("templates")


def dossiers_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the user's dossiers.

    Order: an explicit ``--dossiers`` value, then ``$SYNERGY_WIZARD_HOME``, then the
    platform's user data folder (``~/.local/share/synergy-wizard/dossiers`` on Linux).
    The folder is not created here.
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "dossiers"
