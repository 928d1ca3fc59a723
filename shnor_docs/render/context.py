"""Model → plain data for templates: every document's content, typographed and declined."""

from __future__ import annotations

from typing import Any

from shnor_docs.deadlines import render_deadline
from shnor_docs.model import Spec
from shnor_docs.render.blocks import Rich
from shnor_docs.render.context_act import act_context, appendix_mark, authority_context
from shnor_docs.render.context_programme import (
    NO_VALUE,
    indicators_context,
    passport_context,
    period_text,
    sections_context,
)
from shnor_docs.render.russian import Abbreviations, capitalize_first, typograph


def build_context(spec: Spec) -> dict[str, Any]:
    """Everything the templates show; abbreviations are introduced in reading order."""
    abbr = Abbreviations()
    prog = spec.programme
    act = act_context(spec, abbr)
    roadmap_appendix = spec.roadmap.appendix if spec.roadmap else None
    own_roadmap_mark = bool(roadmap_appendix and roadmap_appendix != prog.appendix)
    return {
        "authority": authority_context(spec),
        "act": act,
        "programme": {
            "title": typograph(prog.title),
            "kind": prog.kind,
            "period": period_text(spec),
            "slug": spec.slug,
        },
        "marks": {
            "programme": appendix_mark(spec, prog.appendix),
            "roadmap": appendix_mark(spec, roadmap_appendix) if own_roadmap_mark else [],
        },
        "heading": Rich.lines([typograph(prog.title), period_text(spec)], "heading", bold=True),
        "passport": passport_context(spec, abbr),
        "sections": sections_context(spec),
        "indicators": indicators_context(spec),
        "roadmap": roadmap_context(spec, abbr),
        "form": spec.form.model_dump(),
    }


def roadmap_context(spec: Spec, abbr: Abbreviations) -> dict[str, Any] | None:
    roadmap = spec.roadmap
    if roadmap is None or not roadmap.activities():
        return None
    title = roadmap.title or spec.programme.title
    sections = []
    for section in roadmap.sections:
        heading = f"{section.display_number}. {section.title}" if section.title else None
        rows = [_activity(spec, a, abbr) for a in section.activities]
        sections.append({"heading": typograph(heading) if heading else None, "activities": rows})
    return {"heading": Rich.lines([typograph(title)], "heading", bold=True), "sections": sections}


def _activity(spec: Spec, activity: Any, abbr: Abbreviations) -> dict[str, Any]:
    deadline = activity.parsed_deadline
    names = [capitalize_first(abbr.cite(spec.party(pid))) for pid in activity.responsible]
    return {
        "number": activity.display_number,
        "title": Rich.markdown(activity.title, "cell"),
        "deadline": capitalize_first(render_deadline(deadline)) if deadline else NO_VALUE,
        "responsible": typograph(", ".join(names)) if names else NO_VALUE,
        "result": Rich.markdown(activity.result, "cell"),
        "status": activity.status,
    }
