"""R6xx: the texts: abbreviations and stale years."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.text import plural, spells

#: Abbreviations every reader of a Russian education document knows; they need no definition.
BUILTIN_ABBREVIATIONS = ("РФ", "ФЗ", "ФГОС", "ЕГЭ", "ОГЭ", "ГИА", "ВПР")

_ABBR = re.compile(
    r"(?<![А-Яа-яЁёA-Za-z0-9])(\d?[А-ЯЁ]{2,8})([а-яё]{1,3})?(?![А-Яа-яЁёA-Za-z0-9])"
)
_FURTHER = re.compile(r"\(\s*далее\s*[-–—:]?\s*[«\"]?([^()«»\"]+?)[»\"]?\s*\)", re.I)
_PAREN = re.compile(r"\(([^()]{1,80})\)")
_ONLY_ABBR = re.compile(r"[А-ЯЁ]{2,8}(?:(?:\s*,\s*|\s+и\s+|\s*/\s*|\s+)[А-ЯЁ]{2,8})*")
_ABBR_BEFORE = re.compile(r"([А-ЯЁ]{2,8}(?:\s[А-ЯЁ]{2,8})*)\s*$")
_WORD = re.compile(r"[А-Яа-яЁё]+")
_GAP = frozenset(" \u00a0")


@dataclass
class _Use:
    start: int
    parts: list[str]


def _uses(text: str) -> list[_Use]:
    """Abbreviations in ``text``; runs like «МОН КО» or «ООП ООО» stay together."""
    uses: list[_Use] = []
    last_end, last_inflected = -2, True
    for match in _ABBR.finditer(text):
        joined = match.start() == last_end + 1 and text[last_end] in _GAP
        if uses and joined and not last_inflected:
            uses[-1].parts.append(match.group(1))
        else:
            uses.append(_Use(match.start(), [match.group(1)]))
        last_end, last_inflected = match.end(), bool(match.group(2))
    return uses


def _definitions(text: str) -> list[tuple[int, int, set[str]]]:
    """(start, end, abbreviations) of each «(далее – X)», «(X)» and «X (расшифровка)»."""
    found = []
    for match in _FURTHER.finditer(text):
        found.append((match.start(), match.end(), _names(match.group(1))))
    for match in _PAREN.finditer(text):
        inner = match.group(1).strip()
        if _ONLY_ABBR.fullmatch(inner):
            found.append((match.start(), match.end(), _names(inner)))
        else:
            before = _ABBR_BEFORE.search(text[: match.start()])
            if before and _expands(before.group(1), inner):
                found.append((before.start(1), match.end(), _names(before.group(1))))
    return found


def _names(text: str) -> set[str]:
    parts = [use.parts for use in _uses(text)]
    return {p for group in parts for p in group} | {" ".join(group) for group in parts}


def _expands(abbreviation: str, phrase: str) -> bool:
    """Whether the initials of ``phrase`` spell ``abbreviation`` (in order, gaps allowed)."""
    letters = [w[0].upper() for w in _WORD.findall(phrase)]
    return len(letters) >= 2 and spells(abbreviation, letters)


def _known(ctx: Context) -> set[str]:
    config = ctx.config
    known = set(BUILTIN_ABBREVIATIONS) if config.builtin_abbreviations else set()
    known |= set(config.known_abbreviations)
    # A party's abbreviation is introduced by the documents themselves («… (далее – РМК)»), when
    # the party has a full name to introduce it with and the form introduces abbreviations.
    introduced = ctx.spec.form.introduce_abbreviations
    registry = [
        p.abbreviation for p in ctx.spec.parties if introduced and p.name != p.abbreviation
    ] + [ctx.spec.authority.abbreviation]
    for abbreviation in filter(None, registry):
        known |= _names(abbreviation)
    return known


@check("R601", "undefined-abbreviation", "warning")
def undefined_abbreviation(ctx: Context) -> Iterator[Finding]:
    """Сокращение расшифровано при первом упоминании или задано в реестре участников.

    Сокращение — слово из двух и более заглавных русских букв («ВПР», «КПК», «ООП ООО»,
    «МОН КО»). Оно считается введённым, если это ``abbreviation`` участника из ``parties``
    или органа, или если в тексте до него или при первом упоминании стоит «… (далее – X)»,
    «… (X)» или «X (расшифровка)». Тексты просматриваются в порядке документа: акт,
    программа, дорожная карта. Общеизвестные сокращения не требуют расшифровки: РФ, ФЗ,
    ФГОС, ЕГЭ, ОГЭ, ГИА, ВПР; список дополняется настройкой ``known_abbreviations`` и
    отключается настройкой ``builtin_abbreviations: false``.

    **Плохо**::

        - title: Направление на КПК директоров и административных команд школ

    **Хорошо**::

        - title: >-
            Направление на курсы повышения квалификации (далее – КПК) директоров и
            административных команд школ
    """
    defined = _known(ctx)
    reported: set[str] = set()
    for path, text in ctx.texts:
        events = sorted([(start, 0, end, names) for start, end, names in _definitions(text)]
                        + [(use.start, 1, 0, use) for use in _uses(text)], key=lambda e: e[:2])
        covered: list[tuple[int, int]] = []
        for start, kind, end, item in events:
            if kind == 0:
                defined |= item  # type: ignore[arg-type]
                covered.append((start, end))
            elif not any(s <= start < e for s, e in covered):
                missing = _undefined(item.parts, defined)  # type: ignore[union-attr]
                if missing and not set(missing) <= reported:
                    reported |= set(missing) | {" ".join(missing)}
                    yield Finding(f"сокращение «{' '.join(missing)}» не расшифровано: введите "
                                  "его при первом упоминании («… (далее – "
                                  f"{' '.join(missing)})») или укажите у участника в parties",
                                  path)


def _undefined(parts: list[str], defined: set[str]) -> list[str]:
    if " ".join(parts) in defined:
        return []
    return [part for part in parts if part not in defined]


_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)\d\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_CITED = re.compile(r"\bот\s+«?\d{1,2}»?(?:\s*\.\s*\d{1,2}\s*\.\s*|\s+[а-я]+\s+)((?:19|20)\d\d)")
_QUOTED = re.compile(r"«[^«»]*»")


def _years(text: str) -> Iterator[tuple[int, int]]:
    """(first, last) year of each year or range of years the text mentions as its own."""
    if "19" not in text and "20" not in text:  # no year of either century: most texts
        return
    skip = [m.span() for m in _QUOTED.finditer(text)] + [m.span(1) for m in _CITED.finditer(text)]
    ranges = [m for m in _RANGE.finditer(text)]
    spans = skip + [m.span() for m in ranges]
    for match in ranges:
        if not any(s <= match.start() < e for s, e in skip):
            yield int(match.group(1)), int(match.group(2))
    for match in _YEAR.finditer(text):
        if not any(s <= match.start() < e for s, e in spans):
            yield int(match.group(1)), int(match.group(1))


@check("R602", "stale-year", "warning")
def stale_year(ctx: Context) -> Iterator[Finding]:
    """Год в тексте далеко от периода программы: не устаревшая ли это ссылка?

    Проверяются годы 19xx и 20xx во всех текстах. Год (или промежуток лет) не должен
    отстоять от периода программы больше чем на ``stale_year_gap`` лет (по умолчанию 1).
    Не проверяются годы в кавычках «…» (названия других документов) и в датах ссылок на
    акты («от 18 декабря 2019 года»).

    **Плохо** (план на 2023 год)::

        - title: Аналитический отчёт на основе результатов ВПР, проведённых в
            сентябре-октябре 2020 года

    **Хорошо**::

        - title: Аналитический отчёт на основе результатов ВПР, проведённых в
            сентябре-октябре 2022 года
    """
    period = ctx.period
    if period is None:
        return
    gap = ctx.config.stale_year_gap
    low, high = period.start.year - gap, period.end.year + gap
    for path, text in ctx.texts:
        stale = sorted({first for first, last in _years(text) if last < low or first > high})
        for year in stale:
            far = plural(period.start.year - year if year < low else year - period.end.year,
                         "год", "года", "лет")
            when = f"за {far} до начала" if year < low else f"через {far} после окончания"
            yield Finding(f"в тексте упомянут {year} год — {when} периода программы "
                          f"({_years_text(period)}); не устарела ли ссылка?", path)


def _years_text(period: object) -> str:
    first, last = period.start.year, period.end.year  # type: ignore[attr-defined]
    return f"{first} г." if first == last else f"{first}–{last} гг."
