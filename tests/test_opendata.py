"""Open data for other systems (no build): the JDIHN feed against its JSON Schema, the change feed
from a real git history, the short Akoma Ntoso addresses."""

from __future__ import annotations

import copy
import json
import posixpath
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from macros.kodeetik import load_site
from macros.kodeetik.akn import work_uri
from macros.kodeetik.integrasi import jdihn_records, schema_files
from macros.kodeetik.riwayat import ADDED, CHANGED, REMOVED, STATUS, Perubahan, history
from macros.plugin import opendata
from macros.render import Renderer
from macros.render.feed import FEED_PATH, atom, feed_files, region_feed_path

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://contoh.example/kode-etik/"
ATOM = "{http://www.w3.org/2005/Atom}"


def schema(name: str) -> dict:
    return json.loads((ROOT / "macros/kodeetik/skema" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def records(real):
    return jdihn_records(real.corpus, SITE, "sumber")


# --------------------------------------------------------------------------- JDIHN

def test_every_jdihn_record_validates_against_the_schema(records, real):
    jsonschema.validate(records, schema("jdihn.schema.json"))
    assert [r["idData"] for r in records] == [r.id for r in real.corpus.regulations]


@pytest.mark.parametrize("field, value", [("status", "berlaku"), ("operasi", 4), ("tanggal_pengundangan", "8/12/2020"),
                                          ("urlDetailPeraturan", "https://contoh.example/")])
def test_the_schema_refuses_a_record_off_the_conventions(records, field, value):
    """Negative control: the schema is not a rubber stamp."""
    bad = copy.deepcopy(records)
    bad[0][field] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema("jdihn.schema.json"))


def test_a_record_missing_a_field_is_refused(records):
    bad = copy.deepcopy(records)
    del bad[0]["judul"]
    with pytest.raises(jsonschema.ValidationError, match="judul"):
        jsonschema.validate(bad, schema("jdihn.schema.json"))


def test_jdihn_values_come_from_the_data(records):
    by_id = {r["idData"]: r for r in records}
    perbup = by_id["perbup-bengkayang-51-2020"]
    assert perbup["noPeraturan"] == "51" and perbup["singkatanJenis"] == "PERBUP"
    assert perbup["judul"].startswith("Peraturan Bupati Bengkayang Nomor 51 Tahun 2020 tentang ")
    assert perbup["tanggal_penetapan"] == "2020-12-08" and perbup["status"] == "Berlaku"
    assert perbup["teuBadan"] == "Kabupaten Bengkayang"
    assert perbup["urlDetailPeraturan"] == SITE + "peraturan/perbup-bengkayang-51-2020/"
    assert perbup["urlDownload"] == SITE + "sumber/" + perbup["fileDownload"]
    assert (ROOT / "sources" / perbup["fileDownload"]).is_file()
    banten = by_id["kep-dinsos-banten-2024"]
    assert banten["noPeraturan"] == "188.4/2/127-Dinsos/2024"  # as written
    assert banten["singkatanJenis"] == "KEP" and banten["teuBadan"].startswith("Dinas Sosial")
    assert banten["sumber"] == "-"  # a Keputusan is not promulgated in a Berita Daerah


# --------------------------------------------------------------------------- git history

def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                   check=True, capture_output=True)


def commit(repo: Path, message: str, when: int) -> None:
    git(repo, "add", "-A")
    env_date = f"{when} +0000"
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q",
                    "-m", message, "--date", env_date], check=True, capture_output=True,
                   env={"GIT_COMMITTER_DATE": env_date, "PATH": "/usr/bin:/bin"})


def regulation_yaml(keadaan: str, text: str) -> str:
    return f"singkatan: Perbup Contoh 1/2020\nstatus:\n  keadaan: {keadaan}\nteks: {text}\n"


def test_history_names_each_kind_of_change_newest_first(tmp_path):
    repo = tmp_path / "repo"
    data = repo / "regulations"
    data.mkdir(parents=True)
    git(repo, "init", "-q")
    (data / "perbup-contoh-1-2020.yaml").write_text(regulation_yaml("berlaku", "a"))
    (data / "_wilayah.yaml").write_text("wilayah: []\n")  # a registry: never an entry
    commit(repo, "add", 1_700_000_000)
    (data / "perbup-contoh-1-2020.yaml").write_text(regulation_yaml("berlaku", "b"))
    (data / "_wilayah.yaml").write_text("wilayah: [1]\n")
    commit(repo, "text", 1_700_000_100)
    (data / "perbup-contoh-1-2020.yaml").write_text(regulation_yaml("dicabut", "b"))
    commit(repo, "status", 1_700_000_200)
    (data / "perbup-contoh-1-2020.yaml").unlink()
    commit(repo, "remove", 1_700_000_300)
    changes = history(data)
    assert [(c.jenis, c.waktu) for c in changes] == [
        (REMOVED, 1_700_000_300), (STATUS, 1_700_000_200), (CHANGED, 1_700_000_100), (ADDED, 1_700_000_000)]
    assert changes[1].status_lama == "berlaku" and changes[1].status_baru == "dicabut"
    assert all(c.singkatan == "Perbup Contoh 1/2020" for c in changes)  # the removed one named from its last version


def test_no_history_outside_git(tmp_path):
    (tmp_path / "perbup-contoh-1-2020.yaml").write_text(regulation_yaml("berlaku", "a"))
    assert history(tmp_path) is None


# --------------------------------------------------------------------------- Atom

def test_feeds_are_atom_with_absolute_links_and_one_per_region(real):
    changes = [Perubahan(r.id, f"c{i}", 1_700_000_000 + i, CHANGED, r.singkatan)
               for i, r in enumerate(real.corpus.regulations)]
    files = feed_files(real.corpus, changes, SITE)
    root = ET.fromstring(files[FEED_PATH])
    assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}id") is not None
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(changes)
    for e in entries:  # RFC 4287: id, title, updated in every entry
        assert all(e.find(f"{ATOM}{k}") is not None for k in ("id", "title", "updated"))
        assert e.find(f"{ATOM}link").get("href").startswith(SITE + "peraturan/")
    bengkayang = next(w for w in real.corpus.wilayah if w.kode == "61.07")
    region = ET.fromstring(files[region_feed_path(bengkayang)])
    assert [e.find(f"{ATOM}title").text for e in region.findall(f"{ATOM}entry")] == \
        ["Diperbarui: Perbup Bengkayang 51/2020"]
    assert feed_files(real.corpus, changes, SITE) == files  # same history, same bytes


def test_feed_text_is_escaped_and_a_removed_regulation_has_no_link():
    change = Perubahan("perbup-x-1-2020", "abc", 1_700_000_000, REMOVED, "Perbup <X> & Y")
    text = atom("t", FEED_PATH, [change], SITE, {})
    assert "Perbup &lt;X&gt; &amp; Y" in text
    entry = ET.fromstring(text).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link") is None


# --------------------------------------------------------------------------- short addresses

def test_short_addresses_redirect_to_the_regulation_page(real):
    data = load_site(ROOT / "regulations", sources_dir=ROOT / "sources", display_root=ROOT)
    pages = opendata.short_urls(data, Renderer(), SITE)
    assert len(pages) == len(data.corpus.regulations)
    for reg in data.corpus.regulations:
        path = work_uri(reg).strip("/") + "/index.html"
        target = pages[path].split('url=', 1)[1].split('"', 1)[0]
        assert posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) == f"peraturan/{reg.id}"
        assert "<script" not in pages[path]
        assert f'<link rel="canonical" href="{SITE}peraturan/{reg.id}/">' in pages[path]
    assert "akn/id/act/perbup/kabupaten-bengkayang/2020/51/index.html" in pages
    assert "akn/id/act/kep/banten/2024/188.4-2-127-dinsos-2024/index.html" in pages


def test_the_schemas_are_published():
    files = schema_files()
    assert {Path(p).name for p in files} == {p.name for p in (ROOT / "macros/kodeetik/skema").glob("*.json")}
    for text in files.values():
        jsonschema.Draft202012Validator.check_schema(json.loads(text))


# --------------------------------------------------------------------------- the data files

@pytest.fixture(scope="module")
def data_files_(real):
    from macros.kodeetik.export import data_files
    return data_files(real.corpus, real.topics, SITE)


@pytest.mark.parametrize("pattern, name", [("data/peraturan/*.json", "peraturan.schema.json"),
                                           ("data/perbandingan.json", "perbandingan.schema.json"),
                                           ("data/istilah.json", "istilah.schema.json"),
                                           ("data/istilah/*.json", "istilah.schema.json")])
def test_every_data_file_validates_against_its_schema(data_files_, pattern, name):
    from fnmatch import fnmatch
    paths = [p for p in data_files_ if fnmatch(p, pattern)]
    assert paths
    for path in paths:
        jsonschema.validate(json.loads(data_files_[path]), schema(name))


def test_the_regulation_schema_refuses_an_unknown_key_or_a_wrong_type(data_files_):
    reg = json.loads(data_files_["data/peraturan/perbup-bengkayang-51-2020.json"])
    for edit in ({"tahun": "2020"}, {"extra": 1}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**reg, **edit}, schema("peraturan.schema.json"))
    reg["batang_tubuh"][0]["children"][0]["eid"] = "Pasal 1"  # deep in the tree
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(reg, schema("peraturan.schema.json"))


def test_the_datapackage_describes_every_csv_by_its_header(real, data_files_):
    import csv
    import io

    from macros.kodeetik.integrasi import datapackage_json
    package = datapackage_json(real.corpus, real.topics)
    described = {"data/" + r["path"] for r in package["resources"]}
    assert described == {p for p in data_files_ if p.endswith(".csv")}
    for resource in package["resources"]:
        text = data_files_["data/" + resource["path"]]
        assert text.startswith("\ufeff") and resource["encoding"] == "utf-8-sig"
        header = next(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
        assert header == [f["name"] for f in resource["schema"]["fields"]], resource["path"]
        names = [r["name"] for r in package["resources"]]
        assert len(set(names)) == len(names)


def test_the_feed_follows_rfc_4287(real):
    import re

    changes = [Perubahan(r.id, f"c{i}", 1_700_000_000 + i, ADDED, r.singkatan)
               for i, r in enumerate(real.corpus.regulations)]
    root = ET.fromstring(feed_files(real.corpus, changes, SITE)[FEED_PATH])
    stamp = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")  # RFC 3339
    for tag in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{ATOM}{tag}")) == 1, tag
    assert stamp.match(root.find(f"{ATOM}updated").text)
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{ATOM}{tag}")) == 1, tag
        assert stamp.match(entry.find(f"{ATOM}updated").text)
        assert len(entry.findall(f"{ATOM}link[@rel='alternate']")) <= 1
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(set(ids)) == len(changes)


def test_the_feed_matches_the_git_history_of_the_regulations():
    """Each regulation file's commits on the first-parent line, as git lists them, are its entries
    (newest first)."""
    data = ROOT / "regulations"
    shallow = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"],
                             capture_output=True, text=True, check=False).stdout.strip()
    if shallow != "false":
        pytest.skip("not a full git checkout: the feed has no history to match")
    changes = history(data)
    for path in sorted(data.glob("[a-z0-9]*.yaml")):
        log = subprocess.run(["git", "-C", str(data), "log", "--first-parent", "--no-renames", "--format=%H", "--",
                              path.name],
                             capture_output=True, text=True, check=True).stdout.split()
        assert [c.commit for c in changes if c.reg_id == path.stem] == log, path.name
        assert [c.jenis for c in changes if c.reg_id == path.stem][-1:] == [ADDED]
