"""The Jinja2 environments of the dossier templates, and their errors in French.

Templates are looked up in the staff's own folder first (when given), then in the bundled
``templates/`` folder, so one file (say ``dossier.css``) can be overridden alone. Templates
run sandboxed: a template edited by hand can read the context it is given and nothing else.

- HTML: autoescape always on (``select_autoescape`` would not match ``*.html.j2``) and
  ``StrictUndefined``, so a misspelled name is an error rather than a silent blank.
- Markdown: no autoescape; user text goes through the ``md``/``md_block`` filters.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from synergy_wizard import paths
from synergy_wizard.errors import NotFoundError, TemplateError
from synergy_wizard.render import template_cache
from synergy_wizard.render.budget import (
    BudgetedRange,
    TemplateTooLong,
    TemplateValueTooLarge,
    checked_binop,
    render_budget,
    step,
)
from synergy_wizard.render.escape import css_string, escape_block, escape_inline, markdown_url
from synergy_wizard.render.formats import Mode, TextFormat
from synergy_wizard.render.french import plural

TEMPLATE_NAMES: dict[str, str] = {"html": "dossier.html.j2", "md": "dossier.md.j2"}
"""The main template of each text format (concise and complete dossiers)."""

BLANK_TEMPLATE_NAMES: dict[str, str] = {"html": "vierge.html.j2", "md": "vierge.md.j2"}
"""The main template of each text format for the blank checklist."""


def template_name(fmt: TextFormat, mode: Mode) -> str:
    """The main template rendering ``fmt`` in ``mode``."""
    return (BLANK_TEMPLATE_NAMES if mode == "vierge" else TEMPLATE_NAMES)[fmt]


def search_path(templates_dir: Path | None) -> list[Path]:
    """Where templates are looked up, in order: the staff's folder, then the bundled one."""
    folders = []
    if templates_dir is not None:
        folder = Path(templates_dir).expanduser().resolve()
        if not folder.is_dir():
            raise NotFoundError(
                f"Le dossier de modèles {folder} n'existe pas.",
                hint="Indiquez un dossier existant, ou aucun pour utiliser les modèles fournis.",
            )
        folders.append(folder)
    folders.append(paths.bundled_templates_dir())
    return folders


class UnreadableTemplate(Exception):
    """A template file that is not valid UTF-8 (saved in another encoding by an editor)."""

    def __init__(self, name: str, path: Path | None, error: UnicodeDecodeError) -> None:
        super().__init__(name)
        self.name = name
        self.path = path
        self.line = error.object[: error.start].count(b"\n") + 1
        self.byte = error.object[error.start : error.start + 1].hex()


class _Loader(jinja2.FileSystemLoader):
    """Reads templates as UTF-8 and names the file when one is not."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            found = (Path(folder) / template for folder in self.searchpath)
            path = next((candidate for candidate in found if candidate.is_file()), None)
            raise UnreadableTemplate(template, path, exc) from exc


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with a fast path for the fields of the dossier's views, and a budget.

    The context is made of frozen dataclasses (:mod:`.views`) holding plain data. Reading
    one of their declared fields is always allowed by the sandbox, so it is returned at
    once instead of going through the sandbox's checks, which are most of the rendering
    time of a large dossier. Every other attribute goes through the full checks.

    Calls, printed values and loops over ``range`` count as steps of the rendering's time
    budget, and repetitions and powers are bounded (see :mod:`.budget`).
    """

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=_finalize, **options)
        self.globals["range"] = BudgetedRange

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return checked_binop(operator, left, right)

    def call(
        __self,  # Jinja2's signature: a keyword argument of the call may be named "self"
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        step()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        fields = _VIEW_FIELDS.get(type(obj))
        if fields is None:
            fields = _view_fields(type(obj))
        if attribute in fields:
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)


def _finalize(value: Any) -> Any:
    """Every printed value is a step of the rendering (see :mod:`.budget`)."""
    step()
    return value


_VIEW_FIELDS: dict[type[object], frozenset[str]] = {}


def _view_fields(cls: type[object]) -> frozenset[str]:
    """The public fields of ``cls`` when it is a frozen dataclass of the render package."""
    fields = _VIEW_FIELDS.get(cls)
    if fields is None:
        params = getattr(cls, "__dataclass_params__", None)
        if (
            params is not None
            and params.frozen
            and cls.__module__.startswith(f"{__package__}.")
            and dataclasses.is_dataclass(cls)
        ):
            names = (f.name for f in dataclasses.fields(cls))
            fields = frozenset(name for name in names if not name.startswith("_"))
        else:
            fields = frozenset()
        _VIEW_FIELDS[cls] = fields
    return fields


def make_environment(
    fmt: TextFormat,
    folders: list[Path],
    *,
    auto_reload: bool = False,
    bytecode_cache: jinja2.BytecodeCache | None = None,
) -> jinja2.Environment:
    """A sandboxed environment for ``fmt`` reading templates from ``folders``."""
    env = _Sandbox(
        loader=_Loader(folders, encoding="utf-8"),
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=auto_reload,
        bytecode_cache=bytecode_cache,
    )
    env.filters["plural"] = plural
    env.filters["css_string"] = css_string
    if fmt == "md":
        env.filters["md"] = escape_inline
        env.filters["md_block"] = escape_block
        env.filters["md_url"] = markdown_url
    return env


def render_template(
    fmt: TextFormat,
    context: Mapping[str, object],
    *,
    mode: Mode = "concis",
    templates_dir: Path | None = None,
) -> str:
    """Render the main template of ``fmt`` in ``mode``; any problem becomes a ``TemplateError``."""
    folders = search_path(templates_dir)
    env = _shared_environment(fmt, tuple(folders))
    name = template_name(fmt, mode)
    try:
        with render_budget():
            return env.get_template(name).render(context)
    except Exception as exc:  # anything a template does wrong is reported, never swallowed
        raise _template_error(exc, name, folders, context) from exc


@functools.lru_cache(maxsize=8)
def _shared_environment(fmt: TextFormat, folders: tuple[Path, ...]) -> jinja2.Environment:
    """One environment per format and template folders, kept for the life of the program,
    so each template is compiled once (and its compiled code kept for the next runs, see
    :mod:`.template_cache`); a template file changed on disk is compiled again
    (``auto_reload``) before its next use."""
    cache = template_cache.bytecode_cache(fmt)
    return make_environment(fmt, list(folders), auto_reload=True, bytecode_cache=cache)


def _template_error(
    exc: BaseException, main: str, folders: list[Path], context: Mapping[str, object]
) -> TemplateError:
    """A French message naming the template file and line at fault."""
    name, path, line = _locate(exc, main, folders)
    where = f"Le modèle {name}, ligne {line}" if line else f"Le modèle {name}"
    message = f"{where} : {_describe(exc)}"
    if isinstance(exc, jinja2.TemplateNotFound) and not line:
        message = f"Le modèle {exc.name} est introuvable."
    hint = f"Fichier : {path}" if path else ""
    if isinstance(exc, jinja2.UndefinedError):
        names = ", ".join(sorted(context))
        hint = _join(hint, f"Noms disponibles dans un modèle de dossier : {names}.")
    elif isinstance(exc, jinja2.TemplateNotFound):
        searched = " ; ".join(str(folder) for folder in folders)
        hint = _join(hint, f"Modèles cherchés dans : {searched}.")
    return TemplateError(message, hint=hint)


def _join(first: str, second: str) -> str:
    return f"{first}\n{second}" if first else second


def _locate(exc: BaseException, main: str, folders: list[Path]) -> tuple[str, str, int]:
    """(template name, file path, line) of the error; line 0 when unknown."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        path = exc.filename or ""
        return exc.name or _name_of(path, folders) or main, path, exc.lineno or 0
    if isinstance(exc, UnreadableTemplate):
        return exc.name, str(exc.path or ""), exc.line
    # Jinja rewrites tracebacks so that template frames carry the template file and line.
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        name = _name_of(frame.filename, folders)
        if name:
            return name, frame.filename, frame.lineno or 0
    if isinstance(exc, jinja2.TemplateNotFound):
        return str(exc.name or main), "", 0
    return main, "", 0


def _name_of(filename: str, folders: list[Path]) -> str:
    """The template name of ``filename`` when it lies in one of ``folders``, else ""."""
    path = Path(filename)
    if not filename or not path.is_file():
        return ""
    for folder in folders:
        try:
            return path.resolve().relative_to(folder.resolve()).as_posix()
        except ValueError:
            continue
    return ""


_SYNTAX_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"unexpected end of template", re.IGNORECASE),
        "le modèle se termine alors qu'un bloc n'est pas fermé",
    ),
    (re.compile(r"encountered unknown tag '([^']+)'", re.IGNORECASE), "balise inconnue « {0} »"),
    (re.compile(r"expected an expression", re.IGNORECASE), "une expression est attendue"),
    (re.compile(r"unexpected char '([^']+)'", re.IGNORECASE), "caractère inattendu « {0} »"),
    (re.compile(r"unexpected '([^']+)'", re.IGNORECASE), "symbole inattendu « {0} »"),
    (re.compile(r"expected token '([^']+)'", re.IGNORECASE), "« {0} » attendu"),
    (re.compile(r"no filter named '([^']+)'", re.IGNORECASE), "filtre inconnu « {0} »"),
    (re.compile(r"no test named '([^']+)'", re.IGNORECASE), "test inconnu « {0} »"),
)

_UNDEFINED_NAME = re.compile(r"^'([^']+)' is undefined$")
_MISSING_ATTRIBUTE = re.compile(r"^'(.+)' has no attribute '([^']+)'$")


def _describe(exc: BaseException) -> str:
    """What went wrong, in French; Jinja's own words are kept when there is no translation."""
    message = str(getattr(exc, "message", None) or exc).strip()
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"le modèle « {exc.name} » est introuvable."
    if isinstance(exc, jinja2.TemplateSyntaxError):
        for pattern, french in _SYNTAX_MESSAGES:
            found = pattern.search(message)
            if found:
                return f"erreur de syntaxe, {french.format(*found.groups())} ({message})."
        return f"erreur de syntaxe ({message})."
    if isinstance(exc, jinja2.UndefinedError):
        found = _UNDEFINED_NAME.match(message)
        if found:
            return f"le nom « {found.group(1)} » est inconnu."
        found = _MISSING_ATTRIBUTE.match(message)
        if found:
            owner = found.group(1).removesuffix(" object").rsplit(".", 1)[-1]
            return f"« {owner} » n'a pas d'attribut « {found.group(2)} »."
        return f"valeur inconnue ({message})."
    if isinstance(exc, SecurityError):
        return f"opération interdite dans un modèle ({message})."
    if isinstance(exc, UnreadableTemplate):
        return (
            f"le fichier n'est pas enregistré en UTF-8 (octet {exc.byte} illisible) ; "
            "enregistrez-le en UTF-8 depuis votre éditeur."
        )
    if isinstance(exc, RecursionError):
        return "le modèle s'appelle lui-même sans fin (récursion)."
    if isinstance(exc, TemplateTooLong):
        return (
            f"la production a été arrêtée après {exc.seconds:g} secondes : le modèle contient "
            "sans doute une boucle sans fin ou beaucoup trop longue."
        )
    if isinstance(exc, TemplateValueTooLarge):
        return f"valeur bien trop grande construite par le modèle ({message})."
    return f"erreur pendant la production du dossier ({type(exc).__name__} : {message})."
