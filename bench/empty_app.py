"""The baseline: an empty Textual application with one line of text.

Started as a whole process, like the wizard, it gives the floor of every terminal
measurement on this machine: Python and Textual start-up, the first frame, and the time
from a key to the frame that shows its effect (each key below updates the line).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

READY = "Application vide prête"


class EmptyApp(App[None]):
    """One line of text; Ctrl+Q quits, a digit or Page Down updates the line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quitter", priority=True),
        *(Binding(str(n), "count", show=False) for n in range(10)),
        Binding("pagedown", "count", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Static(READY, id="line")

    def action_count(self) -> None:
        self.count += 1
        self.query_one("#line", Static).update(f"{READY} — touche n° {self.count}")


if __name__ == "__main__":
    EmptyApp().run()
