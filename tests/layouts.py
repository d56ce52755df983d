"""A test corpus of layouts: the enacted text of a curated regulation (regulations/*.yaml) laid out
again as the ways regulations reach the importer, deterministically (a seeded random.Random).

- `canonical`: one line per block (title lines, each item with its marker), as a clean extraction;
- `pdf_layer`: what a PDF's text layer gives: lines wrapped at 70-90 characters, some words
  hyphenated at a line end (also a compound at its own hyphen: "perundang-" + "undangan"), a blank
  line now and then inside a paragraph, page breaks (form feed) with page numbers, a running
  header and "Salinan sesuai dengan aslinya";
- `run_in`: as web pages and abstracts give it: the heading on one line, Menimbang/Mengingat items
  run together, "BAB I KETENTUAN UMUM Pasal 1 Dalam ... 1. Daerah adalah ..." as one paragraph;
- `two_column`: labels on lines of their own ("Menimbang", ":", "a.", then the text);
- `spaced`: headings with their letters spaced out ("P E R A T U R A N  B U P A T I").

Nothing here knows the importer; `tests/layout_bench.py` imports each text and compares.
"""

from __future__ import annotations

import random
import re
import textwrap
from pathlib import Path

from macros.kodeetik.model import Node, Penetapan, Regulation

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
VOWELS = set("aeiou")

# --------------------------------------------------------------------------- blocks


def _title_lines(judul: str) -> list[str]:
    """"PERATURAN BUPATI X NOMOR 6 TAHUN 2020 TENTANG KODE ETIK ..." as a title is printed."""
    m = re.match(r"^(.*?)\s+(NOMOR\b.*?)\s+(TENTANG)\s+(.*)$", judul)
    if not m:
        return [judul]
    return [m.group(1), m.group(2), m.group(3), *textwrap.wrap(m.group(4), 60)]


def _date(d) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _signature(kind: str, p: Penetapan | None) -> list[str]:
    if p is None:
        return []
    out = [f"{kind} di {p.tempat}"] if p.tempat else []
    if p.tanggal:
        out.append(f"pada tanggal {_date(p.tanggal)}")
    out.append("")
    if p.pejabat.jabatan:
        out.append(p.pejabat.jabatan)
    out.append("")
    if p.pejabat.nama:
        out.append(p.pejabat.nama)
    if p.pejabat.pangkat:
        out.append(p.pejabat.pangkat)
    if p.pejabat.nip:
        out.append(f"NIP. {p.pejabat.nip}")
    return out


def _node(n: Node) -> list[tuple[str, str]]:
    """(kind, text) blocks of a node in reading order; kind says how layouts may treat it."""
    out: list[tuple[str, str]] = []
    if n.type == "bab":
        out += [("bab", f"BAB {n.num}"), ("heading", n.heading or "")]
    elif n.type == "bagian":
        out += [("bagian", f"Bagian {n.num}"), ("heading", n.heading or "")]
    elif n.type == "paragraf":
        out += [("bagian", f"Paragraf {n.num}"), ("heading", n.heading or "")]
    elif n.type == "pasal":
        out.append(("pasal", f"Pasal {n.num}"))
        if n.text:
            out.append(("text", n.text))
    elif n.type == "diktum":
        out.append(("item", f"{n.num} : {n.text or ''}".rstrip()))
    elif n.type == "kelompok":
        out.append(("heading", n.heading or ""))
        if n.text:
            out.append(("text", n.text))
    elif n.type == "formulir":
        out.append(("form", "\n".join(x for x in (n.heading, n.text) if x)))
    elif n.type in ("ayat", "huruf", "angka") or (n.type == "butir" and not n.heading):
        marker = n.display_marker
        if n.num and re.fullmatch(r"\(?\w{1,3}[.)]", marker):  # the original's marker style, its own number
            marker = re.sub(r"\w+", n.num, marker, count=1)
        if n.heading and n.text:
            out += [("item-heading", f"{marker} {n.heading}"), ("text", n.text)]
        else:
            out.append(("item", f"{marker} {n.text or n.heading or ''}".rstrip()))
    elif n.type == "butir":
        out += [("heading", n.heading or ""), ("text", n.text or "")]
    else:  # teks
        for part in (n.heading, n.text):
            if part:
                out.append(("text", part))
    for c in n.children:
        out += _node(c)
    if n.text_after:
        out.append(("text", n.text_after))
    return out


def blocks(reg: Regulation, root: Path = ROOT) -> list[tuple[str, str]]:
    """The regulation as (kind, text) blocks; an empty text is a paragraph break.

    A dissemination deck has no printed form of its own beside the slides: its blocks are the lines
    of its source (the slide text), which the layouts then wrap, run in or space out."""
    if reg.sumber.jenis == "bahan_diseminasi":
        text = (root / "sources" / reg.sumber.berkas).read_text(encoding="utf-8")
        return [("text" if len(ln) > 90 else "line", ln.strip()) for ln in text.split("\n")]
    out: list[tuple[str, str]] = [("kepala", k) for k in reg.kepala] + [("", "")]
    out += [("title", t) for t in _title_lines(reg.judul or "")] + [("", "")]
    out += [("kepala", p) for p in reg.pembukaan] + [("", "")]
    for label, nodes in (("Menimbang", reg.menimbang), ("Mengingat", reg.mengingat)):
        if not nodes:
            continue
        first = True
        for n in nodes:
            for kind, text in _node(n):
                out.append((f"label-{label}" if first else kind, text))
                first = False
        out.append(("", ""))
    out += [("memutuskan", "MEMUTUSKAN:")]
    if reg.memutuskan:
        out.append(("menetapkan", f"Menetapkan : {reg.memutuskan}"))
    out.append(("", ""))
    for n in reg.batang_tubuh or reg.diktum:
        out += _node(n)
    out += [("text", p) for p in reg.penutup] + [("", "")]
    out += [("sig", s) for s in _signature("Ditetapkan", reg.ditetapkan)] + [("", "")]
    out += [("sig", s) for s in _signature("Diundangkan", reg.diundangkan)]
    if reg.pengundangan:
        out += [("", ""), ("sig", reg.pengundangan)]
    for lamp in reg.lampiran:
        out.append(("", ""))
        if not (lamp.kepala and lamp.kepala[0].startswith("LAMPIRAN")):
            out.append(("lampiran", f"LAMPIRAN {lamp.num or ''}".rstrip()))
        out += [("lampiran", k) for k in lamp.kepala] + [("", "")]
        if lamp.judul:
            out += [("lampiran", lamp.judul), ("", "")]
        for n in lamp.children:
            out += _node(n)
        out += [("", "")] + [("sig", s) for s in _signature("Ditetapkan", lamp.ditetapkan)]
    return out


def _label(kind: str, text: str) -> str:
    return f"{kind.split('-')[1]} : {text}" if kind.startswith("label-") else text


def canonical(reg: Regulation) -> str:
    return "\n".join(_label(k, t) for k, t in blocks(reg)) + "\n"


# --------------------------------------------------------------------------- PDF text layer

def _break_word(word: str, room: int) -> tuple[str, str] | None:
    """A word broken at a line end as a typesetter does: at its own hyphen, or between syllables
    (after a vowel, before a consonant followed by a vowel), leaving at least 3 letters each side."""
    if "-" in word[3:-2]:
        cut = word.index("-", 3) + 1
        return (word[:cut], word[cut:]) if cut <= room else None
    if not (word.isalpha() and word.islower() and len(word) >= 7):
        return None
    for i in range(min(room - 1, len(word) - 3), 2, -1):
        if word[i - 1] in VOWELS and word[i] not in VOWELS and i + 1 < len(word) and word[i + 1] in VOWELS:
            return word[:i] + "-", word[i:]
    return None


def _wrap(text: str, width: int, rng: random.Random) -> list[str]:
    words, lines, line = text.split(" "), [], ""
    for w in words:
        if not line:
            line = w
        elif len(line) + 1 + len(w) <= width:
            line += " " + w
        else:
            broken = _break_word(w, width - len(line) - 1) if rng.random() < 0.5 else None
            if broken:
                lines.append(f"{line} {broken[0]}")
                line = broken[1]
            else:
                lines.append(line)
                line = w
    lines.append(line)
    return lines


def pdf_layer(reg: Regulation, seed: int = 0) -> str:
    rng = random.Random(f"{reg.id}/{seed}")
    width = rng.randint(70, 90)
    per_page = rng.randint(38, 50)
    header = rng.choice(["- {page} -", "{page}"])
    running = (reg.judul or "").split(" TENTANG")[0] if rng.random() < 0.5 else None
    salinan = rng.random() < 0.5
    page, out, on_page = 1, [], 0
    for kind, text in blocks(reg):
        if kind == "form":
            lines = text.split("\n")
        elif kind in ("text", "item", "item-heading") or kind.startswith("label-"):
            lines = _wrap(_label(kind, text), width, rng)
            if len(lines) > 2 and rng.random() < 0.08:  # a blank line inside a paragraph
                k = rng.randint(1, len(lines) - 1)
                lines = [*lines[:k], "", *lines[k:]]
        else:  # headings, the title, signatures: wrapped at the margin too, never hyphenated
            lines = textwrap.wrap(text, width) or [text]
        for line in lines:
            if on_page >= per_page:
                page += 1
                out += [""] + (["Salinan sesuai dengan aslinya"] if salinan else [])
                out += ["\f" + header.format(page=page)] + ([running] if running else []) + [""]
                on_page = 0
            out.append(line)
            on_page += 1
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- web page, run in

def run_in(reg: Regulation) -> str:
    """Heading on one line; a label's items on one line; each Pasal or Diktum one paragraph with its
    BAB/Bagian heading in front; a Lampiran's list run in under each of its headings; the heading
    block, signatures and forms line by line, as a page prints them."""
    out: list[str] = []
    para: list[str] = []
    title: list[str] = []
    lined = False
    """The last block out is printed line by line (a signature, a form, a Lampiran's header)."""

    def flush() -> None:
        if para:
            out.append(" ".join(para))
            para.clear()

    for kind, text in blocks(reg):
        if kind == "title":
            title.append(text)
            continue
        if title:
            out.append(" ".join(title))
            title = []
        if not text:
            flush()
            lined = False
            continue
        if kind in ("lampiran", "sig", "form", "kepala", "line", "memutuskan", "menetapkan"):
            flush()
            if lined and kind not in ("memutuskan", "menetapkan"):
                out[-1] += "\n" + text
            else:
                out.append(text)
            lined = kind not in ("memutuskan", "menetapkan")
            continue
        lined = False
        if kind == "item-heading":
            flush()
            out.append(text)
            continue
        starts = kind.startswith("label-") or kind in ("bab", "pasal") and not (para and para[-1].startswith(
            ("BAB", "Bagian", "Paragraf")) or para and _is_heading_run(para))
        if kind == "item" and re.match(r"^(KE\w+|PERTAMA) :", text):
            starts = True
        # A paragraph of text is a paragraph of its own (its list runs into it), unless it is the
        # first words under a chapter and Pasal heading.
        if kind == "text" and para and not _is_heading_run(para) and not para[-1].startswith("Pasal"):
            starts = True
        if starts:
            flush()
        para.append(_label(kind, text))
    flush()
    return "\n\n".join(out) + "\n"


def _is_heading_run(para: list[str]) -> bool:
    return bool(para) and all(p.isupper() or p.startswith(("BAB", "Bagian", "Paragraf")) for p in para)


# --------------------------------------------------------------------------- two columns, spaced letters

MARKER = re.compile(r"^(\(\d+[a-z]?\)|[a-z]\.|\d{1,3}\.|[a-z]\)|\d{1,3}\))\s+(.*)$")


def two_column(reg: Regulation) -> str:
    """Labels and markers on lines of their own, the text after them (a two-column table read
    column by column)."""
    out: list[str] = []
    for kind, text in blocks(reg):
        if kind.startswith("label-"):
            out += [kind.split("-")[1], ":"]
        m = MARKER.match(text) if kind in ("item", "item-heading") or kind.startswith("label-") else None
        if m:
            out += [m.group(1), m.group(2)]
        elif (d := re.match(r"^(KE\w+(?: BELAS)?|PERTAMA) : (.*)$", text)) and kind == "item":
            out += [d.group(1), ":", d.group(2)]
        else:
            out.append(text)
    return "\n".join(out) + "\n"


def spaced(reg: Regulation) -> str:
    """Title, headings and MEMUTUSKAN with letters spaced out, words two spaces apart."""
    out: list[str] = []
    for kind, text in blocks(reg):
        if kind in ("title", "heading", "memutuskan", "bab") and text:
            out.append(space_letters(text))
        else:
            out.append(_label(kind, text))
    return "\n".join(out) + "\n"


def space_letters(text: str, gap: str = "  ") -> str:
    return gap.join(" ".join(word) for word in text.split())


LAYOUTS = {"canonical": canonical, "pdf": pdf_layer, "run-in": run_in, "two-column": two_column,
           "spaced": spaced}
