"""Stale builds served as current, and what the input hash reads (issue «Nothing lost», E).

Also C12 and D20: files the build does not read are not read for the hash either.

The hash of a build is of what it loaded: every file the loader parsed and every template read,
wherever they lie, and the versions of the libraries; it reads nothing else.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from shnor_docs.build import inputs
from shnor_docs.spec import load as load_module
from tests.hostile.workspace import BUILD, PROG, VALID_TEXT, invoke, write_spec

PART = "roadmap:\n  sections:\n    - title: Раздел\n      activities:\n"
ACTIVITY = ("        - title: {title}\n          deadline: январь 2023 г.\n"
            "          responsible: [otdel]\n          tasks: [t1]\n          indicators: [i1]\n")


def _summary(*args: str) -> str:
    result = invoke([*BUILD, *args])
    assert result.exit_code == 0, result.output
    return result.output


def _page(root: Path) -> str:
    return (root / "build" / PROG / "index.html").read_text(encoding="utf-8")


def _split_roadmap(root: Path, folder: str, title: str) -> Path:
    """The roadmap moved into ``folder/roadmap.yaml``, included by the spec."""
    head = VALID_TEXT[: VALID_TEXT.index("roadmap:")]
    write_spec(root, f'include: ["{folder}/roadmap.yaml"]\n' + head)
    part = root / PROG / folder / "roadmap.yaml"
    part.parent.mkdir(exist_ok=True)
    part.write_text(PART + ACTIVITY.format(title=title), encoding="utf-8")
    return part


def test_an_edit_in_a_file_included_from_a_dot_folder_is_built(ws: Path) -> None:
    """Files in dot-folders were left out of the hash: their edits were «без изменений»."""
    part = _split_roadmap(ws, ".shared", "Первое мероприятие")
    assert "Собрано: 1" in _summary()
    part.write_text(PART + ACTIVITY.format(title="Второе мероприятие"), encoding="utf-8")
    assert "Собрано: 1, без изменений: 0" in _summary()
    assert "Второе мероприятие" in _page(ws)
    assert "Собрано: 0, без изменений: 1" in _summary()


def test_an_edit_in_a_dot_named_template_folder_is_built(ws: Path) -> None:
    own = ws / PROG / ".t" / "html"
    own.mkdir(parents=True)
    with open(ws / PROG / "programme.yaml", "a", encoding="utf-8") as handle:
        handle.write("templates: .t\n")
    (own / "prikaz.html.j2").write_text("<p>ВЕРСИЯ-1</p>\n", encoding="utf-8")
    assert "ВЕРСИЯ-1" in (_summary() and _page(ws))
    (own / "prikaz.html.j2").write_text("<p>ВЕРСИЯ-2</p>\n", encoding="utf-8")
    assert "Собрано: 1, без изменений: 0" in _summary()
    assert "ВЕРСИЯ-2" in _page(ws)


def test_an_edit_between_hashing_and_loading_leaves_no_stale_documents(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hash was of the files before loading: an edit in between, later undone, left
    documents of text that no longer existed, served as current."""
    spec = ws / PROG / "programme.yaml"
    original = VALID_TEXT.replace("- title: Мероприятие", "- title: Исходное мероприятие")
    edited = VALID_TEXT.replace("- title: Мероприятие", "- title: Правка на полпути")
    spec.write_text(original, encoding="utf-8")
    real = load_module.safe_read

    def edited_just_before_reading(path: Path, *args):
        if path.name == "programme.yaml":
            spec.write_text(edited, encoding="utf-8")  # someone saves the file right now
        return real(path, *args)

    monkeypatch.setattr(load_module, "safe_read", edited_just_before_reading)
    assert "Собрано: 1" in _summary()
    assert "Правка на полпути" in _page(ws)
    monkeypatch.setattr(load_module, "safe_read", real)
    spec.write_text(original, encoding="utf-8")  # the edit is undone
    assert "Собрано: 1, без изменений: 0" in _summary()
    assert "Исходное мероприятие" in _page(ws) and "Правка на полпути" not in _page(ws)


def test_a_new_version_of_a_library_rebuilds(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx, docxtpl, pymorphy3's dictionaries… shape the documents too."""
    versions = inputs.dependency_versions()
    for name in ("python-docx", "docxtpl", "pymorphy3-dicts-ru", "jinja2", "markdown"):
        assert versions[name] not in ("", "-"), name
    assert "Собрано: 0, без изменений: 1" in _summary()
    monkeypatch.setattr(inputs, "dependency_versions",
                        lambda: {**versions, "pymorphy3-dicts-ru": "0.0.1"})
    assert "Собрано: 1, без изменений: 0" in _summary()


def test_files_the_build_does_not_read_are_not_read_for_its_hash(ws: Path) -> None:
    """An unreadable file, a FIFO and a 4 GB file beside the spec: the hash used to read them
    all, before any error handling (and a FIFO blocked it for good)."""
    folder = ws / PROG
    with open(folder / "video.bin", "wb") as handle:
        handle.truncate(4 * 2**30)  # sparse: no disk, but 4 GB to read
    os.mkfifo(folder / "pipe")
    (folder / "secret.txt").write_text("x", encoding="utf-8")
    (folder / "secret.txt").chmod(0)
    (folder / "loop").symlink_to(folder / "loop")
    start = time.perf_counter()
    assert "Собрано: 1" in _summary("--force")
    assert "Собрано: 0, без изменений: 1" in _summary()
    assert time.perf_counter() - start < 30


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_build_record_that_is_a_fifo_or_dev_zero_is_not_a_record(ws: Path, kind: str) -> None:
    """Reading such a record blocked the build for good, or read without end."""
    record = ws / "build" / PROG / ".shnor-build.json"
    record.unlink()
    if kind == "fifo":
        os.mkfifo(record)
    else:
        record.symlink_to("/dev/zero")
    start = time.perf_counter()
    result = invoke(BUILD)
    assert result.exit_code == 2 and "ошибка B003 " in result.output
    assert time.perf_counter() - start < 30
    assert os.path.lexists(record) and (ws / "build" / PROG / "index.html").is_file()


def test_a_spec_that_is_a_fifo_is_a_coded_error(ws: Path) -> None:
    spec = ws / PROG / "programme.yaml"
    spec.unlink()
    os.mkfifo(spec)
    result = invoke(["validate", PROG])
    assert result.exit_code == 2
    assert f"{PROG}/programme.yaml: ошибка S002 programme.yaml — не обычный файл" in result.output
