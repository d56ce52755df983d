"""Navigation titles as HTML-escaped text.

The theme writes every navigation title into every page without escaping, and most titles of this
site's navigation come from the data: regulations' short names, region names, topic labels. A short
name `Perbup <i>x</i>` became live markup in the menu of every page. `escape_titles` is applied to the
whole nav once it is expanded (the plugin's on_config), hand-written titles included: escaping plain text
changes nothing a reader sees.
"""

from __future__ import annotations

import html
import re


def escape_titles(nav):
    """The nav (MkDocs' list of `{title: target}` / `{title: [children]}` / `"page.md"`) with every
    title escaped."""
    if isinstance(nav, list):
        return [escape_titles(entry) for entry in nav]
    if isinstance(nav, dict):
        return {html.escape(str(title), quote=False): escape_titles(target) for title, target in nav.items()}
    return nav  # a page without a title of its own, or a link


# Landmark names of the menu. A section with an index page (navigation.indexes) gets a toggle
# holding only an icon, and the section's <nav> takes its name from that toggle: such a <nav> was
# announced without a name. And the same province is a section under Peraturan and under Wilayah
# (and a heading of a page's table of contents), so names of nested sections repeat. axe reports
# both (landmark-unique). Each section toggle gets an `aria-label`: its title, prefixed by its
# parent's for a nested section. The patterns are the markup of Material's partials/nav-item.html.
_INDEX_TOGGLE = re.compile(
    r'(<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*)(?P<title>[^<]*?)'
    r'(\s*</span>\s*</a>\s*<label class="md-nav__link[^"]*" for="(?P<id>__nav[\w]*)" id="(?P=id)_label")(?= )')
_TEXT_TOGGLE = re.compile(
    r'(<label class="md-nav__link[^"]*" for="(?P<id>__nav[\w]*)" id="(?P=id)_label")(?= )'
    r'(?=[^>]*>\s*<span class="md-ellipsis">\s*(?P<title>[^<]*?)\s*</span>)')


def name_section_toggles(html_page: str) -> str:
    """The page with each section toggle of the menu named by an `aria-label` ("Peraturan: Provinsi
    Riau" for a nested one); a top-level toggle that shows its title keeps its own text."""
    titles = {m.group("id"): html.unescape(m.group("title")).strip()
              for pattern in (_INDEX_TOGGLE, _TEXT_TOGGLE) for m in pattern.finditer(html_page)}

    def name(path: str) -> str | None:
        parent = titles.get(path.rsplit("_", 1)[0]) if path.count("_") > 3 else None
        return f"{parent}: {titles[path]}" if parent else None

    def attr(text: str) -> str:
        return f' aria-label="{html.escape(text, quote=True)}"'

    def index_toggle(m: re.Match) -> str:
        return f'{m.group(1)}{m.group("title")}{m.group(3)}{attr(name(m.group("id")) or titles[m.group("id")])}'

    def text_toggle(m: re.Match) -> str:
        label = name(m.group("id"))
        return m.group(1) + (attr(label) if label else "")

    return _TEXT_TOGGLE.sub(text_toggle, _INDEX_TOGGLE.sub(index_toggle, html_page))


# The footer's "Sebelumnya: …" / "Selanjutnya: …" labels escape the page title again (Material's
# partials/footer.html: `title | e`), and page titles here are escaped already: "A & B" was read
# out as "A &amp; B". Two escapes are undone exactly by two unescapes.
_FOOTER_LABEL = re.compile(r'(<a href="[^"]*" class="md-footer__link[^"]*" aria-label=")([^"]*)(")')


def fix_footer_labels(html_page: str) -> str:
    """The page with the footer links' labels escaped once."""
    return _FOOTER_LABEL.sub(lambda m: m.group(1) + html.escape(html.unescape(html.unescape(m.group(2))))
                             + m.group(3), html_page)
