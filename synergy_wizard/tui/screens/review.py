"""The review before export: per section, what is answered, open, unanswered, hidden, orphaned.

Each line leads back to its question (« modifier », Enter): the screen posts
:class:`~synergy_wizard.tui.messages.JumpToQuestion` and the app brings the walk screen there.
A hidden answer leads to the question whose answer hides it; an orphan leads nowhere (its
question is gone) and says so.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from synergy_wizard.answers.model import Answer
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.answers.review import (
    STATE_LABELS,
    Review,
    ReviewGroup,
    ReviewItem,
    build_review,
)
from synergy_wizard.checklist.models import Question
from synergy_wizard.render.french import plural
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.messages import JumpToQuestion
from synergy_wizard.tui.session import DossierSession
from synergy_wizard.tui.widgets.footer import WizardFooter

__all__ = ["ReviewScreen", "ReviewTable", "answer_text"]

_STATE_STYLES: dict[str, str] = {
    "repondue": "",
    "a-suivre": "bold",
    "sans-reponse": "italic",
    "masquee": "dim",
    "orpheline": "dim italic",
}
_TO_CHECK = frozenset({"a-suivre", "sans-reponse", "masquee", "orpheline"})


def answer_text(question: Question | None, answer: Answer) -> str:
    """The answer on one line, in French: choice labels, or the text's first line."""
    value = answer.value
    values = [] if value is None else [value] if isinstance(value, str) else list(value)
    if question is not None and question.kind in ("statut", "choix", "choix_multiple"):
        values = [question.choice_label(v) for v in values]
    text = ", ".join(v.strip() for v in values if v.strip())
    first, _, rest = text.partition("\n")
    return first + (" …" if rest.strip() else "")


def _summary(review: Review) -> str:
    counts = review.counts
    parts = [
        f"{counts['repondue']} {plural(counts['repondue'], 'répondue', 'répondues')}",
        f"{counts['a-suivre']} à suivre",
        f"{counts['sans-reponse']} sans réponse",
    ]
    if counts["masquee"]:
        parts.append(f"{counts['masquee']} {plural(counts['masquee'], 'masquée', 'masquées')}")
    if counts["orpheline"]:
        what = plural(counts["orpheline"], "orpheline", "orphelines")
        parts.append(f"{counts['orpheline']} {what}")
    return " · ".join(parts)


class ReviewTable(Guarded, DataTable[Text]):
    """One row per section and per answer; Enter goes to the question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Modifier", id="review.edit"),
    ]


class ReviewScreen(Guarded, Screen[None]):
    """Everything the dossier holds, before it is exported."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "toggle_filter", "À revoir", id="review.filter"),
        Binding("e", "app.export_dossier", "Exporter", id="review.export"),
        Binding("escape", "back", "Retour", id="review.back"),
    ]

    only_to_check: reactive[bool] = reactive(False)
    """Show only what needs a look: open points, unanswered, hidden and orphaned answers."""

    def __init__(self, session: DossierSession) -> None:
        super().__init__(classes="review-screen")
        self.session = session
        self.sub_title = f"Revue — {session.dossier.project.name}"
        self.review = build_review(build_plan(session.checklist, session.dossier))
        self._rows: dict[str, ReviewItem | None] = {}
        self._groups: dict[str, ReviewGroup] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-head")
        yield ReviewTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="review-detail", classes="muted")
        yield WizardFooter()

    def on_mount(self) -> None:
        self.query_one("#review-head", Static).update(Content(_summary(self.review)))
        self._fill()

    def watch_only_to_check(self) -> None:
        if self.is_mounted:
            self._fill()

    def _fill(self) -> None:
        table = self.query_one(ReviewTable)
        table.clear(columns=True)
        answer_width = 16 if self.app.size.width < 120 else 34
        question_width = max(20, self.app.size.width - answer_width - 35)
        table.add_column("N°", width=5, key="number")
        table.add_column("Question", width=question_width, key="question")
        table.add_column("État", width=12, key="state")
        table.add_column("Réponse", width=answer_width, key="answer")
        self._rows = {}
        self._groups = {}
        dossier = self.session.dossier
        for index, group in enumerate(self.review.groups):
            items = [
                item for item in group.items if not self.only_to_check or item.state in _TO_CHECK
            ]
            if self.only_to_check and not items:
                continue
            key = f"group-{index}"
            self._rows[key] = next((i for i in group.items if i.target), None)
            self._groups[key] = group
            table.add_row(
                Text(group.number, style="bold"),
                Text(group.title, style="bold", overflow="ellipsis", no_wrap=True),
                Text(""),
                Text(""),
                key=key,
            )
            for item in items:
                self._rows[item.key] = item
                question = item.question
                text = question.text if question is not None else f"« {item.key} »"
                table.add_row(
                    Text(item.number),
                    Text(text, overflow="ellipsis", no_wrap=True),
                    Text(STATE_LABELS[item.state], style=_STATE_STYLES[item.state]),
                    Text(
                        answer_text(question, dossier.answer(item.key)),
                        overflow="ellipsis",
                        no_wrap=True,
                    ),
                    key=item.key,
                )
        table.focus()
        self._show_detail(None)

    # --- the highlighted line -------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#review-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if key is not None and key in self._groups:
            group = self._groups[key]
            title = f"{group.number}. {group.title}" if group.number else group.title
            lines = [title, group.note] if group.note else [title]
            self.query_one("#review-detail", Static).update(Content("\n".join(lines)))
        else:
            self._show_detail(self._rows.get(key) if key is not None else None)

    def _show_detail(self, item: ReviewItem | None) -> None:
        detail = self.query_one("#review-detail", Static)
        if item is None:
            detail.update(Content("Entrée : aller à la question pour la modifier."))
            return
        if item.question is None:
            detail.update(
                Content(
                    f"La question « {item.key} » n'existe plus dans la check-list. La réponse "
                    "est conservée et figure en annexe du dossier exporté."
                )
            )
            return
        lines = [item.question.text]
        if item.reason:
            lines.append(item.reason)
        note = self.session.dossier.answer(item.key).note.strip()
        if note:
            lines.append(f"Note : {note.splitlines()[0]}")
        detail.update(Content("\n".join(lines)))

    @on(DataTable.RowSelected, "#review-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is None:
            return
        self.edit(self._rows.get(key))

    def edit(self, item: ReviewItem | None) -> None:
        """Go to the question of ``item`` (or the one that hides it) on the walk screen."""
        if item is None or item.target is None:
            if item is not None and item.question is None:
                message = "Cette question a été retirée de la check-list : rien à modifier."
            else:
                message = "Aucune question affichée ne correspond à cette réponse."
            self.notify(message, severity="warning")
            return
        if item.state == "masquee" and item.reason:
            self.notify(item.reason, title="Question masquée", markup=False)
        self.post_message(JumpToQuestion(self.session.path, item.target))

    # --- actions --------------------------------------------------------------------------

    def action_toggle_filter(self) -> None:
        self.only_to_check = not self.only_to_check
        self.notify(
            "Seuls les points à revoir sont affichés."
            if self.only_to_check
            else "Toutes les réponses sont affichées.",
            timeout=3,
        )

    def action_back(self) -> None:
        self.dismiss(None)
