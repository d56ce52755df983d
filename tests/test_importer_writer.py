"""The YAML writer: every value reads back exactly with the project's YAML reader."""

from __future__ import annotations

from macros.kodeetik import yamlio
from macros.kodeetik.importer import writer
from macros.kodeetik.importer.nodes import DNode

TRICKY = ["Menimbang : a. bahwa", "- dimulai dengan tanda", "ada # pagar", "{{ 7*7 }}", "<script>x</script>",
          "no", "08", "1e3", "~", "null", "'kutip'", '"dua"', "akhir:", "*) coret", "Pasal 1", "ünïcödé …",
          "dan/atau", "@alamat", "% persen", "tab\there", "trailing "]


def test_tricky_scalars_round_trip():
    data = {"items": TRICKY, "nested": {"key": "a: b"}}
    text = writer.dump(data)
    assert yamlio.load(text) == data


def test_nodes_forms_and_comments():
    form = DNode(type="formulir", heading="FORMAT", text="KOP\nDINAS\n\nNama :\n   NIP : .....",
                 checks=["CHECK: a form"])
    node = DNode(type="pasal", num="1", text="Teks.", children=[DNode(type="ayat", num="1", text="Ayat.")])
    text = writer.dump({"id": "x", "wilayah": None, "batang_tubuh": [node], "lampiran": [{"children": [form]}]},
                       comments={("wilayah",): ["TODO: add the region"]}, header=["Import report"])
    assert text.startswith("# Import report\n")
    assert "wilayah: ~  # TODO: add the region" in text
    assert "# CHECK: a form" in text
    data = yamlio.load(text)
    assert data["lampiran"][0]["children"][0]["text"] == "KOP\nDINAS\n\nNama :\n   NIP : ....."
    assert data["batang_tubuh"][0]["children"][0] == {"type": "ayat", "num": "1", "text": "Ayat."}
    assert data["wilayah"] is None
