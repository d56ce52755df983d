"""What `kodeetik import` accepts: UTF-8 text (or a detected Windows-1252/Latin-1 text, converted
without losing a letter and reported), and nothing else: binary, empty, blank, too large input and
an output path that is a folder or cannot be written are refused with one line and exit 2, never a
traceback. Pure logic: the command runs in-process."""

from __future__ import annotations

import pytest
from conftest import ROOT

from macros.kodeetik import cli
from macros.kodeetik.importer import MAX_BYTES, SourceError, import_file
from macros.kodeetik.importer.source import decode

SOURCE = ROOT / "sources" / "002_2afcf35ea1abcc2e.txt"
OPENING = ("BUPATI CONTOH\n\nPERATURAN BUPATI CONTOH\nNOMOR 5 TAHUN 2021\nTENTANG\nKODE ETIK PELAYANAN PUBLIK\n\n"
           "Menimbang : a. bahwa pelayanan publik di Kabupaten Contoh perlu diatur;\n")


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(["import", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def refused(capsys, path, *more: str) -> str:
    status, out, err = run(capsys, str(path), *more)
    assert status == 2, err
    assert out == ""
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("content, words", [
    (b"", "is empty:"),
    (b"  \n\t\n \r\n", "is empty (only blank space)"),
    (b"\xc2\xa0\n\xe2\x80\x83\n", "only blank characters"),
    (b"abc\x00def" * 40, "NUL bytes"),
    ("PERATURAN".encode("utf-16"), "NUL bytes"),
    (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "is a PDF file"),
    (b"PK\x03\x04" + b"x" * 50, "ZIP archive"),
    (bytes(range(1, 32)) * 20 + b"Pasal 1", "control characters"),
    (b"\xe4\xb8\xad\xe6\x96\x87" * 10 + b"\xff\xfe\x81", "is not UTF-8 text"),
])
def test_refused_inputs(tmp_path, capsys, content, words):
    path = tmp_path / "source.txt"
    path.write_bytes(content)
    message = refused(capsys, path)
    assert words in message and str(path) in message


def test_too_large_input_is_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: the size alone refuses it
    assert "at most 5 MB" in refused(capsys, path)


def test_missing_source(tmp_path, capsys):
    assert "does not exist" in refused(capsys, tmp_path / "nope.txt")


def test_utf8_with_form_feeds_and_bom_is_accepted(tmp_path, capsys):
    """Negative control for the refusals: ordinary text, with the page breaks pdftotext writes."""
    path = tmp_path / "ok.txt"
    path.write_bytes(b"\xef\xbb\xbf" + OPENING.replace("\n\nMenimbang", "\n\f\nMenimbang").encode())
    status, out, err = run(capsys, str(path))
    assert status == 0, err
    assert "jenis: Peraturan Bupati" in out and "Source encoding" not in err


def test_legacy_encoding_is_converted_and_reported(tmp_path, capsys):
    path = tmp_path / "old.txt"
    path.write_bytes(OPENING.replace("diatur", "diatur \u2013 d\u00e9ngan \u00b1 catatan").encode("cp1252"))
    status, out, err = run(capsys, str(path))
    assert status == 0, err
    assert "diatur \u2013 d\u00e9ngan \u00b1 catatan" in out  # every letter kept
    assert "Source encoding: not UTF-8; read as cp1252" in err
    assert "\ufffd" not in out


def test_decode_prefers_utf8():
    assert decode("d\u00e9ngan".encode(), "x").encoding == "utf-8"
    assert decode("d\u00e9ngan teks".encode("cp1252"), "x").encoding == "cp1252"
    # 0x81 is undefined in cp1252: Latin-1 reads every byte.
    assert decode(b"d\xe9ngan \x81teks", "x").encoding == "latin-1"
    # Mostly letters outside ASCII: not an Indonesian text in a legacy encoding.
    with pytest.raises(SourceError, match="not UTF-8"):
        decode("\u00e9\u00e8\u00ea\u00eb\u00e0\u00e2 ".encode("cp1252") * 5, "x")
    with pytest.raises(SourceError):
        decode(b"", "x")


def test_output_folder_is_refused(tmp_path, capsys):
    message = refused(capsys, SOURCE, "-o", str(tmp_path))
    assert "is a folder" in message
    assert list(tmp_path.iterdir()) == []


def test_output_without_permission_is_refused(tmp_path, capsys, monkeypatch):
    # The tests may run as root, for whom every path is writable: the permission check is simulated.
    monkeypatch.setattr(cli.os, "access", lambda path, mode: False)
    assert "cannot be written" in refused(capsys, SOURCE, "-o", str(tmp_path / "kep-x-2024.yaml"))
    assert not (tmp_path / "kep-x-2024.yaml").exists()


def test_output_write_failure_is_one_line(capsys):
    """A path whose folder exists but refuses files (/proc, even for root) fails when written."""
    assert "could not be written to /proc/kep-x-2024.yaml" in refused(capsys, SOURCE, "-o", "/proc/kep-x-2024.yaml")


def test_import_file_raises_source_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(SourceError, match="is empty"):
        import_file(path)


def test_an_importer_bug_is_one_line_not_a_traceback(tmp_path, capsys, monkeypatch):
    """The last resort: an exception inside a rule is reported in one line, exit 3, nothing written."""
    from macros.kodeetik.importer import draft

    def broken(ctx):
        raise KeyError("rule")
    monkeypatch.setattr(draft, "STAGES", [broken])
    target = tmp_path / "kep-x-2024.yaml"
    status = cli.main(["import", str(SOURCE), "-o", str(target)])
    err = capsys.readouterr().err
    assert status == 3 and "Traceback" not in err and "bug in the importer" in err
    assert len(err.strip().splitlines()) == 1
    assert not target.exists()


MARKERS = "\n".join(["a.", "1.", "(1)", "Pasal 1", "BAB I", "Menimbang", ":", "-", "•", "KESATU :", "LAMPIRAN", "Pasal"] * 20)
UNBALANCED = ("BAB I\nBAB II\nPasal 3\nPasal 2\nBagian Kedua\nParagraf 9\nLAMPIRAN II\nTENTANG\nTENTANG\n"
              "MEMUTUSKAN:\nMEMUTUSKAN:\nMenetapkan :\nDitetapkan di\nPERATURAN BUPATI NOMOR\nNOMOR TAHUN\n"
              "(1) (2) (4)\nz. y. x.\n")


@pytest.mark.parametrize("content", [
    b"",
    bytes(range(256)) * 4,
    b"\x1b[31m\x7f\x08" * 200 + b"Pasal 1",
    MARKERS.encode(),
    ("Pasal 1 Pegawai wajib ramah; a. satu; b. dua; " * 4500).encode(),  # about 200 KB on one line
    ("x" * 200_000).encode(),
    UNBALANCED.encode(),
    ("(" * 5000 + "Pasal 1" + ")" * 5000).encode(),
], ids=["empty", "binary", "control", "only-markers", "200kb-one-line", "200kb-one-word", "unbalanced",
        "brackets"])
def test_no_input_makes_a_traceback_from_the_command(tmp_path, capsys, content):
    """Whatever the input: a draft (exit 0), or one line saying why not (exit 2); never a traceback,
    never the last-resort message of an importer bug (exit 3)."""
    path = tmp_path / "source.txt"
    path.write_bytes(content)
    status, out, err = run(capsys, str(path))
    assert "Traceback" not in out + err and "bug in the importer" not in err
    if status == 0:
        assert out.startswith("#") or "jenis:" in out, out[:300]
    else:
        assert status == 2 and out == ""
        assert len([ln for ln in err.splitlines() if ln.strip()]) == 1 and err.startswith("error: "), err
