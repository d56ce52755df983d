"""Privacy: no page of the site loads anything from elsewhere, and every page's Content-Security-
Policy allows only the site itself (macros/plugin/csp.py; posters: _poster_base.html) without breaking any
page: one page of every kind in Debian's chromium, every request recorded, every violation caught."""

from __future__ import annotations

import re

import pytest

from sitebrowser import PAGE_KINDS, close, open_context, violations

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _policy(html: str) -> str:
    import html as h

    return h.unescape(META.search(html).group(1))


def test_every_page_sets_the_policy_before_anything_it_loads(real_site):
    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = META.findall(html)
        assert len(found) == 1, page
        head = html[: html.index("</head>")]
        first_load = min((m.start() for m in re.finditer(r"<script\b|<style\b|<link rel=\"stylesheet\"", head)),
                         default=len(head))
        assert META.search(html).start() < first_load, f"{page}: the policy must precede what it governs"
        policy = _policy(html)
        assert "default-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval'" not in policy.replace("wasm-unsafe-eval'", "")
        assert "http:" not in policy and "https:" not in policy and "*" not in policy
    site_policy = _policy((real_site.site / "index.html").read_text(encoding="utf-8"))
    assert "'wasm-unsafe-eval'" in site_policy and "worker-src 'self' blob:" in site_policy  # Pagefind
    # No inline script is left for the policy to refuse (JSON data blocks are not run).
    for page in pages:
        html = page.read_text(encoding="utf-8")
        inline = [m for m in re.findall(r"<script\b([^>]*)>", html) if "src=" not in m and "application/json" not in m]
        assert inline == [], page
        assert not re.search(r"\son[a-z]+=\"", html), f"{page}: inline event handler"
        assert not re.search(r"\sstyle=\"", html), f"{page}: inline style attribute"
        # Only a standalone print page (poster, handbook, sheet) has an inline stylesheet, admitted
        # by its hash in that page's own policy.
        assert len(re.findall(r"<style\b", html)) <= _policy(html).count("'sha256-"), page


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_loads_only_from_the_site_and_breaks_no_policy_rule(browser, served, kind):
    context, traffic = open_context(browser, served)
    page = context.new_page()
    page.goto(served + PAGE_KINDS[kind], wait_until="networkidle")
    try:
        assert page.evaluate("() => !!document.querySelector('meta[http-equiv=Content-Security-Policy]')")
        assert traffic.foreign == []
        assert violations(page) == []
        assert traffic.errors == []
        # The recorder sees the page's own files (stylesheets, scripts, fonts or images).
        assert len(traffic.requests) >= 3, traffic.requests
    finally:
        close(context)


def test_search_previews_popups_and_data_views_stay_on_the_site(browser, served):
    """The parts that fetch after the page loaded: Pagefind (WebAssembly, a worker, index chunks),
    the side-by-side view and the citation jump box (JSON), previews and term popups."""
    context, traffic = open_context(browser, served, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(served + "peraturan/perbup-bengkayang-51-2020/", wait_until="networkidle")
        page.locator(".ke-search__open").click()
        page.locator("#ke-search-input").fill("pungutan liar")
        page.wait_for_function("() => document.querySelectorAll('.ke-result').length > 0")
        page.locator(".ke-search__close").click()
        page.wait_for_function("() => !document.querySelector('.ke-search__dialog').open")
        page.locator('a.ke-ref[href="#bab_3__pasal_7__huruf_a"]').first.hover()
        page.locator(".ke-istilah").first.hover()
        page.goto(served + "perbandingan/berdampingan/", wait_until="networkidle")
        page.wait_for_function("() => document.querySelector('main').textContent.length > 200")
        page.goto(served + "cari-pasal/", wait_until="networkidle")
        page.locator("#ke-jump-input").fill("Pasal 11 huruf c Perbup Bengkayang 51/2020")
        page.keyboard.press("Enter")
        page.wait_for_url("**/perbup-bengkayang-51-2020/#bab_3__pasal_11__huruf_c")
        page.wait_for_load_state("networkidle")
        assert any("/pagefind/" in u and u.endswith(".pagefind") for u in traffic.requests)  # the wasm
        assert any(u.endswith(".json") for u in traffic.requests)
        assert traffic.foreign == []
        assert violations(page) == []
        assert traffic.errors == []
    finally:
        close(context)


def test_the_recorders_catch_what_they_are_for(browser, served):
    """Negative controls: a request to elsewhere and an inline script are refused and reported, and
    with the policy bypassed the request recorder sees the request."""
    context, traffic = open_context(browser, served)
    page = context.new_page()
    try:
        page.goto(served + "tentang/", wait_until="networkidle")
        page.evaluate("""() => { fetch('https://example.invalid/pixel').catch(() => {});
                                 const s = document.createElement('script');
                                 s.textContent = 'window.__ran = true'; document.body.append(s);
                                 const i = new Image(); i.src = 'https://example.invalid/i.png'; }""")
        page.wait_for_function("() => window.__violations.length >= 3")
        found = " | ".join(violations(page))
        assert "connect-src https://example.invalid/pixel" in found
        assert "img-src https://example.invalid/i.png" in found
        assert "script-src" in found and page.evaluate("() => window.__ran") is None
        assert traffic.foreign == []  # refused before any request was made
    finally:
        close(context)
    context, traffic = open_context(browser, served, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(served + "tentang/", wait_until="networkidle")
        page.evaluate("() => fetch('https://example.invalid/pixel').catch(() => {})")
        # The request event reaches Python asynchronously: wait for it (bounded), not a fixed time.
        for _ in range(100):
            if traffic.foreign:
                break
            page.wait_for_timeout(50)
        assert traffic.foreign == ["https://example.invalid/pixel"]
    finally:
        close(context)
