"""Navigation titles as HTML-escaped text.

The theme writes every navigation title into every page without escaping, and most titles of this
site's navigation come from the data: regulations' short names, region names, topic labels. A short
name `Perbup <i>x</i>` became live markup in the menu of every page. `escape_titles` is applied to the
whole nav once it is expanded (hooks.on_config), hand-written titles included: escaping plain text
changes nothing a reader sees.
"""

from __future__ import annotations

import html


def escape_titles(nav):
    """The nav (MkDocs' list of `{title: target}` / `{title: [children]}` / `"page.md"`) with every
    title escaped."""
    if isinstance(nav, list):
        return [escape_titles(entry) for entry in nav]
    if isinstance(nav, dict):
        return {html.escape(str(title), quote=False): escape_titles(target) for title, target in nav.items()}
    return nav  # a page without a title of its own, or a link
