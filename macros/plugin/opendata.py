"""Open data for other systems: the JDIHN feed, the change feeds, the published JSON Schemas and the
short Akoma Ntoso addresses (static redirects). All of it is made before MkDocs writes anything, with
the rest of `SiteBuild.files`."""

from __future__ import annotations

from pathlib import Path

from macros.kodeetik import SiteData
from macros.kodeetik.akn import work_uri
from macros.kodeetik.aknxml import akn_path, akn_xml
from macros.kodeetik.export import dumps
from macros.kodeetik.integrasi import DATAPACKAGE_PATH, JDIHN_PATH, datapackage_json, jdihn_records, schema_files
from macros.kodeetik.riwayat import history
from macros.render import Renderer
from macros.render.feed import feed_files
from macros.render.pages import regulation_url
from macros.render.publish import SOURCES_URL

def short_urls(data: SiteData, renderer: Renderer, site_url: str) -> dict[str, str]:
    """`akn/id/act/.../index.html` -> a static redirect to the regulation page (relative, so that
    it works at any address; template alamat_pendek.html)."""
    files = {}
    for reg in data.corpus.regulations:
        path = work_uri(reg).strip("/") + "/"
        target = regulation_url(reg)
        files[f"{path}index.html"] = renderer.render(
            "alamat_pendek.html", path, target=target, canonical=site_url + target,
            judul=f"{reg.nama_resmi} tentang {reg.tentang}")
    return files


def files(data: SiteData, data_dir: Path, renderer: Renderer, site_url: str | None) -> dict[str, str]:
    """Site path -> text of every open-data file."""
    base = site_url or ""
    out = {JDIHN_PATH: dumps(jdihn_records(data.corpus, base, SOURCES_URL))}
    out.update(schema_files())
    out[DATAPACKAGE_PATH] = dumps(datapackage_json(data.corpus, data.topics))
    out.update(feed_files(data.corpus, history(data_dir), base))
    out.update(short_urls(data, renderer, base))
    out.update({akn_path(reg): akn_xml(reg) for reg in data.corpus.regulations})
    return out
