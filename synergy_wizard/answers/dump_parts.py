"""Saving a large dossier quickly: the YAML of each answer is written once and kept.

A dossier is saved after every answer, and writing the YAML of a thousand answers with
PyYAML's emitter takes a good part of a second. But a YAML block mapping is a list of
entries, and the text of one entry written alone, indented, is exactly its text inside the
whole document. So :class:`PartCache` writes each entry separately and keeps the text of
each answer, keyed by the answer's content: a save writes only the answers that changed
and assembles the rest. The result is the same text, character for character, as writing
the whole document at once.

Each part is read back when it is written (it must give back its data), so the assembled
file reads back exactly, like the whole document read back by the caller before.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

Dump = Callable[[dict[str, object]], str]
"""Writes a mapping as a YAML document (text ending with a line break)."""
ReadBack = Callable[[str], object]
"""Reads a YAML text back into plain data (None when it cannot be read)."""

ANSWERS_KEY = "reponses"
"""The top-level key of the answers in the dossier file."""
_INDENT = "  "


class PartCache:
    """The YAML text of answers already written, by answer key and content."""

    def __init__(self, max_entries: int = 20_000) -> None:
        self.max_entries = max_entries
        self._texts: dict[tuple[str, Hashable], str] = {}

    def dump(self, data: dict[str, object], dump: Dump, read_back: ReadBack) -> str | None:
        """The text ``dump(data)`` would give, assembled from parts; None when it cannot be
        (an entry that does not stand alone): the caller then writes the whole document."""
        parts: list[str] = []
        for key, value in data.items():
            if key == ANSWERS_KEY and isinstance(value, dict) and value:
                parts.append(f"{key}:\n")
                for answer_key, answer in value.items():
                    text = self._answer(answer_key, answer, dump, read_back)
                    if text is None:
                        return None
                    parts.append(text)
                continue
            text = _part({key: value}, dump, read_back)
            if text is None:
                return None
            parts.append(text)
        return "".join(parts)

    def _answer(self, key: str, answer: object, dump: Dump, read_back: ReadBack) -> str | None:
        try:
            cache_key = (key, _answer_content(answer))
            hash(cache_key)
        except TypeError:  # pragma: no cover - answers hold texts, lists and dates only
            return None
        text = self._texts.get(cache_key)
        if text is None:
            part = _part({key: answer}, dump, read_back)
            if part is None:
                return None
            text = "\n".join(_INDENT + line if line else line for line in part.split("\n"))
            if len(self._texts) >= self.max_entries:
                self._texts.clear()
            self._texts[cache_key] = text
        return text

    def clear(self) -> None:
        self._texts.clear()


def _part(entry: dict[str, object], dump: Dump, read_back: ReadBack) -> str | None:
    """The YAML of one top-level entry, checked; None when it does not stand alone."""
    text = dump(entry)
    # A document ending with a "keep" block scalar (|+) is closed with "..."; inside the
    # whole document the entry would not be: write the whole document instead.
    if not text.endswith("\n") or text.endswith("...\n") or read_back(text) != entry:
        return None
    return text


def _answer_content(answer: object) -> Hashable:
    """A hashable copy of an answer: quickly for the usual texts and lists of texts."""
    if type(answer) is dict:
        items: list[tuple[str, str | tuple[str, ...]]] = []
        for name, value in answer.items():
            if type(value) is str:
                items.append((name, value))
            elif type(value) is list and all(type(item) is str for item in value):
                items.append((name, tuple(value)))
            else:
                return _frozen(answer)
        return tuple(items)
    return _frozen(answer)


def _frozen(value: object) -> Hashable:
    """A hashable copy of plain data (dicts keep their order, which the YAML keeps too)."""
    if isinstance(value, dict):
        return ("dict", tuple((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("list", tuple(_frozen(item) for item in value))
    if isinstance(value, Hashable):
        return (type(value).__name__, value)
    raise TypeError(type(value).__name__)
