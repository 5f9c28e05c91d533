"""Rendering a dossier to print-ready HTML, PDF, Word (DOCX) or Markdown.

Knows checklists and dossiers, nothing of the user interface. Importing this package is
cheap: WeasyPrint and python-docx are imported only when a PDF or a DOCX is produced.
"""

from synergy_wizard.render.formats import (
    FORMAT_LABELS,
    FORMAT_SHORT_LABELS,
    FORMATS,
    MODE_DESCRIPTIONS,
    MODE_LABELS,
    MODES,
    Format,
    Mode,
    TextFormat,
)
from synergy_wizard.render.writer import (
    Progress,
    default_output_name,
    render_document,
    render_dossier,
    write_dossier,
)

__all__ = [
    "FORMATS",
    "FORMAT_LABELS",
    "FORMAT_SHORT_LABELS",
    "MODES",
    "MODE_DESCRIPTIONS",
    "MODE_LABELS",
    "Format",
    "Mode",
    "Progress",
    "TextFormat",
    "default_output_name",
    "render_document",
    "render_dossier",
    "write_dossier",
]
