"""The built wheel carries the checklists and templates and finds them once installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_ships_data_and_validates(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("synergy_wizard-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "synergy_wizard/_data/checklists/batiment-commun.yaml" in names
    assert "synergy_wizard/_data/templates/dossier.html.j2" in names
    assert "synergy_wizard/tui/wizard.tcss" in names

    target = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import synergy_wizard.paths as p; print(p.bundled_checklists_dir())",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert Path(probe.stdout.strip()) == target / "synergy_wizard" / "_data" / "checklists"
    result = subprocess.run(
        [sys.executable, "-m", "synergy_wizard", "validate"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "batiment-commun.yaml : valide" in result.stdout
    assert "unification-taches-services.yaml : valide" in result.stdout
