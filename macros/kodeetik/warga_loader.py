"""Read and validate `_hak_anda.yaml` ("Hak Anda" pages) and `_kuis.yaml` (the quizzes).

Both are optional (a new project may not have written its taxonomy yet); without them the Hak Anda
pages list the complaint channels only and the quizzes have no questions.

Both name topic items of `_topik.yaml`, so they are loaded after the topics. Problems are collected
and raised together as DataErrors, each with file, line and a fix, with the regulation loader's
reader (so the YAML rules are the same: every scalar text, unknown keys are errors).
"""

from __future__ import annotations

import difflib
import os
import re
from functools import partial
from pathlib import Path
from types import MappingProxyType

from . import yamlio
from .errors import Collector
from .hak_anda import PENGADUAN, BagianHak, HakAndaData
from .kuis import JENIS_SOAL, PLACEHOLDER, KuisData, RencanaSoal
from .loader import _read_file
from .schema import Choice, Entries, Int, Keyed, Nested, Reader, Schema, Str, Texts, Unique, Using, named
from .topics import Topics

HAK_FILE = "_hak_anda.yaml"
KUIS_FILE = "_kuis.yaml"
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")

DEFAULT_HAK = HakAndaData(
    bagian=(BagianHak(kunci=PENGADUAN, judul="Ke mana mengadu", pengantar=None, butir=(), line=0),),
    ringkasan_bagian=PENGADUAN, ringkasan_jumlah=6, pernyataan=MappingProxyType({}))
"""Without `_hak_anda.yaml` (a project whose taxonomy is not written yet): the Hak Anda pages show
the complaint channels only."""
DEFAULT_KUIS = KuisData(soal=(), serupa=MappingProxyType({}), penanda=MappingProxyType({}))
"""Without `_kuis.yaml`: the quizzes have no questions."""


def load_warga(directory: str | os.PathLike, topics: Topics,
               display_root: str | os.PathLike | None = None) -> tuple[HakAndaData, KuisData]:
    """Load both files of `directory`; raise DataErrors listing every problem."""
    root = Path(directory)
    shown_root = Path(display_root) if display_root is not None else root.parent
    errors = Collector()

    def display(p: Path) -> str:
        try:
            return str(p.relative_to(shown_root))
        except ValueError:
            return str(p)

    data = {}
    for name in (HAK_FILE, KUIS_FILE):
        path = root / name
        if not path.is_file():
            continue  # optional: see DEFAULT_HAK and DEFAULT_KUIS
        raw = _read_file(errors, path, display(path))
        if raw is not None:
            data[name] = (Reader(errors, display(path)), raw)
    hak = _hak(*data[HAK_FILE], topics) if HAK_FILE in data else DEFAULT_HAK
    kuis = _kuis(*data[KUIS_FILE], topics) if KUIS_FILE in data else DEFAULT_KUIS
    errors.raise_if_any()
    assert hak is not None and kuis is not None  # a reader returns None only after recording an error
    return hak, kuis


def _unknown(key: str, topics: Topics, areas: bool) -> str:
    choices = list(topics.items) + ([a.key for a in topics.areas] if areas else [])
    close = difflib.get_close_matches(key, choices, n=3, cutoff=0.6)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    what = "an area key (all its items) or an item key (<area>.<item>)" if areas else "an item key (<area>.<item>)"
    return f"{hint}use {what} of _topik.yaml."


def _item_keys(r: Reader, m: yamlio.Map, key: str, where: str, topics: Topics, areas: bool
               ) -> list[tuple[str, int]]:
    """A list of item keys (area keys expanded when `areas`), each with its line."""
    seq = m.get(key)
    if not isinstance(seq, yamlio.Seq) or not seq:
        r.err(r.line_of(m, key), where, f"'{key}' must be a non-empty list of topic keys.",
              "write them as [larangan, sanksi.dasar] or one '- key' line each.")
        return []
    out = []
    for value, line in zip(seq, seq.item_lines):
        if not isinstance(value, str) or not value.strip():
            r.err(line, where, f"an item of '{key}' is not a topic key.", "write each as <area>.<item>.")
            continue
        k = value.strip()
        if k in topics.items:
            out.append((k, line))
        elif areas and any(a.key == k for a in topics.areas):
            out += [(i.key, line) for i in topics.area(k).items]
        else:
            r.err(line, where, f"unknown topic '{k}'.", _unknown(k, topics, areas))
    return out


RINGKASAN = Nested(Schema(bagian=Str(required=True), jumlah=Int(1, 30)), required=True)
"""`ringkasan:` of `_hak_anda.yaml`: the section summarised on a region's page, and how many items."""


HAK_SCHEMA = Schema(ringkasan=RINGKASAN, bagian=Entries(required=True), pernyataan=Keyed())
"""`_hak_anda.yaml`: sections of topic items, the summary, the citizens' wording of items."""
KUIS_SCHEMA = Schema(soal=Entries(required=True), serupa=Entries(required=True), penanda=Keyed(required=True))
"""`_kuis.yaml`: question plans, groups of items close in meaning, marker words per area."""


def _hak(r: Reader, raw, topics: Topics) -> HakAndaData | None:
    top = HAK_SCHEMA.read_file(r, raw)
    if top is None:
        return None
    sections: list[BagianHak] = []
    placed: dict[str, int] = {}
    seen = Unique(r, "section", "merge the two sections or rename one.", verb="defined")
    bagian = Schema(kunci=Str(required=True), judul=Str(required=True),
                    butir=Using(partial(_item_keys, topics=topics, areas=True), required=True), pengantar=Str())
    seq = top["bagian"]
    for value, line in zip(seq, seq.item_lines):
        b = r.mapping(value, line, "bagian")
        if b is None:
            continue
        where = f"bagian {named(b, 'kunci', line)}"
        v = bagian.read(r, b, where)
        if v is None:
            continue
        kunci = v["kunci"]
        if kunci is not None and not KEY_RE.match(kunci):
            r.err(v.line("kunci"), where, f"'{kunci}' is not a valid key.",
                  "use lowercase letters, digits and '_' (it becomes the section's anchor).")
            kunci = None
        if kunci is not None and not seen.add(kunci, line, where, report_line=v.line("kunci")):
            kunci = None
        keys = []
        for k, k_line in v["butir"]:
            if k in placed:
                r.err(k_line, where, f"item '{k}' is already stated in another section (line {placed[k]}).",
                      "state each item in one section only.")
                continue
            placed[k] = k_line
            keys.append(k)
        if kunci is not None and v["judul"] is not None and keys:
            sections.append(BagianHak(kunci=kunci, judul=v["judul"], pengantar=v["pengantar"], butir=tuple(keys),
                                      line=line))
    if PENGADUAN not in seen.first and seq:
        r.err(top.line("bagian"), "bagian", f"there is no section '{PENGADUAN}'.",
              f"add a section with kunci: {PENGADUAN} (it also shows the complaint channels).")
    summary = top["ringkasan"]
    target, count = None, None
    if summary is not None:
        target, count = summary["bagian"], summary["jumlah"]
        if target is not None and target not in seen.first:
            r.err(summary.line("bagian"), "ringkasan", f"there is no section '{target}'.",
                  f"name one of: {', '.join(seen.first) or '(no sections)'}.")
            target = None
    statements: dict[str, str] = {}
    if top["pernyataan"] is not None:
        pm = top["pernyataan"]
        for key in pm:
            where = f"pernyataan > {key}"
            if key not in topics.items:
                r.err(pm.key_lines[key], where, f"unknown topic '{key}'.", _unknown(key, topics, areas=False))
                continue
            if key not in placed:
                r.err(pm.key_lines[key], where, f"item '{key}' is in no section, so this wording is never shown.",
                      "add the item to a section's 'butir', or remove the wording.")
                continue
            text = r.text(pm, key, where, required=True)
            if text is not None:
                statements[key] = text
    if target is None or count is None or PENGADUAN not in seen.first:
        return None
    return HakAndaData(bagian=tuple(sections), ringkasan_bagian=target, ringkasan_jumlah=count,
                       pernyataan=MappingProxyType(statements))


def _kuis(r: Reader, raw, topics: Topics) -> KuisData | None:
    top = KUIS_SCHEMA.read_file(r, raw)
    if top is None:
        return None
    area_keys = [a.key for a in topics.areas]
    plans: list[RencanaSoal] = []
    soal = Schema(jenis=Choice(JENIS_SOAL), bidang=Choice(area_keys), jumlah=Int(1, 20),
                  pertanyaan=Str(required=True), pengecoh=Texts())
    seq = top["soal"]
    if not seq:
        r.err(top.line("soal"), "soal", "the quiz has no questions.", "add at least one entry under 'soal'.")
    for value, line in zip(seq, seq.item_lines):
        s = r.mapping(value, line, "soal")
        if s is None:
            continue
        where = f"soal (line {line})"
        v = soal.read(r, s, where)
        if v is None:
            continue
        jenis, bidang, jumlah, pertanyaan, pengecoh = v["jenis"], v["bidang"], v["jumlah"], v["pertanyaan"], v["pengecoh"]
        if pertanyaan is not None and PLACEHOLDER not in pertanyaan:
            r.err(r.line_of(s, "pertanyaan"), where, "the question does not name the regulation.",
                  f"write {PLACEHOLDER} where its short name goes.")
            pertanyaan = None
        for p in pengecoh:
            if p not in area_keys:
                close = difflib.get_close_matches(p, area_keys, n=2)
                r.err(r.line_of(s, "pengecoh"), where, f"unknown area '{p}'.",
                      f"{'did you mean ' + ', '.join(close) + '? ' if close else ''}use area keys of _topik.yaml.")
            elif p == bidang:
                r.err(r.line_of(s, "pengecoh"), where, f"'{p}' is the area asked about.",
                      "wrong answers must come from other areas; remove it.")
        if jenis == "kata" and not pengecoh:
            r.err(r.line_of(s, "jenis"), where, "a 'kata' question needs 'pengecoh' (areas of the wrong answers).",
                  "add pengecoh: [tata_perilaku, kewajiban_pelaksana], for example.")
        if jenis == "daerah" and pengecoh:
            r.err(r.line_of(s, "pengecoh"), where, "a 'daerah' question takes its wrong answers from other regions.",
                  "remove 'pengecoh'.")
        if jenis is not None and bidang is not None and jumlah is not None and pertanyaan is not None:
            plans.append(RencanaSoal(jenis=jenis, bidang=bidang, pengecoh=pengecoh, jumlah=jumlah,
                                     pertanyaan=pertanyaan, line=line))
    groups: dict[str, frozenset[str]] = {}
    where_group: dict[str, int] = {}
    gseq = top["serupa"]
    for value, line in zip(gseq, gseq.item_lines):
        if not isinstance(value, yamlio.Seq):
            r.err(line, "serupa", "each group must be a list of item keys.", "write it as [larangan.a, larangan.b].")
            continue
        holder = yamlio.Map({"grup": value})
        holder.line, holder.key_lines = line, {"grup": line}
        keys = [k for k, _ in _item_keys(r, holder, "grup", "serupa", topics, areas=False)]
        if len(set(keys)) < 2:
            r.err(line, "serupa", "a group needs at least two different items.", "add items or remove the group.")
            continue
        group = frozenset(keys)
        for k in keys:
            if k in groups and groups[k] != group:
                r.err(line, "serupa", f"item '{k}' is in two groups (also at line {where_group[k]}).",
                      "merge the two groups: closeness here is meant to be shared.")
            groups[k] = group
            where_group.setdefault(k, line)
    markers: dict[str, tuple[str, ...]] = {}
    pm = top["penanda"] or yamlio.Map()
    for key in pm:
        if key not in area_keys:
            close = difflib.get_close_matches(key, area_keys, n=2)
            r.err(pm.key_lines[key], f"penanda > {key}", f"unknown area '{key}'.",
                  f"{'did you mean ' + ', '.join(close) + '? ' if close else ''}use area keys of _topik.yaml.")
            continue
        words = r.strings(pm, key, f"penanda > {key}")
        if not words:
            r.err(pm.key_lines[key], f"penanda > {key}", "no marker words given.",
                  "list the words that introduce such provisions, e.g. [dilarang, larangan].")
        markers[key] = words
    for plan in plans:
        for area in (plan.bidang, *plan.pengecoh) if plan.jenis == "kata" else ():
            if area not in markers and pm is not None:
                r.err(plan.line, f"soal (line {plan.line})", f"area '{area}' has no marker words under 'penanda'.",
                      f"add penanda: {{{area}: [...]}}: the words a lead-in or heading uses to list such provisions.")
                markers[area] = ()
    return KuisData(soal=tuple(plans), serupa=MappingProxyType(groups), penanda=MappingProxyType(markers))
