"""What the PDF text layer and OCR both give: a word with its box, and the reader's refusal.

Its own module so that `pdf` (which calls OCR for pages without a text layer) and `ocr` (which
gives words like the text layer's) do not import each other.
"""

from __future__ import annotations

from dataclasses import dataclass


class PdfProblem(Exception):
    """A PDF the reader refuses, with one sentence for the user (what is wrong, what to do)."""


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    """Box in points from the page's top-left corner."""
    conf: float | None = None
    """OCR confidence (0-100); None for a text layer."""

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top
