"""Compiled dossier templates kept between runs, in the user's cache folder.

Compiling the HTML dossier template (and what it includes) takes about as long as the rest
of a small dossier's rendering; Jinja2 can keep the compiled code on disk. The cache is
keyed by template file and checked against the template's text, so a template edited by
staff is compiled again; one folder per program version and format, so code compiled with
other filters or another escaping is never reused. It is only an optimisation: when the
folder cannot be made, read or written, templates are compiled as if it did not exist.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import jinja2

from synergy_wizard import __version__, paths

CACHE_ENV = "SYNERGY_WIZARD_CACHE"
"""When set, the folder of the cache (by default, the user's cache folder for the program)."""
CODE_GENERATION = "2"
"""Changed whenever the environment compiles templates differently (filters, operators
checked by the sandbox, finalize): code compiled before is then never reused."""
FOLDER_MODE = 0o700
"""The cache folder is the user's only, like the dossiers: its files are run as code."""


class _Cache(jinja2.FileSystemBytecodeCache):
    """Jinja2's file cache, for which a file-system problem only means "not cached"."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # unreadable or damaged cache file: the template is compiled

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return  # full disk, read-only folder...: the template stays compiled in memory


def cache_folder() -> Path:
    """Where the program keeps what it can rebuild (``$SYNERGY_WIZARD_CACHE`` if set)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(paths.APP_NAME, appauthor=False)


def bytecode_cache(fmt: str) -> jinja2.BytecodeCache | None:
    """The cache of compiled templates for ``fmt``; None when its folder cannot be made."""
    folder = cache_folder() / "modeles" / f"{__version__}-{CODE_GENERATION}" / fmt
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError:
        return None
    return _Cache(str(folder))
