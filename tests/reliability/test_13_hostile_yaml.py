"""Case 13: hostile or huge YAML — refused in under a second, with bounded memory.

Each file is read by a fresh process through both real loaders (checklist and dossier),
which measures the time and the memory the reading costs. Nothing in a file is ever run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import run_python

LIMIT_SECONDS = 1.0
LIMIT_MEGABYTES = 150

_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from synergy_wizard.answers.storage import load_dossier
from synergy_wizard.checklist.loader import load_checklist
from synergy_wizard.errors import SynergyError

path = Path(sys.argv[1])
results = {}
for name, load in (("checklist", load_checklist), ("dossier", load_dossier)):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        load(path)
        message = None
    except SynergyError as exc:
        problems = getattr(exc, "problems", [])
        message = problems[0].message if problems else exc.message
    elapsed = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    results[name] = {"seconds": elapsed, "megabytes": grown, "message": message}
print(json.dumps(results))
"""


def _bomb() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


HOSTILE: dict[str, tuple[bytes, str]] = {
    "alias-bomb": (_bomb(), "les alias YAML (&, *) ne sont pas acceptés"),
    "entier-5000-chiffres": (
        b"id: " + b"9" * 5000 + b"\n",
        "nombre entier trop long (5000 chiffres)",
    ),
    "imbrication-profonde": (
        b"a: " + b"[" * 100_000 + b"\n",
        "le document est imbriqué trop profondément (plus de 50 niveaux)",
    ),
    "imbrication-en-blocs": (
        "".join(f"{'  ' * i}k{i}:\n" for i in range(2_000)).encode(),
        "le document est imbriqué trop profondément (plus de 50 niveaux)",
    ),
    "python-object": (
        b"id: !!python/object/apply:os.system ['touch CIBLE']\n",
        "les étiquettes YAML comme « !!python/object/apply:os.system » ne sont pas acceptées",
    ),
    "liste-de-5-mo": (
        b"a: [" + b"0," * 2_400_000 + b"0]\n",
        "le fichier contient trop d'éléments (plus de 40\u202f000) pour être lu",
    ),
    "cles-sur-5-mo": (
        b"".join(b"k%d: 1\n" % i for i in range(700_000))[:4_900_000],
        "le fichier contient trop d'éléments (plus de 40\u202f000) pour être lu",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_is_refused_quickly_with_bounded_memory(tmp_path: Path, name: str) -> None:
    content, message = HOSTILE[name]
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content.replace(b"CIBLE", str(tmp_path / "execute").encode()))
    result = run_python(_MEASURE, str(path))
    assert result.returncode == 0, result.stderr
    for loader, outcome in json.loads(result.stdout).items():
        assert outcome["message"] == message, (loader, outcome)
        assert outcome["seconds"] < LIMIT_SECONDS, (loader, outcome)
        assert outcome["megabytes"] < LIMIT_MEGABYTES, (loader, outcome)
    assert not (tmp_path / "execute").exists()


def test_a_50_megabyte_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "enorme.yaml"
    with path.open("wb") as stream:
        stream.truncate(52_400_000)
    result = run_python(_MEASURE, str(path))
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["checklist"]["message"] == (
        "le fichier est trop volumineux (52,4 Mo ; au plus 5 Mo sont acceptés)"
    )
    assert outcome["dossier"]["message"] == (
        "le fichier est trop volumineux pour un dossier (52,4 Mo ; au plus 5 Mo)"
    )
    for measured in outcome.values():
        assert measured["seconds"] < LIMIT_SECONDS
        assert measured["megabytes"] < 20  # never read whole
