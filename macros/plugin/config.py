"""The plugin's options in mkdocs.yml, typed and checked by MkDocs' own config machinery.

    plugins:
      - kodeetik:
          data_dir: regulations

A mistyped value (`jobs: many`) and an unknown option (`dta_dir:`) stop the build with a message
naming the option; MkDocs alone would only warn about the unknown one.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class _Workers(c.Type):
    """A number of worker processes: 1 or more."""

    def __init__(self) -> None:
        super().__init__(int)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 1:
            raise c.ValidationError(f"{number} is not a number of processes (e.g. 2, or 1 for none).")
        return number


class KodeEtikConfig(base.Config):
    data_dir = c.Type(str, default="regulations")
    """The regulations and registries (relative to mkdocs.yml)."""
    sources_dir = c.Type(str, default="sources")
    """The extracted source texts, published under `sumber/`."""
    cache = c.Type(bool, default=True)
    """Keep printed PDFs, previews and fit measurements by content between builds."""
    cache_dir = c.Type(str, default=".cache/print")
    """Where the print cache lives (relative to mkdocs.yml); deleting it is always safe."""
    jobs = c.Optional(_Workers())
    """Worker processes for rendering and printing; default: the usable cores. `mkdocs serve`
    always works in one process (forking beside its server threads is unsafe)."""
    posters = c.Type(bool, default=True)
    """Print the posters, handbooks and trainer's sheets. Off for a quick preview: their pages
    still list them, but their HTML, PDF and preview files are missing."""
    search = c.Type(bool, default=True)
    """Mark the pages for Pagefind and build the search index into `pagefind/`."""
    csp = c.Type(bool, default=True)
    """Write the Content-Security-Policy into every page (never under `mkdocs serve`)."""

    def _validate(self) -> tuple[list, list]:
        failed, warnings = super()._validate()
        known = ", ".join(sorted(self._schema_keys))
        for key in sorted(set(self.keys()) - self._schema_keys):
            failed.append((key, f"unknown option (a typo?); the options are: {known}."))
        return failed, [(k, w) for k, w in warnings if k in self._schema_keys]
