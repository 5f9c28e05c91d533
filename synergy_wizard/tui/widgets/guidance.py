"""The guidance panel of a question: its help text, field experience and references."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from synergy_wizard.checklist.models import Question, Source


def _escape(text: str) -> str:
    """Make plain text safe inside a Markdown link label or list item."""
    for char in "\\`*_[]<>":
        text = text.replace(char, "\\" + char)
    return text


def guidance_markdown(question: Question, sources: Mapping[str, Source]) -> str:
    """The guidance of ``question`` as one Markdown document (French headings)."""
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
        lines = []
        for reference in question.references:
            line = f"- {_escape(reference.text)}"
            source = sources.get(reference.source) if reference.source else None
            url = reference.url or (source.url if source else "")
            label = _escape(source.title) if source is not None else ""
            if url.startswith(("https://", "http://")):
                line += f" — [{label or 'lien'}](<{url}>)"
            elif label:
                line += f" — {label}"
            lines.append(line)
        parts.append("**Références**\n\n" + "\n".join(lines))
    if not parts:
        return "Pas d'aide particulière pour cette question."
    return "\n\n".join(parts)


class GuidancePanel(Vertical):
    """Help for the current question, next to it on wide screens, under it on narrow ones."""

    def __init__(self, markdown: str) -> None:
        super().__init__(classes="guidance")
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield Static("Aide", classes="guidance-title")
        yield Markdown(self.markdown, classes="guidance-text")
