"""Templates that would never end, or build gigantic values, are stopped with a message.

Real templates rendered by the real sandbox: nested loops, repetitions, powers. The time
budget is shortened for the test; a normal dossier stays far below the real one.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from synergy_wizard.errors import TemplateError
from synergy_wizard.render import budget
from synergy_wizard.render.environment import render_template


def _render(tmp_path: Path, source: str) -> str:
    folder = tmp_path / "modeles"
    folder.mkdir(exist_ok=True)
    (folder / "dossier.html.j2").write_text(source, encoding="utf-8")
    return render_template("html", {}, templates_dir=folder)


def test_nested_loops_that_would_take_hours_are_stopped_at_the_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "RENDER_SECONDS", 0.5)
    source = (
        "<p>\n\n{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n"
    )
    started = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        _render(tmp_path, source)
    assert time.monotonic() - started < 5
    message = caught.value.message
    assert message.startswith("Le modèle dossier.html.j2, ligne 3 : ")
    assert "arrêtée après 0.5 secondes" in message
    assert "boucle sans fin ou beaucoup trop longue" in message


def test_a_loop_printing_without_end_is_stopped_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "RENDER_SECONDS", 0.5)
    source = "{% for i in range(99999) %}{% for j in range(99999) %}{{ i }}{% endfor %}{% endfor %}"
    with pytest.raises(TemplateError, match=r"arrêtée après 0\.5 secondes"):
        _render(tmp_path, source)


@pytest.mark.parametrize(
    ("expression", "detail"),
    [
        ("'x' * 10 ** 9", "répétition de 1 × 1000000000 éléments (au plus 1000000)"),
        ("[1, 2] * 600000", "répétition de 2 × 600000 éléments"),
        ("7 ** 100000", "puissance 7 ** 100000 bien trop grande"),
    ],
)
def test_gigantic_values_are_refused_at_once(tmp_path: Path, expression: str, detail: str) -> None:
    started = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        _render(tmp_path, f"<p>\n{{{{ {expression} }}}}\n")
    assert time.monotonic() - started < 5
    assert caught.value.message.startswith("Le modèle dossier.html.j2, ligne 2 : ")
    assert "valeur bien trop grande construite par le modèle" in caught.value.message
    assert detail in caught.value.message


def test_reasonable_loops_repetitions_and_powers_still_work(tmp_path: Path) -> None:
    source = (
        "{% for i in range(3) %}{{ i }}{% endfor %}|{{ range(5) | length }}|"
        "{{ 4 in range(5) }}|{{ '-' * 3 }}|{{ 3 * 'ab' }}|{{ 2 ** 10 }}|{{ 6 * 7 }}|"
        "{{ [0] * 2 }}|{{ 1.5 ** 2 }}"
    )
    assert _render(tmp_path, source) == "012|5|True|---|ababab|1024|42|[0, 0]|2.25"


def test_the_budget_is_only_counted_while_rendering() -> None:
    for _ in range(10_000):
        budget.step()  # outside a rendering: nothing is counted, nothing can stop
    with budget.render_budget(0.0), pytest.raises(budget.TemplateTooLong):
        for _ in range(1_000):
            budget.step()
