"""The footer of every screen: the keys of the moment, in French."""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil

from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from synergy_wizard.tui.guard import Guarded

_UNBOUNDED = Size(1000, 1)


class WizardFooter(Guarded, Footer):
    """A compact footer that redraws its keys only when they really changed.

    Moving to another question changes the focus and the bindings several times in a row,
    mostly to the same keys; Textual's footer would rebuild all its keys each time.

    When the keys do not fit on one line (a narrow terminal, a screen with many keys), the
    footer takes two lines rather than hiding the last keys (often « Quitter »).
    """

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._redraw_pending = False
        self._shown: tuple[tuple[str, str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._redraw_pending:
            return
        if self.is_attached and screen is self.screen:
            self._redraw_pending = True
            self.call_after_refresh(self._redraw)

    async def _redraw(self) -> None:
        self._redraw_pending = False
        if not self.is_attached:
            return
        shown = tuple(
            (key, active.binding.action, active.binding.description, active.enabled)
            for key, active in self.screen.active_bindings.items()
            if active.binding.show
        )
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """One line when the keys fit in the width of the screen, else two."""
        items = list(self.children)
        wrap = bool(items) and footer_width(items) > self.app.size.width
        self.set_class(wrap, "-two-rows")
        if wrap:
            self.styles.grid_size_columns = ceil(len(items) / 2)


def footer_width(items: Sequence[Widget]) -> int:
    """The columns ``items`` take on one line: each with its padding and border, and one
    space between two of them (their margin on one line, the grid's gutter on two)."""
    widths = [
        item.get_content_width(_UNBOUNDED, _UNBOUNDED) + item.styles.gutter.width for item in items
    ]
    return sum(widths) + max(len(widths) - 1, 0)
