"""The importer's stages (importer/draft.py), each run alone on a context that holds what it reads."""

from __future__ import annotations

from macros.kodeetik.importer import draft
from macros.kodeetik.importer.draft import Context, run

OPENING = """BUPATI CONTOH

PERATURAN BUPATI CONTOH
NOMOR 5 TAHUN 2021
TENTANG
KODE ETIK PELAYANAN PUBLIK

DENGAN RAHMAT TUHAN YANG MAHA ESA

BUPATI CONTOH,

Menimbang : a. bahwa pelayanan publik perlu diatur;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati;
Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG KODE ETIK PELAYANAN PUBLIK.
Pasal 1
Pelayanan diberikan dengan ramah.
Ditetapkan di Contoh
pada tanggal 3 Maret 2021
BUPATI CONTOH,
AHMAD
"""


def ctx_after(*stages) -> Context:
    return run(Context(text=OPENING, source_name="x.txt"), list(stages))


def test_read_stage_cleans_lines_and_counts():
    ctx = ctx_after(draft.read_stage)
    assert ctx.report.lines_read == sum(1 for ln in OPENING.splitlines() if ln.strip())
    assert [ln.text for ln in ctx.lines][:3] == ["BUPATI CONTOH", "", "PERATURAN BUPATI CONTOH"]
    assert ctx.parts.preamble == []  # negative control: the parts are the next stage's work


def test_parts_and_heading_stage():
    ctx = ctx_after(draft.read_stage, draft.parts_stage, draft.heading_stage)
    assert len(ctx.parts.menimbang) == 2 and len(ctx.parts.mengingat) == 1
    t = ctx.title
    assert (t.jenis, t.nomor, t.tahun, t.tentang) == ("Peraturan Bupati", "5", 2021, "Kode Etik Pelayanan Publik")
    assert ctx.menimbang == []  # not yet read


def test_preamble_stage_alone():
    ctx = ctx_after(draft.read_stage, draft.parts_stage, draft.heading_stage, draft.preamble_stage)
    assert [n.num for n in ctx.menimbang] == ["a", "b"]
    assert ctx.mengingat[0].dasar["jenis"] == "Undang-Undang"
    assert ctx.memutuskan.startswith("PERATURAN BUPATI")


def test_names_stage_on_a_hand_made_context():
    """A stage reads only the context: here one with a title and no registries."""
    from macros.kodeetik.importer.metadata import Title
    from macros.kodeetik.importer.report import Report
    ctx = Context(text="", source_name="x.txt", report=Report("x.txt", "-"),
                  title=Title(jenis="Peraturan Bupati", nomor="7", tahun=None), region=("kabupaten", "Contoh"))
    draft.names_stage(ctx)
    assert ctx.reg_id == "perbup-contoh-7"
    assert ctx.singkatan == "Perbup Contoh 7"  # no "/None" when the year is unknown
    assert ("tahun",) in [p for p, _ in ctx.unknown]


def test_whole_pipeline_equals_build():
    d = draft.build(OPENING, "x.txt")
    ctx = run(Context(text=OPENING, source_name="x.txt"))
    assert d.data.keys() == ctx.data.keys()
    assert d.data["singkatan"] == "Perbup Contoh 5/2021"
    assert [n.num for n in d.data["batang_tubuh"]] == ["1"]
