"""Multi-page PDFs (orientation handbooks, trainer's sheets) printed by WeasyPrint, without a browser.

Like the posters (`pdf.py`, whose content-addressed cache this reuses): WeasyPrint prints the same
standalone HTML a browser prints, and may read only the print stylesheets in `assets/cetak/` and
the fonts shipped in `assets/poster/fonts/` (plus `data:` URIs). Anything else fails the build
instead of being fetched, and the cache key covers every file a document can load.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .pdf import PosterCache, PrintError

ASSET_DIRS = ("assets/cetak", "assets/poster/fonts")
"""Folders (in the docs folder) a printed document may load files from."""


def _fetcher(roots: tuple[Path, ...]):
    """A WeasyPrint URL fetcher limited to files under `roots` and data: URIs; any failure stops
    the rendering (a missing font must not silently fall back to another)."""
    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(url2pathname(parts.path)).resolve()
                if not any(root in path.parents for root in roots):
                    raise ValueError(f"{path} is not under {', '.join(map(str, roots))}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


class DocumentPrinter:
    """Prints standalone HTML documents to PDF; remembers results by content."""

    def __init__(self, docs_dir: Path, cache_dir: Path | None = None):
        from importlib.metadata import version

        self.docs_dir = docs_dir.resolve()
        self.roots = tuple((self.docs_dir / d).resolve() for d in ASSET_DIRS)
        self._weasy = None
        salt = hashlib.sha256(b"cetak\0")
        salt.update(f"{version('weasyprint')} {version('pypdfium2')}".encode())
        salt.update(Path(__file__).read_bytes())
        for root in self.roots:
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                salt.update(path.relative_to(self.docs_dir).as_posix().encode() + b"\0" + path.read_bytes())
        self.cache = PosterCache(cache_dir, salt.hexdigest())

    def _weasyprint(self):
        if self._weasy is None:
            try:
                import weasyprint  # noqa: F401  (imported on the first cache miss only: it loads Pango)
            except OSError as exc:  # pragma: no cover - depends on the machine
                raise PrintError(f"WeasyPrint cannot load Pango ({exc}). Install it: apt-get install "
                                 "libpango-1.0-0 libpangoft2-1.0-0.") from None
            from weasyprint.text.fonts import FontConfiguration

            self._weasy = (FontConfiguration(), _fetcher(self.roots))
        return self._weasy

    def pdf(self, html: str, page_file: str) -> tuple[bytes, int]:
        """The document as PDF bytes and its number of pages. `page_file` is where the HTML is
        published (relative links resolve from there)."""
        key = page_file.encode() + b"\0" + html.encode()
        cached = self.cache.get("doc.pdf", key)
        if cached is not None:
            return cached, page_count(cached)
        font_config, fetcher = self._weasyprint()
        from weasyprint import HTML
        from weasyprint.urls import FatalURLFetchingError

        base_url = (self.docs_dir / page_file).as_uri()
        try:
            document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(font_config=font_config)
        except FatalURLFetchingError as exc:
            raise PrintError(f"{page_file}: {exc} ({exc.__cause__}); a printed document may only use files "
                             f"under {' or '.join(ASSET_DIRS)}/.") from None
        # Tagged: a screen reader gets the headings, lists and reading order of a handbook (about
        # twice the bytes; the same printing time).
        pdf = document.write_pdf(pdf_tags=True)
        self.cache.put("doc.pdf", key, pdf)
        return pdf, len(document.pages)


def page_count(pdf: bytes) -> int:
    """Pages of a PDF (pypdfium2, already a dependency for the poster previews)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()
