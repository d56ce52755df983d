"""Italics of the sources (`miring`): the phrases a node lists are printed as <em>, everything else
escaped; the data lists exactly what the sources print in italics. Pure logic, no build (the pages
are checked in test_miring_site.py)."""

from __future__ import annotations

import re
from pathlib import Path

import markupsafe
import pytest

from conftest import ROOT
from editcopy import errors_after_edit
from macros.kodeetik import load_corpus
from macros.render.templating import miring

CORPUS = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources")
ITALIC = re.compile(r"(?<![\w*])\*([^\s*)][^*]*?)(?<=\S)\*(?![\w*])")
"""The extractor's italics in a source line: `*good governance*` (not a footnote mark `*)`)."""


# --------------------------------------------------------------------------- the filter

@pytest.mark.parametrize(("text", "phrases", "html"), [
    ("media online maupun", ("online",), "media <em>online</em> maupun"),
    ("media online; online.", ("online",), "media <em>online</em>; <em>online</em>."),
    ("onlinesasi dan online", ("online",), "onlinesasi dan <em>online</em>"),  # whole words only
    ("nama/id card/tanda", ("id card",), "nama/<em>id card</em>/tanda"),
    ("a <b>online</b>", ("online",), "a &lt;b&gt;<em>online</em>&lt;/b&gt;"),  # the rest escaped
    ("<script>alert(1)</script>", ("script",), "&lt;<em>script</em>&gt;alert(1)&lt;/<em>script</em>&gt;"),
    ("R&D", ("amp",), "R&amp;D"),  # never inside a character reference
    ("good governance and clean governance", ("good governance", "good governance and clean governance"),
     "<em>good governance and clean governance</em>"),  # the longest phrase first
    ("tanpa miring", (), "tanpa miring"),
    (None, (), ""),
])
def test_miring_escapes_and_adds_only_em(text, phrases, html):
    out = miring(text, phrases)
    assert isinstance(out, markupsafe.Markup) and str(out) == html
    # Negative control: without the phrases the same text is merely escaped.
    assert "<em>" not in str(miring(text, ()))


def test_the_only_markup_added_is_em():
    for phrases in (("y",), ('<em onclick="a">',), ("em",), ("onclick",)):
        out = str(miring('x <em onclick="a">y</em>', phrases))
        assert set(re.findall(r"<[^>]*>", out)) <= {"<em>", "</em>"}, phrases
    assert str(miring('x <em onclick="a">y</em>', ("y",))).count("<em>") == 1


# --------------------------------------------------------------------------- the data

def _source_italics(reg) -> list[str]:
    """Italic phrases of the source, once its repairs are made (`*p*` is a paraf, not italics)."""
    text = (ROOT / "sources" / reg.sumber.berkas).read_text(encoding="utf-8")
    for p in reg.sumber.perbaikan:
        text = text.replace(p.dari, p.menjadi)
    return [m.group(1) for line in text.splitlines() for m in ITALIC.finditer(line)]


def _data_italics(reg) -> list[str]:
    return [p for n in reg.all_nodes() for p in n.miring for t in (n.text, n.text_after) if t
            for _ in re.finditer(r"(?<!\w)" + re.escape(p) + r"(?!\w)", t)]


@pytest.mark.parametrize("reg", CORPUS.regulations, ids=lambda r: r.id)
def test_the_data_marks_exactly_the_italics_of_the_source(reg):
    assert sorted(_data_italics(reg)) == sorted(_source_italics(reg))


def test_the_italic_check_sees_a_missing_mark():
    """Negative control: Sumbawa's marks without the one on Pasal 2 ayat (1)."""
    sumbawa = next(r for r in CORPUS.regulations if r.id == "perbup-sumbawa-6-2020")
    assert sumbawa.provisions["bab_2__pasal_2__ayat_1"].miring == ("good governance and clean governance",)
    marked = [p for p in _data_italics(sumbawa) if p != "good governance and clean governance"]
    assert sorted(marked) != sorted(_source_italics(sumbawa))
    assert len(_source_italics(sumbawa)) == 4 and sum(len(_source_italics(r)) for r in CORPUS.regulations) == 14


# --------------------------------------------------------------------------- the loader

def _errors(tmp_path: Path, old: str, new: str) -> list[str]:
    return errors_after_edit(tmp_path, "perbup-sumbawa-6-2020.yaml", old, new)


MARK = 'miring: ["ad hoc"]'


@pytest.mark.parametrize(("new", "message"), [
    ('miring: ["adhoc"]', "'adhoc' does not occur in this node's heading or text"),
    ("miring: [{a: b}]", "an item of 'miring' is"),
    (MARK, None),  # control
])
def test_a_mark_must_name_words_of_its_node(tmp_path, new, message):
    errors = _errors(tmp_path, MARK, new)
    if message is None:
        assert errors == []
        return
    assert len(errors) == 1 and message in errors[0], errors
    assert errors[0].startswith("regulations/perbup-sumbawa-6-2020.yaml:") and "pasal 8" in errors[0]


def test_a_form_cannot_mark_italics(tmp_path):
    errors = _errors(tmp_path, "      - type: formulir\n", "      - type: formulir\n        miring: [KOP]\n")
    assert any("a form is kept as plain text" in e for e in errors), errors
