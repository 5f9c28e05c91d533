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
        use_attribute_docstrings=True,
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
    """La référence telle qu'elle sera affichée, par exemple « art. 26bis LO »."""
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
        if problems:
            raise ValueError(" ; ".join(problems))
        return self

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in checklist order."""
        return tuple(q for s in self.sections for q in s.questions)

    @cached_property
    def question_index(self) -> dict[str, tuple[int, int]]:
        """Question id → (section index, question index within the section)."""
        return {
            q.id: (si, qi)
            for si, s in enumerate(self.sections)
            for qi, q in enumerate(s.questions)
        }

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
        digest = hashlib.sha256(self.model_dump_json(by_alias=True).encode("utf-8"))
        return "sha256:" + digest.hexdigest()
