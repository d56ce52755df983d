"""Search in a real browser (Playwright driving Debian's chromium) against the built site on localhost.

The site is served twice: at the root, and under a sub-path (/kode-etik/) as on a shared host.
"""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

import pytest

from conftest import serve_directory

SUBPATH = "/kode-etik/"
BENGKAYANG_HURUF_C = "bab_3__pasal_11__huruf_c"


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def server(real_site, tmp_path_factory):
    """One HTTP server on 127.0.0.1: the site at / and, through a symlink, at /kode-etik/."""
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(real_site.site, root, dirs_exist_ok=True)
    (root / SUBPATH.strip("/")).symlink_to(real_site.site, target_is_directory=True)
    with serve_directory(root) as url:
        yield url.rstrip("/")


@pytest.fixture
def page(browser, server):
    """A desktop page that fails the test on any script error or request off this machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    pg = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("request", lambda req: foreign.append(req.url)
          if urlsplit(req.url).hostname not in ("127.0.0.1", None) and not req.url.startswith("data:") else None)
    yield pg
    context.close()
    assert errors == []
    assert foreign == []


def search(pg, query: str) -> None:
    """Open search with the keyboard shortcut and type a query; wait until the results are shown."""
    pg.keyboard.press("/")
    box = pg.locator("#ke-search-input")
    box.fill(query)
    pg.wait_for_function(
        """q => { const s = document.querySelector('.ke-search__status').textContent;
                  return s.includes('“' + q + '”') && !s.startsWith('Mencari'); }""", arg=query)
    settled(pg)


def settled(pg) -> None:
    """Wait until the shown results are complete: the status can name the count before the texts
    of the results are fetched, and the list is marked aria-busy until they are."""
    pg.wait_for_function("""() => !document.querySelector('.ke-search__status').textContent.startsWith('Mencari')
                             && !document.querySelector('.ke-search__results').hasAttribute('aria-busy')""")


def show_all(pg) -> None:
    """Fetch up to 40 results at a time: Hak Anda pages (plain-language answers) now come before
    the regulations, which tests about provisions then still find on the first screen."""
    pg.evaluate("() => document.querySelector('[data-ke-search]').setAttribute('data-page-size', '40')")


def regulations_only(found: list[dict]) -> list[dict]:
    return [r for r in found if "/peraturan/" in r["href"]]


def results(pg) -> list[dict]:
    return pg.eval_on_selector_all(".ke-result", """items => items.map(li => ({
        title: li.querySelector('.ke-result__title').textContent,
        href: li.querySelector('.ke-result__title').href,
        region: (li.querySelector('.ke-result__region') || {}).textContent || '',
        provisions: [...li.querySelectorAll('.ke-result__provision a')].map(a => ({
            where: a.querySelector('.ke-result__where').textContent,
            anchor: a.dataset.anchor || '', href: a.href,
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent)}))}))""")


# --------------------------------------------------------------------------- the cases

@pytest.mark.parametrize("prefix", ["/", SUBPATH])
def test_pungutan_liar_finds_provisions_of_each_region_and_opens_the_anchor(page, server, prefix):
    page.goto(server + prefix + "tentang/")
    show_all(page)
    search(page, "pungutan liar")
    found = regulations_only(results(page))
    regions = " | ".join(r["region"] for r in found)
    for region in ("Kabupaten Bengkalis", "Provinsi Kalimantan Timur", "Kabupaten Bengkayang"):
        assert region in regions
    # Negative control: regions whose codes never mention pungutan liar are not listed.
    assert "Banten" not in regions and "Sumbawa" not in regions
    bengkayang = next(r for r in found if "Bengkayang" in r["region"])
    assert bengkayang["title"] == "Peraturan Bupati Bengkayang Nomor 51 Tahun 2020"
    provision = bengkayang["provisions"][0]
    assert provision["anchor"] == BENGKAYANG_HURUF_C
    assert provision["where"] == "BAB III KODE ETIK PELAYANAN PUBLIK › Pasal 11 huruf c"
    assert "pungutan liar" in " ".join(provision["marks"]).lower()
    assert provision["href"].startswith(server + prefix + "peraturan/perbup-bengkayang-51-2020/")

    page.locator(f'.ke-result__provision a[data-anchor="{BENGKAYANG_HURUF_C}"]').first.click()
    page.wait_for_url(re.compile(re.escape(prefix) + r"peraturan/perbup-bengkayang-51-2020/#" + BENGKAYANG_HURUF_C + "$"))
    target = page.evaluate("""() => { const t = document.querySelector(':target');
                                      return t && [t.id, t.textContent.replace(/\\s+/g, ' ')]; }""")
    assert target[0] == BENGKAYANG_HURUF_C and "pungutan liar" in target[1]
    assert page.evaluate("() => document.querySelector('.ke-search__dialog').open") is False
    # The provision is on screen, not only somewhere on the page.
    box = page.locator("#" + BENGKAYANG_HURUF_C).bounding_box()
    assert 0 <= box["y"] < 900


def test_a_sentence_finds_provisions_worded_differently(page, server):
    """"tidak boleh menerima imbalan": only one regulation says "tidak boleh"; the others say
    "dilarang ... menerima imbalan", and are listed after it."""
    page.goto(server + "/")
    show_all(page)
    page.keyboard.press("/")
    page.locator("#ke-search-input").fill("tidak boleh menerima imbalan")
    page.wait_for_function("() => document.querySelector('.ke-search__status').textContent.includes('halaman lain')")
    settled(page)
    status = page.locator(".ke-search__status").text_content()
    # Hak Anda pages say "tidak boleh" too; among the regulations only Sumbawa's does.
    assert re.match(r"\d+ halaman memuat “tidak boleh menerima imbalan”\.", status)
    assert "halaman lain memuat “menerima imbalan”" in status
    page.wait_for_selector(".ke-result__provision")
    found = regulations_only(results(page))
    assert found[0]["region"].startswith("Kabupaten Sumbawa")  # the one with every word comes first
    assert found[0]["provisions"][0]["where"] == "BAB III KODE ETIK PELAYANAN PUBLIK › Pasal 7 ayat (1) huruf b"
    regions = " | ".join(r["region"] for r in found)
    for region in ("Bengkayang", "Bengkalis", "Kalimantan Timur", "Banten"):
        assert region in regions
    bengkalis = next(r for r in found if "Bengkalis" in r["region"])
    assert "menerima imbalan" in " ".join(bengkalis["provisions"][0]["marks"]).lower()


def test_province_filter_narrows_results_to_that_province(page, server):
    page.goto(server + "/")
    show_all(page)
    search(page, "imbalan")
    before = results(page)
    assert any("Riau" not in r["region"] for r in before)
    page.select_option("#ke-search-filter-provinsi", "Kalimantan Barat")
    # The regulation of Bengkayang and its Hak Anda page.
    page.wait_for_function("() => document.querySelector('.ke-search__status').textContent.startsWith('2 halaman')")
    settled(page)
    after = results(page)
    assert len(after) < len(before)
    assert after and all(r["region"].endswith("Provinsi Kalimantan Barat") for r in after)
    # The option shows how many results it has, and the filters can be cleared again.
    option = page.locator('#ke-search-filter-provinsi option[value="Kalimantan Barat"]').text_content()
    assert option == "Kalimantan Barat (2)"
    page.click(".ke-search__reset")
    page.wait_for_function("n => document.querySelectorAll('.ke-result').length === n", arg=len(before))


def test_district_and_year_filters_exist_with_their_values(page, server):
    page.goto(server + "/")
    page.click(".ke-search__open")
    page.wait_for_selector("#ke-search-filter-kabupaten_kota")
    labels = page.eval_on_selector_all(".ke-search__filter label", "ls => ls.map(l => l.textContent)")
    assert labels == ["Provinsi", "Kabupaten/kota", "Jenis peraturan", "Tahun", "Bidang/Topik"]
    districts = page.eval_on_selector_all("#ke-search-filter-kabupaten_kota option", "os => os.map(o => o.value)")
    assert districts == ["", "Kabupaten Bengkalis", "Kabupaten Bengkayang", "Kabupaten Sumbawa"]
    # A filter alone (no words) lists the regulations it selects.
    page.select_option("#ke-search-filter-tahun", "2025")
    page.wait_for_function("() => document.querySelectorAll('.ke-result').length === 1")
    assert results(page)[0]["title"] == "Peraturan Gubernur Kalimantan Timur Nomor 8 Tahun 2025"


def test_another_inflection_finds_the_provision(page, server):
    """Indonesian stemming: "melayani" finds provisions that only say "pelayanan"."""
    page.goto(server + "/")
    search(page, "melayani")
    marks = [m.lower().strip(".,;:()") for r in results(page) for p in r["provisions"] for m in p["marks"]]
    assert "pelayanan" in marks
    # Negative control: a word of another stem does not match "pelayanan".
    search(page, "pelantikan")
    assert "pelayanan" not in [m.lower() for r in results(page) for p in r["provisions"] for m in p["marks"]]


def test_no_match_says_so(page, server):
    page.goto(server + "/")
    search(page, "imbalan")
    assert results(page)  # negative control: the same box does find things
    search(page, "zxqwv")
    assert results(page) == []
    status = page.locator(".ke-search__status").text_content()
    assert status.startswith("Tidak ada ketentuan yang memuat “zxqwv”")


# --------------------------------------------------------------------------- topic area

LARANGAN = "Larangan"
PASAL_8_HURUF_F = "bab_3__pasal_8__huruf_f"  # Bengkayang: no imbalan (tata aturan perilaku)


@pytest.fixture(scope="module")
def areas_of(real):
    """Regulation id -> provision id -> area keys, as macros/render/search.py computes them."""
    from macros.render.search import provision_areas

    return {r.id: provision_areas(r, real.topics) for r in real.corpus.regulations}


def anchors(found) -> dict[str, list[str]]:
    """Regulation id -> anchors of the provisions listed under its result."""
    return {r["href"].rstrip("/").rsplit("/", 1)[1]: [p["anchor"] for p in r["provisions"]]
            for r in found if "/peraturan/" in r["href"]}


def area_shown(pg, area: str) -> None:
    """Wait until the results narrowed to an area are complete (the area's note ends the status)."""
    pg.wait_for_function("""a => document.querySelector('.ke-search__status').textContent.includes('bidang “' + a + '”')
                             && !document.querySelector('.ke-search__results').hasAttribute('aria-busy')""", arg=area)


@pytest.mark.parametrize("prefix", ["/", SUBPATH])
def test_area_filter_lists_only_provisions_of_that_area(page, server, areas_of, prefix):
    page.goto(server + prefix + "tentang/")
    show_all(page)
    search(page, "imbalan")
    before = anchors(results(page))
    assert PASAL_8_HURUF_F in before["perbup-bengkayang-51-2020"]  # it matches "imbalan" ...
    assert "larangan" not in areas_of["perbup-bengkayang-51-2020"][PASAL_8_HURUF_F]  # ... outside the area
    # Chosen with the keyboard: type the first letter on the focused select.
    page.focus("#ke-search-filter-bidang")
    page.keyboard.type("L")
    assert page.locator("#ke-search-filter-bidang").input_value() == LARANGAN
    area_shown(page, LARANGAN)
    found = results(page)
    after = anchors(found)
    assert set(after) == set(before)  # every regulation forbids taking "imbalan"
    for reg, ids in after.items():
        assert ids and all("larangan" in areas_of[reg].get(i, ()) for i in ids), (reg, ids)
    assert PASAL_8_HURUF_F not in after["perbup-bengkayang-51-2020"]
    assert "bab_3__pasal_11__huruf_c" in after["perbup-bengkayang-51-2020"]
    # Pages that are not about the area are gone too (the glossary and other pages carry no area).
    assert all("/peraturan/" in r["href"] for r in found)
    assert all(r["href"].startswith(server + prefix) for r in found)
    status = page.locator(".ke-search__status").text_content()
    assert "Hanya ketentuan bidang “Larangan” yang ditampilkan" in status
    assert f"{len(after)} dari {len(after)} halaman itu" in status
    option = page.locator('#ke-search-filter-bidang option[value="Larangan"]').text_content()
    assert option == f"Larangan (maks. {len(after)})"  # pages with the word and some prohibition
    # Clearing the filter (with the keyboard) brings the provision back.
    page.focus(".ke-search__reset")
    page.keyboard.press("Enter")
    page.wait_for_function("""() => !document.querySelector('.ke-search__status').textContent.includes('bidang')
                              && !document.querySelector('.ke-search__status').textContent.startsWith('Mencari')
                              && !document.querySelector('.ke-search__results').hasAttribute('aria-busy')""")
    assert page.locator("#ke-search-filter-bidang").input_value() == ""
    assert PASAL_8_HURUF_F in anchors(results(page))["perbup-bengkayang-51-2020"]


def test_area_filter_keeps_a_huruf_of_a_pasal_tagged_as_a_whole(page, server, areas_of):
    """Sumbawa's Pasal 10 (tasks of the Majelis Kode Etik) is tagged as a whole, its huruf not."""
    page.goto(server + "/")
    search(page, "alat bukti")
    page.select_option("#ke-search-filter-bidang", "Majelis kode etik")
    area_shown(page, "Majelis kode etik")
    sumbawa = anchors(results(page))["perbup-sumbawa-6-2020"]
    assert "bab_4__pasal_10__huruf_d" in sumbawa and "bab_4__pasal_10__huruf_e" in sumbawa
    assert all("majelis_kode_etik" in areas_of["perbup-sumbawa-6-2020"][i] for i in sumbawa)


def test_area_filter_says_when_the_words_are_only_elsewhere(page, server):
    page.goto(server + "/")
    search(page, "imbalan")
    page.select_option("#ke-search-filter-bidang", "Majelis kode etik")
    area_shown(page, "Majelis kode etik")
    assert results(page) == []
    status = page.locator(".ke-search__status").text_content()
    assert status.startswith("Tidak ada ketentuan bidang “Majelis kode etik” yang memuat “imbalan”")
    # Negative control: the same area does hold other words.
    search(page, "sidang")
    area_shown(page, "Majelis kode etik")
    assert "perbup-sumbawa-6-2020" in anchors(results(page))


def test_area_filter_fetches_on_until_the_screen_is_full(page, server, areas_of):
    """Results dropped for the area do not leave a screen short: with two results a screen,
    "imbalan" in "Tata aturan perilaku" is in three of the five pages Pagefind returns."""
    page.goto(server + "/")
    page.evaluate("() => document.querySelector('[data-ke-search]').setAttribute('data-page-size', '2')")
    search(page, "imbalan")
    page.select_option("#ke-search-filter-bidang", "Tata aturan perilaku")
    area_shown(page, "Tata aturan perilaku")
    expected = {reg for reg, by_id in areas_of.items()
                if any("tata_perilaku" in a for a in by_id.values())}
    first = anchors(results(page))
    assert len(first) == 2
    status = page.locator(".ke-search__status").text_content()
    assert "halaman yang sudah diperiksa" in status and "belum diperiksa" in status
    while page.locator(".ke-search__more").is_visible():
        before = len(results(page))
        page.click(".ke-search__more")
        settled(page)
        # Each screen adds two results, or fewer only when no page is left to look at.
        assert len(results(page)) - before == 2 or not page.locator(".ke-search__more").is_visible()
    shown = anchors(results(page))
    assert shown.keys() >= first.keys()
    for reg, ids in shown.items():
        assert reg in expected and all("tata_perilaku" in areas_of[reg].get(i, ()) for i in ids)
    dropped = {"kep-dinsos-banten-2024", "perbup-sumbawa-6-2020"}  # "imbalan" only in prohibitions
    assert not dropped & shown.keys()
    assert len(shown) == 3
    status = page.locator(".ke-search__status").text_content()
    assert "3 dari 5 halaman itu memuat kata yang dicari di ketentuan bidang ini" in status


# --------------------------------------------------------------------------- keyboard, phone, disk

def test_keyboard_shortcut_and_arrow_keys(page, server):
    page.goto(server + "/peraturan/perbup-sumbawa-6-2020/")
    page.keyboard.press("Control+k")
    assert page.evaluate("() => document.activeElement.id") == "ke-search-input"
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.querySelector('.ke-search__dialog').open") is False
    search(page, "imbalan")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("() => document.activeElement.closest('.ke-search__results') && document.activeElement.href")
    assert first
    page.keyboard.press("ArrowDown")
    second = page.evaluate("() => document.activeElement.href")
    assert second and second != first
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.id") == "ke-search-input"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(first)


def test_search_on_a_phone(browser, server, tmp_path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, locale="id-ID")
    pg = context.new_page()
    pg.goto(server + SUBPATH + "peraturan/pergub-kaltim-8-2025/")
    button = pg.locator(".ke-search__open")
    assert button.is_visible()
    box = button.bounding_box()
    assert box["x"] + box["width"] <= 360 and box["width"] >= 32  # on screen, big enough to tap
    button.tap()
    pg.locator("#ke-search-input").fill("pungutan liar")
    pg.wait_for_selector(".ke-result__provision")
    dialog = pg.locator(".ke-search__dialog").bounding_box()
    assert dialog["x"] == 0 and dialog["width"] == 360
    assert pg.evaluate("() => document.querySelector('.ke-search__dialog').scrollWidth <= 360")
    pg.screenshot(path=str(tmp_path / "phone.png"))
    pg.locator(".ke-result__provision a").first.tap()
    pg.wait_for_url(re.compile(r"#.+"))
    assert pg.evaluate("() => !!document.querySelector(':target')")
    context.close()


@pytest.mark.parametrize("width,first_batch", [(360, 4), (1280, 8)])
def test_a_phone_fetches_fewer_results_first_than_a_wide_screen(browser, server, width, first_batch):
    """Each result's record is fetched to show it (5-14 KB each): a phone fetches the four its first
    screen holds, a wide screen eight; the rest come with "Tampilkan lebih banyak"."""
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="id-ID")
    pg = context.new_page()
    fetched = []
    pg.on("request", lambda r: fetched.append(r.url) if "/fragment/" in r.url else None)
    pg.goto(server + "/")
    pg.click(".ke-search__open")
    pg.locator("#ke-search-input").fill("pelayanan")
    pg.wait_for_selector(".ke-result")
    settled(pg)
    assert len(results(pg)) == first_batch
    assert len(fetched) == first_batch
    assert pg.locator(".ke-search__more").is_visible()  # there are more than that
    pg.click(".ke-search__more")
    settled(pg)
    assert len(results(pg)) > first_batch
    context.close()


def test_page_opened_from_disk_explains_why_search_cannot_work(browser, real_site):
    context = browser.new_context()
    pg = context.new_page()
    pg.goto((real_site.site / "index.html").as_uri())
    pg.click(".ke-search__open")
    status = pg.locator(".ke-search__status")
    assert "file://" in status.text_content() and "server web" in status.text_content()
    assert pg.locator("#ke-search-input").is_disabled()
    context.close()


def test_search_box_is_hidden_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(server + "/")
    assert pg.locator(".ke-search__open").is_hidden()
    context.close()


# --------------------------------------------------------------------------- what citizens type (issue 16)

def test_diskriminasi_finds_diskriminatif_without_showing_the_search_words(page, server):
    """The codes say "diskriminatif"; the stemmer leaves "diskriminasi" apart. The editors' search
    words of the topic find the provision, and are never shown as its text."""
    page.goto(server + "/")
    show_all(page)
    search(page, "diskriminasi")
    found = results(page)
    bengkayang = next(r for r in found if r["href"].endswith("/peraturan/perbup-bengkayang-51-2020/"))
    provision = next(p for p in bengkayang["provisions"] if p["anchor"] == "bab_3__pasal_11__huruf_b")
    excerpts = page.eval_on_selector_all(
        '.ke-result__provision a[data-anchor="bab_3__pasal_11__huruf_b"] .ke-result__excerpt',
        "els => els.map(e => e.textContent)")
    assert excerpts and all("diskriminatif dalam pelayanan" in e for e in excerpts)
    # The search words (pilih kasih, membeda-bedakan, ...) are not in the excerpt, and nothing of the
    # enacted words is marked as a match it is not.
    assert all("pilih kasih" not in e and "membeda" not in e for e in excerpts)
    assert provision["marks"] == []
    # Hak Anda pages answer in plain words, first.
    assert "/hak-anda/" in found[0]["href"]
    # Negative control: the hidden words are not visible on the regulation page.
    page.goto(server + "/peraturan/perbup-bengkayang-51-2020/#bab_3__pasal_11__huruf_b")
    assert "pilih kasih" not in page.locator("#bab_3__pasal_11__huruf_b").inner_text()


def test_tidak_ramah_lists_the_provision_with_both_words_first(page, server):
    page.goto(server + "/")
    search(page, "tidak ramah")
    found = results(page)
    kaltim = next(r for r in found if r["href"].endswith("/peraturan/pergub-kaltim-8-2025/"))
    # "ramah, bersahabat dan tersenyum" (search words: "tidak ramah") before the many "tidak".
    assert kaltim["provisions"][0]["anchor"] in ("bab_3__kelompok_2__angka_4", "bab_3__kelompok_5__butir_9")


def test_empty_dialog_offers_example_searches(page, server):
    page.goto(server + "/")
    page.keyboard.press("/")
    examples = page.locator(".ke-search__contoh button")
    assert page.locator(".ke-search__contoh").is_visible() and examples.count() >= 4
    examples.filter(has_text="pungli").first.click()
    page.wait_for_function("() => document.querySelector('.ke-search__status').textContent.includes('“pungli”')")
    settled(page)
    assert page.locator("#ke-search-input").input_value() == "pungli"
    assert results(page)
    # Negative control: with words in the box, the examples step aside.
    assert not page.locator(".ke-search__contoh").is_visible()
    page.locator("#ke-search-input").fill("")
    page.wait_for_function("() => !document.querySelector('.ke-search__contoh').hidden")


@pytest.mark.parametrize("width", [320, 390])
def test_placeholder_and_examples_fit_a_small_phone(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(server + "/")
    pg.locator(".ke-search__open").tap()
    fits = pg.evaluate("""() => { const i = document.querySelector('#ke-search-input');
        const c = document.createElement('canvas').getContext('2d');
        const s = getComputedStyle(i); c.font = s.fontSize + ' ' + s.fontFamily;
        return [c.measureText(i.placeholder).width, i.clientWidth]; }""")
    assert fits[0] <= fits[1], fits  # the whole placeholder is visible
    for box in [b.bounding_box() for b in pg.locator(".ke-search__contoh button").all()]:
        assert box["height"] >= 24 and box["x"] + box["width"] <= width
    assert pg.evaluate("() => document.querySelector('.ke-search__dialog').scrollWidth") <= width
    context.close()
