"""The requisites at the head of an act: the authority, the act's kind, date, number, place,
title, preamble with the acts it cites, and the directive word."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from shnor_docs.importing.emit import Markdown, Note
from shnor_docs.importing.report import Report
from shnor_docs.importing.source import Para
from shnor_docs.importing.words import (
    clean,
    find_date,
    find_number,
    flat,
    letter_spaced,
    letters,
    md_escape,
)

KINDS = {"ПРИКАЗ": "prikaz", "ПОСТАНОВЛЕНИЕ": "postanovlenie", "РАСПОРЯЖЕНИЕ": "rasporyazhenie"}
DEFAULT_DIRECTIVES = {"prikaz": "ПРИКАЗЫВАЮ:", "postanovlenie": "ПОСТАНОВЛЯЮ:",
                      "rasporyazhenie": ""}
DIRECTIVES = ("приказываю", "постановляю", "постановляет", "приказывает", "решил", "решила",
              "обязываю", "предлагаю")
_PREAMBLE = re.compile(r"^(в соответствии|в целях|во исполнение|на основании|с целью|"
                       r"руководствуясь|в связи|согласно|в рамках|для |в порядке)", re.I)
_PLACE = re.compile(r"^(?:г\.|гор\.|город|п\.|пос\.|пос[её]лок|пгт\.?|р\.\s?п\.|с\.|село|"
                    r"ст\.|ст-ца|станица|д\.|деревня|х\.|хутор|рп\.?)\s*[А-ЯЁ]")
_TITLE = re.compile(r"^(?:О|Об|Обо)\s")
_BASIS = re.compile(
    r"\b(приказ|постановлени|распоряжени|письм|решени|закон|указ|поручени)[а-я]*\s+"
    r"((?:(?!\bот\b)[^;]){0,200}?)\s*\bот\s+", re.I
)
_KIND_NAMES = {"приказ": "приказ", "постановлени": "постановление", "распоряжени": "распоряжение",
               "письм": "письмо", "решени": "решение", "закон": "закон", "указ": "указ",
               "поручени": "поручение"}


@dataclass
class Head:
    """The act's requisites as spec data, and where the act's text begins."""

    heading: list[str] = field(default_factory=list)
    kind: str | None = None
    kind_title: str | None = None
    date: dt.date | None = None
    date_style: str = "words"
    number: str | None = None
    place: str | None = None
    title: str | None = None
    title_bold: bool = False
    preamble: str | None = None
    basis: list[Any] = field(default_factory=list)
    directive: str | None = None
    spaced: bool = False
    directive_bold: bool = False
    body_start: int = 0


def parse_head(paras: list[Para], report: Report) -> Head:
    """Read the requisites from the paragraphs before the points."""
    head = Head()
    texts = [clean(p.text) for p in paras]
    kind_at = _kind_line(texts)
    if kind_at is None:
        report.miss("вид акта (ПРИКАЗ, ПОСТАНОВЛЕНИЕ, РАСПОРЯЖЕНИЕ) в заголовке не найден")
        return head
    head.heading = [line for t in texts[:kind_at] for line in t.split("\n") if line.strip()]
    first = texts[kind_at].split("\n")[0]
    word = letters(first)
    head.kind = next(v for k, v in KINDS.items() if word.startswith(k))
    shown = re.match(r"^[А-ЯЁа-яё ]+", first)
    if shown and flat(shown.group(0)) not in KINDS:  # «П Р И К А З»: the blank's own form
        head.kind_title = flat(shown.group(0))
    index = _requisites(head, texts, kind_at)
    index = _title(head, paras, texts, index)
    _preamble_and_directive(head, paras, texts, index)
    _report(head, report)
    return head


def _kind_line(texts: list[str]) -> int | None:
    for index, text in enumerate(texts[:40]):
        first = letters(text.split("\n")[0]) if text else ""
        if any(first == k or (first.startswith(k) and find_number(text)) for k in KINDS):
            return index
    return None


def _requisites(head: Head, texts: list[str], start: int) -> int:
    """Date, number and place after the kind word (the kind's own line may hold them)."""
    for index in range(start, min(start + 10, len(texts))):
        text = _after_kind(texts[index]) if index == start else texts[index]
        if not text:
            continue
        if _TITLE.match(text) and (head.date or head.number or index > start + 3):
            return index
        rest = _take_requisites(head, text.replace("\t", "  "))
        if not rest:
            continue
        if head.place is None and (_PLACE.match(rest) or re.fullmatch(r"[А-ЯЁ][а-яё-]+", rest)):
            head.place = rest
            continue
        return index
    return min(start + 10, len(texts))


def _after_kind(text: str) -> str:
    """What follows the kind word on its own line («ПРИКАЗ\n30.12.2020 № 749»)."""
    first, _, rest = text.partition("\n")
    word = re.match(r"^[А-ЯЁ ]+(?=\s|$)", first)
    return flat(first[word.end():] + " " + rest) if word else rest


def _take_requisites(head: Head, text: str) -> str:
    """Take the date and the number out of a line; what remains (the place, perhaps)."""
    date = find_date(text)
    if date is not None and head.date is None:
        head.date = date.value  # type: ignore[assignment]
        head.date_style = "numeric" if re.search(r"\d\.\d", date.text) else "words"
        text = text[: date.start] + " " + text[date.end:]
    number = find_number(text)
    if number is not None and head.number is None:
        head.number = str(number.value)
        text = text[: number.start] + " " + text[number.end:]
    text = re.sub(r"(?<!\w)от(?!\w)|_+|(?<!\w)г\.(?=\s*$)", " ", text)
    return flat(text).strip(" ,.-–")


def _title(head: Head, paras: list[Para], texts: list[str], index: int) -> int:
    while index < len(texts) and not texts[index]:
        index += 1
    if index >= len(texts) or not _TITLE.match(texts[index]):
        return index
    lines = []
    head.title_bold = paras[index].bold
    while index < len(texts) and texts[index] and not _PREAMBLE.match(texts[index]):
        if _directive(texts[index]) or _inline_directive(texts[index]) or len(lines) >= 8:
            break
        if lines and (paras[index].bold != head.title_bold or paras[index].label or
                      "\n" in texts[index - 1] or len(texts[index]) > 200):
            break
        lines.append(texts[index])
        index += 1
    head.title = flat(" ".join(lines))
    return index


def _directive(text: str) -> str | None:
    """The directive word of a line («ПРИКАЗЫВАЮ:», «п р и к а з ы в а ю:»), or None."""
    word = letters(text).lower()
    return text if word in DIRECTIVES and len(text) < 40 else None


def _inline_directive(text: str) -> re.Match[str] | None:
    """«Администрация района ПОСТАНОВЛЯЕТ:» — the directive ending a paragraph."""
    found = re.search(r"(?<=\s)([А-ЯЁа-яё]+|(?:[а-яёА-ЯЁ] ){3,}[а-яёА-ЯЁ]):\s*$", text)
    if found and letters(found.group(1)).lower() in DIRECTIVES:
        return found
    return None


def _preamble_and_directive(head: Head, paras: list[Para], texts: list[str], index: int) -> None:
    lines: list[str] = []
    while index < len(texts):
        text = texts[index]
        if _directive(text):
            _set_directive(head, paras[index], text)
            head.body_start = index + 1
            break
        inline = _inline_directive(text)
        if inline is not None:
            lines.append(text[: inline.start()].rstrip())
            _set_directive(head, paras[index], inline.group(0))
            head.body_start = index + 1
            break
        if (re.match(r"^\d{1,2}[.)]\s", text) and not lines) or (paras[index].label and lines):
            head.body_start = index
            break
        if text:
            lines.append(text)
        index += 1
    else:
        head.body_start = len(texts)
    if lines:
        head.preamble = "\n\n".join(md_escape(flat(line)) for line in lines)
        head.basis = cited_acts(" ".join(lines))


def _set_directive(head: Head, para: Para, text: str) -> None:
    head.spaced = letter_spaced(text) or para.spaced
    head.directive_bold = para.bold
    word = letters(text)
    default = DEFAULT_DIRECTIVES.get(head.kind or "", "")
    if letters(default) != word:
        head.directive = word + ":" if text.rstrip().endswith(":") else word


def cited_acts(text: str) -> list[dict[str, Any]]:
    """The acts a preamble cites: kind, issuer, date, number and title, as written."""
    found = []
    for match in _BASIS.finditer(flat(text)):
        tail = flat(text)[match.end(): match.end() + 400]
        date = find_date(tail)
        if date is None or date.start > 2:
            continue
        after = tail[date.end:]
        number = find_number(after[:40])
        title = re.match(r"\s*(?:№\s*\S+\s*)?[«\"]([^»\"]{3,300})[»\"]", after)
        stem = next(k for k in _KIND_NAMES if match.group(1).lower().startswith(k))
        item = {"kind": _KIND_NAMES[stem], "issuer": match.group(2).strip(" ,") or None,
                "date": date.value, "number": str(number.value) if number else None,
                "title": title.group(1) if title else None}
        found.append({k: v for k, v in item.items() if v})
    return found


KIND_RU = {"prikaz": "приказ", "postanovlenie": "постановление",
           "rasporyazhenie": "распоряжение"}


def _report(head: Head, report: Report) -> None:
    kind = KIND_RU.get(head.kind or "")
    date = f"{head.date:%d.%m.%Y}" if head.date else None
    for value, what in ((kind, "вид акта"), (date, "дата"), (head.number, "номер"),
                        (head.title, "заголовок"), (head.preamble, "преамбула")):
        (report.ok if value else report.miss)(f"{what}" + (f": {value}" if value else ""))
    if head.place:
        report.ok(f"место издания: {head.place}")


def head_notes(head: Head, report: Report) -> dict[str, list[str]]:
    """Comments on requisites that could not be read."""
    notes: dict[str, list[str]] = {}
    if head.date is None:
        notes["date"] = [report.check("дата акта не найдена: записана дата-заглушка")]
    if head.number is None:
        notes["number"] = [report.check("номер акта не найден")]
    return notes


def basis_data(head: Head) -> list[Any]:
    return [Note(b) for b in head.basis]


def preamble_data(head: Head) -> Markdown | None:
    return Markdown(head.preamble) if head.preamble else None
