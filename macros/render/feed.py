"""The change feeds (Atom, RFC 4287): `feed.xml` for the whole site and one per region.

Each entry is one change of one regulation (added, changed, status changed, removed), dated by its
commit (macros/kodeetik/riwayat.py), so a build of the same commit gives the same bytes. Outside a
full git checkout there is no history: each regulation then has one entry, "tersedia", dated by the
build date (SOURCE_DATE_EPOCH, itself fixed by the last commit when there is one).
"""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from macros.kodeetik.model import Corpus, Regulation, Wilayah
from macros.kodeetik.riwayat import ADDED, CHANGED, REMOVED, STATUS, Perubahan

from .pages import regulation_url

FEED_PATH = "feed.xml"
MAX_ENTRIES = 200
"""Newest entries kept per feed: enough for a reader who checks monthly, small enough to fetch."""

ATOM = "http://www.w3.org/2005/Atom"
TITLES = {ADDED: "Ditambahkan", CHANGED: "Diperbarui", STATUS: "Status berubah", REMOVED: "Dihapus",
          "tersedia": "Tersedia"}
SUMMARIES = {
    ADDED: "Peraturan ini ditambahkan ke situs.",
    CHANGED: "Data peraturan ini diperbarui di situs (teks, catatan redaksi, atau keterangan lain).",
    REMOVED: "Peraturan ini dihapus dari situs.",
    "tersedia": "Peraturan ini tersedia di situs.",
}
STATUS_WORDS = {"berlaku": "berlaku", "diubah": "diubah", "dicabut": "dicabut", None: "tidak tercatat"}


def region_feed_path(w: Wilayah) -> str:
    return f"feed/{w.slug}.xml"


def _stamp(seconds: int) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _authority(site_url: str) -> str:
    return urlsplit(site_url).hostname or "kodeetik.invalid"


def _build_time() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else 0


def _entries(corpus: Corpus, history: list[Perubahan] | None) -> list[Perubahan]:
    if history is not None:
        return history
    when = _build_time()
    return [Perubahan(r.id, "", when, "tersedia", r.singkatan) for r in corpus.regulations]


def _summary(c: Perubahan) -> str:
    if c.jenis == STATUS:
        return f"Status peraturan ini berubah: {STATUS_WORDS.get(c.status_lama, c.status_lama)} → " \
               f"{STATUS_WORDS.get(c.status_baru, c.status_baru)}."
    return SUMMARIES[c.jenis]


def atom(title: str, path: str, entries: list[Perubahan], site_url: str, current: dict[str, Regulation]) -> str:
    """One Atom document; `current` holds the regulations with a page (their entries link to it)."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "id"})
    tag = f"tag:{_authority(site_url)},2024:"
    entries = entries[:MAX_ENTRIES]
    ET.SubElement(root, f"{{{ATOM}}}id").text = tag + path
    ET.SubElement(root, f"{{{ATOM}}}title").text = title
    ET.SubElement(root, f"{{{ATOM}}}updated").text = _stamp(max((c.waktu for c in entries), default=_build_time()))
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "self", "href": site_url + path})
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "alternate", "href": site_url or "/"})
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Kode Etik Pelayanan Publik"
    for c in entries:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{tag}peraturan/{c.reg_id}/{c.commit or c.jenis}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{TITLES[c.jenis]}: {c.singkatan}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(c.waktu)
        if c.reg_id in current:
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate",
                                                      "href": site_url + regulation_url(current[c.reg_id])})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _summary(c)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def feed_files(corpus: Corpus, history: list[Perubahan] | None, site_url: str) -> dict[str, str]:
    """The site's feed and one per region holding regulations (a province's feed holds its
    regencies' too), path relative to the site root -> XML text."""
    entries = _entries(corpus, history)
    current = {r.id: r for r in corpus.regulations}
    files = {FEED_PATH: atom("Perubahan kode etik pelayanan publik", FEED_PATH, entries, site_url, current)}
    for w in corpus.wilayah:
        here = {r.id: r for r in corpus.regulations
                if r.wilayah.kode == w.kode or corpus.province_of(r.wilayah).kode == w.kode}
        if here:
            path = region_feed_path(w)
            files[path] = atom(f"Perubahan kode etik pelayanan publik: {w.nama_lengkap}", path,
                               [c for c in entries if c.reg_id in here], site_url, here)
    return files

