"""Lint decides « never shown » with the same visibility rules as the dossier plan."""

from __future__ import annotations

from typing import Any

from checklist_strategies import valid_checklists
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.plan import answer_key, build_plan
from synergy_wizard.checklist import lint_visibility
from synergy_wizard.checklist.lint_visibility import Key, RawValue, Visibility
from synergy_wizard.checklist.models import Checklist


def keys_of(checklist: Checklist) -> list[Key]:
    """Every answer key a dossier can hold, repetitions included."""
    keys: list[Key] = []
    for section in checklist.sections:
        if section.repeat_for is None:
            keys += [(q.id, None) for q in section.questions]
        else:
            choices = checklist.question(section.repeat_for).choices
            keys += [(q.id, c.id) for c in choices for q in section.questions]
    return keys


@st.composite
def answered(draw: st.DrawFn, checklist: Checklist) -> dict[Key, RawValue]:
    """Random answers to random keys (any choice, any selection, some text)."""
    raw: dict[Key, RawValue] = {}
    for key in keys_of(checklist):
        question = checklist.question(key[0])
        choices = [c.id for c in question.effective_choices]
        if question.kind == "choix_multiple":
            some = st.lists(st.sampled_from(choices), unique=True)
            value: RawValue = draw(st.one_of(some, st.just(choices)))
        elif question.kind in ("statut", "choix"):
            value = draw(st.sampled_from(choices))
        else:
            value = "réponse"
        if draw(st.integers(min_value=0, max_value=3)):
            raw[key] = value
    return raw


def dossier_with(checklist: Checklist, raw: dict[Key, RawValue]) -> Dossier:
    dossier = Dossier.new(checklist, ProjectInfo(name="Essai"))
    for (question_id, repetition), value in raw.items():
        dossier.update_answer(answer_key(question_id, repetition), value=value)
    return dossier


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(checklist=valid_checklists(), data=st.data())
def test_visibility_agrees_with_the_dossier_plan(checklist: Checklist, data: st.DataObject) -> None:
    visibility = Visibility(checklist)
    never = {q.id for q in checklist.questions if visibility.question_showable(q) is False}
    for _ in range(8):
        raw = data.draw(answered(checklist))
        plan = build_plan(checklist, dossier_with(checklist, raw))
        shown = {
            (slot.question.id, slot.instance.repetition.id if slot.instance.repetition else None)
            for slot in plan.slots
            if slot.visible
        }
        for key in keys_of(checklist):
            assert visibility.visible(key, raw) == (key in shown), key
        assert not never & {key[0] for key in shown}


def test_a_question_shown_only_when_its_source_is_unanswered_is_showable() -> None:
    """A hidden question counts as unanswered: « repondue: false » on it is always true."""
    checklist = Checklist.model_validate(
        _data(
            [
                _q(
                    "a",
                    visible_si={
                        "et": [{"question": "p", "est": "x"}, {"question": "p", "est": "y"}]
                    },
                ),
                _q("b", visible_si={"question": "a", "repondue": False}),
                _q("c", visible_si={"question": "a", "repondue": True}),
            ]
        )
    )
    visibility = Visibility(checklist)
    assert visibility.question_showable(checklist.question("a")) is False
    assert visibility.question_showable(checklist.question("b")) is True
    assert visibility.question_showable(checklist.question("c")) is False


def test_multiple_choice_containing_two_choices_is_showable() -> None:
    checklist = Checklist.model_validate(
        _data(
            [
                _q(
                    "m",
                    type="choix_multiple",
                    choix=[{"id": i, "libelle": i} for i in ("u", "v", "w")],
                ),
                _q(
                    "both",
                    visible_si={
                        "et": [
                            {"question": "m", "contient": "u"},
                            {"question": "m", "contient": "w"},
                        ]
                    },
                ),
                _q(
                    "neither",
                    visible_si={
                        "et": [
                            {"question": "m", "repondue": True},
                            {"non": {"question": "m", "contient": "u"}},
                            {"non": {"question": "m", "contient": "v"}},
                        ]
                    },
                ),
            ]
        )
    )
    visibility = Visibility(checklist)
    assert visibility.question_showable(checklist.question("both")) is True
    # Only « w » ticked: answered, and neither u nor v.
    assert visibility.question_showable(checklist.question("neither")) is True


def _repeated(
    section_condition: dict[str, Any] | None, source_condition: dict[str, Any] | None = None
) -> Checklist:
    data = _data([])
    source = {
        "id": "m",
        "texte": "m ?",
        "type": "choix_multiple",
        "choix": [{"id": i, "libelle": i} for i in ("u", "v")],
    }
    if source_condition:
        source["visible_si"] = source_condition
    data["sections"][0]["questions"].append(source)
    repeated: dict[str, Any] = {
        "id": "r",
        "titre": "R",
        "repeter_pour": "m",
        "questions": [_q("a"), _q("b", visible_si={"question": "a", "est": "oui"})],
    }
    if section_condition:
        repeated["visible_si"] = section_condition
    data["sections"].append(repeated)
    return Checklist.model_validate(data)


def test_a_condition_inside_a_repetition_reads_that_repetition() -> None:
    checklist = _repeated(None)
    visibility = Visibility(checklist)
    raw: dict[Key, RawValue] = {("m", None): ["u", "v"], ("a", "u"): "oui", ("a", "v"): "non"}
    assert visibility.visible(("b", "u"), raw) is True
    assert visibility.visible(("b", "v"), raw) is False
    assert visibility.visible(("b", None), {**raw, ("a", None): "oui"}) is False


def test_a_hidden_repeat_source_repeats_nothing() -> None:
    checklist = _repeated(None, source_condition={"question": "p", "est": "x"})
    visibility = Visibility(checklist)
    raw: dict[Key, RawValue] = {("p", None): "y", ("m", None): ["u"], ("a", "u"): "oui"}
    assert visibility.visible(("a", "u"), raw) is False
    assert visibility.visible(("a", "u"), {**raw, ("p", None): "x"}) is True
    assert visibility.section_visible(checklist.sections[1], "u", raw) is False


def test_a_section_condition_on_the_repetition_choice() -> None:
    checklist = _repeated({"question": "p", "est": "z"})
    visibility = Visibility(checklist)
    assert visibility.section_showable(checklist.sections[1]) is True
    assert visibility.question_showable(checklist.question("b")) is True


def test_too_many_combinations_are_not_decided(monkeypatch: Any) -> None:
    monkeypatch.setattr(lint_visibility, "MAX_COMBINATIONS", 3)
    checklist = Checklist.model_validate(
        _data(
            [
                _q(
                    "a",
                    visible_si={
                        "et": [{"question": "p", "est": "x"}, {"question": "p", "est": "y"}]
                    },
                )
            ]
        )
    )
    # p: unanswered, x, y, z → 4 combinations, more than allowed: nothing is claimed.
    assert Visibility(checklist).question_showable(checklist.question("a")) is None


def _q(question_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": question_id, "texte": f"{question_id} ?", **fields}


def _data(questions: list[dict[str, Any]]) -> dict[str, Any]:
    source = _q(
        "p",
        type="choix",
        choix=[{"id": i, "libelle": i} for i in ("x", "y", "z")],
    )
    return {
        "id": "essai",
        "version": "1.0",
        "titre": "T",
        "resume": "R",
        "avertissement": "A",
        "cadre_legal_au": "2025-06-30",
        "sections": [{"id": "s", "titre": "S", "questions": [source, *questions]}],
    }


def test_a_multiple_choice_with_too_many_named_choices_is_not_decided(monkeypatch: Any) -> None:
    monkeypatch.setattr(lint_visibility, "MAX_COMBINATIONS", 10)
    names = [f"c{n}" for n in range(5)]
    source = _q("m", type="choix_multiple", choix=[{"id": n, "libelle": n} for n in names])
    never = {"et": [{"question": "p", "est": "x"}, {"question": "p", "est": "y"}]}
    tests = [{"question": "m", "contient": n} for n in names]
    checklist = Checklist.model_validate(
        _data([source, _q("a", visible_si={"et": [never, {"ou": tests}]})])
    )
    # 2⁵ selections of m alone exceed the limit: nothing is claimed, and nothing is built.
    assert Visibility(checklist).question_showable(checklist.question("a")) is None
