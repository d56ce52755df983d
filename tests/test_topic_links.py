"""From a provision to the comparison rows that quote it (render/topic_links.py, _node.html)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from htmltext import text_of

BENGKAYANG = "perbup-bengkayang-51-2020"
PUNGLI = "bab_3__pasal_11__huruf_c"


@pytest.fixture(scope="module")
def topics(real):
    return real.topics


def test_a_tagged_provision_links_to_its_rows(topics):
    from macros.render.topic_links import compare_links

    links = compare_links(topics)
    (link,) = links(BENGKAYANG, PUNGLI)
    assert link.target == "perbandingan/larangan/#larangan.pungli"
    assert link.area == "Larangan" and "ungutan liar" in link.item
    # Negative controls: a Pasal whose huruf carry the tags, and a Menimbang item, link nowhere.
    assert links(BENGKAYANG, "bab_3__pasal_11") == ()
    assert links(BENGKAYANG, "menimbang__huruf_a") == ()


def item_html(site, reg_id: str, eid: str) -> str:
    page = (site / "peraturan" / reg_id / "index.html").read_text(encoding="utf-8")
    start = page.index(f'id="{eid}"')
    end = page.find('<li class="ke-item', start + 1)
    return page[start:end]


def test_the_page_links_the_provision_to_the_row_that_quotes_it(real_site):
    html = item_html(real_site.site, BENGKAYANG, PUNGLI)
    m = re.search(r'<p class="ke-banding">.*?<a href="([^"]+)"', html, re.S)
    assert m, html
    href = unescape(m.group(1))
    assert href == "../../perbandingan/larangan/#larangan.pungli"
    # The row it lands on quotes this provision's words beside the other regions'.
    row = text_of((real_site.site / "perbandingan" / "larangan" / "index.html").read_text(encoding="utf-8"),
                  id="larangan.pungli")
    assert "meminta dan/atau menerima imbalan/biaya diluar ketentuan" in row
    assert "pungutan liar" in row.lower()
    # Negative control: a Menimbang item carries no such link.
    assert 'class="ke-banding"' not in item_html(real_site.site, BENGKAYANG, "menimbang__huruf_a")


def test_the_links_are_not_search_text(real_site):
    """Topic labels are the editors' words: not indexed as the regulation's text."""
    from test_search_index import fragments

    record = fragments(real_site.site)[f"/peraturan/{BENGKAYANG}/"]
    assert "Bandingkan" not in record["content"]
    assert "imbalan/biaya diluar ketentuan" in record["content"]  # control: the text is there
