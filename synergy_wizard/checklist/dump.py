"""Write a :class:`Checklist` back as YAML that the strict loader reads into an equal model.

Keys are the French aliases, in the order of the models; defaults are left out; texts with
line breaks are written as ``|`` blocks; lists are indented under their key, as in the
bundled files. Strings that YAML could read as something else (``NO``, ``1.10``, ``010``,
``true``...) are quoted, and no anchor or alias is ever written.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from synergy_wizard.checklist.models import Checklist

__all__ = ["MODELINE", "dump_checklist"]

MODELINE = "# yaml-language-server: $schema=schema.json\n"
"""The first line of a checklist file: tells the editor where the JSON Schema is."""

# Characters that YAML treats as line breaks or that a block scalar cannot hold as they are.
_BREAKS = ("\x85", "\u2028", "\u2029", "\r")
_NUMBERS = re.compile(r"[0-9][0-9.]*")


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key and never writes aliases."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _NUMBERS.fullmatch(value):  # versions: "1.0.0", as the guide writes them
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value and not any(char in value for char in _BREAKS):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if any(char in value for char in _BREAKS):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def _plain(value: object) -> object:
    """Tuples as lists, recursively (YAML's safe dumper knows lists only)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def dump_checklist(checklist: Checklist, *, modeline: bool = True) -> str:
    """The YAML text of ``checklist`` (with the schema modeline first, unless told not to)."""
    data = _plain(checklist.model_dump(mode="python", by_alias=True, exclude_defaults=True))
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,  # long texts stay on one line, as in the bundled files
        indent=2,
        default_flow_style=False,
    )
    return (MODELINE if modeline else "") + text
