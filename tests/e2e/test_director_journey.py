"""A director-general's session in the real program, keys only, in an 80×24 pseudo-terminal.

New dossier → answer ten questions → owner and deadline → search → review → export HTML →
quit; then reopen and find everything again. The test reads the dossier file after each step
(the program saves every change at once) to know where it is and to check what was saved.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from synergy_wizard.answers.model import Dossier
from synergy_wizard.answers.plan import build_plan
from synergy_wizard.answers.storage import load_dossier
from synergy_wizard.checklist.loader import find_checklist

from .terminal import Terminal

pytestmark = pytest.mark.e2e

PAGE_DOWN = "\x1b[6~"
F2, F4 = "\x1bOQ", "\x1bOS"
CTRL_Q, CTRL_S = "\x11", "\x13"
TAB, ENTER, ESCAPE = "\t", "\r", "\x1b"
STATUT_KEYS = {"1": "oui", "2": "non", "3": "partiellement", "4": "a-verifier", "5": "sans-objet"}


def wait_for_dossier(
    terminal: Terminal, path: Path, predicate: Callable[[Dossier], bool], what: str
) -> Dossier:
    """Pump the terminal until the saved dossier satisfies ``predicate``."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        terminal.pump(0.15)
        if path.is_file():
            dossier = load_dossier(path)
            if predicate(dossier):
                return dossier
    raise AssertionError(f"the dossier never showed {what}; screen:\n{terminal.text()}")


def test_a_whole_session_with_keys_only_then_reopen(isolated_home: Path) -> None:
    checklist = find_checklist("batiment-commun")
    path = isolated_home / "maison-commune.yaml"
    terminal = Terminal(["--dossiers", str(isolated_home)])
    try:
        terminal.wait_for_text("Vos dossiers")
        terminal.send("n")
        terminal.wait_for_text("Nouveau dossier")
        terminal.send(ENTER)  # the first checklist, « Bâtiment commun », is selected
        terminal.send("Maison commune" + ENTER)
        terminal.wait_for_text("Section 1/")

        # Ten statut answers with keys 1-5, moving with Pg↓ over the other kinds.
        answered: dict[str, str] = {}
        position = checklist.questions[0].id
        while len(answered) < 10:
            dossier = load_dossier(path)
            plan = build_plan(checklist, dossier)
            slot = next(s for s in plan.visible_slots if s.key == (dossier.position or position))
            if slot.question.kind == "statut" and slot.key not in answered:
                key = str(len(answered) % 5 + 1)
                terminal.send(key)
                answered[slot.key] = STATUT_KEYS[key]
                wait_for_dossier(
                    terminal,
                    path,
                    lambda d, k=slot.key, v=STATUT_KEYS[key]: d.answer(k).value == v,
                    f"{slot.key} = {STATUT_KEYS[key]}",
                )
                if len(answered) == 10:
                    break
            terminal.send(PAGE_DOWN)
            position = wait_for_dossier(
                terminal, path, lambda d, k=slot.key: d.position not in ("", k), "a move"
            ).position
        last = list(answered)[-1]

        # Owner and deadline of the last answered question: Tab to the note, Tab to the owner.
        for keys in (TAB, TAB, "M. Lambert", TAB, "31/12/2026", TAB):
            terminal.send(keys)
        wait_for_dossier(
            terminal,
            path,
            lambda d: (
                d.answer(last).owner == "M. Lambert"
                and d.answer(last).deadline == date(2026, 12, 31)
            ),
            "the owner and the deadline",
        )

        # Search for the first answered question and jump back to it.
        first = next(iter(answered))
        words = checklist.question(first).text.split()
        terminal.send(PAGE_DOWN)  # leave the follow-up fields: / would be typed into them
        terminal.send("/")
        terminal.wait_for_text("Rechercher une question")
        terminal.send(" ".join(words[1:4]))
        terminal.pump(0.8)
        terminal.send(ENTER)
        wait_for_dossier(terminal, path, lambda d: d.position == first, "the jump to the hit")

        # Review, then export to HTML from the export dialog.
        terminal.send(F2)
        terminal.wait_for_text("Revue — ")  # the review's title (the walk's footer says « Revue »)
        terminal.send(ESCAPE)
        terminal.send(F4)
        terminal.wait_for_text("Exporter le dossier")
        terminal.send(CTRL_S)
        html = isolated_home / "maison-commune.html"
        terminal.wait_for(html.is_file, "the exported HTML file")
        terminal.send(CTRL_Q)
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()

    text = html.read_text(encoding="utf-8")
    assert "Maison commune" in text and "M. Lambert" in text

    saved = load_dossier(path)
    assert {key: saved.answer(key).value for key in answered} == answered
    assert saved.position == first

    reopened = Terminal(["--dossiers", str(isolated_home), "open", str(path)])
    try:
        reopened.wait_for_text(" ".join(checklist.question(first).text.split()[:3]))
        assert f"Progression : {len(answered)}/" in reopened.text()
        reopened.send(CTRL_Q)
        assert reopened.wait_exit() == 0
    finally:
        reopened.close()
    again = load_dossier(path)
    assert again.answers == saved.answers
