"""Remembered preferences of the wizard (the theme, opening exports), and the themes on offer.

Preferences are a small JSON file in the user's configuration folder
(``~/.config/synergy-wizard/preferences.json`` on Linux), or in ``$SYNERGY_WIZARD_CONFIG``
when set. They are never stored among the dossiers. A missing or damaged file simply gives
the defaults: preferences are a convenience, never a reason not to start.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from textual.theme import Theme

from synergy_wizard.answers.fileio import atomic_write_bytes
from synergy_wizard.paths import APP_NAME

__all__ = [
    "CONFIG_ENV",
    "DEFAULT_THEME",
    "PREFERENCES_NAME",
    "THEME_LABELS",
    "WIZARD_THEMES",
    "Preferences",
    "PreferencesHolder",
    "config_dir",
    "load_preferences",
    "preferences_path",
    "save_preferences",
]

CONFIG_ENV = "SYNERGY_WIZARD_CONFIG"
"""Environment variable naming the folder of the preferences file (tests, portable use)."""

PREFERENCES_NAME = "preferences.json"
DEFAULT_THEME = "textual-dark"

HIGH_CONTRAST_DARK = Theme(
    name="contraste-eleve",
    primary="#FFD700",
    secondary="#00FFFF",
    accent="#FFD700",
    warning="#FFA500",
    error="#FF5555",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#262626",
    dark=True,
    variables={
        "text-muted": "#FFFFFF",
        "text-primary": "#FFD700",
        "text-accent": "#00FFFF",
        "text-warning": "#FFD700",
        "text-error": "#FF7777",
        "text-success": "#00FF00",
        "footer-key-foreground": "#FFD700",
        "footer-description-foreground": "#FFFFFF",
        "block-cursor-background": "#FFD700",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "input-selection-background": "#FFD700 60%",
        "border": "#FFD700",
        "border-blurred": "#FFFFFF",
        "scrollbar": "#FFFFFF",
    },
)

HIGH_CONTRAST_LIGHT = Theme(
    name="contraste-eleve-clair",
    primary="#0000CC",
    secondary="#000080",
    accent="#8B0000",
    warning="#8B4500",
    error="#B00000",
    success="#006400",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E6E6E6",
    boost="#D9D9D9",
    dark=False,
    variables={
        "text-muted": "#000000",
        "text-primary": "#0000CC",
        "text-accent": "#8B0000",
        "text-warning": "#8B4500",
        "text-error": "#B00000",
        "text-success": "#006400",
        "footer-key-foreground": "#0000CC",
        "footer-description-foreground": "#000000",
        "block-cursor-background": "#0000CC",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-text-style": "bold",
        "border": "#0000CC",
        "border-blurred": "#000000",
        "scrollbar": "#000000",
    },
)

WIZARD_THEMES: tuple[Theme, ...] = (HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT)
"""The themes of the wizard, registered with the app next to Textual's own."""

THEME_LABELS: dict[str, str] = {
    "textual-dark": "Sombre (par défaut)",
    "textual-light": "Clair",
    "contraste-eleve": "Contraste élevé, fond noir",
    "contraste-eleve-clair": "Contraste élevé, fond blanc",
    "solarized-light": "Solarized clair",
    "solarized-dark": "Solarized sombre",
    "nord": "Nord (bleu froid)",
    "gruvbox": "Gruvbox (tons chauds)",
    "ansi-dark": "Couleurs du terminal (sombre)",
    "ansi-light": "Couleurs du terminal (clair)",
}
"""The themes offered to the user, in this order, with their French names."""


@dataclass(frozen=True)
class Preferences:
    """What the wizard remembers from one run to the next."""

    theme: str = DEFAULT_THEME
    open_after_export: bool = False
    """Open an exported file with the usual program of the computer."""
    show_guidance: bool = True
    """Show the guidance panel beside (or under) the question while walking a dossier."""


@runtime_checkable
class PreferencesHolder(Protocol):
    """What the app offers the screens: the preferences, and a way to change them."""

    preferences: Preferences

    def remember(
        self,
        *,
        theme: str | None = None,
        open_after_export: bool | None = None,
        show_guidance: bool | None = None,
    ) -> None:
        """Change some preferences and save them (a failure to save is only reported)."""


def config_dir() -> Path:
    """The folder of the preferences file: ``$SYNERGY_WIZARD_CONFIG``, else the user's."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def preferences_path() -> Path:
    """The preferences file (it may not exist yet)."""
    return config_dir() / PREFERENCES_NAME


def load_preferences() -> Preferences:
    """The remembered preferences; the defaults for anything missing, unknown or damaged."""
    try:
        data = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    defaults = Preferences()
    theme = data.get("theme")
    open_after = data.get("open_after_export")
    guidance = data.get("show_guidance")
    return Preferences(
        theme=theme if isinstance(theme, str) and theme in THEME_LABELS else defaults.theme,
        open_after_export=(
            open_after if isinstance(open_after, bool) else defaults.open_after_export
        ),
        show_guidance=guidance if isinstance(guidance, bool) else defaults.show_guidance,
    )


def save_preferences(preferences: Preferences) -> Path:
    """Write the preferences (atomically, user-only). Raises StorageError (French)."""
    path = preferences_path()
    text = json.dumps(asdict(preferences), ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    return path
