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
from typing import Any, NamedTuple, Protocol

import yaml

from synergy_wizard.errors import Location, Problem, ProblemsError

__all__ = ["MAX_NODES", "Mark", "YamlDocument", "YamlError", "parse_yaml"]

YamlPath = tuple[str | int, ...]

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

_LoaderClass = type[yaml.SafeLoader] | type[yaml.CSafeLoader]

try:  # libyaml is much faster; its marks count characters like the pure parser's.
    _Loader: _LoaderClass = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class Mark(NamedTuple):
    """A position in a text file; ``line`` and ``column`` are 1-based.

    A named tuple rather than a frozen dataclass: one is made per YAML node, and a
    named tuple is several times cheaper to create.
    """

    line: int
    column: int


class YamlDocument:
    """The plain data of a YAML file and where each of its nodes starts.

    The positions are found the first time they are asked for, by reading the text again:
    most files are read without a single problem and never need them, and recording a
    position for every node costs as much as building the data.
    """

    __slots__ = ("_data", "_key_marks", "_limits", "_loader", "_text", "_value_marks")

    def __init__(
        self,
        data: object,
        value_marks: dict[YamlPath, Mark] | None = None,
        key_marks: dict[YamlPath, Mark] | None = None,
        *,
        text: str = "",
        limits: tuple[int, int] = (50, 0),
        loader: _LoaderClass | None = None,
    ) -> None:
        self._data = data
        self._value_marks = value_marks
        self._key_marks = key_marks
        self._text = text
        self._limits = limits
        self._loader = loader

    @property
    def data(self) -> object:
        """Plain dicts, lists, str, int, bool and None (``None`` for an empty file)."""
        return self._data

    @property
    def value_marks(self) -> dict[YamlPath, Mark]:
        """Path of keys and list indexes → start of the value node (``()`` is the root)."""
        if self._value_marks is None:
            self._value_marks, self._key_marks = self._locate()
        return self._value_marks

    @property
    def key_marks(self) -> dict[YamlPath, Mark]:
        """Path → start of the mapping key node, for mapping entries."""
        if self._key_marks is None:
            self._value_marks, self._key_marks = self._locate()
        return self._key_marks

    def _locate(self) -> tuple[dict[YamlPath, Mark], dict[YamlPath, Mark]]:
        """Read the text again, recording where each node starts (it was read without
        problems the first time, with the same limits, so it is again)."""
        max_depth, max_nodes = self._limits
        builder = _Builder(
            self._text, Path("-"), max_depth, max_nodes, with_marks=True, loader=self._loader
        )
        builder.build()
        return builder.value_marks, builder.key_marks

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, YamlDocument):
            return NotImplemented
        return (self.data, self.value_marks, self.key_marks) == (
            other.data,
            other.value_marks,
            other.key_marks,
        )

    __hash__ = None  # type: ignore[assignment]  # holds dicts: not hashable

    def mark_for(self, path: YamlPath) -> Mark:
        """The mark of ``path``, or of its nearest ancestor that has one (1:1 at worst)."""
        value_marks, key_marks = self.value_marks, self.key_marks
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            mark = value_marks.get(prefix) or key_marks.get(prefix)
            if mark is not None:
                return mark
        return Mark(1, 1)


class YamlError(ProblemsError):
    """A YAML file that cannot be read: encoding, syntax, or a construct this reader refuses."""

    title = "Fichier YAML invalide"

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        plural = "s" if count > 1 else ""
        super().__init__(problems, f"{count} problème{plural} dans le fichier YAML")


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
        where = _position(body[: exc.start].decode("utf-8"))
        message = f"le fichier n'est pas encodé en UTF-8 (octet 0x{body[exc.start]:02X} invalide)"
        hint = "enregistrez le fichier au format UTF-8 (« Enregistrer sous », encodage « UTF-8 »)"
        raise YamlError([Problem(Location(source, *where), message, hint)]) from None
    bad = _NON_PRINTABLE.search(text)
    if bad is not None:
        where = _position(text[: bad.start()])
        message = f"caractère de contrôle interdit (U+{ord(bad.group()):04X})"
        hint = "supprimez ce caractère invisible, souvent venu d'un copier-coller"
        raise YamlError([Problem(Location(source, *where), message, hint)])
    return _Builder(text, source, max_depth, max_nodes).build()


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} Mo".replace(".", ",")
    return f"{count / 1_000:.1f} ko".replace(".", ",")


def _position(before: str) -> tuple[int, int]:
    """The 1-based line and column of the character that follows ``before``."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


class _YamlMark(Protocol):
    line: int
    column: int


def _mark(yaml_mark: _YamlMark | None) -> Mark:
    """A 1-based mark from PyYAML's 0-based one (from the pure or the libyaml parser)."""
    if yaml_mark is None:
        return Mark(1, 1)
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


class _Frame:
    """An open mapping or sequence, and for a mapping the key waiting for its value."""

    __slots__ = ("container", "is_mapping", "key", "key_mark", "path", "seen")

    def __init__(self, container: dict[str, object] | list[object], path: YamlPath) -> None:
        self.container = container
        self.is_mapping = isinstance(container, dict)
        self.path = path
        self.key: str | None = None
        self.key_mark: Mark | None = None
        self.seen: dict[str, _YamlMark] = {}
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
        loader: _LoaderClass | None = None,
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
            self.problems.append(_describe_yaml_error(exc, self.text, self.source))
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
                    self._too_many_nodes(_mark(start))
                if event.anchor is not None or event.tag is not None:
                    self._check_anchor_and_tag(event, _mark(start))
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                stack.pop()
                continue
            elif kind is _ALIAS:
                start = event.start_mark
                mark = _mark(start)
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
                        self._duplicate_key(key, _mark(seen[key]), _mark(start))
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
                    self._problem(
                        _mark(start),
                        "le document est imbriqué trop profondément "
                        f"(plus de {self.max_depth} niveaux)",
                        "simplifiez la structure du fichier",
                        fatal=True,
                    )
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
                _mark(event.start_mark),
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
        self, frame: _Frame, event: yaml.NodeEvent, start: _YamlMark, mark: Mark | None
    ) -> None:
        """A mapping key that is not a text: a collection (fatal) or an alias (reported)."""
        if isinstance(event, yaml.CollectionStartEvent):
            self._problem(
                _mark(start),
                "une clé doit être un simple texte, pas une liste ni un dictionnaire",
                "vérifiez l'indentation et les deux-points",
                fatal=True,
            )
        key = "*"
        previous = frame.seen.get(key)
        if previous is not None:
            self._duplicate_key(key, _mark(previous), _mark(start))
        else:
            frame.seen[key] = start
        frame.key = key
        frame.key_mark = mark

    def _plain(self, value: str, start: _YamlMark) -> object:
        """The value of a plain (unquoted, untagged) scalar."""
        lowered = value.lower()
        if lowered in _NULLS:
            return None
        if lowered in ("true", "false"):
            return lowered == "true"
        if _INT_RE.fullmatch(value):
            if len(value.lstrip("-")) > _MAX_INT_DIGITS:
                self._problem(
                    _mark(start),
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


# --- French messages for PyYAML syntax errors -------------------------------------------------

_QUOTED = 'mettez la valeur entre guillemets ("…")'
_INDENT = (
    "vérifiez l'indentation : les clés d'un même bloc commencent à la même colonne, "
    "avec des espaces (jamais des tabulations)"
)


def _describe_yaml_error(exc: yaml.YAMLError, text: str, source: Path) -> Problem:
    """Turn any PyYAML error into one French problem with a line and a column."""
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return Problem(Location(source), "syntaxe YAML incorrecte", _technical(exc))
    where, message, hint = _explain(exc, text.splitlines())
    return Problem(Location(source, where.line, where.column), message, hint)


def _explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[Mark, str, str]:
    problem, context = (exc.problem or "").lower(), (exc.context or "").lower()
    mark = _mark(exc.problem_mark)
    opened = _mark(exc.context_mark) if exc.context_mark is not None else mark
    tab = _tab_in_indentation(lines, mark.line)
    if "tab" in problem or tab is not None:
        where = Mark(mark.line, tab) if tab is not None else mark
        return (
            where,
            "tabulation utilisée pour l'indentation",
            ("remplacez les tabulations par des espaces"),
        )
    if "end of stream" in problem and "quoted scalar" in context:
        return (
            opened,
            "guillemet ouvert ici mais jamais refermé",
            (
                "ajoutez le guillemet fermant à la fin du texte ; entre apostrophes, "
                "une apostrophe s'écrit ''"
            ),
        )
    if "escape character" in problem:
        if _char(lines, mark.line, mark.column) != "\\":  # the pure parser points past it
            mark = Mark(mark.line, mark.column - 1)
        return (
            mark,
            "barre oblique inverse (\\) inattendue entre guillemets doubles",
            ("doublez-la (\\\\) ou mettez le texte entre apostrophes ('…')"),
        )
    if "alias" in context or "anchor" in context:
        symbol = "*" if "alias" in context else "&"
        return opened, f"un texte qui commence par « {symbol} » est lu comme un alias YAML", _QUOTED
    if "cannot start any token" in problem:
        char = _char(lines, mark.line, mark.column) or "?"
        return (
            mark,
            f"caractère « {char} » inattendu à cet endroit",
            (f"un texte qui commence par « {char} » doit être mis entre guillemets"),
        )
    if "mapping values are not allowed" in problem:
        return (
            mark,
            "deux-points « : » inattendu",
            (
                "un texte qui contient « : » (deux-points suivis d'une espace) doit être mis "
                f"entre guillemets ; sinon, {_INDENT}"
            ),
        )
    if "sequence entries are not allowed" in problem:
        return (
            mark,
            "tiret « - » inattendu : une liste ne peut pas commencer ici",
            (f"une liste se place sous une clé suivie de « : » ; {_INDENT}"),
        )
    if "could not find expected ':'" in problem:
        return (
            opened,
            "deux-points « : » manquant après la clé",
            (f"une ligne d'un bloc s'écrit « clé: valeur » ; {_INDENT}"),
        )
    if "block end" in problem or "expected key" in problem or "'-' indicator" in problem:
        return (
            mark,
            (
                f"indentation incohérente : cette ligne ne s'aligne pas sur le bloc commencé "
                f"ligne {opened.line}"
            ),
            f"{_INDENT} ; un texte entre guillemets ne peut pas être suivi d'autre texte",
        )
    if "flow sequence" in context or "flow mapping" in context:
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return (
            mark,
            (
                f"« {opening} » ouvert ligne {opened.line}, colonne {opened.column}, "
                f"mais jamais refermé par « {closing} »"
            ),
            f"ajoutez « {closing} », ou {_QUOTED} si « {opening} » fait partie du texte",
        )
    if "tag" in problem:
        return mark, "les étiquettes YAML (« ! ») ne sont pas acceptées", _QUOTED
    if "document" in problem:
        return (
            mark,
            "contenu inattendu : le fichier doit contenir un seul document YAML",
            ("retirez les lignes « --- », « ... » et « % » superflues"),
        )
    if "block scalar" in context:
        return (
            opened,
            "bloc de texte « | » ou « > » mal formé",
            ("écrivez « | » ou « > » seul en fin de ligne, puis le texte indenté dessous"),
        )
    return mark, "syntaxe YAML incorrecte", _technical(exc)


def _technical(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        detail = "; ".join(part for part in (exc.context, exc.problem) if part)
    else:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"détail technique (en anglais) : {detail}"


def _char(lines: list[str], line: int, column: int) -> str:
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _tab_in_indentation(lines: list[str], line: int) -> int | None:
    """The 1-based column of a tab in the leading whitespace of ``line``, if any."""
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    position = indent.find("\t")
    return position + 1 if position >= 0 else None
