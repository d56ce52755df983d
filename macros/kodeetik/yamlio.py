r"""Safe YAML reading: every scalar a string, line numbers kept, no aliases, bounded size, no
invisible characters.

PyYAML implements YAML 1.1, where `no`, `on`, `08` or `1e3` silently become booleans and numbers.
Regulation data is text: we keep every scalar as the string it was written as and let the
validator convert the few typed fields (with a message when they do not fit).

Character policy (regulations/README.md, "Characters"): control characters (Unicode category Cc;
tab and line feed aside, carriage return only as part of a CRLF line end), format characters (Cf:
bidi overrides and isolates, zero-width spaces and joiners, U+FEFF inside the text, the soft
hyphen...) and the line separators U+2028/U+2029 are refused, whether typed or written as a YAML
escape (`"\0"`, `"\e"`, `"\u202e"`). They cannot be seen in an editor or on the page, yet they can
reverse a title, hide a citation from the cross-referencer or clear a terminal. NEL (U+0085), LS,
PS and a lone CR are line breaks to YAML but not to most editors: refusing them before parsing
keeps every line number we report equal to the editor's.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

try:  # The C parser is much faster; the pure-Python one behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5_000_000
"""A regulation file larger than this is certainly a mistake (the largest real one is ~60 KB)."""
MAX_DEPTH = 40
"""Nesting deeper than this cannot be a legal text (lists nest at most four levels)."""
MAX_SCALAR = 100_000
"""Characters in any one value (or key). The readers hold every text field to a tighter limit
(loader.MAX_TEXT) and name its place; this one stops what no reader looks at, e.g. a 1 MB line."""

_NULLS = {"", "~", "null", "Null", "NULL"}


class YamlProblem(Exception):
    """A file that cannot be read as data; carries a line and a fix."""

    def __init__(self, line: int | None, message: str, fix: str):
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


class Map(dict):
    """A mapping that remembers the line of itself and of each key."""

    line: int
    key_lines: dict[str, int]


class Seq(list):
    """A sequence that remembers its line and the line of each item."""

    line: int
    item_lines: list[int]


def read_text(path: str) -> str:
    with open(path, "rb") as fh:
        raw = fh.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise YamlProblem(None, f"file is larger than {MAX_BYTES:,} bytes.",
                          "split it or remove the pasted content that does not belong there.")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # the byte-order mark of UTF-16
        raise YamlProblem(None, "file is saved as UTF-16, not UTF-8.",
                          "save the file as UTF-8 in your editor (\"Save with encoding\" > UTF-8).")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(line, f"file is not valid UTF-8 (byte {raw[exc.start]:#04x} on this line; "
                                "was it saved as Windows-1252 or Latin-1?).",
                          "save the file as UTF-8 in your editor.") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def load(text: str):
    """Parse one YAML document into Map/Seq/str/None. Raises YamlProblem."""
    _refuse_typed_invisibles(text)
    line: int | None  # where a problem is reported
    try:
        depth = -1  # checked on events too: compose() recurses and crashes on deep nesting
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem(_event_line(event),
                                  "YAML anchors and aliases (&name, *name) are not allowed.",
                                  "write the value out in full where it is used.")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(_event_line(event))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, e.g. NUL or ESC from a PDF copy
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise YamlProblem(line, f"the file holds an invisible control character (U+{code:04X}, column {column}) "
                                f"that YAML does not allow: {_bare_name(chr(code))}.",
                          "delete it; such characters come from copying out of a PDF or a terminal.") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "invalid YAML"
        fix = "check indentation and quoting on this line and the one above"
        opened = _unclosed_quote(text, mark.line if mark else None)
        lines = text.split("\n")  # the C parser's message need not name the tab it stopped on
        at_tab = (mark is not None and mark.line < len(lines)
                  and lines[mark.line][mark.column:mark.column + 1] == "\t")
        if "\t" in text and ("tab" in what or "\\t" in what or at_tab):
            fix = "indent with spaces, not tabs"
        elif "another document" in what:
            fix = "keep one document per file: remove this '---' line and what follows it, or merge it"
        elif opened is not None:
            # The parser stops where the quoted text finally ends, often lines below the slip.
            what = f"a quoted text opened on this line is not closed (the parser stopped at line {line}: {what})"
            line, fix = opened, "close the quote at the end of the text, or remove the opening one"
        elif "mapping values are not allowed" in what:
            fix = "put the text in quotes, or use a block scalar (>-), when it contains ': '"
        elif "maximum nesting depth" in what:
            # PyYAML 6.0.4's parser stops deep flow nesting itself, before our count of events sees it.
            raise _too_deep(line) from None
        raise YamlProblem(line, f"YAML syntax error: {what}.", fix + ".") from None
    except yaml.YAMLError as exc:  # pragma: no cover - any other reader failure, still not a traceback
        raise YamlProblem(None, f"cannot be read as YAML ({exc}).", "check the file against regulations/README.md.") from None
    if node is None:
        return None
    return _convert(node, 0, text, "")


_QUOTE_START = re.compile(r"""^\s*(?:-\s+(?:[^\s#'"][^:#]*:\s+)?|[^\s#'"-][^:#]*:\s+)(["'])""")
"""A value that starts with a quote: after `key: `, `- ` or `- key: `."""


def _unclosed_quote(text: str, stop: int | None) -> int | None:
    """The nearest line (1-based) at or above line `stop` (0-based) holding a quoted value whose
    quote does not close on that line: the likely cause of a syntax error reported further down.
    The data never needs a quoted text over several lines (block scalars do that), so such a line
    is a slip."""
    if stop is None:
        return None
    lines = text.split("\n")
    for i in range(min(stop, len(lines) - 1), -1, -1):  # upwards from where the parser stopped
        m = _QUOTE_START.match(lines[i])
        if m is None:
            continue
        quote, rest = m.group(1), lines[i][m.end():]
        body = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in body:
            return i + 1
    return None


def _event_line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark else None


def _too_deep(line: int | None) -> YamlProblem:
    return YamlProblem(line, f"nesting is deeper than {MAX_DEPTH} levels.",
                       "check the indentation; legal lists nest at most four levels.")


def _convert(node, depth: int, text: str, key: str):
    """`key`: the key the node is the value of (or an item of), for messages."""
    if depth > MAX_DEPTH:
        raise _too_deep(node.start_mark.line + 1)
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULLS:  # C parser: '', Python: None
            return None
        return _scalar(node, text, key)
    if isinstance(node, yaml.SequenceNode):
        seq = Seq(_convert(item, depth + 1, text, key) for item in node.value)
        seq.line = line
        seq.item_lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    if isinstance(node, yaml.MappingNode):
        out = Map()
        out.line = line
        out.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, "a key must be a plain word.",
                                  "remove the nested structure used as a key.")
            key = _scalar(key_node, text, "")
            if key in out:
                raise YamlProblem(key_node.start_mark.line + 1, f"key '{key}' appears twice.",
                                  "keep one of them.")
            out[key] = _convert(value_node, depth + 1, text, key)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    raise YamlProblem(line, "unsupported YAML node.", "use plain mappings, lists and text.")


# --------------------------------------------------------------------------- characters

_CONTROL_NAMES = dict(enumerate((
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
    "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
    "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
    "FILE SEPARATOR", "GROUP SEPARATOR", "RECORD SEPARATOR", "UNIT SEPARATOR")))
_CONTROL_NAMES.update({0x7F: "DELETE", 0x85: "NEXT LINE"})
"""Unicode gives control characters no name (unicodedata.name fails): their usual aliases."""

_SUSPECT = re.compile(r"[^\t\n\x20-\x7e]")
"""Everything but printable ASCII, tab and line feed: the candidates `is_invisible` decides on."""
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}
"""YAML's one-letter escapes in double-quoted text (the others stand for themselves)."""


def is_invisible(char: str) -> bool:
    """A character the data refuses (see the module docstring); tab and line feed are allowed."""
    return char not in "\t\n" and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def char_name(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`."""
    return f"U+{ord(char):04X} {_bare_name(char)}"


def _bare_name(char: str) -> str:
    known = _CONTROL_NAMES.get(ord(char))
    return known if known is not None else unicodedata.name(char, "CONTROL CHARACTER")


def _place(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of `index`, lines counted at line feeds as editors do."""
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1


def _invisible_fix(char: str) -> str:
    code = ord(char)
    if char == "\xad":
        return "delete it and join the word: it is a hyphenation point copied from the PDF."
    if code in (0x85, 0x2028, 0x2029):
        return "replace it with an ordinary line break (or a space): editors and YAML disagree on where its line ends."
    if unicodedata.category(char) == "Cf":
        return ("delete it: it changes how the text is displayed or hides inside a word, where readers and "
                "the cross-referencer cannot see it (see regulations/README.md, \"Characters\").")
    return "delete it; such characters come from copying out of a PDF or a terminal."


def _refuse_typed_invisibles(text: str) -> None:
    """Refuse, before parsing, the invisible characters PyYAML lets through (format characters, NEL,
    LS, PS, a carriage return outside CRLF). The other control characters are left to PyYAML's
    reader, which refuses them with their place (ReaderError in `load`)."""
    for m in _SUSPECT.finditer(text):
        char, index = m.group(), m.start()
        if char == "\r" and text.startswith("\n", index + 1):
            continue  # a Windows line end
        if not is_invisible(char) or (unicodedata.category(char) == "Cc" and char not in "\r\x85"):
            continue
        line, column = _place(text, index)
        what = ("a carriage return without a line feed" if char == "\r" else
                "a line break that editors do not show" if char in "\x85\u2028\u2029" else "an invisible character")
        fix = ("save the file with ordinary line ends (LF, or CRLF on Windows)." if char == "\r"
               else _invisible_fix(char))
        raise YamlProblem(line, f"the file holds {what}: {char_name(char)} at column {column}.", fix)


def _scalar(node: yaml.ScalarNode, text: str, key: str) -> str:
    """The node's text, refused when too long or when an escape decodes to an invisible character."""
    value = node.value
    if len(value) > MAX_SCALAR:
        what = f"'{key}' holds" if key else "a key or value holds"
        raise YamlProblem(node.start_mark.line + 1, f"{what} a text of {len(value):,} characters.",
                          f"keep every text under {MAX_SCALAR:,} characters: split it, or remove pasted content.")
    if node.style != '"':
        return value  # no escapes: what it holds was typed, and checked before parsing
    for m in _SUSPECT.finditer(value):
        if is_invisible(m.group()):
            break
    else:
        return value
    source = text[node.start_mark.index:node.end_mark.index]
    for esc in _ESCAPE.finditer(source):
        code = esc.group(1)
        char = _ESCAPES.get(code, chr(int(code[1:], 16)) if len(code) > 1 else code)
        if is_invisible(char):
            line, column = _place(text, node.start_mark.index + esc.start())
            raise YamlProblem(line, f"the text holds an invisible character: {char_name(char)} at column {column} "
                                    f"(written as the escape \"{esc.group()}\").", _invisible_fix(char))
    raise YamlProblem(node.start_mark.line + 1,  # pragma: no cover - every decoded one comes from an escape
                      f"the text holds an invisible character: {char_name(m.group())}.", _invisible_fix(m.group()))
