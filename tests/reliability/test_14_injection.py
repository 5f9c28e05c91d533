"""Case 14: injection in the dossier — hostile answers stay inert text, through the program.

A dossier file whose project fields, answers and notes hold script tags, event handlers, a
``</style>``, ``javascript:`` links, raw HTML and a Jinja expression is rendered by the real
``synergy-wizard render``. Hostile checklist text is covered with the same checks, element by
element, in ``tests/unit/test_render.py`` (``hostile_checklist``); the PDF, made from the same
HTML, in ``tests/e2e/test_pdf.py``.
"""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from synergy_wizard.answers.storage import save_dossier

from .helpers import bundled_dossier, child_env

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "</style><script>alert(3)</script>",
    "[cliquez](javascript:alert(4))",
    '<a href="javascript:alert(5)">lien</a>',
    "{{ 7*7 }} {% raw %}",
    "<iframe src=https://exemple.invalid></iframe>",
]


class _Inspector(HTMLParser):
    """Collects what a browser would run or fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self.csp: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in ("href", "src", "action", "formaction") and value:
                self.urls.append(value)
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == (
            "content-security-policy"
        ):
            self.csp.append(values.get("content") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _inspect(html: str) -> _Inspector:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector


def _assert_inert(html: str) -> str:
    found = _inspect(html)
    assert "script" not in found.tags and "iframe" not in found.tags and "img" not in found.tags
    assert found.handlers == []
    assert not [url for url in found.urls if url.strip().lower().startswith("javascript:")]
    return "".join(found.text)


@pytest.fixture
def hostile_dossier(isolated_home: Path) -> Path:
    path = isolated_home / "projet.yaml"
    dossier, question, _ = bundled_dossier(path, value="non", note="\n".join(HOSTILE))
    dossier.project.name = "Projet <script>alert(0)</script>"
    dossier.project.partner = HOSTILE[1]
    dossier.project.author = HOSTILE[2]
    dossier.update_answer(question, owner=HOSTILE[3])
    save_dossier(dossier, path)
    return path


def _render(path: Path, fmt: str) -> str:
    output = path.with_suffix(f".{fmt}")
    result = subprocess.run(
        [sys.executable, "-m", "synergy_wizard", "render", str(path), "--format", fmt],
        env=child_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Dossier de préparation écrit : {output}\n"
    return output.read_text(encoding="utf-8")


def test_html_of_a_hostile_dossier_is_inert(hostile_dossier: Path) -> None:
    html = _render(hostile_dossier, "html")
    text = _assert_inert(html)
    csp = _inspect(html).csp
    assert len(csp) == 1 and "default-src 'none'" in csp[0]
    # Every text is shown literally: « {{ 7*7 }} » was never run as a template.
    for hostile in HOSTILE:
        assert hostile in text, hostile
    assert "Projet <script>alert(0)</script>" in text


def test_markdown_of_a_hostile_dossier_is_inert_once_displayed(hostile_dossier: Path) -> None:
    markdown = _render(hostile_dossier, "md")
    # As a Markdown viewer that lets raw HTML through would display it.
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    text = _assert_inert(html)
    for hostile in HOSTILE:
        assert hostile in text, hostile
