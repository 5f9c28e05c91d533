"""Rendering dossiers to HTML and Markdown: content, escaping, broken templates, safe writing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import synergy_wizard
from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.checklist.loader import bundled_checklist_paths, load_checklist
from synergy_wizard.checklist.models import Checklist
from synergy_wizard.errors import NotFoundError, StorageError, TemplateError
from synergy_wizard.render import (
    Mode,
    TextFormat,
    default_output_name,
    render_dossier,
    write_dossier,
)
from synergy_wizard.render.escape import escape_block, escape_inline
from synergy_wizard.render.french import format_date, format_datetime
from synergy_wizard.render.markdown import to_html, to_markdown

TZ = timezone(timedelta(hours=1))
FIXED = datetime(2026, 11, 22, 14, 5, tzinfo=TZ)
HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> </style> "
    "[lien](javascript:alert(1)) {{ 7*7 }}"
)
NOTE = "Relance envoyée le 3/11.\nDeuxième ligne, coût : 12 000 € 🙂\n\n    - retrait gardé"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
SAFE_HREF = ("#", "https://", "http://", "mailto:")
ACCENTS = "Crèche été 2027 — 15 000 € 🙂 œuvre"


# ---------- a small HTML tree, built with the standard library parser ----------


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.attrs.get("class", "").split())
        ]

    def one(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert len(found) == 1, f"{len(found)} × {tag}.{cls}"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> tuple[Node, str]:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root, builder.doctype


def visible_text(root: Node) -> str:
    return "".join(
        c if isinstance(c, str) else ("" if c.tag == "style" else visible_text(c))
        for c in root.children
    )


SVG_TAGS = {"svg", "title", "g", "rect", "text"}


def assert_inert(root: Node) -> None:
    """No active content: no script, image or frame, no event handler, no unsafe link.

    The only SVG is the progress chart: shapes and text, nothing that loads or runs.
    """
    tags = {n.tag for n in root.iter()}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "use", "image"}
    for svg in root.find_all("svg"):
        assert {n.tag for n in svg.iter()} <= SVG_TAGS
    for node in root.iter():
        assert not [name for name in node.attrs if name.startswith("on")], node
        if "href" in node.attrs:
            assert node.attrs["href"].startswith(SAFE_HREF), node.attrs["href"]
        assert "src" not in node.attrs


# ---------- fixtures ----------


@pytest.fixture
def checklist(mini_checklist_path: Path) -> Checklist:
    return load_checklist(mini_checklist_path)


def freeze(dossier: Dossier) -> Dossier:
    """Fixed timestamps, so no clock digit can sneak into what the tests search for."""
    for answer in dossier.answers.values():
        answer.updated_at = FIXED
    dossier.project.updated_at = FIXED
    return dossier


def new_dossier(
    checklist: Checklist, name: str = "Maison commune de Fléron", **extra: str
) -> Dossier:
    project = ProjectInfo(
        name=name,
        cpas=extra.get("cpas", "CPAS de Fléron"),
        partner=extra.get("partner", "Commune de Fléron"),
        author=extra.get("author", "Élise Dupont"),
        created_at=datetime(2026, 11, 2, 9, 30, tzinfo=TZ),
    )
    return Dossier.new(checklist, project)


@pytest.fixture
def dossier(checklist: Checklist) -> Dossier:
    d = new_dossier(checklist)
    d.update_answer(
        "probleme-resolu",
        value="non",
        note=NOTE,
        owner="Service travaux",
        deadline=date(2027, 3, 1),
    )
    d.update_answer("services-vises", value=["grh", "informatique"])
    d.update_answer("description", value="Un accueil commun\net des bureaux fermés.")
    d.update_answer("porteur", note="À trancher en comité de concertation.")
    d.update_answer("question-retiree", value=["a", "b"], note="Note d'une version précédente")
    return freeze(d)


def render(
    checklist: Checklist,
    dossier: Dossier,
    fmt: TextFormat,
    templates_dir: Path | None = None,
    mode: Mode = "concis",
) -> str:
    return render_dossier(
        checklist, dossier, fmt, mode=mode, templates_dir=templates_dir, generated_at=FIXED
    )


def hostile_checklist(path: Path) -> Checklist:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["titre"] = data["resume"] = data["avertissement"] = HOSTILE
    data["sources"][0].update(titre=HOSTILE, url="javascript:alert(1)")
    section = data["sections"][0]
    section["titre"] = section["introduction"] = HOSTILE
    question = section["questions"][0]
    question.update(texte=HOSTILE, aide=HOSTILE + "\n\n![x](https://evil.example/t.png)")
    question.update(points_favorables=[HOSTILE], points_problematiques=[HOSTILE])
    question["references"][0].update(texte=HOSTILE, url="javascript:alert(2)")
    section["questions"][1]["choix"][0]["libelle"] = HOSTILE
    return Checklist.model_validate(data)


def hostile_dossier(checklist: Checklist) -> Dossier:
    d = new_dossier(checklist, HOSTILE, cpas=HOSTILE, partner=HOSTILE, author=HOSTILE)
    d.update_answer("probleme-resolu", value="a-verifier", note=HOSTILE, owner=HOSTILE)
    d.update_answer("porteur", value="commune", note=HOSTILE)
    d.update_answer("nom-projet-court", value=HOSTILE)
    d.update_answer("description", value=f"{HOSTILE}\n# {HOSTILE}\n- {HOSTILE}", note=HOSTILE)
    d.update_answer("services-vises", value=["grh", HOSTILE])
    d.update_answer("orpheline", value=HOSTILE, note=HOSTILE, owner=HOSTILE)
    return freeze(d)


# ---------- HTML ----------


def test_html_is_a_self_contained_print_ready_document(
    checklist: Checklist, dossier: Dossier
) -> None:
    html = render(checklist, dossier, "html")
    root, doctype = parse(html)
    assert doctype.lower() == "doctype html"
    assert root.one("html").attrs["lang"] == "fr"
    metas = {
        m.attrs.get("http-equiv", m.attrs.get("name", "charset")): m for m in root.find_all("meta")
    }
    assert metas["charset"].attrs["charset"] == "utf-8"
    csp = metas["Content-Security-Policy"].attrs["content"]
    assert csp == "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    assert (
        root.one("head").one("title").text() == "Maison commune de Fléron — Dossier de préparation"
    )
    css = root.one("style").text()
    for rule in ("size: A4", 'counter(page) " / " counter(pages)', "break-inside: avoid"):
        assert rule in css
    assert "@import" not in css and "url(" not in css
    assert_inert(root)


def test_html_cover_names_project_checklist_and_notice(
    checklist: Checklist, dossier: Dossier
) -> None:
    root, _ = parse(render(checklist, dossier, "html"))
    cover = root.one("header", "cover")
    assert cover.one("h1").text() == "Maison commune de Fléron"
    facts = {row.one("th").text(): row.one("td").text() for row in cover.find_all("tr")}
    assert facts == {
        "CPAS": "CPAS de Fléron",
        "Commune ou partenaire": "Commune de Fléron",
        "Dossier préparé par": "Élise Dupont",
        "Date du document": "22 novembre 2026",
        "Réponses mises à jour le": "22 novembre 2026 à 14 h 05",
        "Check-list": "Check-list d'essai « mini », version\xa01.2.0",
        "Cadre légal pris en compte": "au 30 juin 2025",
    }
    assert cover.one("p", "cover-subtitle").text() == "Dossier concis · Check-list d'essai « mini »"
    assert "Contenu reconstitué pour les tests" in cover.one("aside", "notice").text()
    assert not cover.find_all("aside", "warning")
    assert "le 22 novembre 2026" in root.one("footer").text()
    assert f"synergy-wizard {synergy_wizard.__version__}" in root.one("footer").text()


def test_html_has_one_block_per_question_with_its_answer(
    checklist: Checklist, dossier: Dossier
) -> None:
    root, _ = parse(render(checklist, dossier, "html", mode="complet"))
    blocks = [b for b in root.find_all("article", "question") if "orphan" not in b.attrs["class"]]
    assert [b.attrs["id"] for b in blocks] == [f"q-{q.id}" for q in checklist.questions]
    assert [b.one("span", "num").text() for b in blocks] == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    by_id = {b.attrs["id"][2:]: b for b in blocks}

    open_point = by_id["probleme-resolu"]
    assert "is-open" in open_point.attrs["class"].split()
    assert open_point.one("span", "statut").text() == "Non"
    assert open_point.one("span", "flag").text() == "Point ouvert"
    assert open_point.one("div", "note-text").text() == NOTE
    assert open_point.one("span", "owner").text() == "Service travaux"
    assert open_point.one("span", "deadline").text() == "1er mars 2027"
    assert "Un diagnostic écrit" in open_point.one("div", "favourable").text()
    assert (
        open_point.one("p", "refs").one("a").attrs["href"] == "https://www.parlement-wallonie.be/"
    )

    multi = by_id["services-vises"]
    assert [li.text() for li in multi.find_all("li", "choice")] == [
        "Ressources humaines",
        "Informatique",
    ]
    assert (
        by_id["description"].one("div", "answer-text").text()
        == "Un accueil commun\net des bureaux fermés."
    )

    for qid in ("porteur", "nom-projet-court"):
        assert by_id[qid].one(cls="missing").text() == "Sans réponse"
        assert "is-unanswered" in by_id[qid].attrs["class"].split()
    assert (
        by_id["porteur"].one("div", "note-text").text() == "À trancher en comité de concertation."
    )
    assert not by_id["services-vises"].find_all(cls="missing")


def test_html_synthesis_charts_sections_and_lists_open_points(
    checklist: Checklist, dossier: Dossier
) -> None:
    root, _ = parse(render(checklist, dossier, "html"))
    synthesis = root.one("section", "synthesis")
    chart = synthesis.one("svg", "chart")
    rows = [[t.text() for t in g.find_all("text")] for g in chart.find_all("g", "chart-row")]
    assert rows == [["1. Opportunité et objectifs", "1/2"], ["2. Services concernés", "2/3"]]
    widths = [
        [r.attrs["width"] for r in g.find_all("rect")] for g in chart.find_all("g", "chart-row")
    ]
    # track, then the open point in red (1 of 2) / the answered part (2 of 3)
    assert widths == [["320", "160"], ["320", "213"]]
    statuts = synthesis.one("table", "statuts-table")
    labels = [th.text() for th in statuts.find_all("th")]
    counts = [td.text() for td in statuts.find_all("td")]
    assert dict(zip(labels, counts, strict=True)) == {
        "Oui": "0",
        "Non": "1",
        "Partiellement": "0",
        "À vérifier": "0",
        "Sans objet": "0",
        "Sans réponse": "0",
    }
    points = synthesis.one("table", "points-table").one("tbody").find_all("tr")
    assert [[td.text() for td in r.find_all("td")] for r in points] == [
        ["1.1", "Le problème que la synergie doit résoudre est-il décrit et chiffré ?", "Non", "—"]
    ]
    figures = [" ".join(f.text().split()) for f in synthesis.find_all("div", "figure")]
    assert figures == [
        "3 / 5 questions répondues (60 %)",
        "1 point ouvert",
        "2 questions sans réponse",
    ]
    plan = root.one("section", "action-plan").one("table", "actions-table").one("tbody")
    assert [[td.text() for td in r.find_all("td")] for r in plan.find_all("tr")] == [
        [
            "1.1",
            "Le problème que la synergie doit résoudre est-il décrit et chiffré ?",
            "Service travaux",
            "1er mars 2027",
            "—",
            "Non",
        ]
    ]


def test_html_orphans_are_kept_in_an_annex(checklist: Checklist, dossier: Dossier) -> None:
    root, _ = parse(render(checklist, dossier, "html"))
    orphan = root.one("article", "orphan")
    assert orphan.one("span", "question-id").text() == "question-retiree"
    assert [li.text() for li in orphan.find_all("li")] == ["a", "b"]
    assert orphan.one("div", "note-text").text() == "Note d'une version précédente"
    assert root.one("ul", "sources").one("a").attrs["href"] == "https://www.parlement-wallonie.be/"

    del dossier.answers["question-retiree"]
    root, _ = parse(render(checklist, dossier, "html"))
    assert not root.find_all("article", "orphan")
    assert "Réponses orphelines" not in visible_text(root)


def test_html_shows_values_the_checklist_no_longer_offers(
    checklist: Checklist, dossier: Dossier
) -> None:
    dossier.update_answer("porteur", value="intercommunale")
    dossier.update_answer("probleme-resolu", value='oui" onclick="x')
    dossier.update_answer("nom-projet-court", value=["un", "deux"])
    root, _ = parse(render(checklist, freeze(dossier), "html"))
    assert_inert(root)
    by_id = {b.attrs.get("id"): b for b in root.find_all("article", "question")}
    absent = "(choix absent de cette version de la check-list)"
    assert by_id["q-porteur"].one(cls="choice").text() == f"intercommunale {absent}"
    statut = by_id["q-probleme-resolu"].one(cls="choice")
    assert statut.text() == f'oui" onclick="x {absent}'
    assert statut.attrs["class"] == "choice"
    assert by_id["q-nom-projet-court"].one(cls="answer-text").text() == "un\ndeux"


def test_html_flags_answers_given_for_another_checklist_version(
    checklist: Checklist, dossier: Dossier
) -> None:
    dossier.checklist.version = "1.1.0"
    root, _ = parse(render(checklist, dossier, "html"))
    assert "version\xa01.1.0" in root.one("aside", "warning").text()


def test_html_keeps_hostile_text_inert_and_literal(mini_checklist_path: Path) -> None:
    checklist = hostile_checklist(mini_checklist_path)
    root, _ = parse(render(checklist, hostile_dossier(checklist), "html"))
    assert_inert(root)
    assert len(root.find_all("style")) == 1
    assert "alert(" not in root.one("style").text()
    text = visible_text(root)
    assert "{{ 7*7 }}" in text and "49" not in text
    assert text.count("<script>alert(1)</script>") >= 15


# ---------- Markdown ----------


def to_tree(markdown_text: str) -> Node:
    """The Markdown as a browser would see it, raw HTML allowed (so a leak would show)."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown_text)
    return parse(html)[0]


def test_markdown_has_the_same_content(checklist: Checklist, dossier: Dossier) -> None:
    text = render(checklist, dossier, "md")
    assert text.startswith("# Maison commune de Fléron\n")
    assert "| Section | Questions | Répondues | Points ouverts | État |" in text
    assert "| 1. Opportunité et objectifs | 2 | 1 | 1 | en cours |" in text
    assert "### 1.1 Le problème que la synergie doit résoudre est-il décrit et chiffré ?" in text
    assert "**Réponse :** Non — **point ouvert**" in text
    assert text.count("**Réponse :** *Sans réponse*") == 1  # « porteur »: a note, no answer
    assert "*Et 1 question sans réponse, reprise en annexe (Questions sans réponse).*" in text
    assert "| 2.2 | Quel nom court donner au projet ? | Services concernés |" in text
    assert "- Ressources humaines\n- Informatique\n" in text
    assert "**Responsable :** Service travaux · **Échéance :** 1er mars 2027" in text
    assert "## Annexe — Réponses orphelines" in text
    assert "### Question « question-retiree »" in text
    tree = to_tree(text)
    assert [t.text() for t in tree.find_all("th")][:2] == ["Section", "Questions"]
    notes = [q for q in tree.find_all("blockquote") if "Relance" in q.text()]
    assert [len(n.find_all("br")) for n in notes] == [1]
    assert "12 000 € 🙂" in notes[0].text() and "\xa0" * 4 + "- retrait gardé" in notes[0].text()
    assert "Pourquoi ce projet" not in tree.text()  # section introductions: complete dossier
    assert "Pourquoi ce projet" in to_tree(render(checklist, dossier, "md", mode="complet")).text()
    assert_inert(tree)


def test_markdown_keeps_hostile_text_inert_and_literal(mini_checklist_path: Path) -> None:
    checklist = hostile_checklist(mini_checklist_path)
    text = render(checklist, hostile_dossier(checklist), "md")
    tree = to_tree(text)
    assert_inert(tree)
    assert not tree.find_all("h1")[1:], "a heading was injected"
    content = tree.text()
    assert "{{ 7*7 }}" in content and "49" not in content
    assert content.count("<script>alert(1)</script>") >= 15


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=60))
def test_markdown_escaping_renders_any_text_literally(value: str) -> None:
    for escaped in (escape_inline(value), escape_block(value, "> ")):
        tree = to_tree(escaped)
        assert {n.tag for n in tree.iter()} <= {"#root", "p", "blockquote", "br"}
        assert tree.text().split() == value.split()


# ---------- checklist Markdown ----------


def test_checklist_markdown_keeps_only_web_and_mail_links() -> None:
    source = (
        "# Titre\n[bon](https://uvcw.be) [mail](mailto:dg@cpas.be) [js](javascript:alert(1)) "
        "[rel](/etc/passwd) <javascript:alert(2)> ![image](https://x.example/a.png) <b>gras</b>"
    )
    root, _ = parse(str(to_html(source)))
    assert [a.attrs["href"] for a in root.find_all("a")] == ["https://uvcw.be", "mailto:dg@cpas.be"]
    assert root.find_all("h4") and not root.find_all("h1")
    assert "image" in root.text() and "<b>gras</b>" in root.text()
    assert_inert(root)
    rewritten = to_tree(to_markdown(source))
    assert [a.attrs["href"] for a in rewritten.find_all("a")] == [
        "https://uvcw.be",
        "mailto:dg@cpas.be",
    ]
    assert " ".join(rewritten.text().split()) == " ".join(root.text().split())


# ---------- templates ----------


def broken(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "modeles"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("fmt", "source", "line", "detail"),
    [
        ("html", "<p>\n</p>\n{% for x in %}\n", 3, "erreur de syntaxe"),
        ("html", "<p>\n\n\n</p>\n{{ projet.nom }}\n", 5, "le nom « projet » est inconnu"),
        ("md", "# x\n{% if progress.total %}\n", 2, "bloc n'est pas fermé"),
        ("md", "# x\n\n{{ project.nom }}\n", 3, "« ProjectView » n'a pas d'attribut « nom »"),
        ("html", "\n{{ ''.__class__.__mro__ }}\n", 2, "opération interdite"),
        ("html", "<p>\n{% include 'absent.html.j2' %}\n", 2, "« absent.html.j2 » est introuvable"),
    ],
)
def test_broken_template_is_reported_with_file_and_line(
    tmp_path: Path,
    checklist: Checklist,
    dossier: Dossier,
    fmt: TextFormat,
    source: str,
    line: int,
    detail: str,
) -> None:
    name = f"dossier.{fmt}.j2"
    folder = broken(tmp_path, name, source)
    with pytest.raises(TemplateError) as caught:
        render(checklist, dossier, fmt, templates_dir=folder)
    assert caught.value.message.startswith(f"Le modèle {name}, ligne {line} : ")
    assert detail in caught.value.message
    assert str(folder / name) in caught.value.hint


def test_error_in_an_included_template_names_that_template(
    tmp_path: Path, checklist: Checklist, dossier: Dossier
) -> None:
    folder = broken(tmp_path, "dossier.html.j2", "<p>\n{% include 'partie.html.j2' %}\n")
    broken(tmp_path, "partie.html.j2", "ok\n\n{{ absent }}\n")
    with pytest.raises(TemplateError, match=r"^Le modèle partie\.html\.j2, ligne 3 : "):
        render(checklist, dossier, "html", templates_dir=folder)


def test_template_saved_in_another_encoding_is_named(
    tmp_path: Path, checklist: Checklist, dossier: Dossier
) -> None:
    folder = broken(tmp_path, "dossier.md.j2", "# x\n{% include 'partie.md.j2' %}\n")
    (folder / "partie.md.j2").write_bytes("ok\nCafé\n".encode("cp1252"))
    with pytest.raises(TemplateError, match=r"^Le modèle partie\.md\.j2, ligne 2 : .*UTF-8"):
        render(checklist, dossier, "md", templates_dir=folder)


def test_failed_render_leaves_the_existing_file_untouched(
    tmp_path: Path, checklist: Checklist, dossier: Dossier
) -> None:
    folder = broken(tmp_path, "dossier.html.j2", "<p>{{ project.name }}</p>\n{{ oups }}\n")
    out = tmp_path / "sortie"
    out.mkdir()
    target = out / "dossier.html"
    target.write_text("version précédente", encoding="utf-8")
    with pytest.raises(TemplateError):
        write_dossier(checklist, dossier, "html", target, templates_dir=folder)
    assert target.read_text(encoding="utf-8") == "version précédente"
    assert [p.name for p in out.iterdir()] == ["dossier.html"]


def test_staff_templates_override_bundled_ones_file_by_file(
    tmp_path: Path, checklist: Checklist, dossier: Dossier
) -> None:
    folder = broken(tmp_path, "dossier.css", "body { color: #123456; }\n")
    root, _ = parse(render(checklist, dossier, "html", templates_dir=folder, mode="complet"))
    assert root.one("style").text().strip().startswith("body { color: #123456; }\n@page")
    assert len(root.find_all("article", "question")) == 6
    with pytest.raises(NotFoundError):
        render(checklist, dossier, "html", templates_dir=tmp_path / "absent")


@pytest.mark.parametrize("path", bundled_checklist_paths(), ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_every_bundled_checklist_renders(path: Path, fmt: TextFormat) -> None:
    checklist = load_checklist(path)
    dossier = new_dossier(checklist)
    for question in checklist.questions:
        values = {"statut": "partiellement", "choix_multiple": [c.id for c in question.choices]}
        value = values.get(question.kind, question.choices[0].id if question.choices else "Oui.")
        dossier.update_answer(question.id, value=value, note="Vu.")
    text = render(checklist, freeze(dossier), fmt)
    root = parse(text)[0] if fmt == "html" else to_tree(text)
    assert_inert(root)
    for question in checklist.questions:
        assert " ".join(question.text.split()) in " ".join(root.text().split())


# ---------- writing ----------


def test_write_dossier_writes_utf8_atomically(
    tmp_path: Path, checklist: Checklist, dossier: Dossier
) -> None:
    target = tmp_path / "sortie" / default_output_name(Path("maison-fleron.yaml"), "md")
    assert target.name == "maison-fleron.md"
    assert write_dossier(checklist, dossier, "md", target, generated_at=FIXED) == target
    assert target.read_bytes().decode("utf-8") == render(checklist, dossier, "md")
    assert [p.name for p in target.parent.iterdir()] == ["maison-fleron.md"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_write_dossier_reports_storage_problems_in_french(
    tmp_path: Path, checklist: Checklist, dossier: Dossier
) -> None:
    answers = tmp_path / "maison.yaml"
    answers.write_text("reponses: {}\n", encoding="utf-8")
    with pytest.raises(StorageError, match="YAML"):
        write_dossier(checklist, dossier, "html", answers)
    assert answers.read_text(encoding="utf-8") == "reponses: {}\n"
    (tmp_path / "dossier.html").mkdir()
    with pytest.raises(StorageError, match="Impossible d'enregistrer"):
        write_dossier(checklist, dossier, "html", tmp_path / "dossier.html")


def test_output_is_utf8_whatever_the_locale(tmp_path: Path, mini_checklist_path: Path) -> None:
    script = tmp_path / "ecrire.py"
    script.write_text(
        "import locale, sys\n"
        "from pathlib import Path\n"
        "from synergy_wizard.answers.model import Dossier, ProjectInfo\n"
        "from synergy_wizard.checklist.loader import load_checklist\n"
        "from synergy_wizard.render import write_dossier\n"
        "assert locale.getpreferredencoding(False).lower() not in ('utf-8', 'utf8')\n"
        "checklist = load_checklist(Path(sys.argv[1]))\n"
        f"dossier = Dossier.new(checklist, ProjectInfo(nom={ACCENTS!r}))\n"
        f"dossier.update_answer('description', value={ACCENTS!r})\n"
        "for fmt in ('html', 'md'):\n"
        "    write_dossier(checklist, dossier, fmt, Path(sys.argv[2]) / f'out.{fmt}')\n",
        encoding="utf-8",
    )
    repo = Path(synergy_wizard.__file__).resolve().parents[1]
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONPATH": str(repo)}
    env.pop("PYTHONIOENCODING", None)
    command = [sys.executable, str(script), str(mini_checklist_path), str(tmp_path)]
    subprocess.run(command, env=env, check=True, timeout=60)
    for fmt in ("html", "md"):
        assert ACCENTS in (tmp_path / f"out.{fmt}").read_bytes().decode("utf-8")


def test_french_dates() -> None:
    assert format_date(date(2027, 3, 1)) == "1er mars 2027"
    assert format_date(date(2026, 8, 22)) == "22 août 2026"
    assert format_datetime(datetime(2026, 12, 2, 9, 5, tzinfo=TZ)) == "2 décembre 2026 à 9 h 05"
    assert format_date(None) == ""
