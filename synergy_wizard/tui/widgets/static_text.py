"""Changing the text of a :class:`~textual.widgets.Static` at the lowest cost.

``Static.update`` lays the whole screen out again by default, in case the new text needs
another size. Most updates of the walk screen (a position, a count, a question of the same
length) do not: :func:`update_text` redraws the widget alone when the new text takes exactly
the room of the old one, and does nothing when the text did not change.
"""

from __future__ import annotations

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.visual import Visual
from textual.widgets import Static


def update_text(static: Static, visual: Content | Visual) -> None:
    """Show ``visual`` in ``static``; lay the screen out again only if its size changes."""
    old = static.visual
    if isinstance(old, Content) and isinstance(visual, Content) and old.is_same(visual):
        return
    static.update(visual, layout=not _same_size(static, old, visual))


def _same_size(static: Static, old: Visual, new: Visual) -> bool:
    """Whether ``new`` takes exactly the room ``old`` takes in ``static`` as laid out now."""
    if not static.is_mounted or not static.display:
        return False
    styles = static.styles
    rules = cast(RulesMap, styles)
    width = static.size.width
    if width <= 0:
        return False  # never laid out yet (or hidden): let the layout decide
    if styles.width is not None and styles.width.is_auto:
        container = static.container_size.width or width
        if old.get_optimal_width(rules, container) != new.get_optimal_width(rules, container):
            return False
    if styles.height is not None and styles.height.is_auto:
        return old.get_height(rules, width) == new.get_height(rules, width)
    return True
