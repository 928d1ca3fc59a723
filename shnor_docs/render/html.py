"""HTML output: one page holding every document, printable on A4 in the same form."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import TemplateError as JinjaError
from jinja2 import TemplateNotFound
from markupsafe import Markup, escape

from shnor_docs.render.blocks import Block, Rich
from shnor_docs.render.limits import check_output, out_of_memory, time_limit
from shnor_docs.render.profile import profile_css
from shnor_docs.render.sandbox import ResourceLimit, sandbox
from shnor_docs.render.templates import TemplateError, TemplateSet
from shnor_docs.text import clip, quote, strip_invalid

_ROLE_CLASS = {
    "body": "body",
    "cell": "cell",
    "title": "title",
    "requisite": "requisite",
    "heading": "heading",
}


def rich_html(rich: Rich) -> Markup:
    """Blocks as HTML: paragraphs, bulleted and numbered lists, bold and italics."""
    css = _ROLE_CLASS.get(rich.role, "body")
    if len(rich.blocks) == 1 and rich.blocks[0].kind == "p" and len(rich.blocks[0].runs) == 1:
        only = rich.blocks[0].runs[0]  # a table cell's usual content: one plain paragraph
        if not only.bold and not only.italic:
            return Markup(f'<p class="{css}">{escape(strip_invalid(only.text))}</p>')
    out: list[str] = []
    open_list: str | None = None
    for block in rich.blocks:
        tag = {"bullet": "ul", "number": "ol"}.get(block.kind)
        if tag != open_list:
            if open_list:
                out.append(f"</{open_list}>")
            if tag:
                out.append(f'<{tag} class="{css}">')
            open_list = tag
        inner = _runs(block)
        out.append(f"<li>{inner}</li>" if tag else f'<p class="{css}">{inner}</p>')
    if open_list:
        out.append(f"</{open_list}>")
    return Markup("".join(out))


def _runs(block: Block) -> str:
    parts = []
    for run in block.runs:
        text = str(escape(strip_invalid(run.text)))
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        parts.append(text)
    return "".join(parts)


_NUMBERS = frozenset({int, float, bool})


def html_context(value: Any) -> Any:
    kind = type(value)  # the plain types first: a large plan's context holds 200,000 values
    if kind is str:
        return strip_invalid(value)
    if value is None or kind in _NUMBERS:
        return value
    if kind is dict or (kind is not list and isinstance(value, dict)):
        return {k: html_context(v) for k, v in value.items()}
    if kind is list or isinstance(value, list):
        return [html_context(v) for v in value]
    if isinstance(value, Rich):
        return rich_html(value)
    if isinstance(value, str) and not isinstance(value, Markup):
        return strip_invalid(value)
    return value


_ENVIRONMENTS: dict[tuple[Any, ...], Any] = {}
MAX_ENVIRONMENTS = 8


def _environment(templates: TemplateSet) -> Any:
    """The sandbox serving these templates, kept for the process: programmes with the same
    templates (by digest) share what jinja2 compiled."""
    key = templates.html_key()
    env = _ENVIRONMENTS.get(key)
    if env is None:
        if len(_ENVIRONMENTS) >= MAX_ENVIRONMENTS:
            _ENVIRONMENTS.clear()
        env = _ENVIRONMENTS[key] = sandbox(templates.loader(), strict=True)
    return env


def build_html(ctx: dict[str, Any], templates: TemplateSet) -> bytes:
    """Render ``index.html.j2`` in jinja2's sandbox; errors name the template and the line."""
    env = _environment(templates)
    context = {**html_context(ctx), "profile_css": Markup(profile_css(ctx["form"]))}
    try:
        with time_limit("index.html.j2"):
            page = env.get_template("index.html.j2").render(**context)
    except TemplateError as exc:  # the time limit: name the tag that was running
        raise _located(exc) from None
    except JinjaError as exc:
        raise TemplateError(_where(exc), _message(exc)) from None
    except ResourceLimit as exc:
        raise TemplateError(_where(exc), str(exc), "T007") from None
    except MemoryError:
        raise out_of_memory("index.html.j2") from None
    except Exception as exc:  # whatever a tag raises (1/0, range(10**9)) is its fault
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise TemplateError(_where(exc), f"тег шаблона не выполнился ({clip(detail)})") from None
    return check_output("index.html", page.encode("utf-8"))


def _located(exc: TemplateError) -> TemplateError:
    where = _where(exc)
    if where == exc.template:
        return exc
    message = str(exc).removeprefix(f"{exc.template}: ошибка {exc.code} ")
    return TemplateError(where, message, exc.code)


def _where(exc: BaseException) -> str:
    """«template:line» of the failing tag: from a syntax error, or from the traceback."""
    name = getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    if name and line:
        return f"{name}:{line}"
    found = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{Path(filename).name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found or name or "index.html.j2"


def _message(exc: JinjaError) -> str:
    if isinstance(exc, TemplateNotFound):
        return (
            f"шаблон {quote(exc.name, 80)} не найден: включать можно только шаблоны из папки "
            "шаблонов"
        )
    text = str(getattr(exc, "message", None) or exc)
    unsafe = re.search(r"access to attribute '([^']+)' of '([^']+)' object is unsafe", text)
    if unsafe:
        return f"запрещённое обращение к атрибуту {quote(unsafe.group(1), 80)} в теге шаблона"
    undefined = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", text)
    if undefined:
        return f"в теге шаблона неизвестное имя {quote(undefined.group(1) or undefined.group(2))}"
    return f"ошибка в теге шаблона: {clip(text)}"
