"""shnor export: the XLSX read back with openpyxl and opened by LibreOffice; the ICS parsed."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.cli import cli
from shnor_docs.export.ics import export_ics
from shnor_docs.export.xlsx import export_xlsx
from shnor_docs.spec.load import load_programme
from tests.checks.spec_helpers import edit
from tests.life.history import v2

TEXT = edit([("          deadline: сентябрь 2023 г.", "          deadline: до 15.09.2023")], v2())


@pytest.fixture
def spec(tmp_path: Path):
    folder = tmp_path / "primer"
    folder.mkdir()
    (folder / "programme.yaml").write_text(TEXT, encoding="utf-8")
    return load_programme(folder)


def test_the_xlsx_reads_back(spec) -> None:
    from openpyxl import load_workbook

    files, message = export_xlsx(spec)
    assert message == "Мероприятий в таблице: 7"
    sheet = load_workbook(io.BytesIO(files["plan.xlsx"])).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:J8"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Раздел", "№", "Мероприятие", "Срок", "Начало срока", "Конец срока")
    first = rows[1]
    assert first[:4] == ("1. Организационные мероприятия", "1.1",
                         "Информирование школ об участии в плане", "январь\u00a02023\u00a0г.")
    assert (first[4], first[5]) == (dt.datetime(2023, 1, 1), dt.datetime(2023, 1, 31))
    assert first[6:9] == ("Отдел образования", "выполнено", dt.datetime(2023, 1, 20))
    exact = next(r for r in rows if r[2] == "Консультации для молодых педагогов")
    assert exact[3] == dt.datetime(2023, 9, 15)  # one exact day: a real date
    external = next(r for r in rows if r[2] == "Курсы повышения квалификации")
    assert external[3].startswith("согласно плану-графику") and external[4] is None
    assert export_xlsx(spec)[0] == files  # the same spec, the same bytes


def test_the_xlsx_does_not_depend_on_the_moment_of_export(spec) -> None:
    """openpyxl stamps the time of saving as «modified»: two exports a second apart differed."""
    import time

    from openpyxl import load_workbook

    first = export_xlsx(spec)[0]
    time.sleep(1.1)
    assert export_xlsx(spec)[0] == first
    properties = load_workbook(io.BytesIO(first["plan.xlsx"])).properties
    assert properties.modified == properties.created == dt.datetime.combine(spec.act.date,
                                                                             dt.time())


def test_libreoffice_calc_opens_the_xlsx(spec, tmp_path: Path) -> None:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        pytest.skip("LibreOffice не установлен")
    path = tmp_path / "plan.xlsx"
    path.write_bytes(export_xlsx(spec)[0]["plan.xlsx"])
    subprocess.run([binary, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                    str(tmp_path / "csv"), str(path)], check=True, capture_output=True,
                   timeout=180)
    csv = tmp_path / "csv" / "plan.csv"
    if not csv.is_file():
        pytest.skip("в LibreOffice нет Calc (libreoffice-calc-nogui)")
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8
    assert lines[1].startswith("1. Организационные мероприятия,1.1,Информирование школ")
    assert ",01.01.2023,31.01.2023,Отдел образования,выполнено,20.01.2023" in lines[1]


def test_the_calendar_parses_and_keeps_its_uids(spec) -> None:
    from icalendar import Calendar

    first, message = export_ics(spec, dt.datetime(2023, 4, 1, tzinfo=dt.UTC))
    second, _ = export_ics(spec, dt.datetime(2023, 5, 1, tzinfo=dt.UTC))
    assert sorted(first) == ["sroki-otdel.ics", "sroki-rmk.ics", "sroki.ics"]
    assert message == ("Событий: 6; календарей ответственных: 2; не вошли мероприятия без "
                       "собственной даты (внешний график, по потребности, срок словами): 1")
    events = Calendar.from_ical(first["sroki.ics"]).walk("VEVENT")
    again = Calendar.from_ical(second["sroki.ics"]).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [str(e["UID"]) for e in again]
    assert len({str(e["UID"]) for e in events}) == 6
    by_summary = {str(e["SUMMARY"]): e for e in events}
    one = by_summary["1.2 Закрепление за школами муниципальных координаторов"]
    assert (one.decoded("DTSTART"), one.decoded("DTEND")) == (dt.date(2023, 3, 1),
                                                              dt.date(2023, 4, 1))
    assert [str(c) for c in one["CATEGORIES"].cats] == ["Отдел образования"]
    alarm = one.walk("VALARM")[0]
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=14)
    assert alarm["TRIGGER"].params["RELATED"] == "END"
    day = by_summary["2.4 Консультации для молодых педагогов"]
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (dt.date(2023, 9, 15),
                                                              dt.date(2023, 9, 16))
    own = Calendar.from_ical(first["sroki-rmk.ics"]).walk("VEVENT")
    assert {str(e["UID"]) for e in own} <= {str(e["UID"]) for e in events} and len(own) == 4


def test_the_uid_follows_the_activity_id_when_it_has_one(tmp_path: Path) -> None:
    from icalendar import Calendar

    folder = tmp_path / "primer"
    folder.mkdir()
    text = edit([("        - title: Мониторинг результатов ВПР\n",
                  "        - title: Мониторинг результатов ВПР\n          id: vpr\n")], TEXT)
    (folder / "programme.yaml").write_text(text, encoding="utf-8")
    renamed = edit([("Мониторинг результатов ВПР", "Мониторинг ВПР")], text)
    uids = []
    for version in (text, renamed):
        (folder / "programme.yaml").write_text(version, encoding="utf-8")
        files, _ = export_ics(load_programme(folder))
        events = Calendar.from_ical(files["sroki.ics"]).walk("VEVENT")
        uids.append(sorted(str(e["UID"]) for e in events))
    assert uids[0] == uids[1]
    assert "primer-vpr-1@shnor-docs" in uids[0]


def test_the_command(spec, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for fmt in ("xlsx", "ics"):
        result = CliRunner().invoke(cli, ["export", str(spec.folder), "--format", fmt,
                                          "--out", str(out)])
        assert result.exit_code == 0, result.output
    assert (out / "primer-xlsx" / "plan.xlsx").is_file()
    assert (out / "primer-ics" / "sroki.ics").is_file()
