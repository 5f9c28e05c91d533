"""Checklist texts written without any Markdown syntax, recognised without the parser.

Most guidance texts are plain sentences, one per line, in paragraphs. For such a text the
Markdown parser can only produce paragraphs of soft-broken lines, and parsing it costs far
more than the rest of its dossier entry. :func:`plain_paragraphs` recognises these texts
with a deliberately strict test; :mod:`.markdown` then builds exactly what the parser
would have built, and every other text goes through the parser as before.
"""

from __future__ import annotations

import re

# Anywhere in the text: what may start an inline construct (escape, code, emphasis, link,
# image, autolink, raw HTML, entity, strikethrough) and control characters (tab, CR, NUL...).
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>&!~\x00-\x09\x0b-\x1f\x7f]")
# At the start of a line: what may start a block (list, heading, quote, rule, table, setext
# underline, ordered list).
_BLOCK_START = frozenset("-+#>=|0123456789")

Paragraphs = tuple[tuple[str, ...], ...]


def plain_paragraphs(source: str) -> Paragraphs | None:
    """The paragraphs (each a tuple of lines) of ``source`` when it holds no Markdown syntax
    at all; None when it may hold some (it must then go through the parser)."""
    if _INLINE_SYNTAX.search(source):
        return None
    paragraphs: list[tuple[str, ...]] = []
    current: list[str] = []
    for line in source.split("\n"):
        if not line:
            if current:
                paragraphs.append(tuple(current))
                current = []
            continue
        # Indentation, trailing spaces (hard breaks) and lines of spaces are left to the
        # parser, as are lines that could start a block.
        if line[0].isspace() or line[-1].isspace() or line[0] in _BLOCK_START:
            return None
        current.append(line)
    if current:
        paragraphs.append(tuple(current))
    return tuple(paragraphs)
