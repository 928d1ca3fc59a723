"""A programme's history for the tests: a temporary git repository with three revisions.

Revision ``v1`` is the plan as approved by order № 5. Revision ``v2`` (order № 48 of
15.03.2023) moves a deadline, removes an activity, swaps two activities (a renumbering),
rewords a title, adds an activity and raises an indicator's target. Revision ``v3`` (order
№ 77 of 01.06.2023) renames a party and moves another deadline.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.checks.spec_helpers import edit

V1 = """\
authority:
  name: Отдел образования Администрации Примерного района
  name_genitive: отдела образования Администрации Примерного района
  place: г. Примерск
  head: head
parties:
  - id: otdel
    kind: unit
    name: Отдел образования
  - id: rmk
    kind: unit
    name: Районный методический кабинет
    abbreviation: РМК
  - id: head
    kind: person
    surname: Иванова
    initials: М.П.
    position: начальник отдела образования
  - id: clerk
    kind: person
    surname: Петрова
    initials: А.С.
    phone: 8 (48436) 2-15-11
act:
  number: "5"
  date: 2023-01-11
  title: Об утверждении плана мероприятий
  points:
    - kind: approve
      text: план мероприятий по поддержке школ
      appendix: 1
    - kind: instruct
      parties: [rmk]
      text: обеспечить методическое сопровождение школ
      due: в срок до 30 июня 2023 г.
    - kind: control
      parties: [head]
  signatory:
    party: head
  executor: clerk
programme:
  title: План мероприятий по поддержке школ
  period: 2023
  goals:
    - id: g1
      text: Повышение качества образования.
  tasks:
    - id: t1
      goal: g1
      text: Организовать методическое сопровождение школ.
  indicators:
    - id: i1
      task: t1
      name: Доля педагогов, прошедших повышение квалификации
      unit: "%"
      sources: [отчёты школ]
      responsible: [rmk]
      baseline: {year: 2022, value: 40}
      targets: {2023: 60}
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
  stages:
    - name: Основной
      start: 2023-01-01
      end: 2023-12-31
roadmap:
  sections:
    - title: Организационные мероприятия
      activities:
        - title: Информирование школ об участии в плане
          deadline: январь 2023 г.
          responsible: [otdel]
          tasks: [t1]
          status: done
          done_on: 2023-01-20
        - title: Закрепление за школами муниципальных координаторов
          deadline: январь 2023 г.
          responsible: [otdel]
          tasks: [t1]
        - title: Совещание с руководителями общеобразовательных организаций
          deadline: февраль 2023 г.
          responsible: [otdel]
          tasks: [t1]
          status: cancelled
          note: совещание заменено собеседованиями
    - title: Методическая помощь школам
      activities:
        - title: Семинары РМК для учителей
          deadline: май 2023 г.
          responsible: [rmk]
          tasks: [t1]
          status: in_progress
        - title: Мониторинг результатов ВПР
          deadline: апрель 2023 г.
          responsible: [rmk]
          tasks: [t1]
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
    ("""        - title: Совещание с руководителями общеобразовательных организаций
          deadline: февраль 2023 г.
          responsible: [otdel]
          tasks: [t1]
          status: cancelled
          note: совещание заменено собеседованиями
""", ""),
    ("""        - title: Семинары РМК для учителей
          deadline: май 2023 г.
          responsible: [rmk]
          tasks: [t1]
          status: in_progress
        - title: Мониторинг результатов ВПР
          deadline: апрель 2023 г.
          responsible: [rmk]
          tasks: [t1]
""", """        - title: Мониторинг результатов ВПР
          deadline: апрель 2023 г.
          responsible: [rmk]
          tasks: [t1]
        - title: Семинары РМК для учителей
          deadline: май 2023 г.
          responsible: [rmk]
          tasks: [t1]
          status: in_progress
"""),
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
