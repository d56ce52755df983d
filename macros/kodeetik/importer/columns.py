"""Two-column label layouts read column by column: "Menimbang", ":", "a." and "KESATU" on lines of
their own, the text after them. The label, its colon and a lone marker are put back on the line of
the text they introduce (no word changes; each join is counted in the report's formatting line).
"""

from __future__ import annotations

import re

from . import markers as mk
from .lines import Line, Log

LABEL_WORD = re.compile(r"^(?:Menimbang|Mengingat|Memperhatikan|Menetapkan|MEMUTUSKAN|Tembusan|"
                        + "|".join(sorted(mk.DIKTUM_WORDS, key=len, reverse=True)) + ")$")
MARKER_ONLY = re.compile(r"^(?:\(\d{1,3}[a-z]?\)|[a-z]\.|[A-Z]\.|\d{1,3}\.|[a-z]\)|\d{1,3}\))$")


def _opens(text: str) -> bool:
    """A line that starts a unit of its own (so it never becomes a label's or a marker's text)."""
    return bool(MARKER_ONLY.match(text) or LABEL_WORD.match(text) or text == ":" or mk.PASAL.match(text)
                or mk.BAB.match(text) or mk.DIKTUM.match(text) or mk.LABEL.match(text))


def join_column_labels(lines: list[Line], log: Log) -> list[Line]:
    out: list[Line] = []
    pending: Line | None = None
    """A label or marker waiting for its text."""
    for line, in_form in zip(lines, mk.form_lines(lines)):
        t = line.text
        if in_form:
            pending = None
            out.append(line)
            continue
        if line.blank:
            if pending is None:
                out.append(line)
            continue
        if pending is not None:
            if t == ":" and not pending.text.endswith(":"):
                pending.text += " :"
                pending.raw += "\n" + line.raw
                log.count("label on a line of its own joined")
                continue
            if not _opens(t):
                pending.text = f"{pending.text} {t}"
                pending.raw += "\n" + line.raw
                log.count("label on a line of its own joined")
                pending = None
                continue
            pending = None
        if LABEL_WORD.match(t) or MARKER_ONLY.match(t) or ((diktum := mk.DIKTUM.match(t)) is not None and not diktum.group(2)):
            pending = line
        out.append(line)
    return out
