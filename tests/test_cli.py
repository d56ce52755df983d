"""The `kodeetik` command line: help, import (never overwriting without --force), and validate
with the build's own messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, make_project, run_mkdocs

KODEETIK = Path(sys.executable).parent / "kodeetik"
SOURCE = ROOT / "sources" / "002_2afcf35ea1abcc2e.txt"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    assert KODEETIK.exists(), "the console script is installed with the project (pip install -e .)"
    return subprocess.run([str(KODEETIK), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, words", [
    ((), ["import", "validate"]),
    (("import",), ["SOURCE.txt", "--output", "--force", "report"]),
    (("validate",), ["PATH", "Exits with 1"]),
])
def test_help_for_each_command(args, words):
    proc = run(*args, "--help")
    assert proc.returncode == 0
    for word in words:
        assert word in proc.stdout
    assert "usage: kodeetik" in proc.stdout


def test_import_to_stdout_with_report_on_stderr():
    proc = run("import", str(SOURCE))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# Import report: 002_2afcf35ea1abcc2e.txt")
    assert "\njenis: Keputusan Kepala Dinas\n" in proc.stdout
    assert "Found: 7 huruf, 51 angka, 3 diktum, 2 teks; 1 lampiran." in proc.stderr
    assert "jenis:" not in proc.stderr  # the draft itself goes to stdout only


def test_import_never_overwrites_without_force(tmp_path):
    target = tmp_path / "kep-dinsos-banten-2024.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    proc = run("import", str(SOURCE), "-o", str(target))
    assert proc.returncode == 1
    assert "already exists" in proc.stderr and "--force" in proc.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    proc = run("import", str(SOURCE), "-o", str(target), "--force")
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8").count("\nid: kep-dinsos-banten-2024\n") == 1
    assert proc.stdout == ""


def test_imported_draft_validates(tmp_path):
    project = make_project(tmp_path)
    (project / "regulations" / "kep-dinsos-banten-2024.yaml").unlink()
    proc = run("import", str(SOURCE), "-o", "regulations/kep-dinsos-banten-2024.yaml", cwd=project)
    assert proc.returncode == 0, proc.stderr
    proc = run("validate", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("OK: ")
    proc = run("validate", "regulations/kep-dinsos-banten-2024.yaml", cwd=project)
    assert proc.returncode == 0, proc.stderr


def test_validate_reports_the_same_errors_as_the_build(tmp_path):
    project = make_project(tmp_path)
    path = project / "regulations" / "perbup-bengkayang-51-2020.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("wilayah: '61.07'", "wilayah: '99.99'").replace(
        "  - type: huruf\n    num: a\n    text: bahwa berdasarkan ketentuan",
        "  - type: hurup\n    num: a\n    text: bahwa berdasarkan ketentuan"), encoding="utf-8")
    proc = run("validate", cwd=project)
    assert proc.returncode == 1
    errors = [ln.strip() for ln in proc.stderr.splitlines() if ln.strip().startswith("- ")]
    assert len(errors) == 2, proc.stderr
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode != 0
    for error in errors:
        assert error in build.output, f"{error!r} not in the build's output"
    # One file: the same messages, with the file as given.
    proc = run("validate", "regulations/perbup-bengkayang-51-2020.yaml", cwd=project)
    assert proc.returncode == 1
    assert "regulations/perbup-bengkayang-51-2020.yaml:7 [wilayah]: unknown wilayah '99.99'." in proc.stderr
    # Negative control: another, valid file of the same folder passes on its own.
    assert run("validate", "regulations/kep-dinsos-banten-2024.yaml", cwd=project).returncode == 0


def test_validate_rejects_what_is_not_data(tmp_path):
    proc = run("validate", str(tmp_path / "nothing.txt"))
    assert proc.returncode == 2
    assert "neither a folder" in proc.stderr
