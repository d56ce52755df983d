"""Metadata: jenis, nomor, tahun, tentang, the issuing region and body, the heading block, the
signature blocks (place, date, position, name, NIP) and the instruments cited in Mengingat."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from . import markers as mk
from .lines import Line, Log

MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
     "november", "desember"], start=1)}
DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")

JENIS = [  # (pattern on the title in capitals, jenis, issuer kind)
    (r"PERATURAN\s+GUBERNUR", "Peraturan Gubernur", "provinsi"),
    (r"PERATURAN\s+BUPATI", "Peraturan Bupati", "kabupaten"),
    (r"PERATURAN\s+WALI\s*KOTA", "Peraturan Wali Kota", "kota"),
    (r"PERATURAN\s+DAERAH", "Peraturan Daerah", None),
    (r"KEPUTUSAN\s+GUBERNUR", "Keputusan Gubernur", "provinsi"),
    (r"KEPUTUSAN\s+BUPATI", "Keputusan Bupati", "kabupaten"),
    (r"KEPUTUSAN\s+WALI\s*KOTA", "Keputusan Wali Kota", "kota"),
    (r"KEPUTUSAN\s+KEPALA\s+DINAS", "Keputusan Kepala Dinas", None),
    (r"KEPUTUSAN\s+KEPALA\s+BADAN", "Keputusan Kepala Badan", None),
    (r"PERATURAN\s+KEPALA\s+DINAS", "Peraturan Kepala Dinas", None),
    (r"PERATURAN\s+KEPALA\s+BADAN", "Peraturan Kepala Badan", None),
]
SHORT = {"Peraturan Gubernur": "Pergub", "Peraturan Bupati": "Perbup", "Peraturan Wali Kota": "Perwal",
         "Peraturan Daerah": "Perda", "Keputusan Gubernur": "Kepgub", "Keputusan Bupati": "Kepbup",
         "Keputusan Wali Kota": "Kepwal", "Keputusan Kepala Dinas": "Kep. Kadis",
         "Keputusan Kepala Badan": "Kep. Kaban", "Peraturan Kepala Dinas": "Per. Kadis",
         "Peraturan Kepala Badan": "Per. Kaban"}
SMALL_WORDS = {"di", "dan", "ke", "dari", "yang", "atau", "pada", "untuk", "dalam", "bagi", "serta",
               "atas", "tentang", "oleh", "dengan", "sebagai", "terhadap"}


@dataclass
class Title:
    kepala: list[str] = field(default_factory=list)
    judul: str | None = None
    pembukaan: list[str] = field(default_factory=list)
    jenis: str | None = None
    issuer: str | None = None
    """What follows the jenis in the title: a region ("BENGKAYANG") or a body ("DINAS SOSIAL ...")."""
    nomor: str | None = None
    tahun: int | None = None
    tentang: str | None = None
    notes: list[str] = field(default_factory=list)


def parse_date(text: str) -> dt.date | None:
    m = DATE.search(text)
    if not m or m.group(2).lower() not in MONTHS:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


def title_case(text: str) -> str:
    """A title in capitals as a title: "KODE ETIK DI LINGKUNGAN" -> "Kode Etik di Lingkungan"."""
    words = text.split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in SMALL_WORDS:
            out.append(lw)
        elif re.fullmatch(r"[IVXLC]+", w) or any(c.isdigit() for c in w) or (w.isupper() and len(w) <= 4
                                                                           and not w.isalpha()):
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = [[]]
    for line in lines:
        if line.blank:
            if out[-1]:
                out.append([])
        else:
            out[-1].append(line)
    return [p for p in out if p]


TITLE_START = re.compile(r"^(PERATURAN|KEPUTUSAN)\b")


def _title_starts(lines: list[Line]) -> list[int]:
    """Indexes of lines that open a title block ("PERATURAN BUPATI ..." with NOMOR soon after)."""
    out = []
    for i, line in enumerate(lines):
        if TITLE_START.match(line.text) and mk.is_caps(line.text):
            window = " ".join(ln.text for ln in lines[i:i + 6] if not ln.blank)
            if re.search(r"\bNOMOR\b", window):
                out.append(i)
    return out


def parse_preamble(lines: list[Line], log: Log, used: set[int]) -> Title:
    """The heading block: kepala, the title (jenis, nomor, tahun, tentang) and the opening formula."""
    title = Title()
    starts = _title_starts(lines)
    if not starts:
        mixed = _mixed_case_title(lines, title, used)
        if mixed is None:
            title.notes.append("no title line (PERATURAN ... / KEPUTUSAN ... with NOMOR) found")
            return title
        title.kepala = _kepala(lines[:mixed], [], log, used)
        return title
    start = starts[-1]
    end, head, tentang = _title_block(lines, start)
    for ln in lines[start:end]:
        used.add(ln.no)
    head_text = " ".join(head)
    title.judul = " ".join(x for x in (head_text, "TENTANG" if tentang is not None else None,
                                       " ".join(tentang or [])) if x)
    if tentang is not None and tentang and tentang[0].startswith("TENTANG"):
        title.judul = f"{head_text} TENTANG {' '.join(tentang)}"
    m = re.match(r"^(?P<head>.*?)\s+NOMOR\s*:?\s*(?P<nomor>.+?)(?:\s+TAHUN\s+(?P<tahun>\d{4}))?\s*$", head_text)
    if m:
        title.nomor = m.group("nomor").strip()
        if " " in title.nomor:
            compact = re.sub(r"\s+", "", title.nomor)
            title.notes.append(f"nomor written '{title.nomor}' in the title; drafted as '{compact}'")
            title.nomor = compact
        if m.group("tahun"):
            title.tahun = int(m.group("tahun"))
        head_words = m.group("head")
    else:
        head_words = head_text
        title.notes.append("no NOMOR found in the title")
    for pattern, jenis, _kind in JENIS:
        jm = re.match(pattern + r"\b\s*(.*)$", head_words)
        if jm:
            title.jenis = jenis
            title.issuer = jm.group(1).strip() or None
            break
    if title.jenis is None:
        title.notes.append(f"the kind of instrument in '{head_words}' is not one the site knows")
    if tentang:
        text = " ".join(tentang)
        while text.upper().startswith("TENTANG "):
            title.notes.append("the title repeats 'TENTANG'; 'tentang' drafted without it")
            text = text[len("TENTANG "):]
        title.tentang = title_case(text) if mk.is_caps(text) else text
        title.tentang = title.tentang.rstrip(".")
    # Opening formula and the official, up to the first paragraph that is not in capitals.
    rest = lines[end:]
    for para in _paragraphs(rest):
        texts = [ln.text for ln in para]
        if not all(mk.is_caps(t) for t in texts):
            break
        if texts[0].startswith("DENGAN RAHMAT"):
            title.pembukaan.append(texts[0])
            texts = texts[1:]
        if texts:
            title.pembukaan.append(" ".join(texts))
        for ln in para:
            used.add(ln.no)
        if title.pembukaan and not title.pembukaan[-1].startswith("DENGAN RAHMAT"):
            break
    title.kepala = _kepala(lines[:start], starts[:-1], log, used)
    return title


MIXED_TITLE = re.compile(r"^(?P<head>(?:Peraturan|Keputusan)\s+.+?)\s+Nomor\s*:?\s*(?P<nomor>\S+)"
                         r"(?:\s+Tahun\s+(?P<tahun>\d{4}))?\s+[Tt]entang\s+(?P<tentang>\S.*?)\.?$")


def _mixed_case_title(lines: list[Line], title: Title, used: set[int]) -> int | None:
    """A title written as a sentence, as abstracts and web pages give it ("Peraturan Bupati Contoh
    Nomor 87 Tahun 2020 tentang Kode Etik ..."): the index of its line, with the title filled in
    (tentang as written)."""
    for i, line in enumerate(lines):
        m = MIXED_TITLE.match(line.text)
        if not m:
            continue
        head = m.group("head").upper()
        for pattern, jenis, _kind in JENIS:
            jm = re.match(pattern + r"\b\s*(.*)$", head)
            if jm:
                title.jenis, title.issuer = jenis, jm.group(1).strip() or None
                break
        else:
            continue
        title.judul, title.nomor, title.tentang = line.text, m.group("nomor").rstrip(",;"), m.group("tentang")
        title.tahun = int(m.group("tahun")) if m.group("tahun") else None
        title.notes.append("the title is written in small letters, as a sentence: check it against the original")
        used.add(line.no)
        return i
    return None


def _title_block(lines: list[Line], start: int) -> tuple[int, list[str], list[str] | None]:
    """From a title line: the lines up to TENTANG, and the subject lines after it. Returns the index
    after the block."""
    head: list[str] = []
    i = start
    while i < len(lines) and not lines[i].text.startswith("TENTANG"):
        if lines[i].text:
            head.append(lines[i].text)
        elif head and re.search(r"\bNOMOR\b", " ".join(head)) and i + 1 < len(lines) \
                and lines[i + 1].text and not lines[i + 1].text.startswith("TENTANG"):
            break
        i += 1
        if i - start > 12:
            break
    if i >= len(lines) or not lines[i].text.startswith("TENTANG"):
        return i, head, None
    tentang: list[str] = []
    first = lines[i].text[len("TENTANG"):].strip(" :")
    if first:
        tentang.append(first)
    i += 1
    while i < len(lines) and lines[i].blank and not tentang:
        i += 1
    while i < len(lines) and not lines[i].text.startswith("DENGAN RAHMAT"):
        if tentang and OFFICIAL.match(lines[i].text) and lines[i].text.endswith(","):
            break  # the official who enacts it ("KEPALA DINAS X,"), with no blank line before
        if lines[i].blank:
            # The subject goes on after a blank line when the next paragraph is more of it: in
            # capitals like the title, not the opening formula, not the official ("BUPATI X,").
            j = i
            while j < len(lines) and lines[j].blank:
                j += 1
            k = j
            while k < len(lines) and lines[k].text:  # the paragraph at j, then what follows it
                k += 1
            after = next((ln.text for ln in lines[k:k + 5] if ln.text), "")
            if not (j < len(lines) and _subject_goes_on(lines[j].text, tentang, after)):
                break
            i = j
            continue
        tentang.append(lines[i].text)
        i += 1
    return i, head, tentang


SMALL_WORDS_CAPS = {w.upper() for w in SMALL_WORDS} - {"TENTANG"}
OFFICIAL = re.compile(r"^(?:BUPATI|GUBERNUR|WALI\s*KOTA|KEPALA|SEKRETARIS|DIREKTUR|INSPEKTUR|CAMAT|PRESIDEN|MENTERI)\b")


def _subject_goes_on(text: str, tentang: list[str], after: str = "") -> bool:
    """The subject is cut by a blank line only when the words say so: the part before ends in a word
    that cannot end a title ("... PEGAWAI DI") or the next part starts with one ("DI LINGKUNGAN
    ..."), or the next part stands right before the opening formula or the official (nothing else
    stands between a title and them: "... PEMERINTAH" / "DAERAH" / "DENGAN RAHMAT ..."); anything
    else after a blank line (a letterhead, the official) is not the subject."""
    if not (tentang and mk.is_caps(text) and mk.is_caps(" ".join(tentang))) or OFFICIAL.match(text) \
            or text.startswith("DENGAN RAHMAT") or mk.LABEL.match(text) or mk.MEMUTUSKAN.match(text):
        return False
    last, first = tentang[-1].split()[-1].upper(), text.split()[0].upper()
    opening = after.startswith("DENGAN RAHMAT") or bool(OFFICIAL.match(after) and after.endswith(","))
    return last in SMALL_WORDS_CAPS or first in SMALL_WORDS_CAPS or last.endswith(",") or opening


LETTERHEAD = re.compile(r"(Jalan|Jl\.|Telp|Telepon|Fax|Faks|Website|Laman|Email|E-mail|Surel|Kode Pos|\.go\.id|@)",
                        re.IGNORECASE)


def _kepala(lines: list[Line], earlier_titles: list[int], log: Log, used: set[int]) -> list[str]:
    """The heading above the title: the letterhead or "BUPATI X / PROVINSI Y". A cover page that
    repeats the title, and a letterhead read twice, are dropped as noise; prose above it is left."""
    skip: set[int] = set()
    for s in earlier_titles:
        end, _, _ = _title_block(lines, s)
        skip.update(range(s, end))
    paras: list[list[Line]] = []
    for para in _paragraphs([ln for k, ln in enumerate(lines) if k not in skip]):
        text = " ".join(ln.text for ln in para)
        if len(text) > 120 and not LETTERHEAD.search(text):
            paras = []  # prose (a slide's introduction): the heading is what comes after it
            continue
        paras.append(para)
    # Above the heading's first line in capitals, a line in small letters that is no letterhead is
    # a page's or a site's text ("N/A Protected Academic year"): left out, listed as not placed.
    while paras and not any(mk.is_caps(ln.text) or LETTERHEAD.search(ln.text) for ln in paras[0]):
        paras = paras[1:]
    keyed = [re.sub(r"\W+", " ", " ".join(ln.text for ln in p)).strip().upper() for p in paras]
    out: list[str] = []
    kept_nos: set[int] = set()
    for k, para in enumerate(paras):
        if keyed[k] in keyed[k + 1:]:
            for ln in para:
                log.drop(ln, "repeated heading")
                used.add(ln.no)
            continue
        for ln in para:
            out.append(ln.text)
            used.add(ln.no)
            kept_nos.add(ln.no)
    for k in sorted(skip):
        if k < len(lines) and not lines[k].blank:
            log.drop(lines[k], "cover page")
            used.add(lines[k].no)
    return out


# --------------------------------------------------------------------------- signatures

NIP = re.compile(r"^NIP\.?\s*:?\s*([\d ]{8,})$", re.IGNORECASE)
PANGKAT = re.compile(r"^(Pembina|Penata|Pengatur|Juru)\b")


def parse_signature(block: list[Line], used: set[int]) -> dict:
    """`Ditetapkan di X` / `pada tanggal D` / position (may run over lines) / name / rank / NIP."""
    out: dict[str, Any] = {"tempat": None, "tanggal": None, "jabatan": None, "nama": None, "nip": None,
                           "pangkat": None}
    for ln in block:
        used.add(ln.no)
    lines = list(block)
    m = mk.DITETAPKAN.match(lines[0].text)
    rest = m.group(2).strip() if m else ""
    date_in_place = re.search(r"\s+[Pp]ada\s+[Tt]anggal\s+(.*)$", rest)
    if date_in_place:
        out["tanggal"] = parse_date(date_in_place.group(1))
        rest = rest[: date_in_place.start()]
    out["tempat"] = rest or None
    paras = _paragraphs(lines[1:])
    if paras and mk.PADA_TANGGAL.match(paras[0][0].text):
        out["tanggal"] = parse_date(paras[0][0].text)
        paras[0] = paras[0][1:]
        if not paras[0]:
            paras = paras[1:]
    return signatory(paras, out)


def signatory(paras: list[list[Line]], out: dict | None = None) -> dict:
    """Position, name, rank and NIP from the paragraphs of a signature block."""
    out = out or {"tempat": None, "tanggal": None, "jabatan": None, "nama": None, "nip": None, "pangkat": None}
    flat = [ln.text for p in paras for ln in p]
    nip_match = next(filter(None, map(NIP.match, flat)), None)
    nip = nip_match.string if nip_match else None
    if nip_match:
        out["nip"] = nip_match.group(1).strip()
    texts = [t for t in flat if t != nip]
    pangkat = next((t for t in texts if PANGKAT.match(t)), None)
    if pangkat:
        out["pangkat"] = pangkat
        texts = [t for t in texts if t != pangkat]
    if not paras:
        return out
    # The position is the first paragraph; the name the last line left after it.
    first = [ln.text for ln in paras[0] if ln.text in texts]
    if len(paras) == 1:
        if len(first) >= 2:
            out["jabatan"], out["nama"] = " ".join(first[:-1]), first[-1]
        elif first:
            out["jabatan"] = first[0]
        return out
    out["jabatan"] = " ".join(first) or None
    names = [ln.text for p in paras[1:] for ln in p if ln.text in texts]
    if names:
        out["nama"] = max(names, key=len) if len(names) > 1 and _same_person(names) else names[0]
    return out


def _same_person(names: list[str]) -> bool:
    base = re.sub(r"[^a-z]", "", names[0].lower())
    return all(base in re.sub(r"[^a-z]", "", n.lower()) or re.sub(r"[^a-z]", "", n.lower()) in base
               for n in names[1:])


# --------------------------------------------------------------------------- mengingat

DASAR = re.compile(r"^(?:Pasal\s+\S+(?:\s+ayat\s+\(\d+\))?\s+)?(?P<jenis>[A-Z][\w\-]*(?:\s+[\w\-,]+?)*?)\s+"
                   r"(?:[Nn]omor\s+(?P<nomor>\S+)\s+)?[Tt]ahun\s+(?P<tahun>\d{4})\b(?P<rest>.*)$")


def parse_dasar(text: str) -> dict | None:
    """"Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran ...)" -> its parts."""
    m = DASAR.match(text)
    if not m:
        return None
    jenis = m.group("jenis").strip()
    if jenis.lower().startswith("undang-undang"):
        jenis = "Undang-Undang" + jenis[len("undang-undang"):]
    rest = m.group("rest").strip()
    rest = re.sub(r"^tentang\s+", "", rest, flags=re.IGNORECASE)
    tentang = re.split(r"\s*\(|\s*;|,?\s+sebagaimana\b", rest)[0].strip().rstrip(".,;") or None
    if jenis.startswith("Undang-Undang Dasar"):
        jenis, tentang = "Undang-Undang Dasar", None
    return {"jenis": jenis, "nomor": m.group("nomor"), "tahun": m.group("tahun"), "tentang": tentang}
