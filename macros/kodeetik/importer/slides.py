"""Slide-deck rules: a slide printed between the opening and the signatures, and a diagram whose
title the extraction wrote after its labels. Both only move lines (no word changes) and leave a
check for a human."""

from __future__ import annotations

from .lines import Line
from .nodes import DNode
from .ruledata import rule_data

LABEL_MAX = 60
"""Longest line taken as a diagram label rather than a sentence."""


def split_values(heading: str, texts: list[str]) -> tuple[list[str], str | None]:
    """The items of a slide titled `heading`: the values of a known list (rules.yaml `daftar_nilai`)
    when the lines run them together in order, else one item per line. Returns the items and, for a
    split, why (for the report)."""
    joined = " ".join(" ".join(texts).split())
    for entry in rule_data().get("daftar_nilai") or []:
        values = [" ".join(v.split()) for v in entry["nilai"]]
        if heading.strip() == entry["nama"] and joined == " ".join(values):
            return values, f"split into the {len(values)} values of {entry['nama']} ({entry['alasan']})"
    return texts, None


def opening_slide(preamble: list[Line], used: set[int], end: int) -> DNode | None:
    """In a slide deck, lines after the opening ("GUBERNUR ...,") and before "Ditetapkan di" that the
    title did not take: a slide shown between the two. It becomes a group at the start of the body;
    whether it belongs to the enacted text cannot be told from the deck, so a human decides."""
    last_used = max((ln.no for ln in preamble if ln.no in used), default=None)
    if last_used is None:
        return None
    rest = [ln for ln in preamble if ln.text and last_used < ln.no < end and ln.no not in used]
    if len(rest) < 2 or len(rest[0].text) > LABEL_MAX:
        return None
    heading, lines = rest[0], rest[1:]
    items, why = split_values(heading.text, [ln.text for ln in lines])
    node = DNode(type="kelompok", heading=heading.text, no=heading.no,
                 children=[DNode(type="butir", text=t, no=lines[0].no) for t in items])
    node.checks.append(f"CHECK: lines {heading.no}-{lines[-1].no} stand between the opening and the "
                       "signatures of the deck; placed here as a group. Say in a 'catatan' whether "
                       "they are part of the regulation's text, or move them to sumber.derau.")
    if why:
        node.checks.append(f"CHECK: {why}; the slide prints them as {len(lines)} line(s).")
    for ln in rest:
        used.add(ln.no)
    return node


def is_label(node: DNode) -> bool:
    """A diagram label: a short line of text, capitalised, not a sentence."""
    text = node.text or ""
    return (node.type == "teks" and not node.children and not node.heading and 0 < len(text) <= LABEL_MAX
            and text[:1].isupper() and text[-1] not in ".;:,")


def adopt_labels(previous: DNode | None, title: DNode) -> int:
    """A group title with nothing under it, after a group that ends in labels following its items:
    the labels are the diagram's, written by the extraction before its title. Moves them under the
    title as items; returns how many."""
    if previous is None or previous.type != "kelompok" or title.children:
        return 0
    kids = previous.children
    k = len(kids)
    while k > 0 and is_label(kids[k - 1]):
        k -= 1
    if k == len(kids) or k == 0 or kids[k - 1].type != "butir":
        return 0
    labels = kids[k:]
    del kids[k:]
    for node in labels:
        node.type = "butir"
        title.children.append(node)
    title.checks.append(f"CHECK: a diagram title after its labels: the {len(labels)} line(s) before it "
                        f"(from line {labels[0].no}) were moved under it; check against the slide.")
    return len(labels)
