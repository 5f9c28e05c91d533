"""Unexpected errors in the wizard: the operation stops, the program goes on.

Textual ends the whole application on any unhandled error, and a handler that raises also
stops its widget or screen from handling anything afterwards. The wizard catches such errors
where they start instead — in every action (:meth:`.unexpected.GuardedApp.run_action`) and in the
message handlers of its own screens and widgets (:class:`Guarded`) — and hands them to the
application, which saves what is pending, writes a log without any answer text and shows an
error dialog; the user then goes on working.

For developers: with ``SYNERGY_WIZARD_RAISE_ERRORS=1`` in the environment, errors are not
caught here, so Textual's own handling (and the test runner) sees them. The test suite sets it,
so a bug never hides behind a dialog in a test.
"""

from __future__ import annotations

import os
from typing import Protocol, runtime_checkable

from textual.message import Message
from textual.message_pump import MessagePump

RAISE_ERRORS_ENV = "SYNERGY_WIZARD_RAISE_ERRORS"
"""Set to 1 to let unexpected errors through to Textual (development and tests)."""


def catching_errors() -> bool:
    """Whether unexpected errors are caught (every normal use), or let through to Textual."""
    return os.environ.get(RAISE_ERRORS_ENV, "") not in ("1", "oui", "yes", "true")


@runtime_checkable
class ErrorReporter(Protocol):
    """The application, which knows what to do with an unexpected error."""

    def report_unexpected_error(self, error: Exception) -> None:
        """Save what is pending, log ``error`` without answer text, tell the user."""


class Guarded(MessagePump):
    """Mixin for the wizard's screens and widgets: an error in one of their handlers stops
    that handler only, not the screen nor the program."""

    async def _on_message(self, message: Message) -> None:
        try:
            await super()._on_message(message)
        except Exception as error:
            app = self.app
            if not catching_errors() or not isinstance(app, ErrorReporter):
                raise
            app.report_unexpected_error(error)
