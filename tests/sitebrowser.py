"""The built site in a real browser (conftest's session `browser`, Debian's chromium, and `served`),
with a recorder of every request a page makes and of every Content-Security-Policy violation.

Used by test_privacy.py, test_accessibility.py and test_phone_layout.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit


PAGE_KINDS = {
    "beranda": "",
    "daftar peraturan": "peraturan/",
    "peraturan (Pasal)": "peraturan/perbup-bengkayang-51-2020/",
    "keputusan (Diktum, Lampiran)": "peraturan/kep-diskominfotik-bengkalis-2024/",
    "formulir lampiran": "peraturan/perbup-sumbawa-6-2020/formulir/lampiran-1-formulir-1/",
    "daftar wilayah": "wilayah/",
    "provinsi": "wilayah/kalimantan-barat/",
    "kabupaten": "wilayah/kalimantan-barat/kabupaten-bengkayang/",
    "dasar hukum": "dasar-hukum/",
    "instrumen": "dasar-hukum/uu-5-2014/",
    "cari pasal": "cari-pasal/",
    "perbandingan": "perbandingan/",
    "bidang perbandingan": "perbandingan/larangan/",
    "berdampingan": "perbandingan/berdampingan/",
    "glosarium": "perbandingan/glosarium/",
    "data": "data/",
    "daftar poster": "poster/",
    "poster larangan": "poster/peraturan/perbup-bengkayang-51-2020/larangan-a4/",
    "poster maklumat": "poster/penyelenggara/pemkab-bengkayang/maklumat-pelayanan-a3/",
    "pembuat poster": "poster/buat/?p=perbup-bengkayang-51-2020&jenis=larangan",
    "halaman tulisan": "tentang/",
    "panduan": "menambahkan-peraturan/",
    "aksesibilitas": "aksesibilitas/",
    "hak anda": "hak-anda/",
    "hak anda wilayah": "hak-anda/kalimantan-barat/kabupaten-bengkayang/",
    "buat pengaduan": "pengaduan/buat/?k=perbup-bengkayang-51-2020",
    "bahan pelatihan": "pelatihan/",
    "kuis": "pelatihan/perbup-bengkayang-51-2020/kuis/",
    "buku orientasi": "pelatihan/perbup-bengkayang-51-2020/buku/",
    "lembar pelatih": "pelatihan/perbup-bengkayang-51-2020/lembar-pelatih/",
    "404": "404.html",
}
"""One page of every kind the site has (label: path under the site root)."""

RECORDER = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
    e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));
"""
"""Runs in every page before its own scripts: keeps each CSP violation the page reports."""


@dataclass
class Traffic:
    """What the pages of one browser context asked for."""

    origin: str
    requests: list[str] = field(default_factory=list)
    """Every URL the browser tried to load (before any network)."""
    errors: list[str] = field(default_factory=list)
    """Script errors and console errors."""

    @property
    def foreign(self) -> list[str]:
        """Requests that leave the site (data: and blob: URIs load nothing from anywhere)."""
        return [u for u in self.requests
                if not u.startswith(self.origin) and urlsplit(u).scheme not in ("data", "blob")]


def open_context(browser, origin: str, **options):
    """A browser context that records every request (and aborts those leaving the site, so a test
    never reaches the network), and a Traffic to read them from."""
    context = browser.new_context(locale="id-ID", **options)
    traffic = Traffic(origin)
    context.add_init_script(RECORDER)

    def route(r):
        traffic.requests.append(r.request.url)
        if r.request.url.startswith(origin):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    context.on("page", lambda pg: (pg.on("pageerror", lambda exc: traffic.errors.append(str(exc))),
                                   pg.on("console", lambda m: traffic.errors.append(m.text)
                                         if m.type == "error" else None)))
    return context, traffic


def violations(page) -> list[str]:
    return page.evaluate("() => window.__violations")


def close(context) -> None:
    """Close a context from open_context: its routes first, ignoring requests still in flight
    (closing with a route handler mid-request raised TargetClosedError now and then)."""
    context.unroute_all(behavior="ignoreErrors")
    context.close()
