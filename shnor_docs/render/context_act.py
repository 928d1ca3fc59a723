"""Template data for the act (приказ, постановление, распоряжение): requisites and points."""

from __future__ import annotations

import textwrap
from typing import Any

from shnor_docs.deadlines import Deadline, DeadlineKind, format_date, render_deadline
from shnor_docs.model import Act, ActPoint, Spec
from shnor_docs.render.blocks import Block, Rich, Run, parse_markdown
from shnor_docs.render.citing import Citer
from shnor_docs.render.russian import (
    capitalize_first,
    decline_phrase,
    join_ru,
    person_name,
    typograph,
)

KINDS = {  # heading, directive, dative, genitive
    "prikaz": ("ПРИКАЗ", "ПРИКАЗЫВАЮ:", "приказу", "приказа"),
    "postanovlenie": ("ПОСТАНОВЛЕНИЕ", "ПОСТАНОВЛЯЮ:", "постановлению", "постановления"),
    "rasporyazhenie": ("РАСПОРЯЖЕНИЕ", "", "распоряжению", "распоряжения"),
}
#: «в редакции приказов …»: the genitive plural of each kind.
GENITIVE_PLURAL = {"prikaz": "приказов", "postanovlenie": "постановлений",
                   "rasporyazhenie": "распоряжений"}
HEADING_WIDTH = 40
POSITION_WIDTH = 42
_ENDINGS = (".", "!", "?", "…")


def authority_context(spec: Spec) -> dict[str, Any]:
    auth = spec.authority
    heading = auth.heading or balanced_wrap(auth.name, HEADING_WIDTH)
    return {
        "heading": [typograph(line).upper() for line in heading],
        "name": auth.name,
        "place": auth.place,
    }


def balanced_wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, the fewest and the most even the words allow; no
    lone word on the last line and, where it can be helped, no line that opens in the middle
    of a name («Отдела / образования»)."""
    words = text.split()
    best: dict[int, tuple[int, list[str]]] = {len(words): (0, [])}
    for start in range(len(words) - 1, -1, -1):
        options = []
        for end in range(start + 1, len(words) + 1):
            line = " ".join(words[start:end])
            if len(line) > width and end > start + 1:
                break
            cost, rest = best[end]
            cost += (width - len(line)) ** 2 + _penalty(words, start, end)
            options.append((cost, [line, *rest]))
        best[start] = min(options)
    return best[0][1]


def _penalty(words: list[str], start: int, end: int) -> int:
    penalty = 0
    if end == len(words) and end - start == 1 and start > 0:
        penalty += 600  # a lone last word
    if start > 0 and words[start][:1].islower() and words[start - 1][:1].isupper():
        penalty += 150  # «Отдела / образования»: a name broken after its capital
    return penalty


def directive_text(spec: Spec) -> str:
    """«ПРИКАЗЫВАЮ:», the act's own word, or the letter-spaced «п р и к а з ы в а ю:»."""
    act = spec.act
    assert act is not None
    word = act.directive if act.directive is not None else KINDS[act.kind][1]
    if spec.form.directive == "spaced" and word:
        return " ".join(word.rstrip(":").lower()) + ":"
    return word


def act_context(spec: Spec, citer: Citer) -> dict[str, Any] | None:
    """The act's requisites and text, or None when the spec has no act."""
    act = spec.act
    if act is None:
        return None
    heading, _, _, genitive = KINDS[act.kind]
    directive = directive_text(spec)
    return {
        "has_text": bool(act.points),
        "kind": act.kind,
        "kind_title": act.heading or heading,
        "date_text": format_date(act.date, spec.form.date_style),
        "number": act.number,
        "place": act.place or spec.authority.place,
        "title": _title(spec),
        "preamble": Rich(_preamble(act), "body"),
        "directive": Rich.lines([directive], "requisite", bold=spec.form.directive_bold),
        "points": Rich(_points(spec, act.points, genitive, citer, None), "body"),
        "signature": _signature(spec),
        "executor": _executor(spec),
    }


def redaction(spec: Spec, note: bool = False) -> str:
    """«(в редакции приказов от 15.03.2023 № 48, от 01.06.2023 № 77)» after the amendments the
    spec records, or «»; ``note`` gives the short form of a consolidated text, «(в ред. …)»."""
    if spec.act is None or not spec.amendments:
        return ""
    groups: list[tuple[str, list[str]]] = []
    for amendment in spec.amendments:
        kind = amendment.kind or spec.act.kind
        # one unit on a line: «от 15.03.2023 № 48» is never split
        cited = f"от {format_date(amendment.date, 'numeric')} № {amendment.number}".replace(
            " ", "\u00a0")
        if groups and groups[-1][0] == kind:
            groups[-1][1].append(cited)
        else:
            groups.append((kind, [cited]))
    words = [
        f"{KINDS[kind][3] if len(cited) == 1 else GENITIVE_PLURAL[kind]} {', '.join(cited)}"
        for kind, cited in groups
    ]
    lead = "в ред." if note else "в редакции"
    return typograph(f"({lead} {', '.join(words)})")


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
    spec: Spec, points: list[ActPoint], genitive: str, citer: Citer, parent: ActPoint | None
) -> list[Block]:
    """Points and their sub-points; a sub-point of «Утвердить:» names only what it approves."""
    blocks: list[Block] = []
    for point in points:
        text = _point_text(spec, point, genitive, citer)
        if parent is not None and parent.kind == "approve" and point.kind == "approve":
            text = text.removeprefix("Утвердить ")
        if parent is not None:
            text = capitalize_first(text)
        text = finish_sentence(text, colon=bool(point.points))
        body = parse_markdown(text) or [Block("p", [Run("")])]
        first = body[0]
        runs = [Run(f"{point.display_number} "), *first.runs]
        body[0] = Block(first.kind, runs, first.level, first.number)
        blocks.extend(body)
        blocks.extend(_points(spec, point.points, genitive, citer, point))
    return blocks


def _title(spec: Spec) -> Rich:
    """The act's title, bold, and under it «(в редакции приказов …)» once it was amended."""
    assert spec.act is not None
    title = Rich.lines([typograph(spec.act.title or "")], "title", bold=True)
    amended = redaction(spec)
    if amended:
        title.blocks.append(Block("p", [Run(amended)]))
    return title


def finish_sentence(text: str, colon: bool = False) -> str:
    """One ending: «:» before sub-points, otherwise exactly one full stop (none after «г.»)."""
    text = text.rstrip()
    while text.endswith((" .", " :", ";", ",")):
        text = text[:-1].rstrip()
    if colon:
        return text.rstrip(".:") + ":"
    return text if text.endswith(_ENDINGS) else f"{text}."


def _point_text(spec: Spec, point: ActPoint, genitive: str, citer: Citer) -> str:
    parties = [spec.party(pid) for pid in point.parties]
    listed = join_ru if point.join == "and" else ", ".join
    text = (point.text or "").strip()
    if text.endswith(".") and not text.endswith(" г."):
        text = text[:-1]
    due = _due(spec, point)
    if point.kind == "approve":
        appendix = f"(приложение № {point.appendix})" if point.appendix else ""
        return _join("Утвердить", text, appendix)
    if point.kind == "appoint":
        people = listed([citer.cite(p, "accusative", heads=point.heads) for p in parties])
        if all(p.kind == "person" for p in parties):  # «Назначить ответственными … методиста …»
            return _join("Назначить", point.role, people, text)
        return _join("Назначить", people, point.role, text)
    if point.kind == "assign":
        role = point.role or f"ответственность за исполнение настоящего {genitive}"
        people = listed([citer.cite(p, "accusative", heads=point.heads) for p in parties])
        return _join(capitalize_first(role), "возложить на", people, text)
    if point.kind in ("instruct", "recommend"):
        whom = listed([citer.cite(p, "dative", heads=point.heads) for p in parties])
        lead = "Рекомендовать" if point.kind == "recommend" else ""
        return capitalize_first(_join(lead, whom, text, due))
    if point.kind == "control":
        return text or _control(parties, genitive, citer)
    return _join(point.text or "", due)


def _control(parties: list[Any], genitive: str, citer: Citer) -> str:
    if not parties:
        return f"Контроль за исполнением настоящего {genitive} оставляю за собой"
    people = join_ru([citer.cite(p, "accusative") for p in parties])
    return f"Контроль за исполнением настоящего {genitive} возложить на {people}"


def _join(*parts: str | None) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _due(spec: Spec, point: ActPoint) -> str:
    """The due date as the point words it, or in the official wording when asked for."""
    deadline = point.parsed_due
    if deadline is None:
        return ""
    if isinstance(point.due, str) and spec.form.deadline_style == "as_written":
        return typograph(point.due).rstrip(".") if not point.due.endswith(" г.") else point.due
    return _due_words(deadline)


def _due_words(deadline: Deadline) -> str:
    if deadline.kind in (DeadlineKind.BEFORE, DeadlineKind.DATE):
        return f"в срок до {format_date(deadline.end)}"
    if deadline.kind == DeadlineKind.DATES:
        return "в срок " + render_deadline(deadline).removeprefix("в срок ")
    return f"(срок: {render_deadline(deadline)})"


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
    """The executor mark: in the spec's words if it holds them, else «Исп.:» and the name; the
    executor's phone and e-mail after it."""
    act = spec.act
    if act is None or not (act.executor or act.executor_mark):
        return []
    party = spec.party(act.executor) if act.executor else None
    lines = [typograph(act.executor_mark or f"Исп.: {_executor_name(party)}")]
    if party is not None:
        lines += [line for line in (party.phone and f"тел. {party.phone}", party.email) if line]
    return lines


def _executor_name(party: Any) -> str:
    if party.kind == "person":
        full = " ".join(p for p in (party.surname, party.first_name, party.patronymic) if p)
        return full if party.first_name else person_name(party, order="surname_first")
    return party.name or party.id
