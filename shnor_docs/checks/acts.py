"""R31x: the act's requisites: one document named alike, the executor mark, the place, the
appendix marks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.location import PathKey
from shnor_docs.spec.compose import appendices

_DOCUMENT = re.compile(
    r"(программ\w*|план\w*(?:\s+мероприятий)?|дорожн\w*\s+карт\w*|комплекс\w*\s+мер)", re.I
)
_PARENS = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"[А-Яа-яЁё]+")
_SKIP = {"по", "в", "на", "для", "с", "и", "о", "об", "к", "мероприятий", "муниципальной",
         "муниципальную", "муниципальная", "прилагаемый", "прилагаемую"}
_CATEGORIES = {
    "ШНОР": re.compile(r"ШНОР|низк\w*\s+(?:образовательн\w*\s+)?результат", re.I),
    "ШНСУ": re.compile(r"ШНСУ|неблагоприятн\w*\s+(?:социальн\w*\s+)?услови", re.I),
}
#: How a settlement is written in the place of issue: «г. Белая Калитва», «п. Дубровка» …
_SETTLEMENT = re.compile(
    r"^(?:г\.|город|гор\.|п\.|пос\.|посёлок|поселок|пгт\.?|р\.\s?п\.|рп\.?|с\.|село|ст-ца|"
    r"станица|ст\.|д\.|дер\.|деревня|х\.|хутор|аул|сл\.|слобода|м\.|мкр\.)\s*\S",
    re.I,
)


def _purpose(text: str) -> str | None:
    """The first word that says what the document is for: «помощи», «поддержки», …"""
    text = _PARENS.sub(" ", text.replace("«", " ").replace("»", " "))
    found = _DOCUMENT.search(text)
    if found is None:
        return None
    for word in _WORD.findall(text[found.end():]):
        if word.lower() not in _SKIP:
            return word.lower()[:5]
    return None


def _categories(text: str) -> set[str]:
    return {name for name, pattern in _CATEGORIES.items() if pattern.search(text)}


def _named(ctx: Context) -> list[tuple[str, PathKey, str]]:
    """The act's title, its approve points and the appendix titles: (what, path, text)."""
    spec = ctx.spec
    act = spec.act
    if act is None or not act.points:
        return []
    found = [("заголовок акта", ("act", "title"), act.title or "")]
    found += [(f"пункт {point.display_number.rstrip('.')}", (*path, "text"), point.text or "")
              for path, point in ctx.points if point.kind == "approve"]
    for i, appendix in enumerate(appendices(spec)):
        if appendix.attached and appendix.document in ("programme", "plan"):
            title = appendix.title or spec.programme.title
            where: PathKey = ("act", "appendices", i, "title") if appendix.title else (
                "programme", "title")
            found.append(("заголовок приложения", where, title))
    return [item for item in found if item[2].strip()]


@check("R310", "act-documents-differ", "warning")
def act_documents_differ(ctx: Context) -> Iterator[Finding]:
    """Заголовок акта, пункт «Утвердить …» и заголовок приложения называют один документ.

    Сравниваются слово, говорящее о назначении документа («программа помощи» и «программа
    поддержки» — разные документы), и категории школ (ШНОР; ШНОР и ШНСУ).

    **Плохо**::

        act:
          title: Об утверждении муниципальной программы помощи школам …
          points:
            - kind: approve
              text: муниципальную программу поддержки школ …

    **Хорошо**::

        act:
          title: Об утверждении муниципальной программы помощи школам …
          points:
            - kind: approve
              text: муниципальную программу помощи школам …
    """
    named = _named(ctx)
    if len(named) < 2:
        return
    first_what, _, first = named[0]
    for what, path, text in named[1:]:
        words = (_purpose(first), _purpose(text))
        if None not in words and words[0] != words[1]:
            yield Finding(f"{what} называет другой документ, чем {first_what}: "
                          f"«…{_word_in(text, words[1])}…» и «…{_word_in(first, words[0])}…»",
                          path)
        kinds = (_categories(first), _categories(text))
        if kinds[0] and kinds[1] and kinds[0] != kinds[1]:
            yield Finding(f"{what} говорит о {' и '.join(sorted(kinds[1]))}, а {first_what} — "
                          f"о {' и '.join(sorted(kinds[0]))}", path)


def _word_in(text: str, stem: str | None) -> str:
    match = re.search(rf"\b{stem}\w*", text, re.I) if stem else None
    return match.group(0) if match else ""


@check("R311", "missing-executor", "warning")
def missing_executor(ctx: Context) -> Iterator[Finding]:
    """У акта есть отметка об исполнителе с телефоном (ГОСТ Р 7.0.97, реквизит 25).

    **Плохо**::

        act:
          signatory: {party: kashcheeva}

    **Хорошо**::

        act:
          signatory: {party: kashcheeva}
          executor: efimako        # в parties: phone: "8 (86383) 2-56-71"
    """
    act = ctx.spec.act
    if act is None or not act.points:
        return
    if not act.executor:
        yield Finding("у акта нет отметки об исполнителе (act.executor)", ("act",), key=True)
        return
    index = {p.id: (i, p) for i, p in enumerate(ctx.spec.parties)}
    i, party = index[act.executor]
    if not party.phone:
        yield Finding(f"у исполнителя «{party.short()}» не указан телефон (phone)",
                      ("parties", i))


@check("R312", "missing-place", "warning")
def missing_place(ctx: Context) -> Iterator[Finding]:
    """У акта указано место издания — населённый пункт («г. Белая Калитва», «п. Дубровка»).

    **Плохо**::

        authority:
          place: Мещовский район

    **Хорошо**::

        authority:
          place: г. Мещовск
    """
    act = ctx.spec.act
    if act is None or not act.points:
        return
    place = act.place or ctx.spec.authority.place
    path: PathKey = ("act", "place") if act.place else ("authority", "place")
    if not place:
        yield Finding("не указано место издания акта (authority.place или act.place)",
                      ("authority",), key=True)
    elif not _SETTLEMENT.match(place.strip()):
        yield Finding(f"место издания «{place}» — не населённый пункт: укажите его с «г.», "
                      "«п.», «с.» и т. п.", path)


@check("R313", "appendix-mark-differs", "warning")
def appendix_mark_differs(ctx: Context) -> Iterator[Finding]:
    """Отметка о приложении называет тот же акт, что и сам документ: его номер и дату.

    Отметка печатается по реквизитам акта; ``cited_as`` хранит то, что отметка говорила в
    исходном документе (так его переносит ``shnor import``). Пока запись есть, расхождение
    остаётся находкой: сверьте документ и удалите ``cited_as``.

    **Плохо**::

        act:
          number: 718-ОД
          date: 2020-10-06
          appendices:
            - number: 1
              document: plan
              cited_as: {number: 418-ОД}

    **Хорошо**::

        act:
          number: 718-ОД
          date: 2020-10-06
          appendices:
            - number: 1
              document: plan
    """
    act = ctx.spec.act
    for i, appendix in enumerate(act.appendices if act else []):
        said = _differs(act, appendix.cited_as) if appendix.cited_as else []
        if said:
            name = f"№ {appendix.number}" if appendix.number else "без номера"
            yield Finding(f"отметка о приложении {name} называет другой акт: {'; '.join(said)}",
                          ("act", "appendices", i, "cited_as"))


def _differs(act: Any, cited: Any) -> list[str]:
    said = []
    if cited.number and cited.number.strip() != act.number.strip():
        said.append(f"№ {cited.number} вместо № {act.number}")
    if cited.date and cited.date != act.date:
        said.append(f"дата {cited.date:%d.%m.%Y} вместо {act.date:%d.%m.%Y}")
    return said
