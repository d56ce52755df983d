"""load_corpus: one test per validation rule, on a minimal project written as text in tmp_path.

Each rule test checks the exact message, the file and line where that matters, and that the fix
tells the maintainer what to do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from macros.kodeetik import DataError, DataErrors, load_corpus

ROOT_REGS = Path(__file__).resolve().parent.parent / "regulations"

ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------ a minimal valid project

WILAYAH = """\
wilayah:
  - kode: "61"
    jenis: provinsi
    nama: Kalimantan Barat
  - kode: "61.07"
    jenis: kabupaten
    nama: Bengkayang
"""

PENYELENGGARA = """\
penyelenggara:
  - id: pemkab-bengkayang
    nama: Pemerintah Kabupaten Bengkayang
    wilayah: "61.07"
    kepala:
      jabatan: Bupati Bengkayang
"""

REG = """\
id: perbup-x-1-2020
jenis: Peraturan Bupati
nomor: "1"
tahun: 2020
tentang: Kode Etik Pelayanan Publik
singkatan: Perbup X 1/2020
wilayah: "61.07"
penyelenggara: pemkab-bengkayang
status:
  keadaan: berlaku
sumber:
  berkas: x.txt
  jenis: naskah_lengkap
ditetapkan:
  tempat: Bengkayang
  tanggal: 2020-12-08
batang_tubuh:
  - type: bab
    num: I
    heading: KETENTUAN UMUM
    children:
      - type: pasal
        num: "1"
        text: Pasal satu.
"""
"""Ends inside the children of Pasal 1's BAB, so tests can append sibling Pasal or keys of Pasal 1."""

REG_FILE = "perbup-x-1-2020.yaml"
SHOWN = f"regulations/{REG_FILE}"
SOURCE = "PERATURAN BUPATI\nuntuk menjamin kenastian hukum\n"


def make_project(tmp_path: Path, regulations: dict[str, str] | None = None, *,
                 wilayah: str | None = WILAYAH, penyelenggara: str | None = PENYELENGGARA) -> Path:
    """Write tmp_path/regulations (+ sources/x.txt); return the regulations folder.

    `regulations` maps file name to text, default one valid regulation; a registry given as None
    is not written.
    """
    reg_dir = tmp_path / "regulations"
    reg_dir.mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "x.txt").write_text(SOURCE, encoding="utf-8")
    if wilayah is not None:
        (reg_dir / "_wilayah.yaml").write_text(wilayah, encoding="utf-8")
    if penyelenggara is not None:
        (reg_dir / "_penyelenggara.yaml").write_text(penyelenggara, encoding="utf-8")
    (reg_dir / "_dasar_hukum.yaml").write_text("instrumen: []\n", encoding="utf-8")
    (reg_dir / "_topik.yaml").write_text("bidang: []\n", encoding="utf-8")
    for registry in ("_pengaduan.yaml", "_maklumat.yaml"):  # copied: their shape is not under test here
        (reg_dir / registry).write_bytes((ROOT_REGS / registry).read_bytes())
    for name, text in ({REG_FILE: REG} if regulations is None else regulations).items():
        (reg_dir / name).write_text(text, encoding="utf-8")
    return reg_dir


def load(reg_dir: Path):
    return load_corpus(reg_dir, sources_dir=reg_dir.parent / "sources", display_root=reg_dir.parent)


def errors_of(reg_dir: Path) -> list[DataError]:
    with pytest.raises(DataErrors) as info:
        load(reg_dir)
    return info.value.errors


def single_error(reg_dir: Path) -> DataError:
    errors = errors_of(reg_dir)
    assert len(errors) == 1, "\n".join(map(str, errors))
    return errors[0]


def reg_error(tmp_path: Path, text: str) -> DataError:
    """The one error of a project whose regulation file has `text`."""
    return single_error(make_project(tmp_path, {REG_FILE: text}))


def edit(old: str, new: str, text: str = REG) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} occurs {len(hits)} times"
    return hits[nth - 1]


# ------------------------------------------------------------------ the valid project

def test_minimal_project_loads(tmp_path):
    corpus = load(make_project(tmp_path))
    assert [w.kode for w in corpus.wilayah] == ["61", "61.07"]
    (reg,) = corpus.regulations
    assert (reg.id, reg.jenis, reg.nomor, reg.tahun) == ("perbup-x-1-2020", "Peraturan Bupati", "1", 2020)
    assert reg.path == SHOWN
    assert reg.wilayah.nama_lengkap == "Kabupaten Bengkayang"
    assert reg.penyelenggara.kepala.jabatan == "Bupati Bengkayang"
    assert reg.ditetapkan.tanggal == dt.date(2020, 12, 8)
    assert list(reg.provisions) == ["bab_1__pasal_1", "bab_1"]
    assert reg.provisions["bab_1__pasal_1"].line == line_of(REG, "- type: pasal")


def test_loaded_objects_are_frozen(tmp_path):
    corpus = load(make_project(tmp_path))
    reg = corpus.regulations[0]
    node = reg.provisions["bab_1__pasal_1"]
    for obj, attr in ((corpus, "regulations"), (reg, "id"), (reg.wilayah, "nama"), (node, "text"),
                      (reg.status, "keadaan"), (reg.sumber, "berkas"), (reg.ditetapkan, "tanggal")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, attr, "changed")
    with pytest.raises(TypeError):
        reg.provisions["new"] = node  # type: ignore[index]
    assert isinstance(reg.batang_tubuh, tuple) and isinstance(node.children, tuple)


# ------------------------------------------------------------------ keys and types

def test_unknown_top_level_key(tmp_path):
    text = REG.replace("batang_tubuh:", "judull: X\nbatang_tubuh:")
    err = reg_error(tmp_path, text)
    assert (err.file, err.line, err.where) == (SHOWN, line_of(text, "judull"), "")
    assert err.message == "unknown key 'judull' (did you mean 'judul'?)."
    assert err.fix.startswith("remove it or use one of: id, jenis, nomor,")
    assert "judul," in err.fix


def test_unknown_key_inside_a_node(tmp_path):
    text = REG + "        teks: typo for text\n"
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (line_of(text, "teks:"), "bab I > pasal 1")
    assert err.message == "unknown key 'teks'."  # nothing near enough to suggest
    assert err.fix == ("remove it or use one of: type, num, marker, heading, text, children, "
                       "text_after, eid, catatan, dasar, rujukan, kedudukan, miring.")


def test_missing_required_key(tmp_path):
    err = reg_error(tmp_path, edit("tentang: Kode Etik Pelayanan Publik\n", ""))
    assert (err.file, err.line) == (SHOWN, 1)
    assert err.message == "missing required key 'tentang'."
    assert err.fix == "add 'tentang:' (see regulations/README.md)."


def test_mapping_where_text_expected(tmp_path):
    text = edit("tentang: Kode Etik Pelayanan Publik\n", "tentang:\n  kode: etik\n")
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (line_of(text, "tentang:"), "tentang")
    assert err.message == "'tentang' must be text, found a mapping."
    assert "block scalar" in err.fix


def test_empty_required_text(tmp_path):
    err = reg_error(tmp_path, edit("singkatan: Perbup X 1/2020", "singkatan: ~"))
    assert err.line == line_of(REG, "singkatan:")
    assert err.message == "'singkatan' is empty."
    assert err.fix == "give 'singkatan' a value."


@pytest.mark.parametrize("year", ["20", "1850", "2020a", '"two thousand"'])
def test_invalid_year(tmp_path, year):
    err = reg_error(tmp_path, edit("tahun: 2020", f"tahun: {year}"))
    assert (err.line, err.where) == (line_of(REG, "tahun:"), "tahun")
    assert err.message == f"'tahun' must be a year such as 2020, found '{year.strip(chr(34))}'."
    assert err.fix == "write the four-digit year."


@pytest.mark.parametrize("date", ["08-12-2020", "2020-13-01", "8 Desember 2020"])
def test_invalid_date(tmp_path, date):
    err = reg_error(tmp_path, edit("tanggal: 2020-12-08", f"tanggal: {date}"))
    assert (err.line, err.where) == (line_of(REG, "tanggal:"), "ditetapkan")
    assert err.message == f"'tanggal' must be a date as YYYY-MM-DD, found '{date}'."
    assert "2020-12-08" in err.fix


def test_invalid_choice(tmp_path):
    err = reg_error(tmp_path, edit("jenis: Peraturan Bupati", "jenis: Perbup"))
    assert err.line == 2
    assert err.message == "'jenis' is 'Perbup', which is not allowed."
    assert err.fix.startswith("use one of: Peraturan Gubernur, Peraturan Bupati,")


# ------------------------------------------------------------------ references and ids

def test_unknown_wilayah(tmp_path):
    err = reg_error(tmp_path, edit('wilayah: "61.07"', "wilayah: 61.7"))
    assert (err.line, err.where) == (line_of(REG, "wilayah:"), "wilayah")
    assert err.message == "unknown wilayah '61.7'."
    assert "_wilayah.yaml" in err.fix and "in quotes" in err.fix


def test_unknown_penyelenggara(tmp_path):
    err = reg_error(tmp_path, edit("penyelenggara: pemkab-bengkayang", "penyelenggara: pemkab-x"))
    assert (err.line, err.where) == (line_of(REG, "penyelenggara:"), "penyelenggara")
    assert err.message == "unknown penyelenggara 'pemkab-x'."
    assert err.fix == "use an id from _penyelenggara.yaml, or add the body there."


def test_id_differs_from_file_name(tmp_path):
    err = reg_error(tmp_path, edit("id: perbup-x-1-2020", "id: perbup-x-2-2020"))
    assert (err.file, err.line, err.where) == (SHOWN, 1, "id")
    assert err.message == "id 'perbup-x-2-2020' differs from the file name 'perbup-x-1-2020.yaml'."
    assert err.fix == "rename the file to perbup-x-2-2020.yaml or set id: perbup-x-1-2020."


def test_id_with_invalid_characters(tmp_path):
    text = edit("id: perbup-x-1-2020", "id: Perbup_X")
    err = single_error(make_project(tmp_path, {"Perbup_X.yaml": text}))
    assert (err.file, err.line) == ("regulations/Perbup_X.yaml", 1)
    assert err.message == "id 'Perbup_X' is not a valid id."
    assert "lowercase letters, digits and '-'" in err.fix


def test_same_regulation_in_two_files(tmp_path):
    other = edit("id: perbup-x-1-2020", "id: perbup-x-copy")
    err = single_error(make_project(tmp_path, {REG_FILE: REG, "perbup-x-copy.yaml": other}))
    assert err.file == "regulations/perbup-x-copy.yaml"
    assert err.message == f"the same regulation (Perbup X 1/2020) is also in {SHOWN}."
    assert err.fix == "keep one file per regulation."


# ------------------------------------------------------------------ nodes

SECOND_PASAL_1 = """\
      - type: pasal
        num: "1"
        text: Pasal satu lagi.
"""


def test_duplicate_provision_ids(tmp_path):
    text = REG + SECOND_PASAL_1
    err = reg_error(tmp_path, text)
    first, second = line_of(text, "- type: pasal"), line_of(text, "- type: pasal", nth=2)
    assert (err.line, err.where) == (second, "bab I > pasal 1")
    assert err.message == f"id 'bab_1__pasal_1' is already used by the node at line {first}."
    assert "set 'eid' on the second one (e.g. bab_5a)" in err.fix
    assert "catatan" in err.fix


def test_eid_resolves_a_duplicate_number(tmp_path):
    text = REG + SECOND_PASAL_1 + "        eid: pasal_1a\n        catatan: Demikian dalam naskah asli.\n"
    reg = load(make_project(tmp_path, {REG_FILE: text})).regulations[0]
    assert list(reg.provisions) == ["bab_1__pasal_1", "bab_1__pasal_1a", "bab_1"]
    assert reg.provisions["bab_1__pasal_1a"].num == "1"  # still displayed as written
    assert reg.provisions["bab_1__pasal_1a"].text == "Pasal satu lagi."


def test_invalid_eid(tmp_path):
    text = REG + SECOND_PASAL_1 + "        eid: Pasal-1a\n"
    err = reg_error(tmp_path, text)
    assert err.line == line_of(text, "eid:")
    assert err.message == "eid 'Pasal-1a' is not a valid id part."
    assert "bab_5a" in err.fix


def test_invalid_node_type(tmp_path):
    text = edit("- type: pasal", "- type: article")
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (line_of(text, "type: article"), "bab I")
    assert err.message == "node type is 'article'."
    assert err.fix.startswith("set 'type:' to one of: bab, bagian, paragraf, pasal,")


def test_missing_node_type(tmp_path):
    err = reg_error(tmp_path, edit("      - type: pasal\n        num", "      - num"))
    assert err.message == "node type is missing."


def test_child_type_not_allowed_in_parent(tmp_path):
    text = REG + """\
        children:
          - type: huruf
            num: a
            text: pertama
            children:
              - type: bab
                num: II
                heading: SALAH TEMPAT
"""
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (line_of(text, "- type: bab", nth=2), "bab I > pasal 1 > huruf a > bab II")
    assert err.message == "a bab cannot stand inside a huruf."
    assert err.fix == "inside a huruf use: angka, butir, formulir, huruf, teks."


def test_numbered_type_without_num(tmp_path):
    text = edit('        num: "1"\n', "")
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (line_of(text, "- type: pasal"), "bab I > pasal")
    assert err.message == "a pasal needs its number in 'num'."
    assert 'num: "7"' in err.fix


def test_num_on_unnumbered_type(tmp_path):
    text = REG + "        children:\n          - type: teks\n            num: \"2\"\n            text: x\n"
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (line_of(text, 'num: "2"'), "bab I > pasal 1 > teks 2")
    assert err.message == "a teks is unnumbered and cannot have 'num'."
    assert err.fix.startswith("remove 'num'")


@pytest.mark.parametrize("num", ["1.", "7a", "Pasal 7"])
def test_invalid_pasal_number(tmp_path, num):
    text = edit('num: "1"', f'num: "{num}"')
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (line_of(text, f'num: "{num}"'), f"bab I > pasal {num}")
    assert err.message == f"'{num}' is not a valid pasal number."
    assert "without punctuation" in err.fix and "5A" in err.fix


def test_unreadable_bab_number(tmp_path):
    text = edit("num: I\n", "num: IIII\n")
    errors = errors_of(make_project(tmp_path, {REG_FILE: text}))
    # The BAB is dropped, but "neither batang_tubuh nor diktum" does not follow from it: one slip,
    # one message.
    assert [e.line for e in errors] == [line_of(text, "num: IIII")]
    err = errors[0]
    assert err.message == "cannot read 'IIII' as a bab number."
    assert "Roman" in err.fix


def test_node_without_content(tmp_path):
    err = reg_error(tmp_path, edit("        text: Pasal satu.\n", ""))
    assert err.message == "this pasal has no text, heading or children."
    assert err.fix == "add its words in 'text', or remove it."


# ------------------------------------------------------------------ sumber

PERBAIKAN = """\
  perbaikan:
    - dari: {dari}
      menjadi: kepastian hukum
      alasan: salah baca pemindaian (OCR)
"""


def test_perbaikan_dari_found_in_source_loads(tmp_path):
    text = edit("  jenis: naskah_lengkap\n", "  jenis: naskah_lengkap\n" + PERBAIKAN.format(dari="kenastian hukum"))
    reg = load(make_project(tmp_path, {REG_FILE: text})).regulations[0]
    assert [(p.dari, p.menjadi) for p in reg.sumber.perbaikan] == [("kenastian hukum", "kepastian hukum")]


def test_perbaikan_dari_not_in_source(tmp_path):
    text = edit("  jenis: naskah_lengkap\n", "  jenis: naskah_lengkap\n" + PERBAIKAN.format(dari="kepastian hukum"))
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (line_of(text, "- dari:"), "sumber > perbaikan")
    assert err.message == "'kepastian hukum' does not occur in the source file x.txt."
    assert err.fix == "copy 'dari' exactly from the source text (same spaces and letters)."


def test_source_file_missing(tmp_path):
    err = reg_error(tmp_path, edit("berkas: x.txt", "berkas: y.txt"))
    assert (err.line, err.where) == (line_of(REG, "berkas:"), "sumber")
    assert err.message == "source file 'y.txt' is not in sources/."
    assert err.fix == "copy the extracted text into sources/ and give its file name."


def test_source_path_outside_sources_is_refused(tmp_path):
    err = reg_error(tmp_path, edit("berkas: x.txt", "berkas: ../sources/x.txt"))
    assert err.message == "source file '../sources/x.txt' is not in sources/."


@pytest.mark.parametrize("name", ["x y.txt", "x#1.txt", "x?.txt", ".x.txt", "x.pdf", "x.txt.", "-x.txt"])
def test_an_unsafe_source_file_name_is_refused(tmp_path, name):
    """The file is published as sumber/<name> and linked: '#', '?' or a space would break the link."""
    reg_dir = make_project(tmp_path, {REG_FILE: edit("berkas: x.txt", f'berkas: "{name}"')})
    (reg_dir.parent / "sources" / name).write_text(SOURCE, encoding="utf-8")  # present: the name is the problem
    err = single_error(reg_dir)
    assert (err.line, err.where) == (line_of(REG, "berkas:"), "sumber")
    assert err.message == (f"source file name '{name}' may hold only letters, digits, '.', '_' and '-', "
                           "and must end in '.txt'.")
    assert err.fix == "rename the file in sources/ and here, e.g. 'perbup-bengkayang-51-2020.txt'."


@pytest.mark.parametrize("name", ["x.txt", "X_1.2-b.txt", "000_3d1406d8f0e81858.txt"])
def test_a_safe_source_file_name_is_accepted(tmp_path, name):
    """Negative control of the rule above, with the real project's kind of name."""
    reg_dir = make_project(tmp_path, {REG_FILE: edit("berkas: x.txt", f"berkas: {name}")})
    (reg_dir.parent / "sources" / name).write_text(SOURCE, encoding="utf-8")
    assert load(reg_dir).regulations[0].sumber.berkas == name


def test_a_source_file_that_is_a_symbolic_link_is_refused(tmp_path):
    """A link would publish whatever it points to (here the project's secrets)."""
    reg_dir = make_project(tmp_path, {REG_FILE: edit("berkas: x.txt", "berkas: link.txt")})
    (tmp_path / "secret.txt").write_text(SOURCE, encoding="utf-8")
    (reg_dir.parent / "sources" / "link.txt").symlink_to(tmp_path / "secret.txt")
    err = single_error(reg_dir)
    assert (err.line, err.where) == (line_of(REG, "berkas:"), "sumber")
    assert err.message == "source file 'link.txt' is a symbolic link; only regular files in sources/ are published."
    assert err.fix == "replace the link with a copy of the text file (sources/link.txt)."
    # Also when it points inside sources/, and when it points nowhere.
    (reg_dir.parent / "sources" / "link.txt").unlink()
    (reg_dir.parent / "sources" / "link.txt").symlink_to("x.txt")
    assert "is a symbolic link" in single_error(reg_dir).message
    (reg_dir.parent / "sources" / "link.txt").unlink()
    (reg_dir.parent / "sources" / "link.txt").symlink_to("/nonexistent")
    assert "is a symbolic link" in single_error(reg_dir).message


def test_a_folder_named_like_a_source_file_is_refused(tmp_path):
    reg_dir = make_project(tmp_path, {REG_FILE: edit("berkas: x.txt", "berkas: d.txt")})
    (reg_dir.parent / "sources" / "d.txt").mkdir()
    assert single_error(reg_dir).message == "source file 'd.txt' is not in sources/."


@pytest.mark.parametrize("key", ["kepala", "pembukaan", "penutup", "tembusan", "catatan"])
def test_every_list_of_texts_has_the_length_limit(tmp_path, key):
    from macros.kodeetik.loader import MAX_TEXT

    text = REG + f"{key}:\n  - pendek\n  - {'x' * (MAX_TEXT + 1)}\n"
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (len(text.splitlines()), key)
    assert err.message == f"an item of '{key}' is {MAX_TEXT + 1} characters long."
    assert err.fix == f"keep a single text under {MAX_TEXT} characters; split it into its units."


def test_a_list_item_at_the_length_limit_is_accepted(tmp_path):
    """Negative control of the limit above."""
    from macros.kodeetik.loader import MAX_TEXT

    reg = load(make_project(tmp_path, {REG_FILE: REG + f"penutup:\n  - {'x' * MAX_TEXT}\n"})).regulations[0]
    assert reg.penutup == ("x" * MAX_TEXT,)


def test_derau_items_have_the_length_limit(tmp_path):
    from macros.kodeetik.loader import MAX_TEXT

    text = edit("  jenis: naskah_lengkap\n", f"  jenis: naskah_lengkap\n  derau:\n    - {'x' * (MAX_TEXT + 5)}\n")
    err = reg_error(tmp_path, text)
    assert (err.where, err.message) == ("sumber", f"an item of 'derau' is {MAX_TEXT + 5} characters long.")


# ------------------------------------------------------------------ files and folders

def test_empty_file(tmp_path):
    err = reg_error(tmp_path, "")
    assert (err.file, err.line, err.where) == (SHOWN, None, "")
    assert err.message == "the file is empty."
    assert "or delete it" in err.fix
    assert str(err) == f"{SHOWN}: the file is empty. Fix: {err.fix}"


def test_yaml_syntax_error_is_reported_with_line(tmp_path):
    text = edit("tentang: Kode Etik Pelayanan Publik", "tentang: Kode Etik: Pelayanan Publik")
    err = reg_error(tmp_path, text)
    assert (err.file, err.line) == (SHOWN, line_of(text, "tentang:"))
    assert err.message.startswith("YAML syntax error: mapping values are not allowed")
    assert "quotes" in err.fix


def test_folder_without_regulation_files(tmp_path):
    err = single_error(make_project(tmp_path, {}))
    assert (err.file, err.line) == ("regulations", None)
    assert err.message == "there is no regulation file in this folder."
    assert err.fix == "add one YAML file per regulation (see regulations/README.md)."


def test_missing_folder(tmp_path):
    with pytest.raises(DataErrors) as info:
        load_corpus(tmp_path / "nowhere")
    assert [e.message for e in info.value.errors] == ["the regulations folder does not exist."]


@pytest.mark.parametrize("missing", ["_wilayah.yaml", "_penyelenggara.yaml"])
def test_missing_registry_file(tmp_path, missing):
    key = "wilayah" if missing == "_wilayah.yaml" else "penyelenggara"
    err = single_error(make_project(tmp_path, **{key: None}))
    assert (err.file, err.line) == (f"regulations/{missing}", None)
    assert err.message == "the registry file is missing."
    assert err.fix.startswith("restore it from the repository")


def test_yml_extension(tmp_path):
    err = single_error(make_project(tmp_path, {"perbup-x-1-2020.yml": REG}))
    assert (err.file, err.line) == ("regulations/perbup-x-1-2020.yml", None)
    assert err.message == "regulation files must end in '.yaml'."
    assert err.fix == "rename it to perbup-x-1-2020.yaml."


# ------------------------------------------------------------------ kind of instrument, status

def test_keputusan_with_batang_tubuh(tmp_path):
    err = reg_error(tmp_path, edit("jenis: Peraturan Bupati", "jenis: Keputusan Bupati"))
    assert (err.line, err.where) == (line_of(REG, "batang_tubuh:"), "batang_tubuh")
    assert err.message == "a Keputusan has no batang_tubuh (BAB/Pasal)."
    assert err.fix == "put its Diktum under 'diktum' and its content under 'lampiran'."


def test_peraturan_with_diktum(tmp_path):
    text = REG.replace("batang_tubuh:", "diktum:\n  - type: diktum\n    num: KESATU\n    text: x\nbatang_tubuh:")
    err = reg_error(tmp_path, text)
    assert (err.line, err.where) == (line_of(text, "diktum:"), "diktum")
    assert err.message == "a Peraturan Bupati has Pasal, not Diktum."
    assert err.fix == "put the Pasal under 'batang_tubuh'."


def test_regulation_without_body(tmp_path):
    text = REG[:REG.index("batang_tubuh:")]
    err = reg_error(tmp_path, text)
    assert err.message == "the regulation has neither batang_tubuh nor diktum."
    assert "add the enacted text" in err.fix


@pytest.mark.parametrize("keadaan", ["dicabut", "diubah"])
def test_status_without_oleh(tmp_path, keadaan):
    err = reg_error(tmp_path, edit("keadaan: berlaku", f"keadaan: {keadaan}"))
    # The line is that of the status mapping itself, i.e. its first key.
    assert (err.line, err.where) == (line_of(REG, "keadaan:"), "status")
    assert err.message == f"a regulation that is {keadaan} needs 'oleh'."
    assert err.fix == "name the instrument that revoked or amended it."


def test_status_dicabut_with_oleh_loads(tmp_path):
    text = edit("keadaan: berlaku\n", "keadaan: dicabut\n  oleh: Perbup X 2/2024\n")
    reg = load(make_project(tmp_path, {REG_FILE: text})).regulations[0]
    assert (reg.status.keadaan, reg.status.oleh) == ("dicabut", "Perbup X 2/2024")


# ------------------------------------------------------------------ registries

def test_district_whose_province_is_missing(tmp_path):
    wilayah = WILAYAH.replace('kode: "61"\n', 'kode: "62"\n').replace("Kalimantan Barat", "Kalimantan Tengah")
    err = single_error(make_project(tmp_path, wilayah=wilayah))
    assert (err.file, err.line, err.where) == ("regulations/_wilayah.yaml", line_of(wilayah, '"61.07"'),
                                               "wilayah 61.07")
    assert err.message == "its province '61' is not listed."
    assert err.fix == 'add the province with kode "61".'


def test_duplicate_wilayah_code(tmp_path):
    wilayah = WILAYAH + '  - kode: "61.07"\n    jenis: kabupaten\n    nama: Bengkayang Lagi\n'
    err = single_error(make_project(tmp_path, wilayah=wilayah))
    first, second = line_of(wilayah, '"61.07"'), line_of(wilayah, '"61.07"', nth=2)
    assert (err.file, err.line) == ("regulations/_wilayah.yaml", second)
    assert err.message == f"code '61.07' is listed twice (first at line {first})."
    assert err.fix == "keep one entry per code."


def test_two_provinces_with_one_page_address(tmp_path):
    wilayah = WILAYAH + '  - kode: "62"\n    jenis: provinsi\n    nama: Kalimantan  barat!\n'
    first = line_of(wilayah, 'kode: "61"')
    err = single_error(make_project(tmp_path, wilayah=wilayah))
    assert (err.file, err.line, err.where) == ("regulations/_wilayah.yaml", line_of(wilayah, '"62"'), "wilayah 62")
    assert err.message == ("'Provinsi Kalimantan  barat!' gets the page address wilayah/kalimantan-barat/, as does "
                           f"'Provinsi Kalimantan Barat' (kode '61', line {first}).")
    assert err.fix.startswith("names that differ only in punctuation, spaces or capitals give one address")


def test_two_districts_of_one_province_with_one_page_address(tmp_path):
    wilayah = WILAYAH + '  - kode: "61.08"\n    jenis: kabupaten\n    nama: BENGKAYANG.\n'
    err = single_error(make_project(tmp_path, wilayah=wilayah))
    assert err.line == line_of(wilayah, '"61.08"')
    assert err.message.startswith("'Kabupaten BENGKAYANG.' gets the page address "
                                  "wilayah/kalimantan-barat/kabupaten-bengkayang/, as does")


def test_same_district_name_in_another_province_or_kind_is_accepted(tmp_path):
    """Negative control: the address is unique per province, and the kind is part of it."""
    wilayah = WILAYAH + ('  - kode: "62"\n    jenis: provinsi\n    nama: Kalimantan Tengah\n'
                         '  - kode: "62.01"\n    jenis: kabupaten\n    nama: Bengkayang\n'
                         '  - kode: "61.71"\n    jenis: kota\n    nama: Bengkayang\n')
    slugs = {w.kode: w.slug for w in load(make_project(tmp_path, wilayah=wilayah)).wilayah}
    assert slugs == {"61": "kalimantan-barat", "61.07": "kabupaten-bengkayang", "61.71": "kota-bengkayang",
                     "62": "kalimantan-tengah", "62.01": "kabupaten-bengkayang"}


@pytest.mark.parametrize("jenis, kode", [("provinsi", "62"), ("kota", "61.71")])
def test_a_region_name_that_gives_no_address(tmp_path, jenis, kode):
    wilayah = WILAYAH + f'  - kode: "{kode}"\n    jenis: {jenis}\n    nama: "!!!"\n'
    err = single_error(make_project(tmp_path, wilayah=wilayah))
    assert (err.line, err.where) == (line_of(wilayah, 'nama: "!!!"'), f"wilayah {kode}")
    assert err.message == "the name '!!!' gives no page address: it has no letter a-z or digit."
    assert err.fix == "write the name in Latin letters, as Kemendagri's list does."


def test_a_regulation_id_that_is_a_list_page_address(tmp_path):
    err = single_error(make_project(tmp_path, {"index.yaml": edit("id: perbup-x-1-2020", "id: index")}))
    assert (err.file, err.line, err.where) == ("regulations/index.yaml", 1, "id")
    assert err.message == "id 'index' is reserved: peraturan/index is the address of the list of regulations."


def test_wilayah_code_must_be_kemendagri_code(tmp_path):
    errors = errors_of(make_project(tmp_path, wilayah=WILAYAH.replace('"61.07"', "61.7")))
    # The district is then unknown to the penyelenggara and the regulation too.
    (err,) = [e for e in errors if e.file == "regulations/_wilayah.yaml"]
    assert err.line == line_of(WILAYAH, '"61.07"')
    assert err.message == "'61.7' is not a Kemendagri code."
    assert "in quotes" in err.fix


def test_penyelenggara_with_unknown_wilayah(tmp_path):
    pen = PENYELENGGARA.replace('wilayah: "61.07"', 'wilayah: "99"')
    errors = errors_of(make_project(tmp_path, penyelenggara=pen))
    first = errors[0]
    assert (first.file, first.line) == ("regulations/_penyelenggara.yaml", line_of(pen, "wilayah:"))
    assert first.message == "unknown wilayah '99'."
    assert "_wilayah.yaml" in first.fix


# ------------------------------------------------------------------ reporting

def test_errors_from_two_files_are_reported_together(tmp_path):
    other = edit("id: perbup-x-1-2020", "id: perbup-y-2-2020")
    other = edit('nomor: "1"', 'nomor: "2"', other)
    other = edit("penyelenggara: pemkab-bengkayang", "penyelenggara: nobody", other)
    reg_dir = make_project(tmp_path, {REG_FILE: edit("tahun: 2020", "tahun: 20"),
                                      "perbup-y-2-2020.yaml": other})
    errors = errors_of(reg_dir)
    assert [(e.file, e.message) for e in errors] == [
        (SHOWN, "'tahun' must be a year such as 2020, found '20'."),
        ("regulations/perbup-y-2-2020.yaml", "unknown penyelenggara 'nobody'."),
    ]


def test_report_is_sorted_by_file_and_line(tmp_path):
    # Collected in the order: unknown key (last line) first, then wilayah (line 7), then tahun...
    text = edit("tahun: 2020", "tahun: 20", REG.replace("batang_tubuh:", "zzz: 1\nbatang_tubuh:"))
    text = edit('wilayah: "61.07"', 'wilayah: "99"', text)
    wilayah = WILAYAH + '  - kode: "61.07"\n    jenis: kabupaten\n    nama: Lagi\n'
    with pytest.raises(DataErrors) as info:
        load(make_project(tmp_path, {REG_FILE: text}, wilayah=wilayah))
    errors = info.value.errors
    keys = [(e.file, e.line) for e in errors]
    assert keys == sorted(keys)
    assert keys == [("regulations/_wilayah.yaml", 8), (SHOWN, line_of(text, "tahun:")),
                    (SHOWN, line_of(text, "wilayah:")), (SHOWN, line_of(text, "zzz:"))]
    report = str(info.value).splitlines()
    assert report[0] == "4 errors in the regulation data:"
    assert report[1] == f"  - {errors[0]}"
    assert report[2].startswith(f"  - {SHOWN}:{line_of(text, 'tahun:')} [tahun]: 'tahun' must be")
    assert " Fix: write the four-digit year." in report[2]


# ------------------------------------------------------------------ the command line

def run_validate(reg_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.kodeetik.validate", str(reg_dir)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_validate_command_fails_on_bad_data(tmp_path):
    reg_dir = make_project(tmp_path, {REG_FILE: edit("tahun: 2020", "tahun: 20")})
    proc = run_validate(reg_dir)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "1 error in the regulation data:" in proc.stderr
    assert "'tahun' must be a year such as 2020, found '20'. Fix: write the four-digit year." in proc.stderr
    assert "Traceback" not in proc.stderr


def test_validate_command_succeeds_on_good_data(tmp_path):
    proc = run_validate(make_project(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("OK:")
    assert proc.stdout.strip() == ("OK: 1 regulation, 2 provisions, 2 regions, 1 penyelenggara, "
                                   "0 instruments, 0 cross-references.")


# ------------------------------------------------------------------ lingkup (who the code binds)

def test_lingkup_is_read_and_checked(tmp_path):
    for name in ("good", "none", "bad", "missing"):
        (tmp_path / name).mkdir()
    good = REG + "lingkup:\n  mengikat: pegawai Dinas X\n  instansi: satu\n  dasar: [bab_1__pasal_1]\n"
    (reg,) = load(make_project(tmp_path / "good", {REG_FILE: good})).regulations
    assert reg.lingkup.mengikat == "pegawai Dinas X" and reg.lingkup.satu_instansi
    assert reg.lingkup.dasar == ("bab_1__pasal_1",)
    # Negative control: without it there is none (the pages name the penyelenggara).
    assert load(make_project(tmp_path / "none")).regulations[0].lingkup is None
    bad = REG + "lingkup:\n  mengikat: pegawai Dinas X\n  instansi: sebagian\n"
    err = reg_error(tmp_path / "bad", bad)
    assert (err.line, err.where) == (line_of(bad, "instansi: sebagian"), "lingkup")
    assert "'instansi' is 'sebagian'" in err.message and "satu, pemerintah_daerah" in err.fix
    missing = REG + "lingkup:\n  mengikat: pegawai Dinas X\n  instansi: satu\n  dasar: [bab_1__pasal_9]\n"
    err = reg_error(tmp_path / "missing", missing)
    assert "no provision 'bab_1__pasal_9'" in err.message and err.where == "lingkup > dasar"
