"""The guidance Markdown as styled text in a single widget.

Textual's ``Markdown`` widget mounts a widget per paragraph, list and list item: about 70 ms
for each question shown. The guidance only uses a small part of Markdown (paragraphs, lists,
bold, links), so it is converted once per text into a few blocks of :class:`Content`, drawn by
one :class:`GuidanceVisual` with hanging indents for list items. Links stay clickable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.cells import cell_len
from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.widgets.static_text import update_text

_BULLETS = ("• ", "◦ ", "▪ ")
_CODE_STYLE = "$text-warning"
_MARKER_STYLE = "$text-primary"
_QUOTE_MARK = "▌ "


@dataclass(frozen=True)
class GuidanceBlock:
    """One paragraph (or list item, heading, code block) of the guidance."""

    body: Content
    marker: str = ""
    """The list bullet or number before the first line (« • », « 2. »)."""
    indent: int = 0
    """Cells before the marker: nested lists and quotes."""
    gap: bool = True
    """Whether a blank line separates this block from the one before."""

    @property
    def lead(self) -> int:
        """Cells before the text of every line (indent and marker)."""
        return self.indent + cell_len(self.marker)


class GuidanceVisual(Visual):
    """Blocks of text drawn one under the other, list items with a hanging indent."""

    def __init__(self, blocks: Sequence[GuidanceBlock]) -> None:
        self.blocks = tuple(blocks)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not width:
            return []
        options = replace(options, selection=None)
        rich_style = style.rich_style
        strips: list[Strip] = []
        for block in self.blocks:
            if block.gap and strips:
                strips.append(Strip.blank(width, rich_style))
            lead = min(block.lead, width - 1)
            lines = block.body.render_strips(width - lead, None, style, options)
            if not lead:
                strips.extend(lines)
                continue
            blank = Strip.blank(lead, rich_style)
            first = blank
            if block.marker:
                mark = Content(" " * block.indent).append(
                    Content.styled(block.marker, _MARKER_STYLE)
                )
                first = Strip.join(mark.render_strips(lead, 1, style, options)[:1])
            for number, line in enumerate(lines):
                strips.append(Strip.join([first if number == 0 else blank, line]))
            if height is not None and len(strips) >= height:
                break
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(
            (block.lead + block.body.get_optimal_width(rules, container_width))
            for block in self.blocks
        )

    def get_minimal_width(self, rules: RulesMap) -> int:
        return max((block.lead + block.body.get_minimal_width(rules)) for block in self.blocks)

    def get_height(self, rules: RulesMap, width: int) -> int:
        height = 0
        for index, block in enumerate(self.blocks):
            if block.gap and index:
                height += 1
            height += block.body.get_height(rules, max(1, width - min(block.lead, width - 1)))
        return height


class GuidanceText(Guarded, Static):
    """The guidance text; a click on a link opens it in the browser."""

    ALLOW_SELECT = False  # the blocks are drawn side by side: selection cannot follow them

    def show(self, markdown: str) -> None:
        """Show ``markdown`` (converted once per distinct text)."""
        update_text(self, guidance_visual(markdown))

    def action_link(self, href: str) -> None:
        self.app.open_url(href)


@lru_cache(maxsize=512)
def guidance_visual(markdown: str) -> GuidanceVisual:
    """The blocks of ``markdown``, drawn by one visual (cached: each question's text is
    converted once)."""
    blocks = _Converter().blocks(_PARSER.parse(markdown))
    return GuidanceVisual(blocks or [GuidanceBlock(Content(""))])


_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@dataclass
class _List:
    ordered: bool
    number: int
    tight: bool
    indent: int
    """Cells before the markers of this list."""
    depth: int
    started: bool = False
    """Whether an item was already shown (the first one follows the text before)."""

    @property
    def marker_width(self) -> int:
        return len(f"{self.number}. ") if self.ordered else 2


class _Converter:
    """Walks markdown-it's block tokens and collects :class:`GuidanceBlock` s."""

    def __init__(self) -> None:
        self._blocks: list[GuidanceBlock] = []
        self._lists: list[_List] = []
        self._marker = ""
        self._quote = 0
        self._heading = False
        self._row: list[Content] | None = None
        self._table_rows = 0

    def blocks(self, tokens: Sequence[Token]) -> list[GuidanceBlock]:
        for index, token in enumerate(tokens):
            self._token(token, tokens, index)
        return self._blocks

    def _add(self, body: Content, *, gap: bool = True) -> None:
        quote = self._quote * cell_len(_QUOTE_MARK)
        if self._quote:
            body = Content.styled(_QUOTE_MARK * self._quote, "$text-muted").append(body)
        if not self._lists:
            self._blocks.append(GuidanceBlock(body, indent=0, gap=gap))
            return
        current = self._lists[-1]
        if self._marker:  # the first block of an item
            gap = not current.tight or (not current.started and current.depth == 0)
            block = GuidanceBlock(body, self._marker, current.indent + quote, gap)
            current.started = True
        else:  # a later paragraph of the item, under its text
            block = GuidanceBlock(body, "", current.indent + quote + 2, not current.tight)
        self._blocks.append(block)
        self._marker = ""

    def _token(self, token: Token, tokens: Sequence[Token], index: int) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = int(token.attrs.get("start", 1) or 1) if ordered else 1
            parent = self._lists[-1] if self._lists else None
            indent = parent.indent + parent.marker_width if parent is not None else 0
            tight = _is_tight(tokens, index)
            self._lists.append(_List(ordered, start, tight, indent, len(self._lists)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self._lists.pop()
        elif kind == "list_item_open":
            current = self._lists[-1]
            bullet = _BULLETS[current.depth % len(_BULLETS)]
            self._marker = f"{current.number}. " if current.ordered else bullet
            current.number += 1
        elif kind == "blockquote_open":
            self._quote += 1
        elif kind == "blockquote_close":
            self._quote -= 1
        elif kind == "heading_open":
            self._heading = True
        elif kind == "heading_close":
            self._heading = False
        elif kind == "tr_open":
            self._row = []
        elif kind == "tr_close" and self._row is not None:
            self._add(Content(" │ ").join(self._row), gap=not self._table_rows)
            self._row = None
            self._table_rows += 1
        elif kind == "table_open":
            self._table_rows = 0
        elif kind == "inline" and self._row is not None:
            self._row.append(inline_content(token))
        elif kind == "inline":
            body = inline_content(token)
            self._add(body.stylize(Style(bold=True)) if self._heading else body)
        elif kind in ("fence", "code_block"):
            self._add(Content.styled(token.content.rstrip("\n"), _CODE_STYLE))
        elif kind == "html_block":
            self._add(Content(token.content.rstrip("\n")))
        elif kind == "hr":
            self._add(Content.styled("―――", "$text-muted"))


def _is_tight(tokens: Sequence[Token], index: int) -> bool:
    """Whether the list opened at ``tokens[index]`` is tight (no blank line between its
    items): markdown-it hides the paragraphs of tight lists."""
    level = tokens[index].level
    for token in tokens[index + 1 :]:
        if token.level == level:  # the list's closing token
            return True
        if token.type == "paragraph_open" and token.level == level + 2:
            return token.hidden
    return True


def inline_content(token: Token) -> Content:
    """The inline children of ``token`` as styled text: bold, italic, code, links."""
    parts: list[str] = []
    spans: list[Span] = []
    stack: list[tuple[Style | str, int]] = []
    position = 0

    def add(text: str) -> None:
        nonlocal position
        parts.append(text)
        position += len(text)

    def close() -> None:
        if stack:
            style, start = stack.pop()
            spans.append(Span(start, position, style))

    for child in token.children or ():
        kind = child.type
        if kind == "text":
            add(re.sub(r"\s+", " ", child.content))
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "code_inline":
            stack.append((_CODE_STYLE, position))
            add(child.content)
            close()
        elif kind == "html_inline":
            add(child.content)
        elif kind == "em_open":
            stack.append(("italic", position))
        elif kind == "strong_open":
            stack.append(("bold", position))
        elif kind == "s_open":
            stack.append(("strike", position))
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            stack.append((Style.from_meta({"@click": f"link({href!r})"}), position))
        elif kind == "image":
            add(child.content or str(child.attrs.get("alt", "")))
        elif kind.endswith("_close"):
            close()
    return Content("".join(parts), spans=spans)
