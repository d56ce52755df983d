"""OCR of a scanned page: PDFium renders it, Tesseract reads it, word by word.

Tesseract is called as a program (Debian `tesseract-ocr`, `tesseract-ocr-ind`) with TSV output,
which gives each word's box and confidence; no Python wrapper is needed for that. It gets a PNG of
the page on standard input, never the PDF. Boxes come back in points, like the text layer's, so
the layout rules in `pdf.py` treat both alike.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import unicodedata

from .pdfword import PdfProblem, Word

LANGUAGE = os.environ.get("KODEETIK_OCR_LANG", "eng")
"""Tesseract's model. Measured on printed regulations scanned at 300 dpi (BENCHMARKS.md), the English
model reads Indonesian legal text better than Debian's Indonesian one (96% against 93% of the words
in order), and the Indonesian one reads nearly every ";" as ":" or ",", which would change the
enacted punctuation of every list item. Set KODEETIK_OCR_LANG=ind (or ind+eng) to compare."""
TIMEOUT = 300
"""Seconds for one page before Tesseract is stopped (a page takes a few seconds)."""


def tesseract() -> str:
    exe = shutil.which("tesseract")
    if exe is None:
        raise PdfProblem("a page has no text layer and needs OCR, but Tesseract is not installed; "
                         "install it: sudo apt-get install tesseract-ocr tesseract-ocr-ind")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60).stdout.split()
    missing = [lang for lang in LANGUAGE.split("+") if lang not in langs]
    if missing:
        raise PdfProblem(f"a page has no text layer and needs OCR, but Tesseract's model '{missing[0]}' is not "
                         "installed; install it: sudo apt-get install tesseract-ocr tesseract-ocr-ind")
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
    # One thread: on a busy machine Tesseract's OpenMP threads wait for each other (3x slower here).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    # --psm 6, one block of text: a regulation's page is one column; the automatic layout analysis
    # (3, 4) dropped list markers standing alone in their column ("C.") in our tests.
    result = subprocess.run([exe, "stdin", "stdout", "-l", LANGUAGE, "--psm", "6", "tsv"],
                            input=page_png(page, dpi), capture_output=True, timeout=TIMEOUT, env=env)
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
        text = "".join(c for c in cols[11].strip() if unicodedata.category(c) not in ("Cc", "Cf"))
        if not text:
            continue
        words.append(Word(text, left * scale, (left + width) * scale, top * scale,
                          (top + height) * scale, conf=float(cols[10])))
    return words
