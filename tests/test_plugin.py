"""The `kodeetik` MkDocs plugin itself: installed under its entry point, its options checked by
MkDocs' config machinery (an unknown or mistyped option stops the build naming it), and a fresh
state for every build of a `mkdocs serve` session. No site is built here."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT
from mkdocs.config import load_config

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def test_pip_install_registers_the_plugin():
    found = {e.name: e for e in entry_points(group="mkdocs.plugins")}
    assert "kodeetik" in found, sorted(found)
    from macros.plugin import KodeEtikPlugin

    assert found["kodeetik"].load() is KodeEtikPlugin
    assert "search" in found  # negative control: the lookup sees MkDocs' own plugins too


def _fixture_site(tmp_path: Path, options: str) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Uji\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Uji\ndocs_dir: docs\nplugins:\n  - kodeetik:\n{options}", encoding="utf-8")
    return tmp_path


def _build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                           "-d", str(project / "site")], cwd=project, capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=False)


@pytest.mark.site  # a real `mkdocs build` in a subprocess, which the tier detection cannot see
def test_an_unknown_option_stops_the_build_naming_it(tmp_path):
    """A small real site whose mkdocs.yml misspells an option: `mkdocs build` stops, naming it."""
    proc = _build(_fixture_site(tmp_path, "      dta_dir: regulations\n"))
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "Plugin 'kodeetik' option 'dta_dir': unknown option (a typo?); the options are: cache, cache_dir, " \
        "csp, data_dir, jobs, posters, search, sources_dir." in output, output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("options, named, says", [
    ("      jobs: many\n", "jobs", "Expected type: <class 'int'>"),
    ("      jobs: 0\n", "jobs", "0 is not a number of processes"),
    ("      posters: maybe\n", "posters", "Expected type: <class 'bool'>"),
    ("      data_dir: [a, b]\n", "data_dir", "Expected type: <class 'str'>"),
])
def test_a_mistyped_option_is_an_error_naming_it(tmp_path, caplog, options, named, says):
    from mkdocs.exceptions import Abort

    config_file = _fixture_site(tmp_path, options) / "mkdocs.yml"
    with pytest.raises(Abort):
        load_config(str(config_file))
    assert f"Plugin 'kodeetik' option '{named}'" in caplog.text and says in caplog.text, caplog.text


def test_good_options_are_read_typed():
    """Negative control of the above: the project's own options load, with their types."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    options = config.plugins["kodeetik"].config
    assert options.data_dir == "regulations" and options.cache_dir == ".cache/print"
    assert options.jobs is None and options.posters is True and options.search is True


def _load_twice(tmp_path):
    """The plugin's on_config run twice on the project, as `mkdocs serve` does on a rebuild."""
    plugin = load_config(str(ROOT / "mkdocs.yml")).plugins["kodeetik"]
    plugin.config.posters = False  # printing is not what this is about
    plugin.on_startup(command="serve", dirty=False)
    builds = []
    for _ in range(2):
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        plugin.on_config(config)
        builds.append(plugin.build)
    return plugin, builds


def test_every_build_of_a_serve_session_starts_afresh(tmp_path):
    plugin, (first, second) = _load_twice(tmp_path)
    assert second is not first
    assert second.data is not first.data and second.renderer is not first.renderer
    assert second.pages.keys() == first.pages.keys() and second.pages is not first.pages
    assert second.html is not first.html and second.files is not first.files
    first.indexed.add("stale.md")
    assert second.indexed == set()
    assert second.final_site_dir is None  # serve builds in place, nothing staged

    # The mkdocs-macros module reads the current build from the plugin instance.
    import macros

    functions = {}
    env = SimpleNamespace(conf=SimpleNamespace(plugins={"kodeetik": plugin}),
                          macro=lambda fn: functions.setdefault(fn.__name__, fn))
    macros.define_env(env)
    assert functions["jumlah_peraturan"]() == len(second.data.corpus.regulations) > 0
    plugin.build = SimpleNamespace(data=SimpleNamespace(corpus=SimpleNamespace(regulations=[])))
    assert functions["jumlah_peraturan"]() == 0  # looked up at call time, not kept


def test_the_csp_and_search_options_switch_their_concern_off():
    from macros.plugin import KodeEtikPlugin, csp

    plugin = KodeEtikPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    env = SimpleNamespace(globals={})
    plugin.on_env(env, config=None, files=None)
    assert env.globals["ke_csp"] == csp.SITE_POLICY  # on by default (negative control)
    plugin.load_config({"csp": False})
    plugin.on_env(env, config=None, files=None)
    assert env.globals["ke_csp"] is None
    plugin.load_config({"search": False})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="tentang.md"), meta={}, title="Tentang")
    assert plugin._wrap_for_search("<p>isi</p>", page=page, config=None, files=None) == "<p>isi</p>"
    assert plugin.build is None  # with search off, nothing of a build is even looked at


def test_the_print_cache_and_workers_follow_the_options_then_the_environment(monkeypatch, tmp_path):
    from macros.plugin import KodeEtikPlugin
    from macros.plugin.plugin import CACHE_ENV
    from macros.render.parallel import JOBS_ENV

    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.delenv(JOBS_ENV, raising=False)
    plugin = KodeEtikPlugin()
    plugin.on_startup(command="build", dirty=False)
    plugin.load_config({"cache_dir": "cetakan", "jobs": 3})
    assert plugin._cache_dir(tmp_path) == tmp_path / "cetakan" and plugin._workers() == 3
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "bersama"))
    monkeypatch.setenv(JOBS_ENV, "1")
    assert plugin._cache_dir(tmp_path) == tmp_path / "bersama" and plugin._workers() == 1
    monkeypatch.setenv(CACHE_ENV, "off")
    assert plugin._cache_dir(tmp_path) is None
    monkeypatch.delenv(CACHE_ENV)
    plugin.load_config({"cache": False})
    assert plugin._cache_dir(tmp_path) is None
    monkeypatch.delenv(JOBS_ENV)
    plugin.on_startup(command="serve", dirty=False)
    plugin.load_config({"jobs": 3})
    assert plugin._workers() == 1  # mkdocs serve never forks


def test_kodeetik_validate_finds_the_data_where_the_plugin_options_say(tmp_path):
    from macros.kodeetik.cli import _project_dirs

    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\nplugins:\n  - macros\n  - kodeetik:\n"
                                         "      data_dir: data/peraturan\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert _project_dirs(tmp_path / "sub") == (tmp_path, tmp_path / "data/peraturan", tmp_path / "sources")
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\nplugins:\n  - macros\n", encoding="utf-8")
    assert _project_dirs(tmp_path)[1] == tmp_path / "regulations"  # the defaults without the plugin
