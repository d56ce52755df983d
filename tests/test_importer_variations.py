"""The cleaning rules at work on variations of a real source: the same text with hyphenated line
breaks, spaced letters, running headers and page numbers, other bullet styles and misreadings must
give the same provisions as the source itself, and the report must say what was repaired."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from macros.kodeetik.importer.draft import build

SOURCE = ROOT / "sources" / "004_9ef35e55e49da583.txt"
TEXT = SOURCE.read_text(encoding="utf-8")


def provisions(text: str):
    d = build(text, SOURCE.name, ROOT / "regulations", "perbup-bengkayang-51-2020")
    strip = lambda nodes: [_plain(n.to_dict()) for n in nodes or []]  # noqa: E731
    return {k: strip(d.data[k]) for k in ("menimbang", "mengingat", "batang_tubuh")}, d


def _plain(node: dict) -> dict:
    node = {k: v for k, v in node.items() if k != "#"}
    if "children" in node:
        node["children"] = [_plain(c) for c in node["children"]]
    return node


BASE, BASE_DRAFT = provisions(TEXT)


def wrap(text: str, width: int = 70, hyphenate: bool = True) -> str:
    """Wrap long lines as a PDF extraction does, breaking some words with a hyphen."""
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut <= 20:
                break
            word_end = line.find(" ", cut + 1)
            word = line[cut + 1: word_end if word_end > 0 else len(line)]
            if hyphenate and len(word) >= 8 and word.isalpha() and word.islower():
                half = len(word) // 2
                out.append(line[:cut + 1] + word[:half] + "-")
                line = word[half:] + line[cut + 1 + len(word):]
            else:
                out.append(line[:cut])
                line = line[cut + 1:]
        out.append(line)
    return "\n".join(out)


def test_hyphenated_and_wrapped_lines():
    text = wrap(TEXT)
    assert text.count("-\n") > 20  # the variation really breaks words
    got, d = provisions(text)
    assert got == BASE
    assert sum(r.rule == "hyphenation" for r in d.report.repairs) == text.count("-\n") - _kept(text)
    # Every repair quotes the variation exactly, so the loader accepts it.
    for entry in d.data["sumber"]["perbaikan"] or []:
        assert entry["dari"] in text


def _kept(text: str) -> int:
    """Line-end hyphens that are not word breaks (none in this source's running text)."""
    return len(re.findall(r"[^A-Za-z]-\n", text))


def test_lines_broken_mid_sentence_without_hyphens():
    got, _ = provisions(wrap(TEXT, width=60, hyphenate=False))
    assert got == BASE


def test_spaced_letters():
    text = TEXT.replace("Pasal 2\n\nKode Etik Pelayanan", "Pasal 2\n\nK o d e Etik Pelayanan").replace(
        "kepada masyarakat dalam Peraturan Bupati;", "kepada masyarakat dalam P e r a t u r a n Bupati;")
    got, d = provisions(text)
    assert got == BASE
    assert [r.rule for r in d.report.repairs] == ["spaced letters", "spaced letters"]


def test_running_headers_and_page_numbers():
    lines = TEXT.split("\n")
    out = []
    for i, line in enumerate(lines):
        if i > 80 and i % 40 == 0:
            out += ["", "- %d -" % (i // 40), "PERATURAN BUPATI BENGKAYANG NOMOR 51 TAHUN 2020", ""]
        out.append(line)
    text = "\n".join(out)
    got, d = provisions(text)
    assert got == BASE
    rules = [n.rule for n in d.report.noise]
    assert rules.count("page number") == rules.count("running header") >= 5
    assert "PERATURAN BUPATI BENGKAYANG NOMOR 51 TAHUN 2020" in d.data["sumber"]["derau"]


def test_bullet_styles():
    styles = ["• ", "▪ ", "➢ ", "- "]
    lines = [re.sub(r"^(\s*)- ", lambda m: m.group(1) + styles[i % 4], ln) for i, ln in enumerate(TEXT.split("\n"))]
    got, _ = provisions("\n".join(lines))
    assert got == BASE


def test_known_misreadings():
    text = TEXT.replace("dan/atau", "dan garing atau")
    got, d = provisions(text)
    assert got == BASE
    assert {(r.dari, r.menjadi) for r in d.report.repairs} == {("dan garing atau", "dan/atau")}
    assert d.data["sumber"]["perbaikan"][0]["alasan"]


@pytest.mark.parametrize("damage", ["drop a Pasal heading", "drop a marker"])
def test_variation_check_is_not_blind(damage):
    """Negative control: a real change in the text shows in the comparison."""
    text = TEXT.replace("Pasal 12\n", "\n") if damage == "drop a Pasal heading" else TEXT.replace("- c. peduli", "- peduli")
    got, _ = provisions(text)
    assert got != BASE
