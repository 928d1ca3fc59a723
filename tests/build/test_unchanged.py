"""A rebuild where nothing changed is decided from the build records alone: it parses no YAML,
imports nothing heavy and starts no process; and whatever the build read, changed, rebuilds."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from shnor_docs.build.record import RECORD
from shnor_docs.cli import cli
from tests.conftest import PROGRAMMES, SPECS

HEAVY = ("yaml", "pydantic", "jinja2", "docx", "docxtpl", "lxml", "importlib.metadata",
         "concurrent.futures.process")


def _build(*args: str) -> str:
    result = CliRunner().invoke(cli, ["build", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _region(tmp_path: Path) -> Path:
    region = tmp_path / "region"
    for slug in ("meshchovsk", "dubrovka"):
        shutil.copytree(PROGRAMMES / slug, region / slug)
    return region


def test_a_rebuild_without_changes_loads_nothing(tmp_path: Path) -> None:
    region, out = _region(tmp_path), tmp_path / "out"
    _build(str(region), "--out", str(out))
    code = (
        "import sys\nfrom shnor_docs.cli import cli\n"
        f"try:\n    cli.main({['build', str(region), '--out', str(out), '--jobs', '2']!r})\n"
        "except SystemExit as exc:\n    assert exc.code in (0, None), exc.code\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "без изменений: 2" in done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_an_edited_included_file_rebuilds(tmp_path: Path) -> None:
    region, out = _region(tmp_path), tmp_path / "out"
    _build(str(region), "--out", str(out))
    roadmap = region / "meshchovsk" / "roadmap.yaml"
    roadmap.write_text(roadmap.read_text(encoding="utf-8").replace(
        "Закрепление за школами муниципальных координаторов", "Закрепление кураторов"), "utf-8")
    assert "Собрано: 1, без изменений: 1" in _build(str(region), "--out", str(out))
    assert "Закрепление кураторов" in (out / "meshchovsk" / "index.html").read_text("utf-8")


def test_an_include_link_pointed_elsewhere_rebuilds(tmp_path: Path) -> None:
    """The record names the include as written: the link is followed again, not its old
    target hashed."""
    folder = tmp_path / "prog"
    shutil.copytree(SPECS / "valid", folder)
    text = (folder / "programme.yaml").read_text(encoding="utf-8")
    head, roadmap = text.split("roadmap:\n")
    (folder / "programme.yaml").write_text("include: [plan.yaml]\n" + head, "utf-8")
    (folder / "a.yaml").write_text("roadmap:\n" + roadmap, "utf-8")
    (folder / "b.yaml").write_text(
        "roadmap:\n" + roadmap.replace("Мероприятие", "Другое мероприятие"), "utf-8")
    (folder / "plan.yaml").symlink_to("a.yaml")
    out = tmp_path / "out"
    _build(str(folder), "--out", str(out))
    (folder / "plan.yaml").unlink()
    (folder / "plan.yaml").symlink_to("b.yaml")
    assert "Собрано: 1, без изменений: 0" in _build(str(folder), "--out", str(out))
    assert "Другое мероприятие" in (out / "prog" / "index.html").read_text("utf-8")
    assert "без изменений: 1" in _build(str(folder), "--out", str(out))


def test_a_new_template_of_its_own_rebuilds(tmp_path: Path) -> None:
    folder = tmp_path / "prog"
    shutil.copytree(SPECS / "valid", folder)
    (folder / "own" / "html").mkdir(parents=True)
    with open(folder / "programme.yaml", "a", encoding="utf-8") as handle:
        handle.write("templates: own\n")
    out = tmp_path / "out"
    _build(str(folder), "--out", str(out))
    assert json.loads((out / "prog" / RECORD).read_text("utf-8"))["read"]["templates"] == "own"
    assert "без изменений: 1" in _build(str(folder), "--out", str(out))
    page = (Path(__file__).parents[2] / "shnor_docs/templates/html/prikaz.html.j2").read_text(
        encoding="utf-8")
    (folder / "own" / "html" / "prikaz.html.j2").write_text("<p>СВОЙ</p>\n" + page, "utf-8")
    assert "Собрано: 1, без изменений: 0" in _build(str(folder), "--out", str(out))
    assert "<p>СВОЙ</p>" in (out / "prog" / "index.html").read_text("utf-8")


def _built_record(tmp_path: Path) -> tuple[Path, Path, Path, dict]:
    """The valid spec built once: its folder, the output, the build record and its data."""
    folder, out = tmp_path / "prog", tmp_path / "out"
    shutil.copytree(SPECS / "valid", folder)
    _build(str(folder), "--out", str(out))
    record = out / "prog" / RECORD
    return folder, out, record, json.loads(record.read_text("utf-8"))


def test_a_record_without_what_was_read_is_written_anew_once(tmp_path: Path) -> None:
    folder, out, record, data = _built_record(tmp_path)
    del data["read"]  # as an older shnor_docs wrote it
    record.write_text(json.dumps(data), encoding="utf-8")
    assert "Собрано: 1, без изменений: 0" in _build(str(folder), "--out", str(out))
    assert "read" in json.loads(record.read_text("utf-8"))
    assert "без изменений: 1" in _build(str(folder), "--out", str(out))


def test_a_path_the_loader_would_not_find_is_not_current(tmp_path: Path) -> None:
    """«prog/nowhere/..» names the built programme's folder only once «..» is resolved."""
    folder, out = tmp_path / "prog", tmp_path / "out"
    shutil.copytree(SPECS / "valid", folder)
    _build(str(folder), "--out", str(out))
    result = CliRunner().invoke(cli, ["build", str(folder / "nowhere" / ".."), "--out", str(out)])
    assert result.exit_code == 2 and "S002" in result.output


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    return result.exit_code, result.output


def test_a_rebuild_without_changes_repeats_what_the_checks_found(tmp_path: Path) -> None:
    """dubrovka keeps the seed's two points «4» (R401): an unchanged rebuild says so again."""
    region, out = _region(tmp_path), tmp_path / "out"
    first = _build(str(region), "--out", str(out))
    again = _build(str(region), "--out", str(out))
    assert "без изменений: 2" in again
    line = next(s for s in first.splitlines() if s.startswith("dubrovka: 1 ошибка проверки"))
    assert line in again.splitlines()
    assert "с ошибками проверки: 2" in first and "с ошибками проверки: 2" in again
    for args in ((), ("--jobs", "2")):  # the single-process and the pool path read records too
        assert "с ошибками проверки: 2" in _build(str(region), "--out", str(out), *args)


def test_strict_refuses_a_folder_a_lax_build_left_current(tmp_path: Path) -> None:
    region, out = _region(tmp_path), tmp_path / "out"
    _build(str(region), "--out", str(out))
    code, output = _invoke(str(region), "--out", str(out), "--strict")
    assert code == 1 and output.count("B007") == 2, output
    assert (out / "dubrovka" / "prikaz.docx").is_file()  # refused, not removed


def test_findings_of_another_day_are_checked_again(tmp_path: Path) -> None:
    """An activity becomes overdue with the date (R201): yesterday's findings do not hold."""
    folder, out, record, data = _built_record(tmp_path)
    assert "R201" in data["checked"]["errors"]
    data["checked"]["on"] = "2000-01-01"
    record.write_text(json.dumps(data), encoding="utf-8")
    assert "Собрано: 1, без изменений: 0" in _build(str(folder), "--out", str(out))
    assert json.loads(record.read_text("utf-8"))["checked"]["on"] != "2000-01-01"
    del data["checked"]  # as an older shnor_docs wrote it
    record.write_text(json.dumps(data), encoding="utf-8")
    assert "Собрано: 1, без изменений: 0" in _build(str(folder), "--out", str(out))
    assert "без изменений: 1" in _build(str(folder), "--out", str(out))


def test_the_api_reads_the_record_too(tmp_path: Path) -> None:
    from shnor_docs.build import build_programme

    region, out = _region(tmp_path), tmp_path / "out"
    first = build_programme(region / "dubrovka", out, {"html"}, force=False)
    again = build_programme(region / "dubrovka", out, {"html"}, force=False)
    assert again.unchanged and not first.unchanged
    assert again.check_line() == first.check_line() is not None


def test_changed_repository_settings_are_checked_again(tmp_path: Path) -> None:
    """A level set in ``shnor.toml`` changes what the build reports: the record's findings were
    made with the old settings and do not hold."""
    region, out = _region(tmp_path), tmp_path / "out"
    (tmp_path / ".git").mkdir()  # the repository's root: settings above it do not count
    _build(str(region), "--out", str(out))
    settings = tmp_path / "shnor.toml"
    settings.write_text('[rules]\nR401 = "off"\n', encoding="utf-8")
    again = _build(str(region), "--out", str(out))
    assert "Собрано: 2, без изменений: 0" in again and "R401" not in again
    assert "без изменений: 2" in _build(str(region), "--out", str(out))
    settings.write_text('[rules]\nR401 = "error"\n', encoding="utf-8")
    assert "R401" in _build(str(region), "--out", str(out))
