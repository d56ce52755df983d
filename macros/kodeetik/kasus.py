"""Counter situations for training (`regulations/_kasus.yaml`): editorial data, read and checked.

A situation is a short scene at a service counter written by the site's editors ("A citizen slips
Rp50.000 into the folder ..."), the right action, three wrong but tempting ones and an explanation:
all editorial, shown marked as such, never as law. What makes it teach is its basis: for each
regulation, the provisions that decide it (checked to exist, like a poster's), and, where a code is
silent, the national rule of `_aturan_nasional.yaml` that still applies. The quizzes
(`kuis.buat_kuis`) ask a regulation's staff about the situations its code decides.

The file is optional (without it the quizzes ask recall questions only). Loaded after the national
rules, by `pipeline.load_site`; problems are collected and raised together as DataErrors, each with
file, line and a fix. Nothing here knows MkDocs.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from . import yamlio
from .errors import Collector, display_path
from .loader import _read_file, _Reader
from .model import Corpus
from .nasional import AturanNasional

KASUS_FILE = "_kasus.yaml"
JENIS_KASUS = ("larangan", "kewajiban", "budaya_pelayanan", "pengaduan", "sanksi")
"""What a situation trains: a prohibition, a duty, the service culture, complaints, sanctions."""
SALAH = 3
"""Wrong actions per situation: with the right one, the four options of a quiz question."""
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_NOT_DECIDING = frozenset({"bab", "bagian", "paragraf", "formulir"})
"""Units too broad to decide a situation (a heading or a form)."""


@dataclass(frozen=True, slots=True)
class Kasus:
    """One counter situation."""

    id: str
    """Lowercase words joined by '-', unique: the anchor and the quiz's seed."""
    jenis: str
    """One of JENIS_KASUS."""
    adegan: str
    """The scene (editorial, Bahasa Indonesia)."""
    benar: str
    """The right action."""
    salah: tuple[str, ...]
    """The wrong but tempting actions (SALAH of them)."""
    penjelasan: str
    """Why the right action is right (an explanation, never legal text)."""
    dasar: Mapping[str, tuple[str, ...]]
    """Regulation id -> the provisions of that regulation that decide the situation, in the file's order."""
    nasional: AturanNasional | None
    """The national rule that decides it where a code is silent (not in `dasar`)."""
    line: int
    """Line of the situation in the file, for messages."""


def load_kasus(directory: str | os.PathLike, corpus: Corpus, nasional: Mapping[str, AturanNasional] | None,
               display_root: str | os.PathLike | None = None, skip: frozenset[str] = frozenset()
               ) -> tuple[Kasus, ...]:
    """The situations of `directory`, or none without the file. `nasional` None: the national
    rules did not load, so pointers to them are not checked (their errors are reported already);
    regulations in `skip` failed to load, so their provision ids are not checked. Raises DataErrors."""
    path = Path(directory) / KASUS_FILE
    if not path.exists():
        return ()
    shown = display_path(path, Path(display_root) if display_root is not None else Path(directory).parent)
    errors = Collector()
    r = _Reader(errors, shown)
    data = _read_file(errors, path, shown)
    out: list[Kasus] = []
    m = r.mapping(data, 1, "") if data is not None else None
    if m is not None and r.keys(m, "", ("kasus",), ()):
        seen: dict[str, int] = {}
        unknown: dict[str, list[int]] = {}
        seq = r.seq(m, "kasus", "kasus")
        for value, line in zip(seq, seq.item_lines):
            k = _one(r, value, line, corpus, nasional, skip, seen, unknown)
            if k is not None:
                out.append(k)
        regs = [reg.id for reg in corpus.regulations]
        for rid, lines in unknown.items():  # once per regulation: a removed one is one slip, not one per situation
            near = difflib.get_close_matches(rid, regs, n=2)
            more = f" (also in {len(lines) - 1} other situation{'s' if len(lines) > 2 else ''})" if len(lines) > 1 else ""
            r.err(lines[0], "dasar", f"there is no regulation '{rid}'{more}.",
                  f"{'did you mean ' + ', '.join(near) + '? ' if near else ''}use a regulation id "
                  "(its file name without .yaml), or remove its entries if it was taken out of the data.")
    errors.raise_if_any()
    return tuple(out)


def _one(r: _Reader, value, line: int, corpus: Corpus, nasional: Mapping[str, AturanNasional] | None,
         skip: frozenset[str], seen: dict[str, int], unknown: dict[str, list[int]]) -> Kasus | None:
    k = r.mapping(value, line, "kasus")
    if k is None:
        return None
    kid = k.get("id") if isinstance(k.get("id"), str) else None
    where = f"kasus {kid}" if kid else f"kasus (line {line})"
    if not r.keys(k, where, ("id", "jenis", "adegan", "benar", "salah", "penjelasan"), ("dasar", "nasional")):
        return None
    kid = r.text(k, "id", where, required=True)
    if kid is not None and not ID_RE.match(kid):
        r.err(r.line_of(k, "id"), where, f"'{kid}' is not a valid id.",
              "use lowercase letters and digits, words joined by '-' (e.g. amplop-di-map).")
        kid = None
    if kid is not None and kid in seen:
        r.err(r.line_of(k, "id"), where, f"situation '{kid}' is defined twice (first at line {seen[kid]}).",
              "give each situation its own id.")
        kid = None
    if kid is not None:
        seen[kid] = line
    jenis = r.choice(k, "jenis", where, JENIS_KASUS)
    adegan = r.text(k, "adegan", where, required=True)
    benar = r.text(k, "benar", where, required=True)
    penjelasan = r.text(k, "penjelasan", where, required=True)
    salah = r.strings(k, "salah", where)
    salah_ok = len(salah) == SALAH and len(set(salah)) == SALAH and benar not in salah
    if not salah_ok:
        r.err(r.line_of(k, "salah"), where,
              f"'salah' must list {SALAH} different wrong actions, none the same as 'benar'; found {len(set(salah))}.",
              f"write {SALAH} tempting but wrong actions, one '- ' line each.")
    dasar = _dasar(r, k, where, corpus, skip, unknown)
    rule = _nasional(r, k, where, nasional)
    if "dasar" not in k and "nasional" not in k:
        r.err(k.line, where, "the situation names no basis.",
              "add 'dasar:' (regulation id -> provision ids that decide it) or 'nasional:' (an item of "
              "_aturan_nasional.yaml).")
        return None
    if None in (kid, jenis, adegan, benar, penjelasan, dasar) or not salah_ok or rule is False:
        return None
    assert kid and jenis and adegan and benar and penjelasan and dasar is not None
    return Kasus(id=kid, jenis=jenis, adegan=adegan, benar=benar, salah=salah, penjelasan=penjelasan,
                 dasar=dasar, nasional=rule if isinstance(rule, AturanNasional) else None, line=line)


def _dasar(r: _Reader, k: yamlio.Map, where: str, corpus: Corpus, skip: frozenset[str],
           unknown: dict[str, list[int]]) -> Mapping[str, tuple[str, ...]] | None:
    """Regulation id -> provision ids, each checked; None after an error. Unknown regulations are
    collected in `unknown` (reported once each by the caller)."""
    if "dasar" not in k:
        return MappingProxyType({})
    dm = r.mapping(k.get("dasar"), r.line_of(k, "dasar"), where + " > dasar")
    if dm is None:
        return None
    regs = {reg.id: reg for reg in corpus.regulations}
    out: dict[str, tuple[str, ...]] = {}
    ok = True
    for rid in dm:
        place = f"{where} > dasar > {rid}"
        reg = regs.get(rid)
        if reg is None and rid not in skip:
            unknown.setdefault(rid, []).append(dm.key_lines[rid])
            ok = False
            continue
        items = r.seq(dm, rid, place)
        if not items:
            r.err(dm.key_lines[rid], place, "no provisions listed.",
                  "list the provision ids that decide the situation, or remove the regulation.")
            ok = False
            continue
        eids: list[str] = []
        for item, line in zip(items, items.item_lines):
            eid = item.strip() if isinstance(item, str) else ""
            if reg is None:  # failed to load: its ids cannot be checked
                continue
            node = reg.provisions.get(eid)
            if node is None:
                near = difflib.get_close_matches(eid, list(reg.provisions), n=3)
                hint = f" (did you mean {', '.join(near)}?)" if near else ""
                r.err(line, place, f"there is no provision '{eid}' in {rid}{hint}.",
                      "use the id from the provision's link (#...) on the regulation page.")
                ok = False
            elif node.type in _NOT_DECIDING:
                r.err(line, place, f"'{eid}' is a whole {node.type}, too broad to decide a situation.",
                      "cite the Pasal, ayat or item that decides it.")
                ok = False
            elif eid in eids:
                r.err(line, place, f"'{eid}' is listed twice.", "list each provision once.")
                ok = False
            else:
                eids.append(eid)
        if reg is not None:
            out[rid] = tuple(eids)
    return MappingProxyType(out) if ok else None


def _nasional(r: _Reader, k: yamlio.Map, where: str, nasional: Mapping[str, AturanNasional] | None
              ) -> AturanNasional | None | bool:
    """The national rule named, None when none is named or it cannot be checked, False after an error."""
    key = r.text(k, "nasional", where)
    if key is None or nasional is None:
        return None
    rule = nasional.get(key)
    if rule is None:
        near = difflib.get_close_matches(key, list(nasional), n=3)
        r.err(r.line_of(k, "nasional"), where, f"'{key}' has no national rule in _aturan_nasional.yaml.",
              f"{'did you mean ' + ', '.join(near) + '? ' if near else ''}name an item stated there "
              "(or state its rule there first).")
        return False
    return rule


__all__ = ["JENIS_KASUS", "KASUS_FILE", "Kasus", "load_kasus"]
