"""One question and its answer as a :class:`QuestionView`: labels, French dates, follow-up."""

from __future__ import annotations

from datetime import date

from synergy_wizard.answers.action_plan import has_follow_up, is_overdue
from synergy_wizard.answers.model import PRIORITY_LABELS, Answer, AnswerValue
from synergy_wizard.checklist.models import (
    KIND_LABELS,
    OPEN_STATUTS,
    STATUT_CHOICES,
    Question,
    Source,
)
from synergy_wizard.render import markdown
from synergy_wizard.render.escape import safe_url
from synergy_wizard.render.french import format_date
from synergy_wizard.render.views import QuestionView, ReferenceView

_STATUT_IDS = frozenset(choice.id for choice in STATUT_CHOICES)
UNKNOWN_CHOICE = "(choix absent de cette version de la check-list)"


def question_view(
    number: str,
    question: Question,
    anchor: str,
    answer: Answer,
    sources: dict[str, Source],
    *,
    today: date,
    condition: str = "",
) -> QuestionView:
    """The view of ``question`` answered by ``answer`` (an empty ``Answer()`` when blank)."""
    values = answer_labels(question, answer) if answer.is_answered else ()
    multiple = question.kind == "choix_multiple"
    value = answer.value
    statut = value if isinstance(value, str) and value in _STATUT_IDS else ""
    statut = statut if question.kind == "statut" else ""
    deadline = answer.deadline
    return QuestionView(
        id=anchor,
        number=number,
        text=question.text,
        kind=question.kind,
        kind_label=KIND_LABELS.get(question.kind, question.kind),
        required=question.required,
        answered=answer.is_answered,
        unanswered=not answer.is_answered,
        multiple=multiple,
        free_text=question.kind in ("texte", "texte_long"),
        value="" if multiple else ", ".join(values),
        values=values if multiple else (),
        statut=statut,
        open_point=statut in OPEN_STATUTS,
        note=answer.note,
        owner=answer.owner,
        deadline=format_date(deadline),
        deadline_iso=deadline.isoformat() if deadline else "",
        priority=answer.priority or "",
        priority_label=PRIORITY_LABELS.get(answer.priority or "", ""),
        overdue=is_overdue(question, answer, today),
        has_followup=has_follow_up(answer),
        guidance_html=markdown.to_html(question.guidance),
        guidance_text=markdown.to_plain(question.guidance),
        favourable=question.favourable,
        problematic=question.problematic,
        references=tuple(
            reference_view(ref.text, ref.article, ref.date, ref.source, ref.url, sources)
            for ref in question.references
        ),
        choices=tuple(choice.label for choice in question.effective_choices),
        condition=condition,
    )


def answer_labels(question: Question, answer: Answer) -> tuple[str, ...]:
    """The answer in French: choice labels, or the text as typed (one item)."""
    raw = raw_values(answer.value)
    if question.kind in ("texte", "texte_long"):
        return ("\n".join(raw),)
    known = {choice.id for choice in question.effective_choices}
    return tuple(
        question.choice_label(value) if value in known else f"{value} {UNKNOWN_CHOICE}"
        for value in raw
    )


def raw_values(value: AnswerValue) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def reference_view(
    text: str, article: str, when: str, source_id: str, url: str, sources: dict[str, Source]
) -> ReferenceView:
    source = sources.get(source_id)
    return ReferenceView(
        text=text,
        article=article,
        date=when,
        source_id=source_id,
        source_title=source.title if source else "",
        url=safe_url(url or (source.url if source else "")),
    )
