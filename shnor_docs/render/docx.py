"""DOCX output: the act from its template, then each appendix, composed as one body.

The act is the only docxtpl template (``prikaz.docx``: the letterhead, requisites and styles a
department may change in Word). Appendices are WordprocessingML built from the context and
spliced into the document as text, so the body is parsed once: nothing is moved between lxml
documents. A file is written for the act with its attached appendices (``prikaz.docx``,
``postanovlenie.docx``, ``rasporyazhenie.docx``) and for each appendix on its own
(``prilozhenie-1.docx``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaError
from markupsafe import Markup

from shnor_docs.render.blocks import Rich
from shnor_docs.render.docx_base import Base, base, fresh
from shnor_docs.render.docx_finish import finish
from shnor_docs.render.docx_guard import check_output as check_fields
from shnor_docs.render.docx_parts import Pages, appendix_xml
from shnor_docs.render.docx_splice import splice
from shnor_docs.render.docx_xml import executor_xml, rich_xml, signature_xml
from shnor_docs.render.limits import check_output, out_of_memory, time_limit
from shnor_docs.render.sandbox import ResourceLimit, sandbox
from shnor_docs.render.templates import Template, TemplateError, TemplateSet
from shnor_docs.text import clip, strip_invalid

ACT_TEMPLATE = "prikaz.docx"


def docx_context(ctx: dict[str, Any]) -> dict[str, Any]:
    """The context of the act's template with rich content turned into WordprocessingML."""
    form = ctx["form"]
    out = {key: _convert(ctx[key], form) for key in ("authority", "act", "programme", "form")}
    if ctx["act"]:
        out["act"]["points"] = rich_xml(ctx["act"]["points"], form, keep_last=True)
        out["act"]["signature"] = signature_xml(ctx["act"]["signature"])
        out["act"]["executor"] = executor_xml(ctx["act"]["executor"])
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


@cache
def _environment() -> Any:
    """One sandbox per process for every DOCX template: what it compiled is kept (keyed by the
    template text, so programmes with their own templates never share a compiled one)."""
    return sandbox()


def render(
    template: Template, context: dict[str, Any], form: dict[str, Any], fields: set[str]
) -> tuple[DocxTemplate, Base]:
    """Render one template in jinja2's sandbox, into a copy of the template finished for
    ``form`` (:mod:`shnor_docs.render.docx_base`); errors name the template and the tag."""
    tpl = DocxTemplate(template.open())
    try:
        with time_limit(template.name):
            found = base(template.data, form, fields)
            tpl.docx = fresh(found)
            tpl.render(context, jinja_env=_environment(), autoescape=True)
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
    return tpl, found


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
    """Every DOCX of a programme: the act with its appendices, and each appendix alone."""
    dctx = docx_context(ctx)
    template = templates.find(ACT_TEMPLATE)
    appendices = [d for d in ctx["documents"] if d["kind"] == "appendix"]
    files: dict[str, bytes] = {}
    made: dict[Any, str] = {}  # the appendices' parts, written once for every file
    for document in ctx["documents"]:
        shown = appendices if document["kind"] == "act" else [document]
        name = f"{document['file']}.docx"
        check = partial(_fields, name=name)
        files[name] = check_output(name, _compose(template, dctx, ctx, document, shown, meta,
                                                  check, made))
    return files


def _fields(members: dict[str, bytes], name: str) -> None:
    """A finished document has no field that fetches (a tag may print one)."""
    check_fields(members, name)


def _compose(
    template: Template,
    dctx: dict[str, Any],
    ctx: dict[str, Any],
    document: dict[str, Any],
    appendices: list[dict[str, Any]],
    meta: dict[str, Any],
    check: Callable[[dict[str, bytes]], None],
    made: dict[Any, str],
) -> bytes:
    """One file: the act's template (with or without the act's text), then the appendices."""
    with_act = document["kind"] == "act"
    act = dctx["act"]
    context = {**dctx, "act": {**act, "has_text": with_act} if act else {"has_text": False}}
    fields = set(meta.get("form_overrides", {}))
    tpl, found = render(template, context, ctx["form"], fields)
    doc = tpl.docx
    final = doc.element.body.sectPr
    pages = Pages(final, ctx["form"], started=with_act)
    xml = "".join(appendix_xml(ctx, appendix, pages, made) for appendix in appendices)
    pages.close(final)
    known = dict(found.blobs)
    if xml:
        known[doc.part] = splice(doc, final, xml, template.name)
    return finish(doc, ctx, document, meta, check, known)
