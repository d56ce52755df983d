"""`kodeetik`: the project's command line (installed with the project, see pyproject.toml).

    kodeetik import SOURCE.txt|SOURCE.pdf [-o regulations/NAME.yaml] [--force] [--preview [FILE.html]]
    kodeetik validate [PATH ...]

Help and messages are in English, like the validation messages of the build they repeat.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import textwrap
from dataclasses import replace
from pathlib import Path

from . import yamlio
from .errors import DataErrors
from .loader import PENYELENGGARA_FILE, WILAYAH_FILE, is_yaml
from .topics_loader import CODING_DIR
from .validate import check

DESCRIPTION = "Tools for the regulation data of the Kode Etik Pelayanan Publik site."


def _project_dirs(start: Path) -> tuple[Path, Path, Path]:
    """(project root, data dir, sources dir) as the build sees them: from the options of the
    `kodeetik` plugin in the mkdocs.yml of `start` or above, else regulations/ and sources/."""
    for folder in (start, *start.parents):
        config = folder / "mkdocs.yml"
        if config.is_file():
            options: dict = {}
            try:
                options = _plugin_options(yamlio.load(yamlio.read_text(str(config))))
            except yamlio.YamlProblem:
                pass
            return (folder, folder / options.get("data_dir", "regulations"),
                    folder / options.get("sources_dir", "sources"))
    return start, start / "regulations", start / "sources"


def _plugin_options(mkdocs_yml) -> dict:
    """The `kodeetik` plugin's options in a loaded mkdocs.yml (`plugins:` is a list of names and
    one-key mappings, or a mapping)."""
    plugins = mkdocs_yml.get("plugins") or [] if isinstance(mkdocs_yml, dict) else []
    entries = plugins.items() if isinstance(plugins, dict) else \
        (next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, {}) for p in plugins)
    for name, options in entries:
        if name == "kodeetik" and isinstance(options, dict):
            return options
    return {}


# --------------------------------------------------------------------------- import

def cmd_import(args: argparse.Namespace) -> int:
    from .importer import SourceError, import_file

    source = Path(args.source)
    target = Path(args.output) if args.output else None
    if target is not None:
        problem = _output_problem(target, args.force)
        if problem is not None:
            print(f"error: {problem[1]}", file=sys.stderr)
            return problem[0]
    _, data_dir, sources_dir = _project_dirs(Path.cwd())
    registry_dir = target.parent if target is not None and (target.parent / WILAYAH_FILE).is_file() else data_dir
    if args.preview and source.suffix.lower() != ".pdf":
        print("error: --preview shows the pages of a PDF; give a .pdf file.", file=sys.stderr)
        return 2
    try:
        if source.suffix.lower() == ".pdf":
            from .importer.frompdf import command
            return command(source, target, registry_dir if registry_dir.is_dir() else None,
                           sources_dir, args.force, args.preview)
        yaml_text, draft = import_file(source, target, data_dir=registry_dir if registry_dir.is_dir() else None)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # writing the draft (disk full, permissions changed meanwhile)
        print(f"error: the draft could not be written to {target} ({exc.strerror or exc}); nothing was "
              "imported.", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a bug in a rule must not end in a traceback for a contributor
        print(f"error: the importer failed on {source} ({type(exc).__name__}: {exc}); nothing was written. "
              "This is a bug in the importer: report it with the source file.", file=sys.stderr)
        return 3
    if target is None:
        sys.stdout.write(yaml_text)
    report = draft.report
    print(report.text(), file=sys.stderr, end="")
    if target is not None:
        print(f"\nDraft written to {target}.", file=sys.stderr)
    if not (sources_dir / source.name).is_file():
        print(f"Next: copy {source} to {sources_dir.name}/{source.name} (the draft's sumber.berkas), "
              "fill in what is listed above, then run: kodeetik validate", file=sys.stderr)
    else:
        print("Next: fill in what is listed above, check the text against the original, then run: "
              "kodeetik validate", file=sys.stderr)
    return 0


def _output_problem(target: Path, force: bool) -> tuple[int, str] | None:
    """Why the draft cannot be written to `target` (exit status, message), checked before importing."""
    if target.is_dir():
        return 2, f"{target} is a folder; give the draft's file name, e.g. {target / 'perbup-contoh-12-2023.yaml'}."
    if target.suffix != ".yaml":
        return 2, (f"{target}: the draft must be a .yaml file named after its id "
                   "(e.g. regulations/perbup-bengkayang-51-2020.yaml).")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        return 2, f"the folder {folder} does not exist; nothing was written."
    if target.exists() and not force:
        return 1, (f"{target} already exists; nothing was written. Use --force to overwrite it, "
                   "or choose another name.")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        return 2, f"{target} cannot be written (no permission); choose a file in a folder you can write to."
    return None


# --------------------------------------------------------------------------- validate

def cmd_validate(args: argparse.Namespace) -> int:
    root, data_dir, sources_dir = _project_dirs(Path.cwd())
    paths = [Path(p) for p in args.paths] or [data_dir]
    status = 0
    for path in paths:
        if path.is_dir():
            status = max(status, _validate_dir(path, sources_dir, root))
        elif path.is_file() and is_yaml(path):
            status = max(status, _validate_file(path, data_dir, sources_dir, root))
        else:
            print(f"error: {path} is neither a folder of regulations nor a .yaml file.", file=sys.stderr)
            status = max(status, 2)
    return status


def _validate_dir(directory: Path, sources_dir: Path, root: Path) -> int:
    sources = sources_dir if sources_dir.is_dir() else directory.parent / "sources"
    try:
        checked = check(directory, sources_dir=sources, display_root=root)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    return _report(checked, checked.warnings, _shown(directory))


def _report(checked, warnings, what: str) -> int:
    """Unresolved references and unread YAML files are warnings in a plain build and errors in
    `build --strict`, which is how the site is built (scripts/build.sh): say so, and fail like it."""
    for problem in warnings:
        print(f"warning: {problem}", file=sys.stderr)
    if warnings:
        unresolved = sum(w not in checked.ignored for w in warnings)
        parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in
                 ((unresolved, "unresolved reference"), (len(warnings) - unresolved, "unread YAML file")) if n]
        print(f"{' and '.join(parts)}: `mkdocs build --strict` refuses {'them' if len(warnings) != 1 else 'it'}.",
              file=sys.stderr)
        return 1
    print(f"OK: {what}: {checked.summary()}.")
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _validate_file(path: Path, data_dir: Path, sources_dir: Path, root: Path) -> int:
    """One file, with the registries and the other regulations of the folder it will live in: its
    own folder when that holds the registries, else the project's data folder."""
    home = path.parent if (path.parent / WILAYAH_FILE).is_file() else data_dir
    if not (home / WILAYAH_FILE).is_file():
        print(f"error: no {WILAYAH_FILE} beside {path} nor in {data_dir}; run this in the project folder.",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "regulations"
        folder.mkdir()
        for f in home.iterdir():
            if is_yaml(f) and f.is_file() and f.resolve() != path.resolve() \
                    and (f.name.startswith("_") or f.name != path.name):
                (folder / f.name).symlink_to(f.resolve())
        (folder / path.name).symlink_to(path.resolve())
        if (home / CODING_DIR).is_dir():
            (folder / CODING_DIR).symlink_to((home / CODING_DIR).resolve())
        shown = {"regulations/" + path.name: str(path),
                 f"regulations/{CODING_DIR}/{path.stem}.yaml": str(home / CODING_DIR / f"{path.stem}.yaml")}
        shown.update({f"regulations/{n}": str(home / n) for n in (WILAYAH_FILE, PENYELENGGARA_FILE)})
        try:
            checked = check(folder, sources_dir=sources_dir, display_root=Path(tmp))
        except DataErrors as exc:
            mine = [replace(e, file=shown.get(e.file, e.file)) for e in exc.errors
                    if e.file in shown]
            others = len(exc.errors) - len(mine)
            if mine:
                print(DataErrors(mine).report(), file=sys.stderr)
            if others:
                print(f"({others} more error{'s' if others != 1 else ''} in other files of {home}; "
                      f"run: kodeetik validate {home})", file=sys.stderr)
            return 1 if mine else 0
        mine = [replace(w, file=shown[w.file]) for w in checked.warnings if w.file in shown]
    return _report(checked, mine, str(path))


# --------------------------------------------------------------------------- main

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kodeetik", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    raw = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser(
        "import", formatter_class=raw, help="make a draft data file from a regulation's PDF or extracted text",
        description=textwrap.fill(
            "Read a regulation (a PDF, scanned or not, or its extracted text) and write a draft data file in "
            "the project's format, with its structure (BAB, Pasal, ayat, huruf, Diktum, Lampiran, Menimbang, "
            "Mengingat) and metadata. A report at the end lists what could not be determined and what the "
            "cleaning rules changed; the same report is at the top of the draft as comments.", 78),
        epilog="example:\n  kodeetik import sources/005_perbup-contoh-12-2023.txt \\\n"
               "      -o regulations/perbup-contoh-12-2023.yaml")
    p.add_argument("source", metavar="SOURCE.txt|FILE.pdf", help="the regulation as a PDF (text layer or scan, read "
                   "with OCR; at most 300 pages, 100 MB) or as extracted text (.txt, UTF-8; at most 5 MB)")
    p.add_argument("-o", "--output", metavar="regulations/NAME.yaml",
                   help="write the draft to this file (its name, without .yaml, becomes the id); "
                        "without it the draft goes to standard output")
    p.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    p.add_argument("--preview", metavar="FILE.html", nargs="?", const="", default=None,
                   help="(PDF only) write an HTML page showing each page image beside the provisions drafted "
                        "from it (default: the draft's name with .preview.html)")
    p.set_defaults(func=cmd_import)
    v = sub.add_parser(
        "validate", formatter_class=raw, help="check the data as the build does, without building",
        description=textwrap.fill(
            "Load and check regulation data with the build's own checks (regulations, registries, topic "
            "coding, legal bases, cross-references) and print the same messages (file:line [place]: what "
            "is wrong. Fix: how). Exits with 1 when there are errors, or unresolved references, which "
            "the site's strict build refuses.", 78),
        epilog=textwrap.fill(
            "Without PATH, checks the data folder of the project (regulations/). A single .yaml file is "
            "checked together with the registries and the other regulations of its folder.", 78))
    v.add_argument("paths", nargs="*", metavar="PATH", help="a folder of regulations or a .yaml file")
    v.set_defaults(func=cmd_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
