"""The open-data files as the real build publishes them: where they are, that they validate, and
that every page tells feed readers where the change feed is."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent


def test_the_published_files_validate_against_the_published_schemas(real_site):
    site = real_site.site
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (site / "data/skema").glob("*.json")}
    assert set(schemas) == {"istilah.schema.json", "jdihn.schema.json", "perbandingan.schema.json",
                            "peraturan.schema.json"}
    checked = 0
    for path, name in [*[(p, "peraturan.schema.json") for p in (site / "data/peraturan").glob("*.json")],
                       (site / "data/perbandingan.json", "perbandingan.schema.json"),
                       (site / "data/istilah.json", "istilah.schema.json"),
                       (site / "integrasi/jdihn.json", "jdihn.schema.json")]:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schemas[name])
        checked += 1
    assert checked == 5 + 3
    assert sorted(p.stem for p in (site / "data/akn").glob("*.xml")) == \
        sorted(p.stem for p in (site / "data/peraturan").glob("*.json"))
    package = json.loads((site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert all((site / "data" / r["path"]).is_file() for r in package["resources"])


def test_the_feed_is_atom_and_every_page_points_to_it(real_site):
    site = real_site.site
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) >= 5  # at least each regulation's addition
    for page in ("index.html", "peraturan/perbup-bengkayang-51-2020/index.html", "data/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert 'type="application/atom+xml"' in html and 'feed.xml"' in html, page
    # Negative control: a standalone poster page is not a theme page and has no such link.
    poster = site / "poster/peraturan/perbup-bengkayang-51-2020/larangan-a4/index.html"
    assert "application/atom+xml" not in poster.read_text(encoding="utf-8")


def test_the_short_address_of_each_regulation_leads_to_its_page(real_site):
    site = real_site.site
    page = site / "akn/id/act/perbup/kabupaten-bengkayang/2020/51/index.html"
    html = page.read_text(encoding="utf-8")
    target = html.split('url=', 1)[1].split('"', 1)[0]
    assert (page.parent / target / "index.html").resolve() == (site / "peraturan/perbup-bengkayang-51-2020/index.html")


PAGE_ONLY = {"informasi", "transkripsi"}
"""Sections of a regulation page about the source and this site, not parts of the regulation."""


def test_every_anchor_of_a_regulation_page_is_an_eid_of_its_akoma_ntoso_file_and_back(real_site):
    import re

    from lxml import etree

    site = real_site.site
    for xml in sorted((site / "data/akn").glob("*.xml")):
        doc = etree.parse(str(xml))
        eids = {e for e in doc.xpath("//@eId") if not e.startswith(("catatan_", "kodeetik", "penetap"))
                and not e.endswith("__daftar")}
        html = (site / "peraturan" / xml.stem / "index.html").read_text(encoding="utf-8")
        anchors = {a for a in re.findall(r'\sid="([a-z0-9_]+)"', html) if not a.startswith("_")} - PAGE_ONLY
        assert anchors == eids, (xml.stem, sorted(anchors ^ eids)[:5])
