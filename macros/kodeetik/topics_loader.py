"""Read and validate the topic taxonomy and the per-regulation coding files into a `Topics`.

`regulations/_topik.yaml` holds the taxonomy; `regulations/_topik/<regulation-id>.yaml` the coding
of one regulation. Keeping the tags out of the regulation files lets the text and its coding be
edited independently (and merged without conflicts). All problems are collected and raised
together as DataErrors, each with file, line and a fix, like the regulation loader.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from types import MappingProxyType
from typing import Iterable

from . import yamlio
from .errors import Collector, DataError, DataErrors, display_path
from .loader import _read_file
from .model import Corpus, Regulation
from .schema import Entries, Keyed, Reader, Schema, Str, Texts, Unique, Using, named
from .topics import Bidang, ButirTopik, Topics, build_hits, is_taggable, parent_map, uncovered

TAXONOMY_FILE = "_topik.yaml"
CODING_DIR = "_topik"
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
SEARCH_WORDS_RE = re.compile(r"^[a-z0-9]+(?:[ -][a-z0-9]+)*$")
"""A `kata_cari` entry: lowercase words, single spaces or hyphens between them."""
RESERVED_AREAS = frozenset({"berdampingan", "glosarium", "index"})
"""Area keys that would collide with the URLs of the other comparison pages."""


def load_topics(directory: str | os.PathLike, corpus: Corpus,
                display_root: str | os.PathLike | None = None) -> Topics:
    """Load the taxonomy and every coding file of `directory`; raise DataErrors listing all problems."""
    topics, errors = read_topics(directory, corpus, display_root)
    if errors or topics is None:
        raise DataErrors(list(errors))
    return topics


def read_topics(directory: str | os.PathLike, corpus: Corpus, display_root: str | os.PathLike | None = None,
                skip: frozenset[str] = frozenset()) -> tuple[Topics | None, tuple[DataError, ...]]:
    """The taxonomy and the coding, with every problem found. Topics is None when the taxonomy has
    errors (the coding files are then not read: every tag would look unknown). `skip`: ids of
    regulation files that did not load, whose coding files cannot be checked (their own errors say
    what to fix)."""
    root = Path(directory)
    shown_root = Path(display_root) if display_root is not None else root.parent
    errors = Collector()

    def display(p: Path) -> str:
        return display_path(p, shown_root)

    taxonomy = root / TAXONOMY_FILE
    areas: list[Bidang] = []
    if not taxonomy.is_file():
        errors.add(display(taxonomy), None, "", "the topic taxonomy is missing.",
                   "restore it from the repository (see regulations/README.md, \"Topics\").")
    else:
        areas = _load_taxonomy(errors, taxonomy, display(taxonomy))
    items = {item.key: item for area in areas for item in area.items}
    taxonomy_ok = not errors.errors  # with a broken taxonomy, every tag would look unknown: wait

    by_id = {reg.id: reg for reg in corpus.regulations}
    tags: dict[str, dict[str, tuple[str, ...]]] = {}
    coding_dir = root / CODING_DIR
    if coding_dir.is_dir():
        for path in sorted(coding_dir.iterdir()):
            shown = display(path)
            if path.suffix.lower() == ".yml":
                errors.add(shown, None, "", "coding files must end in '.yaml'.", f"rename it to {path.stem}.yaml.")
                continue
            if path.suffix.lower() != ".yaml" or path.stem in skip:
                continue  # e.g. a README
            reg = by_id.get(path.stem)
            if reg is None:
                close = difflib.get_close_matches(path.stem, list(by_id), n=1)
                hint = f" (did you mean {close[0]}.yaml?)" if close else ""
                errors.add(shown, None, "", f"there is no regulation with the id '{path.stem}'{hint}.",
                           "name the file after the regulation file it codes (<regulation-id>.yaml), or delete it.")
                continue
            if taxonomy_ok:
                tags[reg.id] = _load_coding(errors, path, shown, reg, items)
    if not taxonomy_ok:
        return None, tuple(errors.errors)
    untagged = {reg.id: uncovered(reg, tags.get(reg.id, {})) for reg in corpus.regulations}
    frozen_tags = MappingProxyType({rid: MappingProxyType(t) for rid, t in tags.items()})
    return Topics(areas=tuple(areas), items=MappingProxyType(items), tags=frozen_tags,
                  untagged=MappingProxyType(untagged),
                  hits=MappingProxyType(build_hits(corpus, tags))), tuple(errors.errors)


class Key(Str):
    """A required area or item key: lowercase letters, digits and '_', starting with a letter."""

    def __init__(self) -> None:
        super().__init__(required=True)

    def read(self, r: Reader, m: yamlio.Map, key: str, where: str) -> str | None:
        value = super().read(r, m, key, where)
        if value is not None and not KEY_RE.match(value):
            r.err(r.line_of(m, key), where, f"key '{value}' is not a valid key.",
                  "use lowercase letters, digits and '_', starting with a letter (e.g. pungli, kkn, id_card).")
            return None
        return value


def _search_words(r: Reader, b: yamlio.Map, key: str, where: str) -> tuple[str, ...]:
    """An item's `kata_cari`: lowercase words or phrases, each once."""
    words = r.strings(b, key, where)
    line = r.line_of(b, key)
    out: list[str] = []
    for word in words:
        if not SEARCH_WORDS_RE.match(word):
            r.err(line, where, f"the search word '{word}' is not plain lowercase words.",
                  "write it as people type it: lowercase letters and digits, words separated by one "
                  "space or '-' (e.g. uang pelicin), no punctuation.")
        elif word in out:
            r.err(line, where, f"the search word '{word}' is listed twice.", "remove one of them.")
        else:
            out.append(word)
    return tuple(out)


AREA_SCHEMA = Schema(kunci=Key(), label=Str(required=True), penjelasan=Str(required=True),
                     butir=Entries(required=True))
"""An area (bidang) of `_topik.yaml`."""
ITEM_SCHEMA = Schema(kunci=Key(), label=Str(required=True), penjelasan=Str(required=True), terkait=Texts(),
                     kata_cari=Using(_search_words))
"""An item (butir) of an area."""


def _load_taxonomy(errors: Collector, path: Path, shown: str) -> list[Bidang]:
    r = Reader(errors, shown)
    top = Schema(bidang=Entries(required=True)).read_file(r, _read_file(errors, path, shown))
    if top is None:
        return []
    areas: list[Bidang] = []
    seen_areas = Unique(r, "area", "merge the two areas or rename one.", verb="defined")
    related_lines: dict[str, int] = {}
    seq = top["bidang"]
    for item, line in zip(seq, seq.item_lines):
        a = r.mapping(item, line, "bidang")
        if a is None:
            continue
        where = f"bidang {named(a, 'kunci', line)}"
        v = AREA_SCHEMA.read(r, a, where)
        if v is None:
            continue  # without its parts, its items would only add follow-up errors
        key, label, penjelasan, butir = v["kunci"], v["label"], v["penjelasan"], v["butir"]
        if key in RESERVED_AREAS:
            r.err(v.line("kunci"), where, f"the area key '{key}' is taken by another page.",
                  f"choose another key (not {', '.join(sorted(RESERVED_AREAS))}).")
            key = None
        if key is not None and not seen_areas.add(key, line, where, report_line=v.line("kunci")):
            key = None
        items: list[ButirTopik] = []
        seen_items = Unique(r, "item", "merge the two items or rename one.", verb="defined",
                            within=" in this area")
        if not butir:
            r.err(v.line("butir"), where, "the area has no items.",
                  "add at least one item under 'butir' (provisions are tagged with items, not areas).")
        for it, it_line in zip(butir, butir.item_lines):
            b = r.mapping(it, it_line, where + " > butir")
            if b is None:
                continue
            iwhere = f"{where} > butir {b.get('kunci')}" if isinstance(b.get("kunci"), str) else f"{where} > butir"
            keys_ok = ITEM_SCHEMA.keys(r, b, iwhere)
            w = ITEM_SCHEMA.read_fields(r, b, iwhere)
            ikey = w["kunci"]
            if ikey is not None and not seen_items.add(ikey, it_line, iwhere, report_line=w.line("kunci")):
                continue
            if not keys_ok or ikey is None or w["label"] is None or w["penjelasan"] is None:
                continue
            if key is not None:
                items.append(ButirTopik(key=f"{key}.{ikey}", area=key, label=w["label"], penjelasan=w["penjelasan"],
                                  terkait=w["terkait"], line=it_line, kata_cari=w["kata_cari"]))
                related_lines[f"{key}.{ikey}"] = w.line("terkait") if "terkait" in b else it_line
        if key is not None and label is not None and penjelasan is not None:
            areas.append(Bidang(key=key, label=label, penjelasan=penjelasan, items=tuple(items)))
    known = {item.key for area in areas for item in area.items}
    for area in areas:
        for item in area.items:
            for other in item.terkait:
                if other not in known:
                    r.err(related_lines[item.key], f"bidang {area.key} > butir {item.key}",
                          f"'terkait' names an unknown item '{other}'.", _unknown_fix(other, known))
                elif other == item.key:
                    r.err(related_lines[item.key], f"bidang {area.key} > butir {item.key}",
                          "an item cannot be related to itself.", "remove it from 'terkait'.")
    return areas


CODING_SCHEMA = Schema(peraturan=Str(required=True), topik=Keyed(required=True))
"""A coding file, `_topik/<regulation-id>.yaml`: provision id -> topic keys under `topik`."""


def _load_coding(errors: Collector, path: Path, shown: str, reg: Regulation,
                 items: dict[str, ButirTopik]) -> dict[str, tuple[str, ...]]:
    r = Reader(errors, shown)
    top = CODING_SCHEMA.read_file(r, _read_file(errors, path, shown))
    if top is None:
        return {}
    rid = top["peraturan"]
    if rid is not None and rid != reg.id:
        r.err(top.line("peraturan"), "peraturan", f"'peraturan' is '{rid}' but the file codes '{reg.id}'.",
              f"set peraturan: {reg.id}, or rename the file to {rid}.yaml.")
    topik = top["topik"]
    if topik is None:
        return {}
    parents = parent_map(reg)
    out: dict[str, tuple[str, ...]] = {}
    lines: dict[str, int] = {}
    for eid, value in topik.items():
        line = topik.key_lines[eid]
        where = f"topik > {eid}"
        if eid not in reg.provisions:
            close = difflib.get_close_matches(eid, list(reg.provisions), n=3, cutoff=0.75)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            r.err(line, where, f"no provision '{eid}' in {reg.path}.{hint}",
                  "use the provision id shown in the '#' link of the provision on its page.")
            continue
        if not is_taggable(reg, eid, parents):
            node = reg.provisions[eid]
            if reg.belum_pasti(eid):
                r.err(line, where, f"'{eid}' cannot be tagged: its place in the enacted text is uncertain "
                      "('kedudukan: belum_pasti' on it or a unit it is in), so it is not the regulation's text.",
                      "remove this tag; if the official text shows it is enacted, remove 'kedudukan' from the "
                      "regulation file first.")
                continue
            why = ("it is in Menimbang or Mengingat, which are not provisions of the code"
                   if eid.startswith(("menimbang", "mengingat")) else
                   f"it is a {node.type} (a heading or a form), not a provision")
            r.err(line, where, f"'{eid}' cannot be tagged: {why}.",
                  "tag the provisions it contains instead (see regulations/README.md, \"Topics\").")
            continue
        keys = _item_list(r, value, line, where, topik, eid)
        good: list[str] = []
        for key, key_line in keys:
            if key not in items:
                r.err(key_line, where, f"unknown topic '{key}'.", _unknown_fix(key, items))
            elif key in good:
                r.err(key_line, where, f"topic '{key}' is given twice.", "keep one.")
            else:
                good.append(key)
        if good:
            out[eid] = tuple(good)
            lines[eid] = line
    # A tag repeated on a nested provision says nothing new and would show the words twice.
    for eid, tags in out.items():
        parent = parents.get(eid)
        while parent is not None:
            dup = [k for k in tags if k in out.get(parent.eid, ())]
            if dup:
                r.err(lines[eid], f"topik > {eid}",
                      f"'{dup[0]}' is already on '{parent.eid}' (line {lines[parent.eid]}), which covers this provision.",
                      f"remove '{dup[0]}' here, or move the tag from '{parent.eid}' to the provisions it should cover.")
            parent = parents.get(parent.eid)
    return out


def _item_list(r: Reader, value, line: int, where: str, m: yamlio.Map, key: str) -> list[tuple[str, int]]:
    if isinstance(value, str) and value.strip():
        return [(value.strip(), line)]
    if isinstance(value, yamlio.Seq) and value:
        out = []
        for v, v_line in zip(value, value.item_lines):
            if isinstance(v, str) and v.strip():
                out.append((v.strip(), v_line))
            else:
                r.err(v_line, where, "an item of the list is not a topic key.",
                      "write each topic as <area>.<item>, e.g. larangan.pungli.")
        return out
    r.err(line, where, "no topic given.",
          "give one topic (larangan.pungli) or a list ([larangan.pungli, larangan.imbalan]).")
    return []


def _unknown_fix(key: str, items: Iterable[str]) -> str:
    """`items`: the known item keys."""
    if "." not in key:
        examples = [k for k in items if k.startswith(key + ".")][:3]
        if examples:
            return f"tag with an item of the area, not the area itself: e.g. {', '.join(examples)}."
    close = difflib.get_close_matches(key, list(items), n=3, cutoff=0.6)
    if close:
        return f"did you mean {', '.join(close)}? Otherwise add the item to {TAXONOMY_FILE}."
    return f"use a key from {TAXONOMY_FILE} (<area>.<item>), or add the item there."
