"""What happened to each regulation file, read from the git history of the data folder.

The change feed (feed.xml) is built from this: a regulation added, changed (its status, or the rest
of its data) or removed, dated by the commit that did it. Reading git, not the clock, keeps the
build reproducible: the same commit gives the same history, so the same bytes.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

REGULATION_FILE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$")
"""A regulation's file, directly in the data folder; registries start with "_" and are not one."""

ADDED, CHANGED, STATUS, REMOVED = "ditambahkan", "diubah", "status", "dihapus"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it: 10x faster


@dataclass(frozen=True, slots=True)
class Perubahan:
    """One change of one regulation file in one commit."""

    reg_id: str
    commit: str
    waktu: int
    """Committer time, Unix seconds."""
    jenis: str
    """ADDED, CHANGED, STATUS (its `status: keadaan` changed) or REMOVED."""
    singkatan: str
    """The regulation's short name as the file gave it then (a removed one has no page to name it)."""
    status_lama: str | None = None
    status_baru: str | None = None


def _git(folder: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None  # no git on this machine
    return proc.stdout if proc.returncode == 0 else None


def _head(folder: Path, commit: str, name: str) -> tuple[str, str | None]:
    """The `singkatan` and `status: keadaan` of a file at a commit ("" and None when unreadable)."""
    text = _git(folder, "show", f"{commit}:./{name}")
    try:
        data = yaml.load(text or "", Loader=_Loader)
    except yaml.YAMLError:
        return "", None
    if not isinstance(data, dict):
        return "", None
    status = data.get("status")
    keadaan = status.get("keadaan") if isinstance(status, dict) else None
    return str(data.get("singkatan") or ""), (str(keadaan) if keadaan else None)


def history(data_dir: Path) -> list[Perubahan] | None:
    """Every change to a regulation file of `data_dir`, newest first; None outside a git checkout
    or in a shallow clone (whose history would date every regulation by its one commit)."""
    if (_git(data_dir, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return None
    # Along the first parents: a change is dated when it reached the published line (a merged
    # branch's work is one change, at its merge), which is also what a conflict resolution is.
    log = _git(data_dir, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--relative",
               "--format=%x00%H %ct %P", "--name-status", "--", ".")
    if log is None:
        return None
    changes = []
    for block in log.split("\0")[1:]:
        first, *rest = block.strip().splitlines()
        commit, when, *parents = first.split()
        for line in rest:
            state, _, name = line.partition("\t")
            match = REGULATION_FILE.match(name)
            if not match or state not in ("A", "M", "D"):
                continue
            reg_id = match.group(1)
            if state == "D":
                singkatan, _ = _head(data_dir, parents[0], name) if parents else ("", None)
                changes.append(Perubahan(reg_id, commit, int(when), REMOVED, singkatan or reg_id))
                continue
            singkatan, status = _head(data_dir, commit, name)
            if state == "A" or not parents:
                changes.append(Perubahan(reg_id, commit, int(when), ADDED, singkatan or reg_id))
                continue
            _, before = _head(data_dir, parents[0], name)
            kind = STATUS if before != status else CHANGED
            changes.append(Perubahan(reg_id, commit, int(when), kind, singkatan or reg_id, before, status))
    return changes
