"""The complaint maker's page (`pengaduan/buat/`), rendered without a build: what each office offers
to tick, with its citations and links, the national rule where a code is silent, the channels, and
escaping of data text. The browser side is test_pengaduan_browser.py."""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import ROOT

from macros.kodeetik.pipeline import load_site
from macros.render.pengaduan import NASIONAL_ID, URL, kantor_lain, kantor_reg, plan_pengaduan_page
from macros.render.templating import Renderer

BENGKAYANG = "perbup-bengkayang-51-2020"
BANTEN = "kep-dinsos-banten-2024"


@pytest.fixture(scope="module")
def data():
    return load_site(ROOT / "regulations", sources_dir=ROOT / "sources", display_root=ROOT)


@pytest.fixture(scope="module")
def html(data):
    page = plan_pengaduan_page(data.corpus, data.topics, data.hak, data.nasional)
    assert page.uri == "pengaduan/buat.md"
    return Renderer().render(page.template, URL, **page.context)


def office(html: str, kantor_id: str) -> str:
    return re.search(rf'<details[^>]*id="kantor-{kantor_id}".*?</details>', html, re.DOTALL).group(0)


def row(block: str, key: str) -> str:
    return re.search(rf'<div class="ke-aduan__butir" data-butir="{re.escape(key)}">.*?(?=<div class="ke-aduan__butir"|</fieldset>)',
                     block, re.DOTALL).group(0)


def test_bengkayang_pungli_cites_pasal_11_huruf_c_with_its_link(html):
    pungli = row(office(html, BENGKAYANG), "larangan.pungli")
    assert 'type="checkbox"' in pungli and "di luar tarif resmi" in pungli
    assert ('<a href="../../peraturan/perbup-bengkayang-51-2020/#bab_3__pasal_11__huruf_c" '
            'data-kutip="Pasal 11 huruf c Perbup Bengkayang 51/2020">') in pungli
    # The national rule is cited as well, linked to the instrument's page (status and its source).
    assert 'href="../../dasar-hukum/uu-25-2009/" data-kutip="UU 25/2009"' in pungli
    assert "Juga menurut aturan nasional:" in pungli and "Tidak diatur" not in pungli


def test_a_silent_code_offers_the_item_with_the_national_rule_only(data, html):
    regs = {r.id: r for r in data.corpus.regulations}
    pungli = row(office(html, BANTEN), "larangan.pungli")
    assert f"Tidak diatur dalam {regs[BANTEN].singkatan}; tetap dilarang menurut aturan nasional:" in pungli
    assert "peraturan/kep-dinsos-banten-2024/#" not in pungli  # no provision of Banten's is invented
    # Negative control: an item neither the code nor a national rule covers is not offered.
    offered = {b.item.key for b in kantor_reg(regs[BANTEN], data.hak, data.topics, data.nasional).butir}
    assert "larangan.rangkap_jabatan" not in offered and "larangan.pungli" in offered


def test_every_ticked_item_of_a_code_has_a_citation(data):
    for reg in data.corpus.regulations:
        k = kantor_reg(reg, data.hak, data.topics, data.nasional)
        assert k.butir, reg.id
        for b in k.butir:
            assert b.dasar or b.nasional, (reg.id, b.item.key)
        section = next(b for b in data.hak.bagian if b.kunci == data.hak.ringkasan_bagian)
        tagged = {key for key in section.butir if data.topics.hits_for(key, reg.id)}
        assert tagged <= {b.item.key for b in k.butir}


def test_an_office_no_code_binds_gets_the_national_prohibitions(data, html):
    lain = kantor_lain(data.hak, data.topics, data.nasional)
    assert lain.id == NASIONAL_ID and lain.reg is None
    keys = [b.item.key for b in lain.butir]
    assert "larangan.pungli" in keys and all(data.nasional[k].sifat == "dilarang" for k in keys)
    block = office(html, NASIONAL_ID)
    assert "Tetap dilarang menurut aturan nasional:" in block and "peraturan/" not in block


def test_each_office_lists_its_own_channels_then_the_national_ones(html):
    block = office(html, BENGKAYANG)
    channels = re.search(r"<ul class=\"ke-hak__kanal\" data-kanal>.*?</ul>", block, re.DOTALL).group(0)
    assert channels.index("SP4N-LAPOR!") < channels.index("Ombudsman Republik Indonesia")
    assert 'href="sms:1708"' in channels and 'href="tel:137"' in channels
    # The share links come from the data too: SMS to 1708, the lapor.go.id form.
    assert 'data-bagikan="sms" href="sms:1708"' in html and 'data-bagikan="laman" href="https://lapor.go.id"' in html


def test_without_javascript_it_is_a_checklist_and_nothing_is_a_form(html):
    assert "<form" not in html  # Enter in a field never sends what was typed
    assert re.search(r'class="ke-aduan__hasil"[^>]*data-js hidden', html)  # the text area needs the script
    assert 'data-tanpa-js' in html and 'src="../../assets/pengaduan.js"' in html


def test_data_text_is_escaped(data):
    reg = next(r for r in data.corpus.regulations if r.id == BENGKAYANG)
    k = kantor_reg(reg, data.hak, data.topics, data.nasional)
    evil = '<img src=x onerror="alert(1)">'
    bad_item = dataclasses.replace(k.butir[0].item, label=evil)
    k = dataclasses.replace(k, butir=(dataclasses.replace(k.butir[0], item=bad_item, teks=evil),))
    page = plan_pengaduan_page(data.corpus, data.topics, data.hak, data.nasional)
    out = Renderer().render(page.template, URL, **{**page.context, "groups": [(reg.wilayah, [k])]})
    assert evil not in out and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in out
