"""Exporting the open dossier in every format the renderer supports, next to the dossier file.

The dialog offers each format and each content mode of :mod:`synergy_wizard.render`; the file
is written in a background thread (a PDF takes a few seconds), then its full path is shown
and, when asked, it is opened with the usual program of the computer.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, OptionList, Static
from textual.widgets.option_list import Option

from synergy_wizard.errors import SynergyError
from synergy_wizard.render import (
    FORMAT_LABELS,
    FORMAT_SHORT_LABELS,
    FORMATS,
    MODE_DESCRIPTIONS,
    MODE_LABELS,
    MODES,
    Format,
    Mode,
    default_output_name,
    write_dossier,
)
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.opener import OpenFailed, open_file
from synergy_wizard.tui.screens.dialogs import ErrorDialog
from synergy_wizard.tui.session import DossierSession
from synergy_wizard.tui.settings import PreferencesHolder
from synergy_wizard.tui.widgets.footer import WizardFooter

__all__ = ["ExportScreen", "export_now", "export_output", "report_export"]


def export_output(session: DossierSession, fmt: Format, mode: Mode = "concis") -> Path:
    """Where the export of ``session`` in ``fmt`` and ``mode`` is written (next to the dossier)."""
    return session.path.with_name(default_output_name(session.path, fmt, mode)).absolute()


def export_now(session: DossierSession, fmt: Format, mode: Mode = "concis") -> Path:
    """Write the export now and return its path. Raises SynergyError (French)."""
    return write_dossier(session.checklist, session.dossier, fmt, export_output(session, fmt, mode))


def report_export(app: App[object], path: Path, fmt: Format, *, open_it: bool) -> None:
    """Tell where the export is (full path) and open it when asked."""
    app.notify(
        f"Dossier exporté en {FORMAT_SHORT_LABELS.get(fmt, fmt)} :\n{path}",
        title="Export terminé",
        timeout=15,
        markup=False,
    )
    if open_it:
        try:
            open_file(path)
        except OpenFailed as failure:
            app.notify(str(failure), title="Ouverture impossible", severity="warning", timeout=15)


class ExportScreen(Guarded, ModalScreen[Path | None]):
    """Choose a format and a content, then export; dismissed with the file written, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuler", id="export.cancel"),
        Binding("ctrl+s", "export", "Exporter", id="export.export"),
    ]

    def __init__(self, session: DossierSession, *, open_after: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session
        self.open_after = open_after
        self._busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static("Exporter le dossier", classes="dialog-title")
            with Horizontal(id="export-choices"):
                with Vertical(id="export-formats-box"):
                    yield Static("Format", classes="field-label")
                    yield OptionList(
                        *(Option(Content(FORMAT_SHORT_LABELS.get(f, f)), id=f) for f in FORMATS),
                        id="export-formats",
                        markup=False,
                    )
                with Vertical(id="export-modes-box"):
                    yield Static("Contenu", classes="field-label")
                    yield OptionList(
                        *(Option(Content(MODE_LABELS.get(m, m)), id=m) for m in MODES),
                        id="export-modes",
                        markup=False,
                    )
            yield Static(id="export-mode-help", classes="muted")
            yield Static(id="export-target")
            yield Checkbox(
                "Ouvrir le fichier une fois exporté",
                self.open_after,
                id="export-open",
                compact=True,
            )
            yield Static(id="export-status", classes="muted")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Exporter", id="export", variant="primary", compact=True)
                yield Button("Annuler", id="cancel", compact=True)
        yield WizardFooter()

    def on_mount(self) -> None:
        formats = self.query_one("#export-formats", OptionList)
        formats.highlighted = 0
        self.query_one("#export-modes", OptionList).highlighted = 0
        formats.focus()
        self._show_target()

    # --- choice -------------------------------------------------------------------------

    @property
    def chosen_format(self) -> Format:
        index = self.query_one("#export-formats", OptionList).highlighted or 0
        return FORMATS[index]

    @property
    def chosen_mode(self) -> Mode:
        index = self.query_one("#export-modes", OptionList).highlighted or 0
        return MODES[index]

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_target()

    def _show_target(self) -> None:
        fmt, mode = self.chosen_format, self.chosen_mode
        lines = [FORMAT_LABELS.get(fmt, fmt)]
        if MODE_DESCRIPTIONS.get(mode):
            lines.append(f"{MODE_LABELS.get(mode, mode)} : {MODE_DESCRIPTIONS[mode]}")
        self.query_one("#export-mode-help", Static).update(Content("\n".join(lines)))
        name = default_output_name(self.session.path, fmt, mode)
        target = self.session.path.with_name(name)
        self.query_one("#export-target", Static).update(Content(f"Fichier : {target}"))

    @on(OptionList.OptionSelected, "#export-formats")
    def _format_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#export-modes", OptionList).focus()

    @on(OptionList.OptionSelected, "#export-modes")
    def _mode_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#export")
    def _export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    # --- export -------------------------------------------------------------------------

    def action_export(self) -> None:
        if self._busy:
            return
        self._busy = True
        open_it = self.query_one("#export-open", Checkbox).value
        app = self.app
        if isinstance(app, PreferencesHolder):
            app.remember(open_after_export=open_it)
        self.query_one("#export", Button).disabled = True
        self._set_status("Export en cours…")
        self._export(self.chosen_format, self.chosen_mode, open_it)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fmt: Format, mode: Mode, open_it: bool) -> None:
        session = self.session
        output = export_output(session, fmt, mode)

        def progress(message: str) -> None:
            self.app.call_from_thread(self._set_status, message)

        try:
            path = write_dossier(
                session.checklist, session.dossier, fmt, output, mode=mode, progress=progress
            )
        except SynergyError as error:
            self.app.call_from_thread(self._failed, error)
            return
        self.app.call_from_thread(self._done, path, fmt, open_it)

    def _set_status(self, message: str) -> None:
        self.query_one("#export-status", Static).update(Content(message))

    def _done(self, path: Path, fmt: Format, open_it: bool) -> None:
        report_export(self.app, path, fmt, open_it=open_it)
        self.dismiss(path)

    def _failed(self, error: SynergyError) -> None:
        self._busy = False
        self.query_one("#export", Button).disabled = False
        self._set_status("")
        self.app.push_screen(ErrorDialog.for_error(error))

    def action_cancel(self) -> None:
        if not self._busy:
            self.dismiss(None)
