"""Texts of the walk screen changed in place: the widget takes the room its new text needs,
and a text of the same size is redrawn without laying the screen out again."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static
from tui_helpers import run

from synergy_wizard.tui.widgets.static_text import update_text


def needs_layout(widget: Static) -> bool:
    """Whether the widget asked for the screen to be laid out again."""
    return widget._layout_required


class TextApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(Content("Section 1/5 · Question 1/3"), id="fill")
        yield Static(Content("Progression : 3/78"), id="auto")

    CSS = "#auto { width: auto; }"


def test_a_text_of_the_same_size_is_redrawn_without_a_layout() -> None:
    async def scenario() -> None:
        app = TextApp()
        async with app.run_test(size=(40, 10)) as pilot:
            fill = app.query_one("#fill", Static)
            auto = app.query_one("#auto", Static)
            update_text(fill, Content("Section 1/5 · Question 2/3"))
            update_text(auto, Content("Progression : 4/78"))
            assert not needs_layout(fill) and not needs_layout(auto)
            await pilot.pause()
            assert str(fill.visual) == "Section 1/5 · Question 2/3"
            assert str(auto.visual) == "Progression : 4/78"

            update_text(auto, Content("Progression : 10/78"))  # one cell wider
            assert needs_layout(auto)
            update_text(fill, Content("Une question bien plus longue, sur deux lignes au moins"))
            assert needs_layout(fill)
            await pilot.pause()
            assert auto.size.width == len("Progression : 10/78")
            assert fill.size.height == 2

    run(scenario)


def test_the_same_text_changes_nothing() -> None:
    async def scenario() -> None:
        app = TextApp()
        async with app.run_test(size=(40, 10)) as pilot:
            fill = app.query_one("#fill", Static)
            await pilot.pause()
            before = fill.visual
            update_text(fill, Content("Section 1/5 · Question 1/3"))
            assert fill.visual is before

    run(scenario)
