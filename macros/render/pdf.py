"""Poster PDFs and preview images, made without a browser.

WeasyPrint prints the poster's own standalone HTML (not a themed site page, which it renders badly);
it needs Pango from the system (`libpango-1.0-0`, `libpangoft2-1.0-0` on Debian). The fonts come
from `@font-face` rules pointing at the font files shipped in `assets/poster/fonts/`, so every
machine embeds the same font. pypdfium2 (PDFium, shipped inside its wheel) renders the previews.

The printer reads only files under `assets/poster/` of the docs folder and `data:` URIs: a poster
never makes a request to any other place, and a stray reference fails the build instead of being
fetched. That also makes the cache exact: its key covers the HTML and every file a poster can load.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

ASSETS = "assets/poster"
"""Folder (in the docs folder) of the files a poster may load: its stylesheet and fonts."""

FIT_CSS = """
/* Fit check: let the poster grow with its content, the footer placed after it instead of at the
   bottom, with room to spare, and measure the height it needs. The spare room absorbs small
   differences between WeasyPrint's and a browser's line breaking, so the browser prints one page
   too. */
.poster { height: auto !important; min-height: 0 !important; overflow: visible !important; }
.poster__kaki { position: static !important; margin-top: 1rem; margin-bottom: 2.4rem; }
"""


class PrintError(Exception):
    """A poster could not be printed as it must be (a message for the person building the site)."""


class Overflow(PrintError):
    """Something on the poster reaches beyond its right margin (a word too long to break)."""

    def __init__(self, page_file: str, eids: list[str], text: str):
        self.eids, self.text = eids, text
        where = f" (provision {', '.join(eids)})" if eids else ""
        super().__init__(f"{page_file}: '{text}'{where} runs beyond the right margin.")


SLACK_PX = 0.5
"""How far a box may reach past the margin (rounding of WeasyPrint's float layout)."""


def overflow(document) -> tuple[list[str], str] | None:
    """The provisions (`data-eid` of the enclosing quoted item) and the first words of what reaches
    beyond the right edge of the poster's content box (`<main>`) on any page, or None when nothing
    does. Fit is measured in both directions: the page count says nothing of a line too wide,
    which the sheet's `overflow: hidden` would silently cut off."""
    eids: list[str] = []
    text = ""
    for page in document.pages:
        main = next((b for b in page._page_box.descendants() if getattr(b, "element_tag", None) == "main"), None)
        if main is None:
            continue
        limit = main.content_box_x() + main.width + SLACK_PX
        stack = [(child, "") for child in reversed(getattr(main, "children", ()))]  # popped in order
        while stack:
            box, eid = stack.pop()
            element = getattr(box, "element", None)
            eid = (element.get("data-eid") if element is not None else None) or eid
            if box.width is not None and box.border_box_x() + box.border_width() > limit:
                if eid and eid not in eids:
                    eids.append(eid)
                if not text and getattr(box, "text", ""):
                    text = box.text.strip()
            stack.extend((child, eid) for child in reversed(getattr(box, "children", ())))
    if not (eids or text):
        return None
    return sorted(eids), (text[:40] + "…" if len(text) > 40 else text)


def _local_fetcher(root: Path):
    """A WeasyPrint URL fetcher that reads files under `root` and data: URIs, nothing else, and
    stops the rendering on any failure (a missing font must not silently fall back)."""
    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(url2pathname(parts.path)).resolve()
                if root not in path.parents:
                    raise ValueError(f"{path} is not under {root}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


class PosterCache:
    """Fit measurements, PDFs and previews by content, so that `mkdocs serve` rebuilds and repeated
    builds do not print unchanged posters again. The key is the HTML plus a salt covering the poster
    assets, this module and the library versions; deleting the folder is always safe."""

    def __init__(self, directory: Path | None, salt: str):
        self.directory = directory
        self.salt = salt

    def _path(self, kind: str, data: bytes) -> Path | None:
        if self.directory is None:
            return None
        digest = hashlib.sha256(self.salt.encode() + b"\0" + kind.encode() + b"\0" + data).hexdigest()
        return self.directory / digest[:2] / f"{digest}.{kind}"

    def get(self, kind: str, data: bytes) -> bytes | None:
        path = self._path(kind, data)
        try:
            return path.read_bytes() if path is not None else None
        except OSError:
            return None

    def put(self, kind: str, data: bytes, value: bytes) -> None:
        path = self._path(kind, data)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(value)
            os.replace(tmp, path)  # atomic: a concurrent or interrupted build never reads half a file
        except OSError:
            pass  # a cache that cannot be written only costs time


class PosterPrinter:
    """Prints standalone poster HTML to one-page PDFs with WeasyPrint."""

    def __init__(self, docs_dir: Path, cache_dir: Path | None = None):
        from importlib.metadata import version

        self.docs_dir = docs_dir.resolve()
        self.assets = self.docs_dir / ASSETS
        self._weasy = None  # (font configuration, fetcher), made on the first cache miss
        salt = hashlib.sha256()
        salt.update(f"{version('weasyprint')} {version('pypdfium2')}".encode())
        salt.update(Path(__file__).read_bytes())
        for path in sorted(p for p in self.assets.rglob("*") if p.is_file()):
            salt.update(path.relative_to(self.assets).as_posix().encode() + b"\0" + path.read_bytes())
        self.cache = PosterCache(cache_dir, salt.hexdigest())

    def _weasyprint(self):
        """WeasyPrint, imported only when something must be printed (a warm cache needs none):
        importing it takes a second and loads Pango."""
        if self._weasy is None:
            try:
                import weasyprint  # noqa: F401
            except OSError as exc:  # pragma: no cover - depends on the machine
                raise PrintError(
                    f"WeasyPrint cannot load Pango ({exc}). Install it: apt-get install libpango-1.0-0 "
                    "libpangoft2-1.0-0 (scripts/_venv.sh does this when run as root).") from None
            from weasyprint.text.fonts import FontConfiguration

            self._weasy = (FontConfiguration(), _local_fetcher(self.assets))
        return self._weasy

    def _render(self, html: str, page_file: str, fit: bool):
        font_config, fetcher = self._weasyprint()
        from weasyprint import CSS, HTML
        from weasyprint.urls import FatalURLFetchingError

        base_url = (self.docs_dir / page_file).as_uri()
        extra = [CSS(string=FIT_CSS, font_config=font_config)] if fit else []
        try:
            return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
                stylesheets=extra, font_config=font_config)
        except FatalURLFetchingError as exc:
            raise PrintError(f"{page_file}: {exc} ({exc.__cause__}); a poster may only use files "
                             f"under {ASSETS}/.") from None

    def fit_ratio(self, html: str, page_file: str) -> float:
        """Sheet height over the height the poster needs with room to spare (see FIT_CSS):
        1 or more means it fits on one sheet. Measured on the laid-out boxes: when the poster runs
        onto more pages, the heights of its parts are added up. Raises Overflow when something
        is too wide (smaller type does not help a word that cannot break)."""
        key = page_file.encode() + b"\0" + html.encode()
        cached = self.cache.get("fit", key)
        if cached is not None:
            ratio, _, wide = cached.decode().partition("\0")
            if wide:
                raise Overflow(page_file, *json.loads(wide))
            return float(ratio)
        document = self._render(html, page_file, fit=True)
        wide = overflow(document)
        if wide is not None:
            self.cache.put("fit", key, ("0\0" + json.dumps(wide)).encode())
            raise Overflow(page_file, *wide)
        needed = 0.0
        for page in document.pages:
            box = next((b for b in page._page_box.descendants() if getattr(b, "element_tag", None) == "main"),
                       None)
            if box is not None:
                needed += box.margin_height()
        ratio = document.pages[0].height / needed if needed else 0.0
        self.cache.put("fit", key, repr(ratio).encode())
        return ratio

    def pdf(self, html: str, page_file: str, paper) -> bytes:
        """The poster as a PDF of exactly one page of `paper`'s size; anything else is an error."""
        key = page_file.encode() + b"\0" + html.encode()
        cached = self.cache.get("pdf", key)
        if cached is not None:
            return cached
        document = self._render(html, page_file, fit=False)
        wide = overflow(document)  # at every paper size, not only where the fit was measured
        if wide is not None:
            raise Overflow(page_file, *wide)
        if len(document.pages) != 1:
            raise PrintError(f"{page_file}: printed on {len(document.pages)} pages instead of one.")
        page = document.pages[0]
        # WeasyPrint works in CSS pixels (96 per inch); 1 mm = 96 / 25.4 px.
        size_mm = (round(page.width * 25.4 / 96), round(page.height * 25.4 / 96))
        if size_mm != (paper.width_mm, paper.height_mm):
            raise PrintError(f"{page_file}: page is {size_mm[0]}x{size_mm[1]} mm, not {paper.name}.")
        # Tagged, like the handbooks: a screen reader reads the poster's headings and lists in order.
        pdf = document.write_pdf(pdf_tags=True)
        self.cache.put("pdf", key, pdf)
        return pdf

    def preview_png(self, pdf: bytes, width_px: int) -> bytes:
        """The first page as a grayscale PNG `width_px` wide (posters are black and white)."""
        import pypdfium2

        key = str(width_px).encode() + b"\0" + pdf
        cached = self.cache.get("png", key)
        if cached is not None:
            return cached
        document = pypdfium2.PdfDocument(pdf)
        try:
            page = document[0]
            image = page.render(scale=width_px / page.get_width()).to_pil().convert("L")
        finally:
            document.close()
        out = io.BytesIO()
        image.save(out, format="PNG")
        png = out.getvalue()
        self.cache.put("png", key, png)
        return png
