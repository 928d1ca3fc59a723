"""R1xx: responsibility and the registry of parties."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.location import PathKey
from shnor_docs.model import Party

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]*$")
_INITIALS = r"[А-ЯЁ]\.\s?[А-ЯЁ]\."
_SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_INITIALS_FIRST = re.compile(rf"({_INITIALS})\s?({_SURNAME})")
_SURNAME_FIRST = re.compile(rf"({_SURNAME})\s({_INITIALS})")


@check("R101", "unassigned-activity", "error")
def unassigned_activity(ctx: Context) -> Iterator[Finding]:
    """У каждого мероприятия должен быть ответственный исполнитель.

    Мероприятие без ответственного некому исполнить и не с кого спросить.

    **Плохо**::

        - title: Мониторинг результатов ВПР
          deadline: февраль 2023 г.

    **Хорошо**::

        - title: Мониторинг результатов ВПР
          deadline: февраль 2023 г.
          responsible: [otdel]
    """
    for path, activity in ctx.activities:
        if not activity.responsible:
            yield Finding(f"{ctx.label(path, activity)}: не указан ответственный исполнитель "
                          "(responsible)", path)


def _party_refs(ctx: Context) -> Iterator[tuple[PathKey, str]]:
    spec = ctx.spec
    for key in ("head", "party"):
        if getattr(spec.authority, key):
            yield ("authority", key), getattr(spec.authority, key)
    if spec.act is not None:
        if spec.act.signatory:
            yield ("act", "signatory", "party"), spec.act.signatory.party
        if spec.act.executor:
            yield ("act", "executor"), spec.act.executor
    for path, point in ctx.points:
        yield from (((*path, "parties", i), ref) for i, ref in enumerate(point.parties))
    for i, indicator in enumerate(spec.programme.indicators):
        base = ("programme", "indicators", i, "responsible")
        yield from (((*base, j), ref) for j, ref in enumerate(indicator.responsible))
    for path, activity in ctx.activities:
        yield from (((*path, "responsible", j), ref) for j, ref in enumerate(activity.responsible))
    for i, party in enumerate(spec.parties):
        if party.organisation and _ID.match(party.organisation):
            yield ("parties", i, "organisation"), party.organisation


@check("R102", "unknown-party", "error")
def unknown_party(ctx: Context) -> Iterator[Finding]:
    """Ссылка на участника должна вести к участнику из реестра (parties).

    Ответственные мероприятий и показателей, адресаты пунктов акта, подписант и исполнитель
    проверяются уже при загрузке (ошибка S020); это правило дополнительно проверяет поле
    ``organisation`` у людей: если оно записано как идентификатор (латиницей), такой
    участник должен быть в реестре.

    **Плохо**::

        - id: ivanova
          kind: person
          surname: Иванова
          organisation: rmkk      # опечатка: в реестре rmk

    **Хорошо**::

        - id: ivanova
          kind: person
          surname: Иванова
          organisation: rmk
    """
    known = {party.id for party in ctx.spec.parties}
    for path, ref in _party_refs(ctx):
        if ref not in known:
            yield Finding(f"участника «{ref}» нет в реестре участников (parties)", path)


@check("R103", "unregistered-person", "warning")
def unregistered_person(ctx: Context) -> Iterator[Finding]:
    """Человек, названный в тексте акта, должен быть в реестре участников.

    В заголовке, преамбуле и пунктах акта ищутся имена вида «Л.В. Игнатенко» и
    «Мурашину Н.Т.»; каждое должно соответствовать человеку (kind: person) из parties —
    с учётом падежа фамилии и инициалов. Иначе нельзя проверить, что назначенный человек
    отвечает за мероприятия, и нельзя склонить его имя.

    **Плохо**::

        points:
          - text: Ответственность возложить на муниципального координатора Мурашину Н.Т.

    **Хорошо**::

        parties:
          - {id: murashina, kind: person, surname: Мурашина, initials: Н.Т.}
        act:
          points:
            - kind: assign
              role: ответственность за исполнение настоящего приказа
              parties: [murashina]
    """
    people = [p for p in ctx.spec.parties if p.is_person]
    for path, text in ctx.texts:
        if path[0] != "act":
            continue
        for initials, surname, shown in _names(text):
            if not any(_same_person(p, initials, surname) for p in people):
                yield Finding(f"«{shown}» назван(а) в тексте акта, но нет в реестре участников "
                              "(parties, kind: person)", path)


def _names(text: str) -> Iterator[tuple[str, str, str]]:
    spans: list[tuple[int, int]] = []
    for match in _INITIALS_FIRST.finditer(text):
        spans.append(match.span())
        yield match.group(1).replace(" ", ""), match.group(2), match.group(0)
    for match in _SURNAME_FIRST.finditer(text):
        start, end = match.span()
        if not any(start < e and s < end for s, e in spans):
            yield match.group(2).replace(" ", ""), match.group(1), match.group(0)


def _same_person(party: Party, initials: str, surname: str) -> bool:
    registered = (party.surname or (party.name or "").split()[0]).lower()
    word = surname.lower()
    common = len(_common_prefix(registered, word))
    if common < max(3, len(registered) - 2) or abs(len(word) - len(registered)) > 2:
        return False
    own = party.initials or "".join(
        f"{part[0]}." for part in (party.first_name, party.patronymic) if part
    )
    return not own or own.replace(" ", "") == initials


def _common_prefix(first: str, second: str) -> str:
    end = 0
    while end < min(len(first), len(second)) and first[end] == second[end]:
        end += 1
    return first[:end]
