"""Scope first (issue 16): who each code binds, on the built site, where a reader looks first."""

from __future__ import annotations

import re
from html import unescape


def read(build, rel: str) -> str:
    return (build.site / rel).read_text(encoding="utf-8")


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html))).strip()


def test_regulation_page_says_whom_it_binds_before_anything_else(real_site):
    html = read(real_site, "peraturan/kep-dinsos-banten-2024/index.html")
    article = html.split('<article class="ke-reg"', 1)[1]
    scope = re.search(r'<p class="ke-lingkup">.*?</p>', article, re.DOTALL)
    assert plain(scope.group(0)) == ("Berlaku bagi: pegawai Dinas Sosial Provinsi Banten. Kantor lain di Provinsi "
                                     "Banten tidak terikat kode ini. Dasar: Diktum KESATU, Diktum KEDUA.")
    assert 'href="#diktum_kesatu"' in scope.group(0)
    # First: right under the title, before the source warning, the legal-basis note and the table.
    assert scope.start() < article.index('class="ke-info"')
    assert "ke-revoked" not in article[:scope.start()]
    # Negative control: a code for the whole regional government does not say "other offices".
    kaltim = plain(re.search(r'<p class="ke-lingkup">.*?</p>',
                             read(real_site, "peraturan/pergub-kaltim-8-2025/index.html"), re.DOTALL).group(0))
    assert kaltim.startswith("Berlaku bagi: petugas pelayanan publik pada perangkat daerah")
    assert "Kantor lain" not in kaltim


def test_status_comes_first_and_revoked_bases_are_a_calm_note_after_it(real_site):
    html = read(real_site, "peraturan/perbup-bengkayang-51-2020/index.html")
    article = html.split('<article class="ke-reg"', 1)[1]
    status = article.index('class="ke-reg__status"')
    note = re.search(r'<div class="admonition note ke-revoked"[^>]*>.*?</div>', article, re.DOTALL)
    assert status < article.index('class="ke-lingkup"') < note.start()
    assert plain(note.group(0)).startswith("Catatan tentang dasar hukum Peraturan ini tetap berlaku. "
                                           "Sebagian peraturan yang disebut dalam bagian Mengingat telah dicabut:")
    assert "admonition danger" not in article  # no red alarm
    assert "Berlaku" in plain(article[status:article.index('class="ke-lingkup"')])


def test_hak_anda_region_list_and_comparison_name_the_scope(real_site):
    hak = plain(re.search(r'<p class="ke-hak__lingkup">.*?</p>', read(real_site, "hak-anda/banten/index.html"),
                          re.DOTALL).group(0))
    assert "mengikat pegawai Dinas Sosial Provinsi Banten" in hak
    assert "Kantor lain di Provinsi Banten tidak terikat kode ini; bagi petugasnya tetap berlaku aturan nasional" in hak
    assert "UU 25/2009" in hak
    region = plain(read(real_site, "wilayah/nusa-tenggara-barat/kabupaten-sumbawa/index.html"))
    assert "; mengikat seluruh pegawai Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) " \
           "Kabupaten Sumbawa)" in region
    heads = [plain(h) for h in re.findall(r'<span class="ke-mx__lingkup">.*?</span>',
                                          read(real_site, "perbandingan/larangan/index.html"))]
    assert "Hanya Dinas Sosial Provinsi Banten" in heads and "Semua perangkat daerah" in heads
    # Negative control: Bengkayang binds its whole government, so its Hak Anda page names no other office.
    bengkayang = read(real_site, "hak-anda/kalimantan-barat/kabupaten-bengkayang/index.html")
    assert "tidak terikat kode ini" not in re.search(r'<p class="ke-hak__lingkup">.*?</p>', bengkayang,
                                                     re.DOTALL).group(0)
