"""Page and site furniture: what a printed page or a web page adds around the text of a regulation.

A page boundary is a form feed (`Line.page` changes; pdftotext writes one between pages) or a line
holding only a page number ("- 3 -", "2", "Halaman 2 dari 9"). The few lines next to a boundary
(its *edges*) are where furniture stands: page numbers, a running header (a line repeated at the
top of two later pages or more, or the title's first line with its NOMOR at the top of a later
page; never a Lampiran's own header) and phrases of
the rules.yaml list `page_furniture` ("Salinan sesuai dengan aslinya"). Site chrome (rules.yaml
`site_chrome`: "Anda di halaman 1 dari 13", a bare web address, "Scanned with CamScanner") is
never legal text and is dropped wherever it stands. Each dropped line is logged as noise, so it
goes to `sumber.derau`.
"""

from __future__ import annotations

import re

from . import markers as mk
from .lines import Line, Log

EDGE = 3
"""Non-blank lines on each side of a boundary that may be furniture."""
TITLE_HEAD = re.compile(r"^(PERATURAN|KEPUTUSAN)\s+\S+")


def _key(text: str) -> str:
    """Lines that differ only in numbers and punctuation are the same header ("Hal. 2", "Hal 3"); case
    counts (a header is printed the same way on every page; "Pelayanan Publik" and "PELAYANAN
    PUBLIK" are a slide title and a term)."""
    return re.sub(r"[\W_]+", " ", re.sub(r"\d+", "#", text)).strip()


def _structural(text: str) -> bool:
    return bool(mk.BAB.match(text) or mk.BAGIAN.match(text) or mk.PARAGRAF.match(text) or mk.PASAL.match(text)
                or mk.DIKTUM.match(text) or mk.item(text) is not None or mk.LABEL.match(text)
                or mk.DITETAPKAN.match(text) or mk.LAMPIRAN.match(text))


def edges(lines: list[Line], page_number) -> tuple[set[int], set[int]]:
    """Indexes of the lines at the top of a page (after a boundary) and at its bottom (before one)."""
    nonblank = [i for i, ln in enumerate(lines) if ln.text]
    top: set[int] = set()
    bottom: set[int] = set()
    for k, i in enumerate(nonblank):
        if k > 0 and lines[nonblank[k - 1]].page != lines[i].page:
            top.update(j for j in nonblank[k: k + EDGE] if lines[j].page == lines[i].page)
        if k + 1 < len(nonblank) and lines[nonblank[k + 1]].page != lines[i].page:
            bottom.update(j for j in nonblank[max(0, k - EDGE + 1): k + 1] if lines[j].page == lines[i].page)
        if page_number(lines[i]):
            bottom.update(nonblank[max(0, k - EDGE): k])
            top.update(nonblank[k + 1: k + EDGE + 1])
    return top, bottom


def _after_lampiran(lines: list[Line], i: int) -> bool:
    """A Lampiran's header at the top of its page ("LAMPIRAN I" / "PERATURAN BUPATI ...") is not a
    running header."""
    before = [ln for ln in lines[max(0, i - 2 * EDGE): i] if ln.text and ln.page == lines[i].page]
    return any(mk.LAMPIRAN.match(ln.text) for ln in before[-EDGE:])


def _heads_new_list(lines: list[Line], i: int, skip) -> bool:
    """A line at a page top followed by a list that starts afresh ("1.", "a.", "(1)") after finished
    text (a sentence or item closed, or a heading in capitals) is that list's title, though repeated
    like a header: a slide deck's group continued by a second list under the same title. A running
    header stands before text that goes on from the page before."""
    after = next((lines[j].text for j in range(i + 1, len(lines)) if lines[j].text), "")
    before = next((lines[j].text for j in range(i - 1, -1, -1) if lines[j].text and not skip(lines[j])), "")
    it = mk.item(after)
    return (it is not None and mk.first(it.style, it.num) and _key(before) != _key(lines[i].text)
            and (mk.finished(before) or (mk.is_caps(before) and before[-1:] != ":")))


def drop_page_furniture(lines: list[Line], log: Log, furniture: list[re.Pattern], chrome: list[re.Pattern],
                        page_number) -> list[Line]:
    top, bottom = edges(lines, page_number)

    def header_candidate(i: int) -> bool:
        t = lines[i].text
        return (i in top and lines[i].page > 1 and not _structural(t) and len(t) <= 160
                and re.search(r"[A-Za-z]{2}", t) is not None and not _after_lampiran(lines, i)
                # The tail of a wrapped sentence may open two pages ("Peraturan Bupati ini."): it
                # ends a clause or starts in lower case, a header does neither.
                and t[-1] not in ".;:," and not t[:1].islower())

    def furniture_line(line: Line) -> bool:
        return bool(page_number(line) or any(p.fullmatch(line.text) for p in furniture))

    pages_of: dict[str, set[int]] = {}
    for i in top:
        if header_candidate(i):
            pages_of.setdefault(_key(lines[i].text), set()).add(lines[i].page)
    dropped: set[int] = set()
    for i, line in enumerate(lines):
        t = line.text
        rule = None
        if t and any(p.search(t) for p in chrome):
            rule = "site chrome"
        elif t and (i in top or i in bottom):
            if page_number(line):
                rule = "page number"
            elif any(p.fullmatch(t) for p in furniture):
                rule = "page furniture"
            elif header_candidate(i) and not _heads_new_list(lines, i, furniture_line) \
                    and (len(pages_of.get(_key(t), ())) >= 2
                                          or (TITLE_HEAD.match(t) and re.search(r"\bNOMOR\b", t) and mk.is_caps(t))):
                rule = "running header"
        if rule:
            log.drop(line, rule)
            dropped.add(i)
    # The blank lines around page furniture belong to the page break, not to the text: a heading
    # block or a sentence that runs over a page stays one. A break is kept where the text itself
    # says a paragraph ends (closing punctuation, or capitals giving way to running text).
    keep = [i not in dropped for i in range(len(lines))]
    for i in sorted(dropped):
        a, b = i, i
        while a > 0 and (lines[a - 1].blank or (a - 1) in dropped):
            a -= 1
        while b + 1 < len(lines) and (lines[b + 1].blank or (b + 1) in dropped):
            b += 1
        before = lines[a - 1].text if a > 0 else ""
        after = lines[b + 1].text if b + 1 < len(lines) else ""
        blanks = [j for j in range(a, b + 1) if j not in dropped]
        ends = before[-1:] in tuple(".;:!?") or mk.is_caps(before) != mk.is_caps(after)
        for k, j in enumerate(blanks):
            keep[j] = ends and k == 0
    return [ln for i, ln in enumerate(lines) if keep[i]]
