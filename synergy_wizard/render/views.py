"""The plain data a dossier template receives, one frozen dataclass per kind of thing shown.

Each field is documented for the federation staff who edit the templates: the names here are
the names templates use (``q.owner``, ``section.title``...).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from markupsafe import Markup


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
    article: str
    date: str
    source_id: str
    source_title: str
    url: str

    @property
    def label(self) -> str:
        """« Texte, art. 26bis (19 juillet 2018) »: the reference on one line."""
        label = self.text
        if self.article:
            label += f", {self.article}"
        if self.date:
            label += f" ({self.date})"
        return label


@dataclass(frozen=True, slots=True)
class QuestionView:
    """One question and its answer, ready to display."""

    id: str
    """Anchor of the question in the HTML dossier (``q-`` + this id)."""
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
    """The deadline in French (« 1er mars 2027 »), or ""."""
    deadline_iso: str
    """The deadline as 2027-03-01 (for sorting and ``<time datetime>``), or ""."""
    priority: str
    """``haute``, ``moyenne``, ``basse`` or ""."""
    priority_label: str
    overdue: bool
    """The deadline has passed and the point is not settled."""
    has_followup: bool
    """An owner, a deadline or a priority was set."""
    guidance_html: Markup
    guidance_text: str
    """The guidance as plain text (Word)."""
    favourable: tuple[str, ...]
    problematic: tuple[str, ...]
    references: tuple[ReferenceView, ...]
    choices: tuple[str, ...]
    """Every choice offered (the statut scale for a statut question), for the blank checklist."""
    condition: str
    """When the question applies, in French (« si la réponse à 3.1 est « Bail » »), or ""."""


@dataclass(frozen=True, slots=True)
class SectionView:
    """One section (or one repetition of a repeated section) with its questions and counts."""

    id: str
    number: str
    title: str
    introduction_html: Markup
    introduction_md: str
    introduction_text: str
    questions: tuple[QuestionView, ...]
    """The questions shown: all of them, or in the concise dossier those with an answer."""
    total: int
    answered: int
    open_points: int
    left_out: int
    """Questions of the section not shown here (concise dossier: listed in the annex)."""
    state: str
    condition: str
    """Blank checklist: when the section applies, in French, or ""."""
    repeat_note: str
    """Blank checklist: for which choices the section is to be filled in again, or ""."""


@dataclass(frozen=True, slots=True)
class KeptAnswerView:
    """An answer kept although it is not shown: orphaned, or its question is hidden."""

    question_id: str
    values: tuple[str, ...]
    note: str
    owner: str
    deadline: str
    updated: str
    question_text: str = ""
    """The question's text when it still exists (hidden answers), else empty (orphans)."""
    section_title: str = ""


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
class BarView:
    """One row of the progress chart (SVG units)."""

    number: str
    label: str
    """The section title, shortened to fit on the chart (the full title is in ``title``)."""
    title: str
    y: int
    done_width: int
    """Answered without an open point."""
    open_x: int
    open_width: int
    """Answered with an open point."""
    total: int
    answered: int
    open_points: int


@dataclass(frozen=True, slots=True)
class ChartView:
    """The progress chart of the synthesis, drawn in SVG by the template."""

    width: int
    height: int
    label_width: int
    bar_x: int
    bar_width: int
    bar_height: int
    row_height: int
    count_x: int
    bars: tuple[BarView, ...]
    legend_y: int


@dataclass(frozen=True, slots=True)
class StatutCountView:
    """How many statut questions received one statut (or none)."""

    id: str
    label: str
    count: int
    open: bool


@dataclass(frozen=True, slots=True)
class PointView:
    """An open point on the synthesis page, on one line."""

    id: str
    number: str
    label: str
    """The question, shortened to one line (the full text is in ``text``)."""
    text: str
    value: str
    statut: str
    priority: str
    priority_label: str


@dataclass(frozen=True, slots=True)
class SynthesisView:
    """The one-page synthesis: chart, counts per statut, the open points that fit on the page."""

    chart: ChartView
    statuts: tuple[StatutCountView, ...]
    statut_total: int
    other_total: int
    other_answered: int
    points: tuple[PointView, ...]
    """The open points, highest priority first, as many as fit on the page."""
    more_points: int
    """Open points left out of ``points`` (all are in the action plan)."""


@dataclass(frozen=True, slots=True)
class ActionView:
    """One line of the action plan."""

    id: str
    number: str
    text: str
    section_title: str
    answer: str
    statut: str
    open_point: bool
    owner: str
    deadline: str
    deadline_iso: str
    priority: str
    priority_label: str
    overdue: bool
    note: str


@dataclass(frozen=True, slots=True)
class UnansweredView:
    """A visible question still without an answer (annex)."""

    id: str
    number: str
    text: str
    section_title: str
    required: bool
    shown: bool
    """True when the question also appears in its section (it has a note or a follow-up)."""


@dataclass(frozen=True, slots=True)
class ReferenceEntryView:
    """A reference of the annex, with the numbers of the questions citing it."""

    reference: ReferenceView
    questions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GlossaryView:
    """A term of the glossary."""

    term: str
    definition: str


@dataclass(frozen=True, slots=True)
class DossierContext:
    """Everything a dossier template receives; each field is a top-level template name."""

    mode: str
    """``concis``, ``complet`` or ``vierge``."""
    mode_label: str
    complete: bool
    blank: bool
    project: ProjectView
    checklist: ChecklistView
    stamp: StampView
    progress: ProgressView
    synthesis: SynthesisView
    sections: tuple[SectionView, ...]
    open_points: tuple[QuestionView, ...]
    actions: tuple[ActionView, ...]
    unanswered: tuple[UnansweredView, ...]
    orphans: tuple[KeptAnswerView, ...]
    hidden: tuple[KeptAnswerView, ...]
    references: tuple[ReferenceEntryView, ...]
    glossary: tuple[GlossaryView, ...]
    generator: str
    generator_version: str
    generated_on: str

    def as_mapping(self) -> dict[str, object]:
        """The template variables."""
        return {field.name: getattr(self, field.name) for field in fields(self)}
