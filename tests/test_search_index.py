"""The search index as built: what is indexed, with which filters and locations, and when."""

from __future__ import annotations

import gzip
from html import unescape as html_unescape
import json
import os
import re
from pathlib import Path

import pytest

from conftest import ROOT
from htmltext import text_of

BENGKAYANG = "peraturan/perbup-bengkayang-51-2020/index.html"
REGULATIONS = ("kep-diskominfotik-bengkalis-2024", "pergub-kaltim-8-2025", "kep-dinsos-banten-2024",
               "perbup-sumbawa-6-2020", "perbup-bengkayang-51-2020")


def read(build, rel: str) -> str:
    return (build.site / rel).read_text(encoding="utf-8")


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's per-page records (gzip, a `pagefind_dcd` signature, then JSON), by URL."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd"):])
        out[record["url"]] = record
    return out


def search_data(html: str) -> dict[str, list[str]]:
    """The data-pagefind-meta / -filter values of a page, from its .ke-search-data block."""
    block = re.search(r'<div class="ke-search-data" hidden>(.*?)</div>', html, re.S)
    assert block is not None
    out: dict[str, list[str]] = {}
    for kind, name, value in re.findall(
            r'data-pagefind-(meta|filter)="([a-z_]+)\[data-value\]" data-value="([^"]*)"', block.group(1)):
        out.setdefault(f"{kind}:{name}", []).append(html_unescape(value))
    return out


# --------------------------------------------------------------------------- what pages carry

def test_regulation_content_is_the_indexed_body(real_site):
    html = read(real_site, BENGKAYANG)
    body = re.search(r'<div class="ke-search-body" data-pagefind-body>(.*?)<div class="ke-search-data"', html, re.S)
    assert body is not None and 'id="bab_3__pasal_11__huruf_c"' in body.group(1)
    # The chrome around the content is outside it.
    assert "md-header" not in body.group(1) and "md-footer" not in body.group(1)
    assert "md-nav" not in body.group(1)
    assert html.count("data-pagefind-body") == 1


def test_navigation_pages_are_not_indexed(real_site):
    for rel in ("wilayah/kalimantan-barat/kabupaten-bengkayang/index.html", "wilayah/index.html",
                "peraturan/index.html", "404.html"):
        assert "data-pagefind-body" not in read(real_site, rel), rel
    # Negative control: explanatory pages are.
    assert "data-pagefind-body" in read(real_site, "tentang/index.html")


def test_regulation_filters_and_metadata(real_site):
    data = search_data(read(real_site, BENGKAYANG))
    assert data["filter:provinsi"] == ["Kalimantan Barat"]
    assert data["filter:kabupaten_kota"] == ["Kabupaten Bengkayang"]
    assert data["filter:jenis"] == ["Peraturan Bupati"]
    assert data["filter:tahun"] == ["2020"]
    assert data["meta:title"] == ["Peraturan Bupati Bengkayang Nomor 51 Tahun 2020"]
    assert data["meta:wilayah"] == ["Kabupaten Bengkayang, Provinsi Kalimantan Barat"]
    lokasi = json.loads(data["meta:lokasi"][0])
    assert lokasi["bab_3__pasal_11__huruf_c"] == "BAB III KODE ETIK PELAYANAN PUBLIK › Pasal 11 huruf c"
    # A provincial regulation has no kabupaten/kota.
    kaltim = search_data(read(real_site, "peraturan/pergub-kaltim-8-2025/index.html"))
    assert kaltim["filter:provinsi"] == ["Kalimantan Timur"] and "filter:kabupaten_kota" not in kaltim


def test_every_provision_id_on_a_page_has_a_location(real_site):
    for reg in REGULATIONS:
        html = read(real_site, f"peraturan/{reg}/index.html")
        lokasi = json.loads(search_data(html)["meta:lokasi"][0])
        body = html.split('data-pagefind-body>', 1)[1].split('<div class="ke-search-data"', 1)[0]
        ids = set(re.findall(r'\sid="([^"]+)"', body))
        # Ids that are not provisions: the transcription notes, the notes of inferred references.
        ids = {i for i in ids if not i.startswith("dugaan-")}
        # A provision's search words (kc-<id>) are located by the provision they follow.
        words = {i for i in ids if i.startswith("kc-")}
        assert {i[3:] for i in words} <= set(lokasi)
        ids -= words
        assert ids and ids <= set(lokasi) | {"transkripsi"}, (reg, sorted(ids - set(lokasi))[:5])


def test_search_words_are_indexed_hidden_and_weighted_with_their_provision(real_site):
    html = read(real_site, BENGKAYANG)
    spans = dict(re.findall(r'<span class="ke-kata-cari" id="kc-([^"]+)" hidden data-pagefind-weight="2">([^<]*)</span>', html))
    assert "uang pelicin" in spans["bab_3__pasal_11__huruf_c"]          # larangan.pungli
    assert "diskriminasi" in spans["bab_3__pasal_11__huruf_b"]          # "diskriminatif" in the text
    # Negative control: a provision whose topics have no search words gets none.
    assert "menimbang__huruf_a" not in spans and "bab_3__pasal_11__huruf_j" not in spans
    # They are in the index, but not in what a reader sees of the provision.
    record = fragments(real_site.site)["/peraturan/perbup-bengkayang-51-2020/"]
    assert "uang pelicin" in record["content"]
    huruf_c = re.search(r'<li class="ke-item ke-huruf" id="bab_3__pasal_11__huruf_c">(.*?)</li>', html, re.DOTALL).group(1)
    shown = re.sub(r'<span class="ke-kata-cari"[^>]*>[^<]*</span>', "", huruf_c)
    assert "uang pelicin" in huruf_c and "uang pelicin" not in shown


def test_editorial_notes_and_forms_weigh_less(real_site):
    html = read(real_site, "peraturan/perbup-sumbawa-6-2020/index.html")
    assert re.search(r'<div data-pagefind-weight="0.4"><div class="formulir"', html)  # Lampiran forms
    assert re.search(r'<aside class="ke-note[^"]*"[^>]* data-pagefind-weight="0.4">', html)
    # Negative control: enacted words carry no weight attribute (Pagefind's default, 1).
    assert not re.search(r'<p class="ke-text"[^>]*data-pagefind-weight', html)


def test_hak_anda_pages_are_indexed_by_region(real_site):
    html = read(real_site, "hak-anda/banten/index.html")
    assert html.count("data-pagefind-body") == 1
    data = search_data(html)
    assert data["filter:provinsi"] == ["Banten"] and "filter:kabupaten_kota" not in data
    assert data["meta:wilayah"] == ["Provinsi Banten"]
    lokasi = json.loads(data["meta:lokasi"][0])
    assert lokasi["larangan-larangan-diskriminasi"] == "Yang tidak boleh dilakukan petugas › Diskriminasi"
    district = search_data(read(real_site, "hak-anda/kalimantan-barat/kabupaten-bengkayang/index.html"))
    assert district["filter:kabupaten_kota"] == ["Kabupaten Bengkayang"]
    # Negative control: the Hak Anda index only lists regions.
    assert "data-pagefind-body" not in read(real_site, "hak-anda/index.html")


def test_locations_name_the_structure(real_site, real):
    from macros.render.search import location_labels

    regs = {r.id: r for r in real.corpus.regulations}
    sumbawa = location_labels(regs["perbup-sumbawa-6-2020"])
    assert sumbawa["bab_5__bagian_4__pasal_18__ayat_5"] == \
        "BAB V MEKANISME PENEGAKAN KODE ETIK › Bagian Keempat › Pasal 18 ayat (5)"
    assert sumbawa["mengingat__angka_9"] == "Mengingat angka 9"
    bengkalis = location_labels(regs["kep-diskominfotik-bengkalis-2024"])
    assert bengkalis["lampiran_1__angka_2__huruf_l"] == "Lampiran › angka 2 huruf l"
    # An unnumbered paragraph or bullet is located by its parent, not named "paragraf"/"butir".
    assert not [v for v in location_labels(regs["pergub-kaltim-8-2025"]).values()
                if re.search(r"\b(paragraf|butir)\b", v)]


# --------------------------------------------------------------------------- the index itself

def test_index_is_built_in_the_final_site_for_indonesian(real_site):
    entry = json.loads(read(real_site, "pagefind/pagefind-entry.json"))
    assert list(entry["languages"]) == ["id"]
    indexed = [p for p in real_site.site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert entry["languages"]["id"]["page_count"] == len(indexed) > len(REGULATIONS) + 2
    assert (real_site.site / "pagefind" / "pagefind.js").is_file()
    assert (real_site.site / "pagefind" / "wasm.id.pagefind").is_file()
    assert not Path(str(real_site.site) + ".building").exists()
    # Pagefind's ready-made UIs are not published (assets/search.js is the UI).
    assert not (real_site.site / "pagefind" / "pagefind-component-ui.js").exists()


def test_index_holds_the_words_without_chrome(real_site):
    records = fragments(real_site.site)
    urls = set(records)
    assert {"/", "/tentang/"} | {f"/peraturan/{r}/" for r in REGULATIONS} <= urls
    # Explanatory pages about the cited laws are searchable ...
    assert "/dasar-hukum/uu-25-2009/" in urls
    # ... pages that only list or link to others are not (a region is a filter instead).
    navigation = {"/peraturan/", "/wilayah/", "/dasar-hukum/", "/cari-pasal/", "/perbandingan/"}
    assert not urls & navigation
    assert not [u for u in urls if u.startswith("/perbandingan/") and u != "/perbandingan/glosarium/"]
    assert not [u for u in urls if u.startswith("/wilayah/")]
    page = records["/peraturan/perbup-bengkayang-51-2020/"]
    content = page["content"]
    assert " meminta dan/atau menerima imbalan/biaya diluar ketentuan atau melakukan pungutan liar" in content
    assert page["filters"]["provinsi"] == ["Kalimantan Barat"]
    assert page["meta"]["title"] == "Peraturan Bupati Bengkayang Nomor 51 Tahun 2020"
    for chrome in ("Salin tautan", "Salin kutipan", "Kutip sebagai", "Teks sumber", "¶", "huruf c:",
                   "Dirujuk oleh"):
        assert chrome not in content, chrome
    assert not re.search(r"\d{4}tentang|Nomor\d", content)  # no fused words
    assert not any(re.search(r"Salin (tautan|kutipan)", r["content"])
                   for url, r in records.items() if url.startswith("/peraturan/"))
    # Negative control: the page itself does show those buttons and the information table.
    html = read(real_site, BENGKAYANG)
    assert "Salin tautan" in html and "Kutip sebagai" in html and "huruf c: </span>" in html
    assert "Dirujuk oleh:" in html
    # Every anchor Pagefind recorded on the page is one the location map names.
    lokasi = json.loads(page["meta"]["lokasi"])
    # (A provision's search words, kc-<id>, are located by it.)
    anchors = {a["id"] for a in page["anchors"]}
    assert {a[3:] for a in anchors if a.startswith("kc-")} <= set(lokasi)
    assert {a for a in anchors if not a.startswith("kc-")} - set(lokasi) <= {"transkripsi"}


# --------------------------------------------------------------------------- the build glue

def test_index_is_built_before_the_staged_site_is_swapped_in():
    """The plugin moves site.building/ to site/ after the build: Pagefind must index before that."""
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    order = [getattr(f, "__name__", "") for f in config.plugins.events["post_build"]]
    assert order.index("_index_for_search") < order.index("_swap_in"), order
    assert order[-1] == "_swap_in", order  # after every other plugin's post-build work too
    # ... while search wraps a page only after the plugin has placed the page's HTML.
    order = [getattr(f, "__name__", "") for f in config.plugins.events["page_content"]]
    assert order.index("_place_content") < order.index("_wrap_for_search"), order


def test_index_without_indexable_pages_fails_loudly(tmp_path):
    from mkdocs.exceptions import Abort

    from macros.plugin.search import build_index

    # Pagefind alone would index the whole page, header and footer included, when no page is marked.
    (tmp_path / "index.html").write_text("<html lang='id'><body><p>tanpa badan</p></body></html>")
    with pytest.raises(Abort, match="0 pages carry data-pagefind-body, expected 1"):
        build_index(tmp_path, language="id", expected_pages=1)
    assert not (tmp_path / "pagefind").exists()
    # Negative control: once the page is marked, the same call succeeds.
    (tmp_path / "index.html").write_text("<html lang='id'><body><p data-pagefind-body>pelayanan</p></body></html>")
    entry = build_index(tmp_path, language="id", expected_pages=1)
    assert entry["languages"]["id"]["page_count"] == 1


def test_header_offers_pagefind_search_not_materials(real_site):
    html = read(real_site, BENGKAYANG)
    header = re.search(r'<header class="md-header.*?</header>', html, re.S).group(0)
    assert 'data-ke-search' in header and 'data-bundle="../../pagefind/"' in header
    assert 'data-base="../../"' in header
    assert "md-search" not in html  # Material's own search UI is gone
    home = read(real_site, "index.html")
    assert 'data-bundle="pagefind/"' in home
    assert text_of(header, cls="ke-search__title") == "Cari dalam kode etik"


# --------------------------------------------------------------------------- topic areas

@pytest.fixture(scope="module")
def data(real):
    return real.corpus, real.topics, {r.id: r for r in real.corpus.regulations}


def decode_areas(html: str) -> dict[str, set[str]]:
    """A page's `bidang` metadata as the UI reads it: runs of positions in `lokasi`'s key order."""
    found = search_data(html)
    keys = list(json.loads(found["meta:lokasi"][0]))
    out = {}
    for label, runs in json.loads(found["meta:bidang"][0]).items():
        out[label] = {keys[k] for a, b in zip(runs[::2], runs[1::2]) for k in range(a, b + 1)}
    return out


def test_a_provision_is_in_the_areas_of_its_own_tags_those_above_and_below_it(data):
    from macros.render.search import provision_areas

    _, topics, regs = data
    bengkayang = provision_areas(regs["perbup-bengkayang-51-2020"], topics)
    assert bengkayang["bab_3__pasal_11__huruf_c"] == {"larangan"}          # its own tag
    assert bengkayang["bab_3__pasal_11"] == {"larangan"}                   # a lead-in: "... meliputi :"
    assert bengkayang["bab_3__pasal_8__huruf_f"] == {"tata_perilaku"}      # control: not a prohibition
    assert "bab_3" not in bengkayang and "menimbang" not in bengkayang     # a BAB says nothing precise
    sumbawa = provision_areas(regs["perbup-sumbawa-6-2020"], topics)
    # Pasal 10 is tagged as a whole; its huruf carry no tag of their own and are in its area.
    assert "bab_4__pasal_10__huruf_d" not in topics.tags["perbup-sumbawa-6-2020"]
    assert sumbawa["bab_4__pasal_10__huruf_d"] == {"majelis_kode_etik"}
    # Bengkalis tags the whole ruang lingkup (teks 4) and each item inside it: both count.
    bengkalis = provision_areas(regs["kep-diskominfotik-bengkalis-2024"], topics)
    assert bengkalis["lampiran_1__teks_4__huruf_c__angka_3"] == {"ruang_lingkup", "larangan"}
    assert "larangan" not in bengkalis["lampiran_1__teks_4__huruf_b__huruf_a__angka_6"]
    assert "lampiran_1" not in bengkalis  # the Lampiran's title


def test_regulation_entry_filters_by_area_and_lists_provisions_per_area(data):
    from macros.kodeetik.topics import Topics
    from macros.render.search import regulation_entry

    corpus, topics, regs = data
    entry = regulation_entry(corpus, regs["perbup-bengkayang-51-2020"], topics)
    areas = [v for k, v in entry.filters if k == "bidang"]
    assert "Larangan" in areas and "Definisi (ketentuan umum)" in areas
    assert "Majelis kode etik" not in areas  # Bengkayang has no such provision
    assert areas == [a.label for a in topics.areas if a.label in areas]  # taxonomy order
    runs = json.loads(entry.areas_json)
    keys = list(entry.locations)
    larangan = {keys[k] for a, b in zip(runs["Larangan"][::2], runs["Larangan"][1::2]) for k in range(a, b + 1)}
    assert larangan == entry.areas["Larangan"]
    assert "bab_3__pasal_11__huruf_c" in larangan and "bab_3__pasal_8__huruf_f" not in larangan
    assert len(entry.areas_json) < len(entry.locations_json) / 10  # small next to the location map
    # Negative control: a regulation without topic coding has no area filter and no area metadata.
    uncoded = Topics(areas=topics.areas, items=topics.items, tags={}, untagged={})
    bare = regulation_entry(corpus, regs["perbup-bengkayang-51-2020"], uncoded)
    assert not [k for k, _ in bare.filters if k == "bidang"] and bare.areas is None
    assert [f for f in bare.filters if f[0] != "bidang"] == [f for f in entry.filters if f[0] != "bidang"]


def test_area_runs_encode_gaps_and_refuse_integer_ids():
    from macros.render.search import SearchEntry

    entry = SearchEntry(title="t", locations={"a": "", "b": "", "c": "", "d": "", "e": ""},
                        areas={"X": frozenset({"a", "b", "d"}), "Y": frozenset({"e"})})
    assert json.loads(entry.areas_json) == {"X": [0, 1, 3, 3], "Y": [4, 4]}
    with pytest.raises(ValueError, match="integer"):
        _ = SearchEntry(title="t", locations={"a": "", "12": ""}, areas={"X": frozenset({"a"})}).areas_json


def test_only_the_glossary_among_other_pages_has_an_area(data):
    from macros.render.search import page_entry

    _, topics, _ = data
    assert page_entry("Glosarium", topics, "glossary.html").filters == (("bidang", "Definisi (ketentuan umum)"),)
    assert page_entry("Tentang", topics, None).filters == ()
    assert page_entry("Hak Anda", topics, "hak_anda.html").filters == ()


def test_built_pages_carry_the_area_filter_and_metadata(real_site):
    html = read(real_site, BENGKAYANG)
    found = search_data(html)
    assert "Larangan" in found["filter:bidang"] and "Majelis kode etik" not in found["filter:bidang"]
    areas = decode_areas(html)
    assert set(areas) == set(found["filter:bidang"])
    assert "bab_3__pasal_11__huruf_c" in areas["Larangan"] and "bab_3__pasal_8__huruf_f" not in areas["Larangan"]
    glossary = search_data(read(real_site, "perbandingan/glosarium/index.html"))
    assert glossary["filter:bidang"] == ["Definisi (ketentuan umum)"] and "meta:bidang" not in glossary
    assert "filter:bidang" not in search_data(read(real_site, "tentang/index.html"))  # control
    # Pagefind took them in: the page record carries the filter and the metadata.
    record = fragments(real_site.site)["/peraturan/perbup-bengkayang-51-2020/"]
    assert record["filters"]["bidang"] == found["filter:bidang"]
    assert json.loads(record["meta"]["bidang"]) == json.loads(found["meta:bidang"][0])


@pytest.fixture(scope="module")
def recoded_site(tmp_path_factory):
    """Bengkayang's Pasal 8 huruf f also coded as a prohibition; Banten's coding file removed."""
    import shutil

    from conftest import make_project, run_mkdocs

    tmp = tmp_path_factory.mktemp("recoded")
    regs = tmp / "regs"
    shutil.copytree(ROOT / "regulations", regs)
    coding = regs / "_topik" / "perbup-bengkayang-51-2020.yaml"
    text = coding.read_text(encoding="utf-8")
    old = "  bab_3__pasal_8__huruf_f: tata_perilaku.mandiri_tanpa_imbalan\n"
    assert text.count(old) == 1
    coding.write_text(text.replace(old, "  bab_3__pasal_8__huruf_f: [tata_perilaku.mandiri_tanpa_imbalan, larangan.pungli]\n"),
                      encoding="utf-8")
    (regs / "_topik" / "kep-dinsos-banten-2024.yaml").unlink()
    build = run_mkdocs(make_project(tmp, regulations=regs), tmp / "site")
    assert build.returncode == 0, build.output
    return build


def test_area_metadata_follows_the_coding(recoded_site, real_site):
    areas = decode_areas(read(recoded_site, BENGKAYANG))
    assert "bab_3__pasal_8__huruf_f" in areas["Larangan"] and "bab_3__pasal_8__huruf_f" in areas["Tata aturan perilaku"]
    assert "bab_3__pasal_8__huruf_f" not in decode_areas(read(real_site, BENGKAYANG))["Larangan"]  # control
    banten = "peraturan/kep-dinsos-banten-2024/index.html"
    recoded = search_data(read(recoded_site, banten))
    assert "filter:bidang" not in recoded and "meta:bidang" not in recoded
    assert recoded["filter:provinsi"] == ["Banten"] and "meta:lokasi" in recoded
    assert "Larangan" in search_data(read(real_site, banten))["filter:bidang"]  # control
