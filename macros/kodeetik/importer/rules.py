"""Cleaning rules: each repairs or removes one kind of extraction noise, and logs what it did.

Line rules (`LINE_RULES`) run on the whole text before its structure is read. Text rules
(`TEXT_RULES`) run afterwards on running text only (not on forms, whose line breaks and blanks
are kept as written). A rule that changes words logs a `Repair`; one that drops a line logs
`Noise`; one that only removes formatting counts it.
"""

from __future__ import annotations

import re
from typing import Callable

from . import columns, pages, runin, spaced
from .lines import Line, Log
from .ruledata import rule_data

TERMINAL = ".;:,!?"


# --------------------------------------------------------------------------- line rules

ANNOTATION = re.compile(r"^\[[^\]\n]{2,60}\]$")


def drop_annotations(lines: list[Line], log: Log) -> list[Line]:
    """`[Handwritten Signature]`, `[Stamp]`: notes the extraction tool wrote for images."""
    out = []
    for line in lines:
        if ANNOTATION.match(line.text):
            log.drop(line, "annotation")
            continue
        out.append(line)
    return out


BULLET = re.compile(r"^(?:[-–•▪◦●○■□➢►✓✔\uf0b7\uf0a7]|\*(?=\s))\s+")


def strip_bullets(lines: list[Line], log: Log) -> list[Line]:
    """Bullet glyphs in their styles (-, •, ▪, ➢, ...): removed from the text, kept as a flag."""
    for line in lines:
        m = BULLET.match(line.text)
        if m and line.text[m.end():].strip():
            line.text = line.text[m.end():].strip()
            line.bullet = True
            log.count("bullet glyph")
    return lines


EMPHASIS_PAIR = re.compile(r"(?<![\w*])(\*{1,3})(?=\w)(.+?)(?<=[\w.,;:!?])\1(?![\w*])")
EMPHASIS = re.compile(r"(?<!\*)\*+(?![*)])")
"""Markdown emphasis from the extractor. A lone run of asterisks before `)` is a footnote mark (`*)`)."""


def strip_emphasis(lines: list[Line], log: Log) -> list[Line]:
    """`**bold**` and `*italic*` marks of the extractor's Markdown; footnote marks `*)` stay."""
    for line in lines:
        new, n = EMPHASIS_PAIR.subn(r"\2", line.text)
        new, m = EMPHASIS.subn("", new)
        n += m
        if n:
            line.text = new.strip() if line.tabbed else re.sub(r" {2,}", " ", new).strip()
            log.count("emphasis mark", n)
    return lines


def apply_misreadings(lines: list[Line], log: Log) -> list[Line]:
    """Known misreadings from the rule list in rules.yaml, e.g. "dan garing atau" -> "dan/atau"."""
    rules = [(re.compile(r["dari"]), r["menjadi"], r["alasan"]) for r in rule_data()["misreadings"]]
    for line in lines:
        for pattern, menjadi, alasan in rules:
            for m in list(pattern.finditer(line.text)):
                if m.group(0) != m.expand(menjadi):  # `menjadi` may name groups of `dari` (\1)
                    log.repair(line, "misreading", m.group(0), m.expand(menjadi), alasan)
            line.text = pattern.sub(menjadi, line.text)
    return lines


DOUBLE_MARKER = re.compile(r"^([a-z]|\d{1,2})\.\s*\1\.\s*(?=\S)")


def dedupe_markers(lines: list[Line], log: Log) -> list[Line]:
    """A list marker read twice: "e. e.membuat" -> "e. membuat"."""
    for line in lines:
        m = DOUBLE_MARKER.match(line.text)
        if m:
            word = line.text[m.end():].split(maxsplit=1)[0]  # the marker is followed by a non-space
            dari = line.text[:m.end()] + word
            menjadi = f"{m.group(1)}. {word}"
            log.repair(line, "double marker", dari, menjadi, "penanda huruf/angka ganda hasil ekstraksi")
            line.text = menjadi + line.text[len(dari):]
    return lines


def join_spaced_letters(lines: list[Line], log: Log) -> list[Line]:
    """Letters spaced out by extraction: "P E R A T U R A N  B U P A T I" -> "PERATURAN BUPATI" (see
    `spaced`); the word boundaries come from wider gaps, else from the document's words."""
    if not any(spaced.SPACED_RUN.search(line.text) for line in lines):
        return lines
    known = spaced.base_words() | frozenset(
        w.lower() for line in lines if spaced.spaced_share(line.text) < 0.5 for w in WORD.findall(line.text))
    for line in lines:
        if line.tabbed or not spaced.SPACED_RUN.search(line.text):
            continue
        before = line.text
        line.text, guessed = spaced.restore(line.text, known)
        log.repair(line, "spaced letters", before, line.text, "huruf berjarak hasil ekstraksi")
        if guessed:
            log.guess(line, f"spaced-out letters cut into words with a word list: '{line.text}'; check")
    return lines


PARAF_START = re.compile(r"^([a-z])\s+([A-Z][^a-z]*)$")
PARAF_END = re.compile(r"^([^a-z]*[A-Z][^a-z]*?)\s+([a-z])$")


def drop_paraf_marks(lines: list[Line], log: Log) -> list[Line]:
    """A lone small letter before or after a line in capitals is a paraf read as a letter."""
    for line in lines:
        m = PARAF_START.match(line.text) or PARAF_END.match(line.text)
        if not m:
            continue
        kept = m.group(2) if m.re is PARAF_START else m.group(1)
        dari = line.raw.strip()
        log.repair(line, "paraf mark", dari, kept, "paraf/tanda tangan terbaca sebagai huruf")
        line.text = kept
    return lines


PAGE_NUMBER = re.compile(r"^(?:-\s*\d{1,3}\s*-|\d{1,3}|(?:hal(?:aman)?\.?\s*)\d{1,3}(?:\s*(?:dari|/)\s*\d{1,3})?|"
                         r"\d{1,3}\s*/\s*\d{1,3})$", re.IGNORECASE)


def drop_page_numbers(lines: list[Line], log: Log) -> list[Line]:
    """Page numbers ("7", "- 7 -", "Halaman 7 dari 9") on lines of their own (not table cells)."""
    out = []
    for line in lines:
        if not line.tabbed and PAGE_NUMBER.match(line.text):
            log.drop(line, "page number")
            continue
        out.append(line)
    return out


STRAY = re.compile(r"^(?:[✶✱✳✴✵✷✸✹★☆•·◆◇■□▪▫●○◦※§¶|~^`]+|(?=[A-Za-z/]*\d)(?=[0-9/]*[A-Za-z])[A-Za-z0-9/]{2,4})$")


def drop_stray_marks(lines: list[Line], log: Log) -> list[Line]:
    """Lines of dingbats ("✶") or short letter-digit scraps ("X6", "X/5") from stamps and scans."""
    out = []
    for line in lines:
        if STRAY.match(line.text) and not line.tabbed:
            log.drop(line, "stray mark")
            continue
        out.append(line)
    return out


def drop_noise_lines(lines: list[Line], log: Log) -> list[Line]:
    """Lines from the noise list in rules.yaml ("TERIMA KASIH" of a slide deck, "ttd")."""
    known = {n.lower() for n in rule_data()["noise_lines"]}
    out = []
    for line in lines:
        if line.text.lower().rstrip(TERMINAL + " ") in known:
            log.drop(line, "noise line")
            continue
        out.append(line)
    return out


def _page_number(line: Line) -> bool:
    return not line.tabbed and bool(PAGE_NUMBER.match(line.text))


def drop_page_furniture(lines: list[Line], log: Log) -> list[Line]:
    """Page numbers, running headers and furniture phrases next to a page boundary; site chrome
    anywhere (see `pages`)."""
    data = rule_data()
    furniture = [re.compile(p, re.IGNORECASE) for p in data["page_furniture"]]
    chrome = [re.compile(p, re.IGNORECASE) for p in data["site_chrome"]]
    return pages.drop_page_furniture(lines, log, furniture, chrome, _page_number)


def split_run_in(lines: list[Line], log: Log) -> list[Line]:
    """Run-in units on lines of their own (see `runin`); an item split off with its bullet glyph
    loses the glyph as any bullet does."""
    return strip_bullets(runin.split_run_in(lines, log), log)


LINE_RULES: list[Callable[[list[Line], Log], list[Line]]] = [
    drop_annotations, drop_page_furniture, drop_page_numbers, strip_bullets, strip_emphasis, apply_misreadings, dedupe_markers,
    join_spaced_letters, columns.join_column_labels, split_run_in, drop_paraf_marks, drop_stray_marks,
    drop_noise_lines,
]


def clean_lines(lines: list[Line], log: Log) -> list[Line]:
    for rule in LINE_RULES:
        lines = rule(lines, log)
    return lines


# --------------------------------------------------------------------------- text rules

def _reduplicated(first: str, second: str) -> bool:
    """"kehati" + "hatian", "perundang" + "undangan", "surat" + "menyurat": the hyphen of a repeated
    word stays."""
    a, b = first.lower(), second.lower()
    for k in range(min(len(a), len(b)), 2, -1):
        # "hal-hal" repeats the whole first part; otherwise the repeated stem is 4 letters or more
        # ("menju-" + "njung" is a broken word, not a repetition of "nju").
        if a.endswith(b[:k]) and (k == len(a) or k >= 4):
            return True
    # Repetition with a prefix: "surat-menyurat", "tolong-menolong" (meN- takes the first letter).
    return len(a) >= 4 and len(b) > len(a) and b.endswith(a[1:]) and b[:2] in ("me", "be", "te", "pe")


WORD_OR_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def vocabulary(lines: list[Line]) -> dict[str, int]:
    """How often each word (and each hyphenated compound) occurs in the text, lower case."""
    counts: dict[str, int] = {}
    for line in lines:
        for w in WORD_OR_COMPOUND.findall(line.text):
            counts[w.lower()] = counts.get(w.lower(), 0) + 1
    return counts


def hyphen_join(first: str, second: str, words: dict[str, int]) -> str:
    """The word a hyphen at a line end broke, decided with the document's own words first: the
    hyphenated form written elsewhere keeps its hyphen, the joined form written elsewhere is joined;
    then the word list `kata_berhubung` (rules.yaml) and repetitions keep it; a break before a
    capital ("Undang-" + "Undang") keeps it; anything else is a typesetter's break and is joined."""
    kept, joined = f"{first}-{second}", first + second
    if words.get(kept.lower()):
        return kept
    if words.get(joined.lower()):
        return joined
    listed = {w.lower() for w in rule_data().get("kata_berhubung") or []}
    if kept.lower() in listed or _reduplicated(first, second) or second[:1].isupper():
        return kept
    return joined


HYPHEN_END = re.compile(r"(\S*[A-Za-z])-$")
WORD_START = re.compile(r"^([A-Za-z]\S*)")


def join_hyphenated(lines: list[Line], log: Log, words: dict[str, int] | None = None) -> list[Line]:
    """A word broken across lines with a hyphen: "pelaya-" + "nan" -> "pelayanan", also over blank
    lines and a page break; "Undang-" + "Undang" and "perundang-" + "undangan" keep the hyphen
    (see `hyphen_join`)."""
    words = vocabulary(lines) if words is None else words
    out: list[Line] = []
    for line in lines:
        prev = next((ln for ln in reversed(out) if not ln.blank), None)
        m1 = HYPHEN_END.search(prev.text) if prev is not None else None
        m2 = WORD_START.match(line.text) if not line.bullet and not line.blank else None
        if prev is not None and m1 and m2 and not (line.text[:1].isupper() and not m1.group(1).split()[-1][:1].isupper()):
            first, second = m1.group(1).split()[-1], m2.group(1)
            word = hyphen_join(first, second.rstrip(TERMINAL + ")"), words) + second[len(second.rstrip(TERMINAL + ")")):]
            raw_first = prev.raw.rstrip().split()[-1] if prev.raw.strip() else first + "-"
            raw_second = line.raw[:len(line.raw) - len(line.raw.lstrip())] + line.raw.lstrip().split()[0]
            between = "\n" + "".join(ln.raw + "\n" for ln in out[out.index(prev) + 1:])
            dari = f"{raw_first}{between}{raw_second}"
            if not prev.raw.strip().endswith("-") or "\n" in prev.raw:  # joined before: keep it simple
                dari = f"{first}-{between}{second}"
            log.repair(prev, "hyphenation", dari, word.rstrip(TERMINAL), "kata terpotong tanda hubung di akhir baris")
            prev.text = prev.text[:m1.start()] + m1.group(1)[:-len(first)] + word + line.text[m2.end():]
            prev.raw = prev.raw + between + line.raw
            while out and out[-1].blank:
                out.pop()
            continue
        out.append(line)
    return out


INLINE_HYPHEN = re.compile(r"\b([A-Za-z]{2,})- ([a-z]{2,})\b")


def join_inline_hyphen(lines: list[Line], log: Log) -> list[Line]:
    """A hyphenated break that the extraction turned into "word- word": "bercakap- cakap"."""
    for line in lines:
        for m in list(INLINE_HYPHEN.finditer(line.text)):
            first, second = m.group(1), m.group(2)
            word = f"{first}-{second}" if _reduplicated(first, second) else first + second
            log.repair(line, "hyphenation", m.group(0), word, "spasi sisipan hasil ekstraksi")
        line.text = INLINE_HYPHEN.sub(
            lambda m: f"{m.group(1)}-{m.group(2)}" if _reduplicated(m.group(1), m.group(2))
            else m.group(1) + m.group(2), line.text)
    return lines


WORD = re.compile(r"[A-Za-z]+")


def join_split_words(lines: list[Line], log: Log) -> list[Line]:
    """A word split by a stray space ("pemerin tahan") is joined when the whole word occurs elsewhere
    in the same text and its first part never stands alone."""
    text = "\n".join(line.text for line in lines).lower()
    counts: dict[str, int] = {}
    for w in WORD.findall(text):
        counts[w] = counts.get(w, 0) + 1
    # How often each pair of words stands side by side (counted once: searching the text for each
    # candidate made a large text quadratic).
    pairs: dict[tuple[str, str], int] = {}
    for m in re.finditer(r"(?=\b([a-z]+) ([a-z]+)\b)", text):
        pair = (m[1], m[2])
        pairs[pair] = pairs.get(pair, 0) + 1
    for line in lines:
        tokens = line.text.split(" ")
        i = 0
        while i + 1 < len(tokens):
            first, second = tokens[i], re.findall(r"^[a-z]*", tokens[i + 1])[0]
            if (len(first) >= 3 and first.isalpha() and first.islower() and len(second) >= 2
                    and counts.get(first + second)
                    and counts.get(first, 0) == pairs.get((first, second), 0)):
                log.repair(line, "split word", f"{first} {second}", first + second, "kata terpisah hasil ekstraksi")
                tokens[i:i + 2] = [first + tokens[i + 1]]
            i += 1
        line.text = " ".join(tokens)
    return lines


def _structural(text: str) -> bool:
    from . import markers as mk
    return bool(mk.BAB.match(text) or mk.BAGIAN.match(text) or mk.PARAGRAF.match(text)
                or mk.PASAL.match(text) or mk.DIKTUM.match(text) or mk.item(text) is not None
                or mk.DITETAPKAN.match(text) or mk.PADA_TANGGAL.match(text) or mk.LABEL.match(text)
                or mk.LAMPIRAN.match(text) or mk.PENUTUP.match(text))


def _first_line_length(raw: str) -> int:
    """Length of the first source line of `raw`, without copying it: the pieces of a split run-in
    line share their whole source line (200 KB in an abstract of one line)."""
    end = raw.find("\n")
    return len((raw if end < 0 else raw[:end]).strip())


def _wrap_width(lines: list[Line]) -> int:
    """How long a line must be to count as wrapped at the margin: most lines of a wrapped text run
    close to the margin, so take 70% of the length that nine lines in ten do not exceed."""
    lengths = sorted(_first_line_length(ln.raw) for ln in lines if ln.text)
    if not lengths:
        return 45
    return max(30, int(0.7 * lengths[int(0.9 * (len(lengths) - 1))]))
REFERENCE_END = re.compile(r"\b(?:ayat|huruf|angka|[Pp]asal \d+)$")
LIST_END = re.compile(r"[;,]\s*(?:dan|atau|dan/atau|serta)$")


def join_broken_lines(lines: list[Line], log: Log) -> list[Line]:
    """A sentence broken over lines (a page break, a wrapped line) is one line again.

    The next line continues the one before when that one does not end a sentence and the next line
    starts in lower case, or (no blank line between) when the one before is long like a wrapped line.
    A line in capitals (a heading) is never continued, nor is a line with a list marker.
    """
    from . import markers as mk
    out: list[Line] = []
    gap = False
    width = _wrap_width(lines)
    for line in lines:
        if line.blank:
            gap = True
            out.append(line)
            continue
        prev = next((ln for ln in reversed(out) if not ln.blank), None)
        if prev is None:  # nothing to join to yet
            out.append(line)
            gap = False
            continue
        # "... sebagaimana dimaksud pada ayat" + "(1) ..." is a reference broken before its number.
        reference = REFERENCE_END.search(prev.text) and mk.item(line.text) is not None
        joinable = (not mk.is_caps(prev.text) and (reference or not _structural(line.text))
                    and not (mk.is_caps(line.text) and mk.is_heading_like(line.text))
                    and not (mk.BAB.match(prev.text) or mk.PASAL.match(prev.text)))
        lower = (joinable and line.text[:1].islower() and prev.text[-1] not in ".;:!?"
                 and not LIST_END.search(prev.text))
        # A wrapped line runs to the margin and goes on with no blank line; it may end with a comma.
        # A page break is no paragraph break; nor is a blank line after a line that runs to the
        # margin and stops mid-sentence (no punctuation at all): a PDF text layer writes both.
        page_break = gap and prev.page != line.page
        long_open = len(prev.text) >= width and prev.text[-1] not in TERMINAL
        wrapped = (joinable and not line.bullet and len(prev.text) >= width and prev.text[-1] not in ".;:!?"
                   and (not gap or page_break or long_open))
        conjunction = joinable and line.text in ("dan", "atau", "dan/atau", "serta")
        wrapped = wrapped or bool(joinable and reference)
        if wrapped and gap and not page_break:
            log.guess(line, "joined to the line before across a blank line (a sentence going on); check")
        if lower or wrapped or conjunction:
            prev.text = f"{prev.text} {line.text}"
            prev.raw = f"{prev.raw}\n{line.raw}"
            while out and out[-1].blank:  # the blank lines of a page break go with the break
                out.pop()
            log.count("broken line joined")
        else:
            out.append(line)
        gap = False
    return out


def drop_running_headers(lines: list[Line], log: Log, title_lines: set[str]) -> list[Line]:
    """Running headers: a line repeated on every page (three times or more, or any copy of the
    title) inside running text. Lists, labels and form fields are never headers."""
    def key(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip()

    def candidate(line: Line) -> bool:
        t = line.text
        # The tail of a wrapped sentence ("Peraturan Bupati ini.", "pengguna layanan;") repeats
        # too, but it ends a clause or starts in lower case: a header does neither.
        return (not line.blank and not line.bullet and not _structural(t) and len(t.split()) >= 2
                and t[-1] not in ":,.;" and "..." not in t and not t[:1].islower())

    counts: dict[str, int] = {}
    for line in lines:
        if candidate(line):
            counts[key(line.text)] = counts.get(key(line.text), 0) + 1
    titles = {key(t) for t in title_lines}
    out = []
    for line in lines:
        if candidate(line) and (counts[key(line.text)] >= 3 or key(line.text) in titles):
            log.drop(line, "running header")
            continue
        out.append(line)
    return out


def clean_text(lines: list[Line], log: Log, title_lines: set[str], words: dict[str, int] | None = None) -> list[Line]:
    """The text rules, for running text (not forms). `words`: the document's vocabulary (see
    `vocabulary`), to decide hyphenation; by default that of `lines`."""
    lines = drop_running_headers(lines, log, title_lines)
    lines = join_hyphenated(lines, log, words)
    lines = join_broken_lines(lines, log)
    lines = join_inline_hyphen(lines, log)
    return lines
