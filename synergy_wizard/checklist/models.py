"""The checklist schema: strict, frozen pydantic models.

The YAML keys are French (the files are written by federation staff); the Python attribute
names are English. The attribute docstrings are French on purpose: they become the
descriptions of the JSON Schema that editors show to the people writing checklists.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import cached_property
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)

from synergy_wizard.checklist.conditions import (
    Condition,
    problems_of_test,
    referenced_questions,
    tests_of,
)

#: An identifier usable in files and URLs: lowercase letters, digits and dashes.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Identifier = Annotated[str, StringConstraints(strict=True, pattern=ID_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
OptionalText = Annotated[str, StringConstraints(strict=True, strip_whitespace=True)]

AnswerKind = Literal["statut", "choix", "choix_multiple", "texte", "texte_long"]
"""The kinds of answer a question takes."""

KIND_LABELS: dict[str, str] = {
    "statut": "Statut (oui, non, partiellement, à vérifier, sans objet)",
    "choix": "Choix unique",
    "choix_multiple": "Choix multiple",
    "texte": "Texte court",
    "texte_long": "Texte long",
}


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        str_strip_whitespace=True,
    )


class Choice(_Strict):
    """Un choix proposé pour une question à choix."""

    id: Identifier
    """Identifiant stable du choix (minuscules, chiffres et tirets), enregistré dans le dossier."""
    label: Text = Field(alias="libelle")
    """Libellé affiché à l'utilisateur."""


STATUT_CHOICES: tuple[Choice, ...] = (
    Choice(id="oui", libelle="Oui"),
    Choice(id="non", libelle="Non"),
    Choice(id="partiellement", libelle="Partiellement"),
    Choice(id="a-verifier", libelle="À vérifier"),
    Choice(id="sans-objet", libelle="Sans objet"),
)
"""The fixed choices of a ``statut`` question, in the order of keys 1 to 5."""

OPEN_STATUTS: frozenset[str] = frozenset({"non", "partiellement", "a-verifier"})
"""Statut values that leave a point open (to follow up in the action plan)."""


class Source(_Strict):
    """Une source documentaire citée par la check-list."""

    id: Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$")]
    """Identifiant court de la source (par exemple « S-7 »), cité par les références."""
    title: Text = Field(alias="titre")
    """Titre ou description de la source."""
    url: OptionalText = ""
    """Adresse web de la source, si elle est publique."""


class Reference(_Strict):
    """Une référence (texte légal, article, source) attachée à une question."""

    text: Text = Field(alias="texte")
    """La référence telle qu'elle sera affichée, par exemple « Loi organique des CPAS »."""
    article: OptionalText = ""
    """Article visé, par exemple « art. 26bis, § 1er »."""
    date: OptionalText = ""
    """Date du texte ou de la publication, par exemple « 19 juillet 2018 »."""
    source: OptionalText = ""
    """Identifiant d'une source déclarée dans la liste « sources » de la check-list."""
    url: OptionalText = ""
    """Adresse web précise, si elle diffère de celle de la source."""


class Question(_Strict):
    """Une question de la check-list."""

    id: Identifier
    """Identifiant stable de la question, unique dans la check-list ; ne le changez pas une fois
    la check-list publiée (les réponses y sont rattachées)."""
    text: Text = Field(alias="texte")
    """La question, formulée pour le directeur général."""
    guidance: OptionalText = Field(default="", alias="aide")
    """Aide en Markdown : pourquoi la question compte, à quoi ressemble une bonne réponse ou une
    bonne pièce justificative."""
    kind: AnswerKind = Field(default="statut", alias="type")
    """Type de réponse : statut, choix, choix_multiple, texte ou texte_long."""
    choices: tuple[Choice, ...] = Field(default=(), alias="choix")
    """Choix proposés (seulement pour les types « choix » et « choix_multiple »)."""
    required: StrictBool = Field(default=False, alias="obligatoire")
    """La question doit-elle recevoir une réponse avant d'exporter un dossier complet ?"""
    favourable: tuple[Text, ...] = Field(default=(), alias="points_favorables")
    """Ce qui s'est montré favorable sur le terrain."""
    problematic: tuple[Text, ...] = Field(default=(), alias="points_problematiques")
    """Ce qui s'est montré problématique sur le terrain."""
    references: tuple[Reference, ...] = Field(default=())
    """Références légales ou documentaires."""
    visible_if: Condition | None = Field(default=None, alias="visible_si")
    """Condition pour afficher la question (sinon elle est toujours affichée)."""
    former_ids: tuple[Identifier, ...] = Field(default=(), alias="anciens_ids")
    """Identifiants que la question a portés dans des versions précédentes : les réponses
    données sous ces identifiants sont reprises."""

    @model_validator(mode="after")
    def _choices_fit_kind(self) -> Question:
        if self.kind in ("choix", "choix_multiple"):
            if len(self.choices) < 2:
                raise ValueError(
                    f"une question de type « {self.kind} » doit proposer au moins deux choix"
                )
            seen: set[str] = set()
            for choice in self.choices:
                if choice.id in seen:
                    raise ValueError(f"le choix « {choice.id} » figure deux fois")
                seen.add(choice.id)
        elif self.choices:
            raise ValueError(
                f"la clé « choix » ne s'emploie qu'avec les types « choix » et "
                f"« choix_multiple », pas avec « {self.kind} »"
            )
        return self

    @property
    def effective_choices(self) -> tuple[Choice, ...]:
        """The choices the answer control offers (the fixed statut scale for ``statut``)."""
        return STATUT_CHOICES if self.kind == "statut" else self.choices

    def choice_label(self, choice_id: str) -> str:
        """The label of a choice id, or the id itself when unknown (an orphaned value)."""
        for choice in self.effective_choices:
            if choice.id == choice_id:
                return choice.label
        return choice_id


class Section(_Strict):
    """Une section (un thème) de la check-list."""

    id: Identifier
    """Identifiant stable de la section."""
    title: Text = Field(alias="titre")
    """Titre de la section."""
    introduction: OptionalText = ""
    """Texte d'introduction en Markdown, affiché en tête de section."""
    questions: tuple[Question, ...] = Field(min_length=1)
    """Les questions de la section, dans l'ordre."""
    visible_if: Condition | None = Field(default=None, alias="visible_si")
    """Condition pour afficher la section entière."""
    repeat_for: Identifier | None = Field(default=None, alias="repeter_pour")
    """Identifiant d'une question à choix multiple (hors de cette section) : la section est
    répétée une fois par choix coché, avec le libellé du choix dans son titre."""


class GlossaryEntry(_Strict):
    """Un terme du glossaire de la check-list."""

    term: Text = Field(alias="terme")
    """Le terme ou le sigle, par exemple « CPPT »."""
    definition: Text
    """L'explication, en une ou deux phrases."""


class ChangelogEntry(_Strict):
    """Une version publiée de la check-list et ce qui a changé."""

    version: Annotated[str, StringConstraints(strict=True, pattern=r"^\d+\.\d+(?:\.\d+)?$")]
    """Numéro de la version, entre guillemets."""
    date: date
    """Date de publication (AAAA-MM-JJ)."""
    changes: tuple[Text, ...] = Field(alias="changements", min_length=1)
    """Ce qui a changé, en phrases courtes."""


class Checklist(_Strict):
    """Une check-list de préparation d'un type de synergie."""

    id: Identifier
    """Identifiant de la check-list, identique au nom du fichier sans « .yaml »."""
    version: Annotated[str, StringConstraints(strict=True, pattern=r"^\d+\.\d+(?:\.\d+)?$")]
    """Version de la check-list, par exemple « 1.0.0 », entre guillemets."""
    title: Text = Field(alias="titre")
    """Titre de la check-list."""
    summary: Text = Field(alias="resume")
    """Résumé : à quoi sert la check-list et pour qui."""
    notice: Text = Field(alias="avertissement")
    """Avertissement sur l'origine du contenu (reconstitué, non officiel)."""
    legal_framework_date: date = Field(alias="cadre_legal_au")
    """Date du cadre légal dont la check-list tient compte (AAAA-MM-JJ)."""
    sources: tuple[Source, ...] = Field(default=())
    """Sources documentaires citées."""
    sections: tuple[Section, ...] = Field(min_length=1)
    """Les sections de la check-list, dans l'ordre."""
    glossary: tuple[GlossaryEntry, ...] = Field(default=(), alias="glossaire")
    """Glossaire : les termes et sigles employés, expliqués simplement."""
    changelog: tuple[ChangelogEntry, ...] = Field(default=(), alias="historique")
    """Historique des versions, de la plus récente à la plus ancienne."""

    @field_validator("legal_framework_date", mode="before")
    @classmethod
    def _date_from_text(cls, value: object) -> object:
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("la date doit s'écrire AAAA-MM-JJ, par exemple 2025-06-30")
        return value

    @model_validator(mode="after")
    def _unique_ids_and_known_sources(self) -> Checklist:
        problems: list[str] = []
        section_ids: set[str] = set()
        question_ids: set[str] = set()
        for section in self.sections:
            if section.id in section_ids:
                problems.append(f"l'identifiant de section « {section.id} » est utilisé deux fois")
            section_ids.add(section.id)
            for question in section.questions:
                if question.id in question_ids:
                    problems.append(
                        f"l'identifiant de question « {question.id} » est utilisé deux fois"
                    )
                question_ids.add(question.id)
        source_ids = {source.id for source in self.sources}
        for question in self.questions:
            for ref in question.references:
                if ref.source and ref.source not in source_ids:
                    problems.append(
                        f"la question « {question.id} » cite la source « {ref.source} », "
                        "qui n'est pas déclarée dans « sources »"
                    )
        problems.extend(self._condition_problems(question_ids))
        if problems:
            raise ValueError(" ; ".join(problems))
        return self

    def _condition_problems(self, question_ids: set[str]) -> list[str]:
        """Conditions and repeats must name existing questions and possible values."""
        problems: list[str] = []
        by_id = {q.id: q for q in self.questions}
        for section in self.sections:
            owners: list[tuple[str, Condition | None]] = [
                (f"la section « {section.id} »", section.visible_if)
            ]
            owners += [(f"la question « {q.id} »", q.visible_if) for q in section.questions]
            for owner, condition in owners:
                if condition is None:
                    continue
                for test in tests_of(condition):
                    target = by_id.get(test.question)
                    if target is None:
                        problems.append(
                            f"la condition de {owner} cite la question « {test.question} », "
                            "qui n'existe pas"
                        )
                        continue
                    problems.extend(problems_of_test(owner, test, target))
            if section.repeat_for is not None:
                target = by_id.get(section.repeat_for)
                if target is None or target.kind != "choix_multiple":
                    problems.append(
                        f"la section « {section.id} » est répétée pour « {section.repeat_for} », "
                        "qui doit être une question à choix multiple existante"
                    )
                elif target.id in {q.id for q in section.questions}:
                    problems.append(
                        f"la section « {section.id} » ne peut pas être répétée pour une de ses "
                        "propres questions"
                    )
        problems.extend(self._cycle_problems())
        for question in self.questions:
            for former in question.former_ids:
                if former in question_ids:
                    problems.append(
                        f"l'ancien identifiant « {former} » de la question « {question.id} » "
                        "est encore utilisé par une question"
                    )
        return problems

    def _cycle_problems(self) -> list[str]:
        """Questions whose visibility depends, directly or not, on themselves."""
        depends: dict[str, set[str]] = {}
        for section in self.sections:
            section_refs = referenced_questions(section.visible_if)
            for q in section.questions:
                depends[q.id] = referenced_questions(q.visible_if) | section_refs
        problems: list[str] = []
        reported: set[frozenset[str]] = set()
        for start in depends:
            stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
            while stack:
                current, trail = stack.pop()
                for nxt in depends.get(current, ()):
                    if nxt == start:
                        cycle = frozenset(trail)
                        if cycle not in reported:
                            reported.add(cycle)
                            path = " → ".join((*trail, start))
                            problems.append(f"les conditions forment une boucle : {path}")
                    elif nxt not in trail:
                        stack.append((nxt, (*trail, nxt)))
        return problems

    @cached_property
    def former_id_map(self) -> dict[str, str]:
        """Former question id → current question id."""
        return {old: q.id for q in self.questions for old in q.former_ids}

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in checklist order."""
        return tuple(q for s in self.sections for q in s.questions)

    @cached_property
    def question_index(self) -> dict[str, tuple[int, int]]:
        """Question id → (section index, question index within the section)."""
        return {
            q.id: (si, qi) for si, s in enumerate(self.sections) for qi, q in enumerate(s.questions)
        }

    @cached_property
    def plan_inputs(self) -> frozenset[str]:
        """The questions whose answers can change which questions are shown: those a
        condition tests and those a section is repeated for. An answer to any other question
        changes only the counts."""
        inputs: set[str] = set()
        for section in self.sections:
            inputs |= referenced_questions(section.visible_if)
            if section.repeat_for is not None:
                inputs.add(section.repeat_for)
            for question in section.questions:
                inputs |= referenced_questions(question.visible_if)
        return frozenset(inputs)

    def question(self, question_id: str) -> Question:
        """The question with this id (KeyError when absent)."""
        si, qi = self.question_index[question_id]
        return self.sections[si].questions[qi]

    def section_of(self, question_id: str) -> Section:
        """The section holding this question (KeyError when absent)."""
        return self.sections[self.question_index[question_id][0]]

    @cached_property
    def content_hash(self) -> str:
        """A stable fingerprint of the content (not of comments or layout in the YAML file)."""
        # Defaults are left out so that a new optional field does not change existing hashes.
        content = self.model_dump_json(by_alias=True, exclude_defaults=True)
        digest = hashlib.sha256(content.encode("utf-8"))
        return "sha256:" + digest.hexdigest()
