"""The one date a build writes: the time of the commit it builds, not the time it ran.

MkDocs stamps every page's `<lastmod>` in sitemap.xml, and the gzip header of sitemap.xml.gz, with
the build date, unless `SOURCE_DATE_EPOCH` is set (https://reproducible-builds.org/specs/source-date-epoch/).
We set it, when the caller has not, to the committer time of the project's last git commit: two
builds of the same commit then give byte-identical sites, on any day. Outside a git checkout (a
tarball) the build date stays, and only the sitemap shows it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"


def commit_time(project: Path) -> str | None:
    """Unix time of the last commit of the git checkout holding `project`, or None."""
    try:
        proc = subprocess.run(["git", "-C", str(project), "log", "-1", "--format=%ct"],
                              capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None  # no git on this machine
    value = proc.stdout.strip()
    return value if proc.returncode == 0 and value.isdigit() else None


def fix_build_date(project: Path) -> str | None:
    """Set SOURCE_DATE_EPOCH from the last commit unless it is set; return the value in force."""
    if os.environ.get(VARIABLE, "").strip():
        return os.environ[VARIABLE]
    value = commit_time(project)
    if value is not None:
        os.environ[VARIABLE] = value
    return value
