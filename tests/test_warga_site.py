"""The built "Hak Anda" pages, quizzes, orientation handbooks and trainer's sheets, checked against
the data (the real site, and a fixture project with altered data)."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from pypdf import PdfReader

from conftest import ROOT, make_project, run_mkdocs
from htmltext import text_of
from macros.kodeetik.kuis import buat_kuis, lead_in
from macros.kodeetik.perbedaan import perbedaan
from macros.kodeetik.pipeline import load_site
from macros.kodeetik.sesi import kasus_buku, rencana
from macros.kodeetik.topics import flat_text, parent_map
from macros.render.hak_anda import hak_uri
from macros.render.templating import uri_to_url
from posterkit import pdf_fonts
from test_warga_data import held_by

BENGKAYANG = "perbup-bengkayang-51-2020"


@pytest.fixture(scope="module")
def data(real):
    return real.corpus, real.topics, real.hak, real.kuis


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def hak_file(corpus, w) -> str:
    return uri_to_url(hak_uri(corpus, w)) + "index.html"


class _Elements(HTMLParser):
    """Collects, per element with one of `classes`, its attributes and the links inside it."""

    def __init__(self, classes: set[str]):
        super().__init__(convert_charrefs=True)
        self.classes = classes
        self.stack: list[tuple[str, dict]] = []
        self.found: list[dict] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag in ("br", "img", "input", "meta", "link", "wbr", "hr"):
            if tag == "input":
                for _, el in self.stack:
                    if el is not None:
                        el["inputs"].append(a)
            return
        el = None
        if set((a.get("class") or "").split()) & self.classes:
            el = {"tag": tag, "attrs": a, "links": [], "inputs": []}
            self.found.append(el)
        self.stack.append((tag, el))
        if tag == "a" and a.get("href"):
            for _, open_el in self.stack:
                if open_el is not None:
                    open_el["links"].append(a)

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break


def elements(html: str, *classes: str) -> tuple[list[dict], set[str]]:
    p = _Elements(set(classes))
    p.feed(html)
    return p.found, p.ids


def resolve(site: Path, page: str, href: str) -> tuple[Path, str]:
    """The file and fragment a relative link on `page` points to."""
    parts = urlsplit(href)
    target = Path(posixpath.normpath(str((site / page).parent / unquote(parts.path))))
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def missing_anchors(site: Path, page: str, statements: list[dict]) -> list[str]:
    """Links of the statements whose page or anchor does not exist (and statements without links)."""
    out = []
    ids_of: dict[Path, set[str]] = {}
    for st in statements:
        links = [ln for ln in st["links"] if ln.get("data-eid")]
        if not links:
            out.append(f"{st['attrs'].get('id')}: no link")
        for ln in links:
            target, fragment = resolve(site, page, ln["href"])
            if not target.is_file():
                out.append(ln["href"])
                continue
            if target not in ids_of:
                ids_of[target] = elements(target.read_text(encoding="utf-8"))[1]
            if not fragment or fragment not in ids_of[target]:
                out.append(ln["href"])
    return out


# --------------------------------------------------------------------------- Hak Anda

def test_every_region_has_a_hak_anda_page(real_site, data):
    corpus = data[0]
    for w in corpus.wilayah:
        html = read(real_site.site, hak_file(corpus, w))
        assert f"<h1>Hak Anda di {w.nama_lengkap}</h1>" in html
    index = read(real_site.site, "hak-anda/index.html")
    assert index.count('href="kalimantan-barat/kabupaten-bengkayang/"') == 1


def test_every_statement_links_to_an_existing_provision_tagged_with_its_item(real_site, data):
    corpus, topics = data[0], data[1]
    total = 0
    for w in corpus.wilayah:
        rel = hak_file(corpus, w)
        statements, _ = elements(read(real_site.site, rel), "ke-hak__pernyataan")
        assert missing_anchors(real_site.site, rel, statements) == [], rel
        for st in statements:
            for ln in st["links"]:
                target, eid = resolve(real_site.site, rel, ln["href"])
                reg_id = target.parent.name
                assert st["attrs"]["data-butir"] in topics.tags_of(reg_id, eid), (rel, eid)
        total += len(statements)
        if corpus.regulations_of(w):
            assert statements, rel
    assert total > 100
    # The check is real: a statement pointing to a provision that is not there is caught.
    rel = hak_file(corpus, corpus.wilayah_by_kode("61.07"))
    broken = read(real_site.site, rel).replace("#bab_3__pasal_11__huruf_c", "#bab_3__pasal_11__huruf_z", 1)
    assert missing_anchors(real_site.site, rel, elements(broken, "ke-hak__pernyataan")[0]) == [
        "../../../peraturan/perbup-bengkayang-51-2020/#bab_3__pasal_11__huruf_z"]


def test_statements_are_marked_as_explanations_and_keep_the_editors_words(real_site, data):
    corpus, topics, hak = data[0], data[1], data[2]
    html = read(real_site.site, hak_file(corpus, corpus.wilayah_by_kode("61.07")))
    item = topics.items["larangan.pungli"]
    # The item's search words are there for search only, hidden from readers.
    hidden = f'<span class="ke-kata-cari" id="kc-larangan-larangan-pungli" hidden data-pagefind-weight="2">{", ".join(item.kata_cari)}</span>'
    assert hidden in html
    text = text_of(html.replace(hidden, ""), id="larangan-larangan-pungli")
    assert text == f"Penjelasan {item.label}. {item.penjelasan} Dasar: Pasal 11 huruf c Perbup Bengkayang 51/2020"
    sanksi = text_of(html, id="sanksi-sanksi-dasar")
    assert hak.pernyataan["sanksi.dasar"] in sanksi
    statements, _ = elements(html, "ke-hak__pernyataan")
    national, _ = elements(html, "ke-hak__nasional")  # national rules where the code is silent
    assert html.count('<span class="ke-hak__penjelasan">Penjelasan</span>') == len(statements) + len(national)
    assert len(statements) > 30


def test_first_screen_summary_names_prohibitions_and_channels_in_order(real_site, data):
    corpus = data[0]
    html = read(real_site.site, hak_file(corpus, corpus.wilayah_by_kode("61.07")))
    summary = text_of(html, cls="ke-hak__ringkas")
    assert summary.startswith("Singkatnya Petugas tidak boleh: Pungutan liar / imbalan di luar ketentuan")
    assert "5 larangan lainnya" in summary
    # No own channel in the data: the office's desk first, then the national channels in data order.
    channels = summary.split("Mengadu ke:", 1)[1]
    assert channels.index("Unit pengaduan") < channels.index("SP4N-LAPOR!") < channels.index("Ombudsman")
    assert '<a href="sms:1708">SMS 1708</a>' in html and '<a href="tel:137">Call center 137</a>' in html
    # The summary's links go to statements on the page.
    links, ids = elements(html, "ke-hak__ringkas")
    for ln in links[0]["links"]:
        if ln["href"].startswith("#"):
            assert ln["href"][1:] in ids


def test_district_and_province_pages_point_to_each_other(real_site, data):
    corpus = data[0]
    district = read(real_site.site, hak_file(corpus, corpus.wilayah_by_kode("61.07")))
    assert "Pelayanan oleh perangkat daerah provinsi" not in district  # Kalimantan Barat has no own code
    riau = read(real_site.site, hak_file(corpus, corpus.wilayah_by_kode("14")))
    assert "belum memuat kode etik pelayanan publik Provinsi Riau" in riau
    assert 'href="kabupaten-bengkalis/">Hak Anda di Kabupaten Bengkalis' in riau


def test_training_pages_stay_out_of_the_search_index_and_hak_anda_pages_are_in(real_site):
    for rel in ("hak-anda/index.html", "pelatihan/index.html", f"pelatihan/{BENGKAYANG}/kuis/index.html"):
        assert "data-pagefind-body" not in read(real_site.site, rel), rel
    # A region's Hak Anda page answers plain questions in plain words: it is searched (issue 16).
    assert "data-pagefind-body" in read(real_site.site, "hak-anda/kalimantan-timur/index.html")
    assert "data-pagefind-body" in read(real_site.site, f"peraturan/{BENGKAYANG}/index.html")


def test_region_regulation_and_home_pages_link_to_the_new_pages(real_site):
    region = read(real_site.site, "wilayah/kalimantan-barat/kabupaten-bengkayang/index.html")
    assert '<a href="../../../hak-anda/kalimantan-barat/kabupaten-bengkayang/"><strong>Hak Anda' in region
    reg = read(real_site.site, f"peraturan/{BENGKAYANG}/index.html")
    info = text_of(reg, cls="ke-meta")
    assert "Pelatihan Buku orientasi (PDF) · Kuis · Lembar pelatih" in info
    for href in (f"../../pelatihan/{BENGKAYANG}/buku/", f"../../pelatihan/{BENGKAYANG}/kuis/",
                 f"../../pelatihan/{BENGKAYANG}/buku-orientasi-{BENGKAYANG}.pdf"):
        assert f'href="{href}"' in reg
    home = read(real_site.site, "index.html")
    for href in ("hak-anda/", "pelatihan/", "poster/", "hak-anda/kalimantan-barat/kabupaten-bengkayang/"):
        assert f'href="{href}"' in home, href
    # Complaint channels on the home page come from the data.
    assert '<a href="https://ombudsman.go.id/pengaduan">ombudsman.go.id/pengaduan</a>' in home


# --------------------------------------------------------------------------- quizzes

def test_quiz_answers_recomputed_from_the_data(real_site, data):
    corpus, topics, _, kuis = data
    for reg in corpus.regulations:
        rel = f"pelatihan/{reg.id}/kuis/index.html"
        html = read(real_site.site, rel)
        forms, ids = elements(html, "ke-kuis__soal")
        assert len(forms) >= 6, reg.id
        for q in forms:
            if q["attrs"]["data-jenis"] == "kasus":  # editorial options; their basis: tests/test_kasus.py
                continue
            area = q["attrs"]["data-bidang"]
            asked = {i.key for i in topics.area(area).items}
            inputs = q["inputs"]
            benar = int(re.search(rf'id="{q["attrs"]["id"]}".*?data-benar="(\d+)"', html, re.S).group(1))
            right = inputs[benar]
            assert right["data-peraturan"] == reg.id and right["data-butir"] in asked
            assert right["data-butir"] in topics.tags_of(reg.id, right["data-eid"])
            for i, opt in enumerate(inputs):
                if i == benar:
                    continue
                other = next(r for r in corpus.regulations if r.id == opt["data-peraturan"])
                if q["attrs"]["data-jenis"] == "kata":
                    parents = parent_map(other)
                    chain = {opt["data-eid"]}
                    node = parents.get(opt["data-eid"])
                    while node is not None:
                        chain.add(node.eid)
                        node = parents.get(node.eid)
                    tags = {t for e in chain for t in topics.tags_of(other.id, e)}
                    if kuis.marks(area, lead_in(opt["data-eid"], parents)):  # of the same kind: another region's
                        assert other.id != reg.id and not tags & held_by(reg, kuis, topics), (rel, opt)
                    else:
                        assert not tags & asked, (rel, opt)
                else:
                    assert not topics.hits_for(opt["data-butir"], reg.id), (rel, opt)
                    assert opt["data-butir"] in topics.tags_of(other.id, opt["data-eid"])
            # After answering, the right answer cites and links its provision.
            answer = [ln for ln in q["links"] if ln.get("data-jawaban") == "benar"]
            assert len(answer) == 1 and answer[0]["href"].endswith(f"{reg.id}/#{right['data-eid']}")
        assert missing_anchors(real_site.site, rel, [{"attrs": {}, "links": [
            dict(ln, **{"data-eid": "x"}) for q in forms for ln in q["links"]]}]) == []


def test_quiz_options_are_the_enacted_words_and_the_same_as_generated(real_site, data):
    corpus, topics, _, kuis = data
    reg = next(r for r in corpus.regulations if r.id == BENGKAYANG)
    html = read(real_site.site, f"pelatihan/{reg.id}/kuis/index.html")
    quotes = [unescape(q) for q in re.findall(r'<q class="ke-kuis__kutipan">(.*?)</q>', html, re.S)]
    kasus = load_site(ROOT / "regulations").kasus
    expected = [p.teks for s in buat_kuis(reg, kuis, topics, corpus, kasus) if s.jenis == "kata" for p in s.pilihan]
    assert quotes == expected  # the build (another process) made the same quiz: deterministic
    enacted = {flat_text(n) for r in corpus.regulations for n in r.provisions.values()}
    assert quotes and set(quotes) <= enacted  # every option quoted is a provision's words, unaltered


# --------------------------------------------------------------------------- handbooks

def pages_text(pdf: Path) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "").strip() for p in PdfReader(pdf).pages]


def starts_page(pages: list[str], heading: str, header: str) -> int | None:
    """Index of the page that begins with `heading`, after the running header and the page number
    (a text extractor may read those first)."""
    for i, text in enumerate(pages):
        rest = re.sub(r"Halaman \d+ dari \d+", "", text).replace(header, "", 1)
        rest = re.sub(r"\s+", " ", rest).strip()
        if rest.startswith(heading):
            return i
    return None


def test_handbook_pdf_exists_and_every_bab_and_lampiran_starts_a_page(real_site, data):
    corpus = data[0]
    for reg in corpus.regulations:
        pdf = real_site.site / f"pelatihan/{reg.id}/buku-orientasi-{reg.id}.pdf"
        pages = pages_text(pdf)
        assert len(pages) > 4, reg.id
        found = []
        for node in reg.batang_tubuh:
            if node.type == "bab":
                heading = re.sub(r"\s+", " ", f"BAB {node.num} {node.heading or ''}").strip()
                found.append(starts_page(pages, heading, reg.singkatan))
                assert found[-1] is not None, (reg.id, heading)
        for lamp in reg.lampiran:
            found.append(starts_page(pages, lamp.label.upper(), reg.singkatan))
            assert found[-1] is not None, (reg.id, lamp.label)
        assert found == sorted(found) and len(set(found)) == len(found)
        # Front matter: contents, then a one-page summary, each on a page of its own.
        summary = starts_page(pages, "Yang harus diingat", reg.singkatan)
        assert starts_page(pages, "Daftar isi", reg.singkatan) == 1 and summary == 2
        assert starts_page(pages, "Tentang peraturan ini", reg.singkatan) == summary + 1, reg.id
        assert any(f"Halaman {len(pages)} dari {len(pages)}" in p for p in pages)
    # The check is real: a Pasal that follows another on the same page does not start one.
    bengkayang = next(r for r in corpus.regulations if r.id == BENGKAYANG)
    pages = pages_text(real_site.site / f"pelatihan/{BENGKAYANG}/buku-orientasi-{BENGKAYANG}.pdf")
    assert starts_page(pages, "Pasal 3", bengkayang.singkatan) is None
    assert starts_page(pages, "BAB III KODE ETIK PELAYANAN PUBLIK", bengkayang.singkatan) is not None


def test_handbook_has_contents_summary_ids_and_the_shipped_font(real_site, data):
    corpus, topics = data[0], data[1]
    reg = next(r for r in corpus.regulations if r.id == BENGKAYANG)
    pdf = real_site.site / f"pelatihan/{BENGKAYANG}/buku-orientasi-{BENGKAYANG}.pdf"
    pages = pages_text(pdf)
    assert "BUKU ORIENTASI PEGAWAI" in pages[0] and reg.nama_resmi in pages[0]
    contents = pages[1]
    assert contents.startswith("Daftar isi") and re.search(r"BAB III KODE ETIK PELAYANAN PUBLIK \(Pasal 7–12\)\s*\.*\s*\d+", contents)
    summary = next(p for p in pages if "Yang harus diingat" in p and "Larangan" in p)
    for item in topics.area("larangan").items:
        if topics.hits_for(item.key, reg.id):
            assert item.label in summary
    assert "SP4N-LAPOR!" in summary
    everything = " ".join(pages)
    assert "Pasal 11 huruf c" in everything and "bab_3__pasal_11__huruf_c" not in everything  # human labels only
    assert set(pdf_fonts(pdf).values()) <= {"Liberation Sans Version 2.1.5"}


def test_handbook_page_holds_every_provision_in_its_words(real_site, data):
    corpus = data[0]
    for reg in corpus.regulations:
        html = read(real_site.site, f"pelatihan/{reg.id}/buku/index.html")
        _, ids = elements(html)
        plain = html.replace("<em>", "").replace("</em>", "")  # the source's italics (`miring`)
        for node in reg.all_nodes():
            assert node.eid in ids, (reg.id, node.eid)
            for words in (node.text, node.text_after, node.heading):
                if words:
                    assert words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in plain, (reg.id, node.eid)
        assert "@page" not in html and 'href="../../../assets/cetak/buku.css"' in html


PROVISION_ID = re.compile(r"\b[a-z]+_\d+[a-z]?(?:__|\b)|__[a-z]+_")
"""An internal provision id (`bab_3__pasal_11__huruf_c`, `lampiran_1`): a site anchor, never printed."""


def test_no_handbook_sheet_or_poster_pdf_prints_a_provision_id(real_site, data):
    corpus = data[0]
    printed = sorted((real_site.site / "pelatihan").rglob("*.pdf")) + sorted((real_site.site / "poster").rglob("*.pdf"))
    in_force = [r for r in corpus.regulations if r.status.keadaan != "dicabut"]
    assert len([p for p in printed if p.parent.parent.name == "pelatihan"]) == 2 * len(in_force)
    assert len(printed) > 2 * len(in_force)
    for pdf in printed:
        text = " ".join(pages_text(pdf))
        assert text and not PROVISION_ID.findall(text), (pdf.name, PROVISION_ID.findall(text)[:5])
    # Negative control: the pattern finds ids, which the handbook's HTML still has as anchors.
    html = read(real_site.site, f"pelatihan/{BENGKAYANG}/buku/index.html")
    assert 'id="bab_3__pasal_11__huruf_c"' in html and PROVISION_ID.search("bab_3__pasal_11__huruf_c")
    assert PROVISION_ID.search("diberi id bab_5a.") and not PROVISION_ID.search("Pasal 11 huruf c BAB III")


def test_handbook_has_every_part_for_people(real_site):
    site = load_site(ROOT / "regulations")
    for reg in site.corpus.regulations:
        if reg.status.keadaan == "dicabut":
            continue
        pages = pages_text(real_site.site / f"pelatihan/{reg.id}/buku-orientasi-{reg.id}.pdf")
        text = " ".join(pages)
        who = reg.lingkup.mengikat if reg.lingkup else reg.penyelenggara.nama
        about = starts_page(pages, "Tentang peraturan ini", reg.singkatan)
        assert about is not None and f"Siapa yang terikat Kode etik ini mengikat {who}" in pages[about], reg.id
        assert "Mengapa penting" in pages[about] and "Tujuan belajar" in pages[about], reg.id
        summary = pages[starts_page(pages, "Yang harus diingat", reg.singkatan)]
        assert "Jangan: Larangan" in summary and "Lakukan: " in summary, reg.id
        cases = starts_page(pages, "Kasus di loket", reg.singkatan)
        appendix = starts_page(pages, "Lampiran buku: naskah lengkap peraturan", reg.singkatan)
        assert cases is not None and appendix is not None and about < cases < appendix, reg.id
        chosen = kasus_buku(reg, site.kasus)
        worked = " ".join(pages[cases:appendix])
        squeezed = worked.replace(" ", "")  # a line may break after a hyphen ("127-" / "Dinsos")
        for n, d in enumerate(chosen, 1):
            assert f"Kasus{n}{d.kasus.adegan}".replace(" ", "").replace("\n", "") in squeezed, (reg.id, d.kasus.id)
            assert f"Dasar: {'; '.join(d.dasar)} {reg.singkatan}.".replace(" ", "") in squeezed, (reg.id, d.kasus.id)
        assert f"Kasus {len(chosen) + 1}" not in worked
        assert "Daftar isi" in text and "Kasus di loket" in pages[1]  # and listed in the contents


# --------------------------------------------------------------------------- trainer's sheets

def test_trainer_sheet_is_one_page_with_what_the_data_says(real_site, data):
    corpus, topics = data[0], data[1]
    for reg in corpus.regulations:
        pdf = real_site.site / f"pelatihan/{reg.id}/lembar-pelatih-{reg.id}.pdf"
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 3, reg.id  # the comparison, then a plan per page at least
        text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
        assert "Rencana sesi" not in text, reg.id  # the comparison has its page to itself
        beda = perbedaan(reg, corpus, topics, serupa=data[3].serupa)
        for row in beda.berbeda:
            if row.area.key == "definisi":
                continue
            assert row.area.label in text
            for item in row.hanya:
                assert item.label in text, (reg.id, item.key)
    sumbawa = re.sub(r"\s+", " ", PdfReader(real_site.site / "pelatihan/perbup-sumbawa-6-2020/"
                                            "lembar-pelatih-perbup-sumbawa-6-2020.pdf").pages[0].extract_text())
    assert "Pembentukan majelis" in sumbawa and "Majelis kode etik 8 / 0,0" in sumbawa
    assert "Pungutan liar" not in sumbawa  # it forbids accepting an imbalan: not "lacking" (serupa)


def test_trainer_sheet_carries_60_and_90_minute_plans_with_decided_situations(real_site):
    site = load_site(ROOT / "regulations")
    for reg in site.corpus.regulations:
        if reg.status.keadaan == "dicabut":
            continue
        html = read(real_site.site, f"pelatihan/{reg.id}/lembar-pelatih/index.html")
        plans = re.findall(r'<section class="sesi" aria-labelledby="sesi-(\d+)">(.*?)</section>', html, re.S)
        assert [int(m) for m, _ in plans] == [60, 90], reg.id
        for (minutes, body), plan in zip(plans, rencana(reg, site.kasus)):
            steps = [int(x) for x in re.findall(r'<tr data-menit="(\d+)">', body)]
            assert len(steps) == len(plan.langkah) and sum(steps) == int(minutes), (reg.id, minutes)
            listed = re.findall(r'<li data-kasus="([a-z0-9-]+)">', body)
            assert listed == [d.kasus.id for s in plan.langkah for d in s.kasus], reg.id
            assert listed and all(reg.id in k.dasar for k in site.kasus if k.id in listed), reg.id
            assert "Kunci jawaban" in body
        pdf = pages_text(real_site.site / f"pelatihan/{reg.id}/lembar-pelatih-{reg.id}.pdf")
        assert any(p.startswith(f"Rencana sesi 60 menit: {reg.singkatan}") for p in pdf), reg.id
        assert any(p.startswith(f"Rencana sesi 90 menit: {reg.singkatan}") for p in pdf), reg.id
    # Negative control: a situation Bengkayang does not decide is not on its sheet.
    undecided = [k.id for k in site.kasus if BENGKAYANG not in k.dasar]
    sheet = read(real_site.site, f"pelatihan/{BENGKAYANG}/lembar-pelatih/index.html")
    assert undecided and not any(f'data-kasus="{k}"' in sheet for k in undecided)


# --------------------------------------------------------------------------- altered data

@pytest.fixture(scope="module")
def altered(tmp_path_factory):
    """Bengkayang's body gets a complaint desk of its own; a statement carries markup."""
    tmp = tmp_path_factory.mktemp("warga")
    project = make_project(tmp)
    pen = project / "regulations" / "_penyelenggara.yaml"
    text = pen.read_text(encoding="utf-8")
    old = "  - id: pemkab-bengkayang\n    nama: Pemerintah Kabupaten Bengkayang\n"
    assert old in text
    pen.write_text(text.replace(old, old + "    pengaduan:\n      - nama: Posko Pengaduan Bengkayang\n"
                                "        kontak:\n          - jenis: whatsapp\n            nilai: \"0812 0000 0001\"\n"), encoding="utf-8")
    hak = project / "regulations" / "_hak_anda.yaml"
    hak.write_text(hak.read_text(encoding="utf-8").replace(
        "  sanksi.dasar: Petugas yang melanggar kode etik dapat dikenai sanksi.",
        "  sanksi.dasar: \"<script>alert(1)</script> {{ 7*7 }} dapat dikenai sanksi.\""), encoding="utf-8")
    build = run_mkdocs(project, tmp / "site")
    assert build.returncode == 0, build.output
    return build


def test_own_complaint_channel_comes_first(altered):
    html = read(altered.site, "hak-anda/kalimantan-barat/kabupaten-bengkayang/index.html")
    channels = text_of(html, cls="ke-hak__ringkas").split("Mengadu ke:", 1)[1]
    assert channels.index("Posko Pengaduan Bengkayang") < channels.index("SP4N-LAPOR!")
    assert "Unit pengaduan" not in channels  # the generic desk only when the data has none
    assert '<a href="https://wa.me/081200000001">WhatsApp 0812 0000 0001</a>' in html
    handbook = read(altered.site, f"pelatihan/{BENGKAYANG}/buku/index.html")
    assert "Posko Pengaduan Bengkayang" in handbook


def test_statement_text_is_escaped(altered):
    html = read(altered.site, "hak-anda/kalimantan-barat/kabupaten-bengkayang/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} dapat dikenai sanksi." in html
    assert "<script>alert(1)" not in html and "49 dapat" not in html


def test_bad_quiz_data_stops_the_build_before_anything_is_written(tmp_path):
    project = make_project(tmp_path)
    kuis = project / "regulations" / "_kuis.yaml"
    kuis.write_text(kuis.read_text(encoding="utf-8").replace("bidang: tata_perilaku", "bidang: tata_krama"),
                    encoding="utf-8")
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode != 0 and not (tmp_path / "site").exists()
    assert re.search(r"regulations/_kuis\.yaml:\d+ \[soal \(line \d+\)\]: 'bidang' is 'tata_krama'", build.output)
    assert "Nothing was built" in build.output


def test_handbook_sheet_and_poster_pdfs_are_tagged_for_screen_readers(real_site):
    """Tagged PDF: headings, lists and reading order reach a screen reader, in Indonesian."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    printed = [real_site.site / f"pelatihan/{BENGKAYANG}" / name
               for name in (f"buku-orientasi-{BENGKAYANG}.pdf", f"lembar-pelatih-{BENGKAYANG}.pdf")]
    printed += sorted((real_site.site / "poster").rglob("*.pdf"))
    assert len(printed) > 10
    for path in printed:
        name = path.name
        document = pypdfium2.PdfDocument(path)
        try:
            assert pdfium.FPDFCatalog_IsTagged(document.raw), name
        finally:
            document.close()
    # Negative control: an untagged print of the same handbook is told apart.
    from weasyprint import HTML

    page = real_site.site / f"pelatihan/{BENGKAYANG}/buku/index.html"
    plain = pypdfium2.PdfDocument(HTML(filename=page).write_pdf())
    try:
        assert not pdfium.FPDFCatalog_IsTagged(plain.raw)
    finally:
        plain.close()
