"""The search dialog: find a question by words or by the state of its follow-up.

Words are searched in the questions, their guidance and the user's notes, without regard to
case or accents; the filters list the unanswered questions, the open points, those with an
owner, those past their deadline. Dismissed with the answer key of the chosen question, or
None.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, get_args

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from synergy_wizard.answers.model import Answer
from synergy_wizard.checklist.models import Question
from synergy_wizard.render.french import plural
from synergy_wizard.tui.finder import (
    FILTER_LABELS,
    MAX_RESULTS,
    FilterName,
    Finder,
    Hit,
    is_overdue,
)
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.session import DossierSession
from synergy_wizard.tui.widgets.follow_up import format_deadline
from synergy_wizard.tui.widgets.footer import WizardFooter

_FILTER_NAMES: tuple[FilterName, ...] = get_args(FilterName)


def answer_summary(question: Question, answer: Answer) -> str:
    """« Oui », « GRH, Informatique », « réponse donnée » or « sans réponse »."""
    value = answer.value
    if not answer.is_answered or value is None:
        return "sans réponse"
    if question.kind in ("texte", "texte_long"):
        return "réponse donnée"
    values = value if isinstance(value, list) else [value]
    return ", ".join(question.choice_label(v) for v in values)


def hit_prompt(hit: Hit, answer: Answer, today: date) -> Content:
    """The lines of one result: number and question, then section, answer and follow-up."""
    slot = hit.slot
    details = [slot.instance.title, answer_summary(slot.question, answer)]
    if answer.owner:
        details.append(f"responsable : {answer.owner}")
    if answer.deadline is not None:
        late = " (en retard)" if is_overdue(answer, today) else ""
        details.append(f"échéance : {format_deadline(answer.deadline)}{late}")
    lines = [
        Content.assemble((f"{hit.section_number}.{hit.number} ", "bold"), slot.question.text),
        Content.styled("    " + " · ".join(details), "$text-muted"),
    ]
    if hit.user_match:
        lines.append(Content.styled("    " + hit.user_match, "$text-accent"))
    return Content("\n").join(lines)


class SearchScreen(Guarded, ModalScreen[str | None]):
    """Search the questions shown for a dossier; Enter opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Ouvrir la question", priority=True, id="search.open"),
        Binding("escape", "close", "Fermer", id="search.close"),
        Binding("down", "move(1)", "Résultat suivant", show=False),
        Binding("up", "move(-1)", "Résultat précédent", show=False),
    ]

    def __init__(
        self, session: DossierSession, *, query: str = "", filter_name: FilterName = "toutes"
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session
        self.query_text = query
        self.filter_name: FilterName = filter_name
        self.today = date.today()
        self._finder = Finder(session.plan)

    def compose(self) -> ComposeResult:
        with Vertical(id="search", classes="dialog"):
            yield Static("Rechercher une question", classes="dialog-title")
            yield Input(
                self.query_text,
                id="search-input",
                placeholder="Mots à chercher dans les questions, l'aide et vos notes",
                compact=True,
            )
            yield Tabs(
                *(Tab(FILTER_LABELS[name], id=name) for name in _FILTER_NAMES),
                active=self.filter_name,
                id="search-filters",
            )
            yield Static(id="search-status", classes="muted")
            yield OptionList(id="search-results", markup=False)
        yield WizardFooter()

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        self._show_results()

    # --- results ------------------------------------------------------------------------

    def _show_results(self) -> None:
        hits = self._finder.find(self.query_text, self.filter_name, self.today)
        dossier = self.session.dossier
        results = self.query_one("#search-results", OptionList)
        results.set_options(
            Option(hit_prompt(hit, dossier.answer(hit.slot.key), self.today), id=hit.slot.key)
            for hit in hits[:MAX_RESULTS]
        )
        results.highlighted = 0 if hits else None
        self.query_one("#search-status", Static).update(Content(self._status(len(hits))))

    def _status(self, count: int) -> str:
        if count == 0:
            if self.query_text.strip():
                return "Aucune question ne correspond à ces mots."
            return "Aucune question dans ce filtre."
        found = f"{count} {plural(count, 'question', 'questions')}"
        if count > MAX_RESULTS:
            return f"{found} : les {MAX_RESULTS} premières sont listées ; précisez la recherche."
        return found + " · Tab pour passer aux filtres"

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self._show_results()

    @on(Tabs.TabActivated, "#search-filters")
    def _filter_changed(self, event: Tabs.TabActivated) -> None:
        event.stop()
        for name in _FILTER_NAMES:
            if name == event.tab.id and name != self.filter_name:
                self.filter_name = name
                self._show_results()

    @on(OptionList.OptionSelected, "#search-results")
    def _result_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    # --- actions ------------------------------------------------------------------------

    def action_open(self) -> None:
        results = self.query_one("#search-results", OptionList)
        option = results.highlighted_option
        if option is None:
            self.app.bell()
            return
        self.dismiss(option.id)

    def action_move(self, step: int) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            current = results.highlighted if results.highlighted is not None else -1
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_close(self) -> None:
        self.dismiss(None)
