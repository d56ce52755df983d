"""Indonesian legal citations as typed values: `Pasal 18 ayat (1) huruf a`, lists, ranges, instruments.

In the spirit of cobalt's FRBR URIs (laws-africa): `parse()` turns a written citation into a frozen
`Citation`, `str()` writes it back in canonical form, and `parse(str(c)) == c` for every citation.
Canonical text (what `str()` gives, and what round-trips character for character) follows
UU 12/2011 Lampiran II: type words are repeated for every item (`huruf a, huruf b dan huruf c`),
an item repeats only the units that differ from the previous one (`Pasal 7 ayat (2) dan ayat (4)`),
ranges read `sampai dengan`.

Variants are accepted and mean the same value: `dalam`/`pada` before the citation (and the
`sebagaimana dimaksud` around it) are context, not part of it; type words in any case (`pasal 7`);
bare list items (`huruf a, b, c`); `s.d.` for `sampai dengan`; short instrument names
(`Perbup Sumbawa 6/2020`, `UU 5/2014`).

`find_all()` scans a provision's text for every citation in it, with the span of each item, for the
reference finder (`xref.py`). Nothing here knows a regulation: resolving a citation to a provision
is `xref.py`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .ids import int_to_roman, roman_to_int

LEVEL = {"pasal": 0, "diktum": 0, "lampiran": 0, "ayat": 1, "huruf": 2, "angka": 3}
"""Nesting order of the citable units; a path lists them in strictly increasing level."""
HEADS = frozenset({"pasal", "diktum", "lampiran"})
"""Units a citation can start from without a context (the others are relative to the citing text)."""

_ORD = (r"ke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)"
        r"(?:\s+(?:belas|puluh))?")


class CitationError(ValueError):
    """A text that is not a citation this module understands."""


@dataclass(frozen=True, slots=True)
class Step:
    """One unit of a path: `Pasal 17`, `ayat (1)`, `huruf a`, `Diktum KESATU`, `Lampiran II`."""

    kind: str
    """One of LEVEL's keys."""
    num: str | None
    """Canonical number: `17`, `5A`, `1`, `1a`, `a`, `2`, `KESATU`, `II`; None for a lone `Lampiran`."""

    def __str__(self) -> str:
        if self.kind == "pasal":
            return f"Pasal {self.num}"
        if self.kind == "ayat":
            return f"ayat ({self.num})"
        if self.kind == "diktum":
            return f"Diktum {self.num}"
        if self.kind == "lampiran":
            return "Lampiran" if self.num is None else f"Lampiran {self.num}"
        return f"{self.kind} {self.num}"

    @property
    def level(self) -> int:
        return LEVEL[self.kind]


@dataclass(frozen=True, slots=True)
class Ref:
    """One item of a citation: a path of units, or a range between two paths of the same kind."""

    steps: tuple[Step, ...]
    """The (first) provision, from its highest written or inherited unit down."""
    end: tuple[Step, ...] | None = None
    """The last provision of a `sampai dengan` range, as a full path; None for a single provision."""

    @property
    def relative(self) -> bool:
        """True when the path starts below Pasal/Diktum/Lampiran (`ayat (1)`, `huruf a`)."""
        return self.steps[0].kind not in HEADS


@dataclass(frozen=True, slots=True)
class Instrument:
    """The instrument a citation points into, when it names one: `Undang-Undang Nomor 25 Tahun 2009`."""

    jenis: str
    """Kind as written in full, with its region where it has one: `Peraturan Bupati Sumbawa`."""
    nomor: str | None
    """Number as written; None for the Constitution."""
    tahun: int | None
    """Year; None when the citation gives none (some Keputusan numbers carry the year)."""

    def __str__(self) -> str:
        if self.jenis == UUD:
            return f"{UUD} Negara Republik Indonesia Tahun {self.tahun}"
        out = f"{self.jenis} Nomor {self.nomor}"
        return out if self.tahun is None else f"{out} Tahun {self.tahun}"

    @property
    def key(self) -> tuple[str, str, int | None]:
        """What identifies the instrument, case and spacing aside (for catalogue look-ups)."""
        return (normalise_jenis(self.jenis).casefold(), (self.nomor or "").casefold(), self.tahun)


@dataclass(frozen=True, slots=True)
class Citation:
    """A parsed citation: one or more items, how the list is joined, and the instrument if named."""

    refs: tuple[Ref, ...]
    """The items, in written order, each with its inherited units filled in."""
    conjunction: str = "dan"
    """`dan` or `atau`, the word before the last item of a list."""
    instrument: Instrument | None = None
    """The other instrument cited; None for a reference inside the citing instrument."""

    def __str__(self) -> str:
        parts = []
        prev: tuple[Step, ...] | None = None
        for ref in self.refs:
            text = _write_path(ref.steps, prev)
            if ref.end is not None:
                text += " sampai dengan " + _write_path(ref.end, ref.steps)
                prev = ref.end
            else:
                prev = ref.steps
            parts.append(text)
        if len(parts) == 1:
            out = parts[0]
        else:
            out = ", ".join(parts[:-1]) + f" {self.conjunction} " + parts[-1]
        if self.instrument is not None:
            out += f" {self.instrument}"
        return out

    @property
    def relative(self) -> bool:
        return any(r.relative for r in self.refs)


@dataclass(frozen=True, slots=True)
class Found:
    """A citation found in a text, with where each written item stands."""

    start: int
    """Offset of the first character of the citation."""
    end: int
    """Offset after its last character (instrument name included)."""
    citation: Citation
    """The parsed value."""
    parts: tuple[tuple[int, int, int, bool], ...]
    """Spans of the written items: (start, end, index into citation.refs, is the range's end)."""


# --------------------------------------------------------------------------- writing

def _inherit(prev: tuple[Step, ...] | None, first: Step) -> tuple[Step, ...]:
    """The units an item written from `first` takes over from the previous item."""
    if prev is None:
        return ()
    return tuple(s for s in prev if s.level < first.level)


def _write_path(steps: tuple[Step, ...], prev: tuple[Step, ...] | None) -> str:
    """Write `steps`, leaving out the leading units the reader takes over from `prev`."""
    for k in range(len(steps) - 1, 0, -1):
        if _inherit(prev, steps[k]) == steps[:k]:
            return " ".join(str(s) for s in steps[k:])
    return " ".join(str(s) for s in steps)


# --------------------------------------------------------------------------- instruments

UUD = "Undang-Undang Dasar"
_ABBR = {
    "uu": "Undang-Undang", "perppu": "Peraturan Pemerintah Pengganti Undang-Undang",
    "pp": "Peraturan Pemerintah", "perpres": "Peraturan Presiden",
    "permendagri": "Peraturan Menteri Dalam Negeri",
    "permenpanrb": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "permenpan-rb": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "perda": "Peraturan Daerah", "pergub": "Peraturan Gubernur", "perbup": "Peraturan Bupati",
    "perwali": "Peraturan Wali Kota", "perwako": "Peraturan Wali Kota", "kepgub": "Keputusan Gubernur",
    "kepbup": "Keputusan Bupati", "kepwali": "Keputusan Wali Kota",
}
_JENIS_HEAD = r"(?:Undang-[Uu]ndang|Peraturan|Keputusan|Instruksi)"
_JENIS_WORD = r"(?:[A-Z][\w-]*|dan)"
_NOMOR = r"(?P<nomor>\d(?:[\w./-]*[\w])?)"
_INSTRUMENT_RES = (
    ("uud", re.compile(r"(?:Undang-Undang Dasar(?: Negara Republik Indonesia)?|UUD(?: NRI)?)"
                       r"(?: Tahun)? (?P<tahun>1945)\b", re.I)),
    ("long", re.compile(rf"(?P<jenis>{_JENIS_HEAD}(?: {_JENIS_WORD})*?) (?:Nomor|nomor|No\.) ?{_NOMOR}"
                        r"(?: [Tt]ahun (?P<tahun>\d{4}))?(?![\w/])")),
    ("short", re.compile(r"(?P<abbr>" + "|".join(sorted(_ABBR, key=len, reverse=True)) + r")"
                         r"(?P<wil>(?: [A-Z][\w-]*)*?) (?:No\.? ?|Nomor )?(?P<nomor>\d[\w.-]*?)"
                         r"(?:/| Tahun )(?P<tahun>\d{4})(?![\w/])", re.I)),
)


def normalise_jenis(jenis: str) -> str:
    """`Undang-undang` → `Undang-Undang`; single spaces."""
    text = re.sub(r"\s+", " ", jenis.strip())
    return re.sub(r"^Undang-undang", "Undang-Undang", text)


def _match_instrument(text: str, pos: int) -> tuple[Instrument, int] | None:
    for kind, rx in _INSTRUMENT_RES:
        m = rx.match(text, pos)
        if not m:
            continue
        if kind == "uud":
            return Instrument(UUD, None, 1945), m.end()
        tahun = int(m.group("tahun")) if m.group("tahun") else None
        if kind == "long":
            return Instrument(normalise_jenis(m.group("jenis")), m.group("nomor"), tahun), m.end()
        jenis = _ABBR[m.group("abbr").lower()] + m.group("wil")
        return Instrument(jenis, m.group("nomor"), tahun), m.end()
    return None


def parse_instrument(text: str) -> Instrument:
    """`Peraturan Menteri Dalam Negeri Nomor 138 Tahun 2017` (or `Permendagri 138/2017`)."""
    s = text.strip()
    found = _match_instrument(s, 0)
    if found is None or found[1] != len(s):
        raise CitationError(f"'{text}' is not an instrument name (e.g. 'Undang-Undang Nomor 25 Tahun 2009').")
    return found[0]


def find_instruments(text: str) -> list[tuple[int, int, Instrument]]:
    """Every instrument named in a text, with its span (for the Mengingat items)."""
    out: list[tuple[int, int, Instrument]] = []
    pos = 0
    starts = re.compile(r"\b(?=Undang-|Peraturan|Keputusan|Instruksi|UUD|" + "|".join(_ABBR) + r")", re.I)
    while True:
        m = starts.search(text, pos)
        if not m:
            return out
        found = _match_instrument(text, m.start())
        if found is None:
            pos = m.start() + 1
            continue
        inst, end = found
        out.append((m.start(), end, inst))
        pos = end


# --------------------------------------------------------------------------- scanning

_STEP_RES = {
    "pasal": re.compile(r"[Pp][Aa][Ss][Aa][Ll]\s+(\d+[A-Za-z]?)(?![\w])"),
    "diktum": re.compile(rf"[Dd][Ii][Kk][Tt][Uu][Mm]\s+({_ORD})(?![\w])", re.I),
    "lampiran": re.compile(r"[Ll][Aa][Mm][Pp][Ii][Rr][Aa][Nn](?:\s+([IVXLC]+|\d+))?(?![\w])"),
    "ayat": re.compile(r"[Aa][Yy][Aa][Tt]\s*\(\s*(\d+[a-z]?)\s*\)"),
    "huruf": re.compile(r"[Hh][Uu][Rr][Uu][Ff]\s+([a-zA-Z])(?![\w])"),
    "angka": re.compile(r"[Aa][Nn][Gg][Kk][Aa]\s+(\d+[a-z]?)(?![\w])"),
}
_BARE_RES = {
    "pasal": re.compile(r"(\d+[A-Z]?)(?![\w])"),
    "ayat": re.compile(r"\(\s*(\d+[a-z]?)\s*\)"),
    "huruf": re.compile(r"([a-z])(?![\w])"),
    "angka": re.compile(r"(\d+[a-z]?)(?![\w])"),
}
_WS = re.compile(r"\s+")
_LIST_SEP = re.compile(r"\s*,\s*(?:(dan|atau)\s+)?|\s+(dan|atau)\s+")
_RANGE_SEP = re.compile(r"\s+(?:sampai\s+dengan|s\.\s?d\.?|s/d)\s+", re.I)
_PREFIX = re.compile(r"(?:sebagaimana\s+(?:di)?maksud\s+)?(?:dalam|pada|dlm)\s+", re.I)
_SELF_LAMPIRAN = re.compile(r"\s+(?:keputusan|peraturan)\b[^.;:]{0,80}?\bini\b", re.I)
_START = re.compile(r"(?<![\w-])(?=[Pp]asal\s|PASAL\s|[Dd]iktum\s|DIKTUM\s|[Ll]ampiran\b|LAMPIRAN\b|[Aa]yat\s*\(|[Hh]uruf\s|[Aa]ngka\s)")


def _canon(kind: str, raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = re.sub(r"\s+", " ", raw)
    if kind == "pasal":
        return raw.upper()
    if kind == "diktum":
        return raw.upper()
    if kind == "lampiran":
        return int_to_roman(int(raw)) if raw.isdigit() else raw
    if kind == "huruf":
        return raw.lower()
    return raw


def _step_at(text: str, pos: int, kind: str) -> tuple[Step, int] | None:
    m = _STEP_RES[kind].match(text, pos)
    if not m:
        return None
    if kind == "lampiran" and m.group(1) and not m.group(1).isdigit() and roman_to_int(m.group(1)) is None:
        return None
    return Step(kind, _canon(kind, m.group(1))), m.end()


def _path_at(text: str, pos: int, min_level: int = 0, strict: bool = False) -> tuple[tuple[Step, ...], int] | None:
    """A path of units in increasing level starting at `pos`, e.g. `Pasal 18 ayat (1) huruf a`."""
    steps: list[Step] = []
    end = pos
    cur = pos
    level = min_level
    while True:
        got = None
        for kind in ("pasal", "diktum", "lampiran", "ayat", "huruf", "angka"):
            if LEVEL[kind] < level or (steps and kind in HEADS):
                continue
            got = _step_at(text, cur, kind)
            if got:
                break
        if got is None:
            break
        step, after = got
        steps.append(step)
        end = after
        level = step.level + 1
        ws = _WS.match(text, after)
        cur = ws.end() if ws else after
        if ws is None:
            break
    if not steps:
        return None
    if steps[0].kind == "lampiran" and steps[0].num is None:
        # A lone "lampiran" is a common noun unless it names this instrument's appendix.
        if len(steps) == 1 and not strict and not _SELF_LAMPIRAN.match(text, end):
            return None
    return tuple(steps), end


def _item_at(text: str, pos: int, prev: tuple[Step, ...] | None,
             strict: bool) -> tuple[tuple[Step, ...], int] | None:
    """An item after a separator: a path (taking over units from `prev`) or a bare number/letter."""
    got = _path_at(text, pos, strict=strict)
    if got:
        steps, end = got
        return _inherit(prev, steps[0]) + steps, end
    if prev:
        last = prev[-1]
        rx = _BARE_RES.get(last.kind)
        if rx:
            m = rx.match(text, pos)
            if m:
                return prev[:-1] + (Step(last.kind, _canon(last.kind, m.group(1))),), m.end()
    return None


def _citation_at(text: str, pos: int, strict: bool) -> Found | None:
    first = _path_at(text, pos, strict=strict)
    if first is None:
        return None
    steps, end = first
    refs: list[Ref] = []
    parts: list[tuple[int, int, int, bool]] = []
    conj = "dan"
    cur_steps, cur_start, cur_end = steps, pos, end
    range_end: tuple[tuple[Step, ...], int, int] | None = None

    def close() -> None:
        parts.append((cur_start, cur_end, len(refs), False))
        if range_end is not None:
            parts.append((range_end[1], range_end[2], len(refs), True))
            refs.append(Ref(cur_steps, range_end[0]))
        else:
            refs.append(Ref(cur_steps))

    while True:
        last_steps = range_end[0] if range_end else cur_steps
        rng = _RANGE_SEP.match(text, cur_end if range_end is None else range_end[2])
        if rng and range_end is None:
            item = _item_at(text, rng.end(), cur_steps, strict)
            if item and item[0][-1].kind == cur_steps[-1].kind and len(item[0]) == len(cur_steps):
                range_end = (item[0], rng.end(), item[1])
                continue
        sep = _LIST_SEP.match(text, cur_end if range_end is None else range_end[2])
        if sep:
            item = _item_at(text, sep.end(), last_steps, strict)
            if item:
                close()
                word = sep.group(1) or sep.group(2)
                if word:
                    conj = word.lower()
                cur_steps, cur_start, cur_end = item[0], sep.end(), item[1]
                range_end = None
                continue
        break
    close()
    end = parts[-1][1]
    instrument = None
    ws = _WS.match(text, end)
    if ws:
        inst = _match_instrument(text, ws.end())
        if inst:
            instrument, end = inst
    return Found(pos, end, Citation(tuple(refs), conj, instrument), tuple(parts))


def parse(text: str) -> Citation:
    """Parse one whole citation; raise CitationError when the text is anything else or more."""
    s = text.strip()
    if not s:
        raise CitationError("empty citation.")
    pre = _PREFIX.match(s)
    pos = pre.end() if pre else 0
    found = _citation_at(s, pos, strict=True)
    if found is None:
        raise CitationError(f"'{text}' does not start with Pasal, ayat, huruf, angka, Diktum or Lampiran.")
    if found.end != len(s):
        raise CitationError(f"'{text}' is not a single citation: cannot read '{s[found.end:]}'.")
    return found.citation


def find_all(text: str) -> list[Found]:
    """Every citation in a provision's text, left to right, never overlapping."""
    out: list[Found] = []
    pos = 0
    while True:
        m = _START.search(text, pos)
        if not m:
            return out
        start = m.start()
        if text.startswith(("angka", "Angka"), start) and not re.search(r"(?:dalam|pada)\s+$", text[:start]):
            pos = start + 1  # a bare "angka 3" is a number in prose unless it is cited
            continue
        found = _citation_at(text, start, strict=False)
        if found is None:
            pos = start + 1
            continue
        out.append(found)
        pos = found.end


# --------------------------------------------------------------------------- typed queries

@dataclass(frozen=True, slots=True)
class Typed:
    """A citation as someone types it into the "Cari pasal" box, read as far as it goes.

    `content/assets/xref.js` (`keCariPasal.read`) reads queries the same way; the shared table
    `tests/data/cari_pasal.json` holds both readers to the same answers.
    """

    text: str
    """The query normalised: lower case, typed abbreviations and bare items written out."""
    path: tuple[Step, ...]
    """The provision path read (`Pasal 11 huruf c`); empty when the query names no Pasal, Diktum or Lampiran."""
    peraturan: str
    """What is left around the path, which should name the regulation (`perbup 51/2020`); may be empty."""

    @property
    def key(self) -> str:
        """The path as the jump index writes it: the canonical one-item citation, lower-cased."""
        return str(Citation((Ref(self.path),))).lower() if self.path else ""


# Typed shorthands → the written forms the parser reads; bare items right after a Pasal (`Pasal
# 11 c`, `ps. 11 (2) (c)`) are its ayat and huruf, as a reader would take them.
_TYPED_SUBS = (
    (re.compile(r"[\u201c\u201d\"']"), ""),
    (re.compile(r"\s+"), " "),
    (re.compile(r"\b(?:pasal|psl|ps)\.? ?(?=[0-9])"), "pasal "),
    (re.compile(r"\b(?:ayat|ay\.) ?\(? ?([0-9]+[a-z]?)(?: ?\))?"), r"ayat (\1)"),
    (re.compile(r"\b(?:huruf|hrf\.?|hr\.) ?\(? ?([a-z])(?: ?\))?(?![a-z0-9])"), r"huruf \1"),
    (re.compile(r"\b(?:angka|angk\.?) ?\(? ?([0-9]+[a-z]?)(?: ?\))?(?![a-z0-9])"), r"angka \1"),
    (re.compile(r"\b(pasal [0-9]+[a-z]?) ?\(([0-9]+[a-z]?)\)"), r"\1 ayat (\2)"),
    (re.compile(r"\b(pasal [0-9]+[a-z]?(?: ayat \([0-9]+[a-z]?\))?)(?: \(?| ?\()([a-z])\)?(?![a-z0-9./-])"), r"\1 huruf \2"),
)
_TYPED_PREFIX = re.compile(r"^(?:sebagaimana (?:di)?maksud )?(?:dalam|pada) ")
_TYPED_HEAD = re.compile(r"(?:^| )(?=pasal [0-9]|diktum ke|lampiran(?![a-z]))")
_TYPED_JOIN = re.compile(r"^(?:[,;:] ?)?(?:(?:dalam|pada|dari) )?")


def normalise_typed(text: str) -> str:
    """Lower case, one space, shorthands written out (`psl 11 c` → `pasal 11 huruf c`)."""
    out = text.lower().replace("\u00a0", " ").strip()
    for rx, repl in _TYPED_SUBS:
        out = rx.sub(repl, out)
    return out.strip().rstrip(".,;: ")


def read_typed(text: str) -> Typed:
    """Read a typed query: the provision path wherever it stands (`Perbup 51/2020 pasal 11` too)
    and the words around it, which name the regulation. Never raises: what is not read stays text."""
    q = _TYPED_PREFIX.sub("", normalise_typed(text))
    m = _TYPED_HEAD.search(q)
    if m is None:
        return Typed(q, (), q)
    before, prov = q[:m.start()], q[m.end():]
    # The parser reads Roman Lampiran numbers in capitals only.
    got = _path_at(re.sub(r"^lampiran ([ivxlc]+)(?![a-z0-9])", lambda r: "lampiran " + r[1].upper(), prov),
                   0, strict=True)
    if got is None:
        return Typed(q, (), q)
    steps, end = got
    rest = _TYPED_JOIN.sub("", f"{before} {_TYPED_JOIN.sub('', prov[end:].strip())}".strip())
    return Typed(q, steps, rest.strip())
