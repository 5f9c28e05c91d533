"""The walk screen: the sections on one side, the current question on the other.

The walk follows the dossier's plan: questions hidden by their conditions are skipped, and a
repeated section appears once per chosen choice. Every committed change is saved at once and
the plan recomputed, so an answer can show or hide questions and sections immediately.

Every change is kept in memory at once and written to the file just after the screen shows
it (:mod:`.walk_saving`); leaving the walk, quitting or a signal saves at once whatever is
still due.

One question view is mounted and reused from question to question, so a checklist of a
thousand questions opens as fast as a short one and moving costs a few widget updates. A key
redraws only what it changed: counts, texts and the Footer's keys are compared first.

A dossier open read-only (open in another program, written by a newer version) is shown
under a banner saying why; its controls are disabled and nothing is ever saved.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, ProgressBar, Static

from synergy_wizard.answers.plan import Slot
from synergy_wizard.tui.finder import FilterName
from synergy_wizard.tui.frames import let_widgets_report
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.notices import read_only_banner
from synergy_wizard.tui.screens.dialogs import NoticeDialog
from synergy_wizard.tui.screens.search import SearchScreen
from synergy_wizard.tui.screens.summary import SummaryScreen
from synergy_wizard.tui.screens.walk_contexts import QuestionContexts
from synergy_wizard.tui.screens.walk_counts import WalkCounts
from synergy_wizard.tui.screens.walk_saving import POSITION_SAVE_DELAY, WalkSaving
from synergy_wizard.tui.session import DossierSession, WalkPreferences
from synergy_wizard.tui.settings import PreferencesHolder
from synergy_wizard.tui.widgets.footer import WizardFooter
from synergy_wizard.tui.widgets.question_view import QuestionView
from synergy_wizard.tui.widgets.section_list import SectionList

__all__ = ["POSITION_SAVE_DELAY", "WalkScreen"]

_PICK_KEYS = 9


class WalkScreen(Guarded, Screen[None]):
    """Answer the questions of one dossier, one at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: these keys must also work while typing in a note or a list.
        Binding(
            "pageup", "previous", "Précédente", key_display="Pg↑", priority=True, id="walk.previous"
        ),
        Binding("pagedown", "next", "Suivante", key_display="Pg↓", priority=True, id="walk.next"),
        Binding("slash", "search", "Rechercher", key_display="/", id="walk.search"),
        Binding("ctrl+g", "toggle_guidance", "Aide (panneau)", id="walk.guidance"),
        Binding("ctrl+r", "summary", "Résumé", id="walk.summary"),
        Binding("f2", "app.review", "Revue", id="walk.review"),
        Binding("escape", "home", "Accueil", id="walk.home"),
        *(
            Binding(str(n), f"pick({n})", f"Choix {n}", show=False, id=f"walk.pick{n}")
            for n in range(1, _PICK_KEYS + 1)
        ),
    ]

    def __init__(
        self, session: DossierSession, *, preferences: WalkPreferences | None = None
    ) -> None:
        super().__init__(classes="walk-screen")
        self.session = session
        self.preferences = preferences if preferences is not None else WalkPreferences()
        self._key = session.start_key() or ""
        self._saving = WalkSaving(self, session)
        self._contexts = QuestionContexts(session, self)
        self._search: tuple[str, FilterName] = ("", "toutes")
        self._view: QuestionView | None = None
        self._counts = WalkCounts(self, session)
        self._bindings_shown: tuple[bool, bool, int] | None = None
        """The state of the navigation keys the Footer shows (see :meth:`_refresh_keys`)."""
        self.sub_title = session.dossier.project.name
        if session.read_only:
            self.sub_title += " (lecture seule)"
        self.set_class(not self.preferences.show_guidance, "-hide-guidance")

    # --- composition --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        progress = self.session.progress
        yield Header()
        if self.session.read_only:
            yield Static(Content(read_only_banner(self.session)), id="read-only-banner")
        with Horizontal(id="overall"):
            yield Static(id="overall-label")
            yield ProgressBar(total=max(progress.total, 1), show_eta=False, id="overall-bar")
        with Horizontal(id="walk-body"):
            with Vertical(id="side"):
                yield SectionList(progress, id="sections")
                yield Static(id="kept-notice")
            with VerticalScroll(id="question-pane"):
                yield Static(
                    "Aucune question n'est à afficher pour ce dossier.",
                    id="no-question",
                    classes="muted",
                )
        yield WizardFooter()

    async def on_mount(self) -> None:
        self._counts.show()
        await self._show_question(self._key, save_position=False)
        session = self.session
        self.call_after_refresh(self._saving.prepare)
        if session.renamed and not session.read_only:
            self._saving.save()  # the answers moved to renamed questions must reach the disk
        if session.notices:
            self.app.push_screen(
                NoticeDialog("La check-list a changé", "\n".join(session.notices)),
                self._notices_read,
            )

    def _notices_read(self, _: None) -> None:
        """The user has read what changed: the dossier now answers this checklist version."""
        if self.session.adopt_checklist():
            self._saving.save()

    # --- where we are -------------------------------------------------------------------

    @property
    def view(self) -> QuestionView | None:
        """The question view (None until a question was shown)."""
        return self._view

    @property
    def current_key(self) -> str:
        """The answer key of the question on screen ("" when no question is shown)."""
        return self._key

    def _slot(self, key: str) -> Slot | None:
        return self._contexts.slot(key)

    async def _show_question(self, key: str, *, save_position: bool = True) -> None:
        """Show the question ``key`` (or the next shown question, when that one is hidden)
        in the question view, which is updated in place."""
        self._flush_view()
        target = self.session.nearest_visible(key)
        slot = self._slot(target) if target is not None else None
        view = self._view
        if slot is None:
            self._key = ""
            self.query_one("#no-question").display = True
            if view is not None:
                view.display = False
            self._refresh_keys()
            return
        self._key = slot.key
        context = self._contexts.context(slot)
        if view is None:
            view = self._view = QuestionView(context)
            await self.query_one("#question-pane", VerticalScroll).mount(view)
            self.query_one("#no-question").display = False
            if self._key == slot.key:  # else another question was asked for meanwhile
                self._around_question(view, slot, save_position=save_position)
            return
        with self.app.batch_update():  # one image for all the changes
            await view.show(context)  # may wait (a control mounted for a new kind)
            if self._key != slot.key:
                return  # another question was asked for meanwhile: it is being shown
            view.display = True
            self.query_one("#no-question").display = False
            await let_widgets_report()
        # The screen took the widgets' requests while images were held: have it look at
        # them now (else nothing would be drawn until something else woke it).
        self.check_idle()
        if self._key == slot.key:  # else another question was asked for meanwhile
            self._around_question(view, slot, save_position=save_position)

    def _around_question(self, view: QuestionView, slot: Slot, *, save_position: bool) -> None:
        """What goes with the question just shown: scroll, focus, section, keys, position."""
        self.query_one("#question-pane", VerticalScroll).scroll_home(animate=False)
        view.focus_answer()
        self.query_one(SectionList).highlighted = self.session.instance_index(slot.instance)
        self._refresh_keys()
        self._contexts.prepare_around(slot.key)
        if save_position:
            self._saving.position_moved(slot.key)

    async def go_to_key(self, key: str) -> None:
        """Show the question whose answer is stored under ``key`` (``q`` or ``q@choice``)."""
        await self._show_question(key)

    async def go_to_section(self, section_index: int) -> None:
        """Show the first question of the ``section_index``-th section in the section list."""
        sections = self.session.progress.sections
        if not 0 <= section_index < len(sections):
            return
        instance = sections[section_index].instance
        first = next((s for s in self.session.visible_slots if s.instance is instance), None)
        if first is None:
            self.notify("Cette section n'a aucune question à afficher pour l'instant.")
            return
        await self._show_question(first.key)

    # --- saving -------------------------------------------------------------------------

    @on(QuestionView.AnswerEdited)
    async def _answer_edited(self, event: QuestionView.AnswerEdited) -> None:
        event.stop()
        if self.session.read_only:
            self._refuse_change()
            await self._show_question(self._key, save_position=False)  # show the saved answer
            return
        if self._apply(event):
            await self._follow_plan()
            self._saving.answers_changed()

    def _refuse_change(self) -> None:
        self.notify(
            "Ce dossier est ouvert en lecture seule : rien n'y est modifié ni enregistré.",
            title="Lecture seule",
            severity="warning",
        )

    def _apply(self, edit: QuestionView.AnswerEdited) -> bool:
        """Keep the change in memory and show the new counts; False when nothing changed.

        The caller then schedules the save (:meth:`.WalkSaving.answers_changed`), after its
        last change to the screen: the widgets redrawn are then told to the screen before
        the save is queued, and the write never holds their image back.
        """
        if not self.session.set_answer(edit.key, edit.field, edit.value):
            return False
        self._counts.show()
        return True

    async def _follow_plan(self) -> None:
        """After a change: leave a question that became hidden, else refresh its position."""
        slot = self._slot(self._key)
        if slot is None:
            await self._show_question(self._key)
            return
        self.query_one(SectionList).highlighted = self.session.instance_index(slot.instance)
        view = self.view
        if view is not None:
            view.show_position(self._contexts.position(slot))
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Refresh the Footer's keys, only when one of them changed (it redraws them all)."""
        state = self._contexts.key_state(self._key)
        if state != self._bindings_shown:
            self._bindings_shown = state
            self.refresh_bindings()

    def _flush_view(self) -> None:
        view = self.view
        if view is None:
            return
        if [edit for edit in view.take_pending() if self._apply(edit)]:
            self._saving.answers_changed()
        if view.rejected_deadline:
            self.notify(
                f"L'échéance « {view.rejected_deadline} » n'est pas une date valide : "
                "elle n'a pas été enregistrée.",
                title="Échéance non enregistrée",
                severity="warning",
                markup=False,
            )
            view.rejected_deadline = ""

    def save_before_exit(self) -> bool:
        """Save what was typed but not yet saved, and the position. False on failure."""
        self._flush_view()
        if self._key:
            self.session.dossier.position = self._key
        return self._saving.save()

    # --- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        index = self.session.slot_index(self._key)
        if action == "previous":
            return (index is not None and index > 0) or None
        if action == "next":
            return (index is not None and index < len(self.session.visible_slots) - 1) or None
        if action == "pick":
            slot = self._slot(self._key)
            number = parameters[0] if parameters else 0
            return (
                slot is not None
                and slot.question.kind in ("statut", "choix")
                and isinstance(number, int)
                and number <= len(slot.question.effective_choices)
            )
        return True

    async def action_previous(self) -> None:
        await self._step(-1)

    async def action_next(self) -> None:
        await self._step(1)

    async def _step(self, step: int) -> None:
        self._flush_view()  # a pending answer may show or hide the next questions
        index = self.session.slot_index(self._key)
        slots = self.session.visible_slots
        if index is not None and 0 <= index + step < len(slots):
            await self._show_question(slots[index + step].key)

    async def action_pick(self, number: int) -> None:
        if self.session.read_only:
            self._refuse_change()
            return
        view = self.view
        edit = view.pick(number) if view is not None else None
        if view is None or edit is None:
            return
        changed = self._apply(edit)
        if changed:
            await self._follow_plan()
        # Marked after the counts: the screen then draws them all in one image.
        view.show_pick(edit)
        if changed:
            self._saving.answers_changed()

    def action_toggle_guidance(self) -> None:
        self.toggle_class("-hide-guidance")
        shown = not self.has_class("-hide-guidance")
        self.preferences.show_guidance = shown
        app = self.app
        if isinstance(app, PreferencesHolder):
            app.remember(show_guidance=shown)  # the next run opens the same way

    def action_search(self) -> None:
        self._flush_view()  # the note being typed is searched too
        query, filter_name = self._search
        screen = SearchScreen(self.session, query=query, filter_name=filter_name)

        async def chosen(key: str | None) -> None:
            self._search = (screen.query_text, screen.filter_name)
            if key is not None:
                await self.go_to_key(key)

        self.app.push_screen(screen, chosen)

    def action_summary(self) -> None:
        self._flush_view()
        self.app.push_screen(SummaryScreen(self.session), self._summary_closed)

    async def _summary_closed(self, section_index: int | None) -> None:
        if section_index is not None:
            await self.go_to_section(section_index)

    def on_unmount(self) -> None:
        """Closed (back home, quit, signal): other programs may now open the dossier.

        Leaving through the keys saved everything already; when the program ends another
        way, what is still due (typing, the position) is saved here.
        """
        if not self.session.read_only:
            self._flush_view()
            self._saving.save_on_close()
        self.session.close()

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
