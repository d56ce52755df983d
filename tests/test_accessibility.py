"""Accessibility in a real browser: axe-core (bundled by axe-playwright-python) on one page of every
kind, at desktop and phone width; headings in order; the provision structure as a screen reader gets
it (headings named "Pasal 11", lists whose items start "huruf a:", landmarks); posters, handbooks
and printed pages legible at high contrast."""

from __future__ import annotations

import re

import pytest

from sitebrowser import PAGE_KINDS, close, open_context

BLOCKING = ("moderate", "serious", "critical")
"""Impacts that fail a test: all but "minor" (landmarks without a name, a page without <main>, ...)."""
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 375, "height": 740}
PHONE_KINDS = ("beranda", "peraturan (Pasal)", "bidang perbandingan", "berdampingan", "daftar poster")
"""Kinds also checked at phone width: the theme's phone layout (drawer, no sidebars) is the same on
every page, so these cover it along with the wide tables and the side-by-side view."""
PRINTED = {
    "poster/peraturan/perbup-bengkayang-51-2020/larangan-a4/": ("main.poster", 11),
    "poster/peraturan/pergub-kaltim-8-2025/budaya-pelayanan-a4/": ("main.poster", 11),
    "poster/penyelenggara/pemkab-bengkayang/maklumat-pelayanan-a4/": ("main.poster", 11),
    "pelatihan/perbup-bengkayang-51-2020/buku/": ("body", 8),
    "pelatihan/perbup-bengkayang-51-2020/lembar-pelatih/": ("body", 8),
}
"""Standalone print pages: what is printed, and the smallest type allowed in px (a counter poster
is read from a distance, about 8.3 pt at least; a handbook or sheet in the hand, 6 pt for its
smallest notes)."""

HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.checkVisibility() && !h.closest('[aria-hidden=true]'))
    .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""
"""The headings a reader meets on the page, in order (hidden ones, e.g. the closed search dialog's,
are not announced)."""


def axe_problems(page, **options) -> list[str]:
    """axe-core's violations of a BLOCKING impact on the page as it is now."""
    from axe_playwright_python.base import AXE_SCRIPT  # axe-core itself, shipped in the package

    if not page.evaluate("() => typeof axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", {"resultTypes": ["violations"], **options})
    return [f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in BLOCKING]


def heading_problems(levels: list) -> list[str]:
    problems = [] if [lv for lv, _ in levels].count(1) == 1 else [f"{[lv for lv, _ in levels].count(1)} h1"]
    for (a, _), (b, text) in zip(levels, levels[1:]):
        if b > a + 1:
            problems.append(f"h{a} -> h{b} ({text})")
    return problems


@pytest.fixture(scope="module")
def context(browser, served):
    ctx, _ = open_context(browser, served)
    yield ctx
    close(ctx)


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_moderate_serious_or_critical_axe_violation_and_headings_in_order(context, served, kind):
    page = context.new_page()
    try:
        for name, viewport in [("desktop", DESKTOP)] + ([("ponsel", PHONE)] if kind in PHONE_KINDS else []):
            page.set_viewport_size(viewport)
            page.goto(served + PAGE_KINDS[kind])
            # Colours do not change with the width, and the contrast rule is the slow one (seconds on
            # a long regulation): it runs at desktop width only.
            options = {} if name == "desktop" else {"rules": {"color-contrast": {"enabled": False}}}
            assert axe_problems(page, **options) == [], name
            assert heading_problems(page.evaluate(HEADINGS)) == [], name
    finally:
        page.close()


def test_the_checks_see_what_they_are_for(context, served):
    """Negative controls: axe reports a link told apart by colour alone and pale text, and the
    heading check a skipped level."""
    page = context.new_page()
    try:
        page.goto(served + "tentang/")
        # (CSSOM from the test: the page's policy refuses a <style> element, as it should.)
        page.evaluate("""() => { const p = document.querySelector('.md-content p');
                                 p.insertAdjacentHTML('beforeend', ' <a href="#x">tautan</a> dalam teks.');
                                 p.lastElementChild.style.setProperty('text-decoration', 'none', 'important');
                                 document.querySelector('.md-content h2').style.setProperty('color', '#ddd', 'important'); }""")
        found = " ".join(axe_problems(page))
        assert "link-in-text-block" in found and "color-contrast" in found
        assert heading_problems([(1, "a"), (2, "b"), (4, "c")]) == ["h2 -> h4 (c)"]
        assert heading_problems([(2, "a")]) == ["0 h1"]
    finally:
        page.close()


def test_provisions_are_announced_as_headings_lists_and_numbered_items(context, served):
    page = context.new_page()
    try:
        page.goto(served + "peraturan/perbup-bengkayang-51-2020/", wait_until="load")
        pasal = page.locator('[data-eid="bab_3__pasal_11"]').aria_snapshot()
        # The heading's name is the provision alone, not its tools ("Tautan ke...", "Salin...").
        assert pasal.startswith('- heading "Pasal 11" [level=3]')
        assert re.search(r'- list:\n\s+- listitem:\n\s+- text: "huruf a:"\n(\s+- .*\n)*?\s+- paragraph: meninggalkan tugas', pasal)
        # In each item the number is spoken before the tools and the words.
        item = page.locator("#bab_3__pasal_11__huruf_c").aria_snapshot().splitlines()
        assert item[1].strip() == '- text: "huruf c:"' and "Tautan ke Pasal 11 huruf c" in item[2]
        bab = page.locator('[data-eid="bab_3"] > h2').aria_snapshot()
        assert bab.startswith('- heading "BAB III KODE ETIK PELAYANAN PUBLIK" [level=2]')
        # Landmarks, one main, and the skip link first.
        roles = page.evaluate("""() => ({
            banner: document.querySelectorAll('header.md-header').length,
            main: document.querySelectorAll('main').length,
            nav: document.querySelectorAll('nav').length,
            contentinfo: document.querySelectorAll('footer').length})""")
        assert roles["banner"] == 1 and roles["main"] == 1 and roles["nav"] >= 1 and roles["contentinfo"] >= 1
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent.trim()") == "Lewati ke isi"
        # A Keputusan: each Diktum a heading named by its number.
        page.goto(served + "peraturan/kep-diskominfotik-bengkalis-2024/", wait_until="load")
        assert page.locator('[data-eid="diktum_kesatu"] > h3, [data-eid="diktum_kesatu"] > h2').first \
            .aria_snapshot().startswith('- heading "KESATU"')
    finally:
        page.close()


def _contrast(fg: str, bg: tuple = (255, 255, 255)) -> float:
    def lum(rgb):
        def ch(c):
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (ch(v) for v in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    rgb = tuple(int(v) for v in re.findall(r"[\d.]+", fg)[:3])
    hi, lo = sorted((lum(rgb), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


TEXT_STYLES = """root => [...root.querySelectorAll('*')]
    .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .map(el => { const cs = getComputedStyle(el);
                 return [el.tagName.toLowerCase() + '.' + el.className, cs.color, cs.backgroundColor,
                         parseFloat(cs.fontSize), cs.visibility, el.getClientRects().length]; })"""


@pytest.mark.parametrize("path", list(PRINTED))
def test_print_pages_are_black_on_white_in_legible_type_and_survive_forced_colours(context, served, path):
    """Posters, handbooks and trainer's sheets as printed."""
    scope, smallest = PRINTED[path]
    page = context.new_page()
    try:
        page.emulate_media(media="print")
        page.goto(served + path, wait_until="load")
        styles = [s for s in page.locator(scope).first.evaluate(TEXT_STYLES) if s[5]]  # printed (has boxes)
        assert len(styles) > 5
        for name, color, background, size, _visibility, _boxes in styles:
            paper = (255, 255, 255) if background == "rgba(0, 0, 0, 0)" else \
                tuple(int(v) for v in re.findall(r"[\d.]+", background)[:3])
            assert _contrast(color, paper) >= 7, f"{name}: {color} on {background}"  # WCAG AAA
            assert size >= smallest, f"{name}: {size}px is too small to read"
        assert axe_problems(page) == []
        # High contrast (forced colours): nothing printed disappears, and it still passes axe.
        page.emulate_media(media="print", forced_colors="active")
        forced = [s for s in page.locator(scope).first.evaluate(TEXT_STYLES) if s[5]]
        assert [s[0] for s in forced] == [s[0] for s in styles]
        assert all(s[4] == "visible" and s[5] > 0 for s in forced)
        assert axe_problems(page) == []
    finally:
        page.close()


def test_printed_regulation_is_legible_at_high_contrast(context, served):
    page = context.new_page()
    try:
        page.goto(served + "peraturan/kep-dinsos-banten-2024/", wait_until="load")
        for forced in ("none", "active"):
            page.emulate_media(media="print", forced_colors=forced)
            # The rules about seeing the text (the page's structure is checked above).
            assert axe_problems(page, runOnly={"type": "rule", "values": ["color-contrast", "link-in-text-block"]}) == [], forced
            # The enacted words are visible in print; the site chrome is not.
            visible = page.evaluate("""() => ({
                text: getComputedStyle(document.querySelector('.ke-item .ke-text')).visibility,
                header: getComputedStyle(document.querySelector('.md-header')).display,
                sidebar: getComputedStyle(document.querySelector('.md-sidebar--primary')).display})""")
            assert visible == {"text": "visible", "header": "none", "sidebar": "none"}, forced
        # The print stylesheet keeps the words dark on white.
        page.emulate_media(media="print", forced_colors="none")
        color = page.evaluate("() => getComputedStyle(document.querySelector('.ke-item .ke-text')).color")
        assert _contrast(color) >= 7, color
    finally:
        page.close()
