"""The guidance panel of a question: its help text, field experience, references, glossary."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from synergy_wizard.checklist.models import GlossaryEntry, Question, Reference, Source
from synergy_wizard.tui.finder import fold
from synergy_wizard.tui.guard import Guarded
from synergy_wizard.tui.widgets.guidance_text import GuidanceText, guidance_visual


def _escape(text: str) -> str:
    """Make plain text safe inside a Markdown link label or list item."""
    for char in "\\`*_[]<>":
        text = text.replace(char, "\\" + char)
    return text


@lru_cache(maxsize=2048)
def _term_pattern(term: str) -> re.Pattern[str]:
    """A term as whole words, each word also in the plural (« groupe » finds « groupes »)."""
    words = fold(term).split()
    body = r"\s+".join(re.escape(word) + "[sx]?" for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def glossary_terms(question: Question, glossary: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    """The glossary entries whose term appears in the question or its guidance."""
    parts = [question.text, question.guidance, *question.favourable, *question.problematic]
    parts += [f"{reference.text} {reference.article}" for reference in question.references]
    text = fold("\n".join(parts))
    return [entry for entry in glossary if _term_pattern(entry.term).search(text)]


def _reference_line(reference: Reference, sources: Mapping[str, Source]) -> str:
    line = f"- {_escape(reference.text)}"
    if reference.article:
        line += f", {_escape(reference.article)}"
    if reference.date:
        line += f" ({_escape(reference.date)})"
    source = sources.get(reference.source) if reference.source else None
    url = reference.url or (source.url if source else "")
    label = _escape(source.title) if source is not None else ""
    if url.startswith(("https://", "http://")):
        line += f" — [{label or 'lien'}](<{url}>)"
    elif label:
        line += f" — {label}"
    return line


def guidance_markdown(
    question: Question,
    sources: Mapping[str, Source],
    glossary: Sequence[GlossaryEntry] = (),
) -> str:
    """The guidance of ``question`` as one Markdown document (French headings).

    ``glossary`` holds the entries to explain (see :func:`glossary_terms`).
    """
    parts: list[str] = []
    if question.guidance:
        parts.append(question.guidance)
    if question.favourable:
        items = "\n".join(f"- {item}" for item in question.favourable)
        parts.append(f"**Ce qui a aidé ailleurs**\n\n{items}")
    if question.problematic:
        items = "\n".join(f"- {item}" for item in question.problematic)
        parts.append(f"**Ce qui a posé problème**\n\n{items}")
    if question.references:
        lines = [_reference_line(reference, sources) for reference in question.references]
        parts.append("**Références**\n\n" + "\n".join(lines))
    if glossary:
        lines = [
            f"- **{_escape(entry.term)}** : {_escape(' '.join(entry.definition.split()))}"
            for entry in glossary
        ]
        parts.append("**Glossaire**\n\n" + "\n".join(lines))
    if not parts:
        return "Pas d'aide particulière pour cette question."
    return "\n\n".join(parts)


class GuidancePanel(Guarded, Vertical):
    """Help for the current question, next to it on wide screens, under it on narrow ones.

    The panel stays mounted from question to question: :meth:`show` only replaces its text.
    """

    def __init__(self, markdown: str) -> None:
        super().__init__(classes="guidance")
        self.markdown = markdown
        """The guidance shown, as Markdown."""

    def compose(self) -> ComposeResult:
        yield Static("Aide", classes="guidance-title")
        yield GuidanceText(guidance_visual(self.markdown), classes="guidance-text")

    def show(self, markdown: str) -> None:
        """Show the guidance ``markdown`` (nothing to do when it is already shown)."""
        if markdown != self.markdown:
            self.markdown = markdown
            self.query_one(GuidanceText).show(markdown)
