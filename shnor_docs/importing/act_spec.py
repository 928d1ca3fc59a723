"""The act as spec data: each point's kind recognised from its first words, numbers kept where
they are not the automatic ones, people and parties in the registry."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from shnor_docs.importing.act_body import Body, Point
from shnor_docs.importing.emit import Markdown, Note
from shnor_docs.importing.parties import Registry, nominative_phrase, surname_nominative
from shnor_docs.importing.report import Report
from shnor_docs.importing.words import flat, lower_first, names

_APPENDIX = re.compile(r"\s*\(\s*приложени[ея]\s*№\s*(\d+)\s*\)\s*$", re.I)
_DUE = re.compile(r"(?:(?<=\s)|^)((?:в\s+срок\s+)?(?:до|не\s+позднее)\s+\d.*?)$", re.I)
_CONTROL = re.compile(r"^контроль\b.*\b(возложить|оставляю\s+за\s+собой|оставить\s+за\s+собой)",
                      re.I | re.S)
_ASSIGN = re.compile(r"^(ответственность\b.*?)\s+возложить\s+на\s+(.*)$", re.I | re.S)
_VERB = re.compile(r"\b(обеспечить|организовать|представить|провести|принять|разработать|"
                   r"довести|направить|осуществлять|осуществить|предоставить|рассмотреть|"
                   r"назначить|утвердить|разместить|создать|информировать|продолжить)\b", re.I)
POSITION_WIDTH = 42


def points_data(points: list[Point], registry: Registry, period: Any, report: Report,
                parent: str | None = None) -> list[Any]:
    """The points of one level as spec items, with their numbers where needed."""
    numbered = _needs_numbers(points, parent is not None)
    items = []
    seen: set[str] = set()
    for index, point in enumerate(points):
        data = classify(point, parent, registry, period)
        notes: list[str] = []
        own = point.number.rstrip(".")
        if numbered:
            data = {"number": own or str(index + 1), **data}
            if own in seen:
                notes.append(report.defect(f"номер пункта {own} повторяется"))
            elif own and own.split(".")[-1] != str(index + 1):
                notes.append(report.defect(f"пункт {own} стоит {index + 1}-м по порядку"))
        seen.add(own)
        if point.points:
            data["points"] = points_data(point.points, registry, period, report, data["kind"])
        items.append(Note(data, notes) if notes else data)
    return items


def _needs_numbers(points: list[Point], sub: bool) -> bool:
    for index, point in enumerate(points):
        own = point.number.rstrip(".")
        if (own.split(".")[-1] if sub else own) != str(index + 1):
            return True
    return False


def classify(point: Point, parent: str | None, registry: Registry, period: Any
             ) -> dict[str, Any]:
    """The point's kind and its fields; the words stay as written."""
    text = point.text.rstrip()
    registry.learn(point.source)
    if match := re.match(r"^утвердить\b\s*(.*)$", text, re.I | re.S):
        return _approve(point, match.group(1))
    if parent == "approve" and not _VERB.search(text):
        return _approve(point, text)
    if parent in ("instruct", "recommend"):  # what the addressee is to do
        return _literal(point, "text", text, registry, period)
    if match := re.match(r"^назначить\b\s*(.*)$", text, re.I | re.S):
        return _literal(point, "appoint", match.group(1), registry, period)
    if match := re.match(r"^рекомендовать\b\s*(.*)$", text, re.I | re.S):
        data = _literal(point, "recommend", match.group(1), registry, period)
        return _addressees(data, registry)
    if _CONTROL.match(text):
        data = {"kind": "control", "text": _md(point, _trim(text))}
        return data | {"parties": _people(text, registry)}
    if match := _ASSIGN.match(text):
        _people(text, registry)
        return {"kind": "assign", "role": flat(match.group(1)),
                "text": _md(point, _trim(match.group(2)))}
    kind = "instruct" if _addressed(text, bool(point.points)) else "text"
    data = _literal(point, kind, text, registry, period)
    return _addressees(data, registry) if kind == "instruct" else data


def _approve(point: Point, rest: str) -> dict[str, Any]:
    rest = _trim(rest)
    appendix = _APPENDIX.search(rest)
    data: dict[str, Any] = {"kind": "approve"}
    if appendix:
        rest = rest[: appendix.start()].rstrip()
        data["appendix"] = int(appendix.group(1))
    if rest:
        data["text"] = _md(point, rest)
    return data


def _literal(point: Point, kind: str, text: str, registry: Registry, period: Any
             ) -> dict[str, Any]:
    """A point whose words are kept as they are; a due date at its end is read out of it."""
    text = _trim(text)
    data: dict[str, Any] = {"kind": kind}
    due = _due(text, period) if kind in ("instruct", "recommend", "text") else None
    if due is not None and not point.more:
        text = text[: len(text) - len(due)].rstrip()
        data["due"] = due
    if text or point.more:
        data["text"] = _md(point, text)
    _people(point.source, registry)
    return data


def _addressees(data: dict[str, Any], registry: Registry) -> dict[str, Any]:
    """The addressees of an instruction as parties, where the documents would name them in the
    same words: each is put in the nominative and declined back, and only if that gives the
    text's own words does the point cite them (otherwise its words stay as they are)."""
    from shnor_docs.render.russian import decline_phrase

    text = str(data.get("text", ""))
    verb = _VERB.search(text)
    head, rest = (text[: verb.start()].rstrip(), text[verb.start():]) if verb else (text, "")
    if not head or "(" in head or "\n" in text or isinstance(data.get("text"), Markdown):
        return data
    from shnor_docs.importing.roadmap_spec import split_parties

    names = split_parties(head)  # «А, Б»; «А и Б» stays words: «и» also joins inside names
    nominatives = [nominative_phrase(name) for name in names]
    listed = ", ".join(decline_phrase(n, "dative") for n in nominatives)
    if listed.lower() != head.lower() or any(n == name for n, name in zip(
            nominatives, names, strict=True)):
        return data
    found = {**data, "parties": [registry.named(n) for n in nominatives]}
    if len(names) > 1:
        found["join"] = "comma"
    if rest:
        found["text"] = rest
    else:
        found.pop("text", None)
    return found


def _due(text: str, period: Any) -> str | None:
    from shnor_docs.deadlines import DeadlineError, parse_deadline

    match = _DUE.search(text)
    if match is None:
        return None
    try:
        parse_deadline(match.group(1), period)
    except (DeadlineError, ValueError):
        return None
    return match.group(1)


def _addressed(text: str, parent: bool) -> bool:
    """«Руководителям общеобразовательных организаций обеспечить …»: a dative addressee,
    then what it is to do (in the text, or in the sub-points after «…:»)."""
    from shnor_docs.morphology import analyser

    verb = _VERB.search(text)
    first = text.split(" ", 1)[0].strip("«»\"")
    if (not parent and (verb is None or verb.start() == 0)) or not first:
        return False
    parses = analyser().parse(first)
    return any(p.tag.case == "datv" and p.tag.POS in ("NOUN", "ADJF") for p in parses[:2])


def _people(text: str, registry: Registry) -> list[str]:
    """People named in a point, registered (a declined surname back in the nominative)."""
    found = []
    for initials, surname, _, _, _ in names(text):
        found.append(registry.person(initials, surname_nominative(surname)))
    return list(dict.fromkeys(found))


def _trim(text: str) -> str:
    """The point's words without the ending the documents put themselves (one «.», «;», «:»)."""
    text = text.rstrip()
    while text.endswith((";", ":", ",")) or (text.endswith(".") and not re.search(
        r"(?:\sг|[А-ЯЁ])\.$", text)):
        text = text[:-1].rstrip()
    return text


def _md(point: Point, text: str) -> str:
    return Markdown(point.markdown(text)) if point.more else point.markdown(text)


def signature_data(body: Body, registry: Registry) -> dict[str, Any] | None:
    sign = body.signature
    if sign is None:
        return None
    joined = " ".join(sign.position)
    person = registry.person(sign.initials, sign.surname, lower_first(joined) or None)
    data: dict[str, Any] = {"party": person}
    if sign.position and textwrap.wrap(joined, POSITION_WIDTH) != sign.position:
        data["position"] = "\n".join(sign.position)
    elif sign.position and joined[:1].islower():
        data["position"] = joined
    return data


def executor_data(body: Body, registry: Registry) -> str | None:
    found = body.executor
    if found is None:
        return None
    initials = found.initials or "".join(
        f"{p[0]}." for p in (found.first_name, found.patronymic) if p)
    ident = registry.person(initials, found.surname)
    entry = registry.entries[ident]
    entry.first_name = entry.first_name or found.first_name
    entry.patronymic = entry.patronymic or found.patronymic
    entry.phone = entry.phone or found.phone
    return ident


def authority_name(heading: list[str], genitive: str | None) -> tuple[str, list[str]]:
    """The authority's name: from the appendix mark's genitive when there is one, else from
    the heading lines (their capitals are a guess)."""
    if genitive:
        name = nominative_phrase(genitive)
        return name[:1].upper() + name[1:], []
    text = flat(" ".join(heading))
    if not text:
        return "Орган, издавший акт", ["наименование органа не найдено"]
    if text.isupper():
        text = _sentence_case(text)
        return text, [f"наименование органа записано по строкам бланка прописными; строчные и "
                      f"заглавные буквы («{text}») угаданы"]
    return text, []


def _sentence_case(text: str) -> str:
    """«ОТДЕЛ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ МР «МЕЩОВСКИЙ РАЙОН»» → «Отдел образования
    администрации мр «Мещовский район»»: the first word and names in quotes capitalised."""
    words = text.lower().split()
    out = []
    for index, word in enumerate(words):
        if index == 0:
            word = word[:1].upper() + word[1:]
        elif word.startswith("«"):
            word = "«" + word[1:2].upper() + word[2:]
        out.append(word)
    return " ".join(out)
