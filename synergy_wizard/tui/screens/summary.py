"""The summary of a dossier: progress per section and totals; from here, the review, the
action plan and the export.

Dismissed with the index of a section to jump to (Enter on its row), or None.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from synergy_wizard.answers.plan import build_plan
from synergy_wizard.answers.progress import progress_of
from synergy_wizard.errors import SynergyError
from synergy_wizard.render import Format
from synergy_wizard.render.french import plural
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.screens.dialogs import ErrorDialog
from synergy_wizard.tui.screens.export import export_now, report_export
from synergy_wizard.tui.session import DossierSession
from synergy_wizard.tui.settings import PreferencesHolder
from synergy_wizard.tui.widgets.footer import WizardFooter


def _required_left(count: int) -> str:
    what = plural(count, "question obligatoire", "questions obligatoires")
    return f"{count} {what} sans réponse"


class SummaryTable(Guarded, DataTable[Text]):
    """The table of sections; Enter opens the highlighted section."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Ouvrir", id="summary.open"),
    ]


class SummaryScreen(Guarded, Screen[int | None]):
    """Where the dossier stands, and its export."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "app.review", "Revue", id="summary.review"),
        Binding("p", "app.action_plan", "Plan d'action", id="summary.action_plan"),
        Binding("e", "app.export_dossier", "Exporter", id="summary.export"),
        Binding("h", "export('html')", "Exporter en HTML", show=False, id="summary.html"),
        Binding("m", "export('md')", "Exporter en Markdown", show=False, id="summary.md"),
        Binding("escape", "back", "Retour", id="summary.back"),
    ]

    def __init__(self, session: DossierSession) -> None:
        super().__init__(classes="summary-screen")
        self.session = session
        self.sub_title = f"Résumé — {session.dossier.project.name}"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary-head")
        yield SummaryTable(id="summary-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="summary-folder", classes="muted")
        yield WizardFooter()

    def on_mount(self) -> None:
        session = self.session
        checklist = session.checklist
        dossier = session.dossier
        plan = build_plan(checklist, dossier)
        progress = progress_of(plan)
        required_left = sum(
            1
            for slot in plan.visible_slots
            if slot.question.required and not dossier.answer(slot.key).is_answered
        )
        head = [
            f"{dossier.project.name} — {checklist.title} (version {checklist.version})",
            f"{progress.answered}/{progress.total} "
            f"{plural(progress.answered, 'réponse', 'réponses')} ({progress.percent} %) · "
            f"{progress.open_points} {plural(progress.open_points, 'point', 'points')} à suivre"
            + (f" · {_required_left(required_left)}" if required_left else ""),
        ]
        project = dossier.project
        people = " · ".join(
            part for part in (project.cpas, project.partner, project.author) if part
        )
        if people:
            head.insert(1, people)
        self.query_one("#summary-head", Static).update(Content("\n".join(head)))
        self.query_one("#summary-folder", Static).update(
            Content(
                "Entrée sur une section : y aller.\n"
                f"Les exports sont écrits à côté du dossier : {session.path.parent}"
            )
        )

        table = self.query_one(SummaryTable)
        title_width = max(16, self.app.size.width - 46)
        table.add_column("Section", width=title_width, key="section")
        table.add_column("Répondues", key="answered")
        table.add_column("À suivre", key="open")
        table.add_column("État", key="state")
        for number, section in enumerate(progress.sections, start=1):
            table.add_row(
                Text(f"{number}. {section.title}", overflow="ellipsis", no_wrap=True),
                Text(f"{section.answered}/{section.total}", justify="right"),
                Text(str(section.open_points), justify="right"),
                Text(section.state),
                key=str(number - 1),
            )
        table.add_row(
            Text("Total", style="bold"),
            Text(f"{progress.answered}/{progress.total}", style="bold", justify="right"),
            Text(str(progress.open_points), style="bold", justify="right"),
            Text(f"{progress.percent} %", style="bold"),
            key="total",
        )
        table.focus()

    @on(DataTable.RowSelected, "#summary-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is not None and key.isdigit():
            self.dismiss(int(key))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export(self, fmt: Format) -> None:
        """Write the dossier next to its file at once, in ``fmt`` (the quick H and M keys)."""
        try:
            written = export_now(self.session, fmt)
        except SynergyError as error:
            self.app.push_screen(ErrorDialog.for_error(error))
            return
        app = self.app
        open_it = isinstance(app, PreferencesHolder) and app.preferences.open_after_export
        report_export(self.app, written, fmt, open_it=open_it)
