"""What the synthesis, the action plan and the annexes show, computed from the question views.

Everything here works on views already built (see :mod:`.context`), so the concise, complete
and blank dossiers agree on every number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from synergy_wizard.answers.action_plan import PRIORITY_ORDER, SETTLED_STATUTS
from synergy_wizard.checklist.models import STATUT_CHOICES
from synergy_wizard.render.views import (
    ActionView,
    BarView,
    ChartView,
    PointView,
    QuestionView,
    ReferenceEntryView,
    ReferenceView,
    SectionView,
    StatutCountView,
    SynthesisView,
    UnansweredView,
)

# Chart geometry, in SVG user units (the SVG scales to the width of the page).
CHART_WIDTH = 680
LABEL_WIDTH = 300
BAR_X = 308
BAR_WIDTH = 320
ROW_HEIGHT = 20
BAR_HEIGHT = 11
LABEL_CHARACTERS = 50
"""Longest section label on the chart; longer titles are shortened with « … »."""
POINT_CHARACTERS = 72
"""Longest question on one line of the synthesis' list of open points."""
SYNTHESIS_LINES = 25
"""Lines the chart and the open points share on the synthesis page (one per section or point)."""
MIN_POINTS = 6


def shorten(title: str, limit: int = LABEL_CHARACTERS) -> str:
    """``title`` cut to ``limit`` characters with « … », keeping a repetition's « — label »."""
    if len(title) <= limit:
        return title
    base, dash, suffix = title.rpartition(" — ")
    if dash and len(suffix) < limit // 2:
        room = limit - len(suffix) - len(dash) - 1
        return base[:room].rstrip(" ,;:") + "…" + dash + suffix
    return title[: limit - 1].rstrip(" ,;:") + "…"


def build_chart(sections: Sequence[SectionView]) -> ChartView:
    """One horizontal bar per section: answered, of which open points, out of its questions."""
    bars = []
    for index, section in enumerate(sections):
        total = max(section.total, 1)
        settled = section.answered - section.open_points
        done_width = round(BAR_WIDTH * settled / total)
        open_width = round(BAR_WIDTH * section.open_points / total)
        bars.append(
            BarView(
                number=section.number,
                label=shorten(f"{section.number}. {section.title}"),
                title=section.title,
                y=index * ROW_HEIGHT,
                done_width=done_width,
                open_x=BAR_X + done_width,
                open_width=open_width,
                total=section.total,
                answered=section.answered,
                open_points=section.open_points,
            )
        )
    legend_y = len(bars) * ROW_HEIGHT + 8
    return ChartView(
        width=CHART_WIDTH,
        height=legend_y + 16,
        label_width=LABEL_WIDTH,
        bar_x=BAR_X,
        bar_width=BAR_WIDTH,
        bar_height=BAR_HEIGHT,
        row_height=ROW_HEIGHT,
        count_x=CHART_WIDTH,
        bars=tuple(bars),
        legend_y=legend_y,
    )


def build_synthesis(
    sections: Sequence[SectionView], questions: Sequence[QuestionView]
) -> SynthesisView:
    """The chart and the counts per statut of the visible questions."""
    statut_questions = [q for q in questions if q.kind == "statut"]
    counts = []
    for choice in STATUT_CHOICES:
        count = sum(1 for q in statut_questions if q.statut == choice.id)
        counts.append(
            StatutCountView(choice.id, choice.label, count, choice.id not in SETTLED_STATUTS)
        )
    unanswered = sum(1 for q in statut_questions if not q.statut)
    counts.append(StatutCountView("", "Sans réponse", unanswered, False))
    others = [q for q in questions if q.kind != "statut"]
    open_points = sorted(
        (q for q in questions if q.open_point),
        key=lambda q: PRIORITY_ORDER.get(q.priority, len(PRIORITY_ORDER)),
    )
    room = max(MIN_POINTS, SYNTHESIS_LINES - len(sections))
    if len(open_points) > room:
        room -= 1  # the line saying how many more there are
    return SynthesisView(
        chart=build_chart(sections),
        statuts=tuple(counts),
        statut_total=len(statut_questions),
        other_total=len(others),
        other_answered=sum(1 for q in others if q.answered),
        points=tuple(
            PointView(
                id=q.id,
                number=q.number,
                label=shorten(q.text, POINT_CHARACTERS),
                text=q.text,
                value=q.value,
                statut=q.statut,
                priority=q.priority,
                priority_label=q.priority_label,
            )
            for q in open_points[:room]
        ),
        more_points=max(0, len(open_points) - room),
    )


def build_actions(
    sections: Iterable[tuple[SectionView, Sequence[QuestionView]]],
) -> tuple[ActionView, ...]:
    """The action plan: open points and answers with a follow-up, most urgent first.

    Sorted by priority (haute, moyenne, basse, none), then deadline (none last), then order.
    """
    rows: list[tuple[tuple[int, int, str, int], ActionView]] = []
    for section, questions in sections:
        for question in questions:
            if not (question.open_point or question.has_followup):
                continue
            action = ActionView(
                id=question.id,
                number=question.number,
                text=question.text,
                section_title=section.title,
                answer=question.value or ", ".join(question.values),
                statut=question.statut,
                open_point=question.open_point,
                owner=question.owner,
                deadline=question.deadline,
                deadline_iso=question.deadline_iso,
                priority=question.priority,
                priority_label=question.priority_label,
                overdue=question.overdue,
                note=question.note,
            )
            key = (
                PRIORITY_ORDER.get(question.priority, len(PRIORITY_ORDER)),
                0 if question.deadline_iso else 1,
                question.deadline_iso,
                len(rows),
            )
            rows.append((key, action))
    return tuple(action for _, action in sorted(rows, key=lambda row: row[0]))


def build_unanswered(
    sections: Iterable[tuple[SectionView, Sequence[QuestionView]]], *, shown_ids: set[str]
) -> tuple[UnansweredView, ...]:
    """Visible questions without an answer, in dossier order."""
    return tuple(
        UnansweredView(
            id=question.id,
            number=question.number,
            text=question.text,
            section_title=section.title,
            required=question.required,
            shown=question.id in shown_ids,
        )
        for section, questions in sections
        for question in questions
        if question.unanswered
    )


def collect_references(questions: Iterable[QuestionView]) -> tuple[ReferenceEntryView, ...]:
    """Every reference cited, once, with the numbers of the questions citing it."""
    cited: dict[ReferenceView, list[str]] = {}
    for question in questions:
        for reference in question.references:
            numbers = cited.setdefault(reference, [])
            if question.number not in numbers:
                numbers.append(question.number)
    return tuple(ReferenceEntryView(ref, tuple(numbers)) for ref, numbers in cited.items())
