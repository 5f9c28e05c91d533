"""Rendering a dossier to print-ready HTML or Markdown through the Jinja2 templates.

Knows checklists and dossiers, nothing of the user interface.
"""

from synergy_wizard.render.environment import Format
from synergy_wizard.render.writer import default_output_name, render_dossier, write_dossier

__all__ = ["Format", "default_output_name", "render_dossier", "write_dossier"]
