"""Malformed data never reaches a reader: the corpus of broken inputs in tests/bad_data/.

Each case is a folder of files laid over a copy of the project (format: tests/bad_data/README.md).
For every case the real `mkdocs build --strict` runs on that fixture project, whose `site/` holds the
project's own site built earlier, and must: exit non-zero, print each expected message with its
file, line (or place) and a fix, print no traceback, and leave the earlier site byte-identical.
`kodeetik validate` must print the same messages.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import make_project, run_mkdocs
from htmltext import text_of

CORPUS = Path(__file__).resolve().parent / "bad_data"
BASE = CORPUS / "_base"
CASES = sorted(d for d in CORPUS.iterdir() if d.is_dir() and not d.name.startswith("_"))


def spec_of(case: Path) -> dict:
    return yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))


def overlay(src: Path, project: Path) -> None:
    for path in sorted(src.rglob("*")):
        if path.is_file() and path.name != "case.yaml":
            target = project / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def case_project(tmp_path: Path, case: Path | None) -> Path:
    """The project with the corpus' base regulation, and the case's files, deletions and padding."""
    project = make_project(tmp_path)
    overlay(BASE, project)
    if case is None:
        return project
    spec = spec_of(case)
    overlay(case, project)
    for pattern in spec.get("delete", ()):
        for path in glob.glob(str(project / pattern)):
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    if "pad" in spec:  # a file too large to keep in the repository: padded here with a comment
        path = project / spec["pad"]["file"]
        with open(path, "ab") as fh:
            fh.write(b"#" * (spec["pad"]["to_bytes"] - path.stat().st_size))
    return project


def manifest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def reported(output: str, expect: dict) -> str | None:
    """The output line reporting `expect` (file, line, place, message, fix), or None."""
    loc = f"{expect['file']}:{expect['line']}" if "line" in expect else f"{expect['file']}"
    for line in output.splitlines():
        if loc + (" " if "line" in expect else "") not in line + " " and f"{loc}:" not in line:
            continue
        if "line" not in expect and re.search(re.escape(expect["file"]) + r":\d", line):
            continue  # the case says the problem concerns the whole file: no line number
        if "where" in expect and f"[{expect['where']}]" not in line:
            continue
        message, _, fix = line.partition(" Fix: ")
        if expect["message"] in message and expect["fix"] in fix and fix.strip():
            return line
    return None


@pytest.fixture(scope="module")
def earlier_site(real_site):
    """The project's site as built before the data broke, and its files' digests."""
    return real_site.site, manifest(real_site.site)


def test_the_corpus_is_large_enough_and_each_case_says_what_it_breaks():
    assert len(CASES) >= 25
    for case in CASES:
        spec = spec_of(case)
        assert spec["what"] and spec["expect"], case.name
        assert set(spec) <= {"what", "expect", "errors", "delete", "pad", "timeout", "only_build"}, case.name


def test_base_of_the_corpus_builds_even_with_a_bom_and_crlf_line_ends(tmp_path):
    """Negative control: the valid base each case breaks builds, so every failure below is the
    case's own. Saved with a byte-order mark and Windows line ends, which are accepted."""
    project = case_project(tmp_path, None)
    reg = project / "regulations" / "perbup-contoh-7-2024.yaml"
    reg.write_bytes(b"\xef\xbb\xbf" + reg.read_bytes().replace(b"\n", b"\r\n"))
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    html = (build.site / "peraturan/perbup-contoh-7-2024/index.html").read_text(encoding="utf-8")
    pasal_2 = re.search(r'<section class="ke-unit ke-pasal" data-eid="bab_1__pasal_2">.*?</section>', html, re.S)
    assert "Pelaksana dilarang meminta imbalan di luar ketentuan." in text_of(f"<div id='x'>{pasal_2.group(0)}</div>", id="x")
    assert "\r" not in html and "\ufeff" not in html


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_data_stops_the_build_with_a_clear_message(case, tmp_path, earlier_site, monkeypatch, capsys):
    spec = spec_of(case)
    project = case_project(tmp_path, case)
    site, before = earlier_site
    shutil.copytree(site, project / "site")
    build = run_mkdocs(project, project / "site", timeout=spec.get("timeout", 600))  # a hang fails here
    out = build.output
    assert build.returncode != 0, out
    assert "Traceback" not in out, out
    for expect in spec["expect"]:
        assert reported(out, expect), f"not reported as expected: {expect}\n{out}"
    if "errors" in spec:
        n = spec["errors"]
        assert f"{n} error{'s' if n != 1 else ''} in the regulation data:" in out, out
    # Every problem listed says how to fix it.
    listed = [ln for ln in out.splitlines()
              if ln.startswith("  - ") or "Unresolved reference:" in ln or "Not read:" in ln]
    assert listed and all(" Fix: " in ln for ln in listed), out
    assert manifest(project / "site") == before, "the earlier site was changed"
    assert [p.name for p in project.iterdir() if p.name.startswith("site")] == ["site"]  # no staging left

    # The command line a maintainer runs before building says the same.
    from macros.kodeetik import cli

    if spec.get("only_build"):
        return  # the reason is in the case

    monkeypatch.chdir(project)
    assert cli.main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for expect in spec["expect"]:
        assert reported(err, expect), f"kodeetik validate did not report {expect}\n{err}"


def test_reported_finds_only_the_expected_place():
    """The matcher is strict: a wrong line, place, message or missing fix is not a match."""
    line = "  - regulations/a.yaml:7 [wilayah]: unknown wilayah '9'. Fix: use a code."
    good = {"file": "regulations/a.yaml", "line": 7, "where": "wilayah", "message": "unknown wilayah", "fix": "code"}
    assert reported(line, good)
    for key, value in (("line", 8), ("where", "nomor"), ("message", "unknown key"), ("fix", "delete"),
                       ("file", "regulations/b.yaml")):
        assert not reported(line, {**good, key: value}), key
    assert not reported(line.split(" Fix:")[0], good)
    whole_file = {"file": "regulations/a.yaml", "message": "unknown wilayah", "fix": "code"}
    assert not reported(line, whole_file)  # the case says "no line", the report has one
    assert reported("  - regulations/a.yaml: the file is empty. Fix: fill it in.",
                    {"file": "regulations/a.yaml", "message": "empty", "fix": "fill"})
