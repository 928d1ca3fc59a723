"""Template data for the act (приказ, постановление, распоряжение) and appendix marks."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from shnor_docs.deadlines import DeadlineKind, format_date, render_deadline
from shnor_docs.model import Act, ActPoint, Spec
from shnor_docs.render.blocks import Block, Rich, Run, parse_markdown
from shnor_docs.render.russian import (
    Abbreviations,
    capitalize_first,
    decline_phrase,
    join_ru,
    person_name,
    position_and_name,
    typograph,
)

KINDS = {  # title, directive, dative, genitive
    "prikaz": ("ПРИКАЗ", "ПРИКАЗЫВАЮ:", "приказу", "приказа"),
    "postanovlenie": ("ПОСТАНОВЛЕНИЕ", "ПОСТАНОВЛЯЮ:", "постановлению", "постановления"),
    "rasporyazhenie": ("РАСПОРЯЖЕНИЕ", "", "распоряжению", "распоряжения"),
}
MARK_WIDTH = 34
HEADING_WIDTH = 40
POSITION_WIDTH = 42
NBSP = "\u00a0"


def authority_context(spec: Spec) -> dict[str, Any]:
    auth = spec.authority
    heading = auth.heading or balanced_wrap(auth.name, HEADING_WIDTH)
    return {
        "heading": [typograph(line).upper() for line in heading],
        "name": auth.name,
        "place": auth.place,
    }


def balanced_wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, as even in length as the words allow."""
    for count in range(1, len(text) // 8 + 2):
        lines = textwrap.wrap(text, -(-len(text) // count) + 4)
        if all(len(line) <= width for line in lines):
            return lines
    return textwrap.wrap(text, width)


def act_context(spec: Spec, abbreviations: Abbreviations) -> dict[str, Any] | None:
    """The act's requisites and text, or None when the spec has no act."""
    act = spec.act
    if act is None:
        return None
    title, directive, _, genitive = KINDS[act.kind]
    form = spec.form
    if form.directive == "spaced" and directive:
        directive = " ".join(directive[:-1].lower()) + ":"
    date_text = format_date(act.date, form.date_style)
    return {
        "has_text": bool(act.points),
        "kind_title": title,
        "date_text": date_text,
        "number": act.number,
        "place": act.place or spec.authority.place,
        "title": Rich.lines([typograph(act.title or "")], "title", bold=True),
        "preamble": Rich(_preamble(act), "body"),
        "directive": Rich.lines([directive], "requisite"),
        "points": Rich(_points(spec, act.points, "", genitive, abbreviations), "body"),
        "signature": _signature(spec),
        "executor": _executor(spec),
    }


def _preamble(act: Act) -> list[Block]:
    if act.preamble:
        return parse_markdown(act.preamble)
    if not act.basis:
        return []
    cited = []
    for ref in act.basis:
        parts = [decline_phrase(ref.kind, "instrumental"), ref.issuer or ""]
        if ref.date:
            parts.append(f"от {format_date(ref.date, 'numeric')}")
        if ref.number:
            parts.append(f"№ {ref.number}")
        if ref.title:
            parts.append(f"«{ref.title}»")
        cited.append(" ".join(p for p in parts if p))
    return [Block("p", [Run(typograph(f"В соответствии с {join_ru(cited)},"))])]


def _points(
    spec: Spec, points: list[ActPoint], prefix: str, genitive: str, abbreviations: Abbreviations
) -> list[Block]:
    blocks: list[Block] = []
    for index, point in enumerate(points, start=1):
        number = f"{prefix}{(point.number or str(index)).rstrip('.')}."
        text = _point_text(spec, point, genitive, abbreviations)
        body = parse_markdown(text) or [Block("p", [Run("")])]
        first = body[0]
        body[0] = Block(first.kind, [Run(f"{number} "), *first.runs], first.level, first.number)
        blocks.extend(body)
        blocks.extend(_points(spec, point.points, number, genitive, abbreviations))
    return blocks


def _point_text(spec: Spec, point: ActPoint, genitive: str, abbr: Abbreviations) -> str:
    parties = [spec.party(pid) for pid in point.parties]
    text = (point.text or "").strip().rstrip(".")
    if point.kind == "approve":
        appendix = f" (приложение № {point.appendix})" if point.appendix else ""
        return f"Утвердить {text}{appendix}."
    if point.kind == "appoint":
        people = join_ru([_named(p, "accusative", abbr) for p in parties])
        if all(p.kind == "person" for p in parties):  # «Назначить ответственными … методиста …»
            return f"Назначить {_join(point.role, people, text)}."
        return f"Назначить {_join(people, point.role, text)}."
    if point.kind == "assign":
        role = point.role or f"ответственность за исполнение настоящего {genitive}"
        people = join_ru([_named(p, "accusative", abbr) for p in parties])
        return f"{capitalize_first(role)} возложить на {people}{_tail(text)}."
    if point.kind == "instruct":
        whom = join_ru([_named(p, "dative", abbr) for p in parties])
        return f"{capitalize_first(whom)} {text}{_due(spec, point)}."
    if point.kind == "control":
        if text:
            return f"{text}."
        if not parties:
            return f"Контроль за исполнением настоящего {genitive} оставляю за собой."
        people = join_ru([_named(p, "accusative", abbr) for p in parties])
        return f"Контроль за исполнением настоящего {genitive} возложить на {people}."
    return point.text or ""


def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def _tail(text: str) -> str:
    return f" {text}" if text else ""


def _named(party: Any, case: str, abbr: Abbreviations) -> str:
    """A person with position and initials, or a unit with its abbreviation at first use."""
    if party.kind == "person":
        return position_and_name(party, case)
    return abbr.cite(party, case)


def _due(spec: Spec, point: ActPoint) -> str:
    if point.due is None:
        return ""
    deadline = point.parsed_due
    assert deadline is not None
    if deadline.kind in (DeadlineKind.BEFORE, DeadlineKind.DATE):
        return f" в срок до {format_date(deadline.end)}"
    return f" (срок: {render_deadline(deadline)})"


def _signature(spec: Spec) -> dict[str, Any] | None:
    signatory = spec.act.signatory if spec.act else None
    if signatory is None:
        return None
    party = spec.party(signatory.party)
    position = signatory.position or capitalize_first(party.position or "")
    lines = [typograph(line) for line in position.splitlines() if line.strip()]
    if len(lines) == 1 and len(lines[0]) > POSITION_WIDTH:
        lines = textwrap.wrap(lines[0], POSITION_WIDTH)
    return {"position_lines": lines, "name": person_name(party)}


def _executor(spec: Spec) -> list[str]:
    act = spec.act
    if act is None or not act.executor:
        return []
    party = spec.party(act.executor)
    if party.kind == "person":
        full = " ".join(p for p in (party.surname, party.first_name, party.patronymic) if p)
        name = full if party.first_name else person_name(party, order="surname_first")
    else:
        name = party.name or party.id
    lines = [f"Исп.: {typograph(name)}"]
    lines += [line for line in (party.phone and f"тел. {party.phone}", party.email) if line]
    return lines


def appendix_mark(spec: Spec, number: int | None) -> list[str]:
    """«Приложение № 1 / к приказу отдела образования … / от 30.12.2020 № 749»."""
    act = spec.act
    if act is None or number is None:
        return []
    _, _, dative, _ = KINDS[act.kind]
    cited = f"к {dative} {_genitive_name(spec)}"
    cited = re.sub(r"«[^»]{1,30}»", lambda m: m.group(0).replace(" ", NBSP), typograph(cited))
    lines = [f"Приложение № {number}", *textwrap.wrap(cited, MARK_WIDTH)]
    lines.append(typograph(f"от {format_date(act.date, 'numeric')} № {act.number}"))
    return lines


def _genitive_name(spec: Spec) -> str:
    auth = spec.authority
    name = auth.name_genitive or decline_phrase(auth.name, "genitive")
    if len(name) > 1 and name[1].islower():
        name = name[0].lower() + name[1:]
    return name
