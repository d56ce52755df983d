"""QR codes for posters, made locally by segno (pure Python, no image library, vector SVG output)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import segno


PLACEHOLDER_SUFFIXES = (".example", ".invalid", ".test", ".localhost", ".local")
"""Top-level names reserved for examples and tests (RFC 2606, RFC 6761, mDNS): never a public site."""
PLACEHOLDER_HOSTS = ("localhost", "example.com", "example.net", "example.org")


def is_placeholder(site_url: str | None) -> bool:
    """Whether `site_url` cannot be the site's public address (unset, an example or a local host).

    A printed QR code or address must open the site for years (a laminated poster, a handbook), so
    prints made with such an address carry no code and say they are drafts instead.
    """
    host = (urlsplit(site_url or "").hostname or "").rstrip(".").lower()
    if not host or host in PLACEHOLDER_HOSTS or host.endswith(PLACEHOLDER_SUFFIXES):
        return True
    if host.endswith(tuple("." + h for h in PLACEHOLDER_HOSTS)):
        return True
    return host == "::1" or host.startswith("127.") or host == "0.0.0.0"


DRAF = "DRAF — alamat situs belum ditetapkan"
"""Printed where the QR code and the address would be, when the site has no public address yet."""


def qr_context(site_url: str, target: str) -> dict[str, str | None]:
    """What a printed template shows for a link to `target`: the code, its URL and the printed
    address; all None (and `draf` set) when the site's address is a placeholder."""
    if is_placeholder(site_url):
        return {"qr": None, "qr_url": None, "qr_short": None, "draf": DRAF}
    url = absolute_url(site_url, target)
    return {"qr": qr_svg_data_uri(url), "qr_url": url, "qr_short": short_url(url), "draf": None}


def site_address(site_url: str) -> str | None:
    """The site's address as printed in running text (`kode-etik.example.go.id`), None when a placeholder."""
    return None if is_placeholder(site_url) else short_url(absolute_url(site_url, ""))


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
