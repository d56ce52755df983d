"""What a regulation's training teaches with: the situations its code decides, and session plans.

The handbook shows three situations of `_kasus.yaml` that the regulation's own provisions decide,
with the right action and the provisions cited in human words (`Pasal 11 huruf c`, never a
provision id: ids are for the site, not for print). The trainer's sheet carries a 60- and a
90-minute session plan: timed steps with what to show, which of those situations to discuss, the
questions to ask and the answer key. Only situations the regulation decides are used: a situation
decided only by a national rule would teach the trainee to cite something the code does not say.
Nothing here knows MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .kasus import JENIS_KASUS, Kasus
from .model import Regulation
from .labels import ref_label

KASUS_BUKU = 3
"""Situations worked through in the handbook."""


@dataclass(frozen=True)
class KasusDibahas:
    """A situation as a regulation's training shows it: with its provisions in human words."""

    kasus: Kasus
    """The situation."""
    dasar: tuple[str, ...]
    """The regulation's provisions that decide it, as citations (`Pasal 7 ayat (1) huruf b`)."""


@dataclass(frozen=True)
class Langkah:
    """One timed step of a session plan."""

    menit: int
    """Minutes it takes."""
    judul: str
    """What the step is about."""
    tampilkan: str
    """What the trainer shows."""
    pertanyaan: tuple[str, ...] = ()
    """Questions to ask the group."""
    kasus: tuple[KasusDibahas, ...] = ()
    """Situations to discuss (the answer key: their right action and provisions)."""


@dataclass(frozen=True)
class Sesi:
    """A session plan of a fixed length."""

    menit: int
    """Its length in minutes (the steps add up to it)."""
    langkah: tuple[Langkah, ...]
    """Its steps, in order."""


def decided(reg: Regulation, kasus: tuple[Kasus, ...]) -> tuple[KasusDibahas, ...]:
    """The situations the regulation's own provisions decide, taking the kinds in turn
    (prohibition, duty, service culture, complaint, sanction, then again) so that the first few
    cover as many kinds as the code decides; within a kind, in the file's order."""
    by_kind: dict[str, list[KasusDibahas]] = {j: [] for j in JENIS_KASUS}
    for k in kasus:
        eids = [e for e in k.dasar.get(reg.id, ()) if not reg.belum_pasti(e)]
        if eids:
            by_kind[k.jenis].append(KasusDibahas(k, tuple(ref_label(reg, e) for e in eids)))
    out: list[KasusDibahas] = []
    while any(by_kind.values()):
        for j in JENIS_KASUS:
            if by_kind[j]:
                out.append(by_kind[j].pop(0))
    return tuple(out)


def kasus_buku(reg: Regulation, kasus: tuple[Kasus, ...]) -> tuple[KasusDibahas, ...]:
    """The situations the handbook works through."""
    return decided(reg, kasus)[:KASUS_BUKU]


def rencana(reg: Regulation, kasus: tuple[Kasus, ...]) -> tuple[Sesi, ...]:
    """The 60- and the 90-minute plan of a regulation's session; none when its code decides no
    situation (a session without cases to discuss is a reading, not a plan)."""
    pool = decided(reg, kasus)
    if not pool:
        return ()
    name = reg.singkatan
    return (_plan(name, 60, (5, 10, 10, 25, 10), pool[:3]),
            _plan(name, 90, (10, 15, 15, 35, 15), pool[:6]))


def _plan(name: str, total: int, minutes: tuple[int, int, int, int, int],
          discussed: tuple[KasusDibahas, ...]) -> Sesi:
    buka, larang, wajib, diskusi, tutup = minutes
    steps = (
        Langkah(buka, "Pembukaan: siapa yang terikat dan mengapa",
                f"Sampul dan halaman \"Tentang peraturan ini\" buku orientasi {name}.",
                ("Pernahkah Anda melihat rekan ditawari imbalan oleh warga? Apa yang ia lakukan?",)),
        Langkah(larang, "Yang tidak boleh dilakukan",
                "Halaman \"Yang harus diingat\" bagian Jangan, dan poster larangan bila ada.",
                (f"Sebutkan tiga larangan dalam {name} beserta pasalnya.",
                 "Larangan mana yang paling sering dilanggar di loket kita?")),
        Langkah(wajib, "Yang harus dilakukan",
                "Halaman \"Yang harus diingat\" bagian Lakukan.",
                ("Kewajiban mana yang paling sulit dijalankan saat antrean panjang, dan mengapa?",)),
        Langkah(diskusi, f"Diskusi {len(discussed)} kasus di loket",
                "Bacakan setiap kasus; kelompok memilih tindakan dan menyebut pasalnya, lalu bandingkan "
                "dengan kunci jawaban.",
                ("Apa yang Anda lakukan, dan ketentuan mana yang memutuskannya?",), discussed),
        Langkah(tutup, "Pengaduan, sanksi, dan penutup",
                "Halaman \"Yang harus diingat\" bagian sanksi dan saluran pengaduan; lalu kuis di situs.",
                ("Ke mana warga mengadu bila dilayani tidak sesuai kode etik?",
                 "Apa akibatnya bagi pegawai yang melanggar?")),
    )
    return Sesi(total, steps)
