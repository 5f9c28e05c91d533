"""Checklist Markdown (section introductions, guidance) made safe for the dossier.

Checklist texts are Markdown written by federation staff. They are parsed with markdown-it-py
in CommonMark mode with raw HTML off (HTML in the source shows as text) and no linkify; only
http, https and mailto links survive (``javascript:`` and the like stay plain text); images
become their alternative text, since a dossier loads nothing from outside.

Two outputs from the same parse: HTML for the HTML dossier (marked safe only once built
here), and a re-written, escaped subset of Markdown for the Markdown dossier.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from markupsafe import Markup

from synergy_wizard.render.escape import ALLOWED_URL, escape_inline, markdown_url

#: Headings in checklist text sit under the dossier's own headings (h1 to h3).
_HEADING_SHIFT = {"h1": "h4", "h2": "h5", "h3": "h6", "h4": "h6", "h5": "h6", "h6": "h6"}


class _SafeMarkdownIt(MarkdownIt):
    """CommonMark without raw HTML, linking only to the web and to e-mail addresses."""

    def __init__(self) -> None:
        super().__init__("commonmark", {"html": False, "linkify": False, "typographer": False})

    def validateLink(self, url: str) -> bool:
        return bool(ALLOWED_URL.match(url.strip()))


_PARSER = _SafeMarkdownIt()


def _parse(source: str) -> list[Token]:
    """Tokens of ``source``, images replaced by their alternative text."""
    tokens = _PARSER.parse(source)
    for token in tokens:
        for child in token.children or ():
            if child.type == "image":
                alt = "".join(leaf.content for leaf in child.children or () if leaf.content)
                child.type, child.tag, child.nesting = "text", "", 0
                child.attrs, child.children, child.content = {}, None, alt
    return tokens


def to_html(source: str) -> Markup:
    """Checklist Markdown as HTML, safe to insert in the HTML dossier."""
    if not source.strip():
        return Markup("")
    tokens = _parse(source)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _HEADING_SHIFT.get(token.tag, token.tag)
    html = _PARSER.renderer.render(tokens, _PARSER.options, {})
    # Safe: raw HTML is off, text is escaped by the renderer, links were validated.
    return Markup(html.strip())


def to_markdown(source: str) -> str:
    """Checklist Markdown re-written as safe Markdown for the Markdown dossier."""
    if not source.strip():
        return ""
    tree = SyntaxTreeNode(_parse(source))
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
