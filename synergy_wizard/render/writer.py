"""Rendering a dossier and writing it to disk without ever leaving a half-written file.

The whole document (HTML, Markdown, PDF or DOCX) is built in memory first; only then is it
written to a temporary file in the destination folder, flushed to disk and moved over the
destination in one step (the same routine that saves dossiers). A failed render or a failed
write leaves any existing file exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from synergy_wizard.answers.fileio import atomic_write_bytes
from synergy_wizard.errors import StorageError
from synergy_wizard.render.formats import FORMATS, MODES, Format, Mode, TextFormat

if TYPE_CHECKING:
    from synergy_wizard.answers.model import Dossier
    from synergy_wizard.checklist.models import Checklist

# The context (the dossier views, Markdown) and the templates (Jinja2) are imported when a
# dossier is rendered: the wizard imports this module long before it exports anything.

#: Extensions never overwritten by a rendered dossier (they hold answers or checklists).
PROTECTED_SUFFIXES = frozenset({".yaml", ".yml"})

Progress = Callable[[str], None]
"""Receives short French messages while a long render (PDF) goes on."""


def _check(fmt: str, mode: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown dossier format: {fmt!r}")
    if mode not in MODES:
        raise ValueError(f"unknown dossier mode: {mode!r}")


def render_dossier(
    checklist: Checklist,
    dossier: Dossier,
    fmt: TextFormat,
    *,
    mode: Mode = "concis",
    templates_dir: Path | None = None,
    generated_at: datetime | None = None,
) -> str:
    """The dossier as an HTML or Markdown document.

    Raises ``TemplateError`` (in French, naming the template file and line) when a template
    is broken, and ``NotFoundError`` when ``templates_dir`` does not exist.
    """
    _check(fmt, mode)
    if fmt not in ("html", "md"):
        raise ValueError(f"{fmt} is a binary format: use render_document()")
    from synergy_wizard.render.context import build_context
    from synergy_wizard.render.environment import render_template
    from synergy_wizard.render.markdown_store import conversions

    context = build_context(checklist, dossier, mode=mode, generated_at=generated_at)
    text = render_template(fmt, context.as_mapping(), mode=mode, templates_dir=templates_dir)
    conversions().save()  # the checklist's Markdown, converted once for the next runs too
    return text


def render_document(
    checklist: Checklist,
    dossier: Dossier,
    fmt: Format,
    *,
    mode: Mode = "concis",
    templates_dir: Path | None = None,
    generated_at: datetime | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The dossier as the bytes of a file in ``fmt`` (UTF-8 text for HTML and Markdown).

    PDF is laid out by WeasyPrint from the HTML dossier, DOCX built with python-docx; both
    raise ``SynergyError`` naming the command that installs them when they are missing.
    """
    _check(fmt, mode)
    report = progress or _silent
    if fmt == "docx":
        from synergy_wizard.render.context import build_context
        from synergy_wizard.render.markdown_store import conversions
        from synergy_wizard.render.word import render_docx

        report("Construction du document Word…")
        context = build_context(checklist, dossier, mode=mode, generated_at=generated_at)
        document = render_docx(context)
        conversions().save()
        return document
    text_format: TextFormat = "md" if fmt == "md" else "html"
    text = render_dossier(
        checklist,
        dossier,
        text_format,
        mode=mode,
        templates_dir=templates_dir,
        generated_at=generated_at,
    )
    if fmt == "pdf":
        from synergy_wizard.render.environment import search_path
        from synergy_wizard.render.pdf import render_pdf

        return render_pdf(text, search_path(templates_dir), progress=report)
    return text.encode("utf-8")


def write_dossier(
    checklist: Checklist,
    dossier: Dossier,
    fmt: Format,
    output: Path,
    *,
    mode: Mode = "concis",
    templates_dir: Path | None = None,
    generated_at: datetime | None = None,
    progress: Progress | None = None,
) -> Path:
    """Render the dossier, then write it atomically to ``output``. Returns the path.

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
    data = render_document(
        checklist,
        dossier,
        fmt,
        mode=mode,
        templates_dir=templates_dir,
        generated_at=generated_at,
        progress=progress,
    )
    # Same careful write as the dossier itself: temp file, fsync, rename; mode 0600.
    atomic_write_bytes(output, data)
    return output


def default_output_name(dossier_path: Path, fmt: Format, mode: Mode = "concis") -> str:
    """The file name of the rendered dossier: ``projet.html``, ``projet-complet.pdf``..."""
    suffix = "" if mode == "concis" else f"-{mode}"
    return f"{Path(dossier_path).stem}{suffix}.{fmt}"


def _silent(message: str) -> None:
    """A progress callback that shows nothing."""
