""".doc and .odt go through LibreOffice; without it, a coded error says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from shnor_docs.importing import ImportFailure, import_document
from shnor_docs.importing.package import OLE_MAGIC
from shnor_docs.render import soffice
from shnor_docs.spec.load import load_programme
from tests.importing.regional_word import write_regional

needs_soffice = pytest.mark.skipif(soffice.find_soffice() is None, reason="нужен LibreOffice")


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The regional order saved by LibreOffice as .odt and as .doc (Word 97)."""
    work = tmp_path_factory.mktemp("legacy")
    source = write_regional(work / "order.docx")
    binary = soffice.find_soffice()
    assert binary is not None
    found = {}
    for kind in ("odt", "doc"):
        soffice.run(soffice.command(binary, work / kind, kind, work / "out", [source]),
                    work / kind, 120)
        found[kind] = work / "out" / f"order.{kind}"
    return found


@needs_soffice
@pytest.mark.parametrize("kind", ["odt", "doc"])
def test_a_legacy_document_is_converted_and_imported(kind: str, legacy, tmp_path: Path) -> None:
    result = import_document(legacy[kind], tmp_path / "prog")
    assert result.problems == []
    spec = load_programme(tmp_path / "prog")
    assert (spec.act.number, spec.act.kind) == ("718-ОД", "prikaz")
    assert len(spec.roadmap.activities()) == 39
    assert spec.act.appendices[0].cited_as.number == "418-ОД"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(("shnor-import", "."))]


@needs_soffice
def test_a_document_libreoffice_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "damaged.doc"
    path.write_bytes(OLE_MAGIC + b"\x00" * 2000)
    with pytest.raises(ImportFailure) as caught:
        import_document(path, tmp_path / "prog")
    assert caught.value.code == "I007"


def test_without_libreoffice_a_legacy_document_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(soffice, "CANDIDATES", ())
    path = tmp_path / "order.odt"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(ImportFailure) as caught:
        import_document(path, tmp_path / "prog")
    assert caught.value.code == "I006"
    assert "LibreOffice" in caught.value.message
