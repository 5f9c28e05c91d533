"""Every checklist shipped with the program loads without a single problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from synergy_wizard.checklist.loader import bundled_checklist_paths, load_bundled, load_checklist
from synergy_wizard.paths import bundled_checklists_dir

BUNDLED = bundled_checklist_paths()


def test_at_least_two_checklists_are_shipped() -> None:
    names = [path.name for path in BUNDLED]
    assert len(names) >= 2, f"check-lists trouvées dans {bundled_checklists_dir()} : {names}"


@pytest.mark.parametrize("path", BUNDLED, ids=[path.stem for path in BUNDLED])
def test_bundled_checklist_loads(path: Path) -> None:
    checklist = load_checklist(path)
    assert checklist.id == path.stem
    assert checklist.questions
    assert len(checklist.question_index) == len(checklist.questions)


def test_bundled_checklists_load_together_with_distinct_ids() -> None:
    checklists = load_bundled()
    ids = [checklist.id for checklist in checklists]
    assert ids == sorted(path.stem for path in BUNDLED)
    assert len(set(ids)) == len(ids)
