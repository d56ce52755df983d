"""`kodeetik import FILE.pdf` on the five curated regulations printed to PDF (tests/pdfkit.py).

Each is imported uncurated into a copy of the data without it (and without its topic coding, which a
new regulation does not have yet), compared with the curated data (same ids, same words), and the
copy must then pass every check of the strict build. No build, no browser: these run in seconds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pdfkit
from conftest import ROOT
from importer_compare import REGULATIONS, compare_loaded
from macros.kodeetik import load_corpus
from macros.kodeetik.importer.frompdf import import_pdf
from macros.kodeetik.validate import check

pytestmark = pytest.mark.site  # prints five regulations to PDF and imports them (a minute): not the fast tier

TARGET = 0.97
"""Issue 14: at least 97% of the provisions with the curated ids and words."""
PINNED: dict[str, float] = {}
"""Achieved below the target (none now: the Kaltim deck keeps 189/189 since a deck is also told by
its structure and a repeated slide title over new text heads a new group). Pin a regulation here
only with its achieved figure; raise a pin when the figure gets better, never lower it."""
EDITORIAL = {"pergub-kaltim-8-2025"}
"""Its references to unnumbered units resolve only through the editors' `peta_rujukan` (the deck
prints no Pasal numbers), which no import can write: its draft builds once that is added."""


def import_into_copy(tmp: Path, reg_id: str, pdf: Path):
    data, sources = tmp / "regulations", tmp / "sources"
    shutil.copytree(ROOT / "regulations", data)
    shutil.copytree(ROOT / "sources", sources)
    (data / f"{reg_id}.yaml").unlink()
    (data / "_topik" / f"{reg_id}.yaml").unlink()
    result = import_pdf(pdf, data / f"{reg_id}.yaml", data_dir=data, sources_dir=sources)
    return result, data, sources


@pytest.mark.parametrize("reg_id", REGULATIONS)
def test_text_layer_pdf_keeps_the_curated_provisions_and_builds(tmp_path, reg_id):
    result, data, sources = import_into_copy(tmp_path, reg_id, pdfkit.printed(reg_id))
    checked = check(data, sources_dir=sources)  # raises DataErrors on any error of the build
    if reg_id in EDITORIAL:
        assert pdfkit.curated()[reg_id].peta_rujukan
        assert all(w.file.endswith(f"{reg_id}.yaml") for w in checked.warnings)
    else:
        assert not checked.warnings, checked.warnings
    draft = next(r for r in checked.corpus.regulations if r.id == reg_id)
    comparison = compare_loaded(pdfkit.curated()[reg_id], draft)
    assert comparison.share >= PINNED.get(reg_id, TARGET), comparison.report()
    # Provenance: the text read from the PDF is in sources/, the PDF named with its hash.
    assert draft.sumber.berkas == f"{reg_id}.txt" and (sources / draft.sumber.berkas).is_file()
    assert draft.sumber.pdf == f"{reg_id}.pdf"
    assert draft.sumber.sha256 == result.reading.sha256 and re.fullmatch(r"[0-9a-f]{64}", draft.sumber.sha256)


def test_pages_noise_and_provision_pages_of_a_printed_regulation(tmp_path):
    reg_id = "perbup-bengkayang-51-2020"
    result, data, sources = import_into_copy(tmp_path, reg_id, pdfkit.printed(reg_id))
    reading = result.reading
    text = (sources / f"{reg_id}.txt").read_text(encoding="utf-8")
    # A form feed before each page after the first; the page numbers and footers stay in the text.
    assert text.count("\f") == len(reading.pages) - 1 >= 5
    assert "- 2 -" in text and "Perbup Bengkayang 51/2020" in text
    # ... and go to sumber.derau, not into a provision.
    draft = next(r for r in load_corpus(data, sources_dir=sources).regulations if r.id == reg_id)
    derau = [d.baris for d in draft.sumber.derau]
    assert "- 2 -" in derau and "Perbup Bengkayang 51/2020" in derau
    assert not any("Perbup Bengkayang 51/2020" in (n.text or "") for n in draft.provisions.values())
    # Each provision's page: Menimbang on page 1, the last Pasal on the last page with text.
    pages = {p.eid: p.page for p in result.placed}
    assert pages["menimbang__huruf_a"] == 1
    assert pages["bab_7__pasal_19"] == max(pages.values()) > 5
    assert sorted(pages.values()) == [p.page for p in result.placed]  # in reading order
    # The report names each page with the provisions drafted from it.
    report = "\n".join(result.report_lines())
    assert re.search(r"page 1: Menimbang huruf a, Menimbang huruf b", report)
    assert "Pasal 19" in report.split("- page ")[-1]


def test_hyphenation_at_line_ends_is_decided_and_recorded():
    result = import_pdf(pdfkit.printed("perbup-bengkayang-51-2020"), None, None, None)
    reading = result.reading
    joined = [d for d in reading.decisions if " -> " in d]
    assert joined, "the printed PDF is hyphenated; the reader must have joined words"
    # Compound and repeated words keep their hyphen even when broken at it.
    assert "Undang-Undang" in reading.text and "perundang-undangan" in reading.text
    assert not re.search(r"\b(?:Undang- Undang|pe- laksana|pelaya-nan)\b", reading.text)
    for text in (reading.text, result.yaml_text):  # the report is in the draft as comments
        assert "\u00ad" not in text and "\u2010" not in text and "\x02" not in text


def test_cli_imports_a_pdf_and_writes_the_draft_the_text_and_the_preview(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(ROOT / "regulations", project / "regulations")
    (project / "sources").mkdir()
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    pdf = tmp_path / "Perbup Dinsos.pdf"
    shutil.copy(pdfkit.printed("kep-dinsos-banten-2024"), pdf)
    run = subprocess.run([sys.executable, "-m", "macros.kodeetik.cli", "import", str(pdf), "-o",
                          "regulations/kep-baru-2024.yaml", "--preview", "pratinjau.html"],
                         cwd=project, capture_output=True, text=True, env=_env())
    assert run.returncode == 0, run.stderr
    assert "Provisions by page" in run.stderr and "Traceback" not in run.stderr
    draft = (project / "regulations" / "kep-baru-2024.yaml").read_text(encoding="utf-8")
    assert "pdf: Perbup Dinsos.pdf" in draft and "berkas: Perbup-Dinsos.txt" in draft
    assert (project / "sources" / "Perbup-Dinsos.txt").is_file()
    assert (project / "pratinjau.html").stat().st_size > 10_000


def _env() -> dict:
    import os

    return {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
