"""Messages the screens send up to the application."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message


@dataclass
class OpenDossier(Message):
    """Open the dossier at ``path`` on the walk screen."""

    path: Path


# --- Review and action plan --------------------------------------------------------------


@dataclass
class JumpToQuestion(Message):
    """Show the question whose answer key is ``key`` on the walk screen of ``path``.

    Posted by the review and the action plan (« modifier »); the app brings the walk screen
    of that dossier back to the top and moves it to the question.
    """

    path: Path
    key: str
