"""The poster maker (`poster/buat/`): an office not in the data makes its own counter poster.

A standalone page (like the printed posters: no site chrome, its own print stylesheet) with a form:
the regulation that binds the office, the unit's name, address, hours, head and complaint desk, the
kind of poster and the paper. The browser composes the poster from pieces the build renders with
the same templates as the built posters (`_poster_macros.html`), one file per regulation
(`poster/buat/peraturan/<id>.html`, fetched when chosen), fills in what the office typed (as text,
never as HTML) and fits the type to one sheet. Nothing is sent anywhere; the choices live in the
page's address, so an office can keep the link.

Independent of MkDocs: the glue asks for the files and adds them to the site.
"""

from __future__ import annotations

from ..kodeetik.model import Corpus, Regulation
from .hak_anda import hak_url, in_force
from .posters import BASE_PT, KINDS, PAPERS, SCALES, poster_groups
from ..kodeetik.posterdata import kutipan_citation
from .qr import qr_context

BASE = "poster/buat/"
PAGE = BASE + "index.html"


def piece_file(reg: Regulation) -> str:
    """The maker's piece of one regulation: its quoted lists and footers, as templates."""
    return f"{BASE}peraturan/{reg.id}.html"


def maker_regulations(corpus: Corpus) -> list[Regulation]:
    """Regulations an office may choose: in force, with something a poster can quote."""
    out = []
    for prov in corpus.provinces():
        for wil in [prov, *corpus.districts_of(prov)]:
            out += [r for r in in_force(corpus, wil) if r.poster is not None]
    return out


def maker_files(corpus: Corpus, renderer, site_url: str) -> dict[str, str]:
    """The maker page and one piece per regulation, by site path."""
    regs = maker_regulations(corpus)
    files: dict[str, str] = {}
    groups = []
    for prov in corpus.provinces():
        mine = [r for r in regs if r.wilayah.kode_provinsi == prov.kode]
        if mine:
            groups.append((prov, mine))
    files[PAGE] = renderer.render(
        "poster_buat.html", BASE, groups=groups, papers=PAPERS, kinds=KINDS, scales=SCALES, base_pt=BASE_PT,
        kanal=corpus.pengaduan, maklumat=corpus.maklumat, piece_file=piece_file,
        **qr_context(site_url, "hak-anda/"))
    for reg in regs:
        isi = reg.poster
        larangan = poster_groups(reg, isi.larangan) if isi.larangan else []
        rute = poster_groups(reg, isi.pengaduan) if isi.pengaduan else []
        files[piece_file(reg)] = renderer.render(
            "poster_buat_peraturan.html", piece_file(reg), reg=reg, kanal=corpus.pengaduan,
            budaya=poster_groups(reg, isi.budaya_pelayanan) if isi.budaya_pelayanan else [],
            budaya_citation=kutipan_citation(reg, isi.budaya_pelayanan) if isi.budaya_pelayanan else "",
            larangan=larangan, larangan_citation=kutipan_citation(reg, isi.larangan) if isi.larangan else "",
            rute=rute, rute_citation=kutipan_citation(reg, isi.pengaduan) if isi.pengaduan else "",
            **qr_context(site_url, hak_url(corpus, reg.wilayah)))
    return files
