"""A regional order with its plan, written as an official writes it in Word.

The content is the test programme ``tests/specs/regional-order`` (its plan of 39 activities is
read from its YAML); the form is Word's: a blank with the authority's lines, the date and the
number in a borderless table, the title in a narrow cell with manual line breaks, the
letter-spaced directive by character spacing, points and sub-points numbered by Word's lists,
the signature in a two-column table, the plan with merged section rows, its header repeated on
a new page and a row split across two pages.

Its defects are planted, as a real document has them: the appendix mark cites order 418-ОД
(the order is 718-ОД), the control point repeats number 3 (typed by hand after the list), an
activity names «ЦОКО» that is never introduced, and a deadline («По мере поступления заявок»)
has no date.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.importing.wordlike import C, Word

SPEC = Path(__file__).resolve().parent.parent / "specs" / "regional-order"
NAMES = {"dep": "Департамент", "soiro": "СОИРО", "cabinet": "кабинет «Консультант-прогноз»",
         "mou": "органы управления образованием", "schools": "школы",
         "coordinators": "муниципальные координаторы"}
SPLIT_AT = 12     # this activity's row is split across two pages
REPEAT_AT = 20    # the header is repeated before this activity (a new page)
PLANTED_TITLE = 14  # this activity names «ЦОКО»
PLANTED_DEADLINE = 25  # this activity's deadline has no date


def write_regional(path: Path) -> Path:
    word = Word()
    _head(word)
    _points(word)
    _signature(word)
    _plan(word)
    return word.save(path)


def _head(word: Word) -> None:
    word.para("ДЕПАРТАМЕНТ СМОЛЕНСКОЙ ОБЛАСТИ\nПО ОБРАЗОВАНИЮ И НАУКЕ", bold=True,
              align="center")
    word.para()
    word.para("П Р И К А З", bold=True, align="center")
    word.para()
    word.para("от « 06 » 10 2020 г.\t\t\t\t\t\t№ 718-ОД")
    word.para("г. Смоленск", align="center")
    word.para()
    word.layout([["Об организации сопровождения\nшкол с низкими результатами\nобучения", ""]])
    word.para()
    word.para("В целях повышения качества образования в общеобразовательных организациях "
              "Смоленской области, показывающих низкие образовательные результаты, в "
              "соответствии с планом мероприятий по реализации проекта адресной методической "
              "помощи школам с низкими результатами обучения", align="both")
    word.para()
    word.para("приказываю:", spacing=60)


def _points(word: Word) -> None:
    points = word.list()
    word.para("Утвердить:", num=(points, 0), align="both")
    word.para("план мероприятий по сопровождению школ с низкими результатами обучения на "
              "2020/2021 учебный год (приложение № 1);", num=(points, 1), align="both")
    word.para("список школ с низкими результатами обучения (далее – школы) (приложение № 2).",
              num=(points, 1), align="both")
    word.para("Государственному автономному учреждению дополнительного профессионального "
              "образования «Смоленский областной институт развития образования» (Кольцова "
              "О.С.) (далее – ГАУ ДПО СОИРО):", num=(points, 0), align="both")
    word.para("обеспечить методическое сопровождение школ в соответствии с планом "
              "мероприятий;", num=(points, 1), align="both")
    word.para("представить в Департамент Смоленской области по образованию и науке "
              "информацию о реализации плана мероприятий в срок до 30 января 2021 года и "
              "20 июля 2021 года.", num=(points, 1), align="both")
    word.para("Рекомендовать руководителям органов местного самоуправления, осуществляющих "
              "управление в сфере образования:", num=(points, 0), align="both")
    word.para("назначить муниципальных координаторов по работе со школами в срок до "
              "20 октября 2020 года;", num=(points, 1), align="both")
    word.para("обеспечить участие школ в мероприятиях плана.", num=(points, 1), align="both")
    word.para("3. Контроль за исполнением настоящего приказа возложить на заместителя "
              "начальника Департамента А.В. Шевченко.", align="both")


def _signature(word: Word) -> None:
    word.para()
    word.para()
    word.layout([["И.о. начальника Департамента", "Е.П. Талкина"]])
    word.para()
    word.para("Исп.: Иванова Анна Сергеевна\nтел. 8 (4812) 29-27-00")


def _plan(word: Word) -> None:
    word.para("Приложение № 1\nк приказу Департамента Смоленской области\nпо образованию и "
              "науке\nот 06.10.2020 № 418-ОД", align="right")
    word.para()
    word.para("План мероприятий по сопровождению школ с низкими результатами обучения на "
              "2020/2021 учебный год", bold=True, align="center")
    header = ["№ п/п", "Мероприятие", "Срок", "Ответственные"]
    rows: list[list[C | str]] = [header]
    plan = yaml.safe_load((SPEC / "plan.yaml").read_text(encoding="utf-8"))["roadmap"]
    number = 0
    for section in plan["sections"]:
        rows.append([C(section["title"], span=4)])
        for activity in section["activities"]:
            number += 1
            rows += _activity_rows(number, activity, header)
    word.table(rows)


def _activity_rows(number: int, activity: dict, header: list[str]) -> list[list[C | str]]:
    title, deadline = activity["title"], activity["deadline"]
    if number == PLANTED_TITLE:
        title = f"{title} с участием ЦОКО"
    if number == PLANTED_DEADLINE:
        deadline = "По мере поступления заявок"
    responsible = "\n".join(NAMES[p] for p in activity["responsible"])
    rows: list[list[C | str]] = [[header[0], header[1], header[2], header[3]]] if (
        number == REPEAT_AT) else []
    if number == SPLIT_AT:
        words = title.split(" ")
        half = len(words) // 2
        rows.append([f"{number}.", " ".join(words[:half]), deadline, responsible])
        rows.append(["", " ".join(words[half:]), "", ""])
        return rows
    rows.append([f"{number}.", title, deadline, responsible])
    return rows
