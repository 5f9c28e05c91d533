"""The plain data a dossier template receives.

Everything a template shows is computed here (numbers, labels, French dates, safe HTML),
so templates hold nothing but loops and conditions and can be edited by staff without
knowing Python. User text is passed as data only: it is never compiled as a template.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from markupsafe import Markup

from synergy_wizard import __version__
from synergy_wizard.answers.model import Answer, AnswerValue, Dossier, now
from synergy_wizard.answers.progress import compute_progress, is_open_point
from synergy_wizard.checklist.models import (
    KIND_LABELS,
    STATUT_CHOICES,
    Checklist,
    Question,
    Section,
    Source,
)
from synergy_wizard.render import markdown
from synergy_wizard.render.escape import safe_url
from synergy_wizard.render.french import format_date, format_datetime

_STATUT_IDS = frozenset(choice.id for choice in STATUT_CHOICES)


@dataclass(frozen=True, slots=True)
class SourceView:
    """A documentary source of the checklist (``url`` is empty unless it is a safe web link)."""

    id: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class ReferenceView:
    """A reference of a question, its source resolved."""

    text: str
    source_id: str
    source_title: str
    url: str


@dataclass(frozen=True, slots=True)
class QuestionView:
    """One question and its answer, ready to display."""

    id: str
    number: str
    text: str
    kind: str
    kind_label: str
    required: bool
    answered: bool
    unanswered: bool
    multiple: bool
    """True for a multiple choice: the answer is in ``values`` (one label each)."""
    free_text: bool
    """True for a text answer (short or long), shown as typed, line breaks kept."""
    value: str
    """The answer in French: a choice label or the text as typed; "" when unanswered."""
    values: tuple[str, ...]
    statut: str
    """The statut id (``oui``, ``non``...) for a statut question, else ""."""
    open_point: bool
    note: str
    owner: str
    deadline: str
    guidance_html: Markup
    favourable: tuple[str, ...]
    problematic: tuple[str, ...]
    references: tuple[ReferenceView, ...]


@dataclass(frozen=True, slots=True)
class SectionView:
    """One section with its questions and its counts."""

    id: str
    number: str
    title: str
    introduction_html: Markup
    introduction_md: str
    questions: tuple[QuestionView, ...]
    total: int
    answered: int
    open_points: int
    state: str


@dataclass(frozen=True, slots=True)
class OrphanView:
    """An answer to a question the checklist no longer has: kept and shown, never dropped."""

    question_id: str
    values: tuple[str, ...]
    note: str
    owner: str
    deadline: str
    updated: str


@dataclass(frozen=True, slots=True)
class ProjectView:
    """The project, as on the cover."""

    name: str
    cpas: str
    partner: str
    author: str
    created: str
    updated: str


@dataclass(frozen=True, slots=True)
class ChecklistView:
    """The checklist the dossier answers."""

    id: str
    title: str
    version: str
    legal_framework_date: str
    notice: str
    summary: str
    sources: tuple[SourceView, ...]


@dataclass(frozen=True, slots=True)
class StampView:
    """The checklist the answers were given with, when it differs from the one shown."""

    id: str
    version: str
    same_checklist: bool
    same_version: bool
    same_content: bool


@dataclass(frozen=True, slots=True)
class ProgressView:
    """Overall counts."""

    total: int
    answered: int
    unanswered: int
    open_points: int
    percent: int
    required_missing: int


@dataclass(frozen=True, slots=True)
class DossierContext:
    """Everything a dossier template receives; each field is a top-level template name."""

    project: ProjectView
    checklist: ChecklistView
    stamp: StampView
    progress: ProgressView
    sections: tuple[SectionView, ...]
    open_points: tuple[QuestionView, ...]
    orphans: tuple[OrphanView, ...]
    generator: str
    generator_version: str
    generated_on: str

    def as_mapping(self) -> dict[str, object]:
        """The template variables."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


def build_context(
    checklist: Checklist, dossier: Dossier, *, generated_at: datetime | None = None
) -> DossierContext:
    """The template context for ``dossier`` shown against ``checklist``."""
    progress = compute_progress(checklist, dossier)
    sources = {source.id: source for source in checklist.sources}
    sections = tuple(
        _section(number, section, dossier, sources, progress.sections[number - 1].state)
        for number, section in enumerate(checklist.sections, start=1)
    )
    required_missing = sum(
        1 for q in checklist.questions if q.required and not dossier.answer(q.id).is_answered
    )
    project = dossier.project
    stamp = dossier.checklist
    return DossierContext(
        project=ProjectView(
            name=project.name,
            cpas=project.cpas,
            partner=project.partner,
            author=project.author,
            created=format_date(project.created_at),
            updated=format_datetime(project.updated_at),
        ),
        checklist=ChecklistView(
            id=checklist.id,
            title=checklist.title,
            version=checklist.version,
            legal_framework_date=format_date(checklist.legal_framework_date),
            notice=checklist.notice,
            summary=checklist.summary,
            sources=tuple(SourceView(s.id, s.title, safe_url(s.url)) for s in checklist.sources),
        ),
        stamp=StampView(
            id=stamp.id,
            version=stamp.version,
            same_checklist=stamp.id == checklist.id,
            same_version=stamp.version == checklist.version,
            same_content=stamp.content_hash == checklist.content_hash,
        ),
        progress=ProgressView(
            total=progress.total,
            answered=progress.answered,
            unanswered=progress.total - progress.answered,
            open_points=progress.open_points,
            percent=progress.percent,
            required_missing=required_missing,
        ),
        sections=sections,
        open_points=tuple(q for s in sections for q in s.questions if q.open_point),
        orphans=_orphans(checklist, dossier),
        generator="synergy-wizard",
        generator_version=__version__,
        generated_on=format_date(generated_at or now()),
    )


def _section(
    number: int,
    section: Section,
    dossier: Dossier,
    sources: dict[str, Source],
    state: str,
) -> SectionView:
    questions = tuple(
        _question(f"{number}.{index}", question, dossier, sources)
        for index, question in enumerate(section.questions, start=1)
    )
    return SectionView(
        id=section.id,
        number=str(number),
        title=section.title,
        introduction_html=markdown.to_html(section.introduction),
        introduction_md=markdown.to_markdown(section.introduction),
        questions=questions,
        total=len(questions),
        answered=sum(1 for q in questions if q.answered),
        open_points=sum(1 for q in questions if q.open_point),
        state=state,
    )


def _question(
    number: str, question: Question, dossier: Dossier, sources: dict[str, Source]
) -> QuestionView:
    answer = dossier.answer(question.id)
    values = _answer_labels(question, answer) if answer.is_answered else ()
    multiple = question.kind == "choix_multiple"
    value = answer.value
    statut = value if isinstance(value, str) and value in _STATUT_IDS else ""
    return QuestionView(
        id=question.id,
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
        statut=statut if question.kind == "statut" else "",
        open_point=is_open_point(question, dossier),
        note=answer.note,
        owner=answer.owner,
        deadline=format_date(answer.deadline),
        guidance_html=markdown.to_html(question.guidance),
        favourable=question.favourable,
        problematic=question.problematic,
        references=tuple(
            _reference(ref.text, ref.source, ref.url, sources) for ref in question.references
        ),
    )


def _answer_labels(question: Question, answer: Answer) -> tuple[str, ...]:
    """The answer in French: choice labels, or the text as typed (one item)."""
    raw = _raw_values(answer.value)
    if question.kind in ("texte", "texte_long"):
        return ("\n".join(raw),)
    known = {choice.id for choice in question.effective_choices}
    return tuple(
        question.choice_label(value)
        if value in known
        else f"{value} (choix absent de cette version de la check-list)"
        for value in raw
    )


def _raw_values(value: AnswerValue) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _reference(text: str, source_id: str, url: str, sources: dict[str, Source]) -> ReferenceView:
    source = sources.get(source_id)
    return ReferenceView(
        text=text,
        source_id=source_id,
        source_title=source.title if source else "",
        url=safe_url(url or (source.url if source else "")),
    )


def _orphans(checklist: Checklist, dossier: Dossier) -> tuple[OrphanView, ...]:
    """Answers whose question id the checklist does not know, in file order."""
    return tuple(
        OrphanView(
            question_id=question_id,
            values=_raw_values(answer.value),
            note=answer.note,
            owner=answer.owner,
            deadline=format_date(answer.deadline),
            updated=format_datetime(answer.updated_at),
        )
        for question_id, answer in dossier.answers.items()
        if question_id not in checklist.question_index
    )
