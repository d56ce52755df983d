"""`kodeetik import FILE.pdf --preview`: one HTML file with each page of the PDF beside the
provisions drafted from it, so a clerk checks the draft against the paper in one pass.

The page images are PNGs rendered by PDFium and embedded as `data:` URIs: the file stands alone,
loads nothing from anywhere (its Content-Security-Policy allows only those images and its own
stylesheet), runs no script, and every text from the PDF or the draft is HTML-escaped. The text
is in Bahasa Indonesia, for the regional legal bureau.
"""

from __future__ import annotations

import base64
import io
from html import escape
from pathlib import Path

from .pdf import open_pdf

DPI = 100
"""Enough to read a regulation's text on screen; about 100 KB a page."""

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #111; background: #f4f4f4; }
header { padding: 1rem 1.5rem; background: #fff; border-bottom: 1px solid #ccc; }
h1 { font-size: 1.25rem; margin: 0 0 .25rem; }
.halaman { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem;
           padding: 1.5rem; border-bottom: 2px solid #999; align-items: start; }
.halaman figure { margin: 0; position: sticky; top: 0; }
.halaman img { width: 100%; height: auto; border: 1px solid #888; background: #fff; }
.halaman figcaption { font-weight: bold; margin-bottom: .25rem; }
.draf { background: #fff; border: 1px solid #ccc; padding: .75rem 1rem; }
.draf h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
.draf ol { list-style: none; padding: 0; margin: 0; }
.draf li { margin: 0 0 .6rem; }
.label { display: block; font-weight: bold; font-size: .9rem; color: #1a4d8f; }
.catatan { color: #6b3a00; font-size: .9rem; }
@media (max-width: 800px) { .halaman { grid-template-columns: 1fr; } .halaman figure { position: static; } }
"""
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _png(page) -> str:
    buffer = io.BytesIO()
    page.render(scale=DPI / 72, grayscale=True).to_pil().save(buffer, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def preview_html(source: Path, result) -> str:
    """The page: a header, then per PDF page its image beside the provisions that start on it."""
    reading = result.reading
    by_page: dict[int, list] = {}
    for placed in result.placed:
        by_page.setdefault(placed.page, []).append(placed)
    notes: dict[int, list[str]] = {}
    for check in reading.checks:
        if check.startswith("page "):
            number = check[5:].split(",")[0].split(":")[0].split("-")[0]
            if number.isdigit():
                notes.setdefault(int(number), []).append(check)
    parts = [
        '<!doctype html><html lang="id"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Pratinjau impor: {escape(reading.name)}</title><style>{STYLE}</style></head><body>",
        f"<header><h1>Pratinjau impor: {escape(reading.name)}</h1>",
        f"<p>{len(reading.pages)} halaman; SHA-256 <code>{escape(reading.sha256)}</code>. Di kiri halaman "
        "PDF, di kanan ketentuan draf yang dimulai pada halaman itu. Periksa setiap kata terhadap "
        "halaman aslinya.</p></header><main>",
    ]
    pdf = open_pdf(source)
    try:
        for page_info in reading.pages:
            n = page_info.number
            page = pdf[n - 1]
            try:
                image = _png(page)
            finally:
                page.close()
            how = " (dibaca dengan OCR)" if page_info.ocr else ""
            items = "".join(
                f'<li data-eid="{escape(p.eid)}"><span class="label">{escape(p.label)}</span>{escape(p.text)}</li>'
                for p in by_page.get(n, []))
            checks = "".join(f'<li class="catatan">{escape(c)}</li>' for c in notes.get(n, []))
            parts.append(
                f'<section class="halaman" id="halaman-{n}" aria-label="Halaman {n}">'
                f'<figure><figcaption>Halaman {n}{how}</figcaption>'
                f'<img src="{image}" alt="Halaman {n} dari {escape(reading.name)}" '
                f'width="{round(page_info.width * DPI / 72)}" height="{round(page_info.height * DPI / 72)}"></figure>'
                f'<div class="draf"><h2>Ketentuan dari halaman {n}</h2>'
                f'<ol>{items or "<li>(tidak ada ketentuan yang dimulai di halaman ini)</li>"}</ol>'
                + (f"<h2>Perlu diperiksa</h2><ol>{checks}</ol>" if checks else "")
                + "</div></section>")
    finally:
        pdf.close()
    parts.append("</main></body></html>")
    return "".join(parts)


def write_preview(source: Path, result, target: Path) -> Path:
    target.write_text(preview_html(source, result), encoding="utf-8")
    return target
