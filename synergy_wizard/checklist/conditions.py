"""A small, safe condition language for showing questions and sections only when they apply.

Conditions are plain data, never code: no ``eval``. In YAML::

    visible_si: {question: proprietaire, est: commune}
    visible_si: {question: proprietaire, parmi: [commune, cpas]}
    visible_si: {question: services-concernes, contient: grh}
    visible_si: {question: date-cible, repondue: true}
    visible_si:
      et:
        - {question: proprietaire, est: commune}
        - non: {question: bail-signe, est: oui}
    visible_si:
      ou: [...]

The wizard, the linter and the dossier all evaluate them with :func:`evaluate`, so a question is
hidden in exactly the same cases everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StringConstraints,
    Tag,
    model_validator,
)

if TYPE_CHECKING:
    from synergy_wizard.checklist.models import Question

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_Identifier = Annotated[str, StringConstraints(strict=True, pattern=ID_PATTERN, max_length=80)]
_ChoiceId = Annotated[str, StringConstraints(strict=True, min_length=1)]

AnswerLookup = Callable[[str], "str | list[str] | None"]
"""Gives the current value of a question by id (None when unanswered)."""


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        str_strip_whitespace=True,
    )


class Test(_Strict):
    """Un test sur la réponse à une question : une seule opération parmi est, parmi,
    contient ou repondue."""

    question: _Identifier
    """Identifiant de la question dont la réponse est testée."""
    equals: _ChoiceId | None = Field(default=None, alias="est")
    """Vrai si la réponse est ce choix (statut ou choix unique)."""
    among: tuple[_ChoiceId, ...] | None = Field(default=None, alias="parmi", min_length=1)
    """Vrai si la réponse est l'un de ces choix (statut ou choix unique)."""
    contains: _ChoiceId | None = Field(default=None, alias="contient")
    """Vrai si ce choix fait partie des choix cochés (choix multiple)."""
    answered: StrictBool | None = Field(default=None, alias="repondue")
    """Vrai si la question a (true) ou n'a pas (false) reçu de réponse."""

    @model_validator(mode="after")
    def _one_operation(self) -> Test:
        given = [
            name
            for name, value in (
                ("est", self.equals),
                ("parmi", self.among),
                ("contient", self.contains),
                ("repondue", self.answered),
            )
            if value is not None
        ]
        if len(given) != 1:
            raise ValueError(
                "un test porte sur une seule opération parmi « est », « parmi », « contient » "
                f"et « repondue » (trouvé : {', '.join(given) or 'aucune'})"
            )
        return self

    @property
    def values(self) -> tuple[str, ...]:
        """The choice ids this test names (empty for ``repondue``)."""
        if self.equals is not None:
            return (self.equals,)
        if self.among is not None:
            return self.among
        if self.contains is not None:
            return (self.contains,)
        return ()


class AllOf(_Strict):
    """Vrai si toutes les conditions sont vraies."""

    all_of: tuple[Condition, ...] = Field(alias="et", min_length=1)


class AnyOf(_Strict):
    """Vrai si au moins une des conditions est vraie."""

    any_of: tuple[Condition, ...] = Field(alias="ou", min_length=1)


class Not(_Strict):
    """Vrai si la condition est fausse."""

    negated: Condition = Field(alias="non")


TAG_PREFIX = "@"
"""Pydantic puts the union tag in error locations; tags start with this so they can be dropped."""


def _condition_kind(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("et", "ou", "non"):
            if key in value:
                return TAG_PREFIX + key
        return TAG_PREFIX + "test"
    if isinstance(value, BaseModel):
        kinds: dict[type[BaseModel], str] = {AllOf: "et", AnyOf: "ou", Not: "non"}
        return TAG_PREFIX + kinds.get(type(value), "test")
    return TAG_PREFIX + "test"


Condition = Annotated[
    Annotated[Test, Tag("@test")]
    | Annotated[AllOf, Tag("@et")]
    | Annotated[AnyOf, Tag("@ou")]
    | Annotated[Not, Tag("@non")],
    Discriminator(_condition_kind),
]
"""A condition: a test on one answer, or et / ou / non of conditions."""

AllOf.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()


def evaluate(condition: Condition, lookup: AnswerLookup) -> bool:
    """Evaluate ``condition`` against the answers given by ``lookup``."""
    if isinstance(condition, AllOf):
        return all(evaluate(c, lookup) for c in condition.all_of)
    if isinstance(condition, AnyOf):
        return any(evaluate(c, lookup) for c in condition.any_of)
    if isinstance(condition, Not):
        return not evaluate(condition.negated, lookup)
    value = lookup(condition.question)
    if condition.answered is not None:
        given = bool(value.strip()) if isinstance(value, str) else bool(value)
        return given is condition.answered
    if condition.contains is not None:
        return isinstance(value, list) and condition.contains in value
    if condition.equals is not None:
        return value == condition.equals
    assert condition.among is not None
    return isinstance(value, str) and value in condition.among


def tests_of(condition: Condition) -> Iterator[Test]:
    """Every elementary test in a condition, depth first."""
    if isinstance(condition, AllOf):
        for part in condition.all_of:
            yield from tests_of(part)
    elif isinstance(condition, AnyOf):
        for part in condition.any_of:
            yield from tests_of(part)
    elif isinstance(condition, Not):
        yield from tests_of(condition.negated)
    else:
        yield condition


def referenced_questions(condition: Condition | None) -> set[str]:
    """The ids of the questions a condition depends on."""
    if condition is None:
        return set()
    return {test.question for test in tests_of(condition)}


def problems_of_test(owner: str, test: Test, target: Question) -> list[str]:
    """Why ``test``, in the condition of ``owner``, cannot apply to the question ``target``
    (an operator its kind does not have, a choice it does not offer), in French."""
    problems: list[str] = []
    if test.contains is not None and target.kind != "choix_multiple":
        problems.append(
            f"la condition de {owner} emploie « contient » sur la question « {target.id} », "
            "qui n'est pas à choix multiple (employez « est » ou « parmi »)"
        )
    if (test.equals is not None or test.among is not None) and target.kind not in (
        "statut",
        "choix",
    ):
        problems.append(
            f"la condition de {owner} emploie « est » ou « parmi » sur la question "
            f"« {target.id} », qui n'est ni un statut ni un choix unique"
        )
    possible = {c.id for c in target.effective_choices}
    for value in test.values:
        if possible and value not in possible:
            allowed = ", ".join(sorted(possible))
            problems.append(
                f"la condition de {owner} attend « {value} » pour la question « {target.id} », "
                f"qui ne propose pas ce choix (choix possibles : {allowed})"
            )
    return problems
