"""The Jinja environment for data pages: autoescaped, strict, overridable from overrides/kodeetik/."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import posixpath
import re
from pathlib import Path

import jinja2
import markupsafe

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember")


def miring(text: str | None, phrases: tuple[str, ...] = ()) -> markupsafe.Markup:
    """`text` escaped, with each occurrence of a phrase the source prints in italics (a node's
    `miring`) as <em>. The phrase is looked for in the escaped text, as whole words and never
    inside a character reference (`&amp;`: not after `&` or `#`), so the only markup added is <em>."""
    out = str(markupsafe.escape(text or ""))
    if phrases:
        alternatives = sorted({str(markupsafe.escape(p)) for p in phrases}, key=len, reverse=True)
        pattern = "|".join(r"(?<![\w&#])" + re.escape(a) + r"(?!\w)" for a in alternatives)
        out = re.sub(pattern, lambda m: f"<em>{m.group(0)}</em>", out)
    return markupsafe.Markup(out)


def tanggal(value: dt.date | None) -> str:
    """`8 Desember 2020`."""
    if value is None:
        return ""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def csp_hash(text) -> str:
    """`sha256-...` of an inline stylesheet or script, for a Content-Security-Policy that admits it
    (and nothing else inline)."""
    digest = hashlib.sha256(str(text).encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def uri_to_url(uri: str) -> str:
    """The URL MkDocs gives a Markdown source with `use_directory_urls` on."""
    if uri.endswith("index.md"):
        return uri[: -len("index.md")]
    return uri[: -len(".md")] + "/" if uri.endswith(".md") else uri


def relative_url(from_url: str, to_url: str) -> str:
    """Relative link between two site URLs ('' is the home page; directory URLs end in '/')."""
    anchor = ""
    if "#" in to_url:
        to_url, anchor = to_url.split("#", 1)
        anchor = "#" + anchor
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    target = to_url or "."
    rel = posixpath.relpath(target, base or ".")
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        rel = "./"
    return rel + anchor


class Renderer:
    """Renders data templates; `extra_dirs` come first so a site can override any template."""

    def __init__(self, extra_dirs: list[Path] | None = None):
        dirs = [str(d) for d in (extra_dirs or []) if d.is_dir()] + [str(TEMPLATES)]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(dirs),
            autoescape=True,  # every text from data is escaped; the templates are the only HTML
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["tanggal"] = tanggal
        self.env.filters["miring"] = miring
        self.env.filters["csp_hash"] = csp_hash

    def render(self, template: str, page_url: str, **context) -> str:
        def url(target: str) -> str:
            return relative_url(page_url, target)

        return self.env.get_template(template).render(url=url, **context)
