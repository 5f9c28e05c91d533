"""Key names as a French-speaking user reads them on the keyboard and in the footer."""

from __future__ import annotations

_KEY_NAMES = {
    "escape": "Esc",
    "enter": "Entrée",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "space": "Espace",
    "delete": "Suppr",
    "tab": "Tab",
}
_MODIFIER_NAMES = {"ctrl": "Ctrl", "shift": "Maj", "alt": "Alt"}


def key_display(key: str) -> str:
    """« Ctrl+Q », « Esc », « F1 », « N » for Textual's ``ctrl+q``, ``escape``, ``f1``, ``n``."""
    *modifiers, name = key.split("+")
    shown = _KEY_NAMES.get(name)
    if shown is None:
        shown = name.upper() if len(name) == 1 or name[1:].isdigit() else name
    return "+".join([*(_MODIFIER_NAMES.get(m, m.capitalize()) for m in modifiers), shown])
