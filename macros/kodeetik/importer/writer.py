"""Write a draft as YAML in the project's format, with the report and the open points as comments.

A small emitter of our own, not yaml.dump: PyYAML cannot write comments, and we want plain
scalars where they are safe, double quotes where they are not, and forms as literal blocks.
"""

from __future__ import annotations

import json
import re

from .nodes import DNode

INDENT = "  "
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`~][^\n]*$")


def scalar(value) -> str:
    if value is None:
        return "~"
    text = str(value)
    if text == "":
        return '""'
    if (_PLAIN.match(text) and ": " not in text and " #" not in text and not text.endswith(":")
            and not text.endswith(" ") and "\t" not in text and not re.fullmatch(r"[\d.:+-]+|~|null|Null|NULL", text)):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _literal(text: str, indent: str) -> list[str]:
    out = ["|-"]
    for line in text.split("\n"):
        out.append(f"{indent}{line}" if line else "")
    return out


def dump(data: dict, comments: dict[tuple, list[str]] | None = None, header: list[str] | None = None) -> str:
    comments = comments or {}
    out: list[str] = [f"# {h}".rstrip() for h in header or []]
    _mapping(data, 0, (), comments, out)
    return "\n".join(out) + "\n"


def _comment_lines(notes: list[str], indent: str) -> list[str]:
    return [f"{indent}# {n}" for n in notes]


def _mapping(m: dict, depth: int, path: tuple, comments: dict, out: list[str], first_prefix: str | None = None):
    indent = INDENT * depth
    first = True
    for key, value in m.items():
        if key == "#":
            continue
        prefix = first_prefix if (first and first_prefix is not None) else indent
        first = False
        notes = comments.get(path + (key,), [])
        if isinstance(value, DNode):
            value = value.to_dict()
        if isinstance(value, dict) and value:
            out.extend(_comment_lines(notes, indent))
            out.append(f"{prefix}{key}:")
            _mapping(value, depth + 1, path + (key,), comments, out)
        elif isinstance(value, list) and value:
            out.extend(_comment_lines(notes, indent))
            out.append(f"{prefix}{key}:")
            _sequence(value, depth + 1, path + (key,), comments, out)
        elif isinstance(value, str) and "\n" in value:
            out.extend(_comment_lines(notes, indent))
            lit = _literal(value, INDENT * (depth + 1))
            out.append(f"{prefix}{key}: {lit[0]}")
            out.extend(lit[1:])
        else:
            shown = scalar(value) if not isinstance(value, (dict, list)) else "~"
            line = f"{prefix}{key}: {shown}"
            if notes:
                line += f"  # {notes[0]}"
                out.append(line)
                out.extend(_comment_lines(notes[1:], indent))
            else:
                out.append(line)


def _sequence(items: list, depth: int, path: tuple, comments: dict, out: list[str]):
    indent = INDENT * depth
    for i, item in enumerate(items):
        if isinstance(item, DNode):
            item = item.to_dict()
        if isinstance(item, dict):
            out.extend(_comment_lines(item.get("#", []), indent))
            _mapping(item, depth + 1, path + (i,), comments, out, first_prefix=f"{indent}- ")
        else:
            out.append(f"{indent}- {scalar(item)}")
