"""Every file a page loads is in the built site: scripts, stylesheets, icons, images, and the fonts
and images the site's stylesheets name. (Links and #anchors between pages: test_xref_site.py.)"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "source", "iframe", "audio", "video") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate", "prev", "next"):
            self.urls.append(a["href"])


def missing(site: Path) -> list[tuple[str, str]]:
    out = []
    for page in sorted(site.rglob("*")):
        if page.suffix == ".html":
            parser = _Resources()
            parser.feed(page.read_text(encoding="utf-8"))
            urls = parser.urls
        elif page.suffix == ".css":
            urls = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", page.read_text(encoding="utf-8"))
        else:
            continue
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//") or url.startswith("#"):
                continue  # data: URIs load nothing; absolute URLs are checked by test_privacy.py
            base = site if parts.path.startswith("/") else page.parent
            target = Path(posixpath.normpath(str(base / unquote(parts.path).lstrip("/"))))
            if not target.is_file():
                out.append((page.relative_to(site).as_posix(), url))
    return out


def test_every_file_a_page_or_stylesheet_loads_exists(real_site):
    assert missing(real_site.site) == []


def test_the_check_sees_a_missing_script_and_font(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<script src="../x.js"></script><link rel="stylesheet" href="s.css">'
                                           '<link rel="canonical" href="https://example.org/a/">')
    (site / "a" / "s.css").write_text("@font-face { src: url('f.woff2') } .i { background: url(data:image/png;base64,AA) }")
    assert missing(site) == [("a/index.html", "../x.js"), ("a/s.css", "f.woff2")]
