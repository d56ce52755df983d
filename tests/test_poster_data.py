"""Poster data: complaint channels, maklumat wording and each regulation's `poster:` mapping are
validated like the rest of the data (collected errors with file, line and fix)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from macros.kodeetik import DataErrors, load_corpus
from macros.kodeetik.posterdata import kutipan_citation, kutipan_groups

BENGKAYANG = "perbup-bengkayang-51-2020"


@pytest.fixture(scope="module")
def corpus(real):
    return real.corpus


def reg(corpus, rid):
    return next(r for r in corpus.regulations if r.id == rid)


def data_copy(tmp_path: Path) -> Path:
    data = tmp_path / "regulations"
    shutil.copytree(ROOT / "regulations", data)
    return data


def load_errors(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_corpus(data, sources_dir=ROOT / "sources", display_root=data.parent)
    return [str(e) for e in info.value.errors]


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` (which must occur once) and return the line where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


# --------------------------------------------------------------------------- the real data

def test_budaya_pelayanan_quotes_the_whole_pasal_in_its_own_order(corpus):
    r = reg(corpus, BENGKAYANG)
    groups = kutipan_groups(r, r.poster.budaya_pelayanan)
    assert len(groups) == 1
    assert groups[0].pengantar.startswith("Untuk mendukung pelaksanaan kode etik pelayanan publik")
    assert [n.num for n in groups[0].items] == ["a", "b", "c", "d", "e", "f", "g"]
    assert groups[0].items[2].text == "mempraktekkan senyum, salam, sapa, sopan, dan santun;"
    assert kutipan_citation(r, r.poster.budaya_pelayanan) == "Pasal 13 Peraturan Bupati Bengkayang Nomor 51 Tahun 2020"


def test_larangan_selection_is_cited_as_a_range(corpus):
    r = reg(corpus, BENGKAYANG)
    groups = kutipan_groups(r, r.poster.larangan)
    assert [n.num for n in groups[0].items] == list("abcdefghi")  # j and k are left out by the data
    assert kutipan_citation(r, r.poster.larangan) == (
        "Pasal 11 huruf a sampai dengan huruf i Peraturan Bupati Bengkayang Nomor 51 Tahun 2020")


def test_selection_from_two_lists_keeps_each_lead_in(corpus):
    r = reg(corpus, "perbup-sumbawa-6-2020")
    groups = kutipan_groups(r, r.poster.larangan)
    assert [g.pengantar for g in groups] == [
        "Setiap Pegawai Dinas dilarang:",
        "Tindakan/perbuatan sebagaimana pada ayat (1) huruf f, setiap Pegawai dilarang:"]
    assert kutipan_citation(r, r.poster.larangan) == (
        "Pasal 7 ayat (1) huruf b dan huruf c, serta Pasal 7 ayat (7) huruf d "
        "Peraturan Bupati Sumbawa Nomor 6 Tahun 2020")
    assert kutipan_citation(r, r.poster.pengaduan).startswith("Pasal 12 ayat (1), ayat (2) dan ayat (5) ")


def test_regulation_without_a_list_has_no_such_poster(corpus):
    assert reg(corpus, "kep-dinsos-banten-2024").poster.budaya_pelayanan == ()
    assert reg(corpus, "perbup-sumbawa-6-2020").poster.budaya_pelayanan == ()


def test_registries_are_loaded(corpus):
    assert [k.id for k in corpus.pengaduan] == ["sp4n-lapor", "ombudsman-ri"]
    lapor = corpus.pengaduan[0]
    assert [(c.jenis, c.nilai, c.href) for c in lapor.kontak] == [
        ("laman", "lapor.go.id", "https://lapor.go.id"), ("sms", "1708", "sms:1708")]
    assert corpus.pengaduan[1].kontak[0].href == "tel:137"
    assert corpus.maklumat.teks.startswith("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan")
    assert "\n" not in corpus.maklumat.teks
    assert corpus.maklumat.dasar == "Pasal 22 Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"


# --------------------------------------------------------------------------- validation

def test_unknown_provision_is_reported_with_line_and_suggestion(tmp_path):
    data = data_copy(tmp_path)
    path = data / f"{BENGKAYANG}.yaml"
    line = edit(path, "    - bab_4__pasal_13\n", "    - bab_4__pasal_31\n")
    errors = load_errors(data)
    assert len(errors) == 1
    assert errors[0].startswith(f"regulations/{BENGKAYANG}.yaml:{line} [poster > budaya_pelayanan]")
    assert "no provision 'bab_4__pasal_31'" in errors[0] and "bab_4__pasal_13" in errors[0]
    assert "Fix:" in errors[0]


@pytest.mark.parametrize("old, new, message", [
    # out of the regulation's order
    ("    - bab_3__pasal_11__huruf_a\n    - bab_3__pasal_11__huruf_b\n",
     "    - bab_3__pasal_11__huruf_b\n    - bab_3__pasal_11__huruf_a\n",
     "'bab_3__pasal_11__huruf_a' comes before 'bab_3__pasal_11__huruf_b'"),
    ("    - bab_3__pasal_11__huruf_b\n", "    - bab_3__pasal_11__huruf_a\n", "listed twice"),
    ("    - bab_3__pasal_11__huruf_b\n", "    - bab_3__pasal_11\n", "overlap"),
    ("    - bab_4__pasal_13\n", "    - bab_4\n", "is a whole BAB"),
    ("  budaya_pelayanan:\n    - bab_4__pasal_13\n", "  budaya_pelayanan: []\n", "'budaya_pelayanan' is empty"),
    ("  budaya_pelayanan:\n", "  budaya:\n", "unknown key 'budaya'"),
])
def test_poster_mapping_errors(tmp_path, old, new, message):
    data = data_copy(tmp_path)
    path = data / f"{BENGKAYANG}.yaml"
    edit(path, old, new)
    errors = load_errors(data)
    assert any(message in e and f"{BENGKAYANG}.yaml:" in e and "Fix:" in e for e in errors), errors


def test_revoked_regulation_gets_no_poster(tmp_path):
    data = data_copy(tmp_path)
    path = data / f"{BENGKAYANG}.yaml"
    edit(path, "  keadaan: berlaku\n  oleh: ~\n", "  keadaan: dicabut\n  oleh: Peraturan Bupati Bengkayang Nomor 99 Tahun 2025\n")
    errors = load_errors(data)
    assert any("revoked regulation gets no posters" in e for e in errors), errors


@pytest.mark.parametrize("old, new, message", [
    ('nilai: "137"', 'nilai: "13x7"', "'13x7' is not a telephone number"),
    ("nilai: lapor.go.id", "nilai: https://lapor.go.id", "starts with its scheme"),
    ("jenis: call_center", "jenis: pager", "'jenis' is 'pager', which is not allowed"),
    ("  - id: ombudsman-ri\n", "  - id: sp4n-lapor\n", "is used twice"),
    ("    dasar: Undang-Undang Nomor 37", "    dasr: Undang-Undang Nomor 37", "unknown key 'dasr'"),
])
def test_channel_registry_errors(tmp_path, old, new, message):
    data = data_copy(tmp_path)
    path = data / "_pengaduan.yaml"
    line = edit(path, old, new)
    errors = load_errors(data)
    hit = [e for e in errors if message in e]
    assert hit, errors
    assert hit[0].startswith("regulations/_pengaduan.yaml:") and "Fix:" in hit[0]
    assert hit[0].startswith(f"regulations/_pengaduan.yaml:{line} ")


@pytest.mark.parametrize("name", ["_pengaduan.yaml", "_maklumat.yaml"])
def test_missing_registry_is_reported(tmp_path, name):
    data = data_copy(tmp_path)
    (data / name).unlink()
    errors = load_errors(data)
    assert errors == [f"regulations/{name}: the registry file is missing. Fix: restore it from the "
                      "repository (see regulations/README.md)."]


def test_penyelenggara_channel_and_maklumat_are_read(tmp_path):
    data = data_copy(tmp_path)
    edit(data / "_penyelenggara.yaml", "    telepon: (0254) 219784 -209955\n", """    telepon: (0254) 219784 -209955
    pengaduan:
      - nama: Unit Pengaduan Dinas Sosial
        kontak:
          - jenis: whatsapp
            nilai: "+62 812-0000-0000"
          - jenis: loket
            nilai: Lantai 1, ruang pengaduan
    maklumat:
      teks: >-
        Kami sanggup
        melayani.
      tempat: Serang
      tanggal: 2024-05-02
""")
    corpus = load_corpus(data, sources_dir=ROOT / "sources", display_root=tmp_path)
    pen = next(p for p in corpus.penyelenggara if p.id == "dinsos-banten")
    assert pen.pengaduan[0].nama == "Unit Pengaduan Dinas Sosial"
    assert [c.href for c in pen.pengaduan[0].kontak] == ["https://wa.me/6281200000000", None]
    assert (pen.maklumat.teks, pen.maklumat.tempat, str(pen.maklumat.tanggal)) == ("Kami sanggup melayani.", "Serang",
                                                                                   "2024-05-02")
    other = next(p for p in corpus.penyelenggara if p.id == "pemkab-bengkayang")
    assert other.pengaduan == () and other.maklumat is None


def test_errors_in_registries_and_regulations_come_together(tmp_path):
    data = data_copy(tmp_path)
    edit(data / "_pengaduan.yaml", 'nilai: "1708"', 'nilai: "SMS-1708"')
    edit(data / "_maklumat.yaml", "dasar: Pasal 22", "dasar_hukum: Pasal 22")
    edit(data / "_penyelenggara.yaml", "    telepon: (0254) 219784 -209955\n",
         "    telepon: (0254) 219784 -209955\n    maklumat:\n      tanggal: 2 Mei 2024\n")
    edit(data / f"{BENGKAYANG}.yaml", "    - bab_4__pasal_13\n", "    - bab_4__pasal_99\n")
    errors = load_errors(data)
    files = {e.split(":")[0] for e in errors}
    assert files == {"regulations/_pengaduan.yaml", "regulations/_maklumat.yaml", "regulations/_penyelenggara.yaml",
                     f"regulations/{BENGKAYANG}.yaml"}, errors
    assert any("'tanggal' must be a date" in e for e in errors)


# --------------------------------------------------------------------------- what a poster prints

def _poster(corpus, jenis, ident):
    from macros.render.posters import plan_posters

    return next(p for p in plan_posters(corpus) if p.jenis == jenis and p.ident == ident)


def _html(poster, site_url="https://kode-etik.contoh.go.id/"):
    from macros.render.posters import PAPERS, render_poster
    from macros.render.templating import Renderer

    return render_poster(Renderer(), poster, PAPERS[0], 1.0, site_url)


def test_poster_groups_mark_skipped_items_and_keep_enacted_numbers(corpus):
    from macros.render.posters import poster_groups

    sumbawa = reg(corpus, "perbup-sumbawa-6-2020")
    first, second = poster_groups(sumbawa, sumbawa.poster.larangan)
    # Pasal 7 ayat (1): huruf a is skipped before b, and the list goes on after c.
    assert [(n.num, gap) for n, gap in first.rows] == [("b", True), ("c", False)] and first.lewat_akhir
    assert first.pengantar == "Setiap Pegawai Dinas dilarang:"  # no reference: printed as enacted
    # Pasal 7 ayat (7) starts "Tindakan/perbuatan sebagaimana pada ayat (1) huruf f, ...": it points
    # elsewhere, so it goes to the footer whole.
    assert second.pengantar is None and second.pengantar_rujukan.startswith("Tindakan/perbuatan sebagaimana")
    assert second.pengantar_label == "Pasal 7 ayat (7)"
    (route,) = poster_groups(sumbawa, sumbawa.poster.pengaduan)
    assert [(n.num, gap) for n, gap in route.rows] == [("1", False), ("2", False), ("5", True)]
    # Negative control: a whole list quoted has no gaps.
    bengkayang = reg(corpus, BENGKAYANG)
    (whole,) = poster_groups(bengkayang, bengkayang.poster.budaya_pelayanan)
    assert not any(gap for _, gap in whole.rows) and not whole.lewat_akhir


def test_poster_groups_carry_the_editorial_notes_of_quoted_items(corpus):
    from macros.render.posters import poster_groups

    banten = reg(corpus, "kep-dinsos-banten-2024")
    notes = [teks for g in poster_groups(banten, banten.poster.larangan) for _, teks in g.catatan]
    assert any("toleransi kelebihan muatan" in n for n in notes)
    html = _html(_poster(corpus, "larangan", "kep-dinsos-banten-2024"))
    assert "Catatan redaksi" in html and "tidak berkaitan dengan pelayanan sosial" in html


def test_maklumat_prints_the_head_only_with_a_date(corpus):
    import dataclasses
    import datetime as dt

    poster = _poster(corpus, "maklumat-pelayanan", "diskominfotik-bengkalis")
    assert poster.penyelenggara.kepala.nama and not poster.penyelenggara.kepala_tercatat
    html = _html(poster)
    assert "SUWARTO" not in html and "19690909" not in html and "poster__isian" in html
    dated = dataclasses.replace(poster.penyelenggara, kepala_per_tanggal=dt.date(2026, 11, 30))
    html = _html(dataclasses.replace(poster, penyelenggara=dated))
    assert "SUWARTO, S.Pd., M.Pd." in html and "NIP. 19690909 198908 1 001" in html


def test_larangan_poster_leaves_a_line_for_the_office_desk_only_without_one(corpus):
    import dataclasses

    from macros.kodeetik.posterdata import KanalPengaduan

    poster = _poster(corpus, "larangan", BENGKAYANG)
    assert not poster.penyelenggara.pengaduan
    assert "Pengaduan di kantor ini:" in _html(poster)
    own = next(k for k in corpus.pengaduan)
    assert isinstance(own, KanalPengaduan)
    with_desk = dataclasses.replace(poster.penyelenggara, pengaduan=(own,))
    ctx = dict(poster.context, kanal_sendiri=with_desk.pengaduan)
    assert "Pengaduan di kantor ini:" not in _html(dataclasses.replace(poster, penyelenggara=with_desk, context=ctx))


def test_placeholder_site_url_prints_the_draft_mark_not_a_code(corpus):
    poster = _poster(corpus, "larangan", BENGKAYANG)
    draft = _html(poster, "https://kode-etik-pelayanan.example/")
    assert "DRAF — alamat situs belum ditetapkan" in draft and "data:image/svg+xml" not in draft
    public = _html(poster)
    assert "DRAF" not in public and "data:image/svg+xml" in public and "kode-etik.contoh.go.id" in public


def test_kepala_per_tanggal_must_be_a_date(tmp_path):
    data = data_copy(tmp_path)
    line = edit(data / "_penyelenggara.yaml", "      pangkat: Pembina Tk. I\n",
                "      pangkat: Pembina Tk. I\n      per_tanggal: 30 November 2026\n")
    assert any(f"_penyelenggara.yaml:{line + 1}" in e and "per_tanggal" in e and "YYYY-MM-DD" in e
               for e in load_errors(data))
