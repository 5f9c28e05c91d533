"""Building blocks of the Word dossier: page set-up, fields, tables, boxes (python-docx).

Imported only when a DOCX is produced. Text from users and checklists goes into runs as
data (python-docx escapes it for XML); characters XML cannot hold are dropped first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

NAVY = RGBColor(0x1F, 0x3A, 0x5F)
RED = RGBColor(0xA4, 0x26, 0x2C)
GREY = RGBColor(0x5B, 0x62, 0x70)
TABLE_STYLE = "Light List Accent 1"
LANGUAGE = "fr-BE"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the control characters an XML file cannot hold."""
    return _NOT_XML.sub("", text)


def set_up(document: Any, *, title: str, author: str, subject: str, keywords: str) -> None:
    """A4 portrait, 2 cm margins, French, 10.5 pt body, document properties filled in."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.2)
        section.left_margin = section.right_margin = Cm(2)
        section.header_distance = section.footer_distance = Cm(1)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    for style in document.styles:
        element = getattr(style, "element", None)
        if element is not None and style.type == 1:  # paragraph styles
            _set_language(element.get_or_add_rPr())
    properties = document.core_properties
    properties.title = clean(title)
    properties.author = clean(author)
    properties.subject = clean(subject)
    properties.keywords = clean(keywords)
    properties.language = LANGUAGE
    properties.comments = ""
    # Word fills the table of contents and page numbers when the file opens.
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _set_language(rpr: Any) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def add_field(paragraph: Any, instruction: str, placeholder: str = "") -> None:
    """A Word field (``PAGE``, ``NUMPAGES``, ``TOC …``) with a placeholder result."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    run = paragraph.add_run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def header_and_footer(document: Any, project_name: str, footer_text: str) -> None:
    """The project's name at the top of each page but the cover; « Page n / N » at the bottom."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    run = header.add_run(clean(project_name))
    run.font.size = Pt(8)
    run.font.color.rgb = GREY
    footer = section.footer.paragraphs[0]
    label = footer.add_run(f"{footer_text} — Page ")
    label.font.size = Pt(8)
    add_field(footer, "PAGE", "1")
    footer.add_run(" / ").font.size = Pt(8)
    add_field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = GREY


def page_break(document: Any) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def labelled(document: Any, label: str, text: str, *, style: str | None = None) -> Any:
    """A paragraph « **Label :** text »."""
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(f"{label}\u00a0: ").bold = True
    paragraph.add_run(clean(text))
    return paragraph


def bullets(document: Any, items: Sequence[str], *, checkbox: bool = False) -> None:
    """A bulleted list, or a list of empty check boxes (blank checklist)."""
    for item in items:
        if checkbox:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(0.6)
            paragraph.paragraph_format.space_after = Pt(1)
            paragraph.add_run("☐  " + clean(item))
        else:
            document.add_paragraph(clean(item), style="List Bullet")


def _shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_row_together(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    properties.append(cant_split)


def table(
    document: Any,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float],
    *,
    bold_last: bool = False,
    alert_cells: set[tuple[int, int]] | None = None,
) -> Any:
    """A real Word table with a repeated header row; ``alert_cells`` (row, column) in red."""
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = document.styles[TABLE_STYLE]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _repeat_header(grid.rows[0])
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        cell.text = clean(text)
    for index, values in enumerate(rows):
        row = grid.add_row()
        _keep_row_together(row)
        for column, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            cell.text = clean(text)
            run = cell.paragraphs[0].runs[0] if cell.paragraphs[0].runs else None
            if run is None:
                continue
            if alert_cells and (index, column) in alert_cells:
                run.font.color.rgb = RED
                run.bold = True
            if bold_last and index == len(rows) - 1:
                run.bold = True
    for row in grid.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    document.add_paragraph().paragraph_format.space_after = Pt(2)
    return grid


def writing_box(document: Any, lines: int, *, label: str = "") -> None:
    """An empty framed box to write in by hand (blank checklist)."""
    grid = document.add_table(rows=1, cols=1)
    grid.style = document.styles["Table Grid"]
    cell = grid.rows[0].cells[0]
    cell.width = Cm(17)
    if label:
        run = cell.paragraphs[0].add_run(label)
        run.font.size = Pt(8)
        run.font.color.rgb = GREY
    for _ in range(lines):
        cell.add_paragraph()
    _shade(cell, "FFFFFF")
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def notice_box(document: Any, title: str, text: str) -> None:
    """A shaded single-cell box: the notice on the cover."""
    grid = document.add_table(rows=1, cols=1)
    grid.style = document.styles["Table Grid"]
    cell = grid.rows[0].cells[0]
    cell.width = Cm(17)
    _shade(cell, "FFF8E6")
    heading = cell.paragraphs[0].add_run(clean(title))
    heading.bold = True
    heading.font.color.rgb = RGBColor(0x6B, 0x52, 0x00)
    cell.add_paragraph(clean(text))
