"""The typed-query reader of Cari pasal (`citations.read_typed`) against the shared table
`tests/data/cari_pasal.json`, which `tests/test_xref_site.py` runs against xref.js's reader too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.kodeetik.citations import CitationError, parse, read_typed

TABLE = json.loads((Path(__file__).parent / "data" / "cari_pasal.json").read_text(encoding="utf-8"))["kasus"]


@pytest.mark.parametrize("case", TABLE, ids=[c["input"] for c in TABLE])
def test_the_reader_gives_the_tables_answer(case):
    got = read_typed(case["input"])
    assert (got.key, got.peraturan) == (case["ketentuan"], case["peraturan"])


@pytest.mark.parametrize("case", [c for c in TABLE if c["ketentuan"]], ids=lambda c: c["input"])
def test_each_key_is_the_canonical_citation_the_jump_index_uses(case):
    # The index keys are str(Citation).lower(): the key must parse and print back unchanged (in
    # title case, as the parser reads Roman Lampiran numbers in capitals only).
    assert str(parse(case["ketentuan"].title())).lower() == case["ketentuan"]


def test_the_table_covers_the_forms_people_type():
    inputs = {c["input"] for c in TABLE}
    for typed in ("Pasal 11 c", "psl 11 huruf c Perbup Bengkayang", "ps. 11 (c) perbup 51/2020",
                  "Perbup 51/2020 pasal 11", "Perbup Bengkayang 51 tahun 2020", "perbup 51/2020", "pungli"):
        assert typed in inputs
    kinds = {next(iter(c["hasil"])) for c in TABLE}
    assert kinds == {"buka", "pesan", "cari"}


def test_typed_forms_are_not_citations_to_the_strict_parser():
    """Negative control: what read_typed adds is not in `parse`, which the site's text uses."""
    for typed in ("Pasal 11 c", "psl 11 huruf c", "ps. 11 (c)"):
        with pytest.raises(CitationError):
            parse(typed)


def test_a_letter_after_a_pasal_number_stays_part_of_it_without_a_space():
    assert read_typed("Pasal 5A Perbup Sumbawa 6/2020").key == "pasal 5a"
    assert read_typed("Pasal 5 a Perbup Sumbawa 6/2020").key == "pasal 5 huruf a"


def test_words_without_a_provision_are_left_whole():
    got = read_typed("uang pelicin pasal")
    assert (got.path, got.peraturan) == ((), "uang pelicin pasal")
