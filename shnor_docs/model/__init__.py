"""The programme spec model (pydantic v2, unknown keys forbidden, Russian descriptions)."""

from __future__ import annotations

from shnor_docs.model.act import Act, ActPoint, CitedAct, Signatory
from shnor_docs.model.document import Appendix, CitedAs, Column, Part, Passport, PassportRow
from shnor_docs.model.history import Amendment
from shnor_docs.model.parties import Authority, Party
from shnor_docs.model.programme import (
    Baseline,
    Funding,
    Goal,
    Indicator,
    Programme,
    RiskFactor,
    School,
    Section,
    Stage,
    Task,
)
from shnor_docs.model.roadmap import Activity, Roadmap, RoadmapSection
from shnor_docs.model.spec import Spec

__all__ = [
    "Act",
    "ActPoint",
    "Activity",
    "Amendment",
    "Appendix",
    "Authority",
    "Baseline",
    "CitedAct",
    "CitedAs",
    "Column",
    "Funding",
    "Goal",
    "Indicator",
    "Part",
    "Party",
    "Passport",
    "PassportRow",
    "Programme",
    "RiskFactor",
    "Roadmap",
    "RoadmapSection",
    "School",
    "Section",
    "Signatory",
    "Spec",
    "Stage",
    "Task",
]
