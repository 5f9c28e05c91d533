"""French texts the walk screen shows about its dossier, besides the questions themselves:
answers kept out of sight, why the dossier is read-only, what a save did besides saving."""

from __future__ import annotations

from synergy_wizard.answers.recovery import SaveResult
from synergy_wizard.render.french import plural
from synergy_wizard.tui.session import DossierSession

__all__ = ["kept_answers_notice", "read_only_banner", "save_warnings"]


def kept_answers_notice(hidden: int, orphans: int) -> str:
    """« 2 réponses conservées pour des questions masquées », and the same for orphans."""
    lines = []
    if hidden:
        lines.append(
            plural(
                hidden,
                "1 réponse conservée pour une question masquée",
                f"{hidden} réponses conservées pour des questions masquées",
            )
        )
    if orphans:
        lines.append(
            plural(
                orphans,
                "1 réponse conservée pour une question retirée de la check-list",
                f"{orphans} réponses conservées pour des questions retirées de la check-list",
            )
        )
    return "\n".join(lines)


def read_only_banner(session: DossierSession) -> str:
    """Why the dossier is shown read-only, and that nothing will be saved."""
    return f"Lecture seule : aucune modification ne sera enregistrée.\n{session.read_only_reason}"


def save_warnings(result: SaveResult) -> tuple[str, str]:
    """What to tell after a save that went through: a damaged file found on disk and kept
    aside, and a backup that could not be made (each "" when there is nothing to say)."""
    kept_aside = ""
    if result.kept_aside is not None:
        kept_aside = (
            "Le fichier du dossier avait été abîmé sur le disque. Il est gardé tel quel sous "
            f"« {result.kept_aside.name} », et vos réponses ont été enregistrées à sa place."
        )
    backup_failed = ""
    if result.backup_error is not None:
        backup_failed = (
            "Vos réponses sont enregistrées, mais la copie de sauvegarde du dossier n'a pas "
            f"pu être faite : {result.backup_error.message}"
        )
    return kept_aside, backup_failed
