"""Dates and counts written the French way, for the dossier (« 1er mars 2027 », « 2 points »)."""

from __future__ import annotations

from datetime import date, datetime

MONTHS: tuple[str, ...] = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def format_date(value: date | datetime | None) -> str:
    """« 22 novembre 2026 », « 1er mars 2027 »; an empty string for no date."""
    if value is None:
        return ""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: datetime | None) -> str:
    """« 22 novembre 2026 à 14 h 05 », in the time zone the moment was recorded in."""
    if value is None:
        return ""
    return f"{format_date(value)} à {value.hour} h {value.minute:02d}"


def plural(count: int, singular: str, plural_form: str) -> str:
    """The French form for ``count``: 0 and 1 take the singular."""
    return singular if abs(count) < 2 else plural_form
