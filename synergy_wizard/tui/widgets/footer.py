"""The footer of every screen: the keys of the moment, in French."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class WizardFooter(Footer):
    """A compact footer that redraws its keys only when they really changed.

    Moving to another question changes the focus and the bindings several times in a row,
    mostly to the same keys; Textual's footer would rebuild all its keys each time.
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
