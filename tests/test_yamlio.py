"""yamlio: every scalar a string, line numbers kept, anchors/aliases/duplicates/deep nesting refused."""

from __future__ import annotations

import time

import pytest

from macros.kodeetik import yamlio
from macros.kodeetik.yamlio import Map, Seq, YamlProblem


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as info:
        yamlio.load(text)
    return info.value


# ------------------------------------------------------------------ scalars stay strings

@pytest.mark.parametrize("written", ["no", "yes", "on", "off", "08", "1e3", "3.10", "2020-12-08",
                                     "true", "0x1F", ".inf", "12:30"])
def test_plain_scalar_comes_back_as_the_exact_string(written):
    assert yamlio.load(f"v: {written}\n") == {"v": written}


def test_scalars_in_a_list_stay_strings():
    assert yamlio.load("- no\n- 08\n- 1e3\n") == ["no", "08", "1e3"]


@pytest.mark.parametrize("written", ["~", "", "null", "Null", "NULL"])
def test_null_spellings_are_none(written):
    assert yamlio.load(f"v: {written}\n") == {"v": None}


@pytest.mark.parametrize("written, expected", [('"~"', "~"), ("'null'", "null"), ('""', "")])
def test_quoted_null_spellings_stay_strings(written, expected):
    assert yamlio.load(f"v: {written}\n") == {"v": expected}


def test_empty_document_is_none():
    assert yamlio.load("") is None
    assert yamlio.load("# only a comment\n") is None


# ------------------------------------------------------------------ line numbers

def test_key_lines_and_item_lines():
    text = (
        "# comment\n"        # 1
        "a: x\n"             # 2
        "\n"                 # 3
        "b:\n"               # 4
        "  - one\n"          # 5
        "  - two: 2\n"       # 6
        "    three: 3\n"     # 7
        "  - >-\n"           # 8
        "    folded\n"       # 9
        "c: z\n"             # 10
    )
    data = yamlio.load(text)
    assert isinstance(data, Map)
    assert data.key_lines == {"a": 2, "b": 4, "c": 10}
    assert data.line == 2
    seq = data["b"]
    assert isinstance(seq, Seq)
    assert seq.item_lines == [5, 6, 8]
    inner = seq[1]
    assert isinstance(inner, Map)
    assert inner.key_lines == {"two": 6, "three": 7}
    assert seq[2] == "folded"


# ------------------------------------------------------------------ refusals

def test_anchor_is_refused_with_its_line():
    err = problem("a: 1\nb: &x 2\nc: 3\n")
    assert err.line == 2
    assert "anchors and aliases" in err.message
    assert "write the value out in full" in err.fix


def test_alias_is_refused_with_its_line():
    # An alias to an undefined anchor would be a composer error; the check comes first.
    err = problem("a: 1\nb: 2\nc: *x\n")
    assert err.line == 3
    assert "anchors and aliases" in err.message


def test_billion_laughs_fails_fast():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    err = problem("\n".join(lines) + "\n")
    elapsed = time.perf_counter() - start
    assert err.line == 1  # the first anchor, before any expansion
    assert elapsed < 1.0, f"alias bomb took {elapsed:.2f}s"


def test_duplicate_key_is_refused_with_the_line_of_the_second():
    err = problem("k:\n  a: 1\n  b: 2\n  a: 3\n")
    assert err.line == 4
    assert err.message == "key 'a' appears twice."
    assert err.fix == "keep one of them."


@pytest.mark.parametrize("text, line", [
    ("a:\n\tb: c\n", 2),             # libyaml: "found character that cannot start any token"
    ("a:\n  b: 1\n\tc: 2\n", 3),     # libyaml: "found a tab character that violates indentation"
])
def test_tab_indentation_is_refused_with_a_tabs_fix(text, line):
    err = problem(text)
    assert err.line == line
    assert err.message.startswith("YAML syntax error: ")
    assert err.fix == "indent with spaces, not tabs."


def test_colon_in_plain_text_suggests_quoting():
    err = problem("tentang: Pasal 1: Ketentuan\n")
    assert err.line == 1
    assert "mapping values are not allowed" in err.message
    assert "quotes" in err.fix


def test_invalid_utf8_gives_line_and_message(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes("a: é\nb: ok\n".encode("utf-8") + b"c: caf\xe9 (Latin-1)\n")
    with pytest.raises(YamlProblem) as info:
        yamlio.read_text(str(path))
    assert info.value.line == 3
    assert "UTF-8" in info.value.message
    assert "UTF-8" in info.value.fix


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: b\n")
    assert yamlio.load(yamlio.read_text(str(path))) == {"a": "b"}


def test_nesting_up_to_max_depth_is_accepted():
    depth = yamlio.MAX_DEPTH
    data = yamlio.load("[" * (depth + 1) + "]" * (depth + 1))
    for _ in range(depth):
        data = data[0]
    assert data == []


def test_nesting_deeper_than_max_depth_is_refused():
    depth = yamlio.MAX_DEPTH + 2
    err = problem("[" * depth + "]" * depth)
    assert err.line == 1
    assert err.message == f"nesting is deeper than {yamlio.MAX_DEPTH} levels."


def test_block_nesting_deeper_than_max_depth_is_refused():
    text = "".join("  " * i + f"k{i}:\n" for i in range(yamlio.MAX_DEPTH + 2)) + "  " * 50 + "x: y\n"
    assert "nesting is deeper" in problem(text).message


def test_very_deep_nesting_is_refused_not_a_crash():
    # 200 KB of brackets crashed libyaml's recursive composer (segfault) before the depth check.
    n = 100_000
    err = problem("[" * n + "]" * n)
    assert "nesting is deeper" in err.message


def test_file_over_max_bytes_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_BYTES", 1_000_000)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 1_000_000 + "\n", encoding="utf-8")
    with pytest.raises(YamlProblem) as info:
        yamlio.read_text(str(path))
    assert info.value.line is None
    assert info.value.message == "file is larger than 1,000,000 bytes."
    assert "split it" in info.value.fix


def test_file_at_max_bytes_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_BYTES", 100)
    path = tmp_path / "ok.yaml"
    path.write_bytes(b"a: " + b"x" * 96 + b"\n")  # exactly 100 bytes
    assert yamlio.read_text(str(path)).startswith("a: x")


def test_non_scalar_key_is_refused():
    err = problem("a: 1\n? [x, y]\n: z\n")
    assert err.line == 2
    assert err.message == "a key must be a plain word."


def test_unclosed_quote_is_blamed_on_the_line_that_opened_it():
    text = 'a: ok\nb: "not closed\nc: x\nd: "y"\ne: z\n'
    err = problem(text)
    assert err.line == 2
    assert "quoted text opened on this line is not closed" in err.message and "line 4" in err.message
    assert "close the quote" in err.fix
    # Negative control: quotes that close are not blamed for an error below them.
    err = problem('a: "ok"\nb: x\n  c: y\n')
    assert err.line != 1 and "quoted text" not in err.message


def test_utf16_file_is_named_as_such(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes("a: b\n".encode("utf-16"))
    with pytest.raises(YamlProblem) as info:
        yamlio.read_text(str(path))
    assert "UTF-16" in info.value.message and "UTF-8" in info.value.fix


@pytest.mark.parametrize("char, name", [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\x07", "U+0007")])
def test_control_character_gives_line_and_column_not_a_traceback(char, name):
    err = problem(f"a: ok\nb: teks{char}lanjut\n")
    assert (err.line, name in err.message, "column 8" in err.message) == (2, True, True)
    assert "delete it" in err.fix


def test_second_document_says_to_keep_one():
    err = problem("a: b\n---\nc: d\n")
    assert err.line == 2 and "one document per file" in err.fix


# ------------------------------------------------------------------ character policy

def test_a_typed_control_character_is_named():
    err = problem("a: ok\nb: teks\x1blanjut\n")
    assert err.message == ("the file holds an invisible control character (U+001B, column 8) that YAML does "
                           "not allow: ESCAPE.")


@pytest.mark.parametrize("escape, name", [
    ("\\0", "U+0000 NULL"), ("\\e", "U+001B ESCAPE"), ("\\x1b", "U+001B ESCAPE"), ("\\a", "U+0007 BELL"),
    ("\\r", "U+000D CARRIAGE RETURN"), ("\\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\\u200B", "U+200B ZERO WIDTH SPACE"), ("\\U0000FEFF", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ("\\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"), ("\\xad", "U+00AD SOFT HYPHEN"), ("\\N", "U+0085 NEXT LINE"),
    ("\\L", "U+2028 LINE SEPARATOR"), ("\\P", "U+2029 PARAGRAPH SEPARATOR")])
def test_an_escape_is_refused_after_it_is_decoded_with_its_name_and_place(escape, name):
    err = problem(f'a: ok\ntentang: "Kode Etik {escape}Pelayanan"\n')
    assert err.line == 2
    assert err.message == (f"the text holds an invisible character: {name} at column 21 "
                           f'(written as the escape "{escape}").')


def test_the_invisible_cause_of_an_unknown_code_is_named():
    err = problem('id: x\nwilayah: "61.07\\u200b"\n')
    assert err.line == 2
    assert err.message == ('the text holds an invisible character: U+200B ZERO WIDTH SPACE at column 16 '
                           '(written as the escape "\\u200b").')
    assert err.fix.startswith("delete it")


def test_an_escape_in_a_key_is_refused():
    assert problem('"ten\\u200btang": x\n').line == 1


@pytest.mark.parametrize("char, name, what", [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", "an invisible character"),
    ("\u200b", "U+200B ZERO WIDTH SPACE", "an invisible character"),
    ("\u200f", "U+200F RIGHT-TO-LEFT MARK", "an invisible character"),
    ("\u2060", "U+2060 WORD JOINER", "an invisible character"),
    ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE", "an invisible character"),
    ("\xad", "U+00AD SOFT HYPHEN", "an invisible character"),
    ("\x85", "U+0085 NEXT LINE", "a line break that editors do not show"),
    ("\u2028", "U+2028 LINE SEPARATOR", "a line break that editors do not show"),
    ("\u2029", "U+2029 PARAGRAPH SEPARATOR", "a line break that editors do not show"),
    ("\r", "U+000D CARRIAGE RETURN", "a carriage return without a line feed")])
def test_a_typed_invisible_character_is_refused_on_the_editors_line(char, name, what):
    # Lines 1-3 hold other separators only as text YAML would count as line breaks: none here, so the
    # line reported is the editor's (line feeds counted).
    err = problem(f"a: ok\n# komentar\ntentang: Pasal{char} 9\nb: ok\n")
    assert (err.line, err.message) == (3, f"the file holds {what}: {name} at column 15.")


def test_a_line_separator_in_a_comment_does_not_shift_the_line_of_a_later_problem():
    """PyYAML counts NEL/LS/PS as line breaks, editors do not: refused before parsing, they never
    make a reported line disagree with the editor."""
    err = problem("# a\u2028b\na: ok\nb: [\n")
    assert err.line == 1 and "U+2028" in err.message


@pytest.mark.parametrize("text, value", [
    ('a: "tab\\there"\n', "tab\there"), ('a: "a\\nb"\n', "a\nb"), ('a: "nbsp\\_x"\n', "nbsp\xa0x"),
    ("a: Pasal 9 ayat (1) huruf “é” – ok\n", "Pasal 9 ayat (1) huruf “é” – ok"),
    ("a: b\r\nc: d\r\n", None), ("a: |\n  satu\n  dua\n", "satu\ndua\n"), ("a: 'x\\0y'\n", "x\\0y")])
def test_visible_text_tabs_newlines_and_crlf_line_ends_are_accepted(text, value):
    """Negative control: the check refuses invisible characters, not escapes or non-ASCII text."""
    data = yamlio.load(text)
    assert data["a"] == (value if value is not None else "b")


def test_a_one_megabyte_line_is_refused_and_the_limit_itself_is_accepted():
    long = "x" * 1_000_000
    err = problem(f"a: ok\nkepala:\n  - {long}\n")
    assert (err.line, err.message) == (3, "'kepala' holds a text of 1,000,000 characters.")
    assert "100,000" in err.fix
    assert yamlio.load(f"a: {'x' * yamlio.MAX_SCALAR}\n")["a"] == "x" * yamlio.MAX_SCALAR  # negative control


def test_a_message_never_carries_an_invisible_character_or_a_line_break():
    """A file name may hold what the data may not: the message shows it escaped, on one line."""
    from macros.kodeetik.errors import DataError

    err = DataError("regulations/x\x1b[2J\u202e.yaml", 3, "", "bad\nOK: all good.", "fix it.")
    assert str(err) == "regulations/x\\u001b[2J\\u202e.yaml:3: bad\\u000aOK: all good. Fix: fix it."
    # Negative control: visible text, tabs and non-ASCII letters are shown as they are.
    assert str(DataError("a.yaml", None, "", "teks “é”\tok.", "x.")) == "a.yaml: teks “é”\tok. Fix: x."
