"""The dossier file format: human-readable YAML with French keys, read strictly.

Writing: :func:`dump_dossier` produces YAML that a person can read and, with care, edit:
model order, accents kept, multi-line notes as ``|`` blocks, long lines never folded, and
every text that a YAML reader could take for something else (``NO``, ``1.10``, ``010``,
``2024-02-30``, ``null``...) put between quotes. The output is checked by reading it back;
should the readable form ever not round-trip, a fully quoted form is written instead.

Reading: :func:`parse_dossier` goes through :mod:`synergy_wizard.safe_yaml` and turns every
structure or type mistake into a French problem located at its line and column.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from synergy_wizard.answers.dump_parts import PartCache
from synergy_wizard.answers.fileio import describe_os_error
from synergy_wizard.answers.messages import validation_problems
from synergy_wizard.answers.model import FORMAT_VERSION, Dossier
from synergy_wizard.errors import DossierError, Location, Problem
from synergy_wizard.safe_yaml import YamlDocument, YamlError, parse_yaml

__all__ = [
    "MAX_DOSSIER_BYTES",
    "NewerFormatError",
    "dump_dossier",
    "dump_preparation",
    "parse_dossier",
    "read_dossier",
    "read_dossier_bytes",
]

MAX_DOSSIER_BYTES = 5_000_000
"""A dossier file larger than this is refused before it is parsed."""

HEADER = """\
# Dossier de préparation d'une synergie — synergy-wizard
#
# Ce fichier est enregistré automatiquement par synergy-wizard à chaque réponse.
# Ne le modifiez qu'avec précaution, programme fermé : une erreur d'indentation ou de
# guillemets empêcherait de rouvrir le dossier. Gardez-en une copie avant toute retouche.
"""

_STR_TAG = "tag:yaml.org,2002:str"
# Line breaks a YAML reader normalises to "\n" (or keeps as breaks) in block and quoted
# scalars: texts holding them are written with escapes, between double quotes.
_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")
# What safe_yaml reads as something other than a text when left unquoted (any letter case).
_NOT_TEXT = re.compile(r"(?i:~|null|true|false)|-?(?:0|[1-9][0-9]*)")


class NewerFormatError(DossierError):
    """The dossier was written by a newer synergy-wizard; it is never read nor rewritten."""

    title = "Dossier plus récent que le programme"

    def __init__(self, problems: list[Problem], found: int) -> None:
        super().__init__(problems)
        self.found = found


# --- Writing -------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """A SafeDumper that never writes aliases and keeps more multi-line texts in ``|`` blocks.

    PyYAML refuses a ``|`` block to any text holding a tab, or spaces at the end of a line
    (both common in pasted notes) and falls back to one long double-quoted line. Both are
    ordinary content in a literal block, so the block is allowed when the text would qualify
    with those characters set aside.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def analyze_scalar(self, scalar: str) -> yaml.emitter.ScalarAnalysis:
        analysis = super().analyze_scalar(scalar)
        if not analysis.allow_block and "\n" in scalar:
            probe = _LINE_END_SPACES.sub(_mask, scalar.replace("\t", " "))
            if probe != scalar and super().analyze_scalar(probe).allow_block:
                analysis.allow_block = True
        return analysis

    def determine_block_hints(self, text: str) -> str:
        hints: str = super().determine_block_hints(text)
        if text.startswith("\t"):  # a reader cannot guess the indentation from a tab
            hints = str(self.best_indent) + hints
        return hints


_LINE_END_SPACES = re.compile(r" +(?=\n)")


def _mask(match: re.Match[str]) -> str:
    return "x" * len(match.group())


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style: str | None = None
    if _ODD_BREAKS.search(data):
        style = '"'
    elif "\n" in data:
        style = "|"
    elif _NOT_TEXT.fullmatch(data):
        style = "'"
    return dumper.represent_scalar(_STR_TAG, data, style=style)


_Dumper.add_representer(str, _represent_str)


class _QuotingDumper(_Dumper):
    """Writes every text between double quotes, with escapes: less readable, always exact."""


def _represent_quoted_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(_STR_TAG, data, style='"')


_QuotingDumper.add_representer(str, _represent_quoted_str)


def _dump(data: dict[str, object], *, quote_everything: bool = False) -> str:
    return yaml.dump(
        data,
        Dumper=_QuotingDumper if quote_everything else _Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=sys.maxsize,
        indent=2,
    )


_PARTS = PartCache()


def dump_dossier(dossier: Dossier) -> str:
    """The YAML text of ``dossier``, with a French comment header; reads back exactly."""
    data = dossier.to_file_data()
    # Unchanged answers keep the text they were last written with: the same text as
    # _dump(data), each part read back once (see dump_parts).
    body = _PARTS.dump(data, _dump, _reads_back)
    if body is None:
        body = _dump(data)
        if _reads_back(body) != data:  # pragma: no cover - a safety net for unforeseen texts
            body = _dump(data, quote_everything=True)
    return HEADER + "\n" + body


def dump_preparation(dossier: Dossier) -> Callable[[], None]:
    """Work that makes the next :func:`dump_dossier` of ``dossier`` fast, to be run on
    another thread while the user reads the screen.

    The first save of a dossier writes the YAML of every answer (for a thousand answers,
    a good part of a second); later ones reuse the text of the answers that did not change.
    The returned function writes and keeps those texts now, from a copy of the answers
    taken here: the dossier may change meanwhile. Running it or not changes no file.
    """
    data = dossier.to_file_data()

    def prepare() -> None:
        _PARTS.dump(data, _dump, _reads_back)

    return prepare


def _reads_back(body: str) -> object:
    try:
        return parse_yaml(body.encode("utf-8"), Path("dossier.yaml"), max_bytes=sys.maxsize).data
    except YamlError:  # pragma: no cover - see dump_dossier
        return None


# --- Reading -------------------------------------------------------------------------------


def read_dossier(path: Path) -> Dossier:
    """Read the dossier at ``path``. Raises :class:`DossierError` (French, located).

    A dossier written by a newer version of the program raises :class:`NewerFormatError`
    (a :class:`DossierError`); it must then be neither edited nor saved.
    """
    return parse_dossier(read_dossier_bytes(path), path)


def read_dossier_bytes(path: Path) -> bytes:
    """The bytes of the dossier file at ``path``, refused beyond :data:`MAX_DOSSIER_BYTES`.

    Raises :class:`DossierError` (French) when the file cannot be read or is too large; a
    huge file is never read whole.
    """
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_DOSSIER_BYTES + 1)
            size = os.fstat(stream.fileno()).st_size
    except OSError as exc:
        raise DossierError(
            [Problem(Location(path), _read_problem(exc, path), "vérifiez le nom et l'emplacement")]
        ) from None
    if len(raw) > MAX_DOSSIER_BYTES:
        megabytes = f"{max(size, len(raw)) / 1_000_000:.1f}".replace(".", ",")
        raise DossierError(
            [
                Problem(
                    Location(path),
                    f"le fichier est trop volumineux pour un dossier ({megabytes} Mo ; "
                    f"au plus {MAX_DOSSIER_BYTES // 1_000_000} Mo)",
                    "vérifiez qu'il s'agit du bon fichier",
                )
            ]
        )
    return raw


def _read_problem(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOENT:
        return "impossible de lire le dossier : le fichier n'existe pas"
    if exc.errno == errno.EISDIR:
        return "impossible de lire le dossier : ce chemin est un dossier et non un fichier"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "impossible de lire le dossier : vous n'avez pas le droit de lire ce fichier"
    return f"impossible de lire le dossier : {describe_os_error(exc, path)}"


def parse_dossier(raw: bytes, path: Path) -> Dossier:
    """Read a dossier from the bytes of its file. Raises :class:`DossierError`."""
    if not raw.strip():
        raise DossierError(
            [
                Problem(
                    Location(path, 1, 1),
                    "le fichier est vide",
                    "il a peut-être été tronqué lors d'un incident ; restaurez une copie de "
                    "sauvegarde du dossier",
                )
            ]
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DossierError(
            [
                Problem(
                    Location(path, 1, 1),
                    "le fichier est encodé en UTF-16 et non en UTF-8",
                    "enregistrez-le au format UTF-8 (dans le Bloc-notes : « Enregistrer sous », "
                    "encodage « UTF-8 »)",
                )
            ]
        )
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _position(raw, nul)
        raise DossierError(
            [
                Problem(
                    Location(path, line, column),
                    "le fichier contient des données binaires : ce n'est pas un dossier "
                    "synergy-wizard, ou il a été endommagé",
                    "vérifiez qu'il s'agit du bon fichier, ou restaurez une copie de sauvegarde",
                )
            ]
        )
    try:
        document = parse_yaml(raw, path)
    except YamlError as exc:
        raise DossierError(exc.problems) from None
    data = document.data
    if data is None:
        raise DossierError(
            [
                Problem(
                    Location(path, 1, 1),
                    "le fichier ne contient aucune donnée (seulement des commentaires)",
                    "restaurez une copie de sauvegarde du dossier",
                )
            ]
        )
    if not isinstance(data, dict):
        mark = document.mark_for(())
        raise DossierError(
            [
                Problem(
                    Location(path, mark.line, mark.column),
                    "ce fichier n'est pas un dossier synergy-wizard : on attend des clés "
                    "« format », « projet », « checklist » et « reponses »",
                    "vérifiez qu'il s'agit du bon fichier",
                )
            ]
        )
    _check_format(data, document, path)
    if "reponses" in data and data["reponses"] is None:
        data["reponses"] = {}  # every answer deleted by hand leaves an empty key
    try:
        return Dossier.model_validate(data)
    except ValidationError as exc:
        raise DossierError(validation_problems(exc.errors(), document, path)) from None


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of byte ``offset``."""
    before = raw[:offset]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", "replace")) + 1


def _check_format(data: dict[str, object], document: YamlDocument, path: Path) -> None:
    """Refuse a dossier from a newer program (or of no known format) before anything else."""
    if "format" not in data:
        return  # a hand-written dossier without a format is in the current one
    found = data["format"]
    if isinstance(found, str) and re.fullmatch(r"[0-9]+", found.strip()):
        found = int(found)
    if isinstance(found, int) and not isinstance(found, bool) and 1 <= found <= FORMAT_VERSION:
        return  # the usual case: no position needed (finding one reads the file again)
    mark = document.mark_for(("format",))
    location = Location(path, mark.line, mark.column)
    if isinstance(found, bool) or not isinstance(found, int):
        raise DossierError(
            [
                Problem(
                    location,
                    "« format » doit être un nombre entier",
                    f"la valeur attendue est {FORMAT_VERSION}",
                )
            ]
        )
    if found > FORMAT_VERSION:
        raise NewerFormatError(
            [
                Problem(
                    location,
                    f"ce dossier a été créé par une version plus récente de synergy-wizard "
                    f"(format {found} ; cette version lit le format {FORMAT_VERSION}) ; "
                    "mettez le programme à jour",
                    "le fichier n'a pas été modifié et ne le sera pas par cette version",
                )
            ],
            found,
        )
    if found < 1:
        raise DossierError(
            [
                Problem(
                    location,
                    f"format de dossier inconnu ({found})",
                    f"la valeur attendue est {FORMAT_VERSION}",
                )
            ]
        )
