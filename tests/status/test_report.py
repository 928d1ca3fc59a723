"""shnor report: the states and totals on a date, the document and its chart."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.cli import cli
from shnor_docs.spec.load import load_programme
from shnor_docs.status.chart import render_chart
from shnor_docs.status.document import chart_series, render_report
from shnor_docs.status.state import state_of, summary, totals, untracked
from tests.life.conftest import libreoffice_text
from tests.life.history import V1, v2

AS_OF = dt.date(2023, 4, 10)


@pytest.fixture
def spec(tmp_path: Path):
    folder = tmp_path / "primer"
    folder.mkdir()
    (folder / "programme.yaml").write_text(v2(), encoding="utf-8")
    return load_programme(folder)


def test_the_state_of_each_activity(spec) -> None:
    states = [state_of(a, AS_OF).text for a in spec.roadmap.activities()]
    assert states == ["выполнено 20.01.2023", "просрочено на 10\u00a0дней", "не начато",
                      "выполняется", "выполнено 20.03.2023", "не начато", "не начато"]
    # as of a day before it was done, a done activity was still being done (or late)
    assert state_of(spec.roadmap.activities()[0], dt.date(2023, 1, 15)).key == "in_progress"
    assert state_of(spec.roadmap.activities()[0], dt.date(2023, 2, 15)).text == (
        "выполнено 20.01.2023")


def test_totals_per_section_and_party(spec) -> None:
    overall, sections, parties = totals(spec, AS_OF)
    assert dict(overall.counts) == {"done": 2, "overdue": 1, "not_started": 3, "in_progress": 1}
    assert [(s.label, s.total, s.counts["done"]) for s in sections] == [
        ("1. Организационные мероприятия", 2, 1), ("2. Методическая помощь школам", 5, 1)]
    assert [(p.label, p.total, p.counts["overdue"]) for p in parties] == [
        ("Отдел образования", 2, 1), ("РМК", 5, 0)]
    assert summary(overall, untracked(spec)) == (
        "Всего мероприятий – 7; выполнено – 2 (29 %); выполняется – 1; просрочено – 1; "
        "не начаты – 3; отменены – 0; срок не отслеживается (внешний график, по потребности) – 1.")


def test_a_cancelled_activity(tmp_path: Path) -> None:
    folder = tmp_path / "primer"
    folder.mkdir()
    (folder / "programme.yaml").write_text(V1, encoding="utf-8")
    overall, _, _ = totals(load_programme(folder), AS_OF)
    assert overall.counts["cancelled"] == 1


def test_the_report_document_with_its_chart(spec, tmp_path: Path) -> None:
    files, line = render_report(spec, AS_OF, frozenset({"docx", "html"}))
    assert line.replace("\u00a0", " ").startswith("Всего мероприятий – 7; выполнено – 2 (29 %)")
    html = files["otchet.html"].decode("utf-8")
    assert html.count("<svg") == 1 and "SHNOR-CHART" not in html and 'class="toc"' not in html
    media = [n for n in zipfile.ZipFile(io.BytesIO(files["otchet.docx"])).namelist()
             if n.startswith("word/media/")]
    assert len(media) == 1
    (tmp_path / "otchet.docx").write_bytes(files["otchet.docx"])
    text = " ".join(libreoffice_text(tmp_path / "otchet.docx", tmp_path / "txt").split())
    assert ("Информация о ходе реализации плана мероприятий по поддержке школ по состоянию на "
            "10.04.2023") in text
    assert "Закрепление за школами муниципальных координаторов март 2023 г." in text
    assert "просрочено на 10 дней" in text
    assert "Доля педагогов, прошедших повышение квалификации % 70 45 64,3" in text
    assert "Доля школ с планом перехода в эффективный режим % 100 80 80" in text
    assert "Начальник отдела образования М.П. Иванова" in text
    # signed as the act is: the position at the left, the name at the landscape page's margin
    assert '<div class="signature">' in html
    # every part of the report prints on the landscape page, its summary and signature too
    sections = re.findall(r'<section class="(part[^"]*)"', html)
    assert len(sections) > 3 and all(s.endswith(" landscape-part") for s in sections), sections
    body = zipfile.ZipFile(io.BytesIO(files["otchet.docx"])).read("word/document.xml").decode()
    signed = body[body.rindex("<w:p>", 0, body.index("Иванова<")):]
    assert '<w:tab w:val="right" w:pos="14' in signed.split("</w:p>")[0]


def test_the_chart_is_the_same_for_the_same_data(spec) -> None:
    svg, png = render_chart(chart_series(spec))
    again = render_chart(chart_series(spec))
    assert (svg, png) == again
    assert svg.startswith("<svg") and png.startswith(b"\x89PNG")
    from PIL import Image

    width, height = Image.open(io.BytesIO(png)).size
    assert width > 1500 and 400 < height < width


def test_the_command(spec, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["report", str(spec.folder), "--as-of", "2023-04-10",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "просрочено\u00a0– 1" in result.output
    assert {p.name for p in (out / "primer-otchet").iterdir()} >= {"otchet.docx", "otchet.html"}
