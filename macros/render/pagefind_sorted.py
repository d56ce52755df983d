"""Run Pagefind with the site's pages given one by one, in sorted order: the same bundle on any disk.

`pagefind --site DIR` numbers pages in the order the file system lists them, and the index chunks
and `pagefind-entry.json` follow that numbering: ext4 (whose order is a hash, seeded per file system)
and tmpfs (newest first) give different bytes for the same site. Pagefind's service mode
(`pagefind --service`, what its Python and Node APIs drive) takes pages one at a time instead: added
in sorted path order, page numbers no longer depend on the disk. The URLs are those the CLI would
compute (`a/index.html` -> `/a/`), so the bundle holds the same pages and fragments.

The service protocol (base64 JSON messages, each followed by a comma, on stdin and stdout; see the
`pagefind` Python package's `service/`) is spoken here directly and synchronously: the official
async client polls every 0.1 s, a second per ten pages on a national-size site. The bundle's files
are asked for (GetFiles) and written here. No MkDocs here.
"""

from __future__ import annotations

import base64
import json
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path


class PagefindError(Exception):
    """Pagefind could not index the site (the message says why)."""


def html_pages(site: Path, bundle: str) -> list[Path]:
    """The HTML files the CLI would index (`**/*.html`, the bundle's folder aside), sorted by path."""
    return sorted((p for p in site.rglob("*.html") if p.is_file() and p.relative_to(site).parts[0] != bundle),
                  key=lambda p: p.relative_to(site).as_posix())


def page_url(relative: str) -> str:
    """The URL Pagefind's CLI gives a file: `a/index.html` -> `/a/`, `404.html` -> `/404.html`."""
    return "/" + (relative[: -len("index.html")] if relative == "index.html" or relative.endswith("/index.html")
                  else relative)


class _Service:
    """One `pagefind --service` process, one request at a time."""

    def __init__(self, executable: str, log):
        self.proc = subprocess.Popen([executable, "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=log)
        self.next_id = 0
        self.pending = bytearray()

    def ask(self, payload: dict) -> dict:
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        self.proc.stdin.flush()
        while True:
            while b"," not in self.pending:
                chunk = self.proc.stdout.read1(1 << 16)
                if not chunk:
                    raise PagefindError(f"the Pagefind service stopped (exit {self.proc.poll()}) "
                                        f"while handling a {payload['type']} request")
                self.pending += chunk
            raw, _, rest = bytes(self.pending).partition(b",")
            self.pending = bytearray(rest)
            answer = json.loads(base64.b64decode(raw))
            if answer is not None and answer.get("message_id") in (self.next_id, None):
                break
        result = answer["payload"]
        if result.get("type") == "Error":
            raise PagefindError(f"{payload['type']}: {result.get('message')}")
        return result

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def index_site(site: Path, bundle: str, language: str, exclude_selectors: Sequence[str]) -> str:
    """Index every HTML page of `site` into `site/bundle`, in sorted order; returns what Pagefind
    printed (nothing when all went well). Raises PagefindError, with that output, when it fails."""
    from pagefind_bin import get_executable

    with tempfile.TemporaryFile() as log:
        service = _Service(str(get_executable()), log)
        try:
            index = service.ask({"type": "NewIndex", "config": {
                # The theme already writes <html lang="id">; forcing it keeps every page on the
                # Indonesian stemmer ("melayani" finds "pelayanan") even if one page lacks it.
                "force_language": language, "exclude_selectors": list(exclude_selectors)}})["index_id"]
            pages = html_pages(site, bundle)
            for path in pages:
                service.ask({"type": "AddFile", "index_id": index, "file_path": None,
                             "url": page_url(path.relative_to(site).as_posix()),
                             "file_contents": path.read_text(encoding="utf-8")})
            # The bundle's files come back in the answer and are written here: the service's own
            # WriteFiles answers before its (asynchronous) writes are done, and a service that
            # exits then leaves them empty; written here, a full disk is also an OSError like any.
            files = service.ask({"type": "GetFiles", "index_id": index})["files"]
        except PagefindError as exc:
            raise PagefindError(f"{exc}\n{_output(log)}".strip()) from None
        finally:
            service.close()
        _write_bundle(site / bundle, files)
        return _output(log)


def _write_bundle(folder: Path, files: list[dict]) -> None:
    for item in sorted(files, key=lambda f: f["path"]):
        relative = Path(item["path"])
        if relative.is_absolute() or ".." in relative.parts:
            raise PagefindError(f"Pagefind returned a file outside its bundle: {item['path']}")
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(item["content"]))


def _output(log) -> str:
    log.seek(0)
    return log.read().decode("utf-8", "replace").strip()
