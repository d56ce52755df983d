"""The `kodeetik` MkDocs plugin (entry point `mkdocs.plugins`: kodeetik): the glue between the
data and rendering layers and MkDocs. One module per concern; `plugin.py` holds them together."""

from .config import KodeEtikConfig
from .plugin import KodeEtikPlugin, SiteBuild

__all__ = ["KodeEtikConfig", "KodeEtikPlugin", "SiteBuild"]
