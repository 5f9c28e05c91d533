"""The dossier model: project metadata, the checklist it answers, and one answer per question.

A dossier is saved as a human-readable YAML file with French keys (see ``storage``). The
models here are plain data: no I/O, no UI.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from synergy_wizard.checklist.models import Checklist

FORMAT_VERSION = 1
"""The version of the dossier file format this program writes and reads."""

FreeText = Annotated[str, StringConstraints(strict=True)]
AnswerValue = str | list[str] | None
Priority = Literal["haute", "moyenne", "basse"]
PRIORITY_LABELS: dict[str, str] = {"haute": "Haute", "moyenne": "Moyenne", "basse": "Basse"}


def now() -> datetime:
    """The current local time, with its offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        validate_assignment=True,
    )


class ProjectInfo(_Model):
    """Les informations du projet de synergie."""

    name: FreeText = Field(alias="nom", min_length=1)
    """Nom du projet."""
    cpas: FreeText = ""
    """CPAS porteur."""
    partner: FreeText = Field(default="", alias="partenaire")
    """Commune ou partenaire de la synergie."""
    author: FreeText = Field(default="", alias="auteur")
    """Personne qui prépare le dossier."""
    created_at: datetime = Field(default_factory=now, alias="cree_le")
    """Date de création du dossier."""
    updated_at: datetime = Field(default_factory=now, alias="modifie_le")
    """Date de la dernière modification."""


class ChecklistStamp(_Model):
    """La check-list (et sa version exacte) à laquelle le dossier répond."""

    id: FreeText
    version: FreeText
    content_hash: FreeText = Field(alias="empreinte")
    source: FreeText = Field(default="", alias="fichier")
    """Chemin du fichier de la check-list quand elle n'est pas fournie avec le programme."""

    @classmethod
    def of(cls, checklist: Checklist, source: str = "") -> ChecklistStamp:
        return cls(
            id=checklist.id,
            version=checklist.version,
            content_hash=checklist.content_hash,
            source=source,
        )


class Answer(_Model):
    """La réponse à une question, avec sa note et, au besoin, le suivi (plan d'action)."""

    value: AnswerValue = Field(default=None, alias="valeur")
    """Identifiant du choix (statut, choix), liste d'identifiants (choix multiple) ou texte."""
    note: FreeText = ""
    """Note libre."""
    owner: FreeText = Field(default="", alias="responsable")
    """Responsable du suivi."""
    deadline: date | None = Field(default=None, alias="echeance")
    """Échéance du suivi."""
    priority: Priority | None = Field(default=None, alias="priorite")
    """Priorité du suivi : haute, moyenne ou basse."""
    updated_at: datetime | None = Field(default=None, alias="modifie_le")
    """Moment de la dernière modification de cette réponse."""

    @property
    def is_answered(self) -> bool:
        """True when a value was given (an empty text or an empty selection is no answer)."""
        if self.value is None:
            return False
        if isinstance(self.value, str):
            return bool(self.value.strip())
        return bool(self.value)

    @property
    def is_empty(self) -> bool:
        """True when nothing at all was entered: no value, note, owner or deadline."""
        return not (
            self.is_answered
            or self.note.strip()
            or self.owner.strip()
            or self.deadline
            or self.priority
        )


class Dossier(_Model):
    """Un dossier de préparation : un projet, une check-list, des réponses."""

    format: int = FORMAT_VERSION
    """Version du format de fichier."""
    project: ProjectInfo = Field(alias="projet")
    checklist: ChecklistStamp
    position: FreeText = ""
    """Identifiant de la dernière question consultée (reprise au même endroit)."""
    answers: dict[str, Answer] = Field(default_factory=dict, alias="reponses")

    @classmethod
    def new(cls, checklist: Checklist, project: ProjectInfo) -> Dossier:
        """A fresh dossier answering ``checklist``."""
        return cls(project=project, checklist=ChecklistStamp.of(checklist))

    def answer(self, question_id: str) -> Answer:
        """The answer to a question (an empty one when there is none yet; not stored)."""
        return self.answers.get(question_id) or Answer()

    def update_answer(self, question_id: str, **changes: object) -> Answer:
        """Set fields of one answer (``value``, ``note``, ``owner``, ``deadline``, ``priority``).

        Stamps the answer and the project with the current time. Returns the new answer.
        An answer left with nothing in it is removed, so the file stays readable.
        """
        current = self.answer(question_id)
        data = current.model_dump()
        data.update(changes)
        stamp = now()
        data["updated_at"] = stamp
        updated = Answer.model_validate(data)
        if updated.is_empty:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = updated
        self.project.updated_at = stamp
        return updated

    def to_file_data(self) -> dict[str, object]:
        """The plain data written to the YAML file (French keys, no empty fields)."""
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        stamp = data.get("checklist")
        if isinstance(stamp, dict) and not stamp.get("fichier"):
            stamp.pop("fichier", None)
        answers = data.get("reponses", {})
        assert isinstance(answers, dict)
        for answer in answers.values():
            for key in ("note", "responsable"):
                if not answer.get(key):
                    answer.pop(key, None)
        return data
