"""Helpers of the rule tests: a clean base spec, edits of it, markers of expected positions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shnor_docs.checks.config import settings_for
from shnor_docs.checks.core import Finding
from shnor_docs.checks.runner import run_checks
from shnor_docs.spec.load import load_programme

AS_OF = dt.date(2023, 3, 1)
MARK = "@@"

#: A small spec on which no rule finds anything at AS_OF.
BASE = """\
authority:
  name: Отдел образования Администрации Примерного района
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
      text: план мероприятий
      appendix: 1
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
        - title: Семинары РМК для учителей
          deadline: май 2023 г.
          responsible: [rmk]
          tasks: [t1]
"""

Edits = list[tuple[str, str]]


def edit(edits: Edits, base: str = BASE) -> str:
    """Apply (old, new) replacements to the base spec; each old text must occur exactly once."""
    text = base
    for old, new in edits:
        assert text.count(old) == 1, f"«{old}» должно встречаться в базовой спецификации ровно раз"
        text = text.replace(old, new)
    return text


def marked(text: str) -> tuple[str, tuple[int, int] | None]:
    """Remove the «@@» marker; return the text and the marker's (line, col)."""
    index = text.find(MARK)
    if index < 0:
        return text, None
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return text.replace(MARK, "", 1), (line, col)


def run_folder(folder: Path, text: str, as_of: dt.date = AS_OF) -> list[Finding]:
    """Write ``text`` as programme.yaml in ``folder``, load it and run every rule."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "programme.yaml").write_text(text, encoding="utf-8")
    spec = load_programme(folder)
    settings = settings_for(spec, None, None, set())
    return run_checks(spec, as_of, settings.config, settings.levels)


def summary(findings: list[Finding]) -> list[tuple[str, int, int]]:
    """(code, line, col) of each finding."""
    return [(f.code, f.location.line, f.location.col) for f in findings if f.location]
