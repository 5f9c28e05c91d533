"""One error hierarchy for the whole program.

Every error a user can meet carries a French message and, where it makes sense, the place
(file, line, column) it refers to. The command line prints them to stderr and exits with
status 2; the wizard shows them in a dialog. Nothing here imports anything heavy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file. ``line`` and ``column`` are 1-based; 0 means unknown."""

    path: Path
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column or 1}"
        return str(self.path)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a file, in French, with where it is and, if possible, how to fix it."""

    location: Location
    message: str
    hint: str = ""
    severity: str = "erreur"
    code: str = ""
    """A stable name for the kind of problem (``cle-inconnue``...), for tools; may be empty."""

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity} : {self.message}"
        if self.hint:
            text += f"\n    → {self.hint}"
        return text


class SynergyError(Exception):
    """Base of every error the program reports to the user (message in French)."""

    title = "Erreur"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n→ {self.hint}"
        return self.message


class ProblemsError(SynergyError):
    """An error made of located problems: all the problems of a file, not only the first."""

    def __init__(self, problems: list[Problem], summary: str) -> None:
        super().__init__(summary)
        self.problems = list(problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class ChecklistError(ProblemsError):
    """A checklist file cannot be loaded: syntax, structure or content."""

    title = "Check-list invalide"

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        plural = "s" if count > 1 else ""
        super().__init__(problems, f"{count} problème{plural} dans la check-list")


class DossierError(ProblemsError):
    """A dossier (answers file) cannot be read, or does not fit its checklist."""

    title = "Dossier illisible"

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        plural = "s" if count > 1 else ""
        super().__init__(problems, f"{count} problème{plural} dans le dossier")


class StorageError(SynergyError):
    """A dossier cannot be written (disk full, permissions, vanished folder...)."""

    title = "Enregistrement impossible"


class TemplateError(SynergyError):
    """A dossier template is broken (syntax error, unknown name...)."""

    title = "Modèle de dossier invalide"


class NotFoundError(SynergyError):
    """Something the user named does not exist (checklist id, dossier file...)."""

    title = "Introuvable"
