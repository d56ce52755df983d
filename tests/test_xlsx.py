"""The XLSX downloads: one next to each CSV, the same cells, text kept as text, the same bytes on
every build (no build of the site: the data files are made from the loaded data)."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest
import xlsxwriter

from conftest import no_bom, real_data
from macros.kodeetik import export
from macros.kodeetik.xlsx import workbook


@pytest.fixture(scope="module")
def files():
    data = real_data()
    return export.data_files(data.corpus, data.topics)


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(no_bom(text), newline="")))


def _differences(csv_text: str, xlsx: bytes, numeric: set[str]) -> list[tuple[int, str, object, object]]:
    """Cells where the workbook says something else than the CSV, or a text cell is not text."""
    rows = _csv_rows(csv_text)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    got = [list(r) for r in sheet.iter_rows()]
    out = []
    if len(got) != len(rows):
        out.append((-1, "rows", len(rows), len(got)))
    for r, (want_row, cells) in enumerate(zip(rows, got)):
        if len(cells) != len(want_row):
            out.append((r, "columns", len(want_row), len(cells)))
        for name, want, cell in zip(rows[0], want_row, cells):
            if r and name in numeric:
                ok = cell.value == int(want) and cell.data_type == "n"
            else:
                ok = (cell.value or "") == want and (cell.value is None or cell.data_type == "s")
            if not ok:
                out.append((r, name, want, cell.value))
    return out


def _numeric(path: str, rows: list[list[str]]) -> set[str]:
    """The columns that hold counts: the regulations' in the matrix, `ada` in the provision tables."""
    return set(rows[0][3:]) if path == export.MATRIX_CSV else {"ada"} & set(rows[0])


def test_every_csv_has_a_workbook_with_the_same_cells(files):
    csvs = [p for p in files if p.endswith(".csv")]
    assert len(csvs) >= 4
    for path in csvs:
        xlsx = files[export.xlsx_path(path)]
        assert isinstance(xlsx, bytes) and xlsx.startswith(b"PK")
        assert _differences(files[path], xlsx, _numeric(path, _csv_rows(files[path]))) == [], path


def test_codes_and_numbers_as_written_stay_text(files):
    rows = _csv_rows(files[export.PROVISIONS_CSV])
    sheet = openpyxl.load_workbook(io.BytesIO(files[export.xlsx_path(export.PROVISIONS_CSV)])).active
    header = rows[0]
    kode, singkatan = header.index("wilayah_kode"), header.index("singkatan")
    codes = {sheet.cell(r + 1, kode + 1).value for r in range(1, len(rows))}
    names = {sheet.cell(r + 1, singkatan + 1).value for r in range(1, len(rows))}
    assert {"14.03", "52.04", "36"} <= codes  # Excel would read "14.03" as a number, "36" too
    assert all(isinstance(c, str) for c in codes)
    assert "Kep. Kadis Kominfotik Bengkalis 800.1.6.1/KPTS/9/2024" in names


def test_the_check_sees_a_code_turned_into_a_number():
    """Negative control: a workbook written the naive way (strings read as numbers) fails the check."""
    rows = [["wilayah_kode", "ada"], ["14.03", "1"], ["800.1.6.1/KPTS/9/2024", "0"]]
    text = "\ufeff" + "".join(",".join(r) + "\r\n" for r in rows)
    assert _differences(text, workbook(rows, ("ada",)), {"ada"}) == []
    buf = io.BytesIO()
    naive = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": True})
    ws = naive.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    naive.close()
    assert _differences(text, buf.getvalue(), {"ada"}) == [(1, "wilayah_kode", "14.03", 14.03)]


def test_two_builds_give_the_same_bytes(files):
    data = real_data()
    again = export.data_files(data.corpus, data.topics)
    xlsx = [p for p in files if p.endswith(".xlsx")]
    assert xlsx and all(again[p] == files[p] for p in xlsx)
    # What makes it so: the creation date is fixed, not the time of the build.
    with zipfile.ZipFile(io.BytesIO(files[xlsx[0]])) as z:
        core = z.read("docProps/core.xml").decode()
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "2000-01-01T00:00:00Z" in core


def test_text_that_looks_like_a_formula_stays_text():
    """The CSV note warns that a spreadsheet may read "=..." as a formula; the workbook never does.
    Negative control: the same text written as a formula is read back as one."""
    rows = [["teks"], ["=HYPERLINK(\"http://contoh.test\")"], ["+62 21 1708"]]
    sheet = openpyxl.load_workbook(io.BytesIO(workbook(rows))).active
    assert [(c.value, c.data_type) for (c,) in sheet.iter_rows(min_row=2)] == [(rows[1][0], "s"), (rows[2][0], "s")]
    buf = io.BytesIO()
    naive = xlsxwriter.Workbook(buf, {"in_memory": True})
    naive.add_worksheet().write(0, 0, rows[1][0])
    naive.close()
    assert openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active["A1"].data_type == "f"
