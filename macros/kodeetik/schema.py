"""Declared shapes of the YAML data: which keys a mapping holds, of what type, required or not.

In the manner of MkDocs' `config_options`: a `Schema` names its fields; each field reads one value
and validates it, reporting through a `Reader` (file, line, place, what is wrong, how to fix it).
Problems are collected, never raised, so one run lists them all. A field left out, or whose value
is wrong, reads as None (or an empty tuple for a list). A loader declares its schemas, reads each
mapping with one, then checks what spans fields (a code that must fit its kind, references to other
files). Every value arrives as a string from `yamlio`; the fields convert the few typed ones.

Places: the fields of a file's top mapping are reported at their own key (`nomor`); those of a
nested mapping at the mapping's place (`status`, `penyelenggara x > kepala`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from . import yamlio
from .errors import Collector

MAX_TEXT = 20_000
"""No single provision comes near this; a longer text is pasted content or a missing line break."""
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""An id that is also a page address: lowercase letters and digits in words joined by '-'."""
RESERVED_IDS = frozenset({"index"})
"""Ids that would give the address of a list page (peraturan/index, dasar-hukum/index)."""


def kind_of(value: Any) -> str:
    """What a value is, for a message: `the text '...'`, `a list`, `a mapping`, `nothing`."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


class Reader:
    """Reads one file's mappings, reporting every problem against that file."""

    def __init__(self, errors: Collector, file: str):
        self.errors = errors
        self.file = file

    def err(self, line: int | None, where: str, message: str, fix: str) -> None:
        self.errors.add(self.file, line, where, message, fix)

    def mapping(self, value: Any, line: int | None, where: str) -> yamlio.Map | None:
        if isinstance(value, yamlio.Map):
            return value
        self.err(line, where, f"expected a mapping (key: value lines), found {kind_of(value)}.",
                 "indent the keys under this one, as in regulations/README.md.")
        return None

    def keys(self, m: yamlio.Map, where: str, required: tuple[str, ...], optional: tuple[str, ...]) -> bool:
        """Report unknown keys (with the nearest known one) and missing required keys."""
        ok = True
        allowed = (*required, *optional)
        for key in m:
            if key not in allowed:
                near = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean '{near[0]}'?)" if near else ""
                self.err(m.key_lines[key], where, f"unknown key '{key}'{hint}.",
                         f"remove it or use one of: {', '.join(allowed)}.")
                ok = False
        for key in required:
            if key not in m:
                self.err(m.line, where, f"missing required key '{key}'.",
                         f"add '{key}:' (see regulations/README.md).")
                ok = False
        return ok

    def line_of(self, m: yamlio.Map, key: str) -> int:
        return m.key_lines.get(key, m.line)

    def text(self, m: yamlio.Map, key: str, where: str, required: bool = False) -> str | None:
        value = m.get(key)
        if value is None:
            if required and key in m:
                self.err(self.line_of(m, key), where, f"'{key}' is empty.", f"give '{key}' a value.")
            return None
        if not isinstance(value, str):
            self.err(self.line_of(m, key), where,
                     f"'{key}' must be text, found {kind_of(value)}.",
                     "write it on one line after the key, or as a block scalar (>-).")
            return None
        value = value.strip()
        if len(value) > MAX_TEXT:
            self.err(self.line_of(m, key), where, f"'{key}' is {len(value)} characters long.",
                     f"keep a single text under {MAX_TEXT} characters; split it into its units.")
            return None
        if not value and required:
            self.err(self.line_of(m, key), where, f"'{key}' is empty.", f"give '{key}' a value.")
            return None
        return value or None

    def choice(self, m: yamlio.Map, key: str, where: str, allowed) -> str | None:
        value = self.text(m, key, where, required=True)
        if value is not None and value not in allowed:
            self.err(self.line_of(m, key), where, f"'{key}' is '{value}', which is not allowed.",
                     f"use one of: {', '.join(allowed)}.")
            return None
        return value

    def year(self, m: yamlio.Map, key: str, where: str, required: bool = False) -> int | None:
        value = self.text(m, key, where, required=required)
        if value is None:
            return None
        if not re.fullmatch(r"\d{4}", value) or not 1900 <= int(value) <= 2100:
            self.err(self.line_of(m, key), where, f"'{key}' must be a year such as 2020, found '{value}'.",
                     "write the four-digit year.")
            return None
        return int(value)

    def date(self, m: yamlio.Map, key: str, where: str) -> dt.date | None:
        value = self.text(m, key, where)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.err(self.line_of(m, key), where, f"'{key}' must be a date as YYYY-MM-DD, found '{value}'.",
                     "write e.g. 2020-12-08 for 8 Desember 2020.")
            return None

    def strings(self, m: yamlio.Map, key: str, where: str) -> tuple[str, ...]:
        value = m.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = yamlio.Seq([value])
            value.line, value.item_lines = self.line_of(m, key), [self.line_of(m, key)]
        if not isinstance(value, yamlio.Seq):
            self.err(self.line_of(m, key), where, f"'{key}' must be a list of texts, found {kind_of(value)}.",
                     "write one '- text' line per item.")
            return ()
        out = []
        for item, line in zip(value, value.item_lines):
            if not isinstance(item, str) or not item.strip():
                self.err(line, where, f"an item of '{key}' is {kind_of(item)}, not text.",
                         "write each item as text on its own '- ' line.")
                continue
            if len(item.strip()) > MAX_TEXT:
                self.err(line, where, f"an item of '{key}' is {len(item.strip())} characters long.",
                         f"keep a single text under {MAX_TEXT} characters; split it into its units.")
                continue
            out.append(item.strip())
        return tuple(out)

    def seq(self, m: yamlio.Map, key: str, where: str) -> yamlio.Seq:
        value = m.get(key)
        if isinstance(value, yamlio.Seq):
            return value
        if value is not None:
            self.err(self.line_of(m, key), where, f"'{key}' must be a list, found {kind_of(value)}.",
                     "write each item on its own line starting with '- '.")
        empty = yamlio.Seq()
        empty.line, empty.item_lines = self.line_of(m, key), []
        return empty


# --------------------------------------------------------------------------- fields

class Field:
    """One key of a mapping. `required`: the key must be there (its absence is reported once, by
    the schema); a field read where the key is absent gives None."""

    def __init__(self, required: bool = False):
        self.required = required

    def place(self, where: str, key: str) -> str:
        """Where this field's problems are reported, in a mapping read at `where`."""
        return where or key

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> Any:
        """The value of `key` in `m`, converted, or None when absent or wrong (then reported)."""
        raise NotImplementedError


class Str(Field):
    """Text, stripped; an empty value is absent (and reported when required)."""

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> str | None:
        return r.text(m, key, where, required=self.required)


class Verbatim(Field):
    """Text kept exactly as written, spaces included (what a repair finds in a source); None when
    it is not text."""

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> str | None:
        value = m.get(key)
        return value if isinstance(value, str) else None


class Id(Str):
    """A required id that is also a page address (`ID_RE`); `example` shows one in the fix.
    `reserved`: (why, fix) when a reserved name (`index`) would take a list page's address. A
    malformed id is reported and still returned, so references to it resolve and add nothing."""

    def __init__(self, example: str, reserved: tuple[str, str] | None = None):
        super().__init__(required=True)
        self.example = example
        self.reserved = reserved

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> str | None:
        value = r.text(m, key, where, required=True)
        if value is not None and not ID_RE.match(value):
            r.err(r.line_of(m, key), where, f"id '{value}' is not a valid id.",
                  f"use lowercase letters, digits and '-', e.g. {self.example}.")
        elif value in RESERVED_IDS and self.reserved is not None:
            r.err(r.line_of(m, key), where, f"id '{value}' is reserved: {self.reserved[0]}.", self.reserved[1])
        return value


class Year(Field):
    """A four-digit year from 1900 to 2100, as an int."""

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> int | None:
        return r.year(m, key, where, required=self.required)


class Int(Field):
    """A whole number from `low` to `high`, as an int (written in quotes, as all data is text)."""

    def __init__(self, low: int, high: int, required: bool = True):
        super().__init__(required)
        self.low, self.high = low, high

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> int | None:
        value = r.text(m, key, where, required=self.required)
        if value is None:
            return None
        if not value.isdigit() or not self.low <= int(value) <= self.high:
            r.err(r.line_of(m, key), where, f"'{key}' must be a whole number from {self.low} to {self.high}, "
                  f"found '{value}'.", f"write a number such as \"{self.low}\" (in quotes).")
            return None
        return int(value)


class Date(Field):
    """A date written YYYY-MM-DD."""

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> dt.date | None:
        return r.date(m, key, where)


class Choice(Field):
    """One of a fixed set of words (`choices`, listed in the fix when another is written)."""

    def __init__(self, choices, required: bool = True):
        super().__init__(required)
        self.choices = tuple(choices)

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> str | None:
        return r.choice(m, key, where, self.choices) if key in m else None


class Texts(Field):
    """A list of texts (one text alone is a list of one); an empty tuple when absent."""

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> tuple[str, ...]:
        return r.strings(m, key, where)


class Entries(Field):
    """A list of mappings, each read by the loader (often with a schema of its own): the
    `yamlio.Seq`, with its items' lines; empty when absent, and reported at `<where> > <key>` when
    it is not a list."""

    def place(self, where: str, key: str) -> str:
        return f"{where} > {key}" if where else key

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> yamlio.Seq:
        return r.seq(m, key, where)


class Deferred(Field):
    """A key the loader reads itself after the other fields, because it needs what they give (the
    provisions, the sources folder): declared here for the key check; the raw value."""

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> Any:
        return m.get(key)


class Keyed(Field):
    """A mapping whose keys are data (provision ids, topic keys), read entry by entry by the loader:
    the `yamlio.Map`; None when absent or not a mapping (then reported)."""

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> yamlio.Map | None:
        return r.mapping(m[key], r.line_of(m, key), where) if key in m else None


class Nested(Field):
    """A mapping read with its own schema, at the place `<where> > <key>`; None when it is not a
    mapping or (unless `partial`: see `Schema.read_all`) its keys are wrong."""

    def __init__(self, schema: Schema, required: bool = False, partial: bool = False):
        super().__init__(required)
        self.schema = schema
        self.partial = partial

    def place(self, where: str, key: str) -> str:
        return f"{where} > {key}" if where else key

    def read(self, r: Reader, m: yamlio.Map, key: str, place: str) -> Record | None:
        if m.get(key) is None and (key not in m or not self.required):  # absent: the schema says so
            return None
        inner = r.mapping(m.get(key), r.line_of(m, key), place)
        return (self.schema.read_all if self.partial else self.schema.read)(r, inner, place) if inner is not None else None


class Using(Field):
    """A value read by a function of the reader's kind, `read(r, m, key, where)`: a part with rules of
    its own (a penyelenggara's complaint channels), declared here like any other field."""

    def __init__(self, read, required: bool = False):
        super().__init__(required)
        self.reader = read

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> Any:
        return self.reader(r, m, key, where)


# --------------------------------------------------------------------------- schemas

class Record(dict):
    """The values a schema read from one mapping, by key, with the mapping (for lines)."""

    def __init__(self, values: dict[str, Any], source: yamlio.Map):
        super().__init__(values)
        self.source = source

    def line(self, key: str) -> int:
        """The line of `key`, or of the mapping when the key is absent."""
        return self.source.key_lines.get(key, self.source.line)


class Schema:
    """The keys a mapping may hold, each with its field, in the order they are listed for a fix."""

    def __init__(self, **fields: Field):
        self.fields = fields

    def keys(self, r: Reader, m: yamlio.Map, where: str) -> bool:
        """Report unknown and missing keys; False when there was any."""
        required = tuple(k for k, f in self.fields.items() if f.required)
        optional = tuple(k for k, f in self.fields.items() if not f.required)
        return r.keys(m, where, required, optional)

    def read(self, r: Reader, m: yamlio.Map, where: str) -> Record | None:
        """Every field of `m`, read and reported; None when a key is unknown or missing (reported)."""
        return self.read_all(r, m, where) if self.keys(r, m, where) else None

    def read_file(self, r: Reader, data: Any) -> Record | None:
        """A file's top mapping (`data` as `yamlio.load` gave it, None when the file could not be
        read): None when it is not a mapping or a key is unknown or missing (reported)."""
        if data is None:
            return None
        m = r.mapping(data, 1, "")
        return self.read(r, m, "") if m is not None else None

    def read_all(self, r: Reader, m: yamlio.Map, where: str) -> Record:
        """Every field of `m`, read and reported, even when a key is unknown or missing."""
        self.keys(r, m, where)
        return self.read_fields(r, m, where)

    def read_fields(self, r: Reader, m: yamlio.Map, where: str) -> Record:
        """Every field of `m`, read and reported, its keys not checked (the caller did)."""
        return Record({key: f.read(r, m, key, f.place(where, key)) for key, f in self.fields.items()}, m)


def named(m: yamlio.Map, key: str, line: int) -> str:
    """How messages name an entry of a list before it is read: by its `key` (an id, a code) when
    that is text, else by its line."""
    value = m.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else f"(line {line})"


class Unique:
    """The values of one key across a list, to report the second use of one with the line of the first."""

    def __init__(self, r: Reader, noun: str, fix: str, verb: str = "used", within: str = ""):
        self.r, self.noun, self.fix, self.verb = r, noun, fix, verb
        self.within = within
        """Where the value must be unique, when not the whole file: ` in this area`."""
        self.first: dict[str, int] = {}

    def add(self, value: str, line: int, where: str, report_line: int | None = None) -> bool:
        """False (and reported at `report_line`, else `line`) when `value` was seen before."""
        if value in self.first:
            self.r.err(report_line or line, where, f"{self.noun} '{value}' is {self.verb} twice{self.within} "
                       f"(first at line {self.first[value]}).", self.fix)
            return False
        self.first[value] = line
        return True


__all__ = ["Choice", "Date", "Deferred", "Entries", "Field", "ID_RE", "Id", "Int", "Keyed", "MAX_TEXT", "Nested", "RESERVED_IDS", "Reader", "Record",
           "Schema", "Str", "Texts", "Unique", "Using", "Verbatim", "Year", "kind_of", "named"]
