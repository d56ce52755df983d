"""A Lampiran: its header lines, its title, its content (provisions, or forms kept line by line)
and the signature under it."""

from __future__ import annotations

import re

from . import markers as mk
from . import metadata, rules, structure
from .lines import Line, Log
from .nodes import DNode

FORM_TITLE = mk.FORM_TITLE
HEADER_WORDS = re.compile(r"^(NOMOR|TANGGAL|TENTANG|LAMPIRAN)\b")


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().upper()


def _header_like(para: list[Line]) -> bool:
    return all(mk.is_caps(ln.text) or HEADER_WORDS.match(ln.text) for ln in para)


def parse(lines: list[Line], jabatan: str | None, log: Log, used: set[int], title_lines: set[str]):
    """Returns the lampiran as a dict for the draft, and the checks for the report."""
    checks: list[tuple[int, str]] = []
    first = lines[0]
    m = mk.LAMPIRAN.match(first.text)
    num = m.group(1) if m else None
    paras = metadata._paragraphs(lines)
    kepala: list[str] = []
    judul_lines: list[Line] = []
    k = 0
    if len(paras[0]) > 1:
        kepala = [ln.text for ln in paras[0]]
        k = 1
        if k < len(paras) and (FORM_TITLE.match(paras[k][0].text) or _header_like(paras[k])):
            judul_lines = paras[k]
            k += 1
    else:
        heads: list[list[Line]] = []
        while k < len(paras) and _header_like(paras[k]) and not (heads and FORM_TITLE.match(paras[k][0].text)):
            heads.append(paras[k])
            k += 1
            if FORM_TITLE.match(heads[-1][0].text):
                break
        if len(heads) > 1:
            judul_lines = heads[-1]
            heads = heads[:-1]
        kepala = [ln.text for p in heads for ln in p]
    for p in paras[:k]:
        for ln in p:
            used.add(ln.no)
    judul = " ".join(ln.text for ln in judul_lines) or None
    content_start = paras[k][0] if k < len(paras) else None
    content = lines[lines.index(content_start):] if content_start is not None else []
    form = bool(judul and FORM_TITLE.match(judul))

    segments, signature = _split_signatures(content, jabatan, log, used)
    children: list[DNode] = []
    if form:
        for s, seg in enumerate(segments):
            heading = None
            body = [ln for ln in seg]
            while body and body[0].blank:
                body.pop(0)
            if body and FORM_TITLE.match(body[0].text) and s > 0:
                heading = body.pop(0).text
                used.add(seg[0].no)
            text = _form_text(body)
            if not text:
                continue
            for ln in body:
                used.add(ln.no)
            children.append(DNode(type="formulir", heading=heading, text=text, no=body[0].no,
                                  checks=["CHECK: a form, kept line by line; compare its layout and blanks "
                                          "with the original"]))
    else:
        text_lines = rules.clean_text([ln for seg in segments for ln in seg], log, title_lines)
        parser = structure.BodyParser(log, used, peraturan=False)
        root = parser.parse(structure.classify(text_lines))
        children = root.children
        checks.extend(parser.checks)
    out = {"num": num, "kepala": kepala, "judul": judul, "children": children, "ditetapkan": signature}
    return out, checks


def _split_signatures(content: list[Line], jabatan: str | None, log: Log, used: set[int]):
    """Cut the content at signature blocks (the signer's position, then the name)."""
    paras = metadata._paragraphs(content)
    target = _norm(jabatan) if jabatan else None
    sig_at: list[int] = []
    for i, para in enumerate(paras):
        text = " ".join(ln.text for ln in para)
        if (target and _norm(text) == target) or (
                not target and mk.is_caps(text) and text.endswith(",") and i + 1 < len(paras)
                and i >= len(paras) - 3):
            sig_at.append(i)
    segments: list[list[Line]] = []
    signature = None
    start = 0
    for i in sig_at:
        seg_paras = paras[start:i]
        segments.append([ln for p in seg_paras for ln in p + [Line("", p[-1].no, "", page=p[-1].page)]])
        j = i + 1
        name_paras: list[list[Line]] = []
        while j < len(paras) and not FORM_TITLE.match(paras[j][0].text) and len(name_paras) < 2 \
                and not mk.LAMPIRAN.match(paras[j][0].text):
            name_paras.append(paras[j])
            j += 1
        sig = metadata.signatory([paras[i]] + name_paras)
        names = [ln for p in name_paras for ln in p]
        for ln in paras[i] + names:
            used.add(ln.no)
        for ln in names:
            if sig["nama"] and ln.text not in (sig["nama"], sig["pangkat"]) and not metadata.NIP.match(ln.text):
                log.drop(ln, "signature read as text")
        signature = signature or sig
        start = j
    segments.append([ln for p in paras[start:] for ln in p + [Line("", p[-1].no, "", page=p[-1].page)]])
    return [s for s in segments if any(not ln.blank for ln in s)], signature


def _form_text(lines: list[Line]) -> str:
    out: list[str] = []
    for ln in lines:
        text = re.sub(r"\t+", "   ", ln.text).rstrip()
        if not text and (not out or not out[-1]):
            continue
        out.append(text)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
