"""DOCX output: render the templates with docxtpl, join the act with its appendices, finish."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaError
from markupsafe import Markup

from shnor_docs.render.blocks import Rich
from shnor_docs.render.docx_guard import check_output as check_fields
from shnor_docs.render.docx_xml import (
    executor_xml,
    indicator_table_xml,
    mark_xml,
    rich_xml,
    signature_xml,
)
from shnor_docs.render.limits import check_output, out_of_memory, time_limit
from shnor_docs.render.package import docx_bytes
from shnor_docs.render.sandbox import ResourceLimit, sandbox
from shnor_docs.render.templates import Template, TemplateError, TemplateSet
from shnor_docs.text import clip, strip_invalid

PARTS = ("pasport.docx", "razdely.docx", "pokazateli.docx")
LANDSCAPE_WIDTH_CM = 25.7


def docx_context(ctx: dict[str, Any]) -> dict[str, Any]:
    """The neutral context with rich content turned into WordprocessingML."""
    form = ctx["form"]
    out = _convert(ctx, form)
    if ctx["act"]:
        out["act"]["signature"] = signature_xml(ctx["act"]["signature"])
        out["act"]["executor"] = executor_xml(ctx["act"]["executor"])
    if ctx["indicators"]:
        out["indicators"]["table"] = indicator_table_xml(
            ctx["indicators"], form, LANDSCAPE_WIDTH_CM
        )
    else:
        out["indicators"] = {"title": "", "table": ""}
    if not ctx["roadmap"]:
        out["roadmap"] = {"heading": "", "sections": []}
    return out


def _convert(value: Any, form: dict[str, Any]) -> Any:
    if isinstance(value, Rich):
        return rich_xml(value, form)
    if isinstance(value, str) and not isinstance(value, Markup):
        return strip_invalid(value)
    if isinstance(value, dict):
        return {k: _convert(v, form) for k, v in value.items()}
    if isinstance(value, list):
        return [_convert(v, form) for v in value]
    return value


def render(template: Template, context: dict[str, Any]) -> DocxTemplate:
    """Render one template in jinja2's sandbox; errors name the template and the tag."""
    tpl = DocxTemplate(template.open())
    try:
        with time_limit(template.name):
            tpl.render(context, jinja_env=sandbox(), autoescape=True)
    except TemplateError:
        raise
    except JinjaError as exc:
        raise TemplateError(template.name, _jinja_message(exc)) from None
    except ResourceLimit as exc:
        raise TemplateError(template.name, str(exc), "T007") from None
    except MemoryError:
        raise out_of_memory(template.name) from None
    except Exception as exc:
        message = f"шаблон не удалось обработать: {clip(repr(exc))}"
        raise TemplateError(template.name, message) from None
    return tpl


def _jinja_message(exc: JinjaError) -> str:
    from jinja2.exceptions import (
        SecurityError,
        TemplateNotFound,
        TemplateSyntaxError,
        UndefinedError,
    )

    text = clip(getattr(exc, "message", None) or str(exc))
    if isinstance(exc, SecurityError) or "is unsafe" in text:
        return f"запрещённое действие в теге шаблона ({text})"
    if isinstance(exc, TemplateNotFound) or "no loader" in text:
        return "включать другие файлы в шаблон DOCX нельзя"
    if isinstance(exc, TemplateSyntaxError):
        return f"синтаксическая ошибка в теге шаблона: {text}"
    if isinstance(exc, UndefinedError):
        return f"в теге шаблона неизвестное имя: {text}"
    return f"ошибка в теге шаблона: {text}"


def build_docx(
    ctx: dict[str, Any], templates: TemplateSet, meta: dict[str, Any]
) -> dict[str, bytes]:
    """Every DOCX of a programme: the act with its appendices and each document on its own."""
    dctx = docx_context(ctx)
    parts = {name: render(templates.find(name), dctx) for name in PARTS}
    roadmap = render(templates.find("dorozhnaya-karta.docx"), dctx) if ctx["roadmap"] else None
    order = render(templates.find("prikaz.docx"), dctx)
    files = {
        "pasport.docx": _finish(parts["pasport.docx"], ctx, meta),
        "pokazateli.docx": _finish(parts["pokazateli.docx"], ctx, meta)
        if ctx["indicators"]
        else None,
        "dorozhnaya-karta.docx": _finish(roadmap, ctx, meta) if roadmap else None,
    }
    _join(order, ctx, parts, roadmap)
    files["prikaz.docx"] = _finish(order, ctx, meta)
    return {name: _checked(name, data) for name, data in files.items() if data is not None}


def _checked(name: str, data: bytes) -> bytes:
    """A finished document: not oversized, no field that fetches (a tag may print one)."""
    check_fields(data, name)
    return check_output(name, data)


def _join(
    order: DocxTemplate,
    ctx: dict[str, Any],
    parts: dict[str, DocxTemplate],
    roadmap: DocxTemplate | None,
) -> None:
    """Order, then appendix 1 on portrait pages, then the wide tables on landscape pages."""
    body = order.docx.element.body
    final = body.sectPr
    has_text = bool(ctx["act"] and ctx["act"]["has_text"])
    _append_xml(body, final, mark_xml(ctx["marks"]["programme"], page_break=has_text))
    _append_body(body, final, parts["pasport.docx"])
    _append_body(body, final, parts["razdely.docx"])
    if not ctx["indicators"] and roadmap is None:
        return
    portrait = copy.deepcopy(final)
    breaker = parse_xml(f"<w:p {nsdecls('w')}><w:pPr/></w:p>")
    breaker[0].append(portrait)
    final.addprevious(breaker)
    if ctx["indicators"]:
        _append_body(body, final, parts["pokazateli.docx"])
    if roadmap is not None:
        mark = ctx["marks"]["roadmap"]
        if mark:
            _append_xml(body, final, mark_xml(mark, page_break=bool(ctx["indicators"])))
        elif ctx["indicators"]:
            _append_xml(body, final, '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        _append_body(body, final, roadmap)
    _orient(final, landscape=True, form=ctx["form"], first=False)


def _append_xml(body: Any, before: Any, xml: str) -> None:
    if not xml:
        return
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>")
    for child in list(fragment):
        before.addprevious(child)


def _append_body(body: Any, before: Any, part: DocxTemplate) -> None:
    for child in list(part.docx.element.body):
        if child.tag != qn("w:sectPr"):
            before.addprevious(copy.deepcopy(child))


def _orient(sect: Any, landscape: bool, form: dict[str, Any], first: bool) -> None:
    """Page size, orientation and margins of one section from the form profile."""
    margins = form["landscape_margins" if landscape else "margins"]
    size = sect.find(qn("w:pgSz"))
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    size.set(qn("w:w"), str(int(width.twips)))
    size.set(qn("w:h"), str(int(height.twips)))
    size.set(qn("w:orient"), "landscape" if landscape else "portrait")
    mar = sect.find(qn("w:pgMar"))
    for side in ("left", "right", "top", "bottom"):
        mar.set(qn(f"w:{side}"), str(int(Mm(margins[side]).twips)))
    title_pg = sect.find(qn("w:titlePg"))
    if first and title_pg is None:
        sect.append(parse_xml(f"<w:titlePg {nsdecls('w')}/>"))
    elif not first and title_pg is not None:
        sect.remove(title_pg)


def _finish(tpl: DocxTemplate, ctx: dict[str, Any], meta: dict[str, Any]) -> bytes:
    doc = tpl.docx
    form = ctx["form"]
    sects = doc.element.body.findall(".//" + qn("w:sectPr"))
    for index, sect in enumerate(sects):
        size = sect.find(qn("w:pgSz"))
        landscape = size.get(qn("w:orient")) == "landscape"
        _orient(sect, landscape, form, first=index == 0)
    _fonts(doc, meta.get("form_overrides", {}))
    props = doc.core_properties
    props.title = strip_invalid(ctx["programme"]["title"])[:250]
    props.author = strip_invalid(ctx["authority"]["name"])[:250]
    props.last_modified_by = "shnor_docs"
    props.revision = 1
    moment = dt.datetime.combine(meta["date"], dt.time(0, 0))
    props.created = props.modified = moment
    props.last_printed = moment
    return docx_bytes(doc)


def _fonts(doc: Any, overrides: dict[str, Any]) -> None:
    """Apply a programme's explicit font settings on top of the template's styles."""
    if not overrides:
        return
    styles = doc.styles
    if "font" in overrides:
        for style in styles:
            if getattr(style, "font", None) is not None and style.type == 1:
                style.font.name = overrides["font"]
    if "size" in overrides:
        styles["Normal"].font.size = Pt(overrides["size"])
    for name in ("ShnorCell", "ShnorCellList", "ShnorCellHead"):
        if "table_size" in overrides and name in [s.name for s in styles]:
            styles[name].font.size = Pt(overrides["table_size"])
