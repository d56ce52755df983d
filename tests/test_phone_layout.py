"""Every kind of page reads on a phone 320 and 390 pixels wide: nothing makes the page scroll
sideways (wide tables scroll inside their own box, as the theme wraps them, with a visible hint
that they do), no word that would fit on a line is broken inside it (a narrow table column that
stacks "K/e/p." one letter per line), and every tap target is at least 24 by 24 pixels or spaced
as WCAG 2.2 (2.5.8) allows; links inside a sentence are exempt, as there."""

from __future__ import annotations

import pytest

from sitebrowser import PAGE_KINDS, close, open_context

WIDTHS = (320, 390)
PRINT_PAGES = {"poster larangan", "poster maklumat", "buku orientasi", "lembar pelatih"}
"""Print pages show a sheet of paper at its size, not a page laid out for the screen."""
SCREEN_KINDS = [k for k in PAGE_KINDS if k not in PRINT_PAGES]

MEASURE = r"""() => {
    const W = document.documentElement.clientWidth;
    const hidden = 'dialog:not([open]), [hidden], .visually-hidden, [aria-hidden="true"], .md-sidebar, .md-tabs';
    const shown = (e) => {
        const r = e.getBoundingClientRect();
        if (!r.width || !r.height || r.right <= 0 || r.left >= W || e.closest(hidden)) return false;
        return getComputedStyle(e).visibility !== 'hidden';
    };
    const name = (e) => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');

    // Sideways scroll of the page itself.
    const wide = [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > W + 1 && !e.closest('.md-sidebar, .md-tabs, dialog, .md-typeset__scrollwrap'))
        .slice(0, 5).map(name);

    // Words broken inside: a run without a break opportunity (space, hyphen, dash) whose pieces
    // stand on two lines although the whole would fit its block (a table cell: the text column,
    // as a table may widen and scroll). A run wider than that must break, or the page would scroll.
    const main = document.querySelector('.md-main') || document.body;
    const column = (main.querySelector('article') || main).clientWidth;
    const room = (e) => {
        while (e.parentElement && /^inline/.test(getComputedStyle(e).display)) e = e.parentElement;
        if (e.closest('td, th')) return column;
        const s = getComputedStyle(e);
        return e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    };
    const broken = [];
    const range = document.createRange();
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, parent = node.parentElement;
        if (!parent || !node.data.trim() || parent.closest('script, style, pre, code') || !shown(parent)) continue;
        const re = /[^\s\-\u2013\u2014\u00ad\u200b]{2,}/g;
        let m;
        while ((m = re.exec(node.data))) {
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const rects = [...range.getClientRects()].filter(r => r.width > 0);
            if (new Set(rects.map(r => Math.round(r.bottom))).size < 2) continue;
            if (rects.reduce((s, r) => s + r.width, 0) >= room(parent)) continue;
            // Where it breaks: between two letters or digits is inside a word; after a quotation
            // mark, a bracket or a slash is not.
            const line = (i) => { range.setStart(node, m.index + i); range.setEnd(node, m.index + i + 1);
                                  return Math.round(range.getBoundingClientRect().bottom); };
            let at = 1;
            while (at < m[0].length && line(at) === line(0)) at++;
            if (/[\p{L}\p{N}]/u.test(m[0][at - 1]) && /[\p{L}\p{N}]/u.test(m[0][at] || '')) broken.push(m[0] + ' in ' + name(parent));
        }
    }

    // Tap targets (WCAG 2.2, 2.5.8): 24 x 24 pixels, or an undersized target whose 24-pixel circle
    // touches no other target; links inside a sentence are exempt.
    const inSentence = (e) => {
        if (e.tagName !== 'A' || getComputedStyle(e).display !== 'inline') return false;
        let block = e.parentElement;
        while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
        return block && block.textContent.trim().length > e.textContent.trim().length + 2;
    };
    const box = (e) => {
        if (e.tagName === 'INPUT' && /^(checkbox|radio)$/.test(e.type) && e.labels && e.labels.length) {
            const l = e.labels[0].getBoundingClientRect(), i = e.getBoundingClientRect();
            const left = Math.min(l.left, i.left), top = Math.min(l.top, i.top);
            return {left, top, right: Math.max(l.right, i.right), bottom: Math.max(l.bottom, i.bottom),
                    width: Math.max(l.right, i.right) - left, height: Math.max(l.bottom, i.bottom) - top};
        }
        return e.getBoundingClientRect();
    };
    const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')]
        .filter(e => shown(e) && !(e.tagName === 'LABEL'))
        .filter(e => !(e.closest('label') && e.tagName !== 'INPUT'))
        .map(e => ({e, r: box(e)}));
    const small = targets.filter(t => (t.r.width < 23.5 || t.r.height < 23.5) && !inSentence(t.e));
    const dist = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const centre = (r) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
    const tiny = small.filter(t => {
        const [x, y] = centre(t.r);
        return targets.some(u => {
            if (u === t || u.e.contains(t.e) || t.e.contains(u.e)) return false;
            if (small.includes(u)) { const [a, b] = centre(u.r); return Math.hypot(a - x, b - y) < 24; }
            return dist(x, y, u.r) < 12;
        });
    }).slice(0, 8).map(t => name(t.e) + ' "' + t.e.textContent.trim().slice(0, 30) + '" ' + Math.round(t.r.width) + 'x' + Math.round(t.r.height));

    // Wide tables: each box that scrolls sideways has a visible hint just before it.
    const unhinted = [...document.querySelectorAll('.md-main *')]
        .filter(e => shown(e) && e.scrollWidth > e.clientWidth + 1 && !e.closest('pre, code')
                     && /^(auto|scroll)$/.test(getComputedStyle(e).overflowX))
        .filter(e => { const h = e.previousElementSibling; return !(h && h.classList.contains('ke-scrollhint') && shown(h)); })
        .slice(0, 5).map(name);

    return {width: document.documentElement.scrollWidth, wide, broken: broken.slice(0, 8), tiny, unhinted};
}"""


@pytest.fixture(scope="module", params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def phone(request, browser, served):
    context, _ = open_context(browser, served, viewport={"width": request.param, "height": 700},
                              is_mobile=True, has_touch=True)
    page = context.new_page()
    page.width = request.param
    page.measured = {}
    yield page
    close(context)


def measure(phone, served, kind: str) -> dict:
    """The four checks of one page at the phone's width, measured once for the tests below."""
    if kind not in phone.measured:
        phone.goto(served + "/" + PAGE_KINDS[kind])
        phone.wait_for_load_state("load")
        phone.measured[kind] = phone.evaluate(MEASURE)
    return phone.measured[kind]


@pytest.mark.parametrize("kind", SCREEN_KINDS)
def test_page_does_not_scroll_sideways(phone, served, kind):
    got = measure(phone, served, kind)
    assert got["width"] <= phone.width, f"{kind}: the page is {got['width']}px wide; too wide: {got['wide']}"


@pytest.mark.parametrize("kind", SCREEN_KINDS)
def test_no_word_is_broken_inside(phone, served, kind):
    assert measure(phone, served, kind)["broken"] == [], kind


@pytest.mark.parametrize("kind", SCREEN_KINDS)
def test_tap_targets_are_large_enough(phone, served, kind):
    assert measure(phone, served, kind)["tiny"] == [], kind


@pytest.mark.parametrize("kind", SCREEN_KINDS)
def test_wide_tables_show_that_they_scroll(phone, served, kind):
    assert measure(phone, served, kind)["unhinted"] == [], kind


def test_the_checks_see_what_they_look_for(phone, served):
    """Negative controls: an element wider than the screen, a word forced to break, two small
    buttons side by side and a scrolling box without a hint are each found."""
    phone.goto(served + "/tentang/")
    # The site's policy refuses style attributes: the styles are set through the DOM.
    phone.evaluate("""() => { const a = document.querySelector('article.md-content__inner');
        a.insertAdjacentHTML('beforeend', '<div class="lebar">lebar</div><p class="patah">ab pelayanan</p>'
          + '<p><button class="kecil">a</button><button class="kecil">b</button></p>'
          + '<div class="geser"><div>tabel</div></div>');
        a.querySelector('.lebar').style.width = '400px';
        Object.assign(a.querySelector('.patah').style, {width: '6em', wordBreak: 'break-all'});
        a.querySelectorAll('.kecil').forEach(b => Object.assign(b.style, {padding: '0', width: '14px', height: '14px'}));
        a.querySelector('.geser').style.overflowX = 'auto';
        a.querySelector('.geser > div').style.width = '900px'; }""")
    got = phone.evaluate(MEASURE)
    assert got["width"] > phone.width and any(c.endswith(".lebar") for c in got["wide"])
    assert any(b.endswith("in p.patah") for b in got["broken"]), got["broken"]
    assert sum("button.kecil" in t for t in got["tiny"]) == 2
    assert got["unhinted"] == ["div.geser"] or "div.geser" in got["unhinted"]
