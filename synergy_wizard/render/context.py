"""The plain data a dossier template receives (see :mod:`.views` for each name).

Everything a template shows is computed here (numbers, labels, French dates, safe HTML),
so templates hold nothing but loops and conditions and can be edited by staff without
knowing Python. User text is passed as data only: it is never compiled as a template.

The concise and complete dossiers follow the plan of the answers (hidden questions left out,
repeated sections once per choice); the blank checklist prints every question once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from synergy_wizard import __version__
from synergy_wizard.answers.model import Answer, Dossier, now
from synergy_wizard.answers.plan import Plan, build_plan, split_key
from synergy_wizard.answers.progress import progress_of
from synergy_wizard.checklist.models import Checklist, Section, Source
from synergy_wizard.render import markdown
from synergy_wizard.render.conditions_text import ConditionWriter
from synergy_wizard.render.escape import safe_url
from synergy_wizard.render.formats import MODE_LABELS, Mode
from synergy_wizard.render.french import format_date, format_datetime
from synergy_wizard.render.questions import answer_labels, question_view, raw_values
from synergy_wizard.render.synthesis import (
    build_actions,
    build_synthesis,
    build_unanswered,
    collect_references,
)
from synergy_wizard.render.views import (
    ChecklistView,
    DossierContext,
    GlossaryView,
    KeptAnswerView,
    ProgressView,
    ProjectView,
    QuestionView,
    SectionView,
    SourceView,
    StampView,
)

Part = tuple[SectionView, tuple[QuestionView, ...]]
"""A section view (with the questions it shows) and all its visible questions."""


def build_context(
    checklist: Checklist,
    dossier: Dossier,
    *,
    mode: Mode = "concis",
    generated_at: datetime | None = None,
) -> DossierContext:
    """The template context for ``dossier`` shown against ``checklist`` in ``mode``."""
    moment = generated_at or now()
    sources = {source.id: source for source in checklist.sources}
    if mode == "vierge":
        parts = _blank_parts(checklist, sources, moment.date())
        plan = None
    else:
        plan = build_plan(checklist, dossier)
        parts = _dossier_parts(plan, sources, moment.date(), complete=mode == "complet")
    sections = tuple(section for section, _ in parts)
    questions = tuple(q for _, all_questions in parts for q in all_questions)
    shown = {q.id for section in sections for q in section.questions}
    answered = sum(1 for q in questions if q.answered)
    total = len(questions)
    return DossierContext(
        mode=mode,
        mode_label=MODE_LABELS[mode],
        complete=mode == "complet",
        blank=mode == "vierge",
        project=_project(dossier),
        checklist=_checklist(checklist),
        stamp=StampView(
            id=dossier.checklist.id,
            version=dossier.checklist.version,
            same_checklist=dossier.checklist.id == checklist.id,
            same_version=dossier.checklist.version == checklist.version,
            same_content=dossier.checklist.content_hash == checklist.content_hash,
        ),
        progress=ProgressView(
            total=total,
            answered=answered,
            unanswered=total - answered,
            open_points=sum(1 for q in questions if q.open_point),
            percent=answered * 100 // total if total else 0,
            required_missing=sum(1 for q in questions if q.required and q.unanswered),
        ),
        synthesis=build_synthesis(sections, questions),
        sections=sections,
        open_points=tuple(q for q in questions if q.open_point),
        actions=build_actions(parts),
        unanswered=build_unanswered(parts, shown_ids=shown),
        orphans=tuple(_kept(plan, key) for key in plan.orphan_keys) if plan else (),
        hidden=(
            tuple(_kept(plan, slot.key) for slot in plan.hidden_answered)
            + tuple(_kept(plan, key) for key in plan.unchosen_repetition_answers)
            if plan
            else ()
        ),
        references=collect_references(questions),
        glossary=tuple(GlossaryView(e.term, e.definition) for e in checklist.glossary),
        generator="synergy-wizard",
        generator_version=__version__,
        generated_on=format_date(moment),
    )


def _project(dossier: Dossier) -> ProjectView:
    project = dossier.project
    return ProjectView(
        name=project.name,
        cpas=project.cpas,
        partner=project.partner,
        author=project.author,
        created=format_date(project.created_at),
        updated=format_datetime(project.updated_at),
    )


def _checklist(checklist: Checklist) -> ChecklistView:
    return ChecklistView(
        id=checklist.id,
        title=checklist.title,
        version=checklist.version,
        legal_framework_date=format_date(checklist.legal_framework_date),
        notice=checklist.notice,
        summary=checklist.summary,
        sources=tuple(SourceView(s.id, s.title, safe_url(s.url)) for s in checklist.sources),
    )


def _is_worth_showing(question: QuestionView) -> bool:
    """In the concise dossier: a question with an answer, a note or a follow-up."""
    return question.answered or bool(question.note.strip()) or question.has_followup


def _section_view(
    section: Section,
    *,
    anchor: str,
    number: str,
    title: str,
    questions: Sequence[QuestionView],
    shown: Sequence[QuestionView],
    state: str,
    condition: str = "",
    repeat_note: str = "",
) -> SectionView:
    return SectionView(
        id=anchor,
        number=number,
        title=title,
        introduction_html=markdown.to_html(section.introduction),
        introduction_md=markdown.to_markdown(section.introduction),
        introduction_text=markdown.to_plain(section.introduction),
        questions=tuple(shown),
        total=len(questions),
        answered=sum(1 for q in questions if q.answered),
        open_points=sum(1 for q in questions if q.open_point),
        left_out=len(questions) - len(shown),
        state=state,
        condition=condition,
        repeat_note=repeat_note,
    )


def _dossier_parts(
    plan: Plan, sources: dict[str, Source], today: date, *, complete: bool
) -> list[Part]:
    """The visible sections of the dossier, numbered as the wizard shows them."""
    parts: list[Part] = []
    for number, progress in enumerate(progress_of(plan).sections, start=1):
        instance = progress.instance
        slots = [slot for slot in plan.slots_of(instance) if slot.visible]
        questions = tuple(
            question_view(
                f"{number}.{index}",
                slot.question,
                slot.key.replace("@", "--"),
                plan.dossier.answer(slot.key),
                sources,
                today=today,
            )
            for index, slot in enumerate(slots, start=1)
        )
        shown = questions if complete else tuple(q for q in questions if _is_worth_showing(q))
        view = _section_view(
            instance.section,
            anchor=instance.key.replace("@", "--"),
            number=str(number),
            title=instance.title,
            questions=questions,
            shown=shown,
            state=progress.state,
        )
        parts.append((view, questions))
    return parts


def _blank_parts(checklist: Checklist, sources: dict[str, Source], today: date) -> list[Part]:
    """Every section and question of the checklist, once, with when each applies."""
    numbers = {
        question.id: f"{si}.{qi}"
        for si, section in enumerate(checklist.sections, start=1)
        for qi, question in enumerate(section.questions, start=1)
    }
    writer = ConditionWriter(checklist, numbers)
    parts: list[Part] = []
    for si, section in enumerate(checklist.sections, start=1):
        questions = tuple(
            question_view(
                numbers[question.id],
                question,
                question.id,
                Answer(),
                sources,
                today=today,
                condition=writer.describe(question.visible_if),
            )
            for question in section.questions
        )
        view = _section_view(
            section,
            anchor=section.id,
            number=str(si),
            title=section.title,
            questions=questions,
            shown=questions,
            state="à faire",
            condition=writer.describe(section.visible_if),
            repeat_note=_repeat_note(checklist, section, numbers),
        )
        parts.append((view, questions))
    return parts


def _repeat_note(checklist: Checklist, section: Section, numbers: dict[str, str]) -> str:
    """« À remplir pour chaque choix coché à la question 1.4 : « GRH », « Informatique ». »"""
    if section.repeat_for is None:
        return ""
    source = checklist.question(section.repeat_for)
    labels = ", ".join(f"« {choice.label} »" for choice in source.choices)
    return (
        f"À remplir une fois pour chaque choix coché à la question "
        f"{numbers[source.id]} ({labels}), en notant le choix concerné."
    )


def _kept(plan: Plan, key: str) -> KeptAnswerView:
    """An answer kept although it is not shown: orphaned, or its question is hidden."""
    answer = plan.dossier.answer(key)
    question_id, repetition = split_key(key)
    question_text = section_title = ""
    values = raw_values(answer.value)
    if question_id in plan.checklist.question_index:
        question = plan.checklist.question(question_id)
        section = plan.checklist.section_of(question_id)
        question_text = question.text
        section_title = section.title
        if repetition and section.repeat_for:
            label = plan.checklist.question(section.repeat_for).choice_label(repetition)
            section_title = f"{section.title} — {label}"
        if answer.is_answered:
            values = answer_labels(question, answer)
    return KeptAnswerView(
        question_id=key,
        values=values,
        note=answer.note,
        owner=answer.owner,
        deadline=format_date(answer.deadline),
        updated=format_datetime(answer.updated_at),
        question_text=question_text,
        section_title=section_title,
    )
