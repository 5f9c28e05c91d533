"""The result of reading a YAML file: its plain data, and where each node starts."""

from __future__ import annotations

from pathlib import Path

import yaml

from synergy_wizard.yaml_errors import Mark

__all__ = ["LoaderClass", "YamlDocument", "YamlPath"]

YamlPath = tuple[str | int, ...]
"""Keys and list indexes from the root to a node (``()`` is the root)."""

LoaderClass = type[yaml.SafeLoader] | type[yaml.CSafeLoader]


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
        loader: LoaderClass | None = None,
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
        from synergy_wizard.safe_yaml import _Builder  # the reader that made this document

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
