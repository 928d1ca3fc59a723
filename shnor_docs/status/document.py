"""«Информация о ходе реализации плана мероприятий … по состоянию на …» as DOCX and HTML.

The report is one document printed through the same templates as the programme's own: short
totals at the top (in the form a department sends upward), the activities with their states,
the totals by section and by responsible party, the indicators' plan and actual with a chart,
and the head's signature. The chart stands where a marker paragraph is: an SVG in the HTML, a
PNG picture in the DOCX.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from shnor_docs.deadlines import format_date
from shnor_docs.model import Spec
from shnor_docs.render.blocks import Block, Rich, Run, plain_text
from shnor_docs.render.citing import Citer
from shnor_docs.render.context_act import act_context, authority_context
from shnor_docs.render.russian import decline_phrase, typograph
from shnor_docs.status.chart import Series, render_chart
from shnor_docs.status.state import summary, totals, untracked
from shnor_docs.status.tables import (
    activities_table,
    fulfilment,
    indicator_years,
    indicators_table,
    measured,
    totals_table,
)

FILE = "otchet"
MARKER = "SHNOR-CHART"
CHART_WIDTH_CM = 16.0


def report_context(spec: Spec, as_of: dt.date) -> dict[str, Any]:
    """Template data of the report: one document of text and table parts."""
    lines = _title_lines(spec, as_of)
    overall, sections, parties = totals(spec, as_of)
    parts = [_text(None, [summary(overall, untracked(spec)), *_indicator_summary(spec)])]
    parts.append(_table("activities", "Исполнение мероприятий", activities_table(spec, as_of)))
    parts.append(_table("sections", "Итоги по разделам",
                        totals_table(spec, sections, overall, "Раздел")))
    parts.append(_table("parties", "Итоги по ответственным исполнителям",
                        totals_table(spec, parties, overall, "Ответственный исполнитель")))
    if measured(spec):
        parts.append(_table("indicators", "Целевые показатели: план и факт",
                            indicators_table(spec)))
        parts.append(_text(None, [MARKER]))
    signature = _signature(spec)
    if signature:
        parts.append({"kind": "signature", "heading": None, "signature": signature,
                      "landscape": True})
    document = {
        "kind": "appendix", "number": None, "file": FILE, "title": " ".join(lines),
        "heading": Rich.lines(lines, "heading", bold=True), "title_lines": lines, "mark": [],
        "parts": parts, "landscape": True,
    }
    return {
        "authority": authority_context(spec), "act": None, "documents": [document],
        "programme": {"title": " ".join(lines), "slug": spec.slug},
        "form": spec.form.model_dump(),
    }


def _title_lines(spec: Spec, as_of: dt.date) -> list[str]:
    title = plain_text(spec.programme.title)
    genitive = decline_phrase(title, "genitive")
    genitive = genitive[:1].lower() + genitive[1:]
    return [typograph(line) for line in (
        "Информация", f"о ходе реализации {genitive}",
        f"по состоянию на {format_date(as_of, 'numeric')}",
    )]


def _text(heading: str | None, lines: list[str]) -> dict[str, Any]:
    blocks = [Block("p", [Run(typograph(line) if line != MARKER else line)]) for line in lines]
    blocks = [b if b.text else Block("p", [Run("\u00a0")]) for b in blocks]
    return {"kind": "text", "heading": heading, "body": Rich(blocks, "body"), "landscape": True}


def _table(name: str, heading: str, content: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "table", "name": name, "heading": heading, "lead": Rich([]),
            "table": content, "landscape": True}


def _indicator_summary(spec: Spec) -> list[str]:
    shares = [fulfilment(i) for i in measured(spec)]
    known = [s for s in shares if s]
    if not known:
        return []
    reached = sum(float(s.replace(",", ".")) >= 100 for s in known)
    return [f"Плановые значения достигнуты по {reached} из {len(known)} показателей, "
            "для которых известны фактические значения."]


def _signature(spec: Spec) -> dict[str, Any] | None:
    """The act's signatory, signing as in the act: position at the left, name at the right."""
    act = act_context(spec, Citer(spec)) if spec.act else None
    return act["signature"] if act else None


def chart_series(spec: Spec) -> list[Series]:
    indicators = measured(spec)
    years = indicator_years(indicators)
    return [
        Series(f"{n}. {plain_text(i.name)}", i.unit or "", years,
               [_number(i.targets.get(y)) for y in years],
               [_number(i.actuals.get(y)) for y in years])
        for n, i in enumerate(indicators, start=1)
    ]


def _number(value: float | str | None) -> float | None:
    return value if isinstance(value, float) else None


def render_report(
    spec: Spec, as_of: dt.date, formats: frozenset[str]
) -> tuple[dict[str, bytes], str]:
    """The report's files (``otchet.docx``, ``otchet.html``) and its short totals."""
    from shnor_docs.build.programme import render_context

    ctx = report_context(spec, as_of)
    series = chart_series(spec)
    svg, png = render_chart(series) if series else ("", b"")
    files = render_context(spec, ctx, formats, as_of)
    if "otchet.docx" in files:
        files["otchet.docx"] = _docx_chart(files["otchet.docx"], png)
    if "index.html" in files:
        files["otchet.html"] = _html_chart(files.pop("index.html"), svg)
    totals_text = ctx["documents"][0]["parts"][0]["body"].blocks[0].text
    return files, totals_text


def _docx_chart(data: bytes, png: bytes) -> bytes:
    """The marker paragraph becomes the chart picture."""
    from docx import Document
    from docx.shared import Cm

    from shnor_docs.render.package import docx_bytes

    doc = Document(io.BytesIO(data))
    for paragraph in doc.paragraphs:
        if paragraph.text == MARKER:
            for run in paragraph.runs:
                run.text = ""
            paragraph.paragraph_format.first_line_indent = Cm(0)
            paragraph.runs[0].add_picture(io.BytesIO(png), width=Cm(CHART_WIDTH_CM))
    return docx_bytes(doc)


def _html_chart(data: bytes, svg: str) -> bytes:
    """The marker paragraph becomes the SVG; the table of contents of one document goes."""
    page = data.decode("utf-8")
    page = re.sub(r'<nav class="toc".*?</nav>\s*', "", page, count=1, flags=re.S)
    figure = f'<figure class="chart" role="img" aria-label="План и факт показателей">{svg}</figure>'
    page = re.sub(rf"<p class=\"body\">{MARKER}</p>", lambda _: figure, page)
    return page.encode("utf-8")
