"""A regional order from outside the examples, expressed without workarounds.

``tests/specs/regional-order`` holds an order of the kind departments sign: a plan of 39
activities in four unnumbered sections with continuous numbering and four columns, deadlines as
months of an academic year, «По спец. графику», «По потребности ОО», two report dates in one
point, «Рекомендовать» with sub-points, an addressee with its head in brackets, an appendix that
is approved but not attached. Its text, as LibreOffice extracts it, is a reviewed golden file.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from shnor_docs.build import build_programme
from shnor_docs.checks.runner import check_spec
from shnor_docs.deadlines import DeadlineKind
from shnor_docs.spec.load import load_programme
from tests.conftest import SPECS
from tests.render.conftest import soffice
from tests.render.test_golden import TEXTS, _compare, normalise_text

ORDER = SPECS / "regional-order"


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("regional")
    folder = build_programme(ORDER, out / "build", {"docx", "html"}).folder
    files = sorted(folder.glob("*.docx"))
    subprocess.run(
        [soffice(), f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
         "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(out / "txt"),
         *map(str, files)],
        capture_output=True, timeout=300, check=True,
    )
    return {p.stem: normalise_text(p.read_text(encoding="utf-8"))
            for p in (out / "txt").iterdir()}


@pytest.mark.parametrize("name", ["prikaz", "prilozhenie-1"])
def test_text_matches_the_reviewed_golden(texts: dict[str, str], name: str) -> None:
    _compare(texts[name], TEXTS / "regional-order" / f"{name}.txt")


def test_the_order_reads_as_signed(texts: dict[str, str]) -> None:
    order = texts["prikaz"].splitlines()
    for line in [
        "п р и к а з ы в а ю:",
        "1. Утвердить:",
        "1.1. План мероприятий по сопровождению школ с низкими результатами обучения на "
        "2020/2021 учебный год (приложение № 1).",
        "1.2. Список школ с низкими результатами обучения (далее – школы) (приложение № 2).",
        "2. Государственному автономному учреждению дополнительного профессионального "
        "образования «Смоленский областной институт развития образования» (Кольцова О.С.) "
        "(далее – ГАУ ДПО СОИРО):",
        "2.2. Представить в Департамент Смоленской области по образованию и науке информацию о "
        "реализации плана мероприятий в срок до 30 января 2021 года и 20 июля 2021 года.",
        "3. Рекомендовать руководителям органов местного самоуправления, осуществляющих "
        "управление в сфере образования:",
        "3.1. Назначить муниципальных координаторов по работе со школами в срок до 20 октября "
        "2020 года.",
        "И.о. начальника Департамента Е.П. Талкина",
    ]:
        assert line in order, line


def test_the_plan_keeps_its_columns_numbers_and_words(texts: dict[str, str]) -> None:
    plan = texts["prilozhenie-1"].splitlines()
    assert plan[plan.index("№ п/п"):plan.index("№ п/п") + 4] == [
        "№ п/п", "Мероприятие", "Срок", "Ответственные"]
    numbers = [line for line in plan if line.rstrip(".").isdigit()]
    assert numbers == [f"{n}." for n in range(1, 40)]
    assert "Организационные мероприятия" in plan  # an unnumbered section row
    for words in ("По спец. графику", "По потребности ОО", "Октябрь – ноябрь", "СОИРО",
                  "кабинет «Консультант-прогноз»", "органы управления образованием"):
        assert words in plan, words
    assert not any("ГАУ ДПО" in line for line in plan)  # the plan names it «СОИРО»


def test_deadlines_are_placed_in_the_academic_year_and_tracked() -> None:
    spec = load_programme(ORDER)
    windows = {a.title: a.parsed_deadline for a in spec.roadmap.activities()}
    october = windows["Назначение муниципальных координаторов по работе со школами"]
    assert (october.start, october.end) == (dt.date(2020, 10, 1), dt.date(2020, 10, 31))
    may = windows["Обобщение опыта работы школ по переходу в эффективный режим"]
    assert may.start == dt.date(2021, 5, 1)
    report = spec.act.points[1].points[1].parsed_due
    assert report.kind == DeadlineKind.DATES
    assert [start for start, _ in report.occurrences] == [
        dt.date(2021, 1, 30), dt.date(2021, 7, 20)]
    codes = {f.code for f in check_spec(spec, dt.date(2020, 10, 7))}
    assert "R208" in codes  # «По спец. графику», «По потребности ОО» cannot be tracked
    assert not codes & {"R205", "R207", "R310", "R311", "R312", "R401", "R402"}
