"""Self-check quiz per regulation, generated from the topic coding; deterministic for a given data set.

Two kinds of recall question, configured in `regulations/_kuis.yaml` (loaded by `warga_loader.py`):

- `kata`: "Which of these is listed as a <area> in regulation X?" The options are enacted words,
  each *listed as* something by the regulation's own words: the nearest lead-in or heading above
  it holds a marker word of its area (`penanda`: "dilarang", "kewajiban", ...). The right one is a
  provision of X tagged with an item of the asked area and listed as such. The wrong ones are of
  the same kind (`_same_kind`): other regulations' provisions listed as the asked area (other
  regions' prohibitions, for a prohibition), each of another item, and of an item X holds under no
  topic, compared by item (`_held`: X's items, those related to them, those close in meaning), so a
  trainee never learns that X lacks what it says in other words. Only where other regions offer too
  few, provisions tagged with, and listed as, other areas (`pengecoh`) fill up: of X itself first,
  then of others; such a wrong answer is never covered by a tag of the asked area, never tagged
  with an item related to one of it, and never worded in the negative ("tidak ...", "dilarang ...",
  which would read as a prohibition or a duty).
- `daerah`: "Each option is a <area> item some region lists; which does X list?" The options are
  the items' labels (editorial). The right one is an item X tags; the wrong ones are items other
  regulations tag and X holds under no topic (`_held`, as above). Only for regulations whose
  coding is complete (else an absent tag proves nothing).

And one kind from the situations of `_kasus.yaml` (`kasus.py`), asked first:

- `kasus`: a counter situation of `_kasus.yaml` that the regulation's code decides: the scene, the
  right action and three tempting wrong ones (all editorial); the answer cites the deciding
  provisions with their words, and the editors' explanation. Situations come first (at most
  MAKS_KASUS, drawn by the seeded generator and kept in the file's order); where fewer than that are
  decided by the code, situations decided by a national rule fill up (the answer then cites it).

Every option knows its provenance (regulation, provision, item), so the page can say, after an
answer, where the right answer stands and where each wrong one comes from. Choices use a
`random.Random` seeded with the regulation id and the question's place: the same data gives the
same quiz on every machine, and a change to one regulation changes only the quizzes it touches.
Where the right answer stands is assigned last, over the whole quiz (`_spread`): each run of four
questions puts it once under each letter, so no letter is right much more often than another.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import Iterator, Mapping

from .kasus import Kasus
from .model import Corpus, Node, Regulation
from .nasional import AturanNasional
from .labels import ref_label
from .topics import ButirTopik, Topics, flat_text, parent_map, related_keys

JENIS_SOAL = ("kata", "daerah")
"""Kinds of recall question configured in `_kuis.yaml`; situation questions are `kasus`."""
MAKS_KASUS = 10
"""Situation questions per quiz at most."""
PLACEHOLDER = "{peraturan}"
"""Where a question's wording names the regulation."""
MAX_TEKS = 260
"""Enacted words longer than this make an option nobody reads: such provisions are not used."""
PILIHAN = 4
"""Options per question (one right); fewer when the data offers fewer wrong answers (at least 3)."""
NEGASI = re.compile(r"\b(tidak|dilarang|larangan|jangan|bukan|tanpa|menghindari|menghindarkan)\b", re.I)
"""Words that make a provision read as a prohibition: such words are no wrong answer to "which is
a prohibition" (a duty "tidak menerima imbalan" is one in all but name)."""


@dataclass(frozen=True, slots=True)
class RencanaSoal:
    """One entry of `soal:` in `_kuis.yaml`: questions of one kind about one area."""

    jenis: str
    """`kata` or `daerah`."""
    bidang: str
    """The area asked about, e.g. `larangan`."""
    pengecoh: tuple[str, ...]
    """Areas whose provisions serve as wrong answers (`kata` only)."""
    jumlah: int
    """How many such questions at most."""
    pertanyaan: str
    """The question, with `{peraturan}` where the regulation's short name goes."""
    line: int
    """Line in `_kuis.yaml`, for messages."""


@dataclass(frozen=True)
class KuisData:
    """The quiz configuration (`_kuis.yaml`)."""

    soal: tuple[RencanaSoal, ...]
    """The questions of every quiz, in order."""
    serupa: Mapping[str, frozenset[str]]
    """Item key -> the items of its group of close meaning (itself included)."""
    penanda: Mapping[str, tuple[str, ...]]
    """Area key -> words (or phrases) in a lead-in or heading that list provisions as that area."""

    def marks(self, area: str, text: str) -> bool:
        """Whether `text` (a lead-in or heading) lists what follows as `area`."""
        words = self.penanda.get(area, ())
        return bool(words) and re.search(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b",
                                         text, re.I) is not None


@dataclass(frozen=True)
class Pilihan:
    """One option of a question, with where it comes from."""

    teks: str
    """What the option says: enacted words (`asli`), an item's label, or a situation's action."""
    asli: bool
    """True: the exact words of provision `eid` of `reg`. False: editorial words (a label, an action)."""
    item: ButirTopik | None
    """The topic item the option stands for (None for a situation's action)."""
    benar: bool
    """Whether it is the right answer."""
    reg: Regulation
    """The regulation the words (or, for a label, the example provision) come from."""
    eid: str
    """The provision: of the quizzed regulation for the right answer; for a wrong label, an example
    of a regulation that lists it; for a situation, the first deciding provision (or empty)."""
    label: str
    """Short name of the provision, e.g. `Pasal 11 huruf c`."""


@dataclass(frozen=True, slots=True)
class Kutipan:
    """A provision that decides a question's answer, quoted after the answer."""

    eid: str
    """Its id in the quizzed regulation."""
    label: str
    """Its name in human words, e.g. `Pasal 11 huruf c`."""
    teks: str
    """Its enacted words."""


@dataclass(frozen=True)
class Soal:
    """One question."""

    nomor: int
    """1-based number in the quiz."""
    jenis: str
    """`kata` or `daerah`."""
    bidang: str
    """The area asked about."""
    pertanyaan: str
    """The question, with the regulation named."""
    pilihan: tuple[Pilihan, ...]
    """The options, in the order shown (exactly one is right)."""
    dasar: tuple[Kutipan, ...] = ()
    """The quizzed regulation's provisions that decide the answer, with their words."""
    mengapa: str = ""
    """Why the right answer is right, in plain words (editorial, or the lead-in that lists it)."""
    kasus: Kasus | None = None
    """The situation a `kasus` question asks about."""
    nasional: AturanNasional | None = None
    """For a situation the code does not decide: the national rule that does."""

    @property
    def benar(self) -> int:
        """Index of the right option."""
        return next(i for i, p in enumerate(self.pilihan) if p.benar)

    @property
    def kunci(self) -> str:
        """Anchor of the question on the page."""
        return f"soal-{self.nomor}"


# --------------------------------------------------------------------------- helpers

def _usable(node: Node) -> bool:
    """A provision that can stand as an option: words of its own, nothing nested, short enough."""
    return not node.children and bool(node.text) and len(flat_text(node)) <= MAX_TEKS


def _covering(reg: Regulation, eid: str, topics: Topics, parents) -> set[str]:
    """Items whose tags cover a provision: its own and its ancestors'."""
    out = set(topics.tags_of(reg.id, eid))
    parent = parents.get(eid)
    while parent is not None:
        out.update(topics.tags_of(reg.id, parent.eid))
        parent = parents.get(parent.eid)
    return out


def lead_in(eid: str, parents) -> str:
    """The words that list a provision: its nearest ancestor's heading and text, skipping
    ancestors that have neither (an unnumbered wrapper)."""
    parent = parents.get(eid)
    while parent is not None:
        words = " ".join(w for w in (parent.heading, parent.text) if w)
        if words:
            return words
        parent = parents.get(parent.eid)
    return ""


def _in_force(corpus: Corpus) -> list[Regulation]:
    return [r for r in corpus.regulations if r.status.keadaan != "dicabut"]


def _area_of(key: str) -> str:
    return key.split(".", 1)[0]


def _sample(rng: random.Random, items: list, k: int) -> list:
    return rng.sample(items, min(k, len(items)))


# --------------------------------------------------------------------------- `kata` questions

def _right_options(reg: Regulation, area: str, data: KuisData, topics: Topics) -> list[tuple[ButirTopik, Node]]:
    """Per item of the area that the regulation tags: its first provision usable as an option and
    listed as that area."""
    parents = parent_map(reg)
    out = []
    for item in topics.area(area).items:
        node = next((h.node for h in topics.hits_for(item.key, reg.id)
                     if _usable(h.node) and data.marks(area, lead_in(h.node.eid, parents))), None)
        if node is not None:
            out.append((item, node))
    return out


def _wrong_options(reg: Regulation, plan: RencanaSoal, data: KuisData, topics: Topics, corpus: Corpus
                   ) -> Iterator[tuple[Regulation, ButirTopik, Node]]:
    """Provisions that are certainly not a `plan.bidang` of `reg`: the regulation's own first, in
    document order, then other regulations' in corpus order (read only as far as needed)."""
    asked = {i.key for i in topics.area(plan.bidang).items}
    related = set().union(*(related_keys(topics.items[k], topics) for k in asked))
    for other in [reg] + [r for r in _in_force(corpus) if r.id != reg.id]:
        parents = parent_map(other)
        for eid, keys in topics.tags.get(other.id, {}).items():
            node = other.provisions[eid]
            if not _usable(node) or NEGASI.search(flat_text(node)):
                continue
            covering = _covering(other, eid, topics, parents)
            if covering & asked or covering & related:
                continue
            words = lead_in(eid, parents)
            if data.marks(plan.bidang, words):
                continue
            item = next((topics.items[k] for k in keys
                         if _area_of(k) in plan.pengecoh and data.marks(_area_of(k), words)), None)
            if item is not None:
                yield other, item, node


def _held(reg: Regulation, data: KuisData, topics: Topics) -> set[str]:
    """The items a regulation holds under any topic, with every item related to one (`terkait`)
    and every item close in meaning (`serupa`) to those: what it says, in whatever words."""
    held: set[str] = set()
    for i in topics.items.values():
        if topics.hits_for(i.key, reg.id):
            held |= {i.key} | related_keys(i, topics)
    for key in list(held):
        held |= data.serupa.get(key, frozenset())
    return held


def _same_kind(reg: Regulation, plan: RencanaSoal, data: KuisData, topics: Topics, corpus: Corpus
               ) -> list[tuple[Regulation, ButirTopik, Node]]:
    """Other regulations' provisions listed as `plan.bidang` and tagged with an item of it that
    `reg` does not hold (`_held`), in corpus and document order."""
    held = _held(reg, data, topics)
    out = []
    for other in _in_force(corpus):
        if other.id == reg.id:
            continue
        parents = parent_map(other)
        for eid, keys in topics.tags.get(other.id, {}).items():
            node = other.provisions[eid]
            if not _usable(node) or not data.marks(plan.bidang, lead_in(eid, parents)):
                continue
            item = next((topics.items[k] for k in keys if _area_of(k) == plan.bidang), None)
            if item is not None and not _covering(other, eid, topics, parents) & held:
                out.append((other, item, node))
    return out


def _kata(reg: Regulation, plan: RencanaSoal, data: KuisData, topics: Topics, corpus: Corpus, start: int,
          used: set[str]) -> list[Soal]:
    rights = _right_options(reg, plan.bidang, data, topics)
    if not rights:
        return []
    same = _same_kind(reg, plan, data, topics, corpus)
    # The regulation's own wrong answers, or enough of other regulations' to fill the options.
    wrongs: list[tuple[Regulation, ButirTopik, Node]] = []
    for w in _wrong_options(reg, plan, data, topics, corpus):
        if w[0] is not reg and len(wrongs) >= PILIHAN * 3:
            break
        wrongs.append(w)
    own = [w for w in wrongs if w[0] is reg]
    rng = random.Random(f"{reg.id}|kata|{plan.bidang}|{start}")
    chosen = _sample(rng, rights, plan.jumlah)
    order = {eid: i for i, eid in enumerate(reg.provisions)}
    chosen.sort(key=lambda pair: order[pair[1].eid])
    out: list[Soal] = []
    for item, node in chosen:
        right_text = flat_text(node)
        picked: list[tuple[Regulation, ButirTopik, Node]] = []
        seen, items = {right_text}, {item.key}
        for w in rng.sample(same, len(same)):  # one option per item: two wordings of one rule would give it away
            if len(picked) < PILIHAN - 1 and flat_text(w[2]) not in seen and w[1].key not in items:
                picked.append(w)
                seen.add(flat_text(w[2]))
                items.add(w[1].key)
        pool = [w for w in own if flat_text(w[2]) != right_text]
        if len(pool) < PILIHAN - 1 - len(picked):
            pool += [w for w in wrongs if w[0] is not reg and flat_text(w[2]) != right_text]
        for w in rng.sample(pool, len(pool)):
            if len(picked) == PILIHAN - 1:
                break
            text = flat_text(w[2])
            if text not in seen:
                picked.append(w)
                seen.add(text)
        if len(picked) < 2:
            continue
        used.add(item.key)
        options = [Pilihan(right_text, True, item, True, reg, node.eid, ref_label(reg, node.eid))]
        options += [Pilihan(flat_text(n), True, it, False, r, n.eid, ref_label(r, n.eid)) for r, it, n in picked]
        rng.shuffle(options)
        listed = lead_in(node.eid, parent_map(reg))
        out.append(Soal(start + len(out), "kata", plan.bidang, plan.pertanyaan.replace(PLACEHOLDER, reg.singkatan),
                        tuple(options), dasar=(_kutipan(reg, node.eid),),
                        mengapa=f"Peraturan ini mencantumkannya di bawah kata-kata: \u201c{listed}\u201d"
                        if listed else item.penjelasan))
    return out


# --------------------------------------------------------------------------- `daerah` questions

def _daerah(reg: Regulation, plan: RencanaSoal, data: KuisData, topics: Topics, corpus: Corpus, start: int,
            used: set[str]) -> list[Soal]:
    if not topics.is_complete(reg.id):
        return []
    items = topics.area(plan.bidang).items
    mine = [i for i in items if topics.hits_for(i.key, reg.id)]
    # Compare by item, not by area: an item the code holds under another topic (a duty, a value)
    # in other words is no wrong answer either.
    near = _held(reg, data, topics)
    others = [r for r in _in_force(corpus) if r.id != reg.id]
    wrongs = []
    for i in items:
        if i.key in near or topics.hits_for(i.key, reg.id):
            continue
        example = next((r for r in others if topics.hits_for(i.key, r.id)), None)
        if example is not None:
            wrongs.append((i, example, topics.hits_for(i.key, example.id)[0].node))
    if len(wrongs) < 2 or not mine:
        return []
    rng = random.Random(f"{reg.id}|daerah|{plan.bidang}|{start}")
    fresh = [i for i in mine if i.key not in used] or mine
    out: list[Soal] = []
    for item in _sample(rng, fresh, plan.jumlah):
        used.add(item.key)
        node = topics.hits_for(item.key, reg.id)[0].node
        options = [Pilihan(item.label, False, item, True, reg, node.eid, ref_label(reg, node.eid))]
        options += [Pilihan(i.label, False, i, False, r, n.eid, ref_label(r, n.eid))
                    for i, r, n in _sample(rng, wrongs, PILIHAN - 1)]
        rng.shuffle(options)
        out.append(Soal(start + len(out), "daerah", plan.bidang,
                        plan.pertanyaan.replace(PLACEHOLDER, reg.singkatan), tuple(options),
                        dasar=tuple(_kutipan(reg, h.node.eid) for h in topics.hits_for(item.key, reg.id)[:2]),
                        mengapa=item.penjelasan))
    return out


# --------------------------------------------------------------------------- `kasus` questions

SITUASI = "Apa yang seharusnya Anda lakukan menurut {peraturan}?"
"""The question under a situation's scene."""
SITUASI_NASIONAL = "Apa yang seharusnya Anda lakukan? ({peraturan} tidak mengaturnya; aturan nasional berlaku.)"
"""... for a situation only a national rule decides."""


def _kutipan(reg: Regulation, eid: str) -> Kutipan:
    return Kutipan(eid, ref_label(reg, eid), flat_text(reg.provisions[eid], with_marker=False))


def _situasi(reg: Regulation, kasus: tuple[Kasus, ...], start: int) -> list[Soal]:
    """Situation questions: those the code decides, then (up to MAKS_KASUS) those a national rule decides."""
    rng = random.Random(f"{reg.id}|kasus")
    own = [k for k in kasus if k.dasar.get(reg.id)]
    national = [k for k in kasus if not k.dasar.get(reg.id) and k.nasional is not None]
    chosen = _sample(rng, own, MAKS_KASUS)
    chosen += _sample(rng, national, MAKS_KASUS - len(chosen))
    chosen.sort(key=kasus.index)
    out: list[Soal] = []
    for k in chosen:
        cited = tuple(_kutipan(reg, eid) for eid in k.dasar.get(reg.id, ()))
        eid, label = (cited[0].eid, cited[0].label) if cited else ("", "")
        options = [Pilihan(k.benar, False, None, True, reg, eid, label)]
        options += [Pilihan(w, False, None, False, reg, "", "") for w in k.salah]
        question = (SITUASI if cited else SITUASI_NASIONAL).replace(PLACEHOLDER, reg.singkatan)
        out.append(Soal(start + len(out), "kasus", k.jenis, question, tuple(options), dasar=cited,
                        mengapa=k.penjelasan, kasus=k, nasional=None if cited else k.nasional))
    return out


def _spread(soal: list[Soal], seed: str) -> tuple[Soal, ...]:
    """Put each question's right answer under the letter a balanced sequence gives it: every run of
    four questions uses each of A-D once, in an order drawn from `seed`. The wrong options keep
    their order. A question with fewer options takes the letter modulo its length."""
    rng = random.Random(seed)
    letters: list[int] = []
    while len(letters) < len(soal):
        block = list(range(PILIHAN))
        rng.shuffle(block)
        letters += block
    out = []
    for s, letter in zip(soal, letters):
        right = s.pilihan[s.benar]
        wrong = [p for p in s.pilihan if not p.benar]
        wrong.insert(letter % len(s.pilihan), right)
        out.append(replace(s, pilihan=tuple(wrong)))
    return tuple(out)


def buat_kuis(reg: Regulation, data: KuisData, topics: Topics, corpus: Corpus,
              kasus: tuple[Kasus, ...] = ()) -> tuple[Soal, ...]:
    """The quiz of one regulation: situation questions (from `kasus`), then the configured recall
    questions that its data can support; numbered, the right answers spread over the letters."""
    soal: list[Soal] = _situasi(reg, kasus, 1)
    used: set[str] = set()
    for plan in data.soal:
        start = len(soal) + 1
        if plan.jenis == "kata":
            soal += _kata(reg, plan, data, topics, corpus, start, used)
        else:
            soal += _daerah(reg, plan, data, topics, corpus, start, used)
    return _spread(soal, f"{reg.id}|huruf")
