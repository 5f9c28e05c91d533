"""Messages the screens send up to the application."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message


@dataclass
class OpenDossier(Message):
    """Open the dossier at ``path`` on the walk screen."""

    path: Path
