"""When Textual draws an image, and how to have it drawn with every change at once."""

from __future__ import annotations

import asyncio

__all__ = ["let_widgets_report"]


async def let_widgets_report() -> None:
    """Let the widgets just changed ask the screen for their repaint or new layout.

    Each widget asks from its own task, after the change. Called inside
    ``App.batch_update()``, this lets every request reach the screen while images are
    held: drawn with only some of them, a question of the walk showed for a few frames
    cut short, or under the previous question's answer control. Two turns of the event
    loop: one for the widgets to ask, one for those their asking woke.
    """
    for _ in range(2):
        await asyncio.sleep(0)
