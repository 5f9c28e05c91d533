"""Hypothesis strategies building random valid checklists (as model data and as models).

Every answer kind, choices, conditions (et / ou / non of tests on earlier questions, with the
operations each kind allows), repeated sections, former ids, references to declared sources,
a glossary and a changelog. Texts mix ordinary French with the strings YAML likes to
misread (``NO``, ``1.10``, ``010``, ``- a``, ``a: b``, ``#``...).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from synergy_wizard.checklist.models import STATUT_CHOICES, Checklist

KINDS = ("statut", "choix", "choix_multiple", "texte", "texte_long")

IDS = st.from_regex(r"[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,4}){0,2}", fullmatch=True)

_TRICKY = st.sampled_from(
    ["NO", "yes", "1.10", "010", "true", "null", "~", "- a", "a: b", "#x", "&a", "*a", "!t",
     "[x]", "{y}", "|", ">", "@", "`", "'", '"', "%", "1.0.0", "2025-02-30", "12:30", "é à ç"]
)  # fmt: skip
_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc", "Cn", "Co"), blacklist_characters="\ufeff"
) | st.sampled_from(["\n", "\t", " "])
TEXTS = st.one_of(
    _TRICKY,
    st.text(_CHARS, min_size=1, max_size=30),
    st.lists(st.sampled_from(["Le", "CPAS", "budget", "est-il", "voté", "?", ":"]), min_size=1).map(
        " ".join
    ),
).filter(lambda text: bool(text.strip()))
VERSIONS = st.from_regex(r"[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9]{1,2})?", fullmatch=True)


def _choices(draw: st.DrawFn) -> list[dict[str, Any]]:
    ids = draw(st.lists(IDS, min_size=2, max_size=4, unique=True))
    return [{"id": choice, "libelle": draw(TEXTS)} for choice in ids]


def _choice_ids(question: dict[str, Any]) -> list[str]:
    kind = question.get("type", "statut")
    if kind == "statut":
        return [choice.id for choice in STATUT_CHOICES]
    return [choice["id"] for choice in question.get("choix", [])]


@st.composite
def conditions(draw: st.DrawFn, candidates: list[dict[str, Any]], depth: int = 2) -> Any:
    """A condition on the questions of ``candidates`` (all asked earlier)."""
    combine = depth > 0 and draw(st.integers(min_value=0, max_value=3)) == 0
    if combine:
        operator = draw(st.sampled_from(["et", "ou", "non"]))
        if operator == "non":
            return {"non": draw(conditions(candidates, depth - 1))}
        parts = draw(st.lists(conditions(candidates, depth - 1), min_size=1, max_size=3))
        return {operator: parts}
    question = draw(st.sampled_from(candidates))
    kind = question.get("type", "statut")
    choices = _choice_ids(question)
    operations = ["repondue"]
    if kind in ("statut", "choix"):
        operations += ["est", "parmi"]
    elif kind == "choix_multiple":
        operations.append("contient")
    operation = draw(st.sampled_from(operations))
    test: dict[str, Any] = {"question": question["id"]}
    if operation == "repondue":
        test["repondue"] = draw(st.booleans())
    elif operation == "parmi":
        test["parmi"] = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3))
    else:
        test[operation] = draw(st.sampled_from(choices))
    return test


@st.composite
def checklist_data(draw: st.DrawFn) -> dict[str, Any]:
    """The plain data of a valid checklist (French keys, as in a YAML file)."""
    counts = draw(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=4))
    total = sum(counts)
    ids = draw(st.lists(IDS, min_size=total + len(counts) + 4, max_size=total + 8, unique=True))
    question_ids, section_ids = ids[:total], ids[total : total + len(counts)]
    former_pool = ids[total + len(counts) :]
    source_ids = draw(st.lists(st.sampled_from(["S-1", "S-2", "S-10", "A1"]), unique=True))
    sources = [{"id": s, "titre": draw(TEXTS), "url": "https://example.org/"} for s in source_ids]

    asked: list[dict[str, Any]] = []
    sections: list[dict[str, Any]] = []
    for index, count in enumerate(counts):
        earlier = list(asked)
        section: dict[str, Any] = {"id": section_ids[index], "titre": draw(TEXTS)}
        if draw(st.booleans()):
            section["introduction"] = draw(TEXTS)
        multiple = [q for q in earlier if q.get("type") == "choix_multiple"]
        if multiple and draw(st.booleans()):
            section["repeter_pour"] = draw(st.sampled_from(multiple))["id"]
        if earlier and draw(st.integers(min_value=0, max_value=3)) == 0:
            section["visible_si"] = draw(conditions(earlier))
        questions: list[dict[str, Any]] = []
        for _ in range(count):
            question = _question(draw, question_ids[len(asked)], asked, sources, former_pool)
            questions.append(question)
            asked.append(question)
        section["questions"] = questions
        sections.append(section)

    data: dict[str, Any] = {
        "id": draw(IDS),
        "version": draw(VERSIONS),
        "titre": draw(TEXTS),
        "resume": draw(TEXTS),
        "avertissement": draw(TEXTS),
        "cadre_legal_au": draw(st.dates()).isoformat(),
        "sections": sections,
    }
    if sources:
        data["sources"] = sources
    glossary = draw(st.lists(st.tuples(TEXTS, TEXTS), max_size=2))
    if glossary:
        data["glossaire"] = [{"terme": t, "definition": d} for t, d in glossary]
    history = draw(
        st.lists(
            st.tuples(VERSIONS, st.dates(), st.lists(TEXTS, min_size=1, max_size=2)), max_size=2
        )
    )
    if history:
        data["historique"] = [
            {"version": v, "date": d.isoformat(), "changements": c} for v, d, c in history
        ]
    return data


def _question(
    draw: st.DrawFn,
    question_id: str,
    asked: list[dict[str, Any]],
    sources: list[dict[str, Any]],
    former_pool: list[str],
) -> dict[str, Any]:
    kind = draw(st.sampled_from(KINDS))
    question: dict[str, Any] = {"id": question_id, "texte": draw(TEXTS)}
    if kind != "statut" or draw(st.booleans()):
        question["type"] = kind
    if kind in ("choix", "choix_multiple"):
        question["choix"] = _choices(draw)
    if draw(st.booleans()):
        question["aide"] = draw(TEXTS)
    if draw(st.booleans()):
        question["obligatoire"] = draw(st.booleans())
    for key in ("points_favorables", "points_problematiques"):
        points = draw(st.lists(TEXTS, max_size=2))
        if points:
            question[key] = points
    references = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        ref: dict[str, Any] = {"texte": draw(TEXTS)}
        if draw(st.booleans()):
            ref["article"] = draw(TEXTS)
        if draw(st.booleans()):
            ref["date"] = draw(TEXTS)
        if sources and draw(st.booleans()):
            ref["source"] = draw(st.sampled_from(sources))["id"]
        references.append(ref)
    if references:
        question["references"] = references
    if asked and draw(st.booleans()):
        question["visible_si"] = draw(conditions(asked))
    if former_pool and draw(st.integers(min_value=0, max_value=3)) == 0:
        question["anciens_ids"] = [former_pool.pop()]
    return question


def valid_checklists() -> st.SearchStrategy[Checklist]:
    """Random valid checklists, as models."""
    return checklist_data().map(Checklist.model_validate)
