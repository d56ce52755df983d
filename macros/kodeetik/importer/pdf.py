"""A regulation's PDF → text for the importer, deciding the layout from where each word sits.

The reader is pypdfium2 (already a dependency for the posters): its text page gives every
character with its box, fast (about 10 ms a page), and the same library renders pages for OCR and
for the preview, so a PDF is opened by PDFium alone. JavaScript and forms are never initialised:
nothing in the PDF runs.

From the words and their positions the reader decides, per document:

- lines: words whose vertical centres agree, left to right, whatever column they stand in, so a
  label column ("Menimbang", ":", "a.") stays on the line of the text beside it;
- paragraphs: a line that runs to the right margin goes on in the next line when that one starts
  at the text column of the first (the x after the label and the marker) with no extra space
  between; such lines become one line of text (no word changes);
- noise: a line in the top or bottom margin with the same text at the same height on several pages
  (a running header or footer), and page numbers ("- 2 -", "2", "Halaman 2 dari 9") there; they
  stay in the text and are handed to the importer as noise (`sumber.derau`);
- hyphenation at line ends: "pelaya-" + "nan" becomes "pelayanan" only when that word occurs
  elsewhere in the document or in the word list; a repeated or compound word keeps its hyphen
  ("Undang-Undang", "perundang-undangan"); anything else keeps the hyphen and is listed to check.

The text goes out with one paragraph per line, blank lines between, and a form feed (`\\f`) before
the first line of each page after the first: the page of a line is one plus the form feeds before it.
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..importer.rules import _reduplicated
from .pdfword import PdfProblem, Word  # noqa: F401 (PdfProblem: part of this module's interface)

MAX_BYTES = 100 * 1024 * 1024
MAX_PAGES = 300
MARGIN_ZONE = 0.12
"""Share of the page height at the top and at the bottom where running headers and page numbers stand."""
SOFT = "\u00ad"
HYPHENS = ("-", SOFT)

PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}|(?:hal(?:aman)?\.?\s*)\d{1,3}(?:\s*(?:dari|/)\s*\d{1,3})?"
                         r"|\d{1,3}\s*/\s*\d{1,3})$", re.IGNORECASE)
MARKER = re.compile(r"^(?:\(?\d{1,3}[a-z]?[.)]|\(?[a-z][.)]|\(\d{1,3}[a-z]?\)|[•▪◦●➢►✓-])$")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class PdfLine:
    words: list[Word]
    page: int
    """1-based page number."""
    noise: str | None = None
    """Why the line is noise ("running header", "page number"), or None."""
    left: float = 0.0
    """Where the first word of the printed line starts (kept when a hyphenated part moves up)."""
    text_x: float = 0.0
    """Where the running text of the line starts (after its label and marker)."""
    right: float = 0.0
    """Right end of the last physical line joined into this one."""
    first_top: float = 0.0
    last_top: float = 0.0
    """Tops of the first and the last physical line joined into this one."""

    @property
    def text(self) -> str:
        """The words, a typesetter's hyphen shown as "-" (the text and the report hold no invisible character)."""
        return " ".join(w.text for w in self.words).replace(SOFT, "-")

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.height for w in self.words)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[PdfLine]
    ocr: bool = False
    pitch: float = 0.0
    """The usual distance from one printed line to the next (points)."""


@dataclass
class Reading:
    """What the reader made of a PDF: the text for the importer and the decisions it took."""

    name: str
    sha256: str
    pages: list[Page]
    text: str = ""
    noise: dict[int, str] = field(default_factory=dict)
    """Line number of `text` → why it is noise, for the importer."""
    decisions: list[str] = field(default_factory=list)
    """Hyphenation joins and noise, as report lines ("page 3: ...")."""
    checks: list[str] = field(default_factory=list)
    """What a human should look at (unresolved hyphens, low-confidence OCR words)."""
    page_of_line: list[int] = field(default_factory=list)
    """Page number of each line of `text` (index 0 = line 1)."""

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.ocr]


# --------------------------------------------------------------------------- opening

def open_pdf(path: Path):
    """The PdfDocument, or PdfProblem with one clear sentence (size, damage, password, pages)."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    size = path.stat().st_size
    if size == 0:
        raise PdfProblem("the file is empty (0 bytes); export the PDF again")
    if size > MAX_BYTES:
        raise PdfProblem(f"the file is {size / 1024 / 1024:.0f} MB, more than the limit of "
                         f"{MAX_BYTES // 1024 // 1024} MB; split it (e.g. the regulation without its attachments)")
    with path.open("rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise PdfProblem("this is not a PDF (no %PDF- header); give the PDF itself, or its extracted text as .txt")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfProblem("the PDF is encrypted with a password; save an unprotected copy "
                             "(print to PDF) and import that") from None
        # PDFium refuses a document without pages as it refuses a broken one.
        raise PdfProblem(f"the PDF cannot be read: it is damaged or has no pages ({str(exc).rstrip('.')}); "
                         "download, export or scan it again") from None
    n = len(pdf)
    if n == 0:
        pdf.close()
        raise PdfProblem("the PDF has no pages; export it again")
    if n > MAX_PAGES:
        pdf.close()
        raise PdfProblem(f"the PDF has {n} pages, more than the limit of {MAX_PAGES}; "
                         "import the regulation's own pages (split off long attachments)")
    return pdf


# --------------------------------------------------------------------------- words and lines

def text_layer_words(page) -> list[Word]:
    """Words of a page's text layer: characters split at spaces and at gaps wider than a space."""
    import pypdfium2.raw as raw  # type: ignore[import-untyped]

    textpage = page.get_textpage()
    try:
        height = page.get_height()
        words: list[Word] = []
        chars: list[tuple[str, float, float, float, float]] = []

        def flush() -> None:
            if chars:
                text = "".join(c[0] for c in chars)
                words.append(Word(text, min(c[1] for c in chars), max(c[2] for c in chars),
                                  min(c[3] for c in chars), max(c[4] for c in chars)))
                chars.clear()

        for i in range(textpage.count_chars()):
            ch = chr(raw.FPDFText_GetUnicode(textpage.raw, i))
            left, bottom, right, top = textpage.get_charbox(i)
            if ch.isspace() or ch == "\x00":
                flush()
                continue
            # A typesetter's hyphenation prints U+2010 or a soft hyphen: kept as SOFT, a word break.
            # PDFium writes U+0002 for a hyphen it merely saw at a line's end: that one may be real.
            ch = SOFT if ch in ("\u2010", "\u00ad") else "-" if ch == "\x02" else ch
            if ord(ch) < 0x20 or 0x7f <= ord(ch) < 0xa0:
                continue
            size = max(raw.FPDFText_GetFontSize(textpage.raw, i), 1.0)
            box = (ch, left, right, height - top, height - bottom)
            if chars:
                gap = left - chars[-1][2]
                if gap > 0.25 * size or gap < -size or abs(box[4] - max(c[4] for c in chars)) > size:
                    flush()
            chars.append(box)
        flush()
        return words
    finally:
        textpage.close()


def group_lines(words: list[Word], page_no: int) -> list[PdfLine]:
    """Words whose vertical centres agree (within half a line height) make a line, left to right."""
    words = [w for w in words if w.text.strip()]
    if not words:
        return []
    size = statistics.median(max(w.height, 1.0) for w in words)
    lines: list[list[Word]] = []
    centre = 0.0  # of the line being gathered (read only once a line exists)
    for w in sorted(words, key=lambda w: w.middle):
        if lines and abs(w.middle - centre) <= 0.45 * size:
            lines[-1].append(w)
            centre = statistics.fmean(x.middle for x in lines[-1])
        else:
            lines.append([w])
            centre = w.middle
    out = []
    for ws in lines:
        ws.sort(key=lambda w: w.x0)
        line = PdfLine(ws, page_no)
        line.left = ws[0].x0
        line.text_x = _text_x(line)
        line.right = ws[-1].x1
        line.first_top = line.last_top = line.top
        out.append(line)
    return out


def _text_x(line: PdfLine) -> float:
    """Where the running text starts: after a label column ("Menimbang :", "KESATU :") and after a
    list marker ("a.", "(1)") at the line's start."""
    ws = line.words
    i = 0
    for k, (prev, w) in enumerate(zip(ws[:4], ws[1:5]), start=1):
        # The colon column; OCR may read its ":" as "1" or "i", with a low confidence.
        colon = prev.text.endswith(":") or (len(prev.text) <= 2 and (prev.conf or 100) < 60)
        if colon and w.x0 - prev.x1 > 0.8 * line.size:
            i = k
            break
    if i + 1 < len(ws) and MARKER.match(ws[i].text):
        i += 1
    return ws[i].x0


# --------------------------------------------------------------------------- layout decisions

SPECK = 30.0
JUNK = "_|©®«»~`^"
"""Marks a speck of a scan is read as; never the first letters of a word in a regulation."""
"""On a scan, a line of at most three characters read below this confidence is a speck, not text."""


def mark_specks(pages: list[Page], reading: Reading) -> None:
    """On a scan, specks read as marks: a word without a letter or digit read at a low confidence
    ("|", "©", "__") is dropped; a short line read at a low confidence becomes noise."""
    for page in pages:
        dropped = []
        for line in page.lines:
            if not page.ocr:
                continue
            keep = []
            for w in line.words:
                clean = w.text.lstrip(JUNK) if w.text[:1] in JUNK and w.text.lstrip(JUNK)[:1].isalpha() else w.text
                if clean != w.text:
                    dropped.append(w.text[:len(w.text) - len(clean)])
                    w = Word(clean, w.x0, w.x1, w.top, w.bottom, w.conf)
                # A lone "|" may be a numeral ("BAB |"): kept unless read at a low confidence.
                low = (w.conf or 0) < 2 * SPECK
                if (not clean.strip(JUNK) and (clean != "|" or low)) or (not any(c.isalnum() for c in clean) and low):
                    dropped.append(clean)
                else:
                    keep.append(w)
            if keep:
                line.words = keep
        if dropped:
            reading.decisions.append(f"page {page.number}: {len(dropped)} mark{'s' if len(dropped) != 1 else ''} "
                                     f"without letters read at a low confidence dropped as specks of the scan: "
                                     + " ".join(repr(t) for t in dropped))
        for line in page.lines:
            if page.ocr and not line.noise and len(line.text) <= 3 and all((w.conf or 0) < SPECK for w in line.words):
                line.noise = "scan speck"
                reading.decisions.append(f"page {page.number}: {line.text!r} read at a low confidence on a line "
                                         "of its own: a speck of the scan (dropped into sumber.derau)")


def _zone(line: PdfLine, page: Page) -> str | None:
    if line.top < MARGIN_ZONE * page.height:
        return "top"
    if line.top > (1 - MARGIN_ZONE) * page.height:
        return "bottom"
    return None


def _same_text(a: str, b: str, ocr: bool) -> bool:
    """Equal, or for a scan nearly so (OCR reads a running footer a little differently each time)."""
    if a == b:
        return True
    return ocr and difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.85


def mark_margin_noise(pages: list[Page], reading: Reading) -> None:
    """In the top and bottom margins: running headers and footers (the same text at the same height on
    several pages) and page numbers (their pattern, or a short line at the same place on many pages,
    which is how a page number misread by OCR, "«Ge" for "- 5 -", is still found)."""
    margin = [(page, ln) for page in pages for ln in page.lines if _zone(ln, page)]

    def spot(line: PdfLine, page: Page) -> tuple | None:
        if len(line.text) > 7:
            return None
        return _zone(line, page), round(line.top / 6), round((line.left + line.right) / 20)

    spots = Counter(key for page in pages for key in {spot(ln, page) for ln in page.lines if _zone(ln, page)} if key)
    n = len(pages)
    for page, line in margin:
        place = spot(line, page)
        if PAGE_NUMBER.match(line.text) or (n > 2 and place is not None and spots[place] >= max(3, n // 2)):
            line.noise = "page number"
            continue
        where, ocr = _zone(line, page), page.ocr
        repeats = {other.number for other, ln in margin
                   if _zone(ln, other) == where and abs(ln.top - line.top) <= (10 if ocr or other.ocr else 3)
                   and _same_text(ln.text, line.text, ocr or other.ocr)}
        if n > 1 and len(repeats) >= max(2, n // 2):
            line.noise = "running header" if where == "top" else "running footer"
    counted: Counter = Counter((ln.noise, ln.text) for p in pages for ln in p.lines if ln.noise)
    for (rule, text), k in sorted(counted.items()):
        reading.decisions.append(f"{rule}: {text!r} on {k} page{'s' if k != 1 else ''} (kept in the text, "
                                 "dropped from the draft into sumber.derau)")


def _pitch(lines: list[PdfLine]) -> float:
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    return statistics.median(steps) if steps else 0.0


def join_paragraphs(pages: list[Page]) -> None:
    """Lines that wrap at the right margin joined with the line that goes on at their text column,
    also across a page break (the paragraph stays on the page it starts on)."""
    prev: PdfLine | None = None
    prev_page: Page | None = None
    for page in pages:
        body = [ln for ln in page.lines if not ln.noise]
        pitch = page.pitch = _pitch(body) or (body[0].size * 1.4 if body else 0.0)
        kept: list[PdfLine] = []
        for line in page.lines:
            if line.noise:
                kept.append(line)
                continue
            if prev is not None and prev_page is not None and _continues(prev, prev_page, line, page, pitch):
                prev.words = prev.words + line.words
                prev.right = line.right
                prev.last_top = line.top
                continue
            kept.append(line)
            prev, prev_page = line, page
        page.lines = kept


def _continues(prev: PdfLine, prev_page: Page, line: PdfLine, page: Page, pitch: float) -> bool:
    ocr = page.ocr or prev_page.ocr
    near = [ln.right for ln in prev_page.lines if not ln.noise and abs(ln.top - prev.last_top) < 8 * pitch]
    tol = 1.0 * line.size if ocr else 0.5 * line.size
    full = prev.right >= max(near, default=prev.right) - tol
    if page is prev_page:
        close = 0 < line.top - prev.last_top <= 1.2 * pitch
    else:  # the first line of a page goes on from the last of the page before when no sentence ended
        close = prev.words[-1].text[-1:] not in ".;:!?"
    at_column = abs(line.left - prev.text_x) <= (0.4 * line.size if ocr else 2.5)
    starts_item = line.text_x > line.left + 1 and MARKER.match(line.words[0].text) is not None
    return full and close and at_column and not starts_item


def vocabulary(pages: list[Page], extra: set[str]) -> Counter:
    counts: Counter = Counter()
    for page in pages:
        for line in page.lines:
            for w in line.words:
                for token in WORD.findall(w.text):
                    counts[token.lower()] += 1
                    if "-" in token:  # "Undang" of "Undang-Undang" is a word too
                        counts.update(part.lower() for part in token.split("-"))
    for word in extra:
        counts[word] += 1
    return counts


def resolve_hyphens(pages: list[Page], reading: Reading, words: set[str]) -> None:
    """A hyphen at a line's end: join, keep, or keep and list to check (see the module's docstring)."""
    counts = vocabulary(pages, words)
    seq = [(p, ln) for p in pages for ln in p.lines if not ln.noise]
    for (page, line), (next_page, nxt) in zip(seq, seq[1:]):
        if not line.words:
            continue
        last = line.words[-1]
        if not last.text or last.text[-1] not in HYPHENS or len(last.text) < 3 or not nxt.words:
            continue
        m1 = re.search(r"([^\W\d_]+)[-\u00ad]$", last.text)
        m2 = re.match(r"([^\W\d_]+)(.*)$", nxt.words[0].text)
        if not m1 or not m2:
            continue
        first, second, tail = m1.group(1), m2.group(1), m2.group(2)
        joined, hyphened = first + second, f"{first}-{second}"
        if _reduplicated(first, second) or counts[hyphened.lower()] > 0:
            word, why = hyphened, "a repeated word keeps its hyphen"
        elif counts[joined.lower()] > 0:
            word, why = joined, "the word occurs elsewhere in the document or in the word list"
        elif last.text.endswith(SOFT):
            word, why = joined, "the PDF marks the hyphen as the typesetter's (soft hyphen, U+2010)"
        elif first[:1].isupper() and second[:1].isupper() and not second.isupper():
            word, why = hyphened, "a compound of capitalised words keeps its hyphen"
        else:
            word, why = hyphened, None
        new_last = Word(last.text[:m1.start()] + word + tail, last.x0, nxt.words[0].x1, last.top, last.bottom,
                        _min_conf(last.conf, nxt.words[0].conf))
        line.words = line.words[:-1] + [new_last]
        nxt.words = nxt.words[1:]
        where = f"page {page.number}" + (f"-{next_page.number}" if next_page is not page else "")
        shown = last.text.replace(SOFT, "-")  # never an invisible character in the report (and the YAML)
        if why is None:
            reading.checks.append(f"{where}: '{shown}' + '{second}' at a line end: the hyphen was kept "
                                  f"('{hyphened}'); if the original means '{joined}', correct it")
        else:
            reading.decisions.append(f"{where}: '{shown}' + '{second}' -> '{new_last.text.replace(SOFT, '-')}' ({why})")
        if not nxt.words:
            next_page.lines.remove(nxt)


def _min_conf(a: float | None, b: float | None) -> float | None:
    vals = [v for v in (a, b) if v is not None]
    return min(vals) if vals else None


def _one_block(a: PdfLine, b: PdfLine, page: Page) -> bool:
    """Two lines of one block (a heading over two lines, a Lampiran's header, a signature): the
    usual line distance apart on the same page, and both centred on the text block (one of them
    shorter than the block) or both starting at the same x."""
    body = [ln for ln in page.lines if not ln.noise]
    if a.page != b.page or a.noise or b.noise or not body:
        return False
    if not 0 < b.first_top - a.last_top <= 1.15 * page.pitch:
        return False
    left, right = min(ln.left for ln in body), max(ln.right for ln in body)
    mid, tol = (left + right) / 2, max(3.0, 0.3 * b.size)
    centred = all(abs((ln.left + ln.right) / 2 - mid) <= tol for ln in (a, b))
    shorter = a.left > left + tol or b.left > left + tol
    return (centred and shorter) or abs(a.left - b.left) <= tol


def render_text(pages: list[Page], reading: Reading) -> None:
    """The text for the importer: a paragraph per line, blank lines between, `\\f` before each page."""
    entries: list[tuple[str, int, PdfLine | None]] = []
    for page in pages:
        feed = "\f" if page.number > 1 else ""
        for j, pdf_line in enumerate(page.lines):
            entries.append(((feed if j == 0 else "") + pdf_line.text, page.number, pdf_line))
        if not page.lines and feed:  # a page without text still counts
            entries.append((feed, page.number, None))
    out: list[str] = []
    before: PdfLine | None = None
    for text, page_no, line in entries:
        # A blank line between paragraphs; none between the lines of one block.
        if out and not (line and before and _one_block(before, line, pages[line.page - 1])):
            out.append("")
            reading.page_of_line.append(page_no)
        before = line
        out.append(text)
        reading.page_of_line.append(page_no)
        if line is None:
            continue
        if line.noise:
            reading.noise[len(out)] = line.noise
        for w in line.words:
            if w.conf is not None and w.conf < LOW_CONFIDENCE:
                reading.checks.append(f"page {page_no}, line {len(out)}: '{w.text}' (OCR confidence "
                                      f"{w.conf:.0f}%): to check against the scan")
    reading.text = "\n".join(out) + "\n"


LOW_CONFIDENCE = 60.0
"""OCR words below this confidence are listed to check against the scan."""


def read_pdf(path: Path, words: set[str] | None = None, ocr_dpi: int = 300) -> Reading:
    """Read `path` (text layer, or OCR for pages without one) into a Reading. Raises PdfProblem."""
    import hashlib

    from .ocr import ocr_page

    path = Path(path)
    pdf = open_pdf(path)
    reading = Reading(name=path.name, sha256=hashlib.sha256(path.read_bytes()).hexdigest(), pages=[])
    try:
        for i, page in enumerate(pdf, start=1):
            width, height = page.get_size()
            try:
                found = text_layer_words(page)
            except Exception as exc:  # PDFium's own errors on a broken page
                raise PdfProblem(f"page {i} cannot be read ({exc}); download or scan the PDF again") from None
            ocr = sum(len(w.text) for w in found) < 20
            if ocr:
                found = ocr_page(page, dpi=ocr_dpi)
            reading.pages.append(Page(i, width, height, group_lines(found, i), ocr=ocr))
            page.close()
    finally:
        pdf.close()
    mark_margin_noise(reading.pages, reading)
    mark_specks(reading.pages, reading)
    resolve_hyphens(reading.pages, reading, words or set())
    join_paragraphs(reading.pages)
    render_text(reading.pages, reading)
    return reading
