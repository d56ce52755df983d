"""Akoma Ntoso 3.0 files (no build): valid against the official schema, same eIds as the page
anchors both ways, the enacted words unchanged, editors' notes kept apart as notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from macros.kodeetik.aknxml import NS, akn_xml

ROOT = Path(__file__).resolve().parent.parent
AKN = f"{{{NS}}}"
PROVISION_TAGS = {f"{AKN}{t}" for t in ("chapter", "part", "subpart", "article", "paragraph", "point", "hcontainer",
                                        "recital", "citation", "item", "attachment")}


@pytest.fixture(scope="module")
def schema():
    # Both schema files are local (tests/akn/): nothing is fetched.
    return etree.XMLSchema(etree.parse(str(ROOT / "tests/akn/akomantoso30.xsd")))


@pytest.fixture(scope="module")
def documents(real):
    return {r.id: (r, etree.fromstring(akn_xml(r).encode("utf-8"))) for r in real.corpus.regulations}


def test_every_regulation_is_valid_akoma_ntoso(schema, documents):
    for reg_id, (_, doc) in documents.items():
        assert schema.validate(doc), (reg_id, [e.message for e in schema.error_log][:3])


def test_the_schema_refuses_a_broken_document(schema, documents):
    """Negative control: words straight in an article (not in content/intro) and a duplicate eId
    are refused."""
    _, doc = documents["perbup-bengkayang-51-2020"]
    broken = etree.fromstring(etree.tostring(doc))
    etree.SubElement(broken.find(f".//{AKN}article"), f"{AKN}p").text = "x"
    assert not schema.validate(broken)
    twice = etree.fromstring(etree.tostring(doc))
    points = twice.findall(f".//{AKN}point")
    points[1].set("eId", points[0].get("eId"))
    assert not schema.validate(twice)


def test_the_eids_are_the_page_anchors_both_ways(documents):
    for reg_id, (reg, doc) in documents.items():
        anchors = {n.eid for n in reg.all_nodes()} | {lamp.eid for lamp in reg.lampiran}
        eids = {el.get("eId") for el in doc.iter() if el.tag in PROVISION_TAGS}
        assert eids == anchors, reg_id


def test_the_words_are_the_enacted_words(documents):
    """Each provision's words appear whole in its element (italics are markup around them)."""
    for reg_id, (reg, doc) in documents.items():
        by_eid = {el.get("eId"): el for el in doc.iter() if el.get("eId")}
        for node in reg.all_nodes():
            el = by_eid[node.eid]
            if node.text:
                first = next(p for p in (el.find(f"{AKN}content/{AKN}p"), el.find(f"{AKN}intro/{AKN}p"),
                                         el.find(f"{AKN}p")) if p is not None)
                assert "".join(first.itertext()) == node.text, (reg_id, node.eid)


def test_notes_are_notes_not_text(documents):
    reg, doc = documents["perbup-sumbawa-6-2020"]
    notes = doc.findall(f".//{AKN}meta/{AKN}notes/{AKN}note")
    expected = sum(1 for n in reg.all_nodes() if n.catatan) + len(reg.catatan)
    assert len(notes) == expected > 0
    refs = {r.get("href") for r in doc.iter(f"{AKN}noteRef")}
    assert refs <= {f"#{n.get('eId')}" for n in notes}
    body_text = "".join(doc.find(f".//{AKN}body").itertext())
    assert all("".join(n.itertext()).strip() not in body_text for n in notes)


def test_italics_are_marked_and_text_is_escaped(real):
    import dataclasses

    reg = next(r for r in real.corpus.regulations if any(n.miring for n in r.all_nodes()))
    node = next(n for n in reg.all_nodes() if n.miring)
    doc = etree.fromstring(akn_xml(reg).encode("utf-8"))
    el = next(e for e in doc.iter() if e.get("eId") == node.eid)
    assert [i.text for i in el.iter(f"{AKN}i")][:1] == [node.miring[0]]
    hostile = dataclasses.replace(reg, tentang="<b>&</b>", catatan=("<script>x</script> & y",))
    text = akn_xml(hostile)
    assert "<script>" not in text and "&lt;script&gt;x&lt;/script&gt; &amp; y" in text


def test_same_data_same_bytes(real):
    reg = real.corpus.regulations[0]
    assert akn_xml(reg) == akn_xml(reg)
