"""The site's Content-Security-Policy: everything from the site's own origin, nothing from elsewhere.

A static site cannot send headers of its own, so the policy is a `<meta http-equiv>` that
`overrides/partials/ke-csp.html` writes at the top of every page's `<head>`, before any script or
stylesheet (a meta policy only covers what follows it). The plugin sets the template variable
`ke_csp` in `on_env` (option `csp`).

What it allows and why:
- scripts, styles, fonts, fetches, frames, forms: 'self' only. There is no inline script: Material's
  three inline snippets are moved into files (overrides/partials/javascripts/, assets/theme-base.js)
  or not used (content tabs, the palette switch), and no inline style on site pages.
- 'wasm-unsafe-eval' and workers from 'self' and blob: for Pagefind (search runs as WebAssembly).
- images from 'self' and data: (Material's icons are data: URIs inside its CSS; a data: URI loads
  nothing from anywhere).

Poster pages are standalone and carry their own policy (macros/templates/_poster_base.html), which
admits their one inline stylesheet by its hash.

`mkdocs serve` injects an inline live-reload script into every page, which this policy would block:
under `serve` the policy is left out (the built site, `mkdocs build`, always has it unless `csp: false`).
"""

from __future__ import annotations

SITE_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
))
"""The policy of every page of the site (poster pages have their own)."""
