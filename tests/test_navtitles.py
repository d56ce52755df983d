"""Navigation titles: escaped once, and every section landmark of the menu has a name of its own."""

from __future__ import annotations

from html.parser import HTMLParser

from macros.render.navtitles import escape_titles, fix_footer_labels, name_section_toggles

# The markup Material (partials/nav-item.html) writes for a section with an index page.
SECTION = """<div class="md-nav__link md-nav__container">
            <a href="../" class="md-nav__link ">
  <span class="md-ellipsis">
    {title}
  </span>
            </a>
              <label class="md-nav__link " for="__nav_4" id="__nav_4_label" tabindex="0">
                <span class="md-nav__icon md-icon"></span>
              </label>
          </div>
        <nav class="md-nav" data-md-level="1" aria-labelledby="__nav_4_label" aria-expanded="true">"""


def test_an_icon_only_section_toggle_gets_the_section_title_as_its_name():
    out = name_section_toggles(SECTION.format(title="Wilayah"))
    assert 'id="__nav_4_label" aria-label="Wilayah" tabindex="0"' in out


def test_a_nested_section_is_named_with_its_parent():
    """The same province is a section under Peraturan and under Wilayah: landmark names must differ."""
    page = SECTION.format(title="Peraturan") + SECTION.format(title="Provinsi Riau").replace("__nav_4", "__nav_4_2")
    out = name_section_toggles(page)
    assert 'id="__nav_4_label" aria-label="Peraturan"' in out
    assert 'id="__nav_4_2_label" aria-label="Peraturan: Provinsi Riau"' in out


TEXT_SECTION = """<label class="md-nav__link" for="{id}" id="{id}_label" tabindex="0">
  <span class="md-ellipsis">
    {title}
  </span>
            <span class="md-nav__icon md-icon"></span>
          </label>"""


def test_a_nested_section_that_shows_its_title_is_named_with_its_parent_too():
    """A page's table of contents may hold the same province as a heading: the menu's name differs."""
    page = SECTION.format(title="Peraturan").replace("__nav_4", "__nav_3") + TEXT_SECTION.format(
        id="__nav_3_2", title="Provinsi Riau") + TEXT_SECTION.format(id="__nav_5", title="Tentang")
    out = name_section_toggles(page)
    assert 'id="__nav_3_2_label" aria-label="Peraturan: Provinsi Riau" tabindex="0"' in out
    assert 'id="__nav_5_label" tabindex="0"' in out  # top level: its own text names it


def test_the_name_is_a_safe_attribute_for_any_title():
    # As the nav holds it: escaped by escape_titles without quotes.
    title = escape_titles({'Kab. "A" & <B>': "x.md"})
    out = name_section_toggles(SECTION.format(title=next(iter(title))))
    assert 'aria-label="Kab. &quot;A&quot; &amp; &lt;B&gt;"' in out
    assert "<B>" not in out


def test_a_toggle_that_holds_its_title_is_left_alone():
    """Negative control: a section without an index page has its title inside the label already."""
    plain = """<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="0">
            <span class="md-ellipsis">Peraturan</span><span class="md-nav__icon md-icon"></span></label>"""
    assert name_section_toggles(plain) == plain


class _Landmarks(HTMLParser):
    """Names of <nav> landmarks labelled by another element (aria-labelledby)."""

    def __init__(self):
        super().__init__()
        self.labels: dict[str, str] = {}
        self.navs: list[str] = []
        self._open: list[str] = []
        self._text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav" and a.get("aria-labelledby"):
            self.navs.append(a["aria-labelledby"])
        if tag == "label" and a.get("id"):
            self.labels[a["id"]] = a.get("aria-label") or ""
            self._open.append(a["id"])
            self._text[a["id"]] = []
        elif tag == "label":
            self._open.append("")

    def handle_endtag(self, tag):
        if tag == "label" and self._open:
            lid = self._open.pop()
            if lid and not self.labels[lid]:
                self.labels[lid] = " ".join("".join(self._text[lid]).split())

    def handle_data(self, data):
        for lid in self._open:
            if lid:
                self._text[lid].append(data)


def test_every_menu_section_on_a_province_page_has_a_distinct_name(real_site):
    page = (real_site.site / "wilayah" / "kalimantan-barat" / "index.html").read_text(encoding="utf-8")
    parser = _Landmarks()
    parser.feed(page)
    names = [parser.labels.get(n, "") for n in parser.navs]
    # The menu is pruned to the path to the page (navigation.prune): its sections are named.
    assert "Wilayah" in names and "Wilayah: Provinsi Kalimantan Barat" in names
    assert "" not in names, names
    assert len(set(names)) == len(names), names


def test_footer_labels_are_escaped_once():
    # The title as the nav holds it (escaped once), then escaped again by the theme's footer.
    import html as h

    title = next(iter(escape_titles({'Kab. "A" & <B>': "x.md"})))
    footer = f'<a href="../x/" class="md-footer__link md-footer__link--next" aria-label="Selanjutnya: {h.escape(title)}">'
    out = fix_footer_labels(footer)
    assert 'aria-label="Selanjutnya: Kab. &quot;A&quot; &amp; &lt;B&gt;"' in out
    # Negative control: a plain title is unchanged.
    plain = '<a href="../x/" class="md-footer__link md-footer__link--prev" aria-label="Sebelumnya: Hak Anda">'
    assert fix_footer_labels(plain) == plain
