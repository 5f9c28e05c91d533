"""``synergy-wizard lint``: one weak or broken checklist per check, exact places and codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_probe import run_cli

from synergy_wizard.checklist.lint import ERROR, WARNING, LintReport, lint_file, lint_paths
from synergy_wizard.checklist.loader import bundled_checklist_paths, load_checklist
from synergy_wizard.errors import ChecklistError

ROOT = Path(__file__).resolve().parents[2]
LINT = ROOT / "tests" / "data" / "lint"
E, W = ERROR, WARNING

#: file in tests/data/lint → every expected finding: (line, column, severity, code, excerpt).
EXPECTED: dict[str, list[tuple[int, int, str, str, str]]] = {
    "propre": [],
    # Found when loading (also reported by « validate »), each at its node.
    "yaml-invalide": [(13, 16, E, "yaml-invalide", "guillemet ouvert ici mais jamais refermé")],
    "choix-insuffisants": [(17, 11, E, "choix-insuffisants", "doit proposer au moins deux choix")],
    "condition-question-inconnue": [
        (
            24,
            32,
            E,
            "condition-question-inconnue",
            "la condition cite la question « porteurs », qui n'existe pas — vouliez-vous dire "
            "« porteur » ?",
        )
    ],
    "condition-valeur-impossible": [
        (
            24,
            46,
            E,
            "condition-valeur-impossible",
            "« region » n'est pas un choix de la question « porteur »",
        )
    ],
    "condition-operateur-inadapte": [
        (
            24,
            41,
            E,
            "condition-operateur-inadapte",
            "« contient » ne s'emploie pas avec la question « porteur », de type « choix »",
        )
    ],
    "condition-cle-inconnue": [
        (24, 41, E, "cle-inconnue", "clé inconnue « estt » — vouliez-vous dire « est » ?")
    ],
    "condition-en-boucle": [
        (
            24,
            21,
            E,
            "condition-en-boucle",
            "les conditions forment une boucle : budget → suivi → budget",
        )
    ],
    "repetition-invalide": [
        (
            26,
            19,
            E,
            "repetition-invalide",
            "une section ne peut être répétée que pour une question à choix multiple ; "
            "« porteur » est de type « choix »",
        )
    ],
    "ancien-id-en-usage": [
        (
            24,
            23,
            E,
            "ancien-id-en-usage",
            "l'ancien identifiant « porteur » est encore celui de la question « porteur »",
        )
    ],
    # Found by lint on a checklist that loads.
    "jamais-affichee-et": [
        (
            28,
            11,
            E,
            "jamais-affichee",
            "la question « convention » ne sera jamais affichée : « et » exige à la fois "
            "« commune » et « centre » pour la question « porteur », qui n'a qu'une réponse",
        )
    ],
    "jamais-affichee-dependance": [
        (28, 11, E, "jamais-affichee", "la question « convention » ne sera jamais affichée"),
        (
            35,
            21,
            E,
            "jamais-affichee",
            "la question « date-signature » ne sera jamais affichée : elle dépend de la "
            "question « convention », qui n'est jamais affichée",
        ),
    ],
    "jamais-affichee-repetition": [
        (34, 11, E, "jamais-affichee", "la question « services » ne sera jamais affichée"),
        (
            39,
            19,
            E,
            "jamais-affichee",
            "la section « par-service » ne sera jamais affichée, ni aucune de ses questions : "
            "elle est répétée pour la question « services », qui n'est jamais affichée",
        ),
    ],
    "condition-sur-section-repetee": [
        (
            47,
            21,
            E,
            "jamais-affichee",
            "elle dépend de la question « responsable », qui fait partie de la section répétée "
            "« par-service » et compte ici comme sans réponse",
        ),
        (
            47,
            32,
            E,
            "condition-sur-section-repetee",
            "la question « responsable » fait partie de la section répétée « par-service » : "
            "hors de cette section, elle compte toujours comme sans réponse",
        ),
    ],
    "condition-sur-question-suivante": [
        (
            24,
            32,
            W,
            "condition-sur-question-suivante",
            "la question « budget » dépend de la question « montant », posée plus loin (ligne 25)",
        )
    ],
    "repetition-sur-question-suivante": [
        (
            26,
            19,
            W,
            "repetition-sur-question-suivante",
            "la section « par-service » est répétée pour la question « services », posée plus "
            "loin (ligne 35)",
        )
    ],
    "ancien-id-en-double": [
        (
            28,
            23,
            E,
            "ancien-id-en-double",
            "l'ancien identifiant « budget-vote » figure aussi dans la question « budget » "
            "(ligne 24)",
        )
    ],
    "aide-absente": [(24, 9, W, "aide-absente", "la question « calendrier » n'a pas d'aide")],
    "sigle-absent-du-glossaire": [
        (
            26,
            39,
            W,
            "sigle-absent-du-glossaire",
            "le sigle « RGPD » n'est pas expliqué dans le glossaire",
        )
    ],
    "phrase-trop-longue": [
        (
            25,
            11,
            W,
            "phrase-trop-longue",
            "phrase de 45 mots (au plus 35) : « Cette phrase est beaucoup trop longue … »",
        )
    ],
    "texte-en-double": [
        (
            25,
            16,
            W,
            "texte-en-double",
            "la question « budget-vote » a le même texte que la question « budget » (ligne 21)",
        )
    ],
    "statut-sans-question": [
        (
            25,
            16,
            W,
            "statut-sans-question",
            "la question « calendrier » attend un statut (oui, non, partiellement…) mais n'est "
            "pas posée comme une question",
        )
    ],
    "terme-en-double": [
        (
            27,
            12,
            W,
            "terme-en-double",
            "le terme « Synergie » figure deux fois dans le glossaire (ligne 25)",
        )
    ],
    "libelle-en-double": [
        (
            20,
            22,
            W,
            "libelle-en-double",
            "les choix « commune » et « centre » de la question « porteur » ont le même libellé",
        )
    ],
    "historique-incomplet": [
        (
            25,
            3,
            W,
            "historique-incomplet",
            "la version « 1.1.0 » n'est pas décrite dans « historique »",
        )
    ],
    "historique-desordonne": [
        (
            29,
            14,
            W,
            "historique-desordonne",
            "la version « 1.1.0 » est placée après la version « 1.0.0 », qui est plus ancienne",
        )
    ],
}

LOAD_ERRORS = {
    "yaml-invalide",
    "choix-insuffisants",
    "condition-question-inconnue",
    "condition-valeur-impossible",
    "condition-operateur-inadapte",
    "condition-cle-inconnue",
    "condition-en-boucle",
    "repetition-invalide",
    "ancien-id-en-usage",
}


def test_every_lint_fixture_has_an_expectation() -> None:
    assert sorted(path.stem for path in LINT.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_reports_exactly_the_expected_findings(name: str) -> None:
    path = LINT / f"{name}.yaml"
    found = lint_file(path)
    summary = [(p.location.line, p.location.column, p.severity, p.code, p.message) for p in found]
    expected = EXPECTED[name]
    assert len(found) == len(expected), summary
    for problem, (line, column, severity, code, excerpt) in zip(found, expected, strict=True):
        assert (problem.location.line, problem.location.column) == (line, column), summary
        assert (problem.severity, problem.code) == (severity, code), summary
        assert excerpt in problem.message, summary
        assert problem.location.path == path
        assert problem.hint, summary


@pytest.mark.parametrize("name", sorted(LOAD_ERRORS))
def test_load_errors_are_the_loader_s_own_problems(name: str) -> None:
    """What lint reports for a file that does not load is exactly what the loader says."""
    with pytest.raises(ChecklistError) as caught:
        load_checklist(LINT / f"{name}.yaml")
    loaded = [(p.location, p.message, p.code or "yaml-invalide") for p in caught.value.problems]
    assert loaded == [(p.location, p.message, p.code) for p in lint_file(LINT / f"{name}.yaml")]


def test_condition_problems_are_located_not_joined_for_the_whole_file(tmp_path: Path) -> None:
    """The model validator's joined message (at 1:1) is not reported on top of located ones."""
    text = (LINT / "condition-question-inconnue.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "      - id: porteur\n", "      - id: porteur\n        anciens_ids: [budget]\n"
    )
    text = text.replace("est: commune}", "est: commune}\n        anciens_ids: [porteur]")
    path = tmp_path / "condition-question-inconnue.yaml"
    path.write_text(text, encoding="utf-8")
    found = [(p.location.line, p.code) for p in lint_file(path)]
    assert found == [
        (13, "ancien-id-en-usage"),
        (25, "condition-question-inconnue"),
        (26, "ancien-id-en-usage"),
    ]


# --- the bundled checklists --------------------------------------------------------------------


@pytest.mark.parametrize("path", bundled_checklist_paths(), ids=lambda p: p.stem)
def test_bundled_checklist_passes_lint_without_any_warning(path: Path) -> None:
    assert [str(p) for p in lint_file(path)] == []


def test_bundled_checklists_are_five_at_least() -> None:
    assert len(bundled_checklist_paths()) >= 5


# --- reports -----------------------------------------------------------------------------------


def test_summary_and_exit_codes() -> None:
    clean = lint_paths([LINT / "propre.yaml"])
    assert (clean.exit_code, clean.summary()) == (0, "1 fichier vérifié : aucun problème.")
    warned = lint_paths([LINT / "propre.yaml", LINT / "aide-absente.yaml"])
    assert warned.exit_code == 1
    assert warned.summary() == "1 avertissement dans 1 fichier(s) sur 2."
    both = lint_paths([LINT / "aide-absente.yaml", LINT / "jamais-affichee-dependance.yaml"])
    assert both.exit_code == 2
    assert both.summary() == "2 erreurs et 1 avertissement dans 2 fichier(s) sur 2."


def test_text_report_reads_like_validate() -> None:
    report = lint_paths([LINT / "aide-absente.yaml"])
    lines = report.to_text().splitlines()
    assert lines[0] == (
        f"{LINT / 'aide-absente.yaml'}:24:9: avertissement : la question « calendrier » n'a pas "
        "d'aide [aide-absente]"
    )
    assert lines[1].startswith("    → ajoutez « aide: »")
    assert lines[-1] == "1 avertissement dans 1 fichier(s) sur 1."


def test_json_report_lists_every_field() -> None:
    report = LintReport(
        (LINT / "texte-en-double.yaml",), tuple(lint_file(LINT / "texte-en-double.yaml"))
    )
    [item] = json.loads(report.to_json())
    assert item == {
        "file": str(LINT / "texte-en-double.yaml"),
        "line": 25,
        "column": 16,
        "severity": "avertissement",
        "code": "texte-en-double",
        "message": "la question « budget-vote » a le même texte que la question « budget » "
        "(ligne 21)",
        "hint": "reformulez l'une des deux pour dire ce qui les distingue, ou gardez-en une seule",
    }


# --- the command line (a real process; Textual must not be imported) --------------------------


def test_cli_lint_of_the_bundled_checklists_is_clean(isolated_home: Path) -> None:
    result = run_cli("lint", home=isolated_home)
    assert result.returncode == 0, result.stdout + result.stderr
    count = len(bundled_checklist_paths())
    assert result.stdout == f"{count} fichiers vérifiés : aucun problème.\n"


def test_cli_lint_exit_codes(isolated_home: Path) -> None:
    warning = run_cli("lint", str(LINT / "aide-absente.yaml"), home=isolated_home)
    assert warning.returncode == 1, warning.stderr
    assert "aide-absente.yaml:24:9: avertissement :" in warning.stdout
    error = run_cli(
        "lint", str(LINT / "propre.yaml"), str(LINT / "yaml-invalide.yaml"), home=isolated_home
    )
    assert error.returncode == 2, error.stderr
    assert "yaml-invalide.yaml:13:16: erreur : guillemet ouvert" in error.stdout
    assert "Traceback" not in error.stdout + error.stderr


def test_cli_lint_a_folder_in_json(isolated_home: Path) -> None:
    result = run_cli("lint", "--format", "json", str(LINT), home=isolated_home)
    assert result.returncode == 2
    items = json.loads(result.stdout)
    codes = {item["code"] for item in items}
    expected = {code for findings in EXPECTED.values() for _, _, _, code, _ in findings}
    assert codes == expected
    assert {item["severity"] for item in items} == {"erreur", "avertissement"}
    assert all(
        set(item) == {"file", "line", "column", "severity", "code", "message", "hint"}
        for item in items
    )


def test_cli_lint_missing_file(isolated_home: Path) -> None:
    result = run_cli("lint", "absente.yaml", home=isolated_home)
    assert result.returncode == 2
    assert "Le fichier absente.yaml n'existe pas." in result.stderr
    assert result.stdout == ""


# --- the authoring guide ------------------------------------------------------------------------

GUIDE = ROOT / "docs" / "rediger-une-checklist.md"


def test_the_guide_s_complete_example_passes_lint(tmp_path: Path) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "achats-groupes.yaml"
    path.write_text(example, encoding="utf-8")
    assert [str(p) for p in lint_file(path)] == []


def test_the_guide_explains_every_lint_code() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    codes = {code for findings in EXPECTED.values() for _, _, _, code, _ in findings}
    assert {code for code in codes if f"`{code}`" not in text} == set()


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "code", "excerpt"),
    [
        (
            "{question: porteur, est: commune}",
            "{question: porteur, parmi: [commune, region]}",
            24,
            58,
            "condition-valeur-impossible",
            "« region » n'est pas un choix de la question « porteur »",
        ),
        (
            "- {question: services, contient: accueil}",
            "- {question: services, contient: acceuil}",
            52,
            46,
            "condition-valeur-impossible",
            "« acceuil » n'est pas un choix de la question « services » — vouliez-vous dire "
            "« accueil » ?",
        ),
        (
            "non: {question: budget, parmi: [non, a-verifier]}",
            "non: {question: budget, parmi: [non, a-vérifier]}",
            53,
            52,
            "condition-valeur-impossible",
            "« a-vérifier » n'est pas un choix de la question « budget » — vouliez-vous dire "
            "« a-verifier » ?",
        ),
        (
            "repeter_pour: services",
            "repeter_pour: responsable",
            36,
            19,
            "repetition-invalide",
            "une section ne peut être répétée que pour une question à choix multiple",
        ),
        (
            "{question: porteur, est: commune}",
            "{question: services, est: accueil}",
            24,
            42,
            "condition-operateur-inadapte",
            "« est » ne s'emploie pas avec la question « services », de type « choix_multiple »",
        ),
    ],
)
def test_condition_and_repeat_mistakes_point_at_their_node(
    tmp_path: Path, old: str, new: str, line: int, column: int, code: str, excerpt: str
) -> None:
    text = (LINT / "propre.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "propre.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ChecklistError) as caught:
        load_checklist(path)
    found = [(p.location.line, p.location.column, p.code, p.message) for p in caught.value.problems]
    assert [(f[0], f[1], f[2]) for f in found] == [(line, column, code)], found
    assert excerpt in found[0][3]
