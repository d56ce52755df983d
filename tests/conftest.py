"""Shared fixtures: the real data loaded once, real sites built into tmp dirs (the project's own,
or a fixture project), the browser; and the sorting of tests into tiers.

Tiers (markers registered in pyproject.toml), given to every test automatically, so that a new test
needs no marker of its own:

- `browser`: the test uses the `browser` fixture (Playwright driving Debian's chromium);
- `site`: the test, one of its fixtures, or a helper of its module calls `run_mkdocs` (directly
  or through `real_site`, `served`, `altered_build`);
- `unit`: everything else. A unit test that builds a site or starts a browser anyway fails
  loudly (see `_forbid_builds`): mark it `@pytest.mark.site` (a build the detection cannot see,
  such as `mkdocs serve` in a subprocess) instead. Tests that print and read back whole documents
  (the PDF and OCR imports) are marked `site` too, so that the unit tier stays fast.

`scripts/test.sh` runs the tiers in that order; `scripts/test.sh -m unit` runs the fast one.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from macros.kodeetik.hak_anda import HakAndaData
    from macros.kodeetik.kuis import KuisData
    from macros.kodeetik.model import Corpus
    from macros.kodeetik.topics import Topics

ROOT = Path(__file__).resolve().parent.parent
TIERS = ("unit", "site", "browser")


@dataclass
class Build:
    """Result of one `mkdocs build` run."""

    returncode: int
    output: str
    site: Path


# One poster cache for every build of the session (it is keyed by content): fixture projects then
# print only the posters their altered data changes. The first build still prints everything.
POSTER_CACHE = tempfile.mkdtemp(prefix="kodeetik-posters-")


def run_mkdocs(project: Path, site: Path, *extra: str, timeout: int = 600) -> Build:
    _forbid_builds.check("builds a site (run_mkdocs)")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env.setdefault("KODEETIK_POSTER_CACHE", POSTER_CACHE)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=timeout,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def make_project(tmp: Path, regulations: Path | None = None, sources: Path | None = None) -> Path:
    """A copy of the project whose data can be replaced; code is linked, not copied."""
    project = tmp / "project"
    project.mkdir()
    (project / "macros").symlink_to(ROOT / "macros")
    # Copied, not linked: the build refuses any link in the folders it publishes from (publish.py).
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(regulations or ROOT / "regulations", project / "regulations")
    shutil.copytree(sources or ROOT / "sources", project / "sources")
    return project


def no_bom(text: str) -> str:
    """A CSV download without its UTF-8 byte-order mark, which every one must start with (Excel)."""
    assert text.startswith("\ufeff")
    return text[1:]


@pytest.fixture(scope="session")
def altered_build(tmp_path_factory) -> Callable[[Mapping[str, Edit]], Build]:
    """Build a fixture project whose files differ from the project's by `edits`; each distinct set
    of edits is built once per session, so tests that need the same altered site share one build.

    `edits` maps a path under the project (`regulations/x.yaml`) to one of:
    - the file's new text, or None to delete the file;
    - (old, new) pairs, each replacing every occurrence, in order; each must match, so that an
      edit that no longer applies fails instead of building the unaltered site;
    - a function from the old text to the new: a module-level one, so that tests can share it
      (the function itself is the cache key).
    The build may fail: check `returncode` (and that the message names what the edit broke).
    """
    builds: dict[tuple, Build] = {}

    def build(edits: Mapping[str, Edit]) -> Build:
        key = tuple(sorted(((path, edit if edit is None or isinstance(edit, str) or callable(edit)
                             else tuple(map(tuple, edit))) for path, edit in edits.items()), key=repr))
        if key not in builds:
            tmp = tmp_path_factory.mktemp("altered")
            project = make_project(tmp)
            for path, edit in edits.items():
                apply_edit(project / path, edit)
            builds[key] = run_mkdocs(project, tmp / "site")
        return builds[key]

    return build


Edit = str | None | Sequence[tuple[str, str]] | Callable[[str], str]
"""One file's change for `altered_build`: its new text, None to delete it, (old, new) pairs, or a
function of the old text."""


def apply_edit(path: Path, edit: Edit) -> None:
    if edit is None:
        path.unlink()
    elif isinstance(edit, str):
        path.write_text(edit, encoding="utf-8")
    elif callable(edit):
        text = path.read_text(encoding="utf-8")
        new = edit(text)
        assert new != text, f"edit of {path.name} by {edit.__name__} changes nothing"
        path.write_text(new, encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        for old, new in edit:
            assert old in text, f"edit of {path.name}: {old!r} is not in the file"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The project's own site, built once per test session with --strict."""
    site = tmp_path_factory.mktemp("real") / "site"
    build = run_mkdocs(ROOT, site)
    assert build.returncode == 0, build.output
    return build


# --------------------------------------------------------------------------- browser tests

CHROMIUM = os.environ.get("KODEETIK_CHROMIUM", "/usr/bin/chromium")
"""Debian's chromium: Playwright's own browser download does not work on these machines."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@contextlib.contextmanager
def serve_directory(directory: Path):
    """Serve a folder over HTTP on a free port of 127.0.0.1; yields the base URL (ends in '/')."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def served(real_site):
    """The project's built site over HTTP (fonts and Pagefind do not load from file: URLs)."""
    with serve_directory(real_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright; skipped with the reason when it cannot be had (fails in CI)."""
    _forbid_builds.check("starts a browser")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).is_file():
        message = (f"no chromium at {CHROMIUM}: install Debian's package (apt-get install chromium; "
                   "scripts/test.sh does it when run as root) or set KODEETIK_CHROMIUM")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# --------------------------------------------------------------------------- the real data

@dataclass(frozen=True)
class RealData:
    """The project's own data, loaded as the build loads it."""

    corpus: Corpus
    topics: Topics
    hak: HakAndaData
    kuis: KuisData


@functools.cache
def real_data() -> RealData:
    """Loaded once per session: module-level constants (parametrize lists) and the `real` fixture
    share it. The objects are frozen; a test that needs altered data loads its own copy."""
    from macros.kodeetik import load_corpus
    from macros.kodeetik.topics_loader import load_topics
    from macros.kodeetik.warga_loader import load_warga

    corpus = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources", display_root=ROOT)
    topics = load_topics(ROOT / "regulations", corpus)
    hak, kuis = load_warga(ROOT / "regulations", topics)
    return RealData(corpus, topics, hak, kuis)


@pytest.fixture(scope="session")
def real() -> RealData:
    """The project's own data (corpus, topics, hak, kuis), loaded once per session."""
    return real_data()


# --------------------------------------------------------------------------- tiers

BUILDERS = {"run_mkdocs"}
"""Names whose call builds a site: a test reaching one of them (itself, through a fixture, or
through a helper function of its module) is in the `site` tier."""


def _calls_a_builder(func: Callable, seen: set[int]) -> bool:
    """True if `func`'s code, its nested functions, or the module-level functions it names
    reference a builder. A module's own function of the same name (test_loader's `make_project`)
    does not count: the name must resolve to conftest's function, or not resolve at all
    (`conftest.run_mkdocs`)."""
    func = getattr(func, "__wrapped__", func)
    code = getattr(func, "__code__", None)
    if code is None or id(code) in seen:
        return False
    seen.add(id(code))
    namespace = getattr(func, "__globals__", {})
    stack = [code]
    while stack:
        current = stack.pop()
        for name in current.co_names:
            target = namespace.get(name)
            if name in BUILDERS and (target is None or target is globals()[name]):
                return True
            if isinstance(target, types.FunctionType) and target.__module__ == func.__module__ \
                    and _calls_a_builder(target, seen):
                return True
        stack += [c for c in current.co_consts if isinstance(c, types.CodeType)]
    return False


def tier_of(item: pytest.Item) -> str:
    explicit = [m.name for m in item.iter_markers() if m.name in TIERS]
    if explicit:
        return explicit[0]
    names = set(getattr(item, "fixturenames", ()))
    if "browser" in names:
        return "browser"
    funcs = [getattr(item, "function", None)]
    info = getattr(item, "_fixtureinfo", None)
    if info is not None:
        funcs += [d.func for defs in info.name2fixturedefs.values() for d in defs]
    seen: set[int] = set()
    if any(f is not None and _calls_a_builder(f, seen) for f in funcs):
        return "site"
    return "unit"


def pytest_addoption(parser):
    parser.addoption("--tiers-fail-fast", action="store_true",
                     help="once a test of a tier fails, skip the tests of the later tiers (scripts/test.sh)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        tier = tier_of(item)
        if not any(m.name == tier for m in item.iter_markers()):
            item.add_marker(tier)
        item.stash[_TIER] = tier
    # Fast tests first, so that a plain `pytest` fails early on a broken unit.
    items.sort(key=lambda item: TIERS.index(item.stash[_TIER]))


_TIER = pytest.StashKey[str]()


class _Guard:
    """Makes a build or a browser in the unit tier an error that names the test, instead of a
    unit tier that silently becomes slow."""

    def __init__(self) -> None:
        self.unit_test: str | None = None

    def check(self, what: str) -> None:
        if self.unit_test is not None:
            pytest.fail(f"{self.unit_test} is in the unit tier but {what}: it must not, or it "
                        "belongs in the site tier (@pytest.mark.site; see tests/conftest.py)", pytrace=False)

    def check_command(self, args) -> None:
        argv = [str(a) for a in ([args] if isinstance(args, (str, bytes, os.PathLike)) else args)]
        if not argv:
            return
        program = Path(argv[0].split()[0]).name
        if program == "mkdocs" or any(a == "-m" and b == "mkdocs" for a, b in zip(argv, argv[1:])):
            self.check(f"runs mkdocs ({' '.join(argv[:4])} ...)")
        if "chrom" in program or "run-driver" in argv:
            self.check("starts a browser")


_forbid_builds = _Guard()


@contextlib.contextmanager
def _guarded_popen() -> Iterator[None]:
    """Every subprocess (subprocess.run, asyncio, Playwright's driver) starts through Popen."""
    original = subprocess.Popen.__init__

    def init(self, args, *rest, **kwargs):
        _forbid_builds.check_command(args)
        original(self, args, *rest, **kwargs)

    subprocess.Popen.__init__ = init  # type: ignore[method-assign]
    try:
        yield
    finally:
        subprocess.Popen.__init__ = original  # type: ignore[method-assign]


_FAILED_TIERS: set[str] = set()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if item.config.getoption("--tiers-fail-fast"):
        tier = item.stash.get(_TIER, "unit")
        failed = [t for t in TIERS[:TIERS.index(tier)] if t in _FAILED_TIERS]
        if failed:
            pytest.skip(f"the {failed[0]} tier failed (see above): fix it before running the {tier} tier")


def pytest_runtest_logreport(report):
    if report.failed:
        _FAILED_TIERS.update(t for t in TIERS if t in report.keywords)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """The guard covers the test and its fixtures' setup and teardown."""
    if item.stash.get(_TIER, "unit") != "unit":
        return (yield)
    _forbid_builds.unit_test = item.nodeid
    try:
        with _guarded_popen():
            return (yield)
    finally:
        _forbid_builds.unit_test = None
