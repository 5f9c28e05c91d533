"""Lint checks on versions: the changelog and the former ids that carry old answers over."""

from __future__ import annotations

from synergy_wizard.checklist.lint_base import LintContext, Loc

__all__ = ["check_versions"]


def check_versions(context: LintContext) -> None:
    """Report former ids claimed twice and a changelog that does not tell the current version."""
    _check_former_ids(context)
    _check_changelog(context)


def _check_former_ids(context: LintContext) -> None:
    owners: dict[str, tuple[str, Loc]] = {}
    for loc, _, question in context.questions():
        for index, former in enumerate(question.former_ids):
            where = (*loc, "anciens_ids", index)
            first = owners.get(former)
            if first is None:
                owners[former] = (question.id, where)
                continue
            owner, first_loc = first
            line = context.line_of(first_loc)
            place = (
                f"deux fois dans la question « {owner} »"
                if owner == question.id
                else f"aussi dans la question « {owner} »"
            )
            context.error(
                where,
                "ancien-id-en-double",
                f"l'ancien identifiant « {former} » figure {place} (ligne {line})",
                "les réponses données sous un ancien identifiant ne peuvent être reprises que "
                "par une seule question : gardez-le dans une seule liste « anciens_ids »",
            )


def _numbers(version: str) -> tuple[int, ...]:
    parts = tuple(int(part) for part in version.split("."))
    return parts + (0,) * (3 - len(parts))


def _check_changelog(context: LintContext) -> None:
    checklist = context.checklist
    entries = checklist.changelog
    if not entries:
        return
    versions = [_numbers(entry.version) for entry in entries]
    current = _numbers(checklist.version)
    if current not in versions:
        context.warning(
            ("historique",),
            "historique-incomplet",
            f"la version « {checklist.version} » n'est pas décrite dans « historique »",
            f'ajoutez en tête de l\'historique une entrée « - version: "{checklist.version}" » '
            "avec sa date et ses changements",
        )
    for index in range(1, len(entries)):
        newer, older = entries[index - 1], entries[index]
        if versions[index] == versions[index - 1]:
            message = f"la version « {older.version} » figure deux fois dans « historique »"
        elif versions[index] > versions[index - 1]:
            message = (
                f"la version « {older.version} » est placée après la version "
                f"« {newer.version} », qui est plus ancienne"
            )
        elif older.date > newer.date:
            message = (
                f"la version « {older.version} » est datée du {older.date:%Y-%m-%d}, après la "
                f"version « {newer.version} » ({newer.date:%Y-%m-%d}) qui la suit"
            )
        else:
            continue
        context.warning(
            ("historique", index, "version"),
            "historique-desordonne",
            message,
            "l'historique va de la plus récente à la plus ancienne version, une entrée par "
            "version ; vérifiez les numéros et les dates",
        )
