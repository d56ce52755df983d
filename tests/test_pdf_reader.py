"""The PDF reader's rules on small made-up pages, bad PDFs, and the new `sumber` keys. No build."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfWriter

import pdfkit
from conftest import ROOT
from importer_compare import compare_loaded
from macros.kodeetik import load_corpus
from macros.kodeetik.errors import DataErrors
from macros.kodeetik.importer import import_text
from macros.kodeetik.importer import pdf as reader
from macros.kodeetik.importer.pdf import Page, PdfLine, PdfProblem, Reading, Word


def line(page: int, top: float, *words: tuple[str, float], size: float = 10.0) -> PdfLine:
    """A line of words, each (text, x0); widths from the text's length."""
    ws = [Word(t, x, x + 5.5 * len(t), top, top + size) for t, x in words]
    out = reader.group_lines(ws, page)
    assert len(out) == 1
    return out[0]


def reading_of(*pages: Page) -> Reading:
    return Reading(name="x.pdf", sha256="0" * 64, pages=list(pages))


# --------------------------------------------------------------------------- hyphenation

def hyphen_case(first: str, second: str, words: set[str] = frozenset()):
    a = line(1, 100, ("teks", 90), (first, 120))
    b = line(1, 115, (second, 90), ("lain", 200))
    page = Page(1, 600, 900, [a, b])
    r = reading_of(page)
    reader.resolve_hyphens([page], r, set(words))
    return a.words[-1].text, r


def test_a_broken_word_is_joined_only_when_attested():
    assert hyphen_case("pelaya-", "nan", {"pelayanan"})[0] == "pelayanan"
    word, r = hyphen_case("pelaya-", "nan")
    assert word == "pelaya-nan" and "hyphen was kept" in r.checks[0]  # negative control: not attested
    assert hyphen_case("pelaya\u00ad", "nan")[0] == "pelayanan"  # the typesetter's hyphen


def test_compound_and_repeated_words_keep_their_hyphen():
    assert hyphen_case("Undang-", "Undang", {"undangundang"})[0] == "Undang-Undang"
    assert hyphen_case("perundang-", "undangan", {"perundangundangan"})[0] == "perundang-undangan"
    assert hyphen_case("hal-", "hal")[0] == "hal-hal"


# --------------------------------------------------------------------------- margins and columns

def test_running_footer_and_page_numbers_are_noise_only_in_the_margins():
    pages = []
    for n in range(1, 5):
        lines = [line(n, 850, ("Perbup", 300), ("Contoh", 340)),
                 line(n, 400, ("Perbup", 300), ("Contoh", 340))]  # same words, in the text: not noise
        if n > 1:
            lines.insert(0, line(n, 30, (f"- {n} -", 290)))
        pages.append(Page(n, 600, 900, lines))
    r = reading_of(*pages)
    reader.mark_margin_noise(pages, r)
    assert all(p.lines[-2].noise == "running footer" for p in pages)
    assert all(p.lines[-1].noise is None for p in pages)
    assert all(p.lines[0].noise == "page number" for p in pages[1:])


def test_a_wrapped_item_is_one_paragraph_and_the_next_item_is_not():
    label = line(1, 100, ("Menimbang", 60), (":", 140), ("a.", 160), ("bahwa", 190), ("x" * 60, 230))
    wrapped = line(1, 115, ("pelayanan", 190), ("publik;", 250))
    item = line(1, 130, ("b.", 160), ("bahwa", 190))
    page = Page(1, 600, 900, [label, wrapped, item])
    assert label.text_x == 190  # after the label column and the marker
    reader.join_paragraphs([page])
    assert [ln.text for ln in page.lines] == [f"Menimbang : a. bahwa {'x' * 60} pelayanan publik;", "b. bahwa"]


def test_the_layout_matters_plain_text_of_the_same_pdf_imports_worse():
    """Negative control for the reader: PDFium's plain text of the printed Perbup Bengkayang (no
    positions: lines as printed, hyphens as printed) through the same importer."""
    import pypdfium2 as pdfium

    reg = pdfkit.curated()["perbup-bengkayang-51-2020"]
    pdf = pdfium.PdfDocument(str(pdfkit.printed(reg.id)))
    plain = "\f".join(page.get_textpage().get_text_range() for page in pdf)
    pdf.close()
    _, draft = import_text(plain, "plain.txt", data_dir=ROOT / "regulations")
    reading = reader.read_pdf(pdfkit.printed(reg.id))
    _, draft_read = import_text(reading.text, "read.txt", data_dir=ROOT / "regulations", noise=reading.noise)
    assert _share(draft, reg) < 0.9 < 0.97 <= _share(draft_read, reg)


def _share(draft, curated) -> float:
    import tempfile

    from macros.kodeetik.importer import writer
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "regulations"
        shutil.copytree(ROOT / "regulations", data)
        (data / "_topik" / f"{curated.id}.yaml").unlink()
        draft.data["id"] = curated.id
        draft.data["sumber"]["berkas"] = curated.sumber.berkas
        draft.data["sumber"]["perbaikan"] = []
        (data / f"{curated.id}.yaml").write_text(writer.dump(draft.data, {}, []), encoding="utf-8")
        try:
            loaded = next(r for r in load_corpus(data, sources_dir=ROOT / "sources").regulations
                          if r.id == curated.id)
        except DataErrors:
            return 0.0
    return compare_loaded(curated, loaded).share


# --------------------------------------------------------------------------- bad PDFs

def _pdf_bytes(pages: int = 1, password: str | None = None) -> bytes:
    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(595, 842)
    if password:
        w.encrypt(password)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


BAD = {
    "empty": (b"", "empty (0 bytes)"),
    "not-a-pdf": (b"Menimbang : a. bahwa ...\n", "not a PDF"),
    "damaged": (b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nbroken", "damaged"),
    "encrypted": (None, "encrypted with a password"),
    "no-pages": (None, "no pages"),
    "too-long": (None, f"more than the limit of {reader.MAX_PAGES}"),
}


@pytest.fixture(scope="module")
def bad_pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    made = {"encrypted": _pdf_bytes(1, "rahasia"), "no-pages": _pdf_bytes(0),
            "too-long": _pdf_bytes(reader.MAX_PAGES + 1)}
    out = {}
    for name, (content, _) in BAD.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(content if content is not None else made[name])
        out[name] = path
    return out


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_pdf_gets_one_clear_line_and_exit_2(bad_pdfs, tmp_path, name):
    run = subprocess.run([sys.executable, "-m", "macros.kodeetik.cli", "import", str(bad_pdfs[name]),
                          "-o", "regulations/baru-2024.yaml"], cwd=_project(tmp_path), capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad_pdfs[name]}: ") and BAD[name][1] in lines[0], run.stderr
    assert not (tmp_path / "p" / "regulations" / "baru-2024.yaml").exists()
    assert not any((tmp_path / "p" / "sources").iterdir())


def test_a_pdf_over_the_size_limit_is_refused_before_it_is_opened(bad_pdfs, monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 100)
    with pytest.raises(PdfProblem, match="more than the limit"):
        reader.open_pdf(bad_pdfs["no-pages"])


def test_a_good_pdf_passes_the_same_gate():  # control for the bad ones
    pdf = reader.open_pdf(pdfkit.printed("kep-dinsos-banten-2024"))
    assert len(pdf) > 1
    pdf.close()


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    shutil.copytree(ROOT / "regulations", project / "regulations")
    (project / "sources").mkdir()
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return project


# --------------------------------------------------------------------------- sumber.pdf, sumber.sha256

@pytest.mark.parametrize("extra, message", [
    ("    pdf: perbup.pdf\n    sha256: " + "a" * 64 + "\n", None),
    ("    pdf: perbup.pdf\n    sha256: XYZ\n", "64 lowercase hexadecimal digits"),
    ("    pdf: perbup.pdf\n", "'pdf' and 'sha256' go together"),
    ("    pdf: ../perbup.txt\n    sha256: " + "a" * 64 + "\n", "is not the file name of a PDF"),
])
def test_sumber_names_the_pdf_with_its_hash(tmp_path, extra, message):
    data = tmp_path / "regulations"
    shutil.copytree(ROOT / "regulations", data)
    path = data / "perbup-bengkayang-51-2020.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  jenis: naskah_lengkap\n", "  jenis: naskah_lengkap\n" + extra.replace("    ", "  "), 1),
                    encoding="utf-8")
    if message is None:
        reg = next(r for r in load_corpus(data, sources_dir=ROOT / "sources").regulations if r.id == path.stem)
        assert reg.sumber.pdf == "perbup.pdf" and reg.sumber.sha256 == "a" * 64
    else:
        with pytest.raises(DataErrors, match=message.replace("(", r"\(")):
            load_corpus(data, sources_dir=ROOT / "sources")


# --------------------------------------------------------------------------- OCR misreadings (rules.yaml)

@pytest.mark.parametrize("read, repaired", [
    ("Mengingat 1 1. Undang-Undang Nomor 25", "Mengingat : 1. Undang-Undang Nomor 25"),
    ("0. tidak memakai tindik", "o. tidak memakai tindik"), ("|. berpenampilan", "l. berpenampilan"),
    ("BAB |", "BAB I"), ("BAB Il", "BAB II"), ("BAB Ill", "BAB III"), ("BAB lV", "BAB IV"), ("Pasal l", "Pasal 1"), ("Tingkat Il Bengkayang", "Tingkat II Bengkayang"),
    # Negative controls: real wording stays.
    ("BAB 1 – KETENTUAN UMUM", None), ("BAB IV", None), ("Pasal 12", None), ("Mengingat : 1. Undang", None),
    ("0. 5 persen", None),
])
def test_ocr_misreadings_are_repaired_and_recorded(read, repaired):
    from macros.kodeetik.importer.lines import Log, read_lines
    from macros.kodeetik.importer.rules import apply_misreadings

    log = Log()
    line_ = apply_misreadings(read_lines(read), log)[0]
    assert line_.text == (repaired or read)
    assert [(r.dari in read, r.menjadi in line_.text) for r in log.repairs] == ([(True, True)] if repaired else [])


def test_scan_specks_are_dropped_and_recorded():
    words = [Word("f.", 60, 70, 100, 110, 90.0), Word("©memperoleh", 90, 150, 100, 110, 80.0),
             Word("hak;", 155, 175, 100, 110, 95.0), Word("__", 200, 210, 100, 110, 20.0)]
    page = Page(1, 600, 900, reader.group_lines(words, 1), ocr=True)
    r = reading_of(page)
    reader.mark_specks([page], r)
    assert page.lines[0].text == "f. memperoleh hak;"
    assert "'©'" in r.decisions[0] and "'__'" in r.decisions[0]
    text_page = Page(1, 600, 900, reader.group_lines(words, 1))  # a text layer: nothing is a speck
    reader.mark_specks([text_page], reading_of(text_page))
    assert text_page.lines[0].text == "f. ©memperoleh hak; __"
