"""The sorting of tests into tiers (tests/conftest.py): what counts as building a site, and the
guard that stops a unit test from building one or starting a browser."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, _calls_a_builder, run_mkdocs


def _helper_that_builds():
    return run_mkdocs(ROOT, ROOT / "nowhere")


def _builds_directly():
    run_mkdocs(ROOT, ROOT / "nowhere")


def _builds_through_a_helper():
    return _helper_that_builds()


def _builds_in_a_nested_function():
    def inner():
        return run_mkdocs(ROOT, ROOT / "nowhere")
    return inner


def _pure():
    return sorted([3, 1, 2])


@pytest.mark.parametrize("func", [_builds_directly, _builds_through_a_helper, _builds_in_a_nested_function])
def test_a_function_that_reaches_run_mkdocs_builds(func):
    assert _calls_a_builder(func, set())


def test_a_function_that_does_not_reach_it_does_not_build():
    assert not _calls_a_builder(_pure, set())
    # A module's own function of the same name (test_loader has its own make_project) is not conftest's.
    namespace = {"run_mkdocs": lambda *args: None}
    exec("def uses_its_own():\n    return run_mkdocs()\n", namespace)
    assert not _calls_a_builder(namespace["uses_its_own"], set())


def test_this_test_is_in_the_unit_tier(request):
    assert request.node.get_closest_marker("unit") is not None
    assert request.node.get_closest_marker("site") is None


@pytest.mark.unit  # it names run_mkdocs, so it would be `site`: an explicit tier wins
def test_a_unit_test_may_not_build_or_start_mkdocs_or_a_browser(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="is in the unit tier but builds a site"):
        run_mkdocs(ROOT, tmp_path / "site")
    assert not (tmp_path / "site").exists()
    with pytest.raises(pytest.fail.Exception, match="is in the unit tier but runs mkdocs"):
        subprocess.run([sys.executable, "-m", "mkdocs", "serve"], timeout=5)
    with pytest.raises(pytest.fail.Exception, match="is in the unit tier but starts a browser"):
        subprocess.run(["/usr/bin/chromium", "--version"], timeout=5)
    # Negative control: other subprocesses run as usual.
    assert subprocess.run([sys.executable, "-c", "print('ok')"], capture_output=True, text=True).stdout == "ok\n"


# A predicate given to wait_for_function as a bare expression is run by Playwright through eval()
# while it polls, which the site's Content-Security-Policy refuses: the wait then fails only when the
# page is slow (a flaky test). A function ("() => ...") is compiled by the browser's protocol instead.
_BARE_EXPRESSION = re.compile(r"""wait_for_function\(\s*(?:"{3}|"(?!")|')(?!\s*(?:\(|[A-Za-z_$][\w$]*\s*=>|function\b))""")


def test_browser_tests_wait_with_functions_not_bare_expressions():
    offenders = [f"{path.name}:{text[:m.start()].count(chr(10)) + 1}"
                 for path in sorted((ROOT / "tests").glob("*.py")) if path.name != "test_tiers.py"  # its controls
                 for text in [path.read_text(encoding="utf-8")]
                 for m in _BARE_EXPRESSION.finditer(text)]
    assert offenders == []
    # Negative control: the pattern sees the bare form and passes the function forms.
    assert _BARE_EXPRESSION.search('page.wait_for_function("location.hash === \'#a\'")')
    assert not _BARE_EXPRESSION.search('page.wait_for_function("() => location.hash")')
    assert not _BARE_EXPRESSION.search('page.wait_for_function("n => n > 1", arg=1)')
    assert not _BARE_EXPRESSION.search('page.wait_for_function("""q => q""", arg=1)')
