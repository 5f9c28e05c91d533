"""A large, realistic checklist and a fully answered dossier, generated for the benchmark.

The checklist looks like the bundled ones, only longer: French texts of the same length,
Markdown guidance with lists and links, references to declared sources, favourable and
problematic points, every answer kind, conditions (``visible_si``), a section repeated per
chosen service (``repeter_pour``), a glossary and a changelog. It passes every check of
the loader, so loading it measures the real, strict path.

Usage::

    python bench/generate.py --questions 1000 --output /tmp/bench
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

import yaml

PER_SECTION = 20
REPEAT_CHOICES = ("grh", "informatique", "finances", "marches-publics", "accueil")
_KIND_CYCLE = (
    "statut",
    "statut",
    "choix",
    "statut",
    "texte",
    "statut",
    "choix_multiple",
    "statut",
    "texte_long",
    "statut",
)
_STATUTS = ("oui", "non", "partiellement", "a-verifier", "sans-objet")


def checklist_id(questions: int) -> str:
    """The id (and file stem) of the generated checklist."""
    return f"banc-{questions}-questions"


def checklist_data(questions: int) -> dict[str, Any]:
    """The plain data of a valid checklist with ``questions`` questions (at least 2)."""
    if questions < 2:
        raise ValueError("the generated checklist needs at least two questions")
    sources = [
        {
            "id": f"S-{n}",
            "titre": f"Source documentaire n° {n} : circulaire, décret ou article de presse",
            "url": f"https://www.example.be/source-{n}",
        }
        for n in range(1, 21)
    ]
    sections: list[dict[str, Any]] = []
    # The first section holds the question the repeated section depends on.
    chooser = {
        "id": "services-concernes",
        "texte": "Quels services sont concernés par la synergie ?",
        "aide": "Cochez chaque service visé : une section reviendra sur chacun d'eux.",
        "type": "choix_multiple",
        "obligatoire": True,
        "choix": [{"id": c, "libelle": f"Service {c.replace('-', ' ')}"} for c in REPEAT_CHOICES],
    }
    remaining = questions - 1
    number = 0
    section_index = 0
    while remaining > 0:
        count = min(PER_SECTION if sections else PER_SECTION - 1, remaining)
        section_index += 1
        section_id = f"section-{section_index:03d}"
        section_questions = [_question(section_id, number + i) for i in range(count)]
        number += count
        remaining -= count
        section: dict[str, Any] = {
            "id": section_id,
            "titre": f"Thème {section_index} : organisation, budget et personnel",
            "introduction": (
                f"Cette section **{section_index}** rassemble les questions d'un même thème.\n"
                "Répondez-y avec le directeur financier et le responsable du personnel."
            ),
            "questions": section_questions,
        }
        if not sections:
            section["questions"] = [chooser, *section_questions]
        elif section_index == 3 and questions >= 3 * PER_SECTION:
            section["repeter_pour"] = "services-concernes"
            section["titre"] = "Organisation propre à chaque service"
        sections.append(section)
    return {
        "id": checklist_id(questions),
        "version": "1.0.0",
        "titre": f"Check-list de banc d'essai ({questions} questions)",
        "resume": (
            "Une check-list générée pour mesurer les performances du programme sur un grand "
            "nombre de questions."
        ),
        "avertissement": "Contenu généré pour les mesures : ce n'est pas une vraie check-list.",
        "cadre_legal_au": "2025-06-30",
        "sources": sources,
        "sections": sections,
        "glossaire": [
            {"terme": "CPAS", "definition": "Centre public d'action sociale."},
            {"terme": "DPO", "definition": "Délégué à la protection des données."},
        ],
        "historique": [
            {"version": "1.0.0", "date": "2025-06-30", "changements": ["Première version."]}
        ],
    }


def _question(section_id: str, number: int) -> dict[str, Any]:
    kind = _KIND_CYCLE[number % len(_KIND_CYCLE)]
    question: dict[str, Any] = {
        "id": f"q-{number:04d}",
        "texte": (
            f"Question {number + 1} : la convention de synergie prévoit-elle qui supporte les "
            "coûts, qui décide et comment le personnel est informé ?"
        ),
        "aide": _guidance(number),
        "type": kind,
        "obligatoire": number % 3 == 0,
        "references": [
            {
                "texte": "Loi organique des CPAS",
                "article": f"art. {26 + number % 10}bis",
                "source": f"S-{1 + number % 20}",
            }
        ],
    }
    if kind == "choix":
        question["choix"] = [
            {"id": f"option-{n}", "libelle": f"Option {n} : la commune, le CPAS ou les deux"}
            for n in range(1, 5)
        ]
    elif kind == "choix_multiple":
        question["choix"] = [
            {"id": f"element-{n}", "libelle": f"Élément {n} mis en commun"} for n in range(1, 6)
        ]
    if number % 4 == 0:
        question["points_favorables"] = ["Un calendrier partagé entre les deux administrations."]
        question["points_problematiques"] = ["Un projet lancé sans consulter les syndicats."]
    # Every tenth question depends on the statut question just before it, in its section.
    if number % 10 == 1:
        question["visible_si"] = {
            "question": f"q-{number - 1:04d}",
            "parmi": ["non", "partiellement"],
        }
    return question


def _guidance(number: int) -> str:
    """Guidance like the bundled checklists': one sentence per line, and, for one question
    in ten, Markdown (a list, emphasis, a link)."""
    text = (
        f"Pour la question {number + 1}, appuyez-vous sur un document écrit et daté.\n"
        "Citez la délibération du conseil, la convention signée ou le procès-verbal du "
        "comité de concertation.\n"
        "Un projet sans pièce justificative sera difficile à défendre devant la tutelle."
    )
    if number % 10 == 5:
        text += (
            "\n\nVérifiez au minimum :\n"
            "- la **date** de la dernière mise à jour ;\n"
            "- l'avis du directeur financier ;\n"
            "- la [circulaire](https://www.example.be/circulaire) applicable."
        )
    return text


def write_checklist(folder: Path, questions: int) -> Path:
    """Write the generated checklist to ``folder`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{checklist_id(questions)}.yaml"
    text = yaml.safe_dump(checklist_data(questions), allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
    return path


def write_dossier(checklist_path: Path, output: Path, *, answered: bool = True) -> Path:
    """Write a dossier answering the checklist at ``checklist_path`` (every visible question
    answered, with notes and follow-ups on open points, when ``answered``)."""
    from synergy_wizard.answers.model import Dossier, ProjectInfo
    from synergy_wizard.answers.plan import build_plan
    from synergy_wizard.answers.storage import save_dossier
    from synergy_wizard.checklist.loader import load_checklist

    checklist = load_checklist(checklist_path)
    project = ProjectInfo(
        name=f"Banc d'essai — {checklist.title}",
        cpas="CPAS de Fléron",
        partner="Commune de Fléron",
        author="Directrice générale",
    )
    dossier = Dossier.new(checklist, project)
    if answered:
        if "services-concernes" in checklist.question_index:
            dossier.update_answer("services-concernes", value=list(REPEAT_CHOICES[:3]))
        for slot in build_plan(checklist, dossier).visible_slots:
            if slot.key == "services-concernes":
                continue
            _answer(dossier, slot.key, slot.question.kind, slot.question.effective_choices)
    # Reopened at its first question (the wizard resumes where the user left off).
    dossier.position = checklist.questions[0].id
    save_dossier(dossier, output)
    return output


def _answer(dossier: Any, key: str, kind: str, choices: Any) -> None:
    number = sum(map(ord, key))
    if kind == "statut":
        value: str | list[str] = _STATUTS[number % len(_STATUTS)]
    elif kind == "choix":
        value = choices[number % len(choices)].id
    elif kind == "choix_multiple":
        value = [choices[0].id, choices[-1].id]
    elif kind == "texte":
        value = f"Réponse courte n° {number} : à vérifier avec l'échevin & le DPO <urgent>"
    else:
        value = (
            "Réponse longue, sur plusieurs lignes :\n"
            "- premier point, déjà discuté en comité de concertation ;\n"
            "- second point, à soumettre au conseil de l'action sociale."
        )
    changes: dict[str, object] = {"value": value}
    if value in ("non", "partiellement", "a-verifier"):
        changes.update(
            note="À reprendre au prochain comité de direction.",
            owner="Directeur financier",
            deadline=date(2027, 3, 1),
        )
    dossier.update_answer(key, **changes)


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate the benchmark checklist and dossier.")
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--output", type=Path, default=Path("bench/results/generated"))
    args = parser.parse_args()
    checklist = write_checklist(args.output, args.questions)
    dossier = write_dossier(checklist, args.output / "dossiers" / "banc-essai.yaml")
    print(f"{checklist}\n{dossier}")


if __name__ == "__main__":
    main()
