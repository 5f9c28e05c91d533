"""A strict, surprise-free YAML reader with positions for every node.

Checklists and dossiers are written and edited by hand. This reader accepts the small,
predictable subset of YAML they need and turns every mistake into a French message with a
line and a column:

* UTF-8 only (a leading BOM is skipped); a size cap checked before parsing;
* no aliases or anchors, no explicit tags (``!!python/object``, ``!custom``...), no duplicate
  keys, a nesting cap, no more than one document;
* plain scalars resolve like YAML 1.2 without its surprises: ``null``/``~``/empty give ``None``,
  ``true``/``false`` give a bool, decimal integers without a leading zero give an int, and
  everything else (``NO``, ``1.10``, ``010``, ``2024-02-30``, ``12:30``...) stays a string;
  quoted and block scalars are always strings; mapping keys are always strings.

The tree is built from the parser's event stream (never from PyYAML's composer or
constructor), so an alias bomb or a deep document is refused before it costs anything.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from synergy_wizard.errors import Location, Problem
from synergy_wizard.yaml_document import LoaderClass, YamlDocument, YamlPath
from synergy_wizard.yaml_errors import (
    Mark,
    YamlError,
    YamlMark,
    describe_yaml_error,
    position_after,
    to_mark,
)

__all__ = ["MAX_NODES", "Mark", "YamlDocument", "YamlError", "parse_yaml"]

_BOM = b"\xef\xbb\xbf"
_MAX_INT_DIGITS = 20
_MAX_PROBLEMS = 50
MAX_NODES = 40_000
"""Keys and values (texts, numbers, lists, mappings) a file may hold. A bundled checklist of
eighty questions has about two thousand, a generated one of a thousand questions some
twenty-eight thousand, a dossier of a thousand answers about ten thousand. Forty thousand
are read in about a quarter of a second, so a hostile file costs no more than that."""
_NULLS = frozenset({"", "~", "null"})
_NUMBER_START = frozenset("-0123456789")
_INT_RE = re.compile(r"-?(?:0|[1-9][0-9]*)")
# Characters YAML forbids in a stream (the same set PyYAML's reader rejects).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

try:  # libyaml is much faster; its marks count characters like the pure parser's.
    _Loader: LoaderClass = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class _Fatal(Exception):
    """Stops building the tree; the problems gathered so far are reported."""


def parse_yaml(
    raw: bytes,
    source: Path,
    *,
    max_bytes: int = 5_000_000,
    max_depth: int = 50,
    max_nodes: int = MAX_NODES,
) -> YamlDocument:
    """Read YAML bytes strictly. Raises :class:`YamlError` listing every problem found.

    ``max_nodes`` bounds the time and memory a file can cost: five megabytes of ``[0,0,…]``
    would otherwise become millions of nodes (tens of seconds, hundreds of megabytes).
    """
    if len(raw) > max_bytes:
        size, limit = _size(len(raw)), _size(max_bytes)
        message = f"le fichier est trop volumineux ({size} ; au plus {limit} sont acceptés)"
        raise YamlError(
            [Problem(Location(source), message, "vérifiez qu'il s'agit du bon fichier")]
        )
    body = raw.removeprefix(_BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = position_after(body[: exc.start].decode("utf-8"))
        message = f"le fichier n'est pas encodé en UTF-8 (octet 0x{body[exc.start]:02X} invalide)"
        hint = "enregistrez le fichier au format UTF-8 (« Enregistrer sous », encodage « UTF-8 »)"
        raise YamlError([Problem(Location(source, *where), message, hint)]) from None
    bad = _NON_PRINTABLE.search(text)
    if bad is not None:
        where = position_after(text[: bad.start()])
        message = f"caractère de contrôle interdit (U+{ord(bad.group()):04X})"
        hint = "supprimez ce caractère invisible, souvent venu d'un copier-coller"
        raise YamlError([Problem(Location(source, *where), message, hint)])
    return _Builder(text, source, max_depth, max_nodes).build()


def _too_deep_for_libyaml(exc: yaml.YAMLError) -> bool:
    """Whether ``exc`` is libyaml refusing a document nested beyond its own limit (from
    PyYAML 6.0.4; far beyond ours, but found while reading ahead, before our check)."""
    return "maximum nesting depth" in str(getattr(exc, "problem", "") or "")


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} Mo".replace(".", ",")
    return f"{count / 1_000:.1f} ko".replace(".", ",")


class _Frame:
    """An open mapping or sequence, and for a mapping the key waiting for its value."""

    __slots__ = ("container", "is_mapping", "key", "key_mark", "path", "seen")

    def __init__(self, container: dict[str, object] | list[object], path: YamlPath) -> None:
        self.container = container
        self.is_mapping = isinstance(container, dict)
        self.path = path
        self.key: str | None = None
        self.key_mark: Mark | None = None
        self.seen: dict[str, YamlMark] = {}
        """Keys met so far, with the parser's mark (for a duplicate key message)."""


class _Builder:
    """Builds plain data from parser events, refusing what the format does not allow.

    :meth:`_consume` runs once per event (a checklist of a thousand questions has some
    30 000), so its common path is written inline; the rare cases (problems, documents,
    keys that are not texts) go through the other methods. Positions are recorded only
    ``with_marks`` (see :class:`YamlDocument`); a problem takes its own from the parser.
    """

    def __init__(
        self,
        text: str,
        source: Path,
        max_depth: int,
        max_nodes: int,
        *,
        with_marks: bool = False,
        loader: LoaderClass | None = None,
    ) -> None:
        self.loader = loader or _Loader
        self.text = text
        self.source = source
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.with_marks = with_marks
        self.problems: list[Problem] = []
        self.value_marks: dict[YamlPath, Mark] = {}
        self.key_marks: dict[YamlPath, Mark] = {}
        self.stack: list[_Frame] = []
        self.root: object = None
        self.documents = 0

    def build(self) -> YamlDocument:
        loader = self.loader(self.text)
        try:
            self._consume(loader)
        except _Fatal:
            pass
        except yaml.YAMLError as exc:
            if _too_deep_for_libyaml(exc):
                self.problems.append(self._too_deep(to_mark(getattr(exc, "problem_mark", None))))
            else:
                self.problems.append(describe_yaml_error(exc, self.text, self.source))
        except (RecursionError, ValueError, OverflowError, MemoryError):
            self.problems.append(
                Problem(
                    Location(self.source),
                    "le fichier YAML est trop complexe pour être lu",
                    "simplifiez sa structure",
                )
            )
        finally:
            loader.dispose()
        if self.problems:
            self.problems.sort(key=lambda p: (p.location.line, p.location.column))
            raise YamlError(self.problems)
        if self.with_marks:
            return YamlDocument(self.root, self.value_marks, self.key_marks)
        limits = (self.max_depth, self.max_nodes)
        return YamlDocument(self.root, text=self.text, limits=limits, loader=self.loader)

    def _too_deep(self, mark: Mark) -> Problem:
        return Problem(
            Location(self.source, mark.line, mark.column),
            f"le document est imbriqué trop profondément (plus de {self.max_depth} niveaux)",
            "simplifiez la structure du fichier",
        )

    def _problem(self, mark: Mark, message: str, hint: str = "", *, fatal: bool = False) -> None:
        self.problems.append(Problem(Location(self.source, mark.line, mark.column), message, hint))
        if fatal or len(self.problems) >= _MAX_PROBLEMS:
            raise _Fatal

    def _consume(self, loader: yaml.SafeLoader | yaml.CSafeLoader) -> None:
        get_event = loader.get_event
        stack = self.stack
        with_marks = self.with_marks
        value_marks = self.value_marks
        key_marks = self.key_marks
        nodes_left = self.max_nodes
        mark: Mark | None = None
        path: YamlPath = ()
        while True:
            # The type stubs say Event; the class is checked by identity just below.
            event: Any = get_event()
            kind = type(event)
            if kind is _SCALAR or kind is _MAPPING_START or kind is _SEQUENCE_START:
                start = event.start_mark
                if with_marks:
                    mark = _new_mark(Mark, (start.line + 1, start.column + 1))
                nodes_left -= 1
                if nodes_left < 0:
                    self._too_many_nodes(to_mark(start))
                if event.anchor is not None or event.tag is not None:
                    self._check_anchor_and_tag(event, to_mark(start))
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                stack.pop()
                continue
            elif kind is _ALIAS:
                start = event.start_mark
                mark = to_mark(start)
                self._check_anchor_and_tag(event, mark)
            elif kind is _STREAM_END:
                return
            else:
                if kind is _DOCUMENT_START:
                    self._document_start(event)
                continue
            top = stack[-1] if stack else None
            if top is not None and top.is_mapping and top.key is None:
                if kind is _SCALAR:
                    key: str = event.value
                    seen = top.seen
                    if key in seen:
                        self._duplicate_key(key, to_mark(seen[key]), to_mark(start))
                    else:
                        seen[key] = start
                    top.key = key
                    top.key_mark = mark
                else:
                    self._odd_key(top, event, start, mark)
                continue
            value: object
            if kind is _SCALAR:
                text: str = event.value
                value = text
                if (
                    (event.style is None or event.style == "")
                    and event.tag is None
                    # Longer texts not starting like a number are texts: no need to look.
                    and (len(text) < 6 or text[0] in _NUMBER_START)
                ):
                    value = self._plain(text, start)
            elif kind is _ALIAS:
                value = None  # already reported
            else:
                if len(stack) >= self.max_depth:
                    self.problems.append(self._too_deep(to_mark(start)))
                    raise _Fatal
                value = {} if kind is _MAPPING_START else []
            # Attach the value to its parent (and, with marks, remember where it starts).
            if top is None:
                self.root = value
                path = ()
            elif top.is_mapping:
                key = top.key  # type: ignore[assignment]
                top.container[key] = value  # type: ignore[call-overload]
                top.key = None
                if with_marks:
                    path = (*top.path, key)
                    key_marks[path] = top.key_mark  # type: ignore[assignment]
            else:
                items = top.container
                if with_marks:
                    path = (*top.path, len(items))
                items.append(value)  # type: ignore[union-attr]
            if with_marks:
                value_marks[path] = mark  # type: ignore[assignment]
            if kind is _MAPPING_START or kind is _SEQUENCE_START:
                stack.append(_Frame(value, path))  # type: ignore[arg-type]

    def _too_many_nodes(self, mark: Mark) -> None:
        count = f"{self.max_nodes:_}".replace("_", "\u202f")
        self._problem(
            mark,
            f"le fichier contient trop d'éléments (plus de {count}) pour être lu",
            "vérifiez qu'il s'agit du bon fichier ; une check-list ou un dossier réels en "
            "comptent quelques milliers",
            fatal=True,
        )

    def _document_start(self, event: yaml.Event) -> None:
        self.documents += 1
        if self.documents > 1:
            self._problem(
                to_mark(event.start_mark),
                "le fichier contient plusieurs documents YAML (séparés par « --- »)",
                "gardez un seul document par fichier",
                fatal=True,
            )

    def _check_anchor_and_tag(self, event: yaml.NodeEvent, mark: Mark) -> None:
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            self._problem(
                mark,
                "les alias YAML (&, *) ne sont pas acceptés",
                "recopiez le contenu au lieu d'y faire référence ; un texte qui commence "
                "par « & » ou « * » doit être mis entre guillemets",
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = re.sub(r"^tag:yaml\.org,2002:", "!!", tag)
            self._problem(
                mark,
                f"les étiquettes YAML comme « {tag} » ne sont pas acceptées",
                "retirez l'étiquette ; un texte qui commence par « ! » doit être mis "
                "entre guillemets",
            )

    def _duplicate_key(self, key: str, previous: Mark, mark: Mark) -> None:
        self._problem(
            mark,
            f"la clé « {key} » figure deux fois dans le même bloc "
            f"(lignes {previous.line} et {mark.line})",
            "gardez une seule de ces deux lignes",
        )

    def _odd_key(
        self, frame: _Frame, event: yaml.NodeEvent, start: YamlMark, mark: Mark | None
    ) -> None:
        """A mapping key that is not a text: a collection (fatal) or an alias (reported)."""
        if isinstance(event, yaml.CollectionStartEvent):
            self._problem(
                to_mark(start),
                "une clé doit être un simple texte, pas une liste ni un dictionnaire",
                "vérifiez l'indentation et les deux-points",
                fatal=True,
            )
        key = "*"
        previous = frame.seen.get(key)
        if previous is not None:
            self._duplicate_key(key, to_mark(previous), to_mark(start))
        else:
            frame.seen[key] = start
        frame.key = key
        frame.key_mark = mark

    def _plain(self, value: str, start: YamlMark) -> object:
        """The value of a plain (unquoted, untagged) scalar."""
        lowered = value.lower()
        if lowered in _NULLS:
            return None
        if lowered in ("true", "false"):
            return lowered == "true"
        if _INT_RE.fullmatch(value):
            if len(value.lstrip("-")) > _MAX_INT_DIGITS:
                self._problem(
                    to_mark(start),
                    f"nombre entier trop long ({len(value.lstrip('-'))} chiffres)",
                    "s'il s'agit d'un texte, mettez-le entre guillemets",
                )
                return None
            return int(value)
        return value


_SCALAR = yaml.ScalarEvent
_MAPPING_START = yaml.MappingStartEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_MAPPING_END = yaml.MappingEndEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_ALIAS = yaml.AliasEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_STREAM_END = yaml.StreamEndEvent
_new_mark = tuple.__new__
