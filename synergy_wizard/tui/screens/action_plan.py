"""The action plan: every open point and every follow-up, with owner, deadline and priority.

This is what the director-general brings to the comité de concertation. It can be sorted by
deadline, priority, owner or section (keys 1 to 4); overdue deadlines are flagged. Enter leads
to the question on the walk screen; E exports the dossier, whose action plan is part of it.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from synergy_wizard.answers.action_plan import (
    SORT_KEYS,
    SORT_LABELS,
    ActionItem,
    SortKey,
    build_action_plan,
    sort_action_plan,
)
from synergy_wizard.answers.model import PRIORITY_LABELS
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.render.french import plural
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.messages import JumpToQuestion
from synergy_wizard.tui.screens.review import answer_text
from synergy_wizard.tui.session import DossierSession
from synergy_wizard.tui.widgets.footer import WizardFooter

__all__ = ["ActionPlanScreen", "ActionPlanTable"]

_SORT_GROUP = Binding.Group("Trier")
OVERDUE_MARK = "⚠"


def deadline_text(item: ActionItem, today: date) -> Text:
    """« 14/03/2026 », marked and bold when overdue."""
    if item.deadline is None:
        return Text("—")
    text = f"{item.deadline:%d/%m/%Y}"
    if item.overdue(today):
        return Text(f"{OVERDUE_MARK} {text}", style="bold")
    return Text(f"  {text}")


class ActionPlanTable(Guarded, DataTable[Text]):
    """One row per point to follow; Enter goes to the question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Modifier", id="plan.edit"),
    ]


class ActionPlanScreen(Guarded, Screen[None]):
    """Open points and follow-ups of one dossier, sortable."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(number),
                f"sort('{key}')",
                f"Trier par {SORT_LABELS[key]}",
                group=_SORT_GROUP,
                id=f"plan.sort-{key}",
            )
            for number, key in enumerate(SORT_KEYS, start=1)
        ),
        Binding("e", "app.export_dossier", "Exporter", id="plan.export"),
        Binding("escape", "back", "Retour", id="plan.back"),
    ]

    sort_key: reactive[SortKey] = reactive[SortKey]("echeance")

    def __init__(self, session: DossierSession, *, today: date | None = None) -> None:
        super().__init__(classes="action-plan-screen")
        self.session = session
        self.today = today or date.today()
        self.sub_title = f"Plan d'action — {session.dossier.project.name}"
        self.items = build_action_plan(build_plan(session.checklist, session.dossier))
        self._by_key: dict[str, ActionItem] = {item.key: item for item in self.items}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="plan-head")
        yield ActionPlanTable(id="plan-table", cursor_type="row", zebra_stripes=True)
        yield Static(
            Content(
                "Aucun point à suivre : aucune réponse « non », « partiellement » ou "
                "« à vérifier », et aucun responsable ni échéance n'a été fixé."
            ),
            id="plan-empty",
        )
        yield Static(id="plan-detail", classes="muted")
        yield WizardFooter()

    def on_mount(self) -> None:
        self.set_class(not self.items, "-empty")
        self._fill()

    def watch_sort_key(self) -> None:
        if self.is_mounted:
            self._fill()

    @property
    def sorted_items(self) -> list[ActionItem]:
        """The items in the order shown."""
        return sort_action_plan(self.items, self.sort_key)

    def _head(self) -> str:
        count = len(self.items)
        overdue = sum(1 for item in self.items if item.overdue(self.today))
        line = f"{count} {plural(count, 'point', 'points')} au plan d'action"
        if overdue:
            line += f" · {OVERDUE_MARK} {overdue} en retard"
        keys = " · ".join(
            f"{number} {SORT_LABELS[key]}" + (" ✓" if key == self.sort_key else "")
            for number, key in enumerate(SORT_KEYS, start=1)
        )
        return f"{line}\nTrier : {keys}"

    def _fill(self) -> None:
        self.query_one("#plan-head", Static).update(Content(self._head()))
        table = self.query_one(ActionPlanTable)
        table.clear(columns=True)
        wide = self.app.size.width >= 120
        owner_width = 20 if wide else 12
        state_width = 16 if wide else 10
        question_width = max(18, self.app.size.width - owner_width - state_width - 45)
        table.add_column("N°", width=4, key="number")
        table.add_column("Question", width=question_width, key="question")
        table.add_column("Réponse", width=state_width, key="answer")
        table.add_column("Responsable", width=owner_width, key="owner")
        table.add_column("Échéance", width=12, key="deadline")
        table.add_column("Priorité", width=8, key="priority")
        for item in self.sorted_items:
            answer = answer_text(item.question, item.answer) or "Sans réponse"
            table.add_row(
                Text(item.number),
                Text(item.question.text, overflow="ellipsis", no_wrap=True),
                Text(answer, style="bold" if item.open_point else "", overflow="ellipsis"),
                Text(item.owner or "à désigner", overflow="ellipsis", no_wrap=True),
                deadline_text(item, self.today),
                Text(PRIORITY_LABELS.get(item.priority or "", "—")),
                key=item.key,
            )
        table.disabled = not self.items
        if self.items:
            table.focus()
            self._show_detail(self.sorted_items[0])
        else:
            self._show_detail(None)

    @on(DataTable.RowHighlighted, "#plan-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        self._show_detail(self._by_key.get(key) if key is not None else None)

    def _show_detail(self, item: ActionItem | None) -> None:
        detail = self.query_one("#plan-detail", Static)
        if item is None:
            detail.update("")
            return
        lines = [f"{item.number} {item.question.text} ({item.section_title})"]
        if item.overdue(self.today):
            lines.append(f"{OVERDUE_MARK} En retard : l'échéance est dépassée.")
        note = item.answer.note.strip()
        if note:
            lines.append(f"Note : {note.splitlines()[0]}")
        detail.update(Content("\n".join(lines)))

    @on(DataTable.RowSelected, "#plan-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is not None and key in self._by_key:
            self.post_message(JumpToQuestion(self.session.path, key))

    def action_sort(self, key: str) -> None:
        for candidate in SORT_KEYS:
            if candidate == key:
                self.sort_key = candidate

    def action_back(self) -> None:
        self.dismiss(None)
