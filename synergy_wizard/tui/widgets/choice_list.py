"""One answer among a few choices (statut and choix questions), drawn by a single widget.

Every choice is a line « ● 2  Non » for the saved answer, « ○ 1  Oui » for the others (a
long label wraps under itself). The keyboard cursor (a highlighted line) is separate from the
answer: the arrows move it, Enter or Space chooses the line under it, and a click chooses the
line clicked.

The widget draws its lines itself and keeps each one drawn: choosing redraws the two lines
whose mark changes, moving the cursor the two lines it leaves and reaches. No child widget
changes its CSS classes, so no restyling nor relayout follows a key, which keeps its image
fast.

Choices put in the list by the program (:meth:`ChoiceList.show_choices`,
:meth:`ChoiceList.choose`) are never reported; only the user's choice is, by a
:class:`ChoiceList.Chosen` message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal, cast

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from synergy_wizard.tui.guard import Guarded

CHOSEN_MARK = "●"
"""The mark of the saved answer."""
OTHER_MARK = "○"
"""The mark of the other choices."""

_LineState = Literal["", "cursor", "hover"]


def choice_prompt(
    number: int, label: str, *, chosen: bool, plain: bool = False
) -> tuple[Content, Content]:
    """One choice: its mark and number (the key that picks it), then its label, which wraps
    under itself.

    The marks are coloured from the theme, unless ``plain`` (the cursor's line, whose own
    colours they could blend into); their shapes tell the answer without colours.
    """
    if chosen:
        mark_style = "bold" if plain else "bold $text-accent"
        lead = Content.assemble((CHOSEN_MARK, mark_style), " ", (str(number), "bold"))
        return lead.append("  "), Content.styled(label, "bold")
    mark_style = "" if plain else "$text-muted"
    lead = Content.assemble((OTHER_MARK, mark_style), " ", (str(number), "bold"))
    return lead.append("  "), Content(label)


class ChoiceList(Guarded, Widget, can_focus=True):
    """The choices of one question, the saved one marked; the cursor starts on it."""

    ALLOW_SELECT = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Choix précédent", show=False),
        Binding("down", "cursor_down", "Choix suivant", show=False),
        Binding("home", "first", "Premier choix", show=False),
        Binding("end", "last", "Dernier choix", show=False),
        Binding("enter,space", "select", "Choisir", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "choice-list--option",
        "choice-list--cursor",
        "choice-list--hover",
    }

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        color: $foreground;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .choice-list--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .choice-list--hover {
            background: $block-hover-background;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .choice-list--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    @dataclass
    class Chosen(Message):
        """The user chose the ``index``-th choice (from 0) of the choices shown."""

        choice_list: ChoiceList
        index: int
        generation: int
        """Which choices were shown (:attr:`ChoiceList.generation`) when the user chose."""

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(
        self,
        labels: Sequence[str],
        chosen: int = -1,
        *,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self._labels: list[str] = []
        self._prompts: list[tuple[Content, Content]] = []
        self._chosen = -1
        self._cursor = -1
        self._hover = -1
        self._rows: list[tuple[int, int]] = []
        """For each line: the choice drawn on it and which of its lines it is."""
        self._rows_width = -1
        self._strips: dict[tuple[int, _LineState, bool, bool], list[Strip]] = {}
        """The lines drawn for each choice, by state (cursor, hover), focus and disabled."""
        self.generation = 0
        """Counts the sets of choices shown: a message about older ones is stale."""
        self.show_choices(labels, chosen)

    # --- state ----------------------------------------------------------------------------

    @property
    def chosen(self) -> int:
        """The index of the choice marked as the answer (-1: none)."""
        return self._chosen

    @property
    def cursor(self) -> int:
        """The index of the choice under the keyboard cursor (-1: no choices)."""
        return self._cursor

    @property
    def labels(self) -> list[str]:
        """The labels of the choices shown."""
        return list(self._labels)

    def show_choices(self, labels: Sequence[str], chosen: int = -1) -> None:
        """Show the choices ``labels``, the ``chosen``-th marked (-1: none) and the cursor on
        it (else on the first choice). Not reported as a change."""
        labels = list(labels)
        self.generation += 1
        self._chosen = chosen if 0 <= chosen < len(labels) else -1
        self._cursor = max(self._chosen, 0) if labels else -1
        self._hover = -1
        same_size = self._same_height(self._labels, labels)
        self._labels = labels
        self._prompts = [self._prompt(index) for index in range(len(labels))]
        self._strips.clear()
        self._rows_width = -1
        self.refresh(layout=not same_size)

    def choose(self, index: int) -> bool:
        """Mark the ``index``-th choice (-1: none) as the answer, and put the cursor on it.
        Not reported: the caller reports the answer. False when there is no such choice."""
        if not -1 <= index < len(self._labels):
            return False
        previous, self._chosen = self._chosen, index
        if previous != index:
            for changed in (previous, index):
                if changed >= 0:
                    self._prompts[changed] = self._prompt(changed)
                    self._forget(changed)
            self.refresh()
        if index >= 0:
            self._move_cursor(index)
        return True

    def _prompt(self, index: int) -> tuple[Content, Content]:
        return choice_prompt(index + 1, self._labels[index], chosen=index == self._chosen)

    def _forget(self, index: int) -> None:
        """Drop the lines drawn for the ``index``-th choice (its text changed)."""
        for key in [key for key in self._strips if key[0] == index]:
            del self._strips[key]

    def _move_cursor(self, index: int) -> None:
        if index != self._cursor and 0 <= index < len(self._labels):
            self._cursor = index
            self.refresh()

    # --- keys and mouse -------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        if self._labels:
            self._move_cursor((self._cursor - 1) % len(self._labels))

    def action_cursor_down(self) -> None:
        if self._labels:
            self._move_cursor((self._cursor + 1) % len(self._labels))

    def action_first(self) -> None:
        self._move_cursor(0)

    def action_last(self) -> None:
        self._move_cursor(len(self._labels) - 1)

    def action_select(self) -> None:
        """Enter, Space or a click: mark the choice under the cursor and report it, unless
        it is the answer already."""
        index = self._cursor
        if self.disabled or index < 0 or index == self._chosen or not self.choose(index):
            return
        self.post_message(self.Chosen(self, index, self.generation))

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("choice")
        if not self.disabled and isinstance(index, int) and 0 <= index < len(self._labels):
            self._move_cursor(index)
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index = event.style.meta.get("choice")
        self._set_hover(index if isinstance(index, int) else -1)

    def _on_leave(self, _: events.Leave) -> None:
        self._set_hover(-1)

    def _set_hover(self, index: int) -> None:
        if index != self._hover:
            self._hover = index
            self.refresh()

    # --- drawing --------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._strips.clear()  # a theme or style changed: every line is drawn again
        super().notify_style_update()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        rules = cast(RulesMap, self.styles)
        return max(
            (
                lead.cell_length + label.get_optimal_width(rules, container.width)
                for lead, label in self._prompts
            ),
            default=0,
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._layout_rows(width))

    def _same_height(self, old: list[str], new: list[str]) -> bool:
        """Whether ``new`` labels take as many lines as ``old`` ones at the current width."""
        width = self.size.width
        if not self.is_mounted or width <= 0 or len(old) != len(new):
            return False
        rules = cast(RulesMap, self.styles)

        def height(labels: list[str]) -> int:
            return sum(
                _height(choice_prompt(n, label, chosen=False), rules, width)
                for n, label in enumerate(labels, start=1)
            )

        return old == new or height(old) == height(new)

    def _layout_rows(self, width: int) -> list[tuple[int, int]]:
        if width != self._rows_width:
            rules = cast(RulesMap, self.styles)
            self._rows = [
                (index, line)
                for index, prompt in enumerate(self._prompts)
                for line in range(_height(prompt, rules, width))
            ]
            self._rows_width = width
            self._strips.clear()
        return self._rows

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        rows = self._layout_rows(width)
        if not 0 <= y < len(rows):
            return Strip.blank(width, self.get_visual_style("choice-list--option").rich_style)
        index, line = rows[y]
        strips = self._choice_strips(index, width)
        return strips[line] if line < len(strips) else Strip.blank(width)

    def _choice_strips(self, index: int, width: int) -> list[Strip]:
        state: _LineState = (
            "cursor" if index == self._cursor else "hover" if index == self._hover else ""
        )
        key = (index, state, self.has_focus, self.disabled)
        strips = self._strips.get(key)
        if strips is None:
            classes = ("choice-list--option", f"choice-list--{state}") if state else ()
            style = self.get_visual_style(*(classes or ("choice-list--option",)))
            lead, label = self._prompts[index]
            if state == "cursor":
                lead = choice_prompt(index + 1, "", chosen=index == self._chosen, plain=True)[0]
            indent = min(lead.cell_length, max(width - 1, 0))
            first = Visual.to_strips(self, lead, indent, 1, style)[0]
            blank = Strip.blank(indent, style.rich_style)
            body = Visual.to_strips(self, label, max(width - indent, 1), None, style)
            meta = {"choice": index}
            strips = [
                Strip.join([first if number == 0 else blank, line])
                .extend_cell_length(width, style.rich_style)
                .apply_meta(meta)
                for number, line in enumerate(body)
            ]
            self._strips[key] = strips
        return strips


def _height(prompt: tuple[Content, Content], rules: RulesMap, width: int) -> int:
    """How many lines a choice takes at ``width``: its label wraps beside its mark."""
    lead, label = prompt
    return label.get_height(rules, max(width - lead.cell_length, 1))
