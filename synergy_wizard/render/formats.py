"""The formats and modes a dossier is rendered in, with their French names for the interfaces.

Importing this module is cheap: it pulls in neither WeasyPrint nor python-docx, so the
command line and the wizard can list formats without loading the heavy libraries.
"""

from __future__ import annotations

from typing import Literal

Format = Literal["html", "md", "pdf", "docx"]
"""The formats a dossier is rendered to."""

TextFormat = Literal["html", "md"]
"""The formats produced directly from a Jinja2 template, as text."""

FORMATS: tuple[Format, ...] = ("html", "md", "pdf", "docx")
"""Every format, in the order interfaces offer them."""

FORMAT_LABELS: dict[str, str] = {
    "html": "HTML (à ouvrir dans le navigateur et imprimer)",
    "md": "Markdown (texte)",
    "pdf": "PDF",
    "docx": "Word (DOCX, modifiable)",
}
"""What each format is called in French."""

FORMAT_SHORT_LABELS: dict[str, str] = {
    "html": "HTML",
    "md": "Markdown",
    "pdf": "PDF",
    "docx": "Word",
}

Mode = Literal["concis", "complet", "vierge"]
"""What the dossier shows: the answers (concis), everything (complet), or a blank checklist."""

MODES: tuple[Mode, ...] = ("concis", "complet", "vierge")

MODE_LABELS: dict[str, str] = {
    "concis": "Dossier concis",
    "complet": "Dossier complet",
    "vierge": "Check-list vierge",
}
"""What each mode is called in French."""

MODE_DESCRIPTIONS: dict[str, str] = {
    "concis": "les réponses, les notes et le plan d'action ; les questions sans réponse en annexe",
    "complet": "en plus, l'aide, les points favorables et problématiques et les références "
    "de chaque question",
    "vierge": "toutes les questions, avec de la place pour écrire, pour une réunion sur papier",
}

EXTRAS: dict[str, str] = {"pdf": "pdf", "docx": "docx"}
"""The optional extra of the package each binary format needs."""


def is_format(value: str) -> bool:
    """Whether ``value`` names a known format."""
    return value in FORMATS


def is_mode(value: str) -> bool:
    """Whether ``value`` names a known mode."""
    return value in MODES
