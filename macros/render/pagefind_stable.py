"""Make Pagefind's bundle byte-identical from one build to the next.

Pagefind 1.5 writes the values of each filter (and the list of filters) in hash-map order, which
changes from run to run; the filter files are named after a hash of their content, and the language's
metadata file names them, so three kinds of file differ between two builds of the same site (see
Pagefind issue #638: fragments were fixed, "filter/metadata indexes" were not). This rewrites them in
sorted order and renames them after a hash of the new content. Nothing else changes: the same values,
the same page numbers, the same format (gzip of `pagefind_dcd` + CBOR), so Pagefind's own JavaScript
reads them as before.

No MkDocs here; `macros/plugin/search.py` calls `stabilise` right after Pagefind ran.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
"""What every decompressed Pagefind data file starts with."""

# --------------------------------------------------------------------------- minimal CBOR
# Pagefind's files use only integers, text, byte strings, arrays and maps, with definite
# lengths and the shortest encoding of each length: that is all this codec reads and writes.


class FormatError(ValueError):
    """A Pagefind file that does not look as expected (a new Pagefind version?)."""


def _decode(data: bytes, i: int = 0):
    if i >= len(data):
        raise FormatError("truncated CBOR")
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[i:i + size], "big")
        i += size
    else:
        raise FormatError(f"unsupported CBOR length {info} (indefinite or float)")
    if major == 0:
        return value, i
    if major == 1:
        return -1 - value, i
    if major in (2, 3):
        raw = data[i:i + value]
        return (raw if major == 2 else raw.decode("utf-8")), i + value
    if major == 4:
        out = []
        for _ in range(value):
            item, i = _decode(data, i)
            out.append(item)
        return out, i
    if major == 5:
        items = []
        for _ in range(value):
            key, i = _decode(data, i)
            val, i = _decode(data, i)
            items.append((key, val))
        return dict(items), i
    raise FormatError(f"unsupported CBOR major type {major}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise FormatError("integer too large")


def _encode(value) -> bytes:
    if isinstance(value, bool) or value is None:
        raise FormatError("unsupported value")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value.items())
    raise FormatError(f"unsupported value {type(value).__name__}")


def read(path: Path):
    """The CBOR value of a Pagefind data file."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise FormatError(f"{path.name} lacks the {SIGNATURE!r} signature")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise FormatError(f"{path.name} has trailing bytes")
    return value


def _pack(value) -> bytes:
    # mtime 0 and the maximum level, as Pagefind writes them.
    return gzip.compress(SIGNATURE + _encode(value), compresslevel=9, mtime=0)


def _name(lang: str, packed: bytes, digits: int) -> str:
    return f"{lang}_{hashlib.sha256(packed).hexdigest()[:digits]}"


# --------------------------------------------------------------------------- the bundle

def stabilise(bundle: Path) -> None:
    """Rewrite the filter indexes and language metadata of `bundle` in a fixed order."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for lang, info in entry.get("languages", {}).items():
        meta_file = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_file)
        # [version, pages, index chunks, filters: [[name, file hash]], sorts, meta fields]
        if not (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)):
            raise FormatError(f"{meta_file.name}: unexpected layout")
        filters = []
        for name, old_hash in meta[3]:
            old_file = bundle / "filter" / f"{old_hash}.pf_filter"
            fname, values = read(old_file)  # [name, [[value, [page numbers]], ...]]
            packed = _pack([fname, sorted(values, key=lambda v: v[0])])
            new_hash = _name(lang, packed, 7)
            old_file.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(packed)
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        packed = _pack(meta)
        new_meta = _name(lang, packed, 10)
        meta_file.unlink()
        (bundle / f"pagefind.{new_meta}.pf_meta").write_bytes(packed)
        info["hash"] = new_meta
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
