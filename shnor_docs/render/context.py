"""Model → plain data for templates: the act and each appendix, in reading order.

``documents`` lists what is printed: the act (when the spec holds its text) and every attached
appendix, each with its file name, its mark, its title and its parts. Abbreviations are
introduced once, in that reading order.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from shnor_docs.deadlines import format_date
from shnor_docs.model import Appendix, Column, Part, Spec
from shnor_docs.render.blocks import Rich
from shnor_docs.render.citing import Citer
from shnor_docs.render.context_act import (
    KINDS,
    act_context,
    authority_context,
    balanced_wrap,
    redaction,
)
from shnor_docs.render.context_lists import schools_table
from shnor_docs.render.context_parts import programme_parts, text_part
from shnor_docs.render.russian import decline_phrase, typograph
from shnor_docs.spec.compose import appendices
from shnor_docs.spec.compose import programme_parts as parts_of

MARK_WIDTH = 34
NBSP = "\u00a0"
SCHOOL_COLUMNS = ("number", "name", "categories")


def build_context(spec: Spec) -> dict[str, Any]:
    """Everything the templates show."""
    citer = Citer(spec)
    act = act_context(spec, citer)
    documents: list[dict[str, Any]] = []
    if act is not None and act["has_text"]:
        title = typograph(spec.act.title or "") if spec.act else ""
        documents.append({"kind": "act", "file": act["kind"], "title": title})
    for appendix in appendices(spec):
        if appendix.attached:
            documents.append(appendix_document(spec, appendix, citer))
    return {
        "authority": authority_context(spec),
        "act": act,
        "documents": documents,
        "programme": {"title": typograph(spec.programme.title), "slug": spec.slug},
        "form": spec.form.model_dump(),
    }


def appendix_document(spec: Spec, appendix: Appendix, citer: Citer) -> dict[str, Any]:
    """One appendix: its mark, its title lines and its parts."""
    title = typograph(appendix.title or _default_title(spec, appendix))
    lines = [line.strip() for t in (title, typograph(appendix.subtitle or ""))
             for line in t.split("\n") if line.strip()]
    parts = _parts(spec, appendix, citer)
    return {
        "kind": "appendix",
        "number": appendix.number,
        "file": f"prilozhenie-{appendix.number}" if appendix.number else "prilozhenie",
        "title": " ".join(title.split()),
        "heading": Rich.lines(["\n".join(lines)], "heading", bold=True),  # one paragraph
        "title_lines": lines,
        "mark": appendix_mark(spec, appendix.number),
        "parts": parts,
        "landscape": bool(parts) and parts[0].get("landscape", False),
    }


def _default_title(spec: Spec, appendix: Appendix) -> str:
    if appendix.document == "plan" and spec.roadmap and spec.roadmap.title:
        return spec.roadmap.title
    if appendix.document == "list":
        return "Перечень общеобразовательных организаций"
    return spec.programme.title


def _parts(spec: Spec, appendix: Appendix, citer: Citer) -> list[dict[str, Any]]:
    kind = appendix.document
    if kind == "programme":
        return programme_parts(spec, parts_of(spec), citer)
    if kind == "text":
        return programme_parts(spec, [Part(part="text", text=appendix.text or "")], citer)
    if kind == "list":
        columns = appendix.columns or [Column(key=key) for key in SCHOOL_COLUMNS]
        table = schools_table(spec, columns)
        return [{"kind": "table", "name": "schools", "heading": None, "lead": Rich([]),
                 "table": table, "landscape": False}]
    name = "roadmap" if kind == "plan" else "indicators"
    found = programme_parts(spec, [Part(part=name, heading="", columns=appendix.columns)], citer)
    return found or [text_part(None, [])]


def appendix_mark(spec: Spec, number: int | None) -> list[str]:
    """«Приложение № 1 / к приказу отдела образования … / от 30.12.2020 № 749»."""
    act = spec.act
    if act is None:
        return []
    _, _, dative, _ = KINDS[act.kind]
    cited = f"к {dative} {genitive_name(spec)}"
    cited = re.sub(r"«[^»]{1,30}»", lambda m: m.group(0).replace(" ", NBSP), typograph(cited))
    first = f"Приложение №{NBSP}{number}" if number else "Приложение"
    lines = [first, *balanced_wrap(cited, MARK_WIDTH)]
    lines.append(typograph(f"от {format_date(act.date, 'numeric')} № {act.number}"))
    return lines + textwrap.wrap(redaction(spec), MARK_WIDTH)


def genitive_name(spec: Spec) -> str:
    """The authority in the genitive: as the spec writes it, else declined («отдела
    образования …»: a common noun in the middle of the mark starts with a small letter)."""
    auth = spec.authority
    if auth.name_genitive:
        return auth.name_genitive
    name = decline_phrase(auth.name, "genitive")
    if len(name) > 1 and name[1].islower():
        name = name[0].lower() + name[1:]
    return name
