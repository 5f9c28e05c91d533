"""Lint checks on the wording: help texts, acronyms, long sentences, repeated texts.

They are warnings: the checklist works, but a director-general reading it would be slowed
down or left guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from synergy_wizard.checklist.lint_base import LintContext, Loc

__all__ = ["MAX_SENTENCE_WORDS", "acronyms_in", "check_content", "sentences"]

MAX_SENTENCE_WORDS = 35
"""A sentence longer than this is hard to read on screen; split it."""

_TOKEN = re.compile(r"[^\W_]+")
_UPPER_OR_DIGIT = re.compile(r"[A-ZÀ-ÖØ-Þ0-9]+")
_ROMAN = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_LIST_ITEM = re.compile(r"\s*(?:[-*+]\s|\d+[.)]\s|#|>)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_WORDS = re.compile(r"\S*[^\W_]\S*")


@dataclass(frozen=True)
class _Field:
    loc: Loc
    text: str
    prose: bool
    """Sentences are checked for length (texts, help, introductions, points, summary)."""


def acronyms_in(text: str) -> Iterator[str]:
    """Every acronym in ``text``: a word of capitals (and digits) with at least two capitals,
    roman numerals (« XII ») left out."""
    for match in _TOKEN.finditer(text):
        word = match.group()
        if not _UPPER_OR_DIGIT.fullmatch(word):
            continue
        if sum(1 for char in word if char.isalpha()) < 2 or _ROMAN.fullmatch(word):
            continue
        yield word


def sentences(text: str) -> Iterator[str]:
    """The sentences of a text in Markdown: paragraphs and list items are split apart, then
    split after « . », « ! », « ? » or « … »."""
    unit: list[str] = []
    for line in [*text.splitlines(), ""]:
        if not line.strip() or _LIST_ITEM.match(line):
            if unit:
                yield from _split(" ".join(unit))
            unit = [line.strip()] if line.strip() else []
        else:
            unit.append(line.strip())


def _split(paragraph: str) -> Iterator[str]:
    marker = _LIST_ITEM.match(paragraph)
    start = marker.end() if marker else 0
    parts = [part.strip() for part in _SENTENCE_END.split(paragraph[start:]) if part.strip()]
    if parts and start:
        parts[0] = paragraph[:start] + parts[0]  # « 1. » opens an item, it ends no sentence
    yield from parts


def word_count(sentence: str) -> int:
    return len(_WORDS.findall(sentence))


def check_content(context: LintContext) -> None:
    """Report missing help, unexplained acronyms, long sentences and repeated texts."""
    fields = list(_fields(context))
    _check_help(context)
    _check_acronyms(context, fields)
    _check_sentences(context, fields)
    _check_duplicate_texts(context)
    _check_statut_questions(context)
    _check_glossary(context)
    _check_choice_labels(context)


def _fields(context: LintContext) -> Iterator[_Field]:
    checklist = context.checklist
    yield _Field(("titre",), checklist.title, False)
    yield _Field(("resume",), checklist.summary, True)
    yield _Field(("avertissement",), checklist.notice, True)
    for loc, section in context.sections():
        yield _Field((*loc, "titre"), section.title, False)
        if section.introduction:
            yield _Field((*loc, "introduction"), section.introduction, True)
        for index, question in enumerate(section.questions):
            here = (*loc, "questions", index)
            yield _Field((*here, "texte"), question.text, True)
            if question.guidance:
                yield _Field((*here, "aide"), question.guidance, True)
            for key, points in (
                ("points_favorables", question.favourable),
                ("points_problematiques", question.problematic),
            ):
                for position, point in enumerate(points):
                    yield _Field((*here, key, position), point, True)
            for position, choice in enumerate(question.choices):
                yield _Field((*here, "choix", position, "libelle"), choice.label, False)
            for position, ref in enumerate(question.references):
                yield _Field((*here, "references", position, "texte"), ref.text, False)
                if ref.article:
                    yield _Field((*here, "references", position, "article"), ref.article, False)
    for index, entry in enumerate(checklist.glossary):
        yield _Field(("glossaire", index, "definition"), entry.definition, False)


def _check_help(context: LintContext) -> None:
    for loc, _, question in context.questions():
        if not question.guidance:
            context.warning(
                loc,
                "aide-absente",
                f"la question « {question.id} » n'a pas d'aide",
                "ajoutez « aide: » : pourquoi la question compte, à quoi ressemble une bonne "
                "réponse ou une bonne pièce justificative",
            )


def _check_acronyms(context: LintContext, fields: list[_Field]) -> None:
    known: set[str] = set()
    for entry in context.checklist.glossary:
        known.add(entry.term)
        known.update(acronyms_in(entry.term))
    first: dict[str, _Field] = {}
    count: dict[str, int] = {}
    for field in fields:
        for acronym in acronyms_in(field.text):
            if acronym in known:
                continue
            first.setdefault(acronym, field)
            count[acronym] = count.get(acronym, 0) + 1
    for acronym, field in first.items():
        times = count[acronym]
        used = f" (employé {times} fois)" if times > 1 else ""
        context.warning(
            context.find_in_node(field.loc, acronym, length=len(field.text)),
            "sigle-absent-du-glossaire",
            f"le sigle « {acronym} » n'est pas expliqué dans le glossaire{used}",
            f"ajoutez au « glossaire » une entrée « - terme: {acronym} » avec sa définition, "
            "ou écrivez le mot en toutes lettres",
        )


def _check_sentences(context: LintContext, fields: list[_Field]) -> None:
    for field in fields:
        if not field.prose:
            continue
        for sentence in sentences(field.text):
            words = word_count(sentence)
            if words <= MAX_SENTENCE_WORDS:
                continue
            opening = " ".join(sentence.split()[:6])
            context.warning(
                context.find_in_node(field.loc, opening, length=len(field.text)),
                "phrase-trop-longue",
                f"phrase de {words} mots (au plus {MAX_SENTENCE_WORDS}) : « {opening} … »",
                "coupez-la en phrases plus courtes, une idée par phrase",
            )


def _normalized(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(" ?.!…:;")


def _check_duplicate_texts(context: LintContext) -> None:
    seen: dict[str, tuple[str, Loc]] = {}
    for loc, _, question in context.questions():
        key = _normalized(question.text)
        if key not in seen:
            seen[key] = (question.id, loc)
            continue
        other, other_loc = seen[key]
        context.warning(
            (*loc, "texte"),
            "texte-en-double",
            f"la question « {question.id} » a le même texte que la question « {other} » "
            f"(ligne {context.line_of(other_loc)})",
            "reformulez l'une des deux pour dire ce qui les distingue, ou gardez-en une seule",
        )


def _check_statut_questions(context: LintContext) -> None:
    for loc, _, question in context.questions():
        if question.kind == "statut" and "?" not in question.text:
            context.warning(
                (*loc, "texte"),
                "statut-sans-question",
                f"la question « {question.id} » attend un statut (oui, non, partiellement…) "
                "mais n'est pas posée comme une question",
                "formulez une question fermée qui se termine par « ? », par exemple « Le "
                "budget est-il approuvé ? »",
            )


def _check_glossary(context: LintContext) -> None:
    seen: dict[str, int] = {}
    for index, entry in enumerate(context.checklist.glossary):
        if entry.term not in seen:
            seen[entry.term] = index
            continue
        line = context.line_of(("glossaire", seen[entry.term]))
        context.warning(
            ("glossaire", index, "terme"),
            "terme-en-double",
            f"le terme « {entry.term} » figure deux fois dans le glossaire (ligne {line})",
            "gardez une seule définition",
        )


def _check_choice_labels(context: LintContext) -> None:
    for loc, _, question in context.questions():
        seen: dict[str, str] = {}
        for index, choice in enumerate(question.choices):
            key = _normalized(choice.label)
            if key in seen:
                context.warning(
                    (*loc, "choix", index, "libelle"),
                    "libelle-en-double",
                    f"les choix « {seen[key]} » et « {choice.id} » de la question "
                    f"« {question.id} » ont le même libellé",
                    "donnez à chaque choix un libellé qui le distingue",
                )
            else:
                seen[key] = choice.id
