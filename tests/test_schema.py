"""The declared schemas of the YAML readers (`macros/kodeetik/schema.py`): fields read and convert
their values, keys are checked with a suggestion for a near miss, and every problem is collected
with its line and place. No build."""

from __future__ import annotations

import datetime as dt

from macros.kodeetik import yamlio
from macros.kodeetik.errors import Collector
from macros.kodeetik.schema import (Choice, Date, Entries, Id, Int, Keyed, Nested, Reader, Schema, Str, Texts, Unique, Using,
                                    Year, named)

PERSON = Schema(nama=Str(required=True), jenis=Choice(("a", "b"), required=False), tahun=Year(), sejak=Date(), kata=Texts(),
                kepala=Nested(Schema(jabatan=Str())))


def read(text: str, schema: Schema = PERSON, where: str = "orang x"):
    errors = Collector()
    m = yamlio.load(text)
    return schema.read(Reader(errors, "f.yaml"), m, where), errors.errors


def test_fields_convert_their_values():
    v, errors = read("nama: ' Ani '\njenis: b\ntahun: '2020'\nsejak: 2020-12-08\nkata: [x, y]\n"
                     "kepala:\n  jabatan: Kepala\n")
    assert errors == []
    assert (v["nama"], v["jenis"], v["tahun"], v["sejak"], v["kata"]) == ("Ani", "b", 2020, dt.date(2020, 12, 8),
                                                                        ("x", "y"))
    assert v["kepala"]["jabatan"] == "Kepala" and v.line("kepala") == 6 and v.line("absent") == 1


def test_absent_optional_fields_read_as_nothing():
    v, errors = read("nama: Ani\n")
    assert errors == []
    assert (v["jenis"], v["tahun"], v["sejak"], v["kata"], v["kepala"]) == (None, None, None, (), None)


def test_every_wrong_value_is_reported_at_its_line_and_place():
    v, errors = read("nama: Ani\njenis: c\ntahun: '20'\nsejak: 8-12-2020\nkepala:\n  jabatn: x\n")
    assert [(e.line, e.where) for e in errors] == [(2, "orang x"), (3, "orang x"), (4, "orang x"),
                                                   (6, "orang x > kepala")]
    assert errors[0].fix == "use one of: a, b."
    assert v["jenis"] is None and v["tahun"] is None and v["kepala"] is None


def test_unknown_key_suggests_the_nearest_known_one_and_only_a_near_one():
    v, errors = read("nama: Ani\njenjs: a\nwarna: merah\n")
    assert v is None
    assert [e.message for e in errors] == ["unknown key 'jenjs' (did you mean 'jenis'?).", "unknown key 'warna'."]
    assert errors[0].fix == "remove it or use one of: nama, jenis, tahun, sejak, kata, kepala."


def test_missing_required_key_and_empty_required_value():
    assert [e.message for e in read("jenis: a\n")[1]] == ["missing required key 'nama'."]
    assert [e.message for e in read("nama: ''\n")[1]] == ["'nama' is empty."]


def test_the_top_mapping_reports_a_field_at_its_key():
    _, errors = read("nama: Ani\ntahun: dulu\n", where="")
    assert [e.where for e in errors] == ["tahun"]


def test_id_field_refuses_a_malformed_or_reserved_id_but_returns_it():
    schema = Schema(id=Id("uu-5-2014", reserved=("x/index is a list", "rename it.")))
    v, errors = read("id: UU_5\n", schema)
    assert v["id"] == "UU_5" and [e.message for e in errors] == ["id 'UU_5' is not a valid id."]
    assert errors[0].fix == "use lowercase letters, digits and '-', e.g. uu-5-2014."
    assert [e.message for e in read("id: index\n", schema)[1]] == ["id 'index' is reserved: x/index is a list."]
    assert read("id: uu-5-2014\n", schema)[1] == []


def test_using_declares_a_part_read_by_its_own_function():
    schema = Schema(n=Using(lambda r, m, key, where: (key, where, m.get(key))))
    assert read("n: x\n", schema)[0]["n"] == ("n", "orang x", "x")


def test_a_partial_nested_mapping_is_read_despite_an_unknown_key():
    schema = Schema(kepala=Nested(Schema(jabatan=Str()), partial=True))
    v, errors = read("kepala:\n  jabatan: K\n  nip: '1'\n", schema)
    assert v["kepala"]["jabatan"] == "K" and [e.message for e in errors] == ["unknown key 'nip'."]


def test_unique_reports_the_second_use_with_the_first_line():
    errors = Collector()
    seen = Unique(Reader(errors, "f.yaml"), "id", "give each its own id.")
    assert seen.add("a", 3, "x a") and seen.add("b", 5, "x b")
    assert not seen.add("a", 9, "x a")
    assert [(e.line, e.message) for e in errors.errors] == [(9, "id 'a' is used twice (first at line 3).")]


def test_named_uses_the_id_when_it_is_text_else_the_line():
    m = yamlio.load("id: ' dinsos '\nx: [1]\n")
    assert named(m, "id", 4) == "dinsos"
    assert named(m, "x", 4) == named(m, "absent", 4) == "(line 4)"


def test_entries_is_the_list_with_its_lines_and_a_non_list_is_reported_once_at_its_place():
    schema = Schema(butir=Entries(required=True), n=Int(1, 5))
    v, errors = read("butir:\n  - a: 1\n  - b: 2\nn: '3'\n", schema)
    assert errors == [] and v["butir"].item_lines == [2, 3] and v["n"] == 3
    v, errors = read("butir: x\nn: '9'\n", schema)
    assert list(v["butir"]) == [] and v["n"] is None
    assert [(e.line, e.where, e.message) for e in errors] == [
        (1, "orang x > butir", "'butir' must be a list, found the text 'x'."),
        (2, "orang x", "'n' must be a whole number from 1 to 5, found '9'.")]


def test_a_file_is_read_from_its_top_mapping_and_keyed_gives_a_mapping_of_data_keys():
    schema = Schema(topik=Keyed(required=True))
    errors = Collector()
    r = Reader(errors, "f.yaml")
    top = schema.read_file(r, yamlio.load("topik:\n  bab_1__pasal_2: larangan.pungli\n"))
    assert top is not None and dict(top["topik"]) == {"bab_1__pasal_2": "larangan.pungli"} and errors.errors == []
    assert schema.read_file(r, None) is None and errors.errors == []  # unreadable: its reader said so
    assert schema.read_file(r, yamlio.load("- a\n")) is None
    assert schema.read_file(r, yamlio.load("topik: x\n"))["topik"] is None
    assert [(e.line, e.where, e.message[:20]) for e in errors.errors] == [
        (1, "", "expected a mapping ("), (1, "topik", "expected a mapping (")]
