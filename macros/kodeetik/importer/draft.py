"""From a source text to a draft: cleaning, parts, metadata, structure, in that order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import lampiran as lampiran_mod
from . import markers as mk
from . import metadata, rules, segment, slides, structure
from .lines import Line, Log, read_lines
from .nodes import DNode
from .registry import Registry, body_name, region_of, slugify
from .report import Report

MEMUTUSKAN_LABEL = re.compile(r"^Menetapkan\s*:?\s*")


@dataclass
class Draft:
    data: dict
    """The regulation as it goes into YAML (keys in the order of regulations/README.md)."""
    comments: dict[tuple, list[str]]
    """Comments for the YAML writer, by key path (e.g. ("ditetapkan", "nama"))."""
    report: Report


def _nodes_from(lines: list[Line], log: Log, used: set[int], title_lines: set[str], peraturan: bool,
                checks: list) -> tuple[list[DNode], structure.BodyParser, list[Line]]:
    lines = rules.clean_text(lines, log, title_lines)
    parser = structure.BodyParser(log, used, peraturan=peraturan)
    root = parser.parse(structure.classify(lines))
    checks.extend(parser.checks)
    return root.children, parser, lines


def build(text: str, source_name: str, data_dir: Path | None = None, reg_id: str | None = None,
          target: str = "(stdout)") -> Draft:
    log = Log()
    raw_lines = read_lines(text)
    lines = rules.clean_lines(raw_lines, log)
    lines = rules.join_split_words(lines, log)
    parts = segment.split(lines)
    used: set[int] = set()
    checks: list[tuple[int, str]] = []
    report = Report(source=source_name, target=target)
    report.lines_read = sum(1 for ln in raw_lines if ln.text)
    unknown: list[tuple[tuple, str]] = []
    comments: dict[tuple, list[str]] = {}

    title = metadata.parse_preamble(parts.preamble, log, used)
    title_lines = set(title.kepala) | {title.judul or ""}
    for note in title.notes:
        report.checks.append(("judul", note))

    menimbang, _, men_lines = _nodes_from(parts.menimbang, log, used, title_lines, False, checks)
    mengingat, _, ing_lines = _nodes_from(parts.mengingat, log, used, title_lines, False, checks)
    for node in mengingat:
        if node.type == "angka" and node.text:
            node.dasar = metadata.parse_dasar(node.text)
            if node.dasar is None:
                node.checks.append("CHECK: the cited instrument could not be read into dasar; add it")
    memutuskan_text = " ".join(ln.text for ln in parts.memutuskan if ln.text).strip() or None
    for ln in parts.memutuskan:
        used.add(ln.no)

    peraturan = (title.jenis or "").startswith("Peraturan") or any(
        mk.PASAL.match(ln.text) or mk.BAB.match(ln.text) for ln in parts.body)
    body, parser, body_lines = _nodes_from(parts.body, log, used, title_lines, peraturan, checks)
    penutup = parser.penutup
    deck = bool(re.search(r"\bDiseminasi\b|\bSosialisasi\b", text, re.IGNORECASE)) and not any(
        mk.PASAL.match(ln.text) for ln in lines)
    first_signature = min((block[0].no for _, block in parts.signatures), default=None)
    if deck and first_signature and (slide := slides.opening_slide(parts.preamble, used, first_signature)):
        body.insert(0, slide)
        checks.append((slide.no, "a slide between the opening and the signatures was placed as the first "
                                 "group of the body; check"))

    signatures: dict[str, dict] = {}
    headers = {n.text for n in log.noise if n.rule == "running header"}
    for kind, block in parts.signatures:
        for ln in [ln for ln in block if ln.text and ln.raw.strip() in headers]:
            log.drop(ln, "running header")
            block.remove(ln)
        sig = metadata.parse_signature(block, used)
        if kind in signatures:
            report.checks.append((kind, f"a second '{kind}' block at line {block[0].no} was not used"))
            continue
        signatures[kind] = sig
        _check_name(sig, kind, report)
    for ln in parts.pengundangan:
        used.add(ln.no)
    pengundangan = parts.pengundangan[0].text if parts.pengundangan else None
    tembusan = []
    for ln in parts.tembusan:
        if ln.text:
            used.add(ln.no)
            it = mk.item(ln.text)
            tembusan.append(it.text if it and it.text else ln.text)

    jabatan = (signatures.get("ditetapkan") or {}).get("jabatan")
    lampiran = []
    for lines_l in parts.lampiran:
        lamp, lchecks = lampiran_mod.parse(lines_l, jabatan, log, used, title_lines)
        lampiran.append(lamp)
        checks.extend(lchecks)

    # Region and body, from the registries.
    registry = Registry(data_dir)
    jenis_kind = next((k for p, j, k in metadata.JENIS if j == title.jenis), None)
    region = region_of(jenis_kind, title.issuer, title.kepala + title.pembukaan + [title.tentang or ""])
    wilayah = registry.find_wilayah(*region) if region else None
    kode = wilayah.get("kode") if wilayah else None
    if region is None:
        unknown.append((("wilayah",), "the issuing region was not found in the title; write its code "
                                      "from _wilayah.yaml"))
    elif wilayah is None:
        unknown.append((("wilayah",), f"{region[0]} {region[1]} is not in _wilayah.yaml: add it with its "
                                      "Kemendagri code, then write the code here"))
    body_nm = body_name(title.jenis, title.issuer, title.tentang)
    pen = registry.find_penyelenggara(kode, body_nm) if kode else None
    if pen is None:
        name = body_nm or (f"Pemerintah {region[0].capitalize()} {region[1]}" if region else "the body")
        unknown.append((("penyelenggara",), f"'{name}' is not in _penyelenggara.yaml: add it (id, nama, "
                                            "wilayah, kepala), then write its id here"))

    # Names.
    region_name = wilayah.get("nama") if wilayah else (region[1] if region else None)
    short = metadata.SHORT.get(title.jenis or "", "")
    nomor_simple = title.nomor and re.fullmatch(r"[\w.-]+", title.nomor)
    tahun = title.tahun
    if tahun is None:
        tahun = next((s["tanggal"].year for s in signatures.values() if s.get("tanggal")), None)
        if tahun is None and title.nomor and re.search(r"(19|20)\d\d$", title.nomor):
            tahun = int(title.nomor[-4:])
        if tahun is not None:
            report.checks.append(("tahun", f"no TAHUN in the title; {tahun} taken from the date or the nomor"))
    if reg_id is None:
        parts_id = [short.replace("Kep. ", "kep-"), region_name or "", title.nomor if nomor_simple else "",
                    str(tahun or "")]
        reg_id = slugify(" ".join(p for p in parts_id if p)) or "peraturan-baru"
    singkatan = None
    if short and region_name and title.nomor:
        singkatan = f"{short} {region_name} {title.nomor}" + (f"/{tahun}" if (title.jenis or "").startswith("Peraturan") else "")
    for key, value, what in (("jenis", title.jenis, "the kind of instrument (see regulations/README.md)"),
                             ("nomor", title.nomor, "the number as written"),
                             ("tahun", tahun, "the year"),
                             ("tentang", title.tentang, "the subject")):
        if not value:
            unknown.append(((key,), f"{what} was not found"))
    if singkatan:
        report.checks.append(("singkatan", f"'{singkatan}' was made up from jenis, region and nomor; "
                                           "shorten it as citations usually do"))
    else:
        unknown.append((("singkatan",), "write the short name used in citations, e.g. Perbup Bengkayang 51/2020"))
    if title.tentang and mk.is_caps(title.judul or ""):
        report.checks.append(("tentang", "turned from capitals into title case; check small words and names"))

    if deck:
        report.checks.append(("sumber.jenis", "the source looks like a dissemination slide deck "
                                              "(bahan_diseminasi): say so in sumber.catatan"))
    unknown.append((("sumber", "catatan"), "describe the source in Bahasa Indonesia (what it is, what "
                                           "it lacks); it is shown on the site"))
    unknown.append((("status",), "'berlaku' was assumed: check whether the regulation was revoked or amended"))

    # Signature fields.
    def penetapan(kind: str, optional: bool) -> dict | None:
        sig = signatures.get(kind)
        if sig is None:
            if not optional:
                unknown.append(((kind,), f"no '{kind.capitalize()} di' block was found"))
            return None
        out = {"tempat": sig["tempat"], "tanggal": sig["tanggal"].isoformat() if sig["tanggal"] else None,
               "jabatan": sig["jabatan"], "nama": sig["nama"], "nip": sig["nip"]}
        if kind == "ditetapkan" or sig.get("pangkat"):
            out["pangkat"] = sig.get("pangkat")
        for field_name in ("tempat", "tanggal", "jabatan", "nama"):
            if out[field_name] is None:
                unknown.append(((kind, field_name), "not found in the source"))
        return out

    ditetapkan = penetapan("ditetapkan", False)
    diundangkan = penetapan("diundangkan", title.jenis is not None and title.jenis.startswith("Keputusan"))

    data: dict = {
        "id": reg_id, "jenis": title.jenis, "nomor": title.nomor, "tahun": str(tahun) if tahun else None,
        "tentang": title.tentang, "singkatan": singkatan, "wilayah": kode,
        "penyelenggara": pen.get("id") if pen else None,
        "status": {"keadaan": "berlaku", "oleh": None, "catatan": None},
        "sumber": {"berkas": source_name, "jenis": "bahan_diseminasi" if deck else "naskah_lengkap",
                   "catatan": None, "perbaikan": _perbaikan(log, text, report), "derau": _derau(log)},
        "kepala": title.kepala or None, "judul": title.judul, "pembukaan": title.pembukaan or None,
        "menimbang": menimbang or None, "mengingat": mengingat or None, "memutuskan": memutuskan_text,
    }
    if peraturan:
        data["batang_tubuh"] = body or None
    else:
        data["diktum"] = body or None
    data.update({"penutup": penutup or None, "ditetapkan": ditetapkan})
    if diundangkan is not None:
        data["diundangkan"] = diundangkan
    data.update({"pengundangan": pengundangan, "tembusan": tembusan or None, "lampiran": lampiran or None,
                 "catatan": None})
    if not body:
        unknown.append((("batang_tubuh" if peraturan else "diktum",), "no provisions were found"))
    if not menimbang:
        unknown.append((("menimbang",), "no Menimbang items were found"))
    if not mengingat:
        unknown.append((("mengingat",), "no Mengingat items were found"))

    # Report.
    report.count_nodes(menimbang + mengingat + body)
    for lamp in lampiran:
        report.count_nodes(lamp["children"])
        if lamp["ditetapkan"] is None:
            report.checks.append((f"lampiran {lamp['num'] or ''}".strip(), "no signature found under it"))
    report.lampiran = len(lampiran)
    report.repairs = list(log.repairs)
    report.noise = list(log.noise)
    report.formatting = dict(log.formatting)
    # A running header found in the text is a header wherever it stands (e.g. among the signatures).
    headers = {n.text for n in log.noise if n.rule == "running header"}
    for region_lines in (parts.preamble, parts.other):
        for ln in region_lines:
            if ln.text and ln.no not in used and ln.raw.strip() in headers:
                log.drop(ln, "running header")
    report.noise = list(log.noise)
    noise_nos = {n.no for n in log.noise}
    regions = [parts.preamble, parts.other, men_lines, ing_lines, body_lines]
    seen: set[int] = set()
    for region_lines in regions:
        for ln in region_lines:
            if ln.text and ln.no not in used and ln.no not in noise_nos and ln.no not in seen:
                seen.add(ln.no)
                report.unplaced.append((ln.no, ln.text))
    report.unplaced.sort()
    for no, what in checks:
        report.checks.append((f"line {no}", what))
    for path, what in unknown:
        report.unknown.append((".".join(path), what))
        comments.setdefault(path, []).append(f"TODO: {what}")
    return Draft(data=data, comments=comments, report=report)


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
