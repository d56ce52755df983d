"""Printed QR codes and addresses only for a public site address (macros/render/qr.py)."""

from __future__ import annotations

import pytest

from macros.render.qr import DRAF, is_placeholder, qr_context, site_address


@pytest.mark.parametrize("url", [
    "https://kode-etik-pelayanan.example/", "https://x.example.com/", "http://localhost:8000/",
    "http://127.0.0.1:8000/", "http://[::1]:8000/", "https://kode.invalid/", "https://kode.test/",
    "https://a.localhost/", "https://printer.local/", "https://example.org/kode/", "", None,
    "https://KODE-ETIK.EXAMPLE./",
])
def test_placeholders_are_recognised(url):
    assert is_placeholder(url)
    assert qr_context(url or "", "peraturan/x/") == {"qr": None, "qr_url": None, "qr_short": None, "draf": DRAF}
    assert site_address(url or "") is None


@pytest.mark.parametrize("url", [
    "https://kodeetik.bengkayangkab.go.id/", "https://jdih.bantenprov.go.id/kode-etik/",
    "https://examples.go.id/", "https://example-kode.id/", "https://kode.testing.id/",
])
def test_public_addresses_get_a_code_and_an_address(url):
    """Negative control: names that merely contain a placeholder word are public addresses."""
    assert not is_placeholder(url)
    ctx = qr_context(url, "peraturan/x/")
    assert ctx["qr"].startswith("data:image/svg+xml") and ctx["draf"] is None
    assert ctx["qr_url"] == url + "peraturan/x/"
    assert ctx["qr_short"] == url.split("://", 1)[1] + "peraturan/x"
    assert site_address(url) == url.split("://", 1)[1].rstrip("/")
