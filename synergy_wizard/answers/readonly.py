"""Showing a dossier that must not be changed: written by a newer version, or open elsewhere.

A dossier of a newer format may hold keys this version does not know. It is read leniently,
for display only: the unknown keys are set aside (and listed) and the rest is validated as
usual. The result is a :class:`ReadOnlyDossier`, never saved: :func:`save_dossier` refuses
to replace a newer file anyway.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from synergy_wizard.answers.fileformat import (
    NewerFormatError,
    parse_dossier,
    read_dossier_bytes,
)
from synergy_wizard.answers.messages import validation_problems
from synergy_wizard.answers.model import (
    FORMAT_VERSION,
    Answer,
    ChecklistStamp,
    Dossier,
    ProjectInfo,
)
from synergy_wizard.errors import DossierError
from synergy_wizard.safe_yaml import YamlError, parse_yaml

__all__ = ["ReadOnlyDossier", "load_dossier_read_only"]


@dataclass(frozen=True)
class ReadOnlyDossier:
    """A dossier to look at, not to edit: its content and why it is read-only."""

    dossier: Dossier
    path: Path
    reason: str
    """Why it is read-only (French sentence)."""
    file_format: int
    """The format number found in the file."""
    ignored_keys: tuple[str, ...] = ()
    """Keys of a newer format this version cannot show (dotted paths)."""


def load_dossier_read_only(path: Path, *, reason: str = "") -> ReadOnlyDossier:
    """Read the dossier at ``path`` for display only, even when its format is newer.

    ``reason`` explains why it is read-only (for a dossier open in another window, say); for
    a newer format it is written here. Raises :class:`DossierError` when the file is damaged.
    """
    raw = read_dossier_bytes(path)
    try:
        dossier = parse_dossier(raw, path)
    except NewerFormatError as error:
        return _newer(raw, path, error)
    return ReadOnlyDossier(
        dossier, path, reason or "Dossier ouvert en lecture seule.", dossier.format
    )


def _newer(raw: bytes, path: Path, error: NewerFormatError) -> ReadOnlyDossier:
    try:
        document = parse_yaml(raw, path)
    except YamlError as exc:  # pragma: no cover - parse_dossier read it already
        raise DossierError(exc.problems) from None
    data = document.data
    assert isinstance(data, dict)  # parse_dossier checked it before looking at the format
    ignored: list[str] = []
    known = _keep_known(data, Dossier, (), ignored)
    known["format"] = FORMAT_VERSION
    if known.get("reponses", {}) is None:
        known["reponses"] = {}
    try:
        dossier = Dossier.model_validate(known)
    except ValidationError as exc:
        raise DossierError(validation_problems(exc.errors(), document, path)) from None
    reason = (
        f"Ce dossier a été écrit par une version plus récente de synergy-wizard (format "
        f"{error.found}). Il est ouvert en lecture seule : mettez le programme à jour pour le "
        "modifier."
    )
    if ignored:
        reason += " Certaines informations ne peuvent pas être affichées : " + ", ".join(
            f"« {key} »" for key in ignored
        )
        reason += "."
    return ReadOnlyDossier(dossier, path, reason, error.found, tuple(ignored))


_NESTED: dict[str, type[BaseModel]] = {"projet": ProjectInfo, "checklist": ChecklistStamp}


def _aliases(model: type[BaseModel]) -> set[str]:
    return {field.alias or name for name, field in model.model_fields.items()}


def _keep_known(
    data: Mapping[str, object], model: type[BaseModel], where: tuple[str, ...], ignored: list[str]
) -> dict[str, object]:
    """``data`` without the keys ``model`` does not know (recorded in ``ignored``)."""
    allowed = _aliases(model)
    kept: dict[str, object] = {}
    for key, value in data.items():
        if key not in allowed:
            ignored.append(".".join((*where, key)))
            continue
        if model is Dossier and key in _NESTED and isinstance(value, dict):
            value = _keep_known(value, _NESTED[key], (key,), ignored)
        elif model is Dossier and key == "reponses" and isinstance(value, dict):
            value = {
                question: _keep_known(answer, Answer, (key, question), ignored)
                if isinstance(answer, dict)
                else answer
                for question, answer in value.items()
            }
        kept[key] = value
    return kept
