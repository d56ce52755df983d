"""The CSV downloads as Excel workbooks: one sheet, every cell typed as the CSV means it.

Excel set up for Indonesia reads a CSV with ";" as separator and turns codes such as `14.03` or
`800.1.6.1/KPTS/9/2024` into numbers or dates; a workbook says what each cell is. Written with
XlsxWriter (maintained, pure Python, writes only: all we need), which stamps the parts of the zip
with a fixed date; with the document's creation date fixed too, one input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Collection, Sequence

import xlsxwriter  # type: ignore[import-untyped]  # ships no type information

CREATED = dt.datetime(2000, 1, 1)
"""The workbook's creation date: fixed, so that two builds give the same bytes (the date the data
was published is on the site, not in the file)."""

_MAX_WIDTH = 60


def workbook(rows: Sequence[Sequence[str]], numeric: Collection[str] = (), sheet: str = "data") -> bytes:
    """`rows` (a header, then the data, as in the CSV) as an .xlsx file. Columns named in `numeric`
    hold whole numbers; every other cell is text, whatever it looks like."""
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"created": CREATED, "author": "", "comments": ""})
    text = book.add_format({"num_format": "@", "valign": "top"})
    bold = book.add_format({"bold": True, "num_format": "@"})
    ws = book.add_worksheet(sheet)
    header = list(rows[0]) if rows else []
    numbers = {i for i, name in enumerate(header) if name in numeric}
    for c, name in enumerate(header):
        width = max((len(str(r[c]).split("\n")[0]) for r in rows[:200]), default=8)
        # Text columns keep the text format for cells typed later too.
        ws.set_column(c, c, min(max(width, len(name)) + 2, _MAX_WIDTH), None if c in numbers else text)
        ws.write_string(0, c, name, bold)
    for r, row in enumerate(rows[1:], start=1):
        for c, value in enumerate(row):
            if c in numbers and value != "":
                ws.write_number(r, c, int(value))
            elif ws.write_string(r, c, value, text) == -2:
                raise ValueError(f"row {r}, column {header[c]}: longer than a cell holds (32,767 characters)")
    if header:
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(rows) - 1, 0), len(header) - 1)
    book.close()
    return buf.getvalue()
