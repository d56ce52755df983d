"""The one loading pipeline: `load_site(dir)` reads and checks all the data the site is built from,
in one order, for the build (the plugin, macros/plugin/plugin.py) and `kodeetik validate` alike, and
raises one `DataErrors` with every problem of every stage: three independent slips (in a regulation, in the
topic coding, in the catalogue) are reported in one run.

The stages, in order, and what a failed stage does to the ones after it (the only skips, each
because the later check would only repeat the earlier error in other words):

1. Registries and regulations (`loader.read_corpus`). A missing data folder or registry stops the
   load here: nothing else can be checked against them. A regulation file with errors is left out
   of the corpus; the other regulations go on.
2. Topics (`topics_loader.read_topics`): the taxonomy, then the coding files. The coding file of a
   regulation left out in stage 1 is not read (its provisions are unknown). With errors in the
   taxonomy no coding file is read (every tag would look unknown).
3. Citizens' data (`_hak_anda.yaml`, `_kuis.yaml`): skipped when the taxonomy has errors (they
   name its items and areas).
4. Catalogue of legal bases (`_dasar_hukum.yaml`): its region codes are not checked when the region
   registry loaded nothing.
5. National rules (`_aturan_nasional.yaml`, `nasional.load_nasional`): skipped when the topics or
   the catalogue have errors (they name items and instruments).
6. Counter situations (`_kasus.yaml`, `kasus.load_kasus`): their pointers to national rules are not
   checked when those did not load, nor the provision ids of a regulation left out in stage 1;
   skipped when the corpus has no regulation.
7. Cross-references (`xref.build_links`): only once everything above is valid, since they need every
   regulation and the catalogue; what they cannot resolve is a warning, not an error.

Besides the errors, YAML files that no stage reads (in a subfolder, a `_`-prefixed name that is no
registry, in `sources/`) are warnings (`SiteData.ignored`): the build logs them, so
`mkdocs build --strict` fails on them, and `kodeetik validate` prints them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .dasar import DASAR_FILE, Katalog, load_katalog
from .errors import DataError, DataErrors, display_path
from .hak_anda import HakAndaData
from .kasus import KASUS_FILE, Kasus, load_kasus
from .kuis import KuisData
from .loader import PENYELENGGARA_FILE, WILAYAH_FILE, is_yaml, read_corpus
from .model import Corpus
from .nasional import NASIONAL_FILE, AturanNasional, load_nasional
from .posterdata import MAKLUMAT_FILE, PENGADUAN_FILE
from .topics import Topics
from .topics_loader import CODING_DIR, TAXONOMY_FILE, read_topics
from .warga_loader import HAK_FILE, KUIS_FILE, load_warga
from .xref import Links, build_links

REGISTRIES = frozenset({WILAYAH_FILE, PENYELENGGARA_FILE, PENGADUAN_FILE, MAKLUMAT_FILE, TAXONOMY_FILE,
                        DASAR_FILE, HAK_FILE, KUIS_FILE, NASIONAL_FILE, KASUS_FILE})
"""The `_`-prefixed files of the data folder that are read."""


@dataclass(frozen=True)
class SiteData:
    """Everything the site is built from, once every check passed."""

    corpus: Corpus
    """Regulations and registries."""
    topics: Topics
    """Taxonomy and coding."""
    hak: HakAndaData
    """What the Hak Anda pages say (`_hak_anda.yaml`)."""
    kuis: KuisData
    """The quiz questions (`_kuis.yaml`)."""
    katalog: Katalog
    """Legal bases."""
    links: Links
    """Cross-references; `links.problems` are the unresolved ones (warnings)."""
    ignored: tuple[DataError, ...] = ()
    """YAML files no stage reads (warnings)."""
    nasional: Mapping[str, AturanNasional] = field(default_factory=dict)
    """The national rule per topic item, where a local code is silent (`_aturan_nasional.yaml`)."""
    kasus: tuple[Kasus, ...] = ()
    """The counter situations of the training (`_kasus.yaml`, editorial)."""

    @property
    def warnings(self) -> tuple[DataError, ...]:
        """What a plain build reports as warnings and `--strict` refuses."""
        return (*self.ignored, *self.links.problems)

    def summary(self) -> str:
        c = self.corpus
        n = len(c.regulations)
        provisions = sum(len(r.provisions) for r in c.regulations)
        return (f"{n} regulation{'s' if n != 1 else ''}, {provisions} provisions, {len(c.wilayah)} regions, "
                f"{len(c.penyelenggara)} penyelenggara, {len(self.katalog.instrumen)} instruments, "
                f"{self.links.jumlah} cross-references")


def load_site(directory: str | os.PathLike, sources_dir: str | os.PathLike | None = None,
              display_root: str | os.PathLike | None = None) -> SiteData:
    """Load and check the data folder `directory` (and the source texts in `sources_dir`, by default
    its sibling `sources/`); file names in messages are relative to `display_root` (by default the
    folder's parent, the project). Raises DataErrors with every problem of every stage."""
    root = Path(directory)
    sources = Path(sources_dir) if sources_dir is not None else root.parent / "sources"
    shown_root = Path(display_root) if display_root is not None else root.parent
    read = read_corpus(root, sources, shown_root)
    if read.corpus is None:  # no folder or no registry
        raise DataErrors(list(read.errors))
    corpus = read.corpus
    errors = list(read.errors)
    topics, topic_errors = read_topics(root, corpus, shown_root, skip=read.failed)
    errors += topic_errors
    hak = kuis = None
    if topics is not None:
        try:
            hak, kuis = load_warga(root, topics, display_root=shown_root)
        except DataErrors as exc:
            errors += exc.errors
    katalog, katalog_errors = load_katalog(root, corpus, display=display_path(root / DASAR_FILE, shown_root))
    errors += katalog_errors
    nasional: Mapping[str, AturanNasional] = {}
    nasional_ok = False
    if topics is not None and not topic_errors and not katalog_errors:
        try:
            nasional = load_nasional(root, topics, katalog, display_root=shown_root)
            nasional_ok = True
        except DataErrors as exc:
            errors += exc.errors
    kasus: tuple[Kasus, ...] = ()
    try:  # (with no regulation at all, that one error says it: every basis would be unknown)
        if corpus.regulations:
            kasus = load_kasus(root, corpus, nasional if nasional_ok else None, display_root=shown_root,
                               skip=read.failed)
    except DataErrors as exc:
        errors += exc.errors
    if errors or topics is None or hak is None or kuis is None:
        raise DataErrors(errors)
    return SiteData(corpus, topics, hak, kuis, katalog, build_links(corpus, katalog),
                    tuple(unread_yaml(root, sources, shown_root)), nasional, kasus)


def unread_yaml(root: Path, sources: Path, shown_root: Path) -> list[DataError]:
    """A warning for each YAML file under the data or sources folder that nothing reads: a file in a
    subfolder (other than the coding files directly in `_topik/`), a `_`-prefixed one that is no
    registry, any in `sources/`. Hidden files and folders (`.git`, editors') are not looked at."""
    out = []
    for folder in (root, sources):
        if not folder.is_dir():
            continue
        for path in sorted(_walk(folder)):
            if not is_yaml(path) or _is_read(root, path):
                continue
            inside = path.parent.relative_to(folder).as_posix()
            if folder == root and path.parent == root:
                why = (f"names starting with '_' are kept for the registries ({', '.join(sorted(REGISTRIES))}).",
                       "rename it (a regulation's file is named after its id, without '_'), or delete it.")
            else:
                where = f"{folder.name}/" if inside == "." else f"{folder.name}/{inside}/"
                why = (f"it is not read: YAML files in {where} are not data.",
                       f"move it into {root.name}/ (a regulation) or {root.name}/{CODING_DIR}/ (its topic "
                       "coding), or delete it.")
            out.append(DataError(display_path(path, shown_root), None, "", *why))
    return out


def _walk(folder: Path):
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue
        if path.is_dir() and not path.is_symlink() and not is_yaml(path):
            yield from _walk(path)  # (a folder named like a data file has its own error)
        elif path.is_file():
            yield path


def _is_read(root: Path, path: Path) -> bool:
    if path.parent == root:
        return not path.name.startswith("_") or path.name in REGISTRIES
    return path.parent == root / CODING_DIR  # (a `.yml` there has its own error)


__all__ = ["SiteData", "load_site", "unread_yaml"]
