"""Every line of each source's legal text reaches the built site.

The source texts in sources/ are what the data was transcribed from. For each regulation we apply
the repairs its data declares (`sumber.perbaikan`), drop the lines it declares as noise
(`sumber.derau`), strip the extractor's Markdown and list markers, and require every remaining
fragment to occur in the text of the regulation's page. A dropped word, a skipped line or a
paraphrase fails here.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, real_data
from htmltext import text_of

CORPUS = real_data().corpus

MARKER = re.compile(r"^(?:[-•✓]\s+|\(\d+[a-z]?\)\s*|\d+[a-z]?[.)]\s*|[a-zA-Z][.)]\s*(?=\S)|[a-zA-Z][.)]?\s+(?=\S))")
LABEL = re.compile(r"^(?:Menimbang|Mengingat|Menetapkan|MEMUTUSKAN|Memperhatikan|KESATU|KEDUA|KETIGA|"
                   r"KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KESEMBILAN|KESEPULUH|Tembusan)\s*:?\s*")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


FOOTNOTE = re.compile(r"\*+\)")
ITALIC = re.compile(r"(?<![\w*])\*([^\s*)][^*]*?)(?<=\S)\*(?![\w*])")
BOLD = re.compile(r"\*\*(\S(?:[^*]*?\S)?)\*\*")


def unmark(text: str) -> str:
    """Drop the extractor's emphasis markup (`*italic*`, `**bold**`, also a bold opened or closed on
    another line) and keep every other asterisk: footnote marks (`*)`, `**)`) and stray ones must be
    on the page as they are, or be listed as repairs (`sumber.perbaikan`)."""
    text = ITALIC.sub(r"\1", text)
    text = FOOTNOTE.sub(lambda m: m.group(0).replace("*", "\0"), text)
    text = BOLD.sub(r"\1", text).replace("**", "")
    return text.replace("\0", "*")


def fragments(reg) -> list[str]:
    raw = (ROOT / "sources" / reg.sumber.berkas).read_text(encoding="utf-8")
    for p in reg.sumber.perbaikan:
        raw = raw.replace(p.dari, p.menjadi)
    noise = {norm(unmark(d.baris)) for d in reg.sumber.derau if d.ke is None}
    # A line the source repeats may be noise in one occurrence only (a slide title repeated on its
    # continuation): only that one is dropped, the others must be on the page.
    once = {(norm(unmark(d.baris)), d.ke) for d in reg.sumber.derau if d.ke is not None}
    seen: dict[str, int] = {}
    out = []
    for line in raw.splitlines():
        line = norm(unmark(line))
        seen[line] = seen.get(line, 0) + 1
        if not line or line in noise or (line, seen[line]) in once:
            continue
        if re.match(r"^BAB [0-9IVXL]+ – ", line):  # a deck's "BAB 1 – TITLE": number and title
            number, title = line.split(" – ", 1)
            out += [number, title]
            continue
        previous = None
        while previous != line:  # peel markers and labels: "- Menimbang : a. bahwa ..." -> "bahwa ..."
            previous = line
            line = LABEL.sub("", MARKER.sub("", line)).strip()
        if line.startswith(":"):
            line = line[1:].strip()
        if len(line) < 2 or line in noise:
            continue
        out.append(line)
    return out


def page_text(real_site, reg) -> str:
    html = (real_site.site / "peraturan" / reg.id / "index.html").read_text(encoding="utf-8")
    return unmark(text_of(html, cls="ke-naskah") + " " + text_of(html, cls="ke-info"))


STRUCTURED = re.compile(r"^(?:Ditetapkan di|Diundangkan di|[Pp]ada tanggal|NIP\.?|Tembusan)\b")


BLANK = re.compile(r"\s*(\.{3,})\s*")


def spaced_blanks(text: str) -> str:
    """A form's blank of dots is a field on the page, set apart from the words around it by a space
    ("Saudara....." is shown "Saudara ....."): compare with one space on each side of every run of
    dots, the dots themselves as written."""
    return norm(BLANK.sub(r" \1 ", text))


@pytest.mark.parametrize("reg", CORPUS.regulations, ids=lambda r: r.id)
def test_every_source_line_is_on_the_page(real_site, reg):
    text = spaced_blanks(page_text(real_site, reg))
    missing = [f for f in map(spaced_blanks, fragments(reg)) if f not in text and not _structured(f, text)]
    assert not missing, f"{len(missing)} source fragments of {reg.sumber.berkas} not on the page:\n" + "\n".join(missing[:20])


def _structured(fragment: str, text: str) -> bool:
    """Signature lines are shown as structured fields ("pada tanggal 8 Desember 2020")."""
    if not STRUCTURED.match(fragment):
        return False
    tail = STRUCTURED.sub("", fragment).strip(" .:")
    return tail in text


def test_fidelity_check_catches_a_dropped_word(real_site):
    """Negative control: the same check on a page text missing one word reports it."""
    reg = next(r for r in CORPUS.regulations if r.id == "perbup-bengkayang-51-2020")
    text = norm(page_text(real_site, reg)).replace("pungutan liar", "pungutan")
    missing = [f for f in fragments(reg) if f not in text and not _structured(f, text)]
    assert any("pungutan liar" in f for f in missing)


def test_fidelity_check_catches_a_blank_left_out(real_site):
    """Negative control: a form whose blanks of dots are not on the page is reported, although the
    comparison allows a space around each blank."""
    reg = next(r for r in CORPUS.regulations if r.id == "perbup-sumbawa-6-2020")
    text = spaced_blanks(BLANK.sub(" ", page_text(real_site, reg)))
    missing = [f for f in map(spaced_blanks, fragments(reg)) if f not in text and not _structured(f, text)]
    assert any("....." in f for f in missing)
