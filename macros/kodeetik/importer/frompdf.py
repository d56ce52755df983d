"""`kodeetik import FILE.pdf`: the PDF read (`pdf`, `ocr`), its text saved to `sources/`, the draft
made by the text importer, the page of each provision found, and the report extended.

The page of a provision is the page of the source line it starts on (`DNode.no`, which the text
importer keeps for every node; the text carries a form feed before each page). Provision ids are
read back from the written draft with the loader's own node builder, so they are the ids the site
will use; both walks go through the nodes in the same order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import ids, yamlio
from ..errors import Collector
from ..loader import _NodeBuilder, _Reader
from . import draft as _draft
from . import writer
from .draft import Draft
from .nodes import DNode
from .pdf import PdfProblem, Reading, read_pdf

WORD = re.compile(r"[^\W\d_]{4,}")
NODE_LISTS = (("menimbang", "menimbang"), ("mengingat", "mengingat"), ("batang_tubuh", ""), ("diktum", ""))


@dataclass(frozen=True)
class Placed:
    """A provision of the draft and the page it starts on."""

    eid: str
    label: str
    text: str
    page: int


@dataclass
class PdfImport:
    yaml_text: str
    draft: Draft
    reading: Reading
    provenance: Path | None
    """The text saved to sources/ (None when nothing was written)."""
    placed: list[Placed]

    def report_lines(self) -> list[str]:
        r = self.reading
        ocr = r.ocr_pages
        out = ["", f"PDF: {r.name} (SHA-256 {r.sha256}), {len(r.pages)} page{'s' if len(r.pages) != 1 else ''}: "
               f"{len(r.pages) - len(ocr)} with a text layer, {len(ocr)} read by OCR"
               + (f" (pages {', '.join(map(str, ocr))})" if ocr else "") + "."]
        out.append(f"Layout decisions from the PDF ({len(r.decisions)}):" if r.decisions else
                   "Layout decisions from the PDF: none.")
        out += [f"  - {d}" for d in r.decisions]
        out.append(f"To check against the PDF ({len(r.checks)}):" if r.checks else "To check against the PDF: none.")
        out += [f"  - {c}" for c in r.checks]
        out.append("Provisions by page (check each page against the draft):")
        for page in r.pages:
            here = [p.label for p in self.placed if p.page == page.number]
            out.append(f"  - page {page.number}: " + (", ".join(here) if here else "(no provision starts here)"))
        return out


def word_list(data_dir: Path | None, leave_out: str | None) -> set[str]:
    """Words of the regulations already in the data folder (lower case): the word list that confirms
    a hyphenated word's join. The regulation being imported is left out."""
    words: set[str] = set()
    if data_dir is None or not data_dir.is_dir():
        return words
    for f in sorted(data_dir.glob("*.yaml")):
        if f.name.startswith("_") or f.stem == leave_out:
            continue
        words.update(w.lower() for w in WORD.findall(f.read_text(encoding="utf-8", errors="replace")))
    return words


def provenance_name(pdf: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", pdf.stem).strip("-.") or "sumber"
    return f"{stem}.txt"


def _walk(nodes) -> list[DNode]:
    out: list[DNode] = []
    for n in nodes or ():
        out.extend(n.walk())
    return out


def place_provisions(d: Draft, yaml_text: str, reading: Reading) -> list[Placed]:
    """Each provision of the draft with the page it starts on."""
    r = _Reader(Collector(), "draft")
    m = yamlio.load(yaml_text)
    nb = _NodeBuilder(r)
    loaded: list = []
    for key, prefix in NODE_LISTS:
        if key in m:
            for node in nb.build_list(r.seq(m, key, key), prefix, key, None):
                loaded.extend(node.walk())
    drafted = [n for key, _ in NODE_LISTS for n in _walk(d.data.get(key))]
    lamp_seq = r.seq(m, "lampiran", "lampiran") if "lampiran" in m else []
    for i, (lamp, lm) in enumerate(zip(d.data.get("lampiran") or [], lamp_seq), start=1):
        drafted += _walk(lamp["children"])
        num = lm.get("num") if isinstance(lm, yamlio.Map) else None
        number = (ids.number_part("lampiran", num) if num else None) or str(i)
        for node in nb.build_list(r.seq(lm, "children", "lampiran"), f"lampiran_{number}", "lampiran", None):
            loaded.extend(node.walk())
    pages = reading.page_of_line
    out, page = [], 1
    for dn, node in zip(drafted, loaded):
        if 0 < dn.no <= len(pages):
            page = pages[dn.no - 1]
        words = " ".join(t for t in (node.heading, node.text) if t)
        out.append(Placed(node.eid, _label(node.eid, nb.index), words, page))
    return out


def _label(eid: str, index: dict) -> str:
    """`Pasal 7 huruf a`, `Menimbang huruf b`, `Lampiran II formulir 1`: as citations name them
    (a BAB or Bagian is left out once a Pasal is in the chain)."""
    parts = eid.split("__")
    chain = [index.get("__".join(parts[:i])) for i in range(1, len(parts) + 1)]
    labels = []
    if parts[0] in ("menimbang", "mengingat"):
        labels.append(parts[0].capitalize())
    elif parts[0].startswith("lampiran_"):
        labels.append("Lampiran " + parts[0].split("_", 1)[1].upper())
    nodes = [n for n in chain if n is not None]
    pasal = next((i for i, n in enumerate(nodes) if n.type == "pasal"), None)
    for n in nodes[pasal or 0:]:
        labels.append(n.heading if n.type in ("kelompok", "formulir", "butir") and n.heading else n.label)
    return " ".join(labels)


def import_pdf(source: Path, target: Path | None, data_dir: Path | None, sources_dir: Path | None,
               force: bool = False) -> PdfImport:
    """Read the PDF, save its text to `sources_dir` (when a target is given), draft it."""
    source, reg_id = Path(source), (target.stem if target is not None else None)
    reading = read_pdf(source, word_list(data_dir, reg_id))
    berkas = provenance_name(source)
    provenance = None
    if target is not None and sources_dir is not None:
        provenance = sources_dir / berkas
        if provenance.exists() and not force and provenance.read_text(encoding="utf-8") != reading.text:
            raise PdfProblem(f"{provenance} already exists with another text; nothing was written. Use --force "
                             "to overwrite it, or rename the PDF")
        sources_dir.mkdir(parents=True, exist_ok=True)
        provenance.write_text(reading.text, encoding="utf-8")
    d = _draft.build(reading.text, berkas, data_dir=data_dir, reg_id=reg_id,
                     target=str(target) if target is not None else "(stdout)", noise=reading.noise)
    sumber = d.data["sumber"]
    d.data["sumber"] = {"berkas": sumber.pop("berkas"), "pdf": reading.name, "sha256": reading.sha256, **sumber}
    yaml_text = writer.dump(d.data, d.comments, d.report.lines())
    result = PdfImport(yaml_text, d, reading, provenance, [])
    result.placed = place_provisions(d, yaml_text, reading)
    result.yaml_text = writer.dump(d.data, d.comments, d.report.lines() + result.report_lines())
    if target is not None:
        Path(target).write_text(result.yaml_text, encoding="utf-8")
    return result


def command(source: Path, target: Path | None, data_dir: Path | None, sources_dir: Path, force: bool,
            preview: str | None) -> int:
    """`kodeetik import FILE.pdf`: exit 0 with the draft and the report, 2 with one line on a bad PDF."""
    import sys

    try:
        result = import_pdf(source, target, data_dir, sources_dir, force=force)
        preview_path = None
        if preview is not None:
            from .preview import write_preview
            preview_path = Path(preview) if preview else _preview_name(source, target)
            write_preview(source, result, preview_path)
    except PdfProblem as exc:
        print(f"error: {source}: {exc}.", file=sys.stderr)
        return 2
    if target is None:
        sys.stdout.write(result.yaml_text)
    print(result.draft.report.text() + "\n".join(result.report_lines()), file=sys.stderr)
    if target is not None:
        print(f"\nDraft written to {target}; the PDF's text to {result.provenance} (sumber.berkas).",
              file=sys.stderr)
    else:
        print("\nThe PDF's text was not saved: give -o regulations/NAME.yaml to save the draft and, in "
              f"{sources_dir.name}/, the text it was read from.", file=sys.stderr)
    if preview_path is not None:
        print(f"Preview written to {preview_path}: open it in a browser and check each page against "
              "the provisions beside it.", file=sys.stderr)
    print("Next: fill in what is listed above, check the text against the PDF, then run: kodeetik validate",
          file=sys.stderr)
    return 0


def _preview_name(source: Path, target: Path | None) -> Path:
    base = target if target is not None else Path(source.name)
    return base.with_name(base.stem + ".preview.html")
