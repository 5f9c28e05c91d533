"""The Word dossier (DOCX), built with python-docx (optional extra ``docx``).

Real Word headings (« Titre 1 » to « Titre 3 »: Heading 1 to 3) and real tables, so the
administration can edit the dossier, restyle it and update the table of contents. It shows
the same content as the HTML dossier, from the same context, in the same modes.
"""

from __future__ import annotations

import io
from typing import Any

from synergy_wizard.errors import SynergyError
from synergy_wizard.render.views import DossierContext, KeptAnswerView, QuestionView, SectionView

INSTALL_HINT = (
    'Installez-le avec : python -m pip install "synergy-wizard[docx]" '
    '(depuis le dossier du projet : python -m pip install -e ".[docx]").'
)
FOOTER = "Dossier de préparation d'une synergie"
TEXT_LINES = {"texte": 2, "texte_long": 6}


def render_docx(context: DossierContext) -> bytes:
    """The dossier as the bytes of a .docx file."""
    try:
        import docx
    except ImportError as exc:
        raise SynergyError(
            "Le format Word (DOCX) demande le module python-docx, qui n'est pas installé.",
            hint=INSTALL_HINT,
        ) from exc
    from synergy_wizard.render import word_parts as parts

    document = docx.Document()
    project = context.project
    parts.set_up(
        document,
        title=f"{project.name} — {context.mode_label}",
        author=project.author,
        subject=context.checklist.title,
        keywords="synergie, CPAS, commune",
    )
    parts.header_and_footer(document, project.name, FOOTER)
    _cover(document, context, parts)
    _contents(document, parts)
    if context.blank:
        for section in context.sections:
            _blank_section(document, section, parts)
    else:
        _synthesis(document, context, parts)
        _action_plan(document, context, parts)
        for section in context.sections:
            _section(document, section, context.complete, parts)
    _annexes(document, context, parts)
    colophon = document.add_paragraph()
    colophon.add_run(
        f"Document produit par {context.generator} {context.generator_version} le "
        f"{context.generated_on}, à partir de la check-list « {context.checklist.id} » "
        f"version {context.checklist.version}."
    ).italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _cover(document: Any, context: DossierContext, parts: Any) -> None:
    project, checklist = context.project, context.checklist
    kind = document.add_paragraph()
    run = kind.add_run(
        "CHECK-LIST DE PRÉPARATION" if context.blank else "DOSSIER DE PRÉPARATION D'UNE SYNERGIE"
    )
    run.bold, run.font.color.rgb = True, parts.NAVY
    document.add_paragraph(parts.clean(project.name), style="Title")
    document.add_paragraph(
        f"{context.mode_label} — {parts.clean(checklist.title)}, version {checklist.version}",
        style="Subtitle",
    )
    unset = "non renseigné"
    rows = [
        ("CPAS", project.cpas or unset),
        ("Commune ou partenaire", project.partner or unset),
        ("Dossier préparé par", project.author or unset),
        ("Date du document", context.generated_on),
        ("Check-list", f"{checklist.title}, version {checklist.version}"),
        ("Cadre légal pris en compte", f"au {checklist.legal_framework_date}"),
    ]
    if not context.blank:
        rows.insert(4, ("Dossier mis à jour le", project.updated))
    grid = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = grid.add_row().cells
        cells[0].text, cells[1].text = label, parts.clean(value)
        cells[0].paragraphs[0].runs[0].bold = True
    for row in grid.rows:
        row.cells[0].width, row.cells[1].width = parts.Cm(5.5), parts.Cm(11.5)
    document.add_paragraph(parts.clean(checklist.summary))
    parts.notice_box(document, "Avertissement", checklist.notice)
    if not context.stamp.same_checklist:
        parts.notice_box(
            document,
            "Check-list différente",
            f"Les réponses ont été données pour la check-list « {context.stamp.id} » "
            f"(version {context.stamp.version}). Les réponses sans question correspondante "
            "figurent en annexe.",
        )
    elif not context.stamp.same_version:
        parts.notice_box(
            document,
            "Version de la check-list",
            f"Les réponses ont été saisies avec la version {context.stamp.version} ; le dossier "
            f"est présenté selon la version {checklist.version}.",
        )
    parts.page_break(document)


def _contents(document: Any, parts: Any) -> None:
    document.add_paragraph("Sommaire", style="TOC Heading")
    parts.add_field(
        document.add_paragraph(),
        'TOC \\o "1-2" \\h \\z \\u',
        "Le sommaire se met à jour à l'ouverture (sinon : clic droit, « Mettre à jour "
        "les champs »).",
    )
    parts.page_break(document)


def _synthesis(document: Any, context: DossierContext, parts: Any) -> None:
    progress = context.progress
    document.add_heading("Synthèse", level=1)
    document.add_paragraph(
        f"{progress.answered} questions répondues sur {progress.total} ({progress.percent} %) · "
        f"{progress.open_points} points ouverts · {progress.unanswered} sans réponse"
        + (f", dont {progress.required_missing} obligatoires" if progress.required_missing else "")
        + "."
    )
    document.add_heading("Avancement par section", level=2)
    rows = [
        [f"{s.number}. {s.title}", str(s.total), str(s.answered), str(s.open_points), s.state]
        for s in context.sections
    ]
    rows.append(
        [
            "Total",
            str(progress.total),
            str(progress.answered),
            str(progress.open_points),
            f"{progress.percent} % répondu",
        ]
    )
    parts.table(
        document,
        ["Section", "Questions", "Répondues", "Points ouverts", "État"],
        rows,
        [8.2, 2.1, 2.1, 2.3, 2.3],
        bold_last=True,
    )
    document.add_heading("Réponses par statut", level=2)
    synthesis = context.synthesis
    parts.table(
        document,
        ["Statut", "Questions"],
        [[s.label, str(s.count)] for s in synthesis.statuts],
        [8, 3],
    )
    if synthesis.other_total:
        document.add_paragraph(
            f"Questions à choix ou à texte : {synthesis.other_answered} répondues "
            f"sur {synthesis.other_total}."
        )
    if context.open_points:
        document.add_heading("Points ouverts", level=2)
        parts.table(
            document,
            ["N°", "Question", "Réponse", "Priorité"],
            [[q.number, q.text, q.value, q.priority_label or "—"] for q in context.open_points],
            [1.3, 10.2, 3, 2.5],
        )


def _action_plan(document: Any, context: DossierContext, parts: Any) -> None:
    document.add_heading("Plan d'action", level=1)
    if not context.actions:
        document.add_paragraph("Aucun point à suivre : aucune réponse n'appelle de suivi.")
        return
    document.add_paragraph(
        "Les points ouverts et les réponses auxquelles un responsable, une échéance ou une "
        "priorité a été donné, du plus urgent au moins urgent."
    )
    rows, alerts = [], set()
    for index, action in enumerate(context.actions):
        deadline = action.deadline or "—"
        if action.overdue:
            deadline += " — en retard"
            alerts.add((index, 3))
        rows.append(
            [
                action.number,
                action.text,
                action.owner or "à désigner",
                deadline,
                action.priority_label or "—",
                action.answer or "sans réponse",
            ]
        )
    parts.table(
        document,
        ["N°", "Question", "Responsable", "Échéance", "Priorité", "Réponse"],
        rows,
        [1.2, 6.6, 2.9, 2.6, 1.7, 2],
        alert_cells=alerts,
    )


def _section(document: Any, section: SectionView, complete: bool, parts: Any) -> None:
    document.add_heading(f"{section.number}. {section.title}", level=1)
    if section.introduction_text:
        document.add_paragraph(parts.clean(section.introduction_text))
    for question in section.questions:
        _question(document, question, complete, parts)
    if section.left_out:
        document.add_paragraph(
            f"Sans réponse dans cette section : {section.left_out} "
            + (
                "question (voir l'annexe)."
                if section.left_out == 1
                else "questions (voir l'annexe)."
            )
        ).runs[0].italic = True


def _question(document: Any, q: QuestionView, complete: bool, parts: Any) -> None:
    title = f"{q.number} {q.text}" + (" (obligatoire)" if q.required else "")
    document.add_heading(parts.clean(title), level=2)
    if q.unanswered:
        parts.labelled(document, "Réponse", "sans réponse")
    elif q.multiple:
        parts.labelled(document, "Réponse", "")
        parts.bullets(document, q.values)
    else:
        answer = parts.labelled(document, "Réponse", q.value)
        if q.open_point:
            flag = answer.add_run("  — point ouvert")
            flag.bold, flag.font.color.rgb = True, parts.RED
    if q.note:
        parts.labelled(document, "Note", q.note)
    if q.has_followup:
        followup = [
            f"Responsable : {q.owner}" if q.owner else "",
            f"Échéance : {q.deadline}" if q.deadline else "",
            f"Priorité : {q.priority_label}" if q.priority_label else "",
        ]
        paragraph = document.add_paragraph(parts.clean(" · ".join(p for p in followup if p)))
        if q.overdue:
            late = paragraph.add_run("  — échéance dépassée")
            late.bold, late.font.color.rgb = True, parts.RED
    if complete:
        _details(document, q, parts)


def _details(document: Any, q: QuestionView, parts: Any) -> None:
    if q.guidance_text:
        parts.labelled(document, "Aide à la réponse", q.guidance_text)
    if q.favourable:
        document.add_heading("Points favorables", level=3)
        parts.bullets(document, q.favourable)
    if q.problematic:
        document.add_heading("Points problématiques", level=3)
        parts.bullets(document, q.problematic)
    if q.references:
        document.add_heading("Références", level=3)
        parts.bullets(
            document,
            [r.label + (f" — {r.source_title}" if r.source_title else "") for r in q.references],
        )


def _blank_section(document: Any, section: SectionView, parts: Any) -> None:
    document.add_heading(f"{section.number}. {section.title}", level=1)
    for note in (
        section.repeat_note,
        section.condition and f"Section à remplir {section.condition}.",
    ):
        if note:
            document.add_paragraph(parts.clean(note)).runs[0].italic = True
    if section.introduction_text:
        document.add_paragraph(parts.clean(section.introduction_text))
    for q in section.questions:
        title = f"{q.number} {q.text}" + (" (obligatoire)" if q.required else "")
        document.add_heading(parts.clean(title), level=2)
        if q.condition:
            document.add_paragraph(parts.clean(f"À remplir {q.condition}.")).runs[0].italic = True
        if q.kind in TEXT_LINES:
            parts.writing_box(document, TEXT_LINES[q.kind], label="Réponse")
        else:
            if q.multiple:
                document.add_paragraph("Plusieurs choix possibles :")
            parts.bullets(document, q.choices, checkbox=True)
        parts.writing_box(document, 2, label="Note")
        document.add_paragraph(
            "Responsable : ………………………   Échéance : ……………   Priorité : ☐ haute  ☐ moyenne  ☐ basse"
        )


def _annexes(document: Any, context: DossierContext, parts: Any) -> None:
    document.add_heading("Annexes", level=1)
    if context.unanswered and not context.blank:
        document.add_heading("Questions sans réponse", level=2)
        parts.table(
            document,
            ["N°", "Question", "Obligatoire"],
            [[u.number, u.text, "oui" if u.required else ""] for u in context.unanswered],
            [1.4, 13.1, 2.5],
        )
    for title, kept in (
        ("Réponses à des questions masquées", context.hidden),
        ("Réponses orphelines", context.orphans),
    ):
        if kept:
            document.add_heading(title, level=2)
            for answer in kept:
                _kept(document, answer, parts)
    if context.references:
        document.add_heading("Références", level=2)
        parts.table(
            document,
            ["Référence", "Source", "Questions"],
            [
                [
                    e.reference.label,
                    e.reference.source_title or e.reference.url,
                    ", ".join(e.questions),
                ]
                for e in context.references
            ],
            [7, 7, 3],
        )
    if context.checklist.sources:
        document.add_heading("Sources", level=2)
        parts.bullets(
            document,
            [
                f"{s.id} — {s.title}" + (f" — {s.url}" if s.url else "")
                for s in context.checklist.sources
            ],
        )
    if context.glossary:
        document.add_heading("Glossaire", level=2)
        parts.table(
            document,
            ["Terme", "Définition"],
            [[g.term, g.definition] for g in context.glossary],
            [3.5, 13.5],
        )


def _kept(document: Any, answer: KeptAnswerView, parts: Any) -> None:
    title = answer.question_text or f"Question « {answer.question_id} »"
    document.add_heading(parts.clean(title), level=3)
    if answer.section_title:
        document.add_paragraph(parts.clean(f"{answer.section_title} · {answer.question_id}"))
    parts.labelled(document, "Valeur enregistrée", "\n".join(answer.values) or "sans réponse")
    if answer.note:
        parts.labelled(document, "Note", answer.note)
    followup = [
        f"Responsable : {answer.owner}" if answer.owner else "",
        f"Échéance : {answer.deadline}" if answer.deadline else "",
        f"Modifiée le {answer.updated}" if answer.updated else "",
    ]
    if any(followup):
        document.add_paragraph(parts.clean(" · ".join(p for p in followup if p)))
