"""Bad input ends in a coded Russian error (exit code 2) or a partial import with its report,
never a traceback; the target folder is never overwritten without --force and never half
written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.cli import cli
from shnor_docs.importing import ImportFailure, import_document
from shnor_docs.importing.package import OLE_MAGIC
from shnor_docs.spec.load import load_programme
from tests.importing.test_wordlike import HEADER, ROWS, blank, order, tail
from tests.importing.wordlike import Word


def _order(tmp_path: Path, name: str = "order.docx") -> Path:
    word = Word()
    order(word, ROWS)
    return word.save(tmp_path / name)


def _zip(entries: dict[str, bytes], zeros: dict[str, int] | None = None) -> bytes:
    """An archive of ``entries``, and of ``zeros`` (name: megabytes of zero bytes, written in
    pieces: a real bomb, not a patched header)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        for name, megabytes in (zeros or {}).items():
            with archive.open(name, "w", force_zip64=True) as handle:
                for _ in range(megabytes):
                    handle.write(bytes(2**20))
    return buffer.getvalue()


def _encrypted() -> bytes:
    """What Word writes for a password-protected DOCX: an OLE compound file whose directory
    names the streams EncryptionInfo and EncryptedPackage (UTF-16), not a ZIP archive."""
    header = OLE_MAGIC + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(488)
    names = b"".join(n.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
                     for n in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    return header + names + bytes(4096)


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Each bad file once for the module (the bomb takes a second to write)."""
    tmp_path = tmp_path_factory.mktemp("bad")
    good = _order(tmp_path, "good.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    cases = {
        "encrypted": ("secret.docx", _encrypted(), "I003"),
        "truncated": ("half.docx", good[: len(good) // 2], "I002"),
        "not a zip": ("noise.docx", b"\x00\x01 not a document" * 50, "I002"),
        "no body": ("empty.docx", _zip({"[Content_Types].xml": parts["[Content_Types].xml"]}),
                    "I002"),
        "broken xml": ("broken.docx", _zip({**parts, "word/document.xml": b"<w:document"}),
                       "I002"),
        "zip bomb": ("bomb.docx", _zip(parts, {"word/media/image1.png": 300}), "I004"),
        "dense": ("dense.docx", _zip(parts, {"word/media/image1.png": 20}), "I004"),
        "too many files": ("many.docx", _zip({**parts, **{f"x/{i}": b"" for i in range(5001)}}),
                           "I004"),
        "empty file": ("zero.docx", b"", "I001"),
        "a pdf": ("order.pdf", b"%PDF-1.4\n" + bytes(100), "I005"),
    }
    found = {}
    for case, (name, data, code) in cases.items():
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        found[case] = (path, code)
    return found


def test_every_bad_file_ends_in_its_code(bad_inputs, tmp_path: Path) -> None:
    for case, (path, code) in bad_inputs.items():
        with pytest.raises(ImportFailure) as caught:
            import_document(path, tmp_path / "out" / case)
        assert caught.value.code == code, case
        assert not (tmp_path / "out").exists(), case


def test_the_command_line_says_the_code_and_exits_2(bad_inputs, tmp_path: Path,
                                                    monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for case, (path, code) in bad_inputs.items():
        result = runner.invoke(cli, ["import", str(path), "--into", f"out/{case}"])
        assert result.exit_code == 2, (case, result.output)
        assert f"ошибка {code}" in result.output
        assert "Traceback" not in result.output and "внутренняя" not in result.output
    missing = runner.invoke(cli, ["import", "nothing.docx"])
    assert missing.exit_code == 2 and "ошибка I001" in missing.output


def test_a_table_of_ten_thousand_rows_is_refused(tmp_path: Path) -> None:
    word = Word()
    order(word, [["1.", "Мероприятие", "январь 2021 г.", "Отдел образования"]])
    word.repeat_rows(10_000)
    path = word.save(tmp_path / "huge.docx")
    with pytest.raises(ImportFailure) as caught:
        import_document(path, tmp_path / "prog")
    assert caught.value.code == "I009"


def test_an_order_with_no_table_is_a_partial_import(tmp_path: Path) -> None:
    word = Word()
    blank(word)
    points = word.list()
    word.para("Утвердить план мероприятий (приложение № 1).", num=(points, 0))
    tail(word, points)
    result = import_document(word.save(tmp_path / "order.docx"), tmp_path / "prog")
    assert result.problems == []
    assert sorted(p.name for p in (tmp_path / "prog").iterdir()) == [
        "import-report.md", "parties.yaml", "programme.yaml"]
    report = (tmp_path / "prog" / "import-report.md").read_text(encoding="utf-8")
    assert "план мероприятий не найден" in report
    spec = load_programme(tmp_path / "prog")
    assert [(a.number, a.attached) for a in spec.act.appendices] == [(1, False)]


def test_a_document_with_nothing_to_import(tmp_path: Path) -> None:
    word = Word()
    word.para("Уважаемые коллеги! Просим принять участие в семинаре 12 мая.")
    word.table([["Школа", "Участники"], ["МБОУ СОШ № 1", "3"]])
    with pytest.raises(ImportFailure) as caught:
        import_document(word.save(tmp_path / "letter.docx"), tmp_path / "prog")
    assert caught.value.code == "I010"


def test_a_plan_on_its_own_is_a_partial_import(tmp_path: Path) -> None:
    word = Word()
    word.para("План мероприятий по поддержке школ на 2021 год", bold=True, align="center")
    word.table([HEADER, *ROWS])
    result = import_document(word.save(tmp_path / "plan.docx"), tmp_path / "prog")
    assert result.problems == []
    spec = load_programme(tmp_path / "prog")
    assert spec.act is None
    assert len(spec.roadmap.activities()) == 3
    assert "импортирован один план" in (tmp_path / "prog" / "import-report.md").read_text(
        encoding="utf-8")


def test_an_existing_folder_is_replaced_only_with_force(tmp_path: Path) -> None:
    source = _order(tmp_path)
    target = tmp_path / "programmes" / "order"
    import_document(source, target)
    (target / "notes.txt").write_text("мои заметки", encoding="utf-8")
    with pytest.raises(ImportFailure) as caught:
        import_document(source, target)
    assert caught.value.code == "I008"
    assert (target / "notes.txt").is_file()
    import_document(source, target, force=True)
    assert not (target / "notes.txt").exists()
    assert sorted(p.name for p in target.parent.iterdir()) == ["order"]


def test_force_never_replaces_a_folder_that_is_not_a_programme(tmp_path: Path) -> None:
    other = tmp_path / "documents"
    other.mkdir()
    (other / "letter.txt").write_text("важное", encoding="utf-8")
    (tmp_path / "file").write_text("файл", encoding="utf-8")
    for target in (other, tmp_path / "file"):
        with pytest.raises(ImportFailure) as caught:
            import_document(_order(tmp_path), target, force=True)
        assert caught.value.code == "I008"
    assert (other / "letter.txt").read_text(encoding="utf-8") == "важное"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".shnor-import-")]


def test_the_default_folder_is_named_after_the_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = _order(tmp_path, "Приказ 718-ОД.docx")
    result = CliRunner().invoke(cli, ["import", str(source)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "programmes" / "prikaz-718-od" / "programme.yaml").is_file()
    assert "Программа записана: programmes/prikaz-718-od" in result.output
