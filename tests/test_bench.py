"""The benchmark runs end to end on a tiny input and writes every measurement as JSON.

Timings are not checked (they depend on the machine and its load): only that the documented
command works and that each measurement is there, measured or with the reason it was not.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = "coordination-sociale"
GENERATED = "banc-12-questions"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    output = tmp_path_factory.mktemp("bench") / "resultats.json"
    completed = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--quick",
            "--questions",
            "12",
            "--keys",
            "4",
            "--checklists",
            BUNDLED,
            "--pdf-checklist",
            "generee",
            "--output",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Démarrage jusqu'à l'écran d'accueil" in completed.stdout  # the table is printed
    document: dict[str, object] = json.loads(output.read_text(encoding="utf-8"))
    return document


def test_every_measurement_is_in_the_json(results: dict[str, object]) -> None:
    rows = results["results"]
    assert isinstance(rows, list)
    ids = {row["id"] for row in rows}
    expected = {"start", "start-first-frame", "render-imports", f"pdf/{GENERATED}"}
    for checklist in (BUNDLED, GENERATED):
        expected |= {
            f"open/{checklist}",
            f"memory/{checklist}",
            f"latency-median/{checklist}",
            f"latency-p90/{checklist}",
            f"load/{checklist}",
        }
        for fmt in ("html", "md"):
            expected |= {
                f"render-{fmt}/{checklist}",
                f"render-{fmt}-first/{checklist}",
                f"render-process-{fmt}/{checklist}",
            }
    assert ids == expected


def test_each_row_has_a_value_or_says_why_not(results: dict[str, object]) -> None:
    rows = results["results"]
    assert isinstance(rows, list)
    for row in rows:
        assert row["verdict"] in ("atteint", "non atteint", "non mesuré", "—"), row
        if row["program"] is None:
            assert row["verdict"] == "non mesuré" and row["reason"], row
            continue
        program = row["program"]
        assert program["n"] >= 1 and program["min"] <= program["median"] <= program["max"]
        if row["id"] != "render-imports":
            assert program["median"] > 0, row
        if row["target"] is not None and row["target"]["metric"] == "ratio":
            assert row["baseline"] is not None and row["ratio"] > 0, row


def test_the_core_measurements_ran(results: dict[str, object]) -> None:
    rows = {row["id"]: row for row in results["results"]}  # type: ignore[attr-defined]
    for key in ("start", f"open/{BUNDLED}", f"open/{GENERATED}", f"load/{GENERATED}"):
        assert rows[key]["program"] is not None, rows[key]
    assert rows[f"render-html/{GENERATED}"]["program"] is not None
    assert rows["render-imports"]["verdict"] == "atteint", rows["render-imports"]


def test_the_machine_is_described(results: dict[str, object]) -> None:
    machine = results["machine"]
    assert isinstance(machine, dict)
    assert machine["cores"] and machine["cpu"] and machine["python"]
    packages = machine["packages"]
    assert isinstance(packages, dict) and packages["textual"]
    settings = results["settings"]
    assert isinstance(settings, dict) and settings["questions"] == 12
