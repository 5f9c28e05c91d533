"""A description of the machine and of the software the measurements were taken with."""

from __future__ import annotations

import os
import platform
import sys
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

_PACKAGES = (
    "synergy-wizard",
    "textual",
    "pydantic",
    "PyYAML",
    "Jinja2",
    "markdown-it-py",
    "weasyprint",
)


def cpu_model() -> str:
    """The CPU model name from ``/proc/cpuinfo`` (Linux), else what ``platform`` knows."""
    try:
        for line in (
            Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines()
        ):
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def describe() -> dict[str, Any]:
    """CPU, cores, memory, OS, Python and library versions, time and load of the machine."""
    versions: dict[str, str | None] = {}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    try:
        import yaml

        libyaml = bool(getattr(yaml, "__with_libyaml__", False))
    except ImportError:  # pragma: no cover - PyYAML is a dependency
        libyaml = False
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "memory_mb": _memory_mb(),
        "system": platform.platform(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "packages": versions,
        "libyaml": libyaml,
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "load_average_start": load_average(),
    }


def _memory_mb() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return None
