"""The body of an act: numbered points and sub-points, the signature, the executor mark.

A point's number may be typed («1.», «2.1.») or come from Word's list numbering (already put in
front of the text by :mod:`shnor_docs.importing.source`). Unnumbered paragraphs after a point
continue it; bulleted ones become its list. The signature is the last line naming a person
(«Начальник Отдела образования<tab>И.А. Кащеева»); the executor mark follows it («Исп.: …»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shnor_docs.importing.source import Para
from shnor_docs.importing.words import INITIALS, SURNAME, clean, flat, md_escape, names

_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s*|\s+(?=\S))(?=\S)(.*)$", re.S)
_SUBNUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(.*)$", re.S)
_BULLET = re.compile(r"^[-–—•▪◦·*]\s*(.*)$", re.S)
_EXECUTOR = re.compile(r"^(?:исп(?:олнитель)?|(?:приказ |проект )?подготовлен|приказ подготовил[а]?"
                       r"|подготовил[а]?)(?![а-яё])[.:\s]*(.*)$", re.I)
#: The engine's own wording of the mark («Исп.: Петрова Мария Ивановна»): any other is kept.
_OWN_MARK = re.compile(r"^Исп\.: ")
_NAME_LAST = re.compile(rf"({SURNAME})\s*({INITIALS})\s*\.?$")
_PHONE = re.compile(r"(?:тел(?:ефон)?\.?:?\s*)?(\+?[\d(][\d\s()\-–]{5,}\d)")
_FULL_NAME = re.compile(rf"^({SURNAME})\s+([А-ЯЁ][а-яё]+)\s+([А-ЯЁ][а-яё]+(?:вна|вич|чна|ич))\b")
_SHORT_NAME = re.compile(rf"^(?:({SURNAME})\s*({INITIALS})|({INITIALS})\s*({SURNAME}))")
_SIGN_NAME = re.compile(rf"(?:^|\t|\s{{2,}})\s*(?:({INITIALS})\s*({SURNAME})|({SURNAME})\s*"
                        rf"({INITIALS}))\s*$")


@dataclass
class Point:
    """A point of the act as read: its number as printed, its text, its sub-points."""

    number: str
    text: str
    source: str
    auto: bool = False
    points: list[Point] = field(default_factory=list)
    more: list[tuple[str, bool]] = field(default_factory=list)  # (paragraph, bulleted)

    def markdown(self, text: str | None = None) -> str:
        """The point's text as Markdown: continuing paragraphs, bulleted lists."""
        out = md_escape(self.text if text is None else text)
        previous_bullet = False
        for line, bullet in self.more:
            if bullet:
                out += ("\n" if previous_bullet else "\n\n") + f"- {md_escape(line)}"
            else:
                out += f"\n\n{md_escape(line)}"
            previous_bullet = bullet
        return out


@dataclass
class Signature:
    position: list[str]
    initials: str
    surname: str


@dataclass
class Executor:
    surname: str
    initials: str | None = None
    first_name: str | None = None
    patronymic: str | None = None
    phone: str | None = None
    lines: list[str] = field(default_factory=list)
    mark: str | None = None  # the mark's words, if not the engine's own «Исп.: …»


@dataclass
class Body:
    points: list[Point] = field(default_factory=list)
    signature: Signature | None = None
    executor: Executor | None = None
    leftover: list[str] = field(default_factory=list)


def parse_body(paras: list[Para]) -> Body:
    """Points, signature and executor from the paragraphs after the directive."""
    texts = [clean(p.text) for p in paras]
    body = Body()
    end = len(texts)
    while end and not texts[end - 1]:
        end -= 1
    end, body.executor = _executor(texts, end)
    end, body.signature = _signature(texts, end)
    body.points = _points(paras[:end], texts[:end])
    return body


def _executor(texts: list[str], end: int) -> tuple[int, Executor | None]:
    flats = [flat(t) for t in texts]
    start = end
    while start > 0 and end - start < 4 and flats[start - 1] and (
        _EXECUTOR.match(flats[start - 1]) or _PHONE.fullmatch(flats[start - 1])
        or (start < end and _FULL_NAME.match(flats[start - 1]))
        or (start > 1 and _NAME_LAST.search(flats[start - 1]) and _EXECUTOR.match(flats[start - 2]))
    ):  # the last: «Приказ подготовлен» / «главным специалистом Ефимако Н.М.»
        start -= 1
    lines = flats[start:end]
    if not lines or (not any(_EXECUTOR.match(t) for t in lines) and not (
        len(lines) >= 2 and _PHONE.search(lines[-1])
    )):
        return end, None
    text = " ".join(_EXECUTOR.sub(r"\1", t) for t in lines)
    executor = _person(text)
    if executor is None:
        return end, None
    phone = _PHONE.search(text)
    executor.phone = flat(phone.group(1)) if phone else None
    executor.lines = lines
    words = " ".join(t for t in lines if not _PHONE.fullmatch(t))
    executor.mark = None if _OWN_MARK.match(words) else words
    return start, executor


def _person(text: str) -> Executor | None:
    text = flat(text)
    full = _FULL_NAME.match(text)
    if full:
        return Executor(full[1], None, full[2], full[3])
    short = _SHORT_NAME.match(text)
    if short:
        if short[1]:
            return Executor(short[1], short[2].replace(" ", ""))
        return Executor(short[4], short[3].replace(" ", ""))
    last = _NAME_LAST.search(text)  # «главным специалистом Ефимако Н.М.»: the name at the end
    return Executor(last[1], last[2].replace(" ", "")) if last else None


def _signature(texts: list[str], end: int) -> tuple[int, Signature | None]:
    while end and not texts[end - 1]:
        end -= 1
    if not end:
        return end, None
    last = texts[end - 1]
    match = _SIGN_NAME.search(last) or (
        re.fullmatch(rf"({INITIALS})\s*({SURNAME})", last) and _SIGN_NAME.search("\t" + last))
    if not match:
        return end, None
    initials, surname = (match[1], match[2]) if match[1] else (match[4], match[3])
    position = [flat(p) for p in last[: match.start()].split("\n") if flat(p)]
    start = end - 1
    while start > 0 and texts[start - 1] and len(position) < 4 and _position_line(
        texts[start - 1]
    ):
        start -= 1
        position.insert(0, flat(texts[start]))
    return start, Signature(position, initials.replace(" ", ""), surname)


def _position_line(text: str) -> bool:
    return len(text) < 90 and not _NUMBER.match(text) and not text.endswith((";", ":")) and (
        not text.endswith(".") or len(text) < 30)


def _points(paras: list[Para], texts: list[str]) -> list[Point]:
    top: list[Point] = []
    stack: list[Point] = []
    for para, text in zip(paras, texts, strict=True):
        if not text:
            continue
        line = flat(text)
        number = _SUBNUMBER.match(line) or _NUMBER.match(line)
        bullet = _BULLET.match(line) if para.bullet or not number else None
        if number and not (para.bullet and bullet):
            point = Point(number.group(1), number.group(2).strip(), line, bool(para.label))
            depth = number.group(1).count(".") + 1 if "." in number.group(1) else (
                para.level + 1 if para.label else 1)
            while len(stack) >= depth:
                stack.pop()
            (stack[-1].points if stack else top).append(point)
            stack.append(point)
        elif stack:
            stack[-1].more.append((bullet.group(1) if bullet else line, bool(bullet)))
            stack[-1].source += "\n" + line
        else:
            top.append(Point("", line, line))
    return top


def person_names(text: str) -> list[tuple[str, str, bool]]:
    return [(i, s, last) for i, s, _, _, last in names(text)]
