"""Nothing outside the project is published: symbolic links refused, only named source files (no build)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.kodeetik.errors import DataErrors
from macros.render import publish


@dataclass
class _Sumber:
    berkas: str


@dataclass
class _Reg:
    path: str
    sumber: _Sumber | None


@dataclass
class _Corpus:
    regulations: list


def corpus(*names: str | None) -> _Corpus:
    return _Corpus([_Reg(f"regulations/r{i}.yaml", _Sumber(n) if n is not None else None)
                    for i, n in enumerate(names)])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("naskah A", encoding="utf-8")
    (tmp_path / "sources" / "b.txt").write_text("naskah B", encoding="utf-8")
    (tmp_path / "secret").write_text("TOKEN=rahasia", encoding="utf-8")
    return tmp_path


def messages(exc: pytest.ExceptionInfo) -> list[str]:
    return [str(e) for e in exc.value.errors]


# --------------------------------------------------------------------------- source_files

def test_only_the_named_source_files_are_published(project):
    (project / "sources" / "unnamed.txt").write_text("tidak disebut", encoding="utf-8")
    files = publish.source_files(corpus("a.txt", None, "b.txt"), project / "sources", project)
    assert files == {"sumber/a.txt": b"naskah A", "sumber/b.txt": b"naskah B"}


def test_a_named_source_file_that_is_a_link_is_refused_and_not_read(project):
    (project / "sources" / "x.txt").symlink_to(project / "secret")
    with pytest.raises(DataErrors) as exc:
        publish.source_files(corpus("a.txt", "x.txt"), project / "sources", project)
    assert messages(exc) == [(
        "sources/x.txt: is a symbolic link (named by regulations/r1.yaml, sumber > berkas); the build "
        "publishes only regular files inside sources/, never what a link points to. Fix: put the file "
        "itself there instead of the link (or delete the link).")]
    assert "rahasia" not in str(exc.value)


def test_a_link_to_a_file_inside_sources_is_refused_too(project):
    (project / "sources" / "c.txt").symlink_to("a.txt")
    with pytest.raises(DataErrors, match="sources/c.txt: is a symbolic link"):
        publish.source_files(corpus("c.txt"), project / "sources", project)


@pytest.mark.parametrize("name", ["../secret", "/etc/hostname", "..", ".", "sub/a.txt", "a\\b.txt", "", "a\0.txt"])
def test_a_name_that_is_not_a_file_directly_in_sources_is_refused(project, name):
    (project / "sources" / "sub").mkdir()
    (project / "sources" / "sub" / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        publish.source_files(corpus(name), project / "sources", project)
    shown = name.replace("\0", "\\u0000")  # messages print invisible characters escaped
    assert messages(exc) == [(f"regulations/r0.yaml [sumber > berkas]: source file '{shown}' is not a file "
                              "directly inside sources/. Fix: give the name of a file in sources/.")]


def test_a_folder_or_a_fifo_named_as_source_is_refused_without_hanging(project):
    (project / "sources" / "dir.txt").mkdir()
    os.mkfifo(project / "sources" / "pipe.txt")
    with pytest.raises(DataErrors) as exc:
        publish.source_files(corpus("dir.txt", "pipe.txt"), project / "sources", project)
    assert [m.split(" (")[0] for m in messages(exc)] == [
        "regulations/r0.yaml [sumber > berkas]: source file sources/dir.txt cannot be read as a regular file",
        "regulations/r1.yaml [sumber > berkas]: source file sources/pipe.txt cannot be read as a regular file"]
    assert all(m.endswith("Fix: put the extracted text itself in sources/.") for m in messages(exc))


def test_read_regular_file_refuses_a_link_even_to_a_regular_file(project):
    link = project / "link"
    link.symlink_to(project / "secret")
    assert publish.read_regular_file(project / "secret") == b"TOKEN=rahasia"  # negative control
    with pytest.raises(OSError):
        publish.read_regular_file(link)


# --------------------------------------------------------------------------- refuse_links

def test_links_anywhere_in_the_folders_are_named(project):
    content = project / "content"
    (content / "assets").mkdir(parents=True)
    (content / "index.md").write_text("# x", encoding="utf-8")
    (content / "assets" / "env.txt").symlink_to("/proc/self/environ")
    (content / "docs").symlink_to(project / "sources")  # a link to a folder: not walked into
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").symlink_to(project / "secret")
    with pytest.raises(DataErrors) as exc:
        publish.refuse_links([content, project / "overrides", project / "sources", project / "missing"], project)
    text = "is a symbolic link; the build reads and publishes only regular files inside {}/, never what a " \
           "link points to. Fix: put the file itself there instead of the link (or delete the link)."
    assert messages(exc) == [
        "content/assets/env.txt: " + text.format("content"),
        "content/docs: " + text.format("content"),
        "overrides/main.html: " + text.format("overrides")]
    assert exc.value.report().startswith("3 errors in the regulation data:")


def test_a_folder_that_is_itself_a_link_is_refused(project):
    (project / "content").symlink_to("/")
    with pytest.raises(DataErrors, match=r"^1 error.*\n  - content: is a symbolic link"):
        publish.refuse_links([project / "content"], project)


def test_folders_without_links_pass(project):
    """Negative control: regular files and folders, nested, are accepted."""
    (project / "content" / "a" / "b").mkdir(parents=True)
    (project / "content" / "a" / "b" / "c.md").write_text("x", encoding="utf-8")
    publish.refuse_links([project / "content", project / "sources"], project)
    assert publish.find_links(project / "content") == []
