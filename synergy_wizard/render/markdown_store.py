"""Conversions of checklist Markdown kept from one run of the program to the next.

Converting the texts that hold Markdown (lists, bold, links) is most of the work of a
dossier's first rendering in a process, and the same checklist texts come back at every
rendering. The results are kept in the user's cache folder (see :mod:`.template_cache`),
one file per program version, keyed by a digest of the text; a text edited by staff has
another digest and is converted again. The folder is the user's only, like the compiled
templates beside it. It is only an optimisation: a missing, damaged or unwritable file only
means converting again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from synergy_wizard import __version__
from synergy_wizard.answers.fileio import atomic_write_bytes
from synergy_wizard.errors import StorageError
from synergy_wizard.render import template_cache

CONVERSION_VERSION = "1"
"""Changed whenever a conversion of :mod:`.markdown` gives other results for the same text."""
MAX_ENTRIES = 20_000
"""Beyond this, the file keeps only the conversions of the current run."""


class ConversionStore:
    """The kept conversions: read at the first lookup, written by :meth:`save`."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, str] | None = None
        self._used: set[str] = set()
        self._changed = False

    @staticmethod
    def key(kind: str, source: str) -> str:
        return f"{kind}:{hashlib.sha256(source.encode('utf-8')).hexdigest()[:40]}"

    def _load(self) -> dict[str, str]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                with contextlib.suppress(OSError, ValueError):
                    data = json.loads(self.path.read_bytes())
                    if isinstance(data, dict):
                        self._entries = {
                            k: v
                            for k, v in data.items()
                            if isinstance(k, str) and isinstance(v, str)
                        }
        return self._entries

    def converted(self, kind: str, source: str, convert: Callable[[str], str]) -> str:
        """The conversion ``kind`` of ``source``: kept, or made by ``convert`` and kept."""
        key = self.key(kind, source)
        entries = self._load()
        self._used.add(key)
        kept = entries.get(key)
        if kept is None:
            kept = entries[key] = convert(source)
            self._changed = True
        return kept

    def save(self) -> None:
        """Write the conversions made since the file was read (nothing when there are none)."""
        if not self._changed or self.path is None or self._entries is None:
            return
        entries = self._entries
        if len(entries) > MAX_ENTRIES:
            entries = {k: v for k, v in entries.items() if k in self._used}
        data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with contextlib.suppress(StorageError):  # full disk, read-only folder: not kept
            atomic_write_bytes(self.path, data)
        self._changed = False


_store: ConversionStore | None = None


def conversions() -> ConversionStore:
    """The store of this process (its file chosen at the first call)."""
    global _store
    if _store is None:
        folder = template_cache.cache_folder() / "markdown"
        try:
            folder.mkdir(mode=template_cache.FOLDER_MODE, parents=True, exist_ok=True)
        except OSError:
            _store = ConversionStore(None)
        else:
            _store = ConversionStore(folder / f"{__version__}-{CONVERSION_VERSION}.json")
    return _store


def forget() -> None:
    """Drop the store of this process (the next call reads the file again): for tests."""
    global _store
    _store = None
