"""Small HTML helpers for tests: find an element by id, get its visible text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK = {"p", "li", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "tr", "td",
         "th", "ol", "ul", "pre", "aside", "table", "caption", "summary", "details", "dl"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP_CLASSES = {"ke-anchor", "ke-copy", "visually-hidden", "headerlink", "ke-banding"}


class _Collector(HTMLParser):
    def __init__(self, root_id: str | None = None, root_class: str | None = None):
        super().__init__(convert_charrefs=True)
        self.root_id, self.root_class = root_id, root_class
        self.depth = 0          # depth inside the root element (0 = outside)
        self.skip_depth = 0     # depth inside a skipped element
        self.parts: list[str] = []
        self.found = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
            if self.skip_depth:
                self.skip_depth += 1
            elif classes & SKIP_CLASSES or tag in ("script", "style"):
                self.skip_depth = 1
            if tag in BLOCK:
                self.parts.append(" ")
        elif (self.root_id and a.get("id") == self.root_id) or (
                self.root_class and self.root_class in classes) or (not self.root_id and not self.root_class and tag == "body"):
            if not self.found:
                self.depth = 1
                self.found = True

    def handle_endtag(self, tag):
        if tag in VOID or not self.depth:
            return
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if self.depth and not self.skip_depth:
            self.parts.append(data)


def text_of(html: str, *, id: str | None = None, cls: str | None = None) -> str | None:
    """Visible text of the first element with that id (or class), whitespace-normalised."""
    c = _Collector(id, cls)
    c.feed(html)
    if not c.found:
        return None
    return re.sub(r"\s+", " ", "".join(c.parts)).strip()
