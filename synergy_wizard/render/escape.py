"""Making text and links safe for the dossier.

User text (answers, notes, project data) and checklist text travel into the Markdown dossier
as data. Markdown has no autoescape, so every character that could start markup (emphasis,
links, raw HTML, entities, table cells, list items, headings...) is backslash-escaped: the
text reads the same once rendered, and raw HTML in it stays inert. Links from checklists are
kept only when they point to the web or to an e-mail address.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup

#: Schemes a dossier may link to; anything else (javascript:, data:, file:...) is dropped.
ALLOWED_URL = re.compile(r"^(?:https?|mailto):", re.IGNORECASE)

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
_LINE_START = re.compile(r"^(?:([#+=-])|(\d{1,9})([.)]))")
_FORBIDDEN_IN_URL = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")
_NBSP = "&nbsp;"


def safe_url(url: str) -> str:
    """``url`` when it is an http, https or mailto address without odd characters, else ``""``."""
    candidate = url.strip()
    if not ALLOWED_URL.match(candidate) or _FORBIDDEN_IN_URL.search(candidate):
        return ""
    return candidate


def markdown_url(url: str) -> str:
    """A safe URL written so that it can stand inside ``[text](...)`` (``""`` when unsafe)."""
    checked = safe_url(url)
    return quote(checked, safe="/:?#[]@!$&*+,;=%~-._") if checked else ""


def _escape_line_start(line: str) -> str:
    """Escape what would start a block (heading, list, quote, rule) at the start of a line."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(1):
        return "\\" + line
    digits = match.group(2)
    return f"{digits}\\{line[len(digits) :]}"


def _keep_indent(line: str) -> tuple[str, str]:
    """Split the indentation off ``line``, as ``&nbsp;`` entities Markdown will not swallow."""
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)].replace("\t", "    ")
    return _NBSP * len(indent), stripped


def escape_inline(text: str, *, line_start: bool = True) -> str:
    """``text`` as one line of Markdown that renders literally (for cells, headings, items).

    Line breaks become spaces. With ``line_start`` the text may open a line: leading spaces
    are dropped and a leading ``#``, ``-``, ``+``, ``=`` or ``1.`` is escaped too.
    """
    lines = text.splitlines()
    if len(lines) > 1:
        flat = " ".join(line.strip() for line in lines if line.strip())
    else:
        flat = text.replace("\t", " ")
    escaped = _INLINE_SPECIAL.sub(r"\\\1", flat)
    if not line_start:
        return escaped
    # Leading spaces could open a code block, a leading marker a list or a heading.
    return _escape_line_start(escaped.lstrip())


def escape_block(text: str, prefix: str = "") -> str:
    """Multi-line ``text`` as Markdown that renders literally, line breaks and blank lines kept.

    Each line is preceded by ``prefix`` (``"> "`` for a quotation); consecutive lines are
    joined by hard line breaks, blank lines separate paragraphs, indentation is kept.
    """
    lines = text.strip("\n").splitlines()
    out: list[str] = []
    for index, line in enumerate(lines):
        if not line.strip():
            out.append(prefix.rstrip())
            continue
        indent, body = _keep_indent(line.rstrip())
        escaped = indent + _escape_line_start(_INLINE_SPECIAL.sub(r"\\\1", body))
        following = lines[index + 1] if index + 1 < len(lines) else ""
        hard_break = "\\" if following.strip() else ""
        out.append(prefix + escaped + hard_break)
    return "\n".join(out)


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string, every character but letters, digits and spaces escaped.

    Safe both in a ``<style>`` element and in HTML: no quote, backslash-free of user input,
    no ``<`` or ``&`` survives, so the text can neither end the string nor the element.
    """
    out = []
    for char in text:
        if char.isascii() and (char.isalnum() or char == " "):
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return Markup('"' + "".join(out) + '"')
