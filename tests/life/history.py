"""A programme's history for the tests: a temporary git repository with three revisions.

Revision ``v1`` is the plan as approved by order № 5. Revision ``v2`` (order № 48 of
15.03.2023) moves a deadline, removes an activity, swaps two activities (a renumbering),
rewords a title, adds an activity and raises an indicator's target. Revision ``v3`` (order
№ 77 of 01.06.2023) renames a party and moves another deadline.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.checks.spec_helpers import BASE, edit

MONITORING = """\
        - title: Мониторинг результатов ВПР
          deadline: апрель 2023 г.
          responsible: [rmk]
          tasks: [t1]
"""
SEMINARS = """\
        - title: Семинары РМК для учителей
          deadline: май 2023 г.
          responsible: [rmk]
          tasks: [t1]
          status: in_progress
"""
MEETING = """\
        - title: Совещание с руководителями общеобразовательных организаций
          deadline: февраль 2023 г.
          responsible: [otdel]
          tasks: [t1]
          status: cancelled
          note: совещание заменено собеседованиями
"""
#: What follows the base's first activity: the rest of the two sections.
REST = f"""\
        - title: Закрепление за школами муниципальных координаторов
          deadline: январь 2023 г.
          responsible: [otdel]
          tasks: [t1]
{MEETING}    - title: Методическая помощь школам
      activities:
{SEMINARS}{MONITORING}\
        - title: Анализ рабочих программ учителей
          deadline: март 2023 г.
          responsible: [rmk]
          result: Аналитическая справка
          tasks: [t1]
          status: done
          done_on: 2023-03-20
        - title: Курсы повышения квалификации
          deadline: согласно плану-графику КГИРО на 2023 г.
          responsible: [rmk]
          tasks: [t1]
"""
SECOND_INDICATOR = """\
      actuals: {2023: 45}
    - id: i2
      task: t1
      name: Доля школ с планом перехода в эффективный режим
      unit: "%"
      sources: [отчёты школ]
      responsible: [otdel]
      baseline: {year: 2022, value: 20}
      targets: {2023: 100}
      actuals: {2023: 80}
"""
#: The clean base of the rule tests, with a second indicator, actual values, an instruction
#: with a due date and a roadmap of two sections.
V1 = edit([
    ("  place: г. Примерск\n", "  name_genitive: отдела образования Администрации Примерного "
                              "района\n  place: г. Примерск\n"),
    ("    - kind: control\n", "    - kind: instruct\n      parties: [rmk]\n      text: обеспечить "
                           "методическое сопровождение школ\n      due: в срок до 30 июня 2023 г."
                           "\n    - kind: control\n"),
    ("      targets: {2023: 60}\n", "      targets: {2023: 60}\n" + SECOND_INDICATOR),
    (BASE[BASE.index("        - title: Семинары РМК"):], REST),
])

V2_EDITS = [
    ("""  executor: clerk
""", """  executor: clerk
amendments:
  - number: "48"
    date: 2023-03-15
    points:
      - Контроль за исполнением настоящего приказа оставляю за собой.
"""),
    ("координаторов\n          deadline: январь 2023 г.",
     "координаторов\n          deadline: март 2023 г."),
    (MEETING, ""),
    (SEMINARS + MONITORING, MONITORING + SEMINARS),
    ("Анализ рабочих программ учителей", "Анализ рабочих программ и планов учителей"),
    ("targets: {2023: 60}", "targets: {2023: 70}"),
    ("""        - title: Курсы повышения квалификации""",
     """        - title: Консультации для молодых педагогов
          deadline: сентябрь 2023 г.
          responsible: [rmk]
          tasks: [t1]
        - title: Курсы повышения квалификации"""),
]

V3_EDITS = [
    ("""    date: 2023-03-15
    points:""", """    date: 2023-03-15
  - number: "77"
    date: 2023-06-01
    points:"""),
    ("""    name: Районный методический кабинет
    abbreviation: РМК""", """    name: Информационно-методический центр
    abbreviation: ИМЦ"""),
    ("""          deadline: сентябрь 2023 г.""", """          deadline: октябрь 2023 г."""),
]


def v2() -> str:
    return edit(V2_EDITS, V1)


def v3() -> str:
    return edit(V3_EDITS, v2())


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          check=True)
    return done.stdout


def make_repo(root: Path, name: str = "primer") -> Path:
    """A repository with the three revisions tagged v1, v2, v3; the programme's folder."""
    folder = root / "programmes" / name
    folder.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "metodist@example.org")
    git(root, "config", "user.name", "Методист")
    for tag, text, day in (("v1", V1, "2023-01-11"), ("v2", v2(), "2023-03-15"),
                           ("v3", v3(), "2023-06-01")):
        (folder / "programme.yaml").write_text(text, encoding="utf-8")
        git(root, "add", "-A")
        stamp = f"{day}T12:00:00+03:00"
        subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", f"Редакция {tag}"],
                       check=True, env=_dated(stamp))
        git(root, "tag", tag)
    return folder


def _dated(stamp: str) -> dict[str, str]:
    import os

    return {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
