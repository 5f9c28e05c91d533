"""The follow-up of a question on the walk screen: owner, deadline and priority, saved at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Select
from tui_helpers import make_dossier, run

from synergy_wizard.answers.storage import load_dossier, save_dossier
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.tui.app import SynergyWizardApp
from synergy_wizard.tui.widgets.follow_up import DeadlineError, parse_deadline
from synergy_wizard.tui.widgets.question_view import QuestionView


def deadline_error(app: SynergyWizardApp) -> str:
    return str(app.screen.query_one("#deadline-error").render())


def test_owner_deadline_and_priority_are_saved(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="porteur")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab")  # answer → note → owner
            assert app.focused is app.screen.query_one("#owner", Input)
            await pilot.press(*"Mme Lambert", "tab")  # leaving the field saves it
            assert load_dossier(path).answer("porteur").owner == "Mme Lambert"

            await pilot.press(*"30/06/2026", "enter")
            assert load_dossier(path).answer("porteur").deadline == date(2026, 6, 30)
            assert deadline_error(app) == ""

            await pilot.press("tab")
            assert app.focused is app.screen.query_one("#priority", Select)
            # The list opens on its empty choice, then Haute, Moyenne, Basse.
            await pilot.press("enter", "down", "down", "enter")
            assert load_dossier(path).answer("porteur").priority == "moyenne"

        saved = load_dossier(path).answer("porteur")
        assert (saved.owner, saved.deadline, saved.priority) == (
            "Mme Lambert",
            date(2026, 6, 30),
            "moyenne",
        )
        assert saved.value is None  # a follow-up alone does not answer the question
        text = path.read_text(encoding="utf-8")
        assert "responsable: Mme Lambert" in text
        assert "echeance: '2026-06-30'" in text or "echeance: 2026-06-30" in text
        assert "priorite: moyenne" in text

    run(scenario)


def test_a_wrong_deadline_is_explained_and_never_saved(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="porteur")

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "tab")
            deadline = app.screen.query_one("#deadline", Input)
            assert app.focused is deadline
            await pilot.press(*"31/02/2026", "enter")
            assert "le 31/02/2026 n'existe pas" in deadline_error(app)
            assert deadline.has_class("-invalid")
            assert load_dossier(path).answer("porteur").deadline is None

            await pilot.press("ctrl+a", "ctrl+k", *"fin juin", "enter")
            assert "écrivez la date JJ/MM/AAAA" in deadline_error(app)
            assert load_dossier(path).answer("porteur").deadline is None

            await pilot.press("ctrl+a", "ctrl+k", *"1/7/2026")
            assert deadline_error(app) == ""  # a valid date clears the message at once
            await pilot.press("enter")
            assert load_dossier(path).answer("porteur").deadline == date(2026, 7, 1)

            # Leaving with a wrong date: the user is told it was not saved.
            await pilot.press("ctrl+a", "ctrl+k", *"99/99/2026", "pagedown")
            assert app.screen.query_one(QuestionView).question.id == "services-vises"
            titles = [n.title for n in app._notifications]
            assert "Échéance non enregistrée" in titles
        assert load_dossier(path).answer("porteur").deadline == date(2026, 7, 1)

    run(scenario)


def test_clearing_the_follow_up_removes_it_from_the_file(
    app_factory: Callable[..., SynergyWizardApp], dossiers_dir: Path, mini_checklist: Checklist
) -> None:
    path = make_dossier(dossiers_dir, mini_checklist, position="porteur")
    dossier = load_dossier(path)
    dossier.update_answer("porteur", owner="Anne", deadline=date(2026, 9, 1), priority="haute")
    save_dossier(dossier, path)

    async def scenario() -> None:
        app = app_factory(path)
        async with app.run_test(size=(80, 24)) as pilot:
            owner = app.screen.query_one("#owner", Input)
            assert owner.value == "Anne"
            assert app.screen.query_one("#deadline", Input).value == "01/09/2026"
            assert app.screen.query_one("#priority", Select).value == "haute"
            await pilot.press("tab", "tab", "ctrl+a", "ctrl+k", "tab")
            await pilot.press("ctrl+a", "ctrl+k", "tab")
            await pilot.press("enter", "up", "enter")  # the list opens on « Haute »
        assert "porteur" not in load_dossier(path).answers

    run(scenario)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30/06/2026", date(2026, 6, 30)),
        (" 1/7/2026 ", date(2026, 7, 1)),
        ("01-07-2026", date(2026, 7, 1)),
        ("01.07.2026", date(2026, 7, 1)),
        ("29/02/2028", date(2028, 2, 29)),
        ("", None),
        ("   ", None),
    ],
)
def test_deadlines_are_read_the_french_way(typed: str, expected: date | None) -> None:
    assert parse_deadline(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2026-06-30", "écrivez la date JJ/MM/AAAA, par exemple 30/06/2026"),
        ("30/06/26", "écrivez la date JJ/MM/AAAA"),
        ("demain", "écrivez la date JJ/MM/AAAA"),
        ("29/02/2026", "le 29/02/2026 n'existe pas"),
        ("12/13/2026", "le 12/13/2026 n'existe pas"),
        ("30/06/0226", "l'année doit être comprise entre 1900 et 2199"),
    ],
)
def test_wrong_deadlines_are_explained(typed: str, message: str) -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline(typed)
    assert message in str(caught.value)
    assert str(caught.value).startswith("Échéance invalide : ")
