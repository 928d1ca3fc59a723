"""What the documents consist of: the act's appendices and the parts of the programme.

The spec decides: ``act.appendices`` and ``programme.body`` when it gives them. Otherwise the
defaults below fill in, from what the spec holds and in the order it holds it.
"""

from __future__ import annotations

from shnor_docs.model import Appendix, Part, Spec

#: Keys of ``programme:`` that are parts of its text, in the order a spec usually writes them.
PART_KEYS = (
    "passport",
    "summary",
    "goals",
    "tasks",
    "measures",
    "mechanism",
    "stages",
    "indicators",
    "expected_results",
    "control",
    "funding",
    "risk_factors",
    "schools",
    "sections",
)


def appendices(spec: Spec) -> list[Appendix]:
    """The act's appendices: as the spec lists them, or the programme and its roadmap."""
    if spec.act is not None and spec.act.appendices:
        return list(spec.act.appendices)
    found = [Appendix(number=spec.programme.appendix, document="programme")]
    roadmap = spec.roadmap
    if roadmap is not None and roadmap.appendix and roadmap.appendix != spec.programme.appendix:
        found.append(Appendix(number=roadmap.appendix, document="plan"))
    return found


def roadmap_inside_programme(spec: Spec) -> bool:
    """Whether the roadmap is printed within the programme (no appendix of its own)."""
    return spec.roadmap is not None and not any(
        a.document == "plan" for a in appendices(spec)
    )


def programme_parts(spec: Spec) -> list[Part]:
    """The programme's parts: its ``body``, or every part it has in the order of its keys."""
    prog = spec.programme
    if prog.body is not None:
        return list(prog.body)
    order = [k for k in prog.key_order if k in PART_KEYS]
    order += [k for k in PART_KEYS if k not in order]
    parts = [Part(part=key) for key in order if _has(spec, key)]
    if roadmap_inside_programme(spec):
        parts.append(Part(part="roadmap"))
    return parts


def _has(spec: Spec, key: str) -> bool:
    value = getattr(spec.programme, key)
    return bool(value) if not isinstance(value, str) else bool(value.strip())
