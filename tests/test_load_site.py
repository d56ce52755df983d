"""load_site: one pipeline, every error of every stage in one report, the documented skips, `.yaml`
in any case, and YAML files nothing reads named as warnings. Pure logic on a copy of the real data
in tmp_path (no build)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.kodeetik import DataErrors
from macros.kodeetik.pipeline import SiteData, load_site
from macros.kodeetik.validate import check

ROOT = Path(__file__).resolve().parent.parent
BENGKAYANG = "perbup-bengkayang-51-2020"
KALTIM = "pergub-kaltim-8-2025"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's data and sources; returns the data folder."""
    shutil.copytree(ROOT / "regulations", tmp_path / "regulations")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    return tmp_path / "regulations"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors_of(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_site(data)
    return [str(e) for e in info.value.errors]


def slip_in_regulation(data: Path) -> None:
    edit(data / f"{BENGKAYANG}.yaml", "wilayah: '61.07'", "wilayah: '61.99'")


def slip_in_coding(data: Path) -> None:
    edit(data / "_topik" / f"{KALTIM}.yaml", "bab_3__kelompok_1: ruang_lingkup.unsur_kode_etik",
         "bab_3__kelompok_1: ruang_lingkup.unsur_kode_etiq")


def slip_in_catalogue(data: Path) -> None:
    edit(data / "_dasar_hukum.yaml", "    keadaan: diubah\n", "    keadaan: berubah\n")


def slip_in_quiz(data: Path) -> None:
    edit(data / "_kuis.yaml", "    bidang: larangan\n", "    bidang: larangannya\n")


def test_the_real_data_loads_with_no_warning(project):
    site = load_site(project)
    assert isinstance(site, SiteData)
    assert len(site.corpus.regulations) == 5 and site.topics.tags and site.kuis.soal and site.katalog.instrumen
    assert site.warnings == ()


def test_independent_slips_in_every_stage_are_reported_in_one_run(project):
    slip_in_regulation(project)
    slip_in_coding(project)
    slip_in_catalogue(project)
    slip_in_quiz(project)
    errors = errors_of(project)
    assert len(errors) == 4, "\n".join(errors)
    files = [e.split(":")[0] for e in errors]
    assert files == ["regulations/_dasar_hukum.yaml", "regulations/_kuis.yaml",
                     f"regulations/_topik/{KALTIM}.yaml", f"regulations/{BENGKAYANG}.yaml"]
    assert "unknown wilayah '61.99'" in errors[3]
    assert "unknown topic 'ruang_lingkup.unsur_kode_etiq'" in errors[2]
    assert "'keadaan' is 'berubah'" in errors[0]
    # `kodeetik validate` runs the same pipeline.
    with pytest.raises(DataErrors) as info:
        check(project)
    assert [str(e) for e in info.value.errors] == errors


@pytest.mark.parametrize("slip", [slip_in_regulation, slip_in_coding, slip_in_catalogue, slip_in_quiz])
def test_each_slip_alone_is_the_only_error(project, slip):
    """Negative control of the test above: no slip drags in messages from another stage."""
    slip(project)
    assert len(errors_of(project)) == 1


def test_the_coding_of_a_regulation_that_did_not_load_is_skipped(project):
    """Documented skip: its provisions are unknown, so its coding file cannot be checked."""
    edit(project / f"{KALTIM}.yaml", "tahun:", "tahun: 20x5\ntahun_lama:")
    slip_in_coding(project)  # in the coding of that very regulation: not reported
    errors = errors_of(project)
    assert all(e.startswith(f"regulations/{KALTIM}.yaml") for e in errors), errors
    assert not any("_topik" in e for e in errors)


def test_with_a_broken_taxonomy_neither_coding_nor_quiz_is_read(project):
    edit(project / "_topik.yaml", "  - kunci: definisi\n", "  - kunci: Definisi!\n")
    slip_in_quiz(project)
    slip_in_catalogue(project)  # independent of the taxonomy: still reported
    errors = errors_of(project)
    assert sorted({e.split(":")[0] for e in errors}) == ["regulations/_dasar_hukum.yaml", "regulations/_topik.yaml"]


def test_a_missing_registry_stops_the_load_with_its_own_message(project):
    (project / "_penyelenggara.yaml").unlink()
    slip_in_catalogue(project)
    assert errors_of(project) == [("regulations/_penyelenggara.yaml: the registry file is missing. Fix: restore it "
                                   "from the repository (see regulations/README.md).")]


# ------------------------------------------------------------------ file names

def test_a_regulation_file_ending_in_upper_case_yaml_is_read(project):
    (project / f"{BENGKAYANG}.yaml").rename(project / f"{BENGKAYANG}.YAML")
    (project / "_topik" / f"{BENGKAYANG}.yaml").rename(project / "_topik" / f"{BENGKAYANG}.Yaml")
    site = load_site(project)
    reg = next(r for r in site.corpus.regulations if r.id == BENGKAYANG)
    assert reg.path == f"regulations/{BENGKAYANG}.YAML"
    assert site.topics.tags[BENGKAYANG]  # its coding was read too
    assert site.warnings == ()


def test_the_same_id_in_two_files_differing_in_case_is_refused(project):
    shutil.copy(project / f"{BENGKAYANG}.yaml", project / f"{BENGKAYANG}.YAML")
    assert errors_of(project) == [
        (f"regulations/{BENGKAYANG}.yaml: the regulation id '{BENGKAYANG}' is also the name of "
         f"regulations/{BENGKAYANG}.YAML. Fix: keep one file per regulation: delete or rename one.")]


@pytest.mark.parametrize("name", ["x.YML", "x.yml"])
def test_a_yml_regulation_file_is_still_asked_to_be_renamed(project, name):
    (project / f"{BENGKAYANG}.yaml").rename(project / name)
    assert f"regulations/{name}: regulation files must end in '.yaml'. Fix: rename it to x.yaml." in errors_of(project)


def test_yaml_files_nothing_reads_are_warnings_naming_them(project):
    (project / "lama").mkdir()
    shutil.copy(project / f"{BENGKAYANG}.yaml", project / "lama" / f"{BENGKAYANG}.yaml")
    (project / "_topik" / "arsip").mkdir()
    (project / "_topik" / "arsip" / "x.yml").write_text("a: b\n", encoding="utf-8")
    (project / "_wilayah_lama.YAML").write_text("a: b\n", encoding="utf-8")
    (project.parent / "sources" / "catatan.yaml").write_text("a: b\n", encoding="utf-8")
    # Negative controls: not YAML, hidden, or read.
    (project / "lama" / "README.md").write_text("x\n", encoding="utf-8")
    (project / ".cache").mkdir()
    (project / ".cache" / "x.yaml").write_text("a: b\n", encoding="utf-8")
    site = load_site(project)
    move = ("Fix: move it into regulations/ (a regulation) or regulations/_topik/ (its topic coding), "
            "or delete it.")
    registries = ("_aturan_nasional.yaml, _dasar_hukum.yaml, _hak_anda.yaml, _kasus.yaml, _kuis.yaml, _maklumat.yaml, _pengaduan.yaml, "
                  "_penyelenggara.yaml, _topik.yaml, _wilayah.yaml")
    assert [str(w) for w in site.ignored] == [
        f"regulations/_topik/arsip/x.yml: it is not read: YAML files in regulations/_topik/arsip/ are not data. {move}",
        (f"regulations/_wilayah_lama.YAML: names starting with '_' are kept for the registries ({registries}). "
         "Fix: rename it (a regulation's file is named after its id, without '_'), or delete it."),
        f"regulations/lama/{BENGKAYANG}.yaml: it is not read: YAML files in regulations/lama/ are not data. {move}",
        f"sources/catatan.yaml: it is not read: YAML files in sources/ are not data. {move}"]
    assert site.warnings == site.ignored  # no unresolved reference besides


def test_kodeetik_validate_prints_an_unread_file_and_fails_like_the_strict_build(project, monkeypatch, capsys):
    from macros.kodeetik import cli

    (project / "lama").mkdir()
    (project / "lama" / "x.yaml").write_text("a: b\n", encoding="utf-8")
    monkeypatch.chdir(project.parent)
    assert cli.main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "warning: regulations/lama/x.yaml: it is not read: YAML files in regulations/lama/ are not data." in err
    assert "1 unread YAML file: `mkdocs build --strict` refuses it." in err
    (project / "lama" / "x.yaml").unlink()  # negative control
    assert cli.main(["validate"]) == 0
