"""Akoma Ntoso names for regulations: the FRBR work URI `/akn/id/act/<jenis>/<wilayah>/<tahun>/<nomor>`.

The URI names the regulation independently of this site's page addresses: it is published as a
short, stable address that redirects to the page, and is the FRBRthis of the work.
"""

from __future__ import annotations

from .integrasi import singkatan_jenis
from .loader import slugify
from .model import Regulation


def work_uri(reg: Regulation) -> str:
    """`/akn/id/act/perbup/kabupaten-bengkayang/2020/51`; a Keputusan of the head of a body is a
    `kep` of its region, its number as written made safe for a path (`188.4/2/127-Dinsos/2024` ->
    `188.4-2-127-dinsos-2024`)."""
    nomor = "-".join(p for p in (slugify(part) if not part.replace(".", "").isdigit() else part
                                 for part in reg.nomor.split("/")) if p)
    return f"/akn/id/act/{singkatan_jenis(reg.jenis).lower()}/{reg.wilayah.slug}/{reg.tahun}/{nomor}"
