"""Rendering layer: turns the Corpus into page specs and HTML, through overridable Jinja templates.

Independent of MkDocs: it knows page URIs and relative URLs, not MkDocs objects. The MkDocs glue
(the `kodeetik` plugin, `macros/plugin/`) asks for the pages, registers them, and places their HTML.
"""

from .pages import GeneratedPage, plan_pages
from .templating import Renderer, relative_url

__all__ = ["GeneratedPage", "plan_pages", "Renderer", "relative_url"]
