"""From a provision on its regulation's page to the rows of the comparison that quote it: the
differences between regions, one click from the text (for staff in training).

Only a provision's own tags link (not those inherited from a Pasal tagged as a whole): the row
quotes that provision, so the link lands where its words stand beside the other regions'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..kodeetik.topics import Topics
from .compare import area_url


@dataclass(frozen=True)
class CompareLink:
    """A link from a provision to one row of an area's comparison table."""

    item: str
    """The topic item's label (editorial, not legal text)."""
    area: str
    """The area's label."""
    target: str
    """Site path of the row: the area page and the item's anchor."""


def compare_links(topics: Topics) -> Callable[[str, str], tuple[CompareLink, ...]]:
    """`links(reg_id, eid)`: the comparison rows of a provision's own tags, in the coding's order."""
    def links(reg_id: str, eid: str) -> tuple[CompareLink, ...]:
        out = []
        for key in topics.tags_of(reg_id, eid):
            item = topics.items[key]
            area = topics.area(item.area)
            out.append(CompareLink(item=item.label, area=area.label, target=f"{area_url(area)}#{item.key}"))
        return tuple(out)
    return links


def search_words(topics: Topics) -> Callable[[str, str], tuple[str, ...]]:
    """`words(reg_id, eid)`: the `kata_cari` of a provision's own tags, each once, in order.

    Own tags only: a tag covers what is nested under it, and search counts a hit in a provision's
    words for that provision and the search UI lists the provisions it is nested in anyway."""
    def words(reg_id: str, eid: str) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for key in topics.tags_of(reg_id, eid):
            out.update(dict.fromkeys(topics.items[key].kata_cari))
        return tuple(out)
    return words
