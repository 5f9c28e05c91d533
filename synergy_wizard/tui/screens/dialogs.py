"""Small modal screens: the error dialog, the confirmation, the offer to restore a damaged
dossier's backup, the « terminal too small » notice."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from synergy_wizard.errors import SynergyError
from synergy_wizard.tui.guard import Guarded

if TYPE_CHECKING:
    from synergy_wizard.answers.recovery import Recovery
from synergy_wizard.tui.widgets.footer import WizardFooter


class ErrorDialog(Guarded, ModalScreen[None]):
    """A runtime failure explained in French: a title, a message, a « Fermer » button."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Fermer", id="dialog.close"),
    ]

    DIALOG_CLASSES = "dialog -error"

    def __init__(self, title: str, message: str) -> None:
        super().__init__(classes="dialog-screen")
        self.error_title = title
        self.error_message = message

    @classmethod
    def for_error(cls, error: SynergyError) -> ErrorDialog:
        """The dialog for one of the program's errors (its French title and message)."""
        return cls(error.title, str(error))

    def compose(self) -> ComposeResult:
        with Vertical(id="error-dialog", classes=self.DIALOG_CLASSES):
            yield Static(Content(self.error_title), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(Content(self.error_message), id="error-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Fermer", id="close", variant="primary")
        yield WizardFooter()

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)


class NoticeDialog(ErrorDialog):
    """Something the user must know before going on (not an error), to acknowledge."""

    DIALOG_CLASSES = "dialog -notice"


class ConfirmDialog(Guarded, ModalScreen[bool]):
    """Ask before doing something: dismissed with True to go ahead, False to cancel.

    « Annuler » has the focus, so Enter pressed by habit never confirms by mistake.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuler", id="confirm.cancel"),
    ]

    DIALOG_CLASSES = "dialog -notice"

    def __init__(self, title: str, message: str, confirm_label: str) -> None:
        super().__init__(classes="dialog-screen")
        self.confirm_title = title
        self.confirm_message = message
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes=self.DIALOG_CLASSES):
            yield Static(Content(self.confirm_title), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(Content(self.confirm_message), id="confirm-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm_label, id="confirm", variant="warning")
                yield Button("Annuler", id="cancel", variant="primary")
        yield WizardFooter()

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_cancel(self) -> None:
        self.dismiss(False)


class RecoveryDialog(ConfirmDialog):
    """A dossier that cannot be opened, with a good backup: restore it (True) or cancel.

    The message says what is wrong (line and column) and what the backup holds; the damaged
    file is kept aside when the backup is restored.
    """

    DIALOG_CLASSES = "dialog -error"
    RESTORE_LABEL = "Restaurer la dernière sauvegarde"

    def __init__(self, recovery: Recovery) -> None:
        super().__init__(recovery.title, recovery.message(), self.RESTORE_LABEL)
        self.recovery = recovery


class TooSmallScreen(Guarded, ModalScreen[None]):
    """Shown over everything while the terminal is smaller than the wizard needs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.bell", show=False),
    ]

    def __init__(self, min_width: int, min_height: int) -> None:
        super().__init__(classes="too-small-screen")
        self.min_width = min_width
        self.min_height = min_height

    def compose(self) -> ComposeResult:
        with Vertical(id="too-small", classes="dialog"):
            yield Static("Fenêtre trop petite", classes="dialog-title")
            yield Static(id="too-small-message")
        yield WizardFooter()

    def on_mount(self) -> None:
        self.update_size(self.app.size.width, self.app.size.height)

    def update_size(self, width: int, height: int) -> None:
        """Say how big the terminal is now, and how big it must be."""
        self.query_one("#too-small-message", Static).update(
            Content(
                f"Agrandissez la fenêtre du terminal : il faut au moins {self.min_width} "
                f"colonnes sur {self.min_height} lignes (actuellement {width} × {height}).\n\n"
                "Vos réponses sont déjà enregistrées ; rien n'est perdu. "
                "Ctrl+Q pour quitter."
            )
        )
