"""Text blocks that several parts share: numbered lists, stages, funding, the period."""

from __future__ import annotations

from shnor_docs.deadlines import format_date
from shnor_docs.model import Spec
from shnor_docs.render.blocks import Block, Run, bullets, parse_markdown, plain_text
from shnor_docs.render.context_tables import fmt_value
from shnor_docs.render.russian import typograph

Item = tuple[str | None, str]  # (number as written, text)


def list_blocks(items: list[Item], style: str) -> list[Block]:
    if style == "bulleted":
        return bullets([plain_text(text) for _, text in items])
    blocks: list[Block] = []
    for index, (number, text) in enumerate(items, start=1):
        body = parse_markdown(text) or [Block()]
        if style == "numbered":
            label = f"{(number or str(index)).rstrip('.')}. "
            body[0] = Block("p", [Run(label), *body[0].runs])
        blocks.extend(body)
    return blocks


def stage_lines(spec: Spec) -> list[Block]:
    blocks: list[Block] = []
    for index, stage in enumerate(spec.programme.stages, start=1):
        if stage.text:
            blocks += parse_markdown(stage.text)
            continue
        dates = f"{format_date(stage.start, 'numeric')} – {format_date(stage.end, 'numeric')}"
        blocks.append(Block("p", [Run(typograph(f"{index} этап — {stage.name} ({dates})"))]))
        blocks += parse_markdown(stage.content)
    return blocks


def funding_lines(spec: Spec) -> list[str]:
    lines = []
    for item in spec.programme.funding:
        amounts = ", ".join(f"{y} г. – {fmt_value(v)}" for y, v in sorted(item.amounts.items()))
        lines.append(f"{item.source} ({item.unit}): {amounts}")
    return lines


def period_text(spec: Spec) -> str:
    period = spec.period
    if period.academic:
        return f"{period.start.year}/{period.end.year} учебный год"
    if period.start.year == period.end.year:
        return typograph(f"{period.start.year} г.")
    return typograph(f"{period.start.year}–{period.end.year} гг.")
