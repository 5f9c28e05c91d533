"""Dossiers: the answers of one project to one checklist, and their safe storage."""

from synergy_wizard.answers.model import Answer, ChecklistStamp, Dossier, ProjectInfo

__all__ = ["Answer", "ChecklistStamp", "Dossier", "ProjectInfo"]
