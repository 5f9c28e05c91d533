"""The PDF dossier: the HTML dossier laid out by WeasyPrint (optional extra ``pdf``).

WeasyPrint is imported only here, only when a PDF is asked for. It may read nothing but
``data:`` URLs and files inside the template folders: a template that points at
``file:///etc/passwd`` or at a remote stylesheet gets nothing (the resource is refused and
reported), so a PDF never carries data from elsewhere on the computer or from the network.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from synergy_wizard.errors import SynergyError

INSTALL_HINT = (
    'Installez-le avec : python -m pip install "synergy-wizard[pdf]" '
    '(depuis le dossier du projet : python -m pip install -e ".[pdf]"). '
    "Sinon, produisez le dossier en HTML et imprimez-le en PDF depuis votre navigateur."
)


class RefusedResource(ValueError):
    """A resource a dossier template asked for and may not have."""


def _import_weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError as exc:
        raise SynergyError(
            "Le format PDF demande le module WeasyPrint, qui n'est pas installé.",
            hint=INSTALL_HINT,
        ) from exc
    except OSError as exc:  # WeasyPrint is there but its system libraries (Pango) are not
        raise SynergyError(
            "WeasyPrint est installé, mais les bibliothèques système dont il a besoin "
            f"(Pango) sont introuvables : {exc}",
            hint="Sous Debian ou Ubuntu : sudo apt install libpango-1.0-0 libpangoft2-1.0-0. "
            "Sinon, produisez le dossier en HTML et imprimez-le depuis votre navigateur.",
        ) from exc
    return weasyprint


def is_allowed(url: str, folders: list[Path]) -> bool:
    """Whether a template may load ``url``: a ``data:`` URL, or a file inside ``folders``."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return True
    if scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    try:
        path = Path(unquote(parts.path)).resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return path.is_file() and any(path.is_relative_to(folder.resolve()) for folder in folders)


def _make_fetcher(weasyprint: Any, folders: list[Path], refused: list[str]) -> Any:
    base: type[Any] = weasyprint.urls.URLFetcher

    class _TemplateOnlyFetcher(base):  # type: ignore[misc]
        """Fetches only data: URLs and files of the template folders; refuses the rest."""

        def fetch(self, url: str, headers: object = None) -> Any:
            if not is_allowed(url, folders):
                refused.append(url)
                raise RefusedResource(f"ressource refusée : {url}")
            return super().fetch(url, headers)

    return _TemplateOnlyFetcher(timeout=5, allowed_protocols=("data", "file"))


@contextmanager
def _collect_log(
    logger: logging.Logger, sink: Callable[[logging.LogRecord], None]
) -> Iterator[None]:
    class _Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            sink(record)

    handler = _Handler(logging.INFO)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def render_pdf(html: str, folders: list[Path], *, progress: Callable[[str], None]) -> bytes:
    """Lay out ``html`` (the HTML dossier) as an A4 PDF, in memory.

    ``folders`` are the template folders (relative URLs resolve in the first one); nothing
    outside them is read. Resources refused are reported through ``progress``.
    """
    weasyprint = _import_weasyprint()
    refused: list[str] = []
    fetcher = _make_fetcher(weasyprint, folders, refused)
    progress("Mise en page du PDF (cela prend quelques secondes)…")
    base_url = folders[0].resolve().as_uri() + "/"
    errors: list[str] = []

    def keep_errors(record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR and "ressource refusée" not in record.getMessage():
            errors.append(record.getMessage())

    with _collect_log(logging.getLogger("weasyprint"), keep_errors):
        document = weasyprint.HTML(
            string=html, base_url=base_url, url_fetcher=fetcher, media_type="print"
        ).render()
        progress(f"Écriture du PDF ({len(document.pages)} pages)…")
        data: bytes = document.write_pdf()
    for url in dict.fromkeys(refused):
        progress(
            f"Attention : « {_short(url)} » n'a pas été chargé ; un modèle de dossier ne peut "
            "utiliser que ses propres fichiers et des données intégrées (data:)."
        )
    for message in dict.fromkeys(errors):
        progress(f"Attention : {message}")
    return data


def _short(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"
