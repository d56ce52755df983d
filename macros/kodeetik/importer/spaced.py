"""Letters spaced out by extraction ("P E R A T U R A N  B U P A T I", "b a h w a b e r d a s a r k a n")
restored, with the word boundaries kept.

Where the extraction left wider gaps between words (two spaces or more), those are the boundaries.
Where every gap is one space, the letters are cut into words with the document's own words (those
of its lines that are not spaced out) and the word list `kata_dasar` of rules.yaml: the cut that
covers the letters with the longest known words wins (dynamic programming). Digits spaced out are
one number ("3 1" is "31"); punctuation sticks to the word before it. A cut made with the word
list is a guess and is listed in the report.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .ruledata import rule_data

SPACED_RUN = re.compile(r"(?<!\S)(?:\S {1,3}){3,}\S(?!\S)")
"""Four characters or more, each standing alone, one to three spaces apart."""
ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"}


def spaced_share(text: str) -> float:
    """Share of the non-space characters that stand alone between spaces."""
    tokens = text.split()
    chars = sum(len(t) for t in tokens)
    return sum(1 for t in tokens if len(t) == 1) / chars if chars else 0.0


def _segment(letters: str, known: frozenset[str]) -> list[str]:
    """Cut `letters` into words, preferring long known words (scores: known word len², unknown
    letter -3)."""
    n = len(letters)
    best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for end in range(1, n + 1):
        choice = (best[end - 1][0] - 3, end - 1)
        for start in range(max(0, end - 25), end):
            word = letters[start:end]
            if word.lower() in known or word.upper() in ROMAN:
                score = best[start][0] + len(word) ** 2
                if score > choice[0]:
                    choice = (score, start)
        best[end] = choice
    words, end = [], n
    while end > 0:
        start = best[end][1]
        words.append(letters[start:end])
        end = start
    words.reverse()
    # Unknown single letters next to each other stay one word ("X Y Z" of a name not in the lists).
    out: list[str] = []
    for w in words:
        if out and len(w) == 1 and w.lower() not in known and len(out[-1]) >= 1 and out[-1].lower() not in known:
            out[-1] += w
        else:
            out.append(w)
    return out


def _restore_run(run: str, known: frozenset[str]) -> tuple[str, bool]:
    """A run of spaced characters as words; True when the word list decided the boundaries."""
    if re.search(r"\S {2,}\S", run):
        return " ".join(w.replace(" ", "") for w in re.split(r" {2,}", run)), False
    chars = run.split(" ")
    out: list[str] = []
    guessed = False
    i = 0
    while i < len(chars):
        j = i
        kind = "digit" if chars[i].isdigit() else "alpha" if chars[i].isalpha() else "punct"
        while j < len(chars) and (chars[j].isdigit() if kind == "digit" else chars[j].isalpha()
                                  if kind == "alpha" else not chars[j].isalnum()):
            j += 1
        group = "".join(chars[i:j])
        if kind == "alpha":
            words = _segment(group, known)
            guessed = guessed or len(words) > 1
            out += words
        elif kind == "punct" and out:
            out[-1] += group
        else:
            out.append(group)
        i = j
    return " ".join(out), guessed


def restore(text: str, known: frozenset[str]) -> tuple[str, bool]:
    """`text` with its spaced-out runs restored; True when a word list decided a boundary."""
    guessed = False

    def sub(m: re.Match) -> str:
        nonlocal guessed
        restored, g = _restore_run(m.group(0), known)
        guessed = guessed or g
        return restored

    return re.sub(r" {2,}", " ", SPACED_RUN.sub(sub, text)).strip(), guessed


@lru_cache(maxsize=1)
def base_words() -> frozenset[str]:
    return frozenset(w.lower() for w in rule_data().get("kata_dasar") or [])
