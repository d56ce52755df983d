"""OCR of a scanned page: PDFium renders it, Tesseract (Indonesian model) reads it, word by word.

Tesseract is called as a program (Debian `tesseract-ocr` and `tesseract-ocr-ind`) with TSV output,
which gives each word's box and confidence; no Python wrapper is needed for that. It gets a PNG of
the page on standard input, never the PDF. Boxes come back in points, like the text layer's, so
the layout rules in `pdf.py` treat both alike.
"""

from __future__ import annotations

import io
import shutil
import subprocess

from .pdf import PdfProblem, Word

LANGUAGE = "ind"
TIMEOUT = 300
"""Seconds for one page before Tesseract is stopped (a page takes a few seconds)."""


def tesseract() -> str:
    exe = shutil.which("tesseract")
    if exe is None:
        raise PdfProblem("a page has no text layer and needs OCR, but Tesseract is not installed; "
                         "install it: sudo apt-get install tesseract-ocr tesseract-ocr-ind")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60).stdout.split()
    if LANGUAGE not in langs:
        raise PdfProblem("a page has no text layer and needs OCR, but Tesseract's Indonesian model is not "
                         "installed; install it: sudo apt-get install tesseract-ocr-ind")
    return exe


def page_png(page, dpi: int) -> bytes:
    """The page rendered in grey at `dpi`, as PNG bytes."""
    image = page.render(scale=dpi / 72, grayscale=True).to_pil()
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def ocr_page(page, dpi: int = 300) -> list[Word]:
    """The words Tesseract reads on `page`, boxes in points, each with its confidence."""
    exe = tesseract()
    result = subprocess.run([exe, "stdin", "stdout", "-l", LANGUAGE, "--psm", "4", "tsv"],
                            input=page_png(page, dpi), capture_output=True, timeout=TIMEOUT)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PdfProblem(f"Tesseract could not read a page ({message[-1] if message else 'no message'})")
    return parse_tsv(result.stdout.decode("utf-8", "replace"), 72 / dpi)


def parse_tsv(tsv: str, scale: float) -> list[Word]:
    """Words of Tesseract's TSV (level 5 rows), pixel boxes times `scale`."""
    words = []
    rows = tsv.splitlines()
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        words.append(Word(cols[11].strip(), left * scale, (left + width) * scale, top * scale,
                          (top + height) * scale, conf=float(cols[10])))
    return words
