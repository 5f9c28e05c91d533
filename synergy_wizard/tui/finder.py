"""Find questions of a dossier: by words (question, guidance, notes) and by follow-up state.

Plain Python (no Textual), used by the search dialog. Matching ignores case and accents:
« echeance » finds « Échéance ». Only the questions shown now (the visible slots of the
plan) are searched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from synergy_wizard.answers.model import Answer
from synergy_wizard.answers.plan import Plan, Slot
from synergy_wizard.answers.progress import slot_is_open

FilterName = Literal["toutes", "sans-reponse", "points-ouverts", "avec-responsable", "en-retard"]

FILTER_LABELS: dict[FilterName, str] = {
    "toutes": "Toutes",
    "sans-reponse": "Sans réponse",
    "points-ouverts": "Points ouverts",
    "avec-responsable": "Avec responsable",
    "en-retard": "En retard",
}
"""The filters, in the order they are offered, with their French labels."""

MAX_RESULTS = 200
"""At most this many questions are listed; the count says how many matched."""

_EXCERPT_WIDTH = 60
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def fold(text: str) -> str:
    """``text`` without accents nor case, for matching (« Échéance » → « echeance »)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the original one."""
    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        part = fold(char)
        folded.append(part)
        origins.extend([index] * len(part))
    return "".join(folded), origins


def excerpt(text: str, word: str, width: int = _EXCERPT_WIDTH) -> str:
    """A one-line extract of ``text`` around the first match of ``word`` (folded)."""
    folded, origins = _fold_with_map(text)
    position = folded.find(word)
    flat = " ".join(text.split())
    if position < 0 or not origins:
        return flat[:width] + ("…" if len(flat) > width else "")
    start_char = origins[position]
    start = max(0, start_char - width // 3)
    end = start + width
    piece = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def words_of(query: str) -> list[str]:
    """The folded words of a search query (every word must match)."""
    return [word for word in re.split(r"\s+", fold(query)) if word]


@dataclass(frozen=True)
class Hit:
    """A question that matches, with what to show about it."""

    slot: Slot
    section_number: int
    """Position of its section among the visible ones, from 1."""
    number: int
    """Position of the question among the visible ones of its section, from 1."""
    user_match: str = ""
    """Where the user's own text matched, as « Note : …extract… » (empty otherwise)."""


def is_overdue(answer: Answer, today: date) -> bool:
    """A follow-up whose deadline is before ``today``."""
    return answer.deadline is not None and answer.deadline < today


def _filter(name: FilterName, plan: Plan, today: date) -> Callable[[Slot], bool]:
    dossier = plan.dossier
    if name == "sans-reponse":
        return lambda slot: not dossier.answer(slot.key).is_answered
    if name == "points-ouverts":
        return lambda slot: slot_is_open(slot, dossier)
    if name == "avec-responsable":
        return lambda slot: bool(dossier.answer(slot.key).owner.strip())
    if name == "en-retard":
        return lambda slot: is_overdue(dossier.answer(slot.key), today)
    return lambda slot: True


def _checklist_text(slot: Slot) -> str:
    question = slot.question
    parts: Iterable[str] = (
        question.text,
        question.guidance,
        *question.favourable,
        *question.problematic,
    )
    return fold("\n".join(parts))


class Finder:
    """Searches the visible questions of one plan; the folded texts are prepared once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._numbers: dict[str, tuple[int, int]] = {}
        section_number = 0
        last_instance = ""
        number = 0
        for slot in plan.visible_slots:
            if slot.instance.key != last_instance:
                last_instance = slot.instance.key
                section_number += 1
                number = 0
            number += 1
            self._numbers[slot.key] = (section_number, number)
        self._texts = {slot.key: _checklist_text(slot) for slot in plan.visible_slots}
        self._user: dict[str, list[tuple[str, str, str]]] = {
            slot.key: [(label, text, fold(text)) for label, text in self._user_fields(slot)]
            for slot in plan.visible_slots
        }

    def _user_fields(self, slot: Slot) -> list[tuple[str, str]]:
        """The user's texts for a question, with their French label: note, answer, owner."""
        answer = self.plan.dossier.answer(slot.key)
        fields = [("Note", answer.note), ("Responsable", answer.owner)]
        if slot.question.kind in ("texte", "texte_long") and isinstance(answer.value, str):
            fields.insert(1, ("Réponse", answer.value))
        return [(label, text) for label, text in fields if text.strip()]

    def find(self, query: str, filter_name: FilterName, today: date) -> list[Hit]:
        """The visible questions matching every word of ``query`` and the filter, in order."""
        words = words_of(query)
        keep = _filter(filter_name, self.plan, today)
        hits: list[Hit] = []
        for slot in self.plan.visible_slots:
            if not keep(slot):
                continue
            text, user = self._texts[slot.key], self._user[slot.key]
            if not all(word in text or any(word in f for _, _, f in user) for word in words):
                continue
            section_number, number = self._numbers[slot.key]
            hits.append(Hit(slot, section_number, number, _user_match(words, user)))
        return hits


def _user_match(words: list[str], fields: list[tuple[str, str, str]]) -> str:
    """« Note : …extract… » for the first of the user's texts a word matched in."""
    for label, original, folded in fields:
        for word in words:
            if word in folded:
                return f"{label} : {excerpt(original, word)}"
    return ""
