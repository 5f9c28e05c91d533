"""The list of sections with their state: one virtualised OptionList, whatever the size.

A repeated section appears once per chosen choice (« Service — Informatique »); a section
hidden by its condition does not appear. Selecting a section jumps to it.

An answer changes the counts of one section: only that section's lines are drawn again
(:meth:`SectionList.show_progress`), where ``OptionList.replace_option_prompt_at_index``
would draw every visible section again.
"""

from __future__ import annotations

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from synergy_wizard.answers.progress import Progress, SectionProgress
from synergy_wizard.tui.guard import Guarded

_STATE_MARKS: dict[str, tuple[str, str]] = {
    # state -> (mark, theme style); the colours come from the theme, not from here
    "à faire": ("○", "$text-muted"),
    "en cours": ("◐", "$text-accent"),
    "points ouverts": ("●", "$text-warning"),
    "complet": ("●", "$text-success"),
}


def section_prompt(number: int, progress: SectionProgress) -> Content:
    """Two lines for one section: its number and title, then its state and counts."""
    mark, style = _STATE_MARKS.get(progress.state, ("○", ""))
    title = Content.assemble((mark, style), f" {number}. {progress.title}")
    counts = f"  {progress.answered}/{progress.total} · {progress.state}"
    if progress.open_points:
        counts += f" · {progress.open_points} à suivre"
    return Content("\n").join([title, Content.styled(counts, "$text-muted")])


def _counts(progress: SectionProgress) -> tuple[str, int, int, int]:
    return progress.instance.key, progress.total, progress.answered, progress.open_points


class SectionList(Guarded, OptionList):
    """The visible sections (and repetitions) of the dossier; selecting one jumps to it."""

    def __init__(self, progress: Progress, *, id: str | None = None) -> None:
        super().__init__(*self._section_options(progress), id=id, markup=False)
        self._shown = progress.sections

    @staticmethod
    def _section_options(progress: Progress) -> list[Option]:
        return [
            Option(section_prompt(number, section), id=f"section-{section.instance.key}")
            for number, section in enumerate(progress.sections, start=1)
        ]

    def show_progress(self, progress: Progress) -> None:
        """Show the sections and counts of ``progress``, redrawing only what changed."""
        keys = [s.instance.key for s in progress.sections]
        if keys != [s.instance.key for s in self._shown]:
            highlighted = self.highlighted
            self.set_options(self._section_options(progress))
            if highlighted is not None and progress.sections:
                self.highlighted = min(highlighted, len(progress.sections) - 1)
        else:
            for index, (old, new) in enumerate(zip(self._shown, progress.sections, strict=True)):
                if _counts(old) != _counts(new):
                    self._update_prompt(index, section_prompt(index + 1, new))
        self._shown = progress.sections

    def _update_prompt(self, index: int, prompt: Content) -> None:
        """Show ``prompt`` for the ``index``-th section, redrawing only its own lines when
        it keeps its height (else the whole list is laid out again).

        This uses OptionList internals (its drawn lines kept per option, where each option
        starts, its height): ``tests/tui/test_section_list.py`` checks that the new text is
        drawn and the other sections' lines are kept, so a change in Textual shows there.
        """
        option = self.get_option_at_index(index)
        line = self._index_to_line.get(index)
        height = self._heights.get(index)
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        width -= padding.width
        rules = cast(RulesMap, self.styles)
        if line is None or height is None or prompt.get_height(rules, max(width, 1)) != height:
            self.replace_option_prompt_at_index(index, prompt)  # laid out again
            return
        option._set_prompt(prompt)
        cache = self._option_render_cache
        for key in [key for key in tuple(cache.keys()) if key[0] is option]:
            cache.discard(key)
        self.refresh_lines(line, height)
