"""From a source text to a draft: a pipeline of small stages over one `Context`.

Each stage reads what the stages before it put into the context and adds its own part (`STAGES`,
in order): the cleaned lines, the parts of the regulation, the heading, the Menimbang/Mengingat
lists, the body, the closing (signatures, Tembusan), the Lampiran, the region and body from the
registries, the names (id, tahun, singkatan), the data dict, and the report. A stage can be run
and tested alone on a context that holds what it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import lampiran as lampiran_mod
from . import markers as mk
from . import metadata, rules, segment, slides, structure
from .lines import Line, Log, read_lines
from .nodes import DNode
from .registry import Registry, body_name, region_of, slugify
from .report import Report


@dataclass
class Draft:
    data: dict
    """The regulation as it goes into YAML (keys in the order of regulations/README.md)."""
    comments: dict[tuple, list[str]]
    """Comments for the YAML writer, by key path (e.g. ("ditetapkan", "nama"))."""
    report: Report


@dataclass
class Context:
    """Everything the stages share: the input, what each stage found, and what is left to a human."""

    text: str
    source_name: str
    data_dir: Path | None = None
    reg_id: str | None = None
    target: str = "(stdout)"
    noise: dict[int, str] | None = None
    """Line numbers a layout-aware reader already knows to be noise (a PDF's running header, its
    page numbers), with the rule; they are dropped first, into `sumber.derau`."""
    log: Log = field(default_factory=Log)
    raw_lines: list[Line] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    """The lines after the line rules (noise dropped, misreadings repaired)."""
    words: dict[str, int] = field(default_factory=dict)
    """The document's own words and how often they occur (to decide hyphenation)."""
    parts: segment.Parts = field(default_factory=segment.Parts)
    used: set[int] = field(default_factory=set)
    """Source line numbers placed in the draft."""
    checks: list[tuple[int, str]] = field(default_factory=list)
    """(source line, what to check): the guesses of the structure rules."""
    unknown: list[tuple[tuple, str]] = field(default_factory=list)
    """(key path, what to do): fields left empty for a human."""
    report: Report = field(default_factory=lambda: Report(source="", target=""))
    """Made afresh by read_stage, which names the source; a stage run alone may be given one."""
    title: metadata.Title = field(default_factory=metadata.Title)
    title_lines: set[str] = field(default_factory=set)
    menimbang: list[DNode] = field(default_factory=list)
    mengingat: list[DNode] = field(default_factory=list)
    memutuskan: str | None = None
    peraturan: bool = False
    body: list[DNode] = field(default_factory=list)
    penutup: list[str] = field(default_factory=list)
    deck: bool = False
    cleaned: list[list[Line]] = field(default_factory=list)
    """The running-text lines of Menimbang, Mengingat and the body after the text rules."""
    signatures: dict[str, dict] = field(default_factory=dict)
    pengundangan: str | None = None
    tembusan: list[str] = field(default_factory=list)
    lampiran: list[dict] = field(default_factory=list)
    wilayah: dict | None = None
    region: tuple[str, str] | None = None
    penyelenggara: dict | None = None
    tahun: int | None = None
    singkatan: str | None = None
    data: dict = field(default_factory=dict)

    def need(self, path: tuple, what: str) -> None:
        self.unknown.append((path, what))


# --------------------------------------------------------------------------- stages

def read_stage(ctx: Context) -> None:
    """Source lines, then the line rules (noise, misreadings, spaced letters, split words)."""
    ctx.raw_lines = read_lines(ctx.text)
    for ln in ctx.raw_lines:
        if ctx.noise and ln.no in ctx.noise and ln.text:
            ctx.log.drop(ln, ctx.noise[ln.no])
            ln.text = ""
    ctx.report = Report(source=ctx.source_name, target=ctx.target)
    ctx.report.lines_read = sum(1 for ln in ctx.raw_lines if ln.text)
    lines = rules.clean_lines(list(ctx.raw_lines), ctx.log)
    ctx.lines = rules.join_split_words(lines, ctx.log)
    ctx.words = rules.vocabulary(ctx.lines)


def parts_stage(ctx: Context) -> None:
    ctx.parts = segment.split(ctx.lines)


def heading_stage(ctx: Context) -> None:
    """Kepala, title (jenis, nomor, tahun, tentang) and the opening formula."""
    ctx.title = metadata.parse_preamble(ctx.parts.preamble, ctx.log, ctx.used)
    ctx.title_lines = set(ctx.title.kepala) | {ctx.title.judul or ""}
    for note in ctx.title.notes:
        ctx.report.checks.append(("judul", note))


def _nodes_from(ctx: Context, lines: list[Line], peraturan: bool) -> tuple[list[DNode], structure.BodyParser]:
    lines = rules.clean_text(lines, ctx.log, ctx.title_lines, ctx.words)
    ctx.cleaned.append(lines)
    parser = structure.BodyParser(ctx.log, ctx.used, peraturan=peraturan)
    root = parser.parse(structure.classify(lines))
    ctx.checks.extend(parser.checks)
    return root.children, parser


def preamble_stage(ctx: Context) -> None:
    """Menimbang and Mengingat as lists (each cited instrument read into `dasar`), and Menetapkan."""
    ctx.menimbang, _ = _nodes_from(ctx, ctx.parts.menimbang, False)
    ctx.mengingat, _ = _nodes_from(ctx, ctx.parts.mengingat, False)
    for node in ctx.mengingat:
        if node.type == "angka" and node.text:
            node.dasar = metadata.parse_dasar(node.text)
            if node.dasar is None:
                node.checks.append("CHECK: the cited instrument could not be read into dasar; add it")
    ctx.memutuskan = " ".join(ln.text for ln in ctx.parts.memutuskan if ln.text).strip() or None
    ctx.used.update(ln.no for ln in ctx.parts.memutuskan)


def body_stage(ctx: Context) -> None:
    """The Pasal of a Peraturan or the Diktum of a Keputusan; a slide deck's opening slide."""
    parts = ctx.parts
    ctx.peraturan = (ctx.title.jenis or "").startswith("Peraturan") or any(
        mk.PASAL.match(ln.text) or mk.BAB.match(ln.text) for ln in parts.body)
    ctx.body, parser = _nodes_from(ctx, parts.body, ctx.peraturan)
    ctx.penutup = parser.penutup
    # A deck names itself ("Diseminasi", "Sosialisasi"), or shows itself: a title but neither
    # Menimbang nor Mengingat, Pasal nor Diktum, which every enacted text has.
    summary = ctx.title.jenis is not None and not (parts.menimbang or parts.mengingat) and not any(
        mk.DIKTUM.match(ln.text) for ln in parts.body)
    ctx.deck = (summary or bool(re.search(r"\bDiseminasi\b|\bSosialisasi\b", ctx.text, re.IGNORECASE))) \
        and not any(mk.PASAL.match(ln.text) for ln in ctx.lines)
    first_signature = min((block[0].no for _, block in parts.signatures), default=None)
    if ctx.deck and first_signature and (slide := slides.opening_slide(parts.preamble, ctx.used, first_signature)):
        ctx.body.insert(0, slide)
        ctx.checks.append((slide.no, "a slide between the opening and the signatures was placed as the first "
                                     "group of the body; check"))


def _running_headers(ctx: Context) -> set[str]:
    return {n.text for n in ctx.log.noise if n.rule == "running header"}


def closing_stage(ctx: Context) -> None:
    """Signature blocks (a running header among them dropped), pengundangan and Tembusan."""
    headers = _running_headers(ctx)
    for kind, block in ctx.parts.signatures:
        for ln in [ln for ln in block if ln.text and ln.raw.strip() in headers]:
            ctx.log.drop(ln, "running header")
            block.remove(ln)
        sig = metadata.parse_signature(block, ctx.used)
        if kind in ctx.signatures:
            ctx.report.checks.append((kind, f"a second '{kind}' block at line {block[0].no} was not used"))
            continue
        ctx.signatures[kind] = sig
        _check_name(sig, kind, ctx.report)
    ctx.used.update(ln.no for ln in ctx.parts.pengundangan)
    ctx.pengundangan = ctx.parts.pengundangan[0].text if ctx.parts.pengundangan else None
    for ln in ctx.parts.tembusan:
        if ln.text:
            ctx.used.add(ln.no)
            it = mk.item(ln.text)
            ctx.tembusan.append(it.text if it and it.text else ln.text)


def lampiran_stage(ctx: Context) -> None:
    jabatan = (ctx.signatures.get("ditetapkan") or {}).get("jabatan")
    for lines in ctx.parts.lampiran:
        lamp, checks = lampiran_mod.parse(lines, jabatan, ctx.log, ctx.used, ctx.title_lines)
        ctx.lampiran.append(lamp)
        ctx.checks.extend(checks)


def registry_stage(ctx: Context) -> None:
    """The issuing region and the body, looked up in the registries."""
    title = ctx.title
    registry = Registry(ctx.data_dir)
    kind = next((k for _p, j, k in metadata.JENIS if j == title.jenis), None)
    ctx.region = region = region_of(kind, title.issuer, title.kepala + title.pembukaan + [title.tentang or ""])
    ctx.wilayah = registry.find_wilayah(*region) if region else None
    kode = ctx.wilayah.get("kode") if ctx.wilayah else None
    if region is None:
        ctx.need(("wilayah",), "the issuing region was not found in the title; write its code from _wilayah.yaml")
    elif ctx.wilayah is None:
        ctx.need(("wilayah",), f"{region[0]} {region[1]} is not in _wilayah.yaml: add it with its Kemendagri "
                               "code, then write the code here")
    body_nm = body_name(title.jenis, title.issuer, title.tentang)
    ctx.penyelenggara = registry.find_penyelenggara(kode, body_nm) if kode else None
    if ctx.penyelenggara is None:
        name = body_nm or (f"Pemerintah {region[0].capitalize()} {region[1]}" if region else "the body")
        ctx.need(("penyelenggara",), f"'{name}' is not in _penyelenggara.yaml: add it (id, nama, wilayah, "
                                     "kepala), then write its id here")


def names_stage(ctx: Context) -> None:
    """tahun (from the title, else the date or the nomor), the id, and the short name for citations."""
    title, report = ctx.title, ctx.report
    region_name = ctx.wilayah.get("nama") if ctx.wilayah else (ctx.region[1] if ctx.region else None)
    short = metadata.SHORT.get(title.jenis or "", "")
    tahun = title.tahun
    if tahun is None:
        tahun = next((s["tanggal"].year for s in ctx.signatures.values() if s.get("tanggal")), None)
        if tahun is None and title.nomor and re.search(r"(19|20)\d\d$", title.nomor):
            tahun = int(title.nomor[-4:])
        if tahun is not None:
            report.checks.append(("tahun", f"no TAHUN in the title; {tahun} taken from the date or the nomor"))
    ctx.tahun = tahun
    if ctx.reg_id is None:
        nomor_simple = title.nomor and re.fullmatch(r"[\w.-]+", title.nomor)
        parts_id = [short.replace("Kep. ", "kep-").replace("Per. ", "per-"), region_name or "", title.nomor if nomor_simple else "",
                    str(tahun or "")]
        ctx.reg_id = slugify(" ".join(p for p in parts_id if p)) or "peraturan-baru"
    if short and region_name and title.nomor:
        ctx.singkatan = f"{short} {region_name} {title.nomor}" + (
            f"/{tahun}" if (title.jenis or "").startswith("Peraturan") and tahun else "")
    for key, value, what in (("jenis", title.jenis, "the kind of instrument (see regulations/README.md)"),
                             ("nomor", title.nomor, "the number as written"),
                             ("tahun", tahun, "the year"),
                             ("tentang", title.tentang, "the subject")):
        if not value:
            ctx.need((key,), f"{what} was not found")
    if ctx.singkatan:
        report.checks.append(("singkatan", f"'{ctx.singkatan}' was made up from jenis, region and nomor; "
                                           "shorten it as citations usually do"))
    else:
        ctx.need(("singkatan",), "write the short name used in citations, e.g. Perbup Bengkayang 51/2020")
    if title.tentang and mk.is_caps(title.judul or ""):
        report.checks.append(("tentang", "turned from capitals into title case; check small words and names"))
    if ctx.deck:
        report.checks.append(("sumber.jenis", "the source looks like a dissemination slide deck "
                                              "(bahan_diseminasi): say so in sumber.catatan"))
    ctx.need(("sumber", "catatan"), "describe the source in Bahasa Indonesia (what it is, what it lacks); it is "
                                    "shown on the site")
    ctx.need(("status",), "'berlaku' was assumed: check whether the regulation was revoked or amended")


def _penetapan(ctx: Context, kind: str, optional: bool) -> dict | None:
    sig = ctx.signatures.get(kind)
    if sig is None:
        if not optional:
            ctx.need((kind,), f"no '{kind.capitalize()} di' block was found")
        return None
    out = {"tempat": sig["tempat"], "tanggal": sig["tanggal"].isoformat() if sig["tanggal"] else None,
           "jabatan": sig["jabatan"], "nama": sig["nama"], "nip": sig["nip"]}
    if kind == "ditetapkan" or sig.get("pangkat"):
        out["pangkat"] = sig.get("pangkat")
    for field_name in ("tempat", "tanggal", "jabatan", "nama"):
        if out[field_name] is None:
            ctx.need((kind, field_name), "not found in the source")
    return out


def data_stage(ctx: Context) -> None:
    """The draft as a dict in the order of regulations/README.md."""
    title = ctx.title
    ditetapkan = _penetapan(ctx, "ditetapkan", False)
    diundangkan = _penetapan(ctx, "diundangkan", title.jenis is not None and title.jenis.startswith("Keputusan"))
    data: dict = {
        "id": ctx.reg_id, "jenis": title.jenis, "nomor": title.nomor,
        "tahun": str(ctx.tahun) if ctx.tahun else None, "tentang": title.tentang, "singkatan": ctx.singkatan,
        "wilayah": ctx.wilayah.get("kode") if ctx.wilayah else None,
        "penyelenggara": ctx.penyelenggara.get("id") if ctx.penyelenggara else None,
        "status": {"keadaan": "berlaku", "oleh": None, "catatan": None},
        "sumber": {"berkas": ctx.source_name, "jenis": "bahan_diseminasi" if ctx.deck else "naskah_lengkap",
                   "catatan": None, "perbaikan": _perbaikan(ctx.log, ctx.text, ctx.report),
                   "derau": _derau(ctx.log)},
        "kepala": title.kepala or None, "judul": title.judul, "pembukaan": title.pembukaan or None,
        "menimbang": ctx.menimbang or None, "mengingat": ctx.mengingat or None, "memutuskan": ctx.memutuskan,
    }
    data["batang_tubuh" if ctx.peraturan else "diktum"] = ctx.body or None
    data.update({"penutup": ctx.penutup or None, "ditetapkan": ditetapkan})
    if diundangkan is not None:
        data["diundangkan"] = diundangkan
    data.update({"pengundangan": ctx.pengundangan, "tembusan": ctx.tembusan or None,
                 "lampiran": ctx.lampiran or None, "catatan": None})
    if not ctx.body:
        ctx.need(("batang_tubuh" if ctx.peraturan else "diktum",), "no provisions were found")
    if not ctx.menimbang:
        ctx.need(("menimbang",), "no Menimbang items were found")
    if not ctx.mengingat:
        ctx.need(("mengingat",), "no Mengingat items were found")
    ctx.data = data


def report_stage(ctx: Context) -> None:
    """Counts, noise, repairs, unplaced lines and what is left to a human."""
    report, log, parts = ctx.report, ctx.log, ctx.parts
    report.count_nodes(ctx.menimbang + ctx.mengingat + ctx.body)
    for lamp in ctx.lampiran:
        report.count_nodes(lamp["children"])
        if lamp["ditetapkan"] is None:
            report.checks.append((f"lampiran {lamp['num'] or ''}".strip(), "no signature found under it"))
    report.lampiran = len(ctx.lampiran)
    report.repairs = list(log.repairs)
    report.formatting = dict(log.formatting)
    # A running header found in the text is a header wherever it stands (e.g. among the signatures).
    headers = _running_headers(ctx)
    for region_lines in (parts.preamble, parts.other):
        for ln in region_lines:
            if ln.text and ln.no not in ctx.used and ln.raw.strip() in headers:
                log.drop(ln, "running header")
    report.noise = list(log.noise)
    noise_nos = {n.no for n in log.noise}
    seen: set[int] = set()
    for region_lines in [parts.preamble, parts.other, *ctx.cleaned]:
        for ln in region_lines:
            if ln.text and ln.no not in ctx.used and ln.no not in noise_nos and ln.no not in seen:
                seen.add(ln.no)
                report.unplaced.append((ln.no, ln.text))
    report.unplaced.sort()
    report.page_of = {ln.no: ln.page for ln in ctx.raw_lines} if any(ln.page > 1 for ln in ctx.raw_lines) else {}
    for no, what in sorted(ctx.checks + ctx.log.guesses):
        report.checks.append((report.where(no), what))
    report.warnings = plausibility(ctx)
    for path, what in ctx.unknown:
        report.unknown.append((".".join(path), what))


RUN_IN_MARKERS = re.compile(r"[;:.]\s+(?:dan\s+|atau\s+)?(?:[a-z]|\d{1,3}|\(\d{1,3}\))[.)]?\s+[a-zA-Z]")


def plausibility(ctx: Context) -> list[str]:
    """Signs that the structure is wrong as a whole (each is for a human to look at first)."""
    out: list[str] = []
    page_of = {ln.no: ln.page for ln in ctx.raw_lines}
    nodes = [n for top in ctx.menimbang + ctx.mengingat + ctx.body for n in top.walk()]
    nodes += [n for lamp in ctx.lampiran for top in lamp["children"] for n in top.walk()]
    for n in nodes:
        n.page = page_of.get(n.no, 1)
    # Each guess also stands as a CHECK comment on the provision it made (the first one starting on
    # that source line: the pieces of a split line share its number).
    first_on: dict[int, DNode] = {}
    for n in nodes:
        first_on.setdefault(n.no, n)
    for no, what in ctx.log.guesses:
        node = first_on.get(no)
        if node is not None and f"CHECK: {what}" not in node.checks:
            node.checks.append(f"CHECK: {what}")
    empty = [n for n in nodes if n.type in ("ayat", "huruf", "angka", "diktum", "pasal")
             and not (n.text or n.heading or n.children)]
    if empty:
        out.append(f"{len(empty)} provisions have no words (e.g. {empty[0].type} {empty[0].num or ''} at "
                   f"{ctx.report.where(empty[0].no)}): a label or marker on a line of its own lost its text?")
    for n in nodes:
        markers = len(RUN_IN_MARKERS.findall(n.text or ""))
        if n.type != "formulir" and markers >= 3:
            out.append(f"{n.type} {n.num or ''} at {ctx.report.where(n.no)} holds {markers} list markers in one "
                       "text: run-in items that were not split?")
    title = ctx.title
    if not title.judul:
        out.append("no title was found: jenis, nomor, tahun and tentang are empty")
    elif len(title.judul) > 400 or any(len(k) > 160 for k in title.kepala):
        out.append("the title or the heading above it is very long: page or site text taken as heading?")
    if not ctx.body:
        out.append("no Pasal or Diktum was found")
    return out


STAGES: list[Callable[[Context], None]] = [
    read_stage, parts_stage, heading_stage, preamble_stage, body_stage, closing_stage, lampiran_stage,
    registry_stage, names_stage, data_stage, report_stage,
]


def run(ctx: Context, stages: list[Callable[[Context], None]] | None = None) -> Context:
    for stage in STAGES if stages is None else stages:
        stage(ctx)
    return ctx


def build(text: str, source_name: str, data_dir: Path | None = None, reg_id: str | None = None,
          target: str = "(stdout)", noise: dict[int, str] | None = None) -> Draft:
    ctx = run(Context(text=text, source_name=source_name, data_dir=data_dir, reg_id=reg_id, target=target,
                      noise=noise))
    comments: dict[tuple, list[str]] = {}
    for path, what in ctx.unknown:
        comments.setdefault(path, []).append(f"TODO: {what}")
    return Draft(data=ctx.data, comments=comments, report=ctx.report)


def _check_name(sig: dict, place: str, report: Report) -> None:
    """A word of the position in front of the name is usually the stamp read as text."""
    nama, jabatan = sig.get("nama") or "", sig.get("jabatan") or ""
    first = nama.split()[0] if nama.split() else ""
    if len(nama.split()) > 1 and first.isupper() and first.strip(",.") in jabatan.replace(",", " ").split():
        report.checks.append((f"{place}.nama", f"'{nama}' starts with '{first}', a word of the position: "
                                               "probably the stamp read as text; check the name"))


def _perbaikan(log: Log, source: str, report: Report) -> list[dict]:
    """One entry per distinct repair; `dari` must stand in the source as written (the loader checks)."""
    out, seen = [], set()
    for r in log.repairs:
        key = (r.dari, r.menjadi)
        if key in seen:
            continue
        seen.add(key)
        if r.dari not in source:
            report.checks.append((f"line {r.no}", f"repair {r.dari!r} -> {r.menjadi!r} could not be "
                                                  "quoted from the source; write its 'dari' by hand"))
            continue
        out.append({"dari": r.dari, "menjadi": r.menjadi, "alasan": r.alasan})
    return out


def _derau(log: Log) -> list[str]:
    out: list[str] = []
    for n in log.noise:
        if n.text and n.text not in out:
            out.append(n.text)
    return out
