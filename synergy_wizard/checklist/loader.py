"""Load checklist files: strict YAML, then the pydantic models, with every problem located.

A checklist author gets all the problems of a file at once, each with its line and column
and a French explanation. The checks that pydantic cannot locate well (duplicate ids across
sections, references to undeclared sources, the file name, conditions, repeats and former
ids) are done here on the plain data, before validation; the model validators stay as a
safety net and are not reported twice.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from synergy_wizard import paths
from synergy_wizard.checklist.loader_refs import check_references
from synergy_wizard.checklist.messages import explain_error, yaml_path
from synergy_wizard.checklist.models import ID_PATTERN, Checklist
from synergy_wizard.errors import ChecklistError, Location, NotFoundError, Problem
from synergy_wizard.safe_yaml import Mark, YamlDocument, YamlError, parse_yaml

__all__ = [
    "bundled_checklist_paths",
    "find_checklist",
    "load_bundled",
    "load_checklist",
    "load_checklist_document",
]

MAX_BYTES = 5_000_000
"""The largest checklist file accepted (a real one is a few dozen kilobytes)."""

_CHOICE_KINDS = ("choix", "choix_multiple")
_KINDS = ("statut", "texte", "texte_long", *_CHOICE_KINDS)

Loc = tuple[str | int, ...]


def load_checklist(path: Path) -> Checklist:
    """Load and validate one checklist file; raise :class:`ChecklistError` listing every problem."""
    return load_checklist_document(path)[0]


def load_checklist_document(path: Path) -> tuple[Checklist, YamlDocument]:
    """Like :func:`load_checklist`, also returning the YAML document with the position of every
    node (for tools that point into the file, such as the linter)."""
    document = _read(path)
    checker = _Checker(path, document)
    return checker.validate(), document


def bundled_checklist_paths() -> list[Path]:
    """The checklist files shipped with the program, sorted by name."""
    folder = paths.bundled_checklists_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.yaml"))


def load_bundled() -> list[Checklist]:
    """Every bundled checklist; raise :class:`ChecklistError` with all problems of broken files."""
    checklists: list[Checklist] = []
    problems: list[Problem] = []
    for path in bundled_checklist_paths():
        try:
            checklists.append(load_checklist(path))
        except ChecklistError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ChecklistError(problems)
    return checklists


def find_checklist(ref: str) -> Checklist:
    """A bundled checklist by id, or a checklist file by path; :class:`NotFoundError` otherwise."""
    bundled = {path.stem: path for path in bundled_checklist_paths()}
    if ref in bundled:
        return load_checklist(bundled[ref])
    candidate = Path(ref).expanduser()
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        if not candidate.is_file():
            raise NotFoundError(
                f"le fichier de check-list « {ref} » n'existe pas",
                hint="vérifiez le chemin et le nom du fichier",
            )
        return load_checklist(candidate)
    known = ", ".join(bundled) if bundled else "aucune"
    message = f"check-list « {ref} » introuvable"
    close = difflib.get_close_matches(ref, list(bundled), n=1)
    if close:
        message += f" — vouliez-vous dire « {close[0]} » ?"
    raise NotFoundError(
        message,
        hint=f"check-lists fournies : {known} ; ou donnez le chemin d'un fichier .yaml",
    )


def _read(path: Path) -> YamlDocument:
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_BYTES else b""
    except FileNotFoundError:
        raise NotFoundError(
            f"le fichier de check-list « {path} » n'existe pas",
            hint="vérifiez le chemin et le nom du fichier",
        ) from None
    except OSError as exc:
        if isinstance(exc, IsADirectoryError):
            reason = "c'est un dossier, pas un fichier"
        elif isinstance(exc, PermissionError):
            reason = "accès refusé"
        else:
            reason = exc.strerror or type(exc).__name__
        message = f"impossible de lire le fichier : {reason}"
        raise ChecklistError([Problem(Location(path), message, code="fichier-illisible")]) from None
    if size > MAX_BYTES:
        mega = f"{size / 1_000_000:.1f}".replace(".", ",")
        message = f"le fichier est trop volumineux ({mega} Mo ; au plus 5 Mo sont acceptés)"
        hint = "vérifiez qu'il s'agit bien d'une check-list"
        raise ChecklistError([Problem(Location(path), message, hint, code="fichier-trop-gros")])
    try:
        return parse_yaml(raw, path, max_bytes=MAX_BYTES)
    except YamlError as exc:
        raise ChecklistError(exc.problems) from None


class _Checker:
    """Checks one parsed checklist file and collects its problems."""

    def __init__(self, path: Path, document: YamlDocument) -> None:
        self.path = path
        self.document = document
        self.problems: list[Problem] = []
        self.handled: set[Loc] = set()
        """Paths already reported here: pydantic errors at exactly these paths are dropped."""
        self.whole_file_checked = False

    def add(
        self, loc: Loc, message: str, hint: str = "", *, code: str, at_key: bool = False
    ) -> None:
        mark: Mark | None = self.document.key_marks.get(loc) if at_key else None
        if mark is None:
            mark = self.document.mark_for(loc)
        where = Location(self.path, mark.line, mark.column)
        problem = Problem(where, message, hint, code=code)
        if problem not in self.problems:
            self.problems.append(problem)

    def validate(self) -> Checklist:
        data = self.document.data
        if not isinstance(data, dict):
            what = "est vide" if data is None else "ne contient pas un dictionnaire de clés"
            self.add(
                (),
                f"le fichier {what} : une check-list commence par « id: … »",
                code="fichier-vide" if data is None else "structure-invalide",
            )
            raise ChecklistError(self.problems)
        self._check_file_name(data)
        self._check_date(data)
        self._check_ids_and_sources(data)
        self._check_choices(data)
        self._check_references(data)
        checklist: Checklist | None = None
        try:
            checklist = Checklist.model_validate(data)
        except ValidationError as exc:
            self._report_validation(exc)
        if self.problems or checklist is None:
            self.problems.sort(key=lambda p: (p.location.line, p.location.column))
            raise ChecklistError(self.problems)
        return checklist

    # --- checks on the plain data -----------------------------------------------------------

    def _check_file_name(self, data: dict[str, object]) -> None:
        checklist_id = data.get("id")
        expected = self.path.stem
        if (
            isinstance(checklist_id, str)
            and re.fullmatch(ID_PATTERN, checklist_id.strip())
            and checklist_id.strip() != expected
        ):
            self.add(
                ("id",),
                f"l'identifiant « {checklist_id} » ne correspond pas au nom du fichier "
                f"« {self.path.name} »",
                f"renommez le fichier en « {checklist_id.strip()}.yaml » ou écrivez "
                f"« id: {expected} »",
                code="nom-de-fichier",
            )

    def _check_date(self, data: dict[str, object]) -> None:
        value = data.get("cadre_legal_au")
        if "cadre_legal_au" in data and not isinstance(value, str):
            shown = "vide" if value is None else f"« {value} »"
            self.add(
                ("cadre_legal_au",),
                f"la date du cadre légal est {shown} : elle doit s'écrire AAAA-MM-JJ",
                "par exemple cadre_legal_au: 2025-06-30",
                code="date-invalide",
            )
            self.handled.add(("cadre_legal_au",))

    def _check_ids_and_sources(self, data: dict[str, object]) -> None:
        sources: dict[str, Loc] = {}
        for loc, source in _items(data, ("sources",)):
            self._unique(sources, source, loc, "l'identifiant de source")
        # A malformed « sources » is reported by the validation; citations are not checked then.
        check_citations = isinstance(data.get("sources", []), list | None)
        sections: dict[str, Loc] = {}
        questions: dict[str, Loc] = {}
        for section_loc, section in _items(data, ("sections",)):
            self._unique(sections, section, section_loc, "l'identifiant de section")
            for question_loc, question in _items(section, (*section_loc, "questions")):
                self._unique(questions, question, question_loc, "l'identifiant de question")
                for ref_loc, ref in _items(question, (*question_loc, "references")):
                    cited = ref.get("source")
                    if not (check_citations and isinstance(cited, str) and cited.strip()):
                        continue
                    if cited.strip() not in sources:
                        self.add(
                            (*ref_loc, "source"),
                            f"la source « {cited.strip()} » n'est pas déclarée dans « sources »",
                            f"sources déclarées : {', '.join(sources)}"
                            if sources
                            else "déclarez-la dans la liste « sources » de la check-list",
                            code="source-non-declaree",
                        )
                        self.whole_file_checked = True

    def _unique(self, seen: dict[str, Loc], item: dict[str, object], loc: Loc, what: str) -> None:
        item_id = item.get("id")
        if not isinstance(item_id, str):
            return
        key = item_id.strip()
        first = seen.get(key)
        if first is None:
            seen[key] = loc
            return
        first_line = self.document.mark_for((*first, "id")).line
        line = self.document.mark_for((*loc, "id")).line
        self.add(
            (*loc, "id"),
            f"{what} « {key} » est utilisé deux fois (lignes {first_line} et {line})",
            "chaque identifiant doit être unique dans la check-list",
            code="identifiant-en-double",
        )
        self.whole_file_checked = True

    def _check_choices(self, data: dict[str, object]) -> None:
        for section_loc, section in _items(data, ("sections",)):
            for loc, question in _items(section, (*section_loc, "questions")):
                kind = question.get("type", "statut")
                if kind not in _KINDS:
                    continue
                choices = question.get("choix")
                count = len(choices) if isinstance(choices, list) else 0
                if kind in _CHOICE_KINDS:
                    if isinstance(choices, list | None) and count < 2:
                        where = (*loc, "choix") if "choix" in question else (*loc, "type")
                        self.add(
                            where,
                            f"une question de type « {kind} » doit proposer au moins deux choix",
                            "ajoutez des éléments « - id: … / libelle: … » sous « choix »",
                            code="choix-insuffisants",
                        )
                        self.handled.add(loc)
                    seen: dict[str, Loc] = {}
                    for choice_loc, choice in _items(question, (*loc, "choix")):
                        if self._unique_choice(seen, choice, choice_loc):
                            self.handled.add(loc)
                elif "choix" in question and choices not in (None, []):
                    self.add(
                        (*loc, "choix"),
                        f"la clé « choix » ne s'emploie qu'avec les types « choix » et "
                        f"« choix_multiple », pas avec « {kind} »",
                        "retirez « choix » ou changez le type de la question",
                        code="choix-inattendus",
                        at_key=True,
                    )
                    self.handled.add(loc)

    def _unique_choice(self, seen: dict[str, Loc], choice: dict[str, object], loc: Loc) -> bool:
        choice_id = choice.get("id")
        if not isinstance(choice_id, str):
            return False
        key = choice_id.strip()
        if key not in seen:
            seen[key] = loc
            return False
        first_line = self.document.mark_for((*seen[key], "id")).line
        line = self.document.mark_for((*loc, "id")).line
        self.add(
            (*loc, "id"),
            f"le choix « {key} » figure deux fois dans la question (lignes {first_line} et {line})",
            "chaque choix d'une question doit avoir son propre identifiant",
            code="choix-en-double",
        )
        return True

    def _check_references(self, data: dict[str, object]) -> None:
        def report(loc: Loc, message: str, hint: str, code: str, at_key: bool) -> None:
            self.add(loc, message, hint, code=code, at_key=at_key)

        if check_references(data, report):
            self.whole_file_checked = True

    # --- pydantic errors ---------------------------------------------------------------------

    def _report_validation(self, exc: ValidationError) -> None:
        errors = exc.errors(include_url=False)
        locs = [yaml_path(tuple(error["loc"])) for error in errors]
        for error in errors:
            loc: Loc = yaml_path(tuple(error["loc"]))
            if error["type"] == "too_short" and any(
                len(other) > len(loc) and other[: len(loc)] == loc for other in locs
            ):
                continue  # pydantic's echo of a failing item on the parent tuple
            if loc in self.handled or (loc == () and self.whole_file_checked):
                continue  # the same check, already reported here at a better place
            explanation = explain_error(error)
            self.add(
                explanation.loc,
                explanation.message,
                explanation.hint,
                code=explanation.code,
                at_key=explanation.at_key,
            )


def _items(container: object, loc: Loc) -> Iterator[tuple[Loc, dict[str, object]]]:
    """The mapping items of the list found under ``loc`` in ``container`` (a mapping)."""
    if not isinstance(container, dict):
        return
    values = container.get(loc[-1])
    if not isinstance(values, list):
        return
    for index, item in enumerate(values):
        if isinstance(item, dict):
            yield (*loc, index), item
