"""The section list: an answer redraws only the lines of the section whose counts changed."""

from __future__ import annotations

from dataclasses import replace

from textual.app import App, ComposeResult
from textual.widgets.option_list import Option
from tui_helpers import generate_checklist, run

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.progress import Progress, compute_progress
from synergy_wizard.tui.widgets.section_list import SectionList


class _ListApp(App[None]):
    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress

    def compose(self) -> ComposeResult:
        yield SectionList(self.progress, id="sections")


def _progress() -> Progress:
    checklist = generate_checklist(sections=5, per_section=4)
    return compute_progress(checklist, Dossier.new(checklist, ProjectInfo(name="P")))


def _text(sections: SectionList, y: int) -> str:
    return sections.render_line(y).text


def _with_counts(progress: Progress, index: int, answered: int, open_points: int) -> Progress:
    sections = list(progress.sections)
    sections[index] = replace(sections[index], answered=answered, open_points=open_points)
    return Progress(tuple(sections))


def test_new_counts_redraw_their_section_and_keep_the_others_drawn() -> None:
    progress = _progress()

    async def scenario() -> None:
        app = _ListApp(progress)
        async with app.run_test(size=(30, 24)) as pilot:
            sections = app.query_one(SectionList)
            await pilot.pause()
            lines = [_text(sections, y) for y in range(6)]
            assert "0/" in lines[1] and "à faire" in lines[1]
            kept = sections._option_render_cache  # the lines drawn for each section

            def drawn(option: Option) -> bool:
                return any(key[0] is option for key in tuple(kept.keys()))

            others = [sections.get_option_at_index(i) for i in (0, 2)]
            assert all(drawn(option) for option in others)
            sections.show_progress(_with_counts(progress, 1, 1, 0))
            # the same height: the other sections keep the lines drawn for them
            assert all(drawn(option) for option in others)
            assert "1/4 · en cours" in _text(sections, 3)
            assert [_text(sections, y) for y in (0, 1, 4, 5)] == [lines[i] for i in (0, 1, 4, 5)]
            await pilot.pause()
            assert "1/4 · en cours" in _text(sections, 3)

    run(scenario)


def test_counts_taking_more_lines_lay_the_list_out_again() -> None:
    progress = _progress()

    async def scenario() -> None:
        app = _ListApp(progress)
        async with app.run_test(size=(20, 24)) as pilot:
            sections = app.query_one(SectionList)
            await pilot.pause()
            height = sections.virtual_size.height
            total = progress.sections[0].total
            sections.show_progress(_with_counts(progress, 0, total, 12))
            await pilot.pause()
            assert sections.virtual_size.height > height  # « points ouverts · 12 à suivre »
            drawn = " ".join(_text(sections, y).strip() for y in range(1, 4))
            assert "4/4 · points ouverts · 12 à suivre" in drawn

    run(scenario)
