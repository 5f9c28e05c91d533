"""The wording checks: what counts as an acronym, a sentence, a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from synergy_wizard.checklist.lint import lint_file
from synergy_wizard.checklist.lint_content import acronyms_in, sentences, word_count

LINT = Path(__file__).resolve().parents[1] / "data" / "lint"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le CPAS et la commune, avec l'UVCW.", ["CPAS", "UVCW"]),
        ("Le DPO / DPD (RGPD, art. 37) et le CPPT.", ["DPO", "DPD", "RGPD", "CPPT"]),
        ("Article L1122-11 du CDLD, chapitre XII, titre IV, XIXe siècle.", ["CDLD"]),
        ("Le SPF Emploi, la COVID-19, les A4 et ÉTP.", ["SPF", "COVID", "ÉTP"]),
        ("Une Synergie, Oui, S-7 et B2.", []),
        ("CPAS-commune, pré-CPAS.", ["CPAS", "CPAS"]),
    ],
)
def test_acronyms(text: str, expected: list[str]) -> None:
    assert list(acronyms_in(text)) == expected


def test_sentences_split_paragraphs_list_items_and_full_stops() -> None:
    text = (
        "Une première phrase. Une deuxième ? Oui !\n"
        "La suite\n"
        "continue ici.\n"
        "\n"
        "Il reprend au minimum :\n"
        "- les surfaces ;\n"
        "- les coûts\n"
        "  énergétiques.\n"
        "1. un point numéroté\n"
    )
    assert list(sentences(text)) == [
        "Une première phrase.",
        "Une deuxième ?",
        "Oui !",
        "La suite continue ici.",
        "Il reprend au minimum :",
        "- les surfaces ;",
        "- les coûts énergétiques.",
        "1. un point numéroté",
    ]


def test_word_count_ignores_punctuation_alone() -> None:
    assert word_count("Le CPAS – et l'UVCW : « oui » !") == 5


def test_an_acronym_used_several_times_is_reported_once_with_a_count(tmp_path: Path) -> None:
    text = (LINT / "sigle-absent-du-glossaire.yaml").read_text(encoding="utf-8")
    text = text.replace("Joignez la délibération du conseil.", "Joignez l'avis RGPD du DPO.")
    path = tmp_path / "sigle-absent-du-glossaire.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = lint_file(path)
    assert problem.code == "sigle-absent-du-glossaire"
    assert (problem.location.line, problem.location.column) == (23, 30)
    assert problem.message == (
        "le sigle « RGPD » n'est pas expliqué dans le glossaire (employé 2 fois)"
    )


def test_a_long_sentence_folded_over_lines_is_found_where_it_starts(tmp_path: Path) -> None:
    first = " ".join(f"mot{n}" for n in range(20))
    second = " ".join(f"mot{n}" for n in range(20, 40))
    text = (LINT / "propre.yaml").read_text(encoding="utf-8")
    folded = f"resume: >\n  Un début court.\n  {first}\n  {second}.\n"
    text = text.replace("resume: Une petite check-list pour essayer le contrôle.\n", folded)
    path = tmp_path / "propre.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = lint_file(path)
    assert problem.code == "phrase-trop-longue"
    assert (problem.location.line, problem.location.column) == (7, 3)
    assert "phrase de 40 mots" in problem.message
