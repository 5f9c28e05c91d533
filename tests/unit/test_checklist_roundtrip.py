"""Checklists written by ``dump.py`` load back equal; broken ones never crash loader or lint."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from checklist_strategies import TEXTS, valid_checklists
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synergy_wizard.checklist.dump import MODELINE, dump_checklist
from synergy_wizard.checklist.lint import ERROR, WARNING, lint_file
from synergy_wizard.checklist.loader import bundled_checklist_paths, load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import ChecklistError

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def write(folder: Path, checklist_id: str, text: str) -> Path:
    path = folder / f"{checklist_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@SETTINGS
@given(checklist=valid_checklists())
def test_dump_then_load_gives_an_equal_checklist(
    checklist: Checklist, tmp_path_factory: pytest.TempPathFactory
) -> None:
    text = dump_checklist(checklist)
    assert text.startswith(MODELINE)
    loaded = load_checklist(write(tmp_path_factory.mktemp("rt"), checklist.id, text))
    assert loaded == checklist
    assert loaded.content_hash == checklist.content_hash
    assert dump_checklist(loaded) == text


@pytest.mark.parametrize("path", bundled_checklist_paths(), ids=lambda p: p.stem)
def test_bundled_checklists_survive_a_round_trip(path: Path, tmp_path: Path) -> None:
    checklist = load_checklist(path)
    assert load_checklist(write(tmp_path, checklist.id, dump_checklist(checklist))) == checklist


def test_dump_quotes_what_yaml_would_misread(tmp_path: Path) -> None:
    data = {
        "id": "piege",
        "version": "1.10",
        "titre": "NO",
        "resume": "010",
        "avertissement": "a: b # pas un commentaire",
        "cadre_legal_au": "2025-06-30",
        "sections": [
            {
                "id": "s",
                "titre": "true",
                "questions": [{"id": "q", "texte": "- une liste ?", "aide": "Ligne 1\nLigne 2"}],
            }
        ],
    }
    checklist = Checklist.model_validate(data)
    text = dump_checklist(checklist, modeline=False)
    assert 'version: "1.10"' in text
    assert "aide: |-\n          Ligne 1\n          Ligne 2\n" in text
    assert "&" not in text and "*" not in text
    assert load_checklist(write(tmp_path, "piege", text)) == checklist


# --- mutations of valid files ---------------------------------------------------------------

NOISE = st.one_of(
    TEXTS,
    st.sampled_from(
        [":", "- ", "\t", "  ", "'", '"', "&a ", "*a", "!!python/object ", "[", "]", "{", "}",
         "#", "|", ">", "%", "@", "---", "\\", "\x00", "\ufeff",
         "visible_si: {question: x, est: y}", "repeter_pour: q", "anciens_ids: [a]", "et: []",
         "non: {}", "type: choix"]
    ),
)  # fmt: skip


def mutate(text: str, seed: int, noise: list[str]) -> str:
    """Apply a few line- and token-level edits, as a person editing by hand might."""
    rng = random.Random(seed)
    lines = text.splitlines()
    for word in noise:
        if not lines:
            lines = [word]
            continue
        at = rng.randrange(len(lines))
        action = rng.choice(
            ["delete", "duplicate", "swap", "indent", "dedent", "replace", "insert"]
        )
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "indent":
            lines[at] = "  " + lines[at]
        elif action == "dedent":
            lines[at] = lines[at].removeprefix("  ")
        elif action == "replace":
            tokens = lines[at].split(" ")
            tokens[rng.randrange(len(tokens))] = word
            lines[at] = " ".join(tokens)
        else:
            position = rng.randrange(len(lines[at]) + 1)
            lines[at] = lines[at][:position] + word + lines[at][position:]
    return "\n".join(lines) + "\n"


@SETTINGS
@given(
    checklist=valid_checklists(),
    seed=st.integers(min_value=0, max_value=2**32),
    noise=st.lists(NOISE, min_size=1, max_size=4),
)
def test_mutated_checklist_only_ever_raises_checklist_error_and_lints(
    checklist: Checklist, seed: int, noise: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = write(
        tmp_path_factory.mktemp("fuzz"),
        checklist.id,
        mutate(dump_checklist(checklist), seed, noise),
    )
    try:
        load_checklist(path)
    except ChecklistError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message
            assert problem.location.path == path
    problems = lint_file(path)
    for problem in problems:
        assert problem.severity in (ERROR, WARNING)
        assert problem.code
        assert problem.location.path == path
        assert problem.location.line >= 0
