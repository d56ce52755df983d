"""Test PDFs made from the curated data, so the PDF import can be tested without the internet.

`print_regulation` typesets a regulation from `regulations/*.yaml` (through the data model) with
WeasyPrint in the layout Indonesian regulations use: F4 paper (215 x 330 mm), the heading centred,
the label column of Menimbang/Mengingat/Menetapkan ("Menimbang : a. ..."), BAB and Pasal centred,
hanging list markers, page numbers "- 2 -" at the top from page 2, a running footer with the short
name, the signature block on the right, each Lampiran on a new page with its header block.
`rasterise` turns such a PDF into an image-only PDF like a scan: grey levels, a little noise, a
slight skew. Both are deterministic (seeded), so a test session can cache them.
"""

from __future__ import annotations

import functools
import html
import random
import re
from pathlib import Path

from conftest import ROOT

FONTS = ROOT / "content" / "assets" / "poster" / "fonts"
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")

CSS = """
@font-face { font-family: Body; src: url(LiberationSans-Regular.ttf); }
@font-face { font-family: Body; font-weight: bold; src: url(LiberationSans-Bold.ttf); }
@page { size: 215mm 330mm; margin: 25mm 20mm 25mm 30mm;
        @bottom-right { content: "%(footer)s"; font: 8pt Body; color: #444; } }
@page :first { @bottom-right { content: none; } }
@page body { @top-center { content: "- " counter(page) " -"; font: 11pt Body; } }
@page body:first { @top-center { content: none; } }
html { font: 11.5pt/1.45 Body; text-align: justify; hyphens: auto; }
body { page: body; margin: 0; }
p { margin: 0 0 2.5mm; }
.c { text-align: center; margin: 0 0 3mm; }
.b { font-weight: bold; }
.gap { height: 5mm; }
table.label { border-collapse: collapse; width: 100%%; margin-bottom: 3mm; }
table.label td { vertical-align: top; padding: 0 0 2mm 0; }
td.l { width: 27mm; } td.colon { width: 5mm; }
.li { padding-left: 8mm; text-indent: -8mm; margin: 0 0 1.5mm; }
.mk { display: inline-block; width: 8mm; text-indent: 0; }
.sub { margin-left: 8mm; }
.sig { margin-left: 50%%; text-align: left; margin-top: 6mm; }
.sig p { margin: 0; text-align: left; }
.lamp { break-before: page; }
.lamphead { margin-left: 45%%; text-align: left; margin-bottom: 8mm; }
.lamphead p { margin: 0; text-align: left; }
pre { font: 10.5pt/1.4 Body; white-space: pre-wrap; margin: 0 0 3mm; }
"""


def _e(text: str | None) -> str:
    return html.escape(text or "")


def _tanggal(d) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}" if d else ""


def _marker(node) -> str:
    """The marker as printed. A `marker` of the style "a)" or "1)" stands for the style (the data of
    one regulation gives "a)" to every item of a list); the paper numbers each item."""
    if node.type == "butir":
        return "•"
    if node.marker and re.fullmatch(r"[a-z1]\)", node.marker) and node.num:
        return f"{node.num})"
    return node.display_marker


def _node(node) -> str:
    """One provision and its children, as the paper shows it."""
    t = node.type
    out = []
    if t == "bab":
        out.append(f'<div class="gap"></div><p class="c">BAB {_e(node.num)}</p>')
        if node.heading:
            out.append(f'<p class="c">{_e(node.heading)}</p>')
    elif t in ("bagian", "paragraf"):
        label = "Bagian" if t == "bagian" else "Paragraf"
        out.append(f'<div class="gap"></div><p class="c">{label} {_e(node.num)}</p>')
        if node.heading:
            out.append(f'<p class="c">{_e(node.heading)}</p>')
    elif t == "pasal":
        out.append(f'<div class="gap"></div><p class="c">Pasal {_e(node.num)}</p>')
        if node.heading:
            out.append(f'<p class="c">{_e(node.heading)}</p>')
        if node.text:
            out.append(f"<p>{_e(node.text)}</p>")
    elif t == "kelompok":
        if node.heading:
            out.append(f'<p class="b">{_e(node.heading)}</p>')
        if node.text:
            out.append(f"<p>{_e(node.text)}</p>")
    elif t == "formulir":
        if node.heading:
            out.append(f'<p class="c">{_e(node.heading)}</p>')
        out.append(f"<pre>{_e(node.text)}</pre>")
    elif t == "teks":
        if node.heading:
            out.append(f'<p class="b">{_e(node.heading)}</p>')
        out.append(f"<p>{_e(node.text)}</p>")
    elif t == "diktum":
        out.append(f'<table class="label"><tr><td class="l">{_e(node.num)}</td><td class="colon">:</td>'
                   f"<td>{_e(node.text)}{''.join(_node(c) for c in node.children)}"
                   f"{'<p>' + _e(node.text_after) + '</p>' if node.text_after else ''}</td></tr></table>")
        return "".join(out)
    else:  # ayat, huruf, angka, butir: a hanging marker
        words = " ".join(w for w in (node.heading, node.text) if w)
        out.append(f'<p class="li"><span class="mk">{_e(_marker(node))}</span>{_e(words)}</p>')
        if node.children or node.text_after:
            inner = "".join(_node(c) for c in node.children)
            after = f"<p>{_e(node.text_after)}</p>" if node.text_after else ""
            return "".join(out) + f'<div class="sub">{inner}{after}</div>'
        return "".join(out)
    out += [_node(c) for c in node.children]
    if node.text_after:
        out.append(f"<p>{_e(node.text_after)}</p>")
    return "".join(out)


def _label_rows(label: str, nodes) -> str:
    rows = []
    for i, node in enumerate(nodes):
        inner = "".join(_node(c) for c in node.children)
        rows.append(f'<tr><td class="l">{label if i == 0 else ""}</td><td class="colon">{":" if i == 0 else ""}'
                    f'</td><td><p class="li"><span class="mk">{_e(node.display_marker)}</span>{_e(node.text)}</p>'
                    f'{inner}</td></tr>')
    return f'<table class="label">{"".join(rows)}</table>'


def _signature(pen, kind: str) -> str:
    if pen is None:
        return ""
    lines = [f"{kind} di {_e(pen.tempat)}"] if pen.tempat else []
    lines += [f"pada tanggal {_tanggal(pen.tanggal)}"] if pen.tanggal else []
    lines += [_e(pen.pejabat.jabatan), "", "", _e(pen.pejabat.nama)]
    if pen.pejabat.pangkat:
        lines.append(_e(pen.pejabat.pangkat))
    if pen.pejabat.nip:
        lines.append(f"NIP. {_e(pen.pejabat.nip)}")
    return '<div class="sig">' + "".join(f"<p>{ln or '&nbsp;'}</p>" for ln in lines) + "</div>"


def regulation_html(reg) -> str:
    parts = ['<div class="b">']
    parts += [f'<p class="c">{_e(k)}</p>' for k in reg.kepala]
    parts.append('<div class="gap"></div>')
    if reg.judul:  # on paper: the kind, NOMOR ..., TENTANG and the subject on lines of their own
        for piece in re.split(r" (?=NOMOR\b)| (?=TENTANG\b)|(?<=\bTENTANG) ", reg.judul):
            parts.append(f'<p class="c">{_e(piece)}</p>')
    parts.append("</div>")
    parts += [f'<p class="c">{_e(k)}</p>' for k in reg.pembukaan]
    parts.append('<div class="gap"></div>')
    if reg.menimbang:
        parts.append(_label_rows("Menimbang", reg.menimbang))
    if reg.mengingat:
        parts.append(_label_rows("Mengingat", reg.mengingat))
    if reg.memutuskan or reg.diktum:
        parts.append('<p class="c">MEMUTUSKAN:</p>')
        parts.append(f'<table class="label"><tr><td class="l">Menetapkan</td><td class="colon">:</td>'
                     f"<td>{_e(reg.memutuskan)}</td></tr></table>")
    parts += [_node(n) for n in (*reg.batang_tubuh, *reg.diktum)]
    parts += [f"<p>{_e(p)}</p>" for p in reg.penutup]
    parts.append(_signature(reg.ditetapkan, "Ditetapkan"))
    if reg.diundangkan:
        parts.append(_signature(reg.diundangkan, "Diundangkan").replace('class="sig"', 'class="sig" style="margin-left:0"'))
    if reg.pengundangan:
        parts.append(f'<p class="b">{_e(reg.pengundangan)}</p>')
    if reg.tembusan:
        parts.append("<p>Tembusan:</p>" + "".join(f'<p class="li"><span class="mk">{i}.</span>{_e(t)}</p>'
                                                  for i, t in enumerate(reg.tembusan, 1)))
    for lamp in reg.lampiran:
        parts.append('<div class="lamp"><div class="lamphead">')
        parts += [f"<p>{_e(k)}</p>" for k in lamp.kepala]
        parts.append("</div>")
        if lamp.judul:
            parts.append(f'<p class="c b">{_e(lamp.judul)}</p><div class="gap"></div>')
        parts += [_node(n) for n in lamp.children]
        parts.append(_signature(lamp.ditetapkan, "Ditetapkan"))
        parts.append("</div>")
    css = CSS % {"footer": reg.singkatan.replace('"', "'")}
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><style>{css}</style></head>'
            f"<body>{''.join(parts)}</body></html>")


def print_regulation(reg, target: Path) -> Path:
    """Typeset `reg` into the PDF `target` (a text-layer PDF, fonts embedded)."""
    from weasyprint import HTML

    HTML(string=regulation_html(reg), base_url=str(FONTS) + "/").write_pdf(target)
    return target


def rasterise(source: Path, target: Path, dpi: int = 300, seed: int = 1) -> Path:
    """An image-only copy of `source`, like a scan: grey, speckled, turned by a fraction of a degree."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    images = []
    pdf = pdfium.PdfDocument(str(source))
    try:
        for page in pdf:
            img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            img = img.rotate(rng.uniform(-0.4, 0.4), resample=Image.BICUBIC, expand=False, fillcolor=255)
            img = img.filter(ImageFilter.GaussianBlur(0.4))
            px = img.load()
            w, h = img.size
            for _ in range(w * h // 2500):  # sparse dark and light specks
                x, y = rng.randrange(w), rng.randrange(h)
                px[x, y] = rng.choice((60, 200))
            images.append(img)
    finally:
        pdf.close()
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target


# --------------------------------------------------------------------------- cached per test session

_FOLDER: list[Path] = []


def _folder() -> Path:
    """One temporary folder per test process, removed at exit."""
    if not _FOLDER:
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="kodeetik-pdf-"))
        atexit.register(shutil.rmtree, folder, True)
        _FOLDER.append(folder)
    return _FOLDER[0]


@functools.cache
def curated():
    from macros.kodeetik import load_corpus

    return {r.id: r for r in load_corpus(ROOT / "regulations").regulations}


@functools.cache
def printed(reg_id: str) -> Path:
    """The regulation printed to a text-layer PDF (once per test session)."""
    return print_regulation(curated()[reg_id], _folder() / f"{reg_id}.pdf")


@functools.cache
def scanned(reg_id: str) -> Path:
    """The printed PDF as an image-only 'scan' (once per test session)."""
    return rasterise(printed(reg_id), _folder() / f"{reg_id}-scan.pdf")
