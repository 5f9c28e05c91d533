"""The walk screen: the sections on one side, the current question on the other.

Every committed change is saved at once; moving between questions saves the position, so
reopening the dossier resumes where the user left it. Only the current question's widgets
are mounted, so a checklist of a thousand questions opens as fast as a short one.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, ProgressBar, Static

from synergy_wizard.answers.progress import Progress, compute_progress
from synergy_wizard.errors import StorageError
from synergy_wizard.tui.screens.dialogs import ErrorDialog
from synergy_wizard.tui.screens.summary import SummaryScreen
from synergy_wizard.tui.session import DossierSession
from synergy_wizard.tui.widgets.footer import WizardFooter
from synergy_wizard.tui.widgets.guidance import guidance_markdown
from synergy_wizard.tui.widgets.question_view import QuestionContext, QuestionView
from synergy_wizard.tui.widgets.section_list import SectionList

_PICK_KEYS = 9


class WalkScreen(Screen[None]):
    """Answer the questions of one dossier, one at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: these keys must also work while typing in a note or a list.
        Binding(
            "pageup", "previous", "Précédente", key_display="Pg↑", priority=True, id="walk.previous"
        ),
        Binding("pagedown", "next", "Suivante", key_display="Pg↓", priority=True, id="walk.next"),
        Binding("ctrl+r", "summary", "Résumé", id="walk.summary"),
        Binding("f1,ctrl+g", "toggle_guidance", "Aide", id="walk.guidance"),
        Binding("escape", "home", "Accueil", id="walk.home"),
        *(
            Binding(str(n), f"pick({n})", f"Choix {n}", show=False, id=f"walk.pick{n}")
            for n in range(1, _PICK_KEYS + 1)
        ),
    ]

    def __init__(self, session: DossierSession) -> None:
        super().__init__(classes="walk-screen")
        self.session = session
        checklist = session.checklist
        self._questions = checklist.questions
        self._flat_index = {question.id: i for i, question in enumerate(self._questions)}
        self._sources = {source.id: source for source in checklist.sources}
        self._index = session.start_index()
        self._progress: Progress = compute_progress(checklist, session.dossier)
        self._save_failing = False
        self.sub_title = session.dossier.project.name

    # --- composition --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="overall"):
            yield Static(id="overall-label")
            yield ProgressBar(total=max(self._progress.total, 1), show_eta=False, id="overall-bar")
        with Horizontal(id="walk-body"):
            yield SectionList(self._progress, id="sections")
            yield VerticalScroll(id="question-pane")
        yield WizardFooter()

    async def on_mount(self) -> None:
        self._show_overall()
        await self._show_question(self._index, save_position=False)

    # --- where we are -------------------------------------------------------------------

    @property
    def view(self) -> QuestionView | None:
        views = self.query(QuestionView)
        return views.first() if views else None

    def _question_context(self, index: int) -> QuestionContext:
        question = self._questions[index]
        checklist = self.session.checklist
        section_index, number = checklist.question_index[question.id]
        section = checklist.sections[section_index]
        return QuestionContext(
            question=question,
            section=section,
            section_number=section_index + 1,
            section_count=len(checklist.sections),
            number=number + 1,
            count=len(section.questions),
            answer=self.session.dossier.answer(question.id),
            guidance=guidance_markdown(question, self._sources),
        )

    async def _show_question(self, index: int, *, save_position: bool = True) -> None:
        """Replace the current question's widgets by those of question ``index``."""
        self._flush_view()
        self._index = index
        pane = self.query_one("#question-pane", VerticalScroll)
        view = QuestionView(self._question_context(index))
        with self.app.batch_update():  # one repaint: no flash of an empty pane
            await pane.remove_children()
            await pane.mount(view)
            pane.scroll_home(animate=False)
        view.focus_answer()
        section_index = self.session.checklist.question_index[self._questions[index].id][0]
        self.query_one(SectionList).highlighted = section_index
        self.refresh_bindings()
        if save_position:
            self.session.dossier.position = self._questions[index].id
            self._save()

    async def go_to_section(self, section_index: int) -> None:
        """Show the first question of a section."""
        first = self.session.checklist.sections[section_index].questions[0]
        await self._show_question(self._flat_index[first.id])

    # --- saving -------------------------------------------------------------------------

    @on(QuestionView.AnswerEdited)
    def _answer_edited(self, event: QuestionView.AnswerEdited) -> None:
        event.stop()
        self._apply(event)

    def _apply(self, edit: QuestionView.AnswerEdited) -> None:
        if not self.session.set_answer(edit.question_id, edit.field, edit.value):
            return
        self._save()
        self._progress = compute_progress(self.session.checklist, self.session.dossier)
        section_index = self.session.checklist.question_index[edit.question_id][0]
        self.query_one(SectionList).show_progress(
            section_index, self._progress.sections[section_index]
        )
        self._show_overall()

    def _flush_view(self) -> None:
        view = self.view
        if view is not None:
            for edit in view.take_pending():
                self._apply(edit)

    def _save(self) -> bool:
        try:
            self.session.save()
        except StorageError as error:
            if not self._save_failing:
                self.app.push_screen(ErrorDialog.for_error(error))
            else:
                self.notify(
                    "Toujours impossible d'enregistrer : vos réponses restent en mémoire.",
                    severity="error",
                )
            self._save_failing = True
            return False
        if self._save_failing:
            self.notify("Enregistrement rétabli : toutes vos réponses sont sur le disque.")
        self._save_failing = False
        return True

    def save_before_exit(self) -> bool:
        """Save what was typed but not yet saved, and the position. False on failure."""
        self._flush_view()
        self.session.dossier.position = self._questions[self._index].id
        return self._save()

    def _show_overall(self) -> None:
        progress = self._progress
        answered = progress.answered
        label = f"Progression : {answered}/{progress.total}"
        if progress.open_points:
            label += f" · {progress.open_points} à suivre"
        self.query_one("#overall-label", Static).update(Content(label))
        self.query_one("#overall-bar", ProgressBar).update(progress=answered)

    # --- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "previous":
            return self._index > 0 or None
        if action == "next":
            return self._index < len(self._questions) - 1 or None
        if action == "pick":
            question = self._questions[self._index]
            number = parameters[0] if parameters else 0
            return (
                question.kind in ("statut", "choix")
                and isinstance(number, int)
                and number <= len(question.effective_choices)
            )
        return True

    async def action_previous(self) -> None:
        if self._index > 0:
            await self._show_question(self._index - 1)

    async def action_next(self) -> None:
        if self._index < len(self._questions) - 1:
            await self._show_question(self._index + 1)

    def action_pick(self, number: int) -> None:
        view = self.view
        if view is not None:
            view.pick(number)

    def action_toggle_guidance(self) -> None:
        self.toggle_class("-hide-guidance")

    def action_summary(self) -> None:
        self._flush_view()
        self.app.push_screen(SummaryScreen(self.session), self._summary_closed)

    async def _summary_closed(self, section_index: int | None) -> None:
        if section_index is not None:
            await self.go_to_section(section_index)

    def action_home(self) -> None:
        if self.save_before_exit():
            self.dismiss(None)
        else:
            self.notify(
                "Le dossier reste ouvert : vos dernières réponses ne sont pas encore "
                "enregistrées. Corrigez le problème puis réessayez.",
                severity="error",
            )

    @on(OptionList.OptionSelected, "#sections")
    async def _section_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.go_to_section(event.option_index)
