"""``# shnor: disable=CODE`` comments: silence a rule for one item; report unused ones (R900)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.location import Location

Line = tuple[str, int]


@check("R900", "unused-disable", "warning")
def unused_disable(ctx: Context) -> Iterator[Finding]:
    """Комментарий ``# shnor: disable=…`` ничего не отключает — его стоит удалить.

    Комментарий отключает названные правила (коды или имена через запятую; после них можно
    написать причину) для находок на своей строке и внутри элемента списка, на первой строке
    которого он стоит (например, на строке ``- title:`` мероприятия). Если ни одной такой
    находки нет или правило неизвестно, комментарий устарел. Находки этого правила добавляет
    сам механизм проверки.

    **Плохо**::

        - title: Закрепление за школами муниципальных координаторов  # shnor: disable=R201
          deadline: январь 2023 г.
          status: done
          done_on: 2023-01-20

    **Хорошо**::

        - title: Закрепление за школами муниципальных координаторов
          deadline: январь 2023 г.
          status: done
          done_on: 2023-01-20
    """
    return iter(())


@dataclass
class Comment:
    """One disable comment: the rules it names and those it has silenced so far."""

    where: Line
    codes: list[str]
    unknown: list[str]
    used: set[str] = field(default_factory=set)


def parse_comments(ctx: Context, resolve: dict[str, str]) -> dict[Line, Comment]:
    """Every ``# shnor:`` comment of the spec; ``resolve`` maps codes and names to codes."""
    comments = {}
    for where, text in sorted(ctx.spec.positions.comments.items()):
        match = re.match(r"disable\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*)", text.strip())
        keys = [k.strip() for k in match.group(1).split(",")] if match else []
        codes = [resolve[k.upper()] if k.upper() in resolve else resolve.get(k.lower(), "")
                 for k in keys]
        unknown = [k for k, code in zip(keys, codes, strict=True) if not code]
        if not keys:
            unknown = [text.strip()]
        comments[where] = Comment(where, [c for c in codes if c], unknown)
    return comments


def silencing_lines(ctx: Context, finding: Finding) -> list[Line]:
    """Lines whose comment silences ``finding``: its own and the first of each enclosing item."""
    lines = []
    if finding.location is not None:
        lines.append((finding.location.path, finding.location.line))
    for end in range(len(finding.path), 0, -1):
        if isinstance(finding.path[end - 1], int):
            where = ctx.at(finding.path[:end])
            lines.append((where.path, where.line))
    return lines


def silence(ctx: Context, findings: list[Finding], comments: dict[Line, Comment]) -> list[Finding]:
    """The findings that no comment silences; marks the comments that silenced something."""
    if not comments:
        return findings
    kept = []
    for finding in findings:
        silenced = False
        for line in silencing_lines(ctx, finding):
            comment = comments.get(line)
            if comment is not None and finding.code in comment.codes:
                comment.used.add(finding.code)
                silenced = True
        if not silenced:
            kept.append(finding)
    return kept


def unused(comments: dict[Line, Comment], active: set[str]) -> Iterator[Finding]:
    """A finding for each unknown rule and each active rule a comment names but never used."""
    for comment in comments.values():
        where = _comment_location(comment.where)
        item = f"# shnor: disable={','.join([*comment.codes, *comment.unknown])}"  # not the line
        for key in comment.unknown:
            yield Finding(f"комментарий shnor называет неизвестное правило «{key}»; ожидается "
                          "«# shnor: disable=КОД[,КОД…]»", location=where, item=item)
        idle = [code for code in comment.codes if code in active and code not in comment.used]
        if idle:
            yield Finding(f"комментарий отключает {', '.join(idle)}, но здесь нет таких находок: "
                          "удалите его", location=where, item=item)


def _comment_location(where: Line) -> Location:
    path, line = where
    try:
        text = Path(path).read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, IndexError, UnicodeDecodeError):
        return Location(path, line, 1)
    match = re.search(r"#\s*shnor:", text)
    return Location(path, line, match.start() + 1 if match else 1)
