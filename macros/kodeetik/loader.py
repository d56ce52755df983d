"""Turn `regulations/` into a validated, frozen Corpus, or raise DataErrors listing every problem.

Each reader below checks one mapping: required and optional keys, their types, and unknown keys.
Errors are collected, never raised one at a time, so a maintainer sees everything in one run.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import ids, posterdata, yamlio
from .errors import Collector, DataError, DataErrors, display_path
from .lingkup import read_lingkup
from .schema import ID_RE as ID_RE
from .schema import RESERVED_IDS as RESERVED_IDS
from .schema import (MAX_TEXT, Choice, Date, Deferred, Entries, Id, Nested, Reader, Record, Schema, Str, Texts, Unique,
                     Using, Verbatim, Year, named)
from .model import (JENIS, KEDUDUKAN, NODE_TYPES, NUMBERED_TYPES, STATUS, SUMBER_JENIS, WILAYAH_JENIS, Corpus,
                    DasarMengingat, Derau, Lampiran, Node, Pejabat, Penetapan, Penyelenggara, Perbaikan, PetaRujukan,
                    Regulation, RujukanCatatan, Status, Sumber, Wilayah)

WILAYAH_FILE = "_wilayah.yaml"
PENYELENGGARA_FILE = "_penyelenggara.yaml"
KODE_RE = re.compile(r"^\d{2}(\.\d{2})?$")
NUM_RE = {
    "pasal": re.compile(r"^\d+[A-Z]?$"),
    "ayat": re.compile(r"^\d+[a-z]?$"),
    "huruf": re.compile(r"^[a-zA-Z]{1,2}$"),
    "angka": re.compile(r"^\d+[a-z]?$"),
    "paragraf": re.compile(r"^\d+$"),
    "diktum": re.compile(r"^[A-Z]+( [A-Z]+)*$"),
}
SOURCE_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.txt")
"""A source file name safe in a path and a URL: no '#', '?', space, slash or leading dot."""


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_Reader = Reader
"""The old name, still imported by readers outside this module (as are ID_RE and RESERVED_IDS)."""


# --------------------------------------------------------------------------- registries

def _read_file(errors: Collector, path: Path, display: str):
    try:
        data = yamlio.load(yamlio.read_text(str(path)))
    except yamlio.YamlProblem as exc:
        errors.add(display, exc.line, "", exc.message, exc.fix)
        return None
    except IsADirectoryError:
        errors.add(display, None, "", "this is a folder, not a file.",
                   "move the folder out of the data folder, or rename it: names ending in .yaml are data files.")
        return None
    except OSError as exc:
        errors.add(display, None, "", f"cannot read the file ({exc.strerror}).",
                   "check that it exists and is readable.")
        return None
    if data is None:
        errors.add(display, None, "", "the file is empty.",
                   "fill it in as described in regulations/README.md, or delete it.")
    return data


WILAYAH_SCHEMA = Schema(kode=Str(required=True), jenis=Choice(WILAYAH_JENIS), nama=Str(required=True))
"""One region of `_wilayah.yaml`."""


def _load_wilayah(errors: Collector, path: Path, display: str) -> list[Wilayah]:
    r = Reader(errors, display)
    data = _read_file(errors, path, display)
    if data is None:
        return []
    m = r.mapping(data, 1, "")
    if m is None or not r.keys(m, "", ("wilayah",), ("sumber",)):
        return []
    out: list[Wilayah] = []
    seen = Unique(r, "code", "keep one entry per code.", verb="listed")
    items = r.seq(m, "wilayah", "wilayah")
    for item, line in zip(items, items.item_lines):
        entry = r.mapping(item, line, "wilayah")
        if entry is None or not WILAYAH_SCHEMA.keys(r, entry, f"wilayah (line {line})"):
            continue
        where = f"wilayah {named(entry, 'kode', line)}"
        v = WILAYAH_SCHEMA.read_fields(r, entry, where)
        kode, jenis, nama = v["kode"], v["jenis"], v["nama"]
        if kode is None or jenis is None or nama is None:
            continue
        if not KODE_RE.match(kode):
            r.err(v.line("kode"), where, f"'{kode}' is not a Kemendagri code.",
                  "write two digits for a province ('64') or 'PP.KK' for a district ('61.07'), in quotes.")
            continue
        if (jenis == "provinsi") != ("." not in kode):
            r.err(v.line("jenis"), where, f"a {jenis} cannot have the code '{kode}'.",
                  "provinces have two-digit codes, districts and cities 'PP.KK'.")
            continue
        if not seen.add(kode, line, where):
            continue
        if not slugify(nama):
            r.err(v.line("nama"), where, f"the name '{nama}' gives no page address: it has no letter a-z "
                  "or digit.", "write the name in Latin letters, as Kemendagri's list does.")
            continue
        slug = slugify(nama) if jenis == "provinsi" else slugify(f"{jenis} {nama}")
        out.append(Wilayah(kode=kode, jenis=jenis, nama=nama, slug=slug))
    seen_line = seen.first
    addresses: dict[str, Wilayah] = {}
    province_slug = {w.kode: w.slug for w in out if w.is_provinsi}
    for w in out:
        if not w.is_provinsi and w.kode_provinsi not in seen_line:
            r.err(seen_line[w.kode], f"wilayah {w.kode}", f"its province '{w.kode_provinsi}' is not listed.",
                  f"add the province with kode \"{w.kode_provinsi}\".")
        # The page address (render/pages.py wilayah_uri, and the Hak Anda page beside it): a province's
        # slug among provinces, a district's within its province. Two equal ones: one page would
        # silently replace the other.
        folder = w.slug if w.is_provinsi else f"{province_slug.get(w.kode_provinsi, w.kode_provinsi)}/{w.slug}"
        other = addresses.setdefault(folder, w)
        if other is not w:
            r.err(seen_line[w.kode], f"wilayah {w.kode}",
                  f"'{w.nama_lengkap}' gets the page address wilayah/{folder}/, as does '{other.nama_lengkap}' "
                  f"(kode '{other.kode}', line {seen_line[other.kode]}).",
                  "names that differ only in punctuation, spaces or capitals give one address: correct the "
                  "name of one of them.")
    out.sort(key=lambda w: (w.kode_provinsi, w.kode))
    return out


PEJABAT_FIELDS = dict(jabatan=Str(), nama=Str(), nip=Str(), pangkat=Str())
"""An official who signs or heads: read into a `Pejabat` by `_pejabat`."""


def _pejabat(v: Record) -> Pejabat:
    return Pejabat(jabatan=v["jabatan"], nama=v["nama"], nip=v["nip"], pangkat=v["pangkat"])


PENYELENGGARA_SCHEMA = Schema(
    id=Id("dinsos-banten"), nama=Str(required=True), wilayah=Str(required=True),
    kepala=Nested(Schema(**PEJABAT_FIELDS, per_tanggal=Date()), required=True, partial=True),
    alamat=Str(), laman=Str(), surel=Str(), telepon=Str(),
    pengaduan=Using(posterdata.read_kanal_list), maklumat=Using(posterdata.read_maklumat))
"""One body of `_penyelenggara.yaml`."""


def _load_penyelenggara(errors: Collector, path: Path, display: str, kodes: set[str] | None) -> list[Penyelenggara]:
    """The bodies; `kodes` None: the region registry is broken, so codes are not checked against it."""
    r = Reader(errors, display)
    top = Schema(penyelenggara=Entries(required=True)).read_file(r, _read_file(errors, path, display))
    if top is None:
        return []
    out: list[Penyelenggara] = []
    items = top["penyelenggara"]
    seen = Unique(r, "id", "give each penyelenggara its own id.")
    for item, line in zip(items, items.item_lines):
        p = r.mapping(item, line, "penyelenggara")
        if p is None:
            continue
        where = f"penyelenggara {named(p, 'id', line)}"
        v = PENYELENGGARA_SCHEMA.read(r, p, where)
        if v is None or v["id"] is None or v["nama"] is None or v["wilayah"] is None or v["kepala"] is None:
            continue
        seen.add(v["id"], v.line("id"), where)
        if kodes is not None and v["wilayah"] not in kodes:
            r.err(v.line("wilayah"), where, f"unknown wilayah '{v['wilayah']}'.",
                  f"use a code listed in {WILAYAH_FILE}, or add the region there.")
        out.append(Penyelenggara(id=v["id"], nama=v["nama"], wilayah=v["wilayah"], alamat=v["alamat"],
                                 laman=v["laman"], surel=v["surel"], telepon=v["telepon"],
                                 kepala=_pejabat(v["kepala"]), kepala_per_tanggal=v["kepala"]["per_tanggal"],
                                 pengaduan=v["pengaduan"], maklumat=v["maklumat"]))
    return out


# --------------------------------------------------------------------------- nodes

ALLOWED_CHILDREN = {
    "bab": {"bagian", "paragraf", "pasal", "kelompok", "butir", "teks", "huruf", "angka", "formulir"},
    "bagian": {"paragraf", "pasal", "kelompok", "teks"},
    "paragraf": {"pasal", "teks"},
    "pasal": {"ayat", "huruf", "angka", "teks", "butir"},
    "ayat": {"huruf", "angka", "teks", "butir"},
    "huruf": {"huruf", "angka", "teks", "butir", "formulir"},
    "angka": {"huruf", "angka", "teks", "butir", "formulir"},
    "diktum": {"huruf", "angka", "teks", "butir"},
    "kelompok": {"kelompok", "huruf", "angka", "butir", "teks", "formulir", "ayat"},
    "butir": {"huruf", "angka", "butir", "teks"},
    "teks": {"huruf", "angka", "butir", "teks"},
    "formulir": {"teks", "formulir"},
}


NODE_DASAR = Nested(Schema(jenis=Str(), nomor=Str(), tahun=Year(), tentang=Str()), partial=True)
"""The instrument a Mengingat item cites, matched against the catalogue (`dasar.match_dasar`)."""


NODE_SCHEMA = Schema(
    type=Deferred(required=True), num=Deferred(), marker=Str(), heading=Str(), text=Str(), children=Deferred(),
    text_after=Str(), eid=Deferred(), catatan=Str(), dasar=NODE_DASAR, rujukan=Deferred(),
    kedudukan=Choice(KEDUDUKAN, required=False), miring=Deferred())
"""A node of the text. `type`, `num` and `eid` are read first (they name its place in messages),
`children` with the node's own place, `rujukan` and `miring` against its texts."""


class _NodeBuilder:
    def __init__(self, r: Reader):
        self.r = r
        self.index: dict[str, Node] = {}
        self.first_line: dict[str, int] = {}

    def build_list(self, items: yamlio.Seq, prefix: str, path: str, parent: str | None,
                   depth: int = 0) -> tuple[Node, ...]:
        counters: dict[str, int] = {}
        out = []
        for item, line in zip(items, items.item_lines):
            node = self.build(item, line, prefix, path, parent, counters, depth)
            if node is not None:
                out.append(node)
        return tuple(out)

    def build(self, item: Any, line: int, prefix: str, path: str, parent: str | None,
              counters: dict[str, int], depth: int) -> Node | None:
        r = self.r
        m = r.mapping(item, line, path)
        if m is None:
            return None
        ntype = m.get("type")
        if ntype not in NODE_TYPES:
            r.err(r.line_of(m, "type"), path,
                  f"node type is {'missing' if ntype is None else repr(ntype)}.",
                  f"set 'type:' to one of: {', '.join(NODE_TYPES)}.")
            return None
        num = r.text(m, "num", path)
        label = f"{ntype} {num}" if num else ntype
        where = f"{path} > {label}" if path else label
        NODE_SCHEMA.keys(r, m, where)
        if parent is not None and ntype not in ALLOWED_CHILDREN[parent]:
            r.err(line, where, f"a {ntype} cannot stand inside a {parent}.",
                  f"inside a {parent} use: {', '.join(sorted(ALLOWED_CHILDREN[parent])) or 'nothing'}.")
        if ntype in NUMBERED_TYPES and num is None:
            r.err(line, where, f"a {ntype} needs its number in 'num'.",
                  "write the number as in the text, without punctuation, e.g. num: \"7\".")
            return None
        if ntype not in NUMBERED_TYPES and num is not None:
            r.err(r.line_of(m, "num"), where, f"a {ntype} is unnumbered and cannot have 'num'.",
                  "remove 'num', or use a numbered type (huruf, angka, ayat...).")
            return None
        if num is not None and ntype in NUM_RE and not NUM_RE[ntype].match(num):
            r.err(r.line_of(m, "num"), where, f"'{num}' is not a valid {ntype} number.",
                  "write the number without punctuation: pasal 7 or 5A, ayat 1 or 1a, huruf a, angka 1, "
                  "diktum KESATU.")
        eid_part = r.text(m, "eid", where)
        if eid_part is not None:
            if not ids.PART_RE.match(eid_part):
                r.err(r.line_of(m, "eid"), where, f"eid '{eid_part}' is not a valid id part.",
                      "use lowercase letters, digits and one '_', e.g. bab_5a.")
                return None
            part = eid_part
        elif num is None:
            counters[ntype] = counters.get(ntype, 0) + 1
            part = f"{ntype}_{counters[ntype]}"
        else:
            number = ids.number_part(ntype, num)
            if number is None:
                r.err(r.line_of(m, "num"), where, f"cannot read '{num}' as a {ntype} number.",
                      "write it as in the text (BAB in Roman or Arabic numerals, Bagian as Kesatu, "
                      "Kedua...), or set 'eid'.")
                return None
            part = f"{ntype}_{number}"
        eid = ids.join(prefix, part)
        v = NODE_SCHEMA.read_fields(r, m, where)
        text, heading = v["text"], v["heading"]
        children_seq = r.seq(m, "children", where)
        if ntype == "formulir" and isinstance(m.get("text"), str):
            text = m["text"].strip("\n")  # forms keep their line structure and blanks
        children = self.build_list(children_seq, eid, where, ntype, depth + 1)
        # (A text or heading that is there but invalid has its own message already.)
        if text is None and heading is None and not children and not any(m.get(k) for k in ("text", "heading")):
            r.err(line, where, f"this {ntype} has no text, heading or children.",
                  "add its words in 'text', or remove it.")
        dasar = None if v["dasar"] is None else DasarMengingat(**v["dasar"])
        text_after = v["text_after"]
        marks = _rujukan_marks(r, m, where, (text, text_after)) if "rujukan" in m else ()
        catatan, kedudukan = v["catatan"], v["kedudukan"]
        if kedudukan is not None and catatan is None:
            r.err(r.line_of(m, "kedudukan"), where, "'kedudukan' needs a 'catatan' saying why its place is uncertain.",
                  "add 'catatan:' (Bahasa Indonesia), e.g. what the source shows and what cannot be established.")
        miring = _miring(r, m, where, ntype, (heading, text, text_after)) if "miring" in m else ()
        node = Node(type=ntype, num=num, eid=eid, marker=v["marker"], heading=heading,
                    text=text, children=children, text_after=text_after,
                    catatan=catatan, dasar=dasar, line=line, rujukan=marks, kedudukan=kedudukan, miring=miring)
        if eid in self.index:
            r.err(line, where, f"id '{eid}' is already used by the node at line {self.first_line[eid]}.",
                  "numbers must be unique among siblings; if the original really repeats a number, "
                  "set 'eid' on the second one (e.g. bab_5a) and explain it in 'catatan'.")
        else:
            self.index[eid] = node
            self.first_line[eid] = line
        return node


def _miring(r: Reader, m: yamlio.Map, where: str, ntype: str, texts) -> tuple[str, ...]:
    """`miring:` on a node: phrases of its own words that the source prints in italics."""
    phrases = r.strings(m, "miring", where)
    if ntype == "formulir":
        r.err(r.line_of(m, "miring"), where, "a form is kept as plain text and cannot mark italics.",
              "remove 'miring' from the form.")
        return ()
    for phrase in phrases:
        if not any(t and phrase in t for t in texts):
            r.err(r.line_of(m, "miring"), where, f"'{phrase}' does not occur in this node's heading or text.",
                  "copy the phrase exactly as it stands in 'heading', 'text' or 'text_after'.")
    return phrases


RUJUKAN_SCHEMA = Schema(teks=Str(required=True), luar=Str(), keterangan=Str())
"""A reference in a node's text that gets no link: external (`luar`) or explained (`keterangan`)."""


def _rujukan_marks(r: Reader, m: yamlio.Map, where: str, texts) -> tuple[RujukanCatatan, ...]:
    """`rujukan:` on a node: references in its text that get no link, each external or explained."""
    out = []
    items = r.seq(m, "rujukan", where + " > rujukan")
    for item, line in zip(items, items.item_lines):
        k = r.mapping(item, line, where + " > rujukan")
        v = RUJUKAN_SCHEMA.read(r, k, where + " > rujukan") if k is not None else None
        if v is None or v["teks"] is None:
            continue
        teks, luar, ket = v["teks"], v["luar"], v["keterangan"]
        if teks is None:
            continue
        if luar is None and ket is None:
            r.err(line, where + " > rujukan", f"the reference '{teks}' is neither marked external nor explained.",
                  "add 'luar:' (the instrument it points into) or 'keterangan:' (why it has no link).")
        if not any(t and teks in t for t in texts):
            r.err(v.line("teks"), where + " > rujukan", f"'{teks}' does not occur in this node's text.",
                  "copy the reference exactly as it stands in 'text' or 'text_after'.")
        out.append(RujukanCatatan(teks=teks, luar=luar, keterangan=ket, line=line))
    return tuple(out)


PETA_SCHEMA = Schema(rujukan=Str(required=True), ke=Str(required=True), keterangan=Str(required=True), huruf=Str())
"""A cited unit the source leaves unnumbered (`rujukan`), mapped by the editors to a provision (`ke`)."""


def _peta_rujukan(r: Reader, m: yamlio.Map, provisions: dict[str, Node]) -> tuple[PetaRujukan, ...]:
    """`peta_rujukan:` on a regulation: cited units the source leaves unnumbered, mapped by the editors."""
    from .citations import CitationError, parse

    out = []
    items = r.seq(m, "peta_rujukan", "peta_rujukan")
    pasal_nums = {n.num.upper() for n in provisions.values() if n.type == "pasal" and n.num}
    for item, line in zip(items, items.item_lines):
        k = r.mapping(item, line, "peta_rujukan")
        v = PETA_SCHEMA.read(r, k, "peta_rujukan") if k is not None else None
        if v is None:
            continue
        rujukan, ke, ket, huruf = v["rujukan"], v["ke"], v["keterangan"], v["huruf"]
        if rujukan is None or ke is None or ket is None:
            continue
        try:
            cit = parse(rujukan)
        except CitationError:
            cit = None
        if cit is None or len(cit.refs) != 1 or cit.instrument or len(cit.refs[0].steps) != 1 \
                or cit.refs[0].steps[0].kind != "pasal" or cit.refs[0].end is not None:
            r.err(v.line("rujukan"), "peta_rujukan", f"'{rujukan}' is not a single Pasal.",
                  "write the cited Pasal alone, e.g. rujukan: Pasal 10.")
            continue
        if cit.refs[0].steps[0].num in pasal_nums:
            r.err(v.line("rujukan"), "peta_rujukan", f"{rujukan} exists in the text; it needs no mapping.",
                  "remove this entry: references to it are linked directly.")
        if ke not in provisions:
            r.err(v.line("ke"), "peta_rujukan", f"there is no provision with id '{ke}'.",
                  "use the id shown in the provision's link (#...) on the regulation's page.")
        if huruf is not None and huruf not in NODE_TYPES:
            r.err(v.line("huruf"), "peta_rujukan", f"'{huruf}' is not a node type.",
                  f"use one of: {', '.join(NODE_TYPES)}.")
        out.append(PetaRujukan(rujukan=str(cit), ke=ke, huruf=huruf, keterangan=ket, line=line))
    return tuple(out)


# --------------------------------------------------------------------------- regulations

PENETAPAN = Nested(Schema(tempat=Str(), tanggal=Date(), **PEJABAT_FIELDS), partial=True)
"""Where, when and by whom a regulation (or a lampiran) was enacted or promulgated."""


def _penetapan_of(v: Record | None) -> Penetapan | None:
    return None if v is None else Penetapan(tempat=v["tempat"], tanggal=v["tanggal"], pejabat=_pejabat(v))


LAMPIRAN_SCHEMA = Schema(num=Deferred(), kepala=Texts(), judul=Str(), children=Deferred(), ditetapkan=PENETAPAN)
"""A lampiran. `num` is read first (it names its place), `children` as nodes."""
REGULATION_SCHEMA = Schema(
    id=Id("perbup-bengkayang-51-2020", reserved=(
        "peraturan/index is the address of the list of regulations",
        "name the regulation by kind, region, number and year, e.g. perbup-bengkayang-51-2020 (and its file alike).")),
    jenis=Choice(JENIS), nomor=Str(required=True), tahun=Year(required=True), tentang=Str(required=True),
    singkatan=Str(required=True), wilayah=Str(required=True), penyelenggara=Str(required=True),
    status=Nested(Schema(keadaan=Choice(STATUS), oleh=Str(), catatan=Str()), required=True),
    sumber=Deferred(required=True),
    kepala=Texts(), judul=Str(), pembukaan=Texts(), menimbang=Entries(), mengingat=Entries(), memutuskan=Str(),
    batang_tubuh=Entries(), diktum=Entries(), penutup=Texts(), ditetapkan=PENETAPAN, diundangkan=PENETAPAN,
    pengundangan=Str(), tembusan=Texts(), lampiran=Entries(), catatan=Texts(),
    peta_rujukan=Deferred(), poster=Deferred(), lingkup=Deferred())
"""A regulation file. `sumber` needs the sources folder; `peta_rujukan`, `poster` and `lingkup` name
provisions, so they are read after the nodes."""
REGULATION_TEXTS = ("nomor", "tahun", "tentang", "singkatan", "kepala", "judul", "pembukaan", "memutuskan",
                    "penutup", "pengundangan", "tembusan", "catatan")
"""The fields a `Regulation` takes as read."""


def source_problem(sources_dir: Path, berkas: str) -> tuple[str, str] | None:
    """Why the build may not read and publish `sources_dir/berkas`, as (message, fix), or None.

    The file is published under its own name (sumber/<berkas>) and linked from the side-by-side page,
    so the name is a plain, URL-safe file name, and the file a regular one directly inside the
    folder: a symbolic link would publish whatever it points to (/proc/self/environ, a key...)."""
    folder = sources_dir.name
    missing = (f"source file '{berkas}' is not in {folder}/.",
               f"copy the extracted text into {folder}/ and give its file name.")
    if "/" in berkas or "\\" in berkas:
        return missing
    if not SOURCE_NAME_RE.fullmatch(berkas):
        return (f"source file name '{berkas}' may hold only letters, digits, '.', '_' and '-', and must end "
                "in '.txt'.", f"rename the file in {folder}/ and here, e.g. 'perbup-bengkayang-51-2020.txt'.")
    path = sources_dir / berkas
    if path.is_symlink():
        return (f"source file '{berkas}' is a symbolic link; only regular files in {folder}/ are published.",
                f"replace the link with a copy of the text file ({folder}/{berkas}).")
    if not path.is_file() or path.resolve().parent != sources_dir.resolve():
        return missing
    return None


SUMBER = Nested(Schema(berkas=Str(required=True), jenis=Choice(SUMBER_JENIS), catatan=Str(), perbaikan=Entries(),
                       derau=Entries(), pdf=Str(), sha256=Str()), required=True)
"""A regulation's `sumber:`: the extracted text it was transcribed from, its repairs and noise."""
PERBAIKAN_SCHEMA = Schema(dari=Verbatim(required=True), menjadi=Verbatim(required=True), alasan=Str(required=True))
"""One repair of the extracted text (`dari` and `menjadi` exactly as written)."""
DERAU_SCHEMA = Schema(baris=Str(required=True), ke=Str(required=True), alasan=Str(required=True))
"""One occurrence of a line the source repeats, dropped as noise."""


def _sumber(r: Reader, m: yamlio.Map, sources_dir: Path) -> Sumber | None:
    v = SUMBER.read(r, m, "sumber", "sumber")
    if v is None:
        return None
    pdf, sha256, berkas, jenis = v["pdf"], v["sha256"], v["berkas"], v["jenis"]
    if pdf is not None and ("/" in pdf or "\\" in pdf or not pdf.lower().endswith(".pdf")):
        r.err(v.line("pdf"), "sumber", f"'{pdf}' is not the file name of a PDF.",
              "give the PDF's file name only, e.g. perbup-contoh-12-2023.pdf.")
    if sha256 is not None and not re.fullmatch(r"[0-9a-f]{64}", sha256):
        r.err(v.line("sha256"), "sumber", "sha256 must be 64 lowercase hexadecimal digits.",
              "copy it as `kodeetik import` wrote it, or compute it with: sha256sum FILE.pdf")
    if (pdf is None) != (sha256 is None):
        r.err(v.line("pdf" if pdf is not None else "sha256"), "sumber", "'pdf' and 'sha256' go together.",
              "give both (the PDF's file name and its SHA-256), or neither.")
    source_text = None
    if berkas is not None and (problem := source_problem(sources_dir, berkas)) is not None:
        r.err(v.line("berkas"), "sumber", *problem)
    elif berkas is not None:
        source_text = (sources_dir / berkas).read_text(encoding="utf-8", errors="replace")
    repairs = []
    items = v["perbaikan"]
    for item, line in zip(items, items.item_lines):
        p = r.mapping(item, line, "sumber > perbaikan")
        w = PERBAIKAN_SCHEMA.read(r, p, "sumber > perbaikan") if p is not None else None
        if w is None:
            continue
        dari, menjadi, alasan = w["dari"], w["menjadi"], w["alasan"]
        if not dari or menjadi is None or alasan is None:
            r.err(line, "sumber > perbaikan", "'dari' and 'menjadi' must be texts.",
                  "quote both: dari: \"...\", menjadi: \"...\".")
            continue
        if source_text is not None and dari not in source_text:
            r.err(line, "sumber > perbaikan", f"'{dari}' does not occur in the source file {berkas}.",
                  "copy 'dari' exactly from the source text (same spaces and letters).")
        repairs.append(Perbaikan(dari=dari, menjadi=menjadi, alasan=alasan))
    derau = _derau(r, v["derau"], source_text, berkas)
    if jenis is None or berkas is None:
        return None
    return Sumber(berkas=berkas, jenis=jenis, catatan=v["catatan"],
                  perbaikan=tuple(repairs), derau=derau, pdf=pdf, sha256=sha256)


def _derau(r: Reader, items: yamlio.Seq, source_text: str | None, berkas: str | None) -> tuple[Derau, ...]:
    """`sumber.derau`: a line (every occurrence is noise), or `{baris, ke, alasan}` for one
    occurrence of a line the source repeats (a slide title repeated on its continuation)."""
    out: list[Derau] = []
    where = "sumber > derau"
    lines = [ln.strip() for ln in source_text.splitlines()] if source_text is not None else None
    for item, line in zip(items, items.item_lines):
        if isinstance(item, str):
            if not item.strip():
                r.err(line, where, "an item of 'derau' is empty.", "write the source line, or remove the item.")
            elif len(item.strip()) > MAX_TEXT:
                r.err(line, "sumber", f"an item of 'derau' is {len(item.strip())} characters long.",
                      f"keep a single text under {MAX_TEXT} characters; split it into its units.")
            else:
                out.append(Derau(item.strip()))
            continue
        d = r.mapping(item, line, where)
        v = DERAU_SCHEMA.read(r, d, where) if d is not None else None
        if v is None:
            continue
        baris, ke, alasan = v["baris"], v["ke"], v["alasan"]
        if baris is None or ke is None or alasan is None:
            continue
        if not ke.isdigit() or int(ke) < 1:
            r.err(v.line("ke"), where, f"'ke' must be a whole number from 1, found '{ke}'.",
                  "write which occurrence of the line is noise, e.g. ke: \"2\".")
            continue
        count = lines.count(baris) if lines is not None else int(ke)
        if count < int(ke):
            r.err(v.line("baris"), where, f"the line '{baris}' occurs {count} time(s) in {berkas}, not {ke}.",
                  "copy the whole line exactly from the source and count its occurrences again.")
            continue
        out.append(Derau(baris, int(ke), alasan))
    return tuple(out)


def _load_regulation(errors: Collector, path: Path, display: str, wilayah: dict[str, Wilayah],
                     penyelenggara: dict[str, Penyelenggara], sources_dir: Path,
                     broken: frozenset[str] = frozenset()) -> Regulation | None:
    """One regulation; references into a registry named in `broken` (which has errors of its own)
    are not reported: every one would be, and the registry's own message says what to fix."""
    data = _read_file(errors, path, display)
    if data is None:
        return None
    r = Reader(errors, display)
    m = r.mapping(data, 1, "")
    if m is None:
        return None
    before = len(errors.errors)
    v = REGULATION_SCHEMA.read_all(r, m, "")
    rid = v["id"]
    if rid is not None and rid != path.stem:
        r.err(v.line("id"), "id", f"id '{rid}' differs from the file name '{path.name}'.",
              f"rename the file to {rid}.yaml or set id: {path.stem}.")
    jenis, kode, pid = v["jenis"], v["wilayah"], v["penyelenggara"]
    wil = wilayah.get(kode) if kode else None
    if kode is not None and wil is None and WILAYAH_FILE not in broken:
        r.err(v.line("wilayah"), "wilayah", f"unknown wilayah '{kode}'.",
              f"use a code from {WILAYAH_FILE} (in quotes, e.g. \"61.07\"), or add the region there.")
    pen = penyelenggara.get(pid) if pid else None
    if pid is not None and pen is None and PENYELENGGARA_FILE not in broken:
        r.err(v.line("penyelenggara"), "penyelenggara", f"unknown penyelenggara '{pid}'.",
              f"use an id from {PENYELENGGARA_FILE}, or add the body there.")
    status = None
    if (st := v["status"]) is not None:
        keadaan, oleh = st["keadaan"], st["oleh"]
        if keadaan in ("dicabut", "diubah") and oleh is None:
            r.err(st.source.line, "status", f"a regulation that is {keadaan} needs 'oleh'.",
                  "name the instrument that revoked or amended it.")
        if keadaan is not None:
            status = Status(keadaan=keadaan, oleh=oleh, catatan=st["catatan"])
    sumber = _sumber(r, m, sources_dir) if "sumber" in m else None

    nb = _NodeBuilder(r)
    menimbang = nb.build_list(v["menimbang"], "menimbang", "menimbang", None)
    mengingat = nb.build_list(v["mengingat"], "mengingat", "mengingat", None)
    body = nb.build_list(v["batang_tubuh"], "", "", None)
    diktum = nb.build_list(v["diktum"], "", "diktum", None)
    for node in diktum:
        if node.type != "diktum":
            r.err(node.line, "diktum", f"'diktum' may only hold nodes of type diktum, found {node.type}.",
                  "set type: diktum, or move the node into a lampiran.")
    lampiran: list[Lampiran] = []
    lamp_items = v["lampiran"]
    for i, (item, line) in enumerate(zip(lamp_items, lamp_items.item_lines), start=1):
        lm = r.mapping(item, line, "lampiran")
        if lm is None:
            continue
        num = r.text(lm, "num", "lampiran")
        where = f"Lampiran {num}" if num else "Lampiran"
        lv = LAMPIRAN_SCHEMA.read_all(r, lm, where)
        number = ids.number_part("lampiran", num) if num else str(i)
        if number is None:
            r.err(r.line_of(lm, "num"), where, f"cannot read lampiran number '{num}'.",
                  "write it in Roman (I, II) or Arabic numerals, or leave 'num' empty for a single LAMPIRAN.")
            number = str(i)
        eid = f"lampiran_{number}"
        if any(lp.eid == eid for lp in lampiran):
            r.err(line, where, f"lampiran id '{eid}' is used twice.", "number each lampiran differently.")
        lampiran.append(Lampiran(num=num, eid=eid, kepala=lv["kepala"], judul=lv["judul"],
                                 children=nb.build_list(r.seq(lm, "children", where), eid, where, None),
                                 ditetapkan=_penetapan_of(lv["ditetapkan"])))
    poster = None
    if "poster" in m:  # read after the nodes: it names provisions by id
        poster = posterdata.read_poster(r, m, [*menimbang, *mengingat, *body, *diktum,
                                               *(n for lp in lampiran for n in lp.children)],
                                        nb.index, status.keadaan if status else None)
    if jenis is not None:
        if jenis.startswith("Keputusan") and body:
            r.err(v.line("batang_tubuh"), "batang_tubuh", "a Keputusan has no batang_tubuh (BAB/Pasal).",
                  "put its Diktum under 'diktum' and its content under 'lampiran'.")
        if not jenis.startswith("Keputusan") and diktum:
            r.err(v.line("diktum"), "diktum", f"a {jenis} has Pasal, not Diktum.",
                  "put the Pasal under 'batang_tubuh'.")
        if not body and not diktum and not m.get("batang_tubuh") and not m.get("diktum"):
            # (When they are there but their nodes are wrong, those nodes have their own messages.)
            r.err(m.line, "", "the regulation has neither batang_tubuh nor diktum.",
                  "add the enacted text (see regulations/README.md).")

    peta = _peta_rujukan(r, m, nb.index) if "peta_rujukan" in m else ()
    lingkup = read_lingkup(r, m, nb.index) if "lingkup" in m else None  # names provisions by id
    reg_kwargs: dict[str, Any] = {key: v[key] for key in REGULATION_TEXTS}
    reg_kwargs.update(ditetapkan=_penetapan_of(v["ditetapkan"]), diundangkan=_penetapan_of(v["diundangkan"]))
    if len(errors.errors) > before or rid is None or wil is None or pen is None or status is None \
            or sumber is None or None in (
            jenis, reg_kwargs["nomor"], reg_kwargs["tahun"], reg_kwargs["tentang"],
            reg_kwargs["singkatan"]):
        return None
    return Regulation(id=rid, jenis=jenis, path=display, wilayah=wil, penyelenggara=pen, status=status, sumber=sumber,
                      menimbang=menimbang, mengingat=mengingat, batang_tubuh=body, diktum=diktum,
                      lampiran=tuple(lampiran), provisions=MappingProxyType(dict(nb.index)),
                      peta_rujukan=peta, poster=poster, lingkup=lingkup, **reg_kwargs)


@dataclass(frozen=True)
class CorpusRead:
    """What `read_corpus` loaded, with its errors: the corpus holds every regulation that loaded."""

    corpus: Corpus | None
    """None when the folder or a registry is missing: nothing else was read."""
    failed: frozenset[str]
    """Ids (file names without suffix) of the regulation files that did not load."""
    errors: tuple[DataError, ...]
    """Every problem found; empty when the data is valid."""


def is_yaml(path: Path) -> bool:
    """A data file's name: `.yaml` or `.yml`, in any case (`.YAML` too)."""
    return path.suffix.lower() in (".yaml", ".yml")


def regulation_files(root: Path) -> list[Path]:
    """The files of `root` read as regulations: names ending in `.yaml` in any case, not `_`-prefixed."""
    return sorted(p for p in root.iterdir() if p.suffix.lower() == ".yaml" and not p.name.startswith("_"))


def load_corpus(directory: str | os.PathLike, sources_dir: str | os.PathLike | None = None,
                display_root: str | os.PathLike | None = None) -> Corpus:
    """Load and validate everything in `directory`; raise DataErrors with all problems found."""
    read = read_corpus(directory, sources_dir, display_root)
    if read.errors or read.corpus is None:
        raise DataErrors(list(read.errors))
    return read.corpus


def read_corpus(directory: str | os.PathLike, sources_dir: str | os.PathLike | None = None,
                display_root: str | os.PathLike | None = None) -> CorpusRead:
    """Load and validate the registries and regulations of `directory`, keeping what loads."""
    root = Path(directory)
    sources = Path(sources_dir) if sources_dir is not None else root.parent / "sources"
    shown_root = Path(display_root) if display_root is not None else root.parent

    def display(p: Path) -> str:
        return display_path(p, shown_root)

    errors = Collector()
    if not root.is_dir():
        errors.add(str(root), None, "", "the regulations folder does not exist.",
                   "create it and add one YAML file per regulation (see regulations/README.md).")
        return CorpusRead(None, frozenset(), tuple(errors.errors))
    for required in (WILAYAH_FILE, PENYELENGGARA_FILE, posterdata.PENGADUAN_FILE, posterdata.MAKLUMAT_FILE):
        if not (root / required).is_file():
            errors.add(display(root / required), None, "", "the registry file is missing.",
                       "restore it from the repository (see regulations/README.md).")
    if errors.errors:
        return CorpusRead(None, frozenset(), tuple(errors.errors))

    def failed(name: str, loaded: list) -> bool:
        """Nothing came out of the registry and it has errors of its own (unreadable, empty...):
        references into it are not checked, or each would add a message about the same slip."""
        return not loaded and any(e.file == display(root / name) for e in errors.errors)

    wilayah = _load_wilayah(errors, root / WILAYAH_FILE, display(root / WILAYAH_FILE))
    by_kode = {w.kode: w for w in wilayah}
    broken = {WILAYAH_FILE} if failed(WILAYAH_FILE, wilayah) else set()
    pens = _load_penyelenggara(errors, root / PENYELENGGARA_FILE, display(root / PENYELENGGARA_FILE),
                               None if broken else set(by_kode))
    by_pid = {p.id: p for p in pens}
    if failed(PENYELENGGARA_FILE, pens):
        broken.add(PENYELENGGARA_FILE)
    registries = {}
    for name in (posterdata.PENGADUAN_FILE, posterdata.MAKLUMAT_FILE):
        shown = display(root / name)
        registries[name] = (Reader(errors, shown), _read_file(errors, root / name, shown))
    kanal = posterdata.read_pengaduan_registry(*registries[posterdata.PENGADUAN_FILE])
    maklumat = posterdata.read_maklumat_registry(*registries[posterdata.MAKLUMAT_FILE])
    files = regulation_files(root)
    for p in sorted(root.iterdir()):
        if p.suffix.lower() == ".yml":
            errors.add(display(p), None, "", "regulation files must end in '.yaml'.", f"rename it to {p.stem}.yaml.")
    if not files and not any(p.suffix.lower() == ".yml" for p in root.iterdir()):
        errors.add(display(root), None, "", "there is no regulation file in this folder.",
                   "add one YAML file per regulation (see regulations/README.md).")
    regulations: list[Regulation] = []
    failed_ids: set[str] = set()
    first_file: dict[str, Path] = {}
    for p in files:
        if p.stem in first_file:  # x.yaml beside x.YAML: one id, one page address
            errors.add(display(p), None, "", f"the regulation id '{p.stem}' is also the name of "
                       f"{display(first_file[p.stem])}.", "keep one file per regulation: delete or rename one.")
            failed_ids.add(p.stem)
            continue
        first_file[p.stem] = p
        reg = _load_regulation(errors, p, display(p), by_kode, by_pid, sources, frozenset(broken))
        if reg is not None:
            regulations.append(reg)
        else:
            failed_ids.add(p.stem)
    seen: dict[str, str] = {}
    for reg in regulations:
        key = f"{reg.jenis} {reg.wilayah.kode} {reg.nomor} {reg.tahun}"
        if key in seen:
            errors.add(reg.path, 1, "", f"the same regulation ({reg.singkatan}) is also in {seen[key]}.",
                       "keep one file per regulation.")
        seen[key] = reg.path
    regulations.sort(key=lambda reg: (reg.wilayah.kode_provinsi, reg.wilayah.kode, reg.tahun, reg.id))
    corpus = Corpus(wilayah=tuple(wilayah), penyelenggara=tuple(pens), regulations=tuple(regulations),
                    pengaduan=kanal, maklumat=maklumat)
    return CorpusRead(corpus, frozenset(failed_ids), tuple(errors.errors))


__all__ = ["CorpusRead", "DataErrors", "is_yaml", "load_corpus", "read_corpus", "regulation_files", "slugify"]
