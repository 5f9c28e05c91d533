"""Checklist Markdown (section introductions, guidance) made safe for the dossier.

Checklist texts are Markdown written by federation staff. They are parsed with markdown-it-py
in CommonMark mode with raw HTML off (HTML in the source shows as text) and no linkify; only
http, https and mailto links survive (``javascript:`` and the like stay plain text); images
become their alternative text, since a dossier loads nothing from outside.

Two outputs from the same parse: HTML for the HTML dossier (marked safe only once built
here), and a re-written, escaped subset of Markdown for the Markdown dossier.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from synergy_wizard.render.escape import ALLOWED_URL, escape_inline, markdown_url
from synergy_wizard.render.markdown_plain import plain_paragraphs
from synergy_wizard.render.markdown_store import conversions

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from markdown_it.tree import SyntaxTreeNode

#: Headings in checklist text sit under the dossier's own headings (h1 to h3).
_HEADING_SHIFT = {"h1": "h4", "h2": "h5", "h3": "h6", "h4": "h6", "h5": "h6", "h6": "h6"}


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark without raw HTML, linking only to the web and to e-mail addresses.

    Built at the first text that needs it: markdown-it is not even imported for a dossier
    whose texts hold no Markdown syntax (see :mod:`.markdown_plain`).
    """
    from markdown_it import MarkdownIt

    class SafeMarkdownIt(MarkdownIt):
        def validateLink(self, url: str) -> bool:
            return bool(ALLOWED_URL.match(url.strip()))

    return SafeMarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def _tree(tokens: list[Token]) -> SyntaxTreeNode:
    from markdown_it.tree import SyntaxTreeNode

    return SyntaxTreeNode(tokens)


def _html_paragraph(lines: tuple[str, ...]) -> str:
    """A paragraph of plain lines as the Markdown renderer writes it (escaped, soft breaks)."""
    text = html.escape("\n".join(lines)).replace("&#x27;", "'")
    return f"<p>{text}</p>"


@functools.lru_cache(maxsize=1024)
def _parse(source: str) -> list[Token]:
    """Tokens of ``source``, images replaced by their alternative text.

    Kept for the next conversion of the same text (the HTML and the plain text of a
    guidance are both made for a dossier): the tokens must not be changed.
    """
    tokens = _parser().parse(source)
    for token in tokens:
        for child in token.children or ():
            if child.type == "image":
                alt = "".join(leaf.content for leaf in child.children or () if leaf.content)
                child.type, child.tag, child.nesting = "text", "", 0
                child.attrs, child.children, child.content = {}, None, alt
    return tokens


# The three conversions below are pure functions of the text: a dossier rendered again (or
# in another format) does not convert the same checklist texts twice, in this run (the
# memory caches) nor in the next ones (what the parser made is kept: .markdown_store).
_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=_CACHE_SIZE)
def to_html(source: str) -> Markup:
    """Checklist Markdown as HTML, safe to insert in the HTML dossier."""
    if not source.strip():
        return Markup("")
    paragraphs = plain_paragraphs(source)
    if paragraphs is not None:  # what the parser makes of text without Markdown syntax
        return Markup("\n".join(_html_paragraph(lines) for lines in paragraphs))
    # Safe: made here (raw HTML off, text escaped by the renderer, links validated), or kept
    # from an earlier run in the user's own cache folder.
    return Markup(conversions().converted("html", source, _parsed_html))


def _parsed_html(source: str) -> str:
    tokens = [
        token.copy(tag=_HEADING_SHIFT.get(token.tag, token.tag))
        if token.type in ("heading_open", "heading_close")
        else token
        for token in _parse(source)
    ]
    parser = _parser()
    html: str = parser.renderer.render(tokens, parser.options, {})
    return html.strip()


@functools.lru_cache(maxsize=_CACHE_SIZE)
def to_plain(source: str) -> str:
    """Checklist Markdown as plain text (for Word): paragraphs on their own lines, « • » items."""
    if not source.strip():
        return ""
    paragraphs = plain_paragraphs(source)
    if paragraphs is not None:
        return "\n".join(" ".join(lines) for lines in paragraphs)
    return conversions().converted("plain", source, _parsed_plain)


def _parsed_plain(source: str) -> str:
    tree = _tree(_parse(source))
    return "\n".join(_plain_blocks(tree.children, "")).strip()


def _plain_blocks(nodes: Sequence[SyntaxTreeNode], indent: str) -> list[str]:
    lines: list[str] = []
    for node in nodes:
        if node.type in ("bullet_list", "ordered_list"):
            start = int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1
            for number, item in enumerate(node.children, start=start):
                marker = f"{number}. " if node.type == "ordered_list" else "• "
                inner = _plain_blocks(item.children, indent + "   ")
                if inner:
                    lines.append(indent + marker + inner[0].lstrip())
                    lines.extend(inner[1:])
        elif node.type in ("code_block", "fence"):
            lines.extend(indent + line for line in node.content.rstrip("\n").split("\n"))
        elif node.type == "hr":
            continue
        elif node.children and node.type != "inline":
            lines.extend(_plain_blocks(node.children, indent))
        else:
            lines.append(indent + _plain_inline(node))
    return lines


def _plain_inline(node: SyntaxTreeNode) -> str:
    if node.type == "softbreak":
        return " "
    if node.type == "hardbreak":
        return "\n"
    if node.children:
        return "".join(_plain_inline(child) for child in node.children)
    return node.content


@functools.lru_cache(maxsize=_CACHE_SIZE)
def to_markdown(source: str) -> str:
    """Checklist Markdown re-written as safe Markdown for the Markdown dossier."""
    if not source.strip():
        return ""
    paragraphs = plain_paragraphs(source)
    if paragraphs is not None:
        return "\n\n".join(
            " ".join(escape_inline(line, line_start=i == 0) for i, line in enumerate(lines))
            for lines in paragraphs
        )
    return conversions().converted("markdown", source, _parsed_markdown)


def _parsed_markdown(source: str) -> str:
    tree = _tree(_parse(source))
    return "\n\n".join(_blocks(tree.children)).strip()


def _blocks(nodes: Sequence[SyntaxTreeNode]) -> list[str]:
    return [text for node in nodes if (text := _block(node))]


def _indent(text: str, first: str) -> str:
    """Prefix the first line of ``text`` with ``first``, the others with as many spaces."""
    pad = " " * len(first)
    lines = text.split("\n")
    rest = [pad + line if line else "" for line in lines[1:]]
    return "\n".join([first + lines[0], *rest])


def _block(node: SyntaxTreeNode) -> str:
    kind = node.type
    if kind == "paragraph":
        return _inline(node.children)
    if kind == "heading":
        title = _inline(node.children)
        return f"**{title}**" if title else ""
    if kind in ("bullet_list", "ordered_list"):
        return _list(node)
    if kind == "blockquote":
        inner = "\n\n".join(_blocks(node.children))
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
    if kind in ("code_block", "fence"):
        body = node.content.rstrip("\n")
        longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{body}\n{fence}"
    if kind == "hr":
        return "---"
    return escape_inline(node.content)


def _list(node: SyntaxTreeNode) -> str:
    ordered = node.type == "ordered_list"
    start = int(node.attrs.get("start", 1)) if ordered else 1
    # A tight list (no blank line between items) has its paragraphs hidden.
    tight = all(
        child.type != "paragraph" or child.hidden
        for item in node.children
        for child in item.children
    )
    separator = "\n" if tight else "\n\n"
    items = []
    for number, item in enumerate(node.children, start=start):
        body = separator.join(_blocks(item.children))
        # Keep the source's marker: lists that differ only by it stay separate lists.
        marker = f"{number}{item.markup or '.'} " if ordered else f"{item.markup or '-'} "
        items.append(_indent(body, marker))
    return separator.join(items)


def _inline(nodes: Sequence[SyntaxTreeNode]) -> str:
    """The inline content of a paragraph or heading, escaped, on as few lines as possible."""
    parts: list[str] = []
    line_start = True
    leaves = nodes[0].children if len(nodes) == 1 and nodes[0].type == "inline" else nodes
    for node in leaves:
        if node.type == "link" and parts and parts[-1].endswith("!"):
            parts[-1] = parts[-1][:-1] + "\\!"  # "!" then "[" would make an image
        parts.append(_inline_node(node, line_start=line_start))
        line_start = node.type == "hardbreak"
    return "".join(parts)


def _inline_node(node: SyntaxTreeNode, *, line_start: bool) -> str:
    kind = node.type
    if kind == "text":
        return escape_inline(node.content, line_start=line_start)
    if kind == "softbreak":
        return " "
    if kind == "hardbreak":
        return "\\\n"
    if kind == "code_inline":
        longest = max((len(run) for run in re.findall(r"`+", node.content)), default=0)
        ticks = "`" * (longest + 1)
        pad = " " if node.content.startswith(("`", " ")) or node.content.endswith("`") else ""
        return f"{ticks}{pad}{node.content}{pad}{ticks}"
    if kind in ("strong", "em"):
        mark = "**" if kind == "strong" else "*"
        return f"{mark}{_inline(node.children)}{mark}"
    if kind == "link":
        text = _inline(node.children)
        url = markdown_url(str(node.attrs.get("href", "")))
        return f"[{text}]({url})" if url else text
    return escape_inline(node.content, line_start=line_start)
