"""Every kind of page fits a 320-pixel phone screen: nothing makes the page scroll sideways (wide
tables scroll inside their own box, as the theme wraps them)."""

from __future__ import annotations

import pytest

from sitebrowser import PAGE_KINDS, close, open_context

WIDTH = 320
PRINT_PAGES = {"poster larangan", "poster maklumat", "buku orientasi", "lembar pelatih"}
"""Print pages show a sheet of paper at its size; they are checked for a phone separately below."""

WIDEST = """() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                 && !e.closest('.md-sidebar, .md-tabs, dialog, .md-typeset__scrollwrap'))
    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""


@pytest.fixture(scope="module")
def phone(browser, served):
    context, traffic = open_context(browser, served, viewport={"width": WIDTH, "height": 640},
                                    is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    close(context)


def overflow(page) -> tuple[int, list[str]]:
    return page.evaluate("document.documentElement.scrollWidth"), page.evaluate(WIDEST)


@pytest.mark.parametrize("kind", [k for k in PAGE_KINDS if k not in PRINT_PAGES])
def test_page_does_not_scroll_sideways_on_a_small_phone(phone, served, kind):
    phone.goto(served + "/" + PAGE_KINDS[kind])
    width, culprits = overflow(phone)
    assert width <= WIDTH, f"{kind}: the page is {width}px wide; too wide: {culprits}"


def test_the_check_sees_a_wide_element(phone, served):
    """Negative control: one element wider than the screen is found."""
    phone.goto(served + "/tentang/")
    phone.evaluate("""() => { const d = document.createElement('div'); d.className = 'lebar';
        d.style.width = '400px'; d.textContent = 'lebar'; document.querySelector('article.md-content__inner').appendChild(d); }""")
    width, culprits = overflow(phone)
    assert width > WIDTH and any(c.endswith(".lebar") for c in culprits)
