"""The draft's provisions while they are being built (mutable; written out by `writer`)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DNode:
    """A provision of the draft: the fields of a node in regulations/README.md, plus where it came from."""

    type: str
    num: str | None = None
    marker: str | None = None
    heading: str | None = None
    text: str | None = None
    children: list["DNode"] = field(default_factory=list)
    text_after: str | None = None
    eid: str | None = None
    dasar: dict | None = None
    no: int = 0
    """Source line it starts on."""
    page: int = 1
    """Source page it starts on (pages are separated by form feeds; 1 without them)."""
    checks: list[str] = field(default_factory=list)
    """What a human should check here (written as YAML comments and listed in the report)."""

    def add_text(self, text: str) -> None:
        self.text = text if not self.text else f"{self.text} {text}"

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict:
        """The node as it goes into the YAML draft (keys in the order of regulations/README.md).

        The key "#" holds the checks; the writer turns it into comments.
        """
        out: dict = {"#": list(self.checks)} if self.checks else {}
        out["type"] = self.type
        for key in ("num", "marker", "eid", "heading", "text"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.children:
            out["children"] = [c.to_dict() for c in self.children]
        if self.text_after:
            out["text_after"] = self.text_after
        if self.dasar is not None:
            out["dasar"] = self.dasar
        return out
