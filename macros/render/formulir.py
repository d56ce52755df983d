"""The forms of the Lampiran as forms: each `formulir` node gets a page of its own
(`peraturan/<id>/formulir/<slug>/`: the form, the link to its PDF, the editors' note outside the
form) and an A4 PDF (`formulir-<id>-<slug>.pdf` next to it), printed by the site's one `Printer` from
the standalone `formulir_cetak.html`. Both lay the form out with `kodeetik.formulir.baca` (fields
to write in, tables as tables); neither adds or drops a word of it.

Independent of MkDocs: the glue (`macros/plugin/warga.py`) asks for pages and files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..kodeetik import formulir
from ..kodeetik.model import Corpus, Lampiran, Node, Regulation
from .pages import GeneratedPage, regulation_url
from .parallel import fork_map


@dataclass(frozen=True, slots=True)
class Formulir:
    """One form of a Lampiran."""

    reg: Regulation
    lampiran: Lampiran
    node: Node
    blocks: tuple[formulir.Blok, ...]

    @property
    def slug(self) -> str:
        """From the provision id: `lampiran_1__formulir_2` -> `lampiran-1-formulir-2`."""
        return self.node.eid.replace("__", "-").replace("_", "-")

    @property
    def judul(self) -> str:
        """The form's own heading, else its Lampiran's title, as written."""
        return self.node.heading or self.lampiran.judul or self.lampiran.label

    @property
    def url(self) -> str:
        return f"{regulation_url(self.reg)}formulir/{self.slug}/"

    @property
    def uri(self) -> str:
        return f"{regulation_url(self.reg)}formulir/{self.slug}.md"

    @property
    def pdf(self) -> str:
        return f"{self.url}formulir-{self.reg.id}-{self.slug}.pdf"


def _forms(nodes: tuple[Node, ...]) -> Iterator[Node]:
    for node in nodes:
        if node.type == "formulir" and node.text:
            yield node
        yield from _forms(node.children)


def forms(corpus: Corpus) -> list[Formulir]:
    """Every form with words of every Lampiran, in the order of the regulations."""
    return [Formulir(reg, lamp, node, formulir.baca(node.text or ""))
            for reg in corpus.regulations for lamp in reg.lampiran for node in _forms(lamp.children)]


def links(corpus: Corpus) -> dict[str, dict[str, Formulir]]:
    """Regulation id -> form id -> the form (its blocks, page and PDF, for the regulation page)."""
    out: dict[str, dict[str, Formulir]] = {}
    for f in forms(corpus):
        out.setdefault(f.reg.id, {})[f.node.eid] = f
    return out


def is_form_page(uri: str) -> bool:
    """A form's page (kept out of the navigation: its regulation page leads to it)."""
    return uri.startswith("peraturan/") and "/formulir/" in uri


def plan_pages(corpus: Corpus) -> list[GeneratedPage]:
    """One page per form."""
    return [GeneratedPage(f.uri, f"{f.lampiran.label} {f.reg.singkatan}: {f.judul}", "formulir.html",
                          {"f": f, "reg": f.reg, "reg_page": regulation_url(f.reg)}) for f in forms(corpus)]


def print_files(corpus: Corpus, renderer, printer, map_fn: Callable = fork_map) -> dict[str, bytes | str]:
    """Each form's PDF, by site path."""
    def one(f: Formulir) -> tuple[str, bytes]:
        html = renderer.render("formulir_cetak.html", f.url, f=f, reg=f.reg)
        pdf, _ = printer.pdf(html, f.url + "index.html")
        return f.pdf, pdf

    return dict(map_fn(one, forms(corpus)))
