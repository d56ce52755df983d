"""QR codes for posters, made locally by segno (pure Python, no image library, vector SVG output)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import segno


def absolute_url(site_url: str, target: str) -> str:
    """The public address of a site URL such as `peraturan/x/`, from mkdocs.yml's `site_url`."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, target)


def short_url(url: str) -> str:
    """The address as printed under the code: without scheme and trailing slash."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


@lru_cache(maxsize=4096)  # a poster is rendered several times while it is fitted to the sheet
def qr_svg_data_uri(url: str) -> str:
    """An SVG QR code for `url` as a data: URI, so the poster HTML and its PDF need no extra file.

    Error correction M survives a worn or partly covered print; the four-module quiet zone and the
    white background keep it scannable on any paper. No width/height: the poster's CSS sizes it.
    """
    code = segno.make(url, error="m", micro=False, boost_error=False)
    return code.svg_data_uri(scale=1, border=4, dark="#000", light="#fff", omitsize=True)
