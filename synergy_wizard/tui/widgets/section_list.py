"""The list of sections with their progress: one virtualised OptionList, whatever the size."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from synergy_wizard.answers.progress import Progress, SectionProgress

_STATE_MARKS: dict[str, tuple[str, str]] = {
    # state -> (mark, theme style); the colours come from the theme, not from here
    "à faire": ("○", "$text-muted"),
    "en cours": ("◐", "$text-accent"),
    "points ouverts": ("●", "$text-warning"),
    "complet": ("●", "$text-success"),
}


def section_prompt(number: int, progress: SectionProgress) -> Content:
    """Two lines for one section: its number and title, then how far it is answered."""
    mark, style = _STATE_MARKS.get(progress.state, ("○", ""))
    title = Content.assemble((mark, style), f" {number}. {progress.section.title}")
    counts = f"  {progress.answered}/{progress.total}"
    if progress.open_points:
        counts += f" · {progress.open_points} à suivre"
    return Content("\n").join([title, Content.styled(counts, "$text-muted")])


class SectionList(OptionList):
    """The sections of the checklist; selecting one jumps to it."""

    def __init__(self, progress: Progress, *, id: str | None = None) -> None:
        super().__init__(
            *(
                Option(section_prompt(number, section), id=f"section-{number - 1}")
                for number, section in enumerate(progress.sections, start=1)
            ),
            id=id,
            markup=False,
        )

    def show_progress(self, index: int, progress: SectionProgress) -> None:
        """Refresh the progress shown for the section at ``index``."""
        self.replace_option_prompt_at_index(index, section_prompt(index + 1, progress))
