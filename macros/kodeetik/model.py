"""The regulation data model: frozen, typed objects built by the loader and read by templates.

Nothing here knows about MkDocs; the rendering layer only reads these objects.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Iterator, Mapping

from . import labels

if TYPE_CHECKING:
    from .lingkup import Lingkup

NODE_TYPES = ("bab", "bagian", "paragraf", "pasal", "ayat", "huruf", "angka", "diktum",
              "kelompok", "butir", "teks", "formulir")
NUMBERED_TYPES = frozenset({"bab", "bagian", "paragraf", "pasal", "ayat", "huruf", "angka", "diktum"})
HEADING_TYPES = frozenset({"bab", "bagian", "paragraf", "pasal", "kelompok", "formulir", "diktum"})
"""Node types rendered as headings (the rest are list items or paragraphs)."""

JENIS = ("Peraturan Gubernur", "Peraturan Bupati", "Peraturan Wali Kota", "Keputusan Gubernur",
         "Keputusan Bupati", "Keputusan Wali Kota", "Keputusan Kepala Dinas",
         "Keputusan Kepala Badan", "Peraturan Daerah", "Peraturan Kepala Dinas", "Peraturan Kepala Badan")
STATUS = ("berlaku", "dicabut", "diubah")
SUMBER_JENIS = {"naskah_lengkap": "naskah lengkap", "bahan_diseminasi": "bahan diseminasi"}
KEDUDUKAN = {"belum_pasti": "Kedudukan dalam naskah belum pasti"}
"""Values of a node's `kedudukan` (its place in the enacted text is in doubt) and their page label."""
WILAYAH_JENIS = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}



@dataclass(frozen=True, slots=True)
class Wilayah:
    """A province or a regency/city, identified by its Kemendagri code."""

    kode: str
    """Kemendagri code: `64` for a province, `61.07` for a district."""
    jenis: str
    """`provinsi`, `kabupaten` or `kota`."""
    nama: str
    """Name without its kind, e.g. `Bengkayang`."""
    slug: str
    """URL part, unique among siblings."""

    @property
    def nama_lengkap(self) -> str:
        return f"{WILAYAH_JENIS[self.jenis]} {self.nama}"

    @property
    def is_provinsi(self) -> bool:
        return self.jenis == "provinsi"

    @property
    def kode_provinsi(self) -> str:
        return self.kode.split(".")[0]


@dataclass(frozen=True, slots=True)
class Pejabat:
    """An official as named in a text: position, name, NIP, rank; any may be unknown."""

    jabatan: str | None
    """Position title as written."""
    nama: str | None
    """Name as written, with degrees."""
    nip: str | None
    """Civil-servant number (NIP) as written."""
    pangkat: str | None
    """Rank, e.g. `Pembina Tk. I`."""


# --------------------------------------------------------------------------- counter posters
# Read by posterdata.py's readers.

KONTAK_JENIS = {
    "loket": "Loket",
    "telepon": "Telepon",
    "call_center": "Call center",
    "sms": "SMS",
    "whatsapp": "WhatsApp",
    "surel": "Surel",
    "laman": "Laman",
    "alamat": "Alamat",
}
"""Kinds of contact and how the site names them."""


@dataclass(frozen=True, slots=True)
class Kontak:
    """One way to reach a complaint channel."""

    jenis: str
    """One of KONTAK_JENIS."""
    nilai: str
    """The number, address or place, as it is to be printed (a web address without https://)."""
    catatan: str | None
    """How to use it, e.g. what to write in the SMS (Bahasa Indonesia)."""

    @property
    def label(self) -> str:
        return KONTAK_JENIS[self.jenis]

    @property
    def href(self) -> str | None:
        """A link a phone can open (web, call, SMS, mail), or None for an address or a desk."""
        digits = re.sub(r"[^0-9+]", "", self.nilai)
        return {"laman": f"https://{self.nilai}", "surel": f"mailto:{self.nilai}", "telepon": f"tel:{digits}",
                "call_center": f"tel:{digits}", "sms": f"sms:{digits}",
                "whatsapp": f"https://wa.me/{digits.lstrip('+')}"}.get(self.jenis)


@dataclass(frozen=True, slots=True)
class KanalPengaduan:
    """A place where a citizen can complain about a public service."""

    id: str | None
    """Registry id (national channels); None for a penyelenggara's own channel."""
    nama: str
    """Name as the public knows it, e.g. `SP4N-LAPOR!`."""
    keterangan: str | None
    """One line on what it is (Bahasa Indonesia)."""
    dasar: str | None
    """Its legal basis, e.g. `Peraturan Presiden Nomor 76 Tahun 2013 ...`."""
    kontak: tuple[Kontak, ...]
    """How to reach it, in the order to be printed."""


@dataclass(frozen=True, slots=True)
class MaklumatBaku:
    """The usual maklumat wording, used by every penyelenggara that has no wording of its own."""

    teks: str
    """The statement of commitment."""
    dasar: str
    """The provision that requires a maklumat (UU 25/2009 Pasal 22)."""


@dataclass(frozen=True, slots=True)
class Maklumat:
    """A penyelenggara's own maklumat: wording, place and date; any may be left to the default."""

    teks: str | None
    """Own wording; None uses the registry's usual wording."""
    tempat: str | None
    """Place where it was issued; None leaves a line to fill in."""
    tanggal: dt.date | None
    """Date it was issued; None leaves a line to fill in."""


@dataclass(frozen=True, slots=True)
class PosterIsi:
    """What a regulation's posters quote: provision ids, in the regulation's order."""

    budaya_pelayanan: tuple[str, ...]
    """The regulation's budaya pelayanan list (empty: no budaya pelayanan poster)."""
    larangan: tuple[str, ...]
    """The prohibitions a citizen should know (empty: no larangan poster)."""
    pengaduan: tuple[str, ...]
    """Provisions that say where to report a breach, quoted on the larangan poster."""


# --------------------------------------------------------------------------- bodies and regulations

@dataclass(frozen=True, slots=True)
class Penyelenggara:
    """A public-service body governed by a regulation."""

    id: str
    """Registry id, e.g. `dinsos-banten`."""
    nama: str
    """Full name."""
    wilayah: str
    """Kemendagri code of its region."""
    alamat: str | None
    """Postal address."""
    laman: str | None
    """Website host, without scheme."""
    surel: str | None
    """E-mail address."""
    telepon: str | None
    """Telephone, as written."""
    kepala: Pejabat
    """Its head."""
    pengaduan: tuple[KanalPengaduan, ...] = ()
    """Its own complaint channels, shown before the national ones."""
    maklumat: Maklumat | None = None
    """Its own maklumat wording, place and date (None: the usual wording, lines to fill in)."""
    kepala_per_tanggal: "dt.date | None" = None
    """The date on which `kepala` was known to hold the post. Heads change: without a date the
    maklumat poster prints the position with blank lines for name and NIP, to be filled in."""

    @property
    def kepala_tercatat(self) -> bool:
        """Whether the data names the head with a date, so a poster may print the name."""
        return self.kepala_per_tanggal is not None and bool(self.kepala.nama)


@dataclass(frozen=True, slots=True)
class DasarMengingat:
    """A cited instrument, parsed from a Mengingat item."""

    jenis: str | None
    """Kind, e.g. `Undang-Undang`, `Peraturan Pemerintah`."""
    nomor: str | None
    """Number as written."""
    tahun: int | None
    """Year."""
    tentang: str | None
    """Subject."""


@dataclass(frozen=True, slots=True)
class RujukanCatatan:
    """A reference in a provision's text that deliberately has no link: external, or explained."""

    teks: str
    """The reference as it stands in the node's text, e.g. `Pasal 49`."""
    luar: str | None
    """The other instrument it points into (free text), when the reference is external."""
    keterangan: str | None
    """Why it has no link (Bahasa Indonesia); shown to readers."""
    line: int
    """Line in the YAML file, for messages."""


@dataclass(frozen=True, slots=True)
class PetaRujukan:
    """Editorial mapping of a cited unit that the source does not number (a deck without Pasal numbers)."""

    rujukan: str
    """The unit as cited in the text, e.g. `Pasal 10`."""
    ke: str
    """Id of the provision it is taken to be, e.g. `bab_3__kelompok_5`."""
    huruf: str | None
    """Node type of its children counted as huruf a, b, c... in order (e.g. `butir`); None if not cited."""
    keterangan: str
    """Why this is inferred (Bahasa Indonesia); shown to readers as an editorial inference."""
    line: int
    """Line in the YAML file, for messages."""


@dataclass(frozen=True, slots=True)
class Node:
    """One provision or structural unit (BAB, Pasal, ayat, huruf, Diktum, ...)."""

    type: str
    """One of NODE_TYPES."""
    num: str | None
    """Number as written without punctuation (`7`, `a`, `IV`, `KESATU`); None if unnumbered."""
    eid: str
    """Stable id, unique in the regulation, e.g. `bab_3__pasal_7__huruf_a`."""
    marker: str | None
    """Marker as displayed when not the default one (`a)`, `1)`, `-`)."""
    heading: str | None
    """Heading (BAB title, slide title, defined term)."""
    text: str | None
    """The provision's own words; for a list, the words before it."""
    children: tuple["Node", ...]
    """Nested nodes, in order."""
    text_after: str | None
    """Words after the nested list that belong to this node."""
    catatan: str | None
    """Editorial note (not law)."""
    dasar: DasarMengingat | None
    """The cited instrument, for Mengingat items."""
    line: int
    """Line in the YAML file, for messages."""
    rujukan: tuple[RujukanCatatan, ...] = ()
    """References in its text marked as external or explained (they get no link)."""
    kedudukan: str | None = None
    """`belum_pasti` when the source shows it but cannot tell whether it is enacted text (a deck's
    slide beside the opening); None for enacted text. Covers everything nested in it."""
    miring: tuple[str, ...] = ()
    """Phrases of its heading, text or text_after that the source prints in italics (foreign terms:
    `good governance`, `online`): the words stay as they are, pages print these phrases as <em>."""

    @property
    def display_marker(self) -> str:
        if self.marker:
            return self.marker
        if self.type == "ayat":
            return f"({self.num})"
        if self.type in ("huruf", "angka"):
            return f"{self.num}."
        if self.type == "butir":
            return "•"
        return ""

    @property
    def label(self) -> str:
        """How the unit is named in a citation: `Pasal 7`, `ayat (1)`, `huruf a`, `BAB III`."""
        return labels.unit_label(self)

    @property
    def kedudukan_label(self) -> str | None:
        """How the page names its uncertain standing: `Kedudukan dalam naskah belum pasti`."""
        return None if self.kedudukan is None else KEDUDUKAN[self.kedudukan]

    @property
    def is_heading(self) -> bool:
        return self.type in HEADING_TYPES

    def walk(self) -> Iterator["Node"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Penetapan:
    """Where, when and by whom an instrument was enacted or promulgated."""

    tempat: str | None
    """Place, as written."""
    tanggal: dt.date | None
    """Date."""
    pejabat: Pejabat
    """Who signed."""


@dataclass(frozen=True, slots=True)
class Perbaikan:
    """A repair of extraction noise in the words of the source."""

    dari: str
    """Text as it stands in the source file."""
    menjadi: str
    """Text as published."""
    alasan: str
    """Why (Bahasa Indonesia)."""


@dataclass(frozen=True, slots=True)
class Derau:
    """A source line dropped as extraction noise: every occurrence, or the `ke`-th one only."""

    baris: str
    """The line as it stands in the source (trimmed)."""
    ke: int | None = None
    """Which occurrence (1-based) among the source's lines equal to `baris`; None: all of them."""
    alasan: str | None = None
    """Why it is noise (Bahasa Indonesia), e.g. a slide title repeated on its continuation."""


@dataclass(frozen=True, slots=True)
class Sumber:
    """Provenance: the source text the data was transcribed from."""

    berkas: str
    """File name in `sources/`."""
    jenis: str
    """`naskah_lengkap` or `bahan_diseminasi`."""
    catatan: str | None
    """What the source is (shown to readers)."""
    perbaikan: tuple[Perbaikan, ...]
    """Noise repaired in the words."""
    derau: tuple[Derau, ...]
    """Source lines dropped as extraction noise."""
    pdf: str | None = None
    """File name of the PDF `berkas` was read from by `kodeetik import` (None: text given)."""
    sha256: str | None = None
    """SHA-256 of that PDF (64 lowercase hex digits), so the very file can be found again."""

    @property
    def jenis_label(self) -> str:
        return SUMBER_JENIS[self.jenis]


@dataclass(frozen=True, slots=True)
class Status:
    """Whether the regulation is in force."""

    keadaan: str
    """`berlaku`, `dicabut` or `diubah`."""
    oleh: str | None
    """The instrument that revoked or amended it."""
    catatan: str | None
    """Note on the status."""


@dataclass(frozen=True, slots=True)
class Lampiran:
    """An appendix, with its own header lines and content."""

    num: str | None
    """Number as written (`I`, `II`), None for a single unnumbered LAMPIRAN."""
    eid: str
    """Id, e.g. `lampiran_1`."""
    kepala: tuple[str, ...]
    """Header lines as written."""
    judul: str | None
    """Title as written."""
    children: tuple[Node, ...]
    """Content."""
    ditetapkan: Penetapan | None
    """Signature under the appendix."""

    @property
    def label(self) -> str:
        return labels.lampiran_label(self.num)


@dataclass(frozen=True, slots=True)
class Regulation:
    """One regulation (Peraturan or Keputusan), as enacted."""

    id: str
    """Slug, equal to the file name; used in URLs."""
    path: str
    """YAML file it was loaded from."""
    jenis: str
    """Kind, one of JENIS."""
    nomor: str
    """Number as written."""
    tahun: int
    """Year."""
    tentang: str
    """Subject."""
    singkatan: str
    """Short name, e.g. `Perbup Bengkayang 51/2020`."""
    wilayah: Wilayah
    """Issuing region."""
    penyelenggara: Penyelenggara
    """Body it governs."""
    status: Status
    """In force or not."""
    sumber: Sumber
    """Provenance."""
    kepala: tuple[str, ...]
    """Letterhead/heading lines as written."""
    judul: str | None
    """Title line(s) as written."""
    pembukaan: tuple[str, ...]
    """Opening formula lines (DENGAN RAHMAT ..., the official)."""
    menimbang: tuple[Node, ...]
    """Considerations."""
    mengingat: tuple[Node, ...]
    """Legal basis."""
    memutuskan: str | None
    """Text after "Menetapkan :"."""
    batang_tubuh: tuple[Node, ...]
    """Body (BAB/Pasal) of a Peraturan."""
    diktum: tuple[Node, ...]
    """Diktum of a Keputusan."""
    penutup: tuple[str, ...]
    """Closing sentences outside any Pasal or Diktum."""
    ditetapkan: Penetapan | None
    """Enactment."""
    diundangkan: Penetapan | None
    """Promulgation."""
    pengundangan: str | None
    """Where promulgated (Berita Daerah ...), as written."""
    tembusan: tuple[str, ...]
    """Copies to, as written."""
    lampiran: tuple[Lampiran, ...]
    """Appendices."""
    catatan: tuple[str, ...]
    """Editorial notes on the whole regulation."""
    provisions: Mapping[str, Node] = field(default_factory=lambda: MappingProxyType({}))
    """Every node by id."""
    peta_rujukan: tuple[PetaRujukan, ...] = ()
    """Editorial mappings of cited units the source does not number."""
    poster: PosterIsi | None = None
    """Which provisions its counter posters quote (None: no budaya pelayanan or larangan poster)."""
    lingkup: "Lingkup | None" = None
    """Who the code binds (`lingkup:`; None: not stated, the penyelenggara's name stands for it)."""

    @property
    def is_keputusan(self) -> bool:
        return self.jenis.startswith("Keputusan")

    @property
    def nama_resmi(self) -> str:
        """Formal name as cited: `Peraturan Bupati Bengkayang Nomor 51 Tahun 2020`; an instrument of the
        head of a body is named after the body: `Keputusan Kepala Dinas Sosial Provinsi Banten Nomor
        ...` (a Keputusan's nomor holds its year), `Peraturan Kepala Dinas Kesehatan Kota X Nomor 3
        Tahun 2022`."""
        if self.jenis.startswith(("Keputusan Kepala", "Peraturan Kepala")):
            body = self.penyelenggara.nama
            for prefix in ("Dinas ", "Badan "):
                if self.jenis.endswith(prefix.strip()) and body.startswith(prefix):
                    body = body[len(prefix):]
            year = "" if self.is_keputusan else f" Tahun {self.tahun}"
            return f"{self.jenis} {body} Nomor {self.nomor}{year}"
        region = self.wilayah.nama
        return f"{self.jenis} {region} Nomor {self.nomor} Tahun {self.tahun}"

    def all_nodes(self) -> Iterator[Node]:
        for group in (self.menimbang, self.mengingat, self.batang_tubuh, self.diktum):
            for node in group:
                yield from node.walk()
        for lamp in self.lampiran:
            for node in lamp.children:
                yield from node.walk()

    def belum_pasti(self, eid: str) -> bool:
        """Whether the provision, or a unit it is nested in, is of uncertain standing (`kedudukan`):
        shown with its note, never tagged, compared, quoted or cited as the regulation's text."""
        return uncertain_unit(self.provisions, eid) is not None

    def citation(self, eid: str) -> str:
        """Citation of a provision: `Pasal 11 huruf c Peraturan Bupati Bengkayang Nomor 51 Tahun 2020`."""
        return labels.citation(self, eid)


def uncertain_unit(provisions: Mapping[str, Node], eid: str) -> Node | None:
    """The provision itself or the unit it is nested in that carries `kedudukan`, if any."""
    parts = eid.split("__")
    for i in range(1, len(parts) + 1):
        node = provisions.get("__".join(parts[:i]))
        if node is not None and node.kedudukan is not None:
            return node
    return None


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything loaded from `regulations/`."""

    wilayah: tuple[Wilayah, ...]
    """Regions, provinces first then by code."""
    penyelenggara: tuple[Penyelenggara, ...]
    """Bodies."""
    regulations: tuple[Regulation, ...]
    """Regulations, by region code then year."""
    pengaduan: tuple[KanalPengaduan, ...] = ()
    """National complaint channels (`_pengaduan.yaml`), in the order they are printed."""
    maklumat: MaklumatBaku | None = None
    """The usual maklumat wording (`_maklumat.yaml`)."""

    def wilayah_by_kode(self, kode: str) -> Wilayah:
        return next(w for w in self.wilayah if w.kode == kode)

    def provinces(self) -> list[Wilayah]:
        return [w for w in self.wilayah if w.is_provinsi]

    def districts_of(self, prov: Wilayah) -> list[Wilayah]:
        return [w for w in self.wilayah if not w.is_provinsi and w.kode_provinsi == prov.kode]

    def regulations_of(self, wil: Wilayah) -> list[Regulation]:
        return [r for r in self.regulations if r.wilayah.kode == wil.kode]

    def province_of(self, wil: Wilayah) -> Wilayah:
        return self.wilayah_by_kode(wil.kode_provinsi)
