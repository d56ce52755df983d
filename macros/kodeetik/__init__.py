"""kodeetik: the MkDocs-independent core (data model, loading, validation).

The rendering layer (`macros.render`) and the MkDocs glue (`macros.hooks`, `macros/__init__.py`)
only read the objects built here, so moving to another static-site tool touches none of this.
"""

from .errors import DataError, DataErrors
from .loader import load_corpus
from .pipeline import SiteData, load_site

__all__ = ["DataError", "DataErrors", "SiteData", "load_corpus", "load_site"]
