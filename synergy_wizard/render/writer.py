"""Rendering a dossier and writing it to disk without ever leaving a half-written file.

The whole document is rendered in memory first; only then is it written to a temporary file
in the destination folder, flushed to disk and moved over the destination in one step (the
same routine that saves dossiers). A failed render or a failed write leaves any existing
file exactly as it was.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from synergy_wizard.answers.fileio import atomic_write_bytes
from synergy_wizard.answers.model import Dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import StorageError
from synergy_wizard.render.context import build_context
from synergy_wizard.render.environment import TEMPLATE_NAMES, Format, render_template

#: Extensions never overwritten by a rendered dossier (they hold answers or checklists).
PROTECTED_SUFFIXES = frozenset({".yaml", ".yml"})


def render_dossier(
    checklist: Checklist,
    dossier: Dossier,
    fmt: Format,
    *,
    templates_dir: Path | None = None,
    generated_at: datetime | None = None,
) -> str:
    """The dossier as an HTML or Markdown document.

    Raises ``TemplateError`` (in French, naming the template file and line) when a template
    is broken, and ``NotFoundError`` when ``templates_dir`` does not exist.
    """
    if fmt not in TEMPLATE_NAMES:
        raise ValueError(f"unknown dossier format: {fmt!r}")
    context = build_context(checklist, dossier, generated_at=generated_at)
    return render_template(fmt, context.as_mapping(), templates_dir=templates_dir)


def write_dossier(
    checklist: Checklist,
    dossier: Dossier,
    fmt: Format,
    output: Path,
    *,
    templates_dir: Path | None = None,
    generated_at: datetime | None = None,
) -> Path:
    """Render the dossier, then write it atomically to ``output`` (UTF-8). Returns the path.

    Raises ``TemplateError`` before anything is written when a template is broken, and
    ``StorageError`` (in French) when the file cannot be written; in both cases an existing
    ``output`` is left untouched.
    """
    output = Path(output).expanduser()
    if output.suffix.lower() in PROTECTED_SUFFIXES:
        raise StorageError(
            f"Le fichier {output} ne sera pas remplacé par le dossier mis en forme : "
            "c'est un fichier YAML (réponses ou check-list).",
            hint=f"Choisissez un nom qui se termine par « .{fmt} ».",
        )
    text = render_dossier(
        checklist, dossier, fmt, templates_dir=templates_dir, generated_at=generated_at
    )
    # Same careful write as the dossier itself: temp file, fsync, rename; mode 0600.
    atomic_write_bytes(output, text.encode("utf-8"))
    return output


def default_output_name(dossier_path: Path, fmt: Format) -> str:
    """The file name of the rendered dossier: the dossier's name with ``.html`` or ``.md``."""
    return f"{Path(dossier_path).stem}.{fmt}"
