"""Review checklist files: everything the loader checks, plus what the content means.

``synergy-wizard lint`` runs :func:`lint_paths`. A file that does not load is reported with
the loader's problems (all errors). A file that loads is then reviewed in one pass:

* conditions and repeats (:mod:`lint_refs`): questions or sections that can never be shown,
  conditions on questions of a repeated section, conditions on questions asked later;
* wording (:mod:`lint_content`): missing help, acronyms missing from the glossary, long
  sentences, repeated texts, statut questions not put as questions;
* versions (:mod:`lint_versions`): former ids claimed twice, the changelog.

Every finding is a :class:`~synergy_wizard.errors.Problem` with a place in the file, a
severity (``erreur`` or ``avertissement``), a stable code, a French message and, where
possible, a hint.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from synergy_wizard.checklist.lint_base import ERROR, WARNING, LintContext
from synergy_wizard.checklist.lint_content import check_content
from synergy_wizard.checklist.lint_refs import check_references
from synergy_wizard.checklist.lint_versions import check_versions
from synergy_wizard.checklist.loader import load_checklist_document
from synergy_wizard.errors import ChecklistError, Problem

__all__ = ["ERROR", "WARNING", "LintReport", "lint_file", "lint_paths"]

EXIT_CLEAN = 0
EXIT_WARNINGS = 1
EXIT_ERRORS = 2

_YAML_CODE = "yaml-invalide"
"""The code of problems found while reading the YAML itself (syntax, encoding...)."""


def lint_file(path: Path) -> list[Problem]:
    """Every problem of one checklist file, sorted by position. Raises NotFoundError when the
    file does not exist."""
    try:
        checklist, document = load_checklist_document(path)
    except ChecklistError as error:
        return [replace(p, severity=ERROR, code=p.code or _YAML_CODE) for p in error.problems]
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        text = ""  # the file went away since it was loaded: point at nodes, not inside texts
    context = LintContext(path, checklist, document, text)
    check_references(context)
    check_content(context)
    check_versions(context)
    return sorted(
        context.problems,
        key=lambda p: (p.location.line, p.location.column, p.severity != ERROR, p.code),
    )


@dataclass(frozen=True)
class LintReport:
    """The findings of a lint run over some files."""

    files: tuple[Path, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity != ERROR)

    @property
    def exit_code(self) -> int:
        """0 when clean, 1 with warnings only, 2 with at least one error."""
        if self.errors:
            return EXIT_ERRORS
        return EXIT_WARNINGS if self.warnings else EXIT_CLEAN

    def summary(self) -> str:
        """One French line: how many errors and warnings, in how many files."""
        checked = _count(len(self.files), "fichier vérifié", "fichiers vérifiés")
        if not self.problems:
            return f"{checked} : aucun problème."
        parts = []
        if self.errors:
            parts.append(_count(self.errors, "erreur", "erreurs"))
        if self.warnings:
            parts.append(_count(self.warnings, "avertissement", "avertissements"))
        touched = len({p.location.path for p in self.problems})
        return f"{' et '.join(parts)} dans {touched} fichier(s) sur {len(self.files)}."

    def to_text(self) -> str:
        """Each finding as ``fichier:ligne:col: gravité : message [code]`` and its hint, then
        the summary line."""
        lines: list[str] = []
        for problem in self.problems:
            lines.append(
                f"{problem.location}: {problem.severity} : {problem.message} [{problem.code}]"
            )
            if problem.hint:
                lines.append(f"    → {problem.hint}")
        lines.append(self.summary())
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        """A JSON list of {file, line, column, severity, code, message, hint}, for tools."""
        items = [
            {
                "file": str(p.location.path),
                "line": p.location.line,
                "column": p.location.column,
                "severity": p.severity,
                "code": p.code,
                "message": p.message,
                "hint": p.hint,
            }
            for p in self.problems
        ]
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def lint_paths(paths: Sequence[Path]) -> LintReport:
    """Lint every file of ``paths``, in order."""
    problems: list[Problem] = []
    for path in paths:
        problems.extend(lint_file(path))
    return LintReport(tuple(paths), tuple(problems))


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"
