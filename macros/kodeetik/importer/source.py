"""Reading a source file: what the importer accepts, and the one-line refusal of what it does not.

Accepted: a text file of at most `MAX_BYTES` bytes, in UTF-8, or failing that a text in
Windows-1252 (cp1252) or Latin-1. Those two decode every byte to one character, so no letter is
lost; the conversion is accepted only when the result reads as Indonesian text (mostly letters),
and the report says it happened. Refused (`SourceError`, exit 2 in the CLI): a missing file, an empty
or blank one, a binary one (NUL bytes, or many control characters), one too large, one in another
encoding. A form feed (`\\f`, a page break as pdftotext writes it) is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 5_000_000
"""The longest regulation with its Lampiran is well under 1 MB of text; 5 MB leaves room and keeps
an import under a few seconds."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
"""Control characters other than tab, newline, carriage return and form feed."""
MAGIC = {b"%PDF-": "a PDF file", b"PK\x03\x04": "a ZIP archive (a .docx or .odt?)",
         b"\xd0\xcf\x11\xe0": "an old Word/Excel file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
         b"{\\rtf": "an RTF file"}


class SourceError(Exception):
    """A source the importer refuses; the message is one line, naming the file and the fix."""


@dataclass(frozen=True)
class Source:
    text: str
    encoding: str
    """"utf-8", or the encoding the text was converted from ("cp1252", "latin-1")."""

    @property
    def converted(self) -> bool:
        return self.encoding != "utf-8"


def read_source(path: Path) -> Source:
    """The text of `path`, or a `SourceError` saying why it cannot be imported."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path} does not exist or is not a file.")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{path} is {size / 1e6:.1f} MB; the importer takes at most {MAX_BYTES / 1e6:.0f} MB "
                              "of text. Split the Lampiran into a file of its own, or check that this is "
                              "the extracted text.")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    return decode(data, str(path))


def decode(data: bytes, name: str) -> Source:
    """Decode and check bytes read from the file `name` (see the module's rules)."""
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise SourceError(f"{name} is {what}, not text. Extract its text first (e.g. pdftotext -layout "
                              "for a PDF) and import the .txt file.")
    if b"\x00" in data:
        raise SourceError(f"{name} holds NUL bytes: it is a binary file (or UTF-16 text), not UTF-8 text. "
                          "Save or extract it as UTF-8 text.")
    if not data.strip():
        raise SourceError(f"{name} is empty{' (only blank space)' if data else ''}: there is nothing to import.")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        text, encoding = _legacy(data, name, exc)
    controls = len(CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise SourceError(f"{name} holds {controls} control characters: it is a binary file, not text. "
                          "Extract its text first.")
    if not text.strip():
        raise SourceError(f"{name} holds only blank characters: there is nothing to import.")
    return Source(text=text, encoding=encoding)


def _legacy(data: bytes, name: str, error: UnicodeDecodeError) -> tuple[str, str]:
    """Windows-1252, else Latin-1, when the text reads as Indonesian (mostly ASCII letters)."""
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = sum(c.isalpha() for c in text)
        other = sum(c.isalpha() and not c.isascii() for c in text)
        if letters >= len(text.strip()) // 3 and other <= max(2, letters // 20):
            return text, encoding
    raise SourceError(f"{name} is not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start}) and "
                      "does not read as Windows-1252 text either. Save it as UTF-8 and import it again.")
