"""What an amendment compares: the items of a revision as the documents print them.

An item is an act point, a roadmap activity, a roadmap section or an indicator row, with its
place («пункт 2.3 приложения № 1») and its printed fields (title, deadline, responsible parties,
result; a point's text; an indicator's name and targets). Comparing printed text, not YAML,
means that an edit which changes nothing on paper changes nothing in the amendment.
"""

from __future__ import annotations

from dataclasses import dataclass

from shnor_docs.life.places import (
    Place,
    activity_place,
    indicator_place,
    point_place,
    section_place,
)
from shnor_docs.model import Column, Spec
from shnor_docs.render.blocks import Block, plain_text
from shnor_docs.render.citing import Citer
from shnor_docs.render.context_act import act_context
from shnor_docs.render.context_tables import (
    ROADMAP_HEADERS,
    deadline_text,
    fmt_value,
    indicator_years,
)
from shnor_docs.render.russian import typograph
from shnor_docs.spec.matching import Candidate, placed

Field = tuple[str, str, str]  # name, label as printed in the quote, printed text
ACTIVITY_FIELDS = ("title", "deadline", "responsible", "result")


@dataclass(frozen=True)
class Item:
    """One comparable unit of the documents."""

    key: tuple[object, ...]
    place: Place
    fields: tuple[Field, ...]
    candidate: Candidate

    def field(self, name: str) -> str:
        return next((text for key, _, text in self.fields if key == name), "")

    def quoted(self, number: str | None = None) -> str:
        """The item as an amendment quotes it whole: «2.3. Наименование; срок: …; …»."""
        number = self.place.number if number is None else number
        head, *rest = [f for f in self.fields if f[2]] or [("", "", "")]
        parts = [head[2].rstrip(" .;,:") if rest else head[2]]
        parts += [f"{label}: {text}" if label else text for _, label, text in rest]
        text = "; ".join(parts)
        return f"{number}. {text}" if number and self.key[0] != "section" else text


def activities(spec: Spec, names: dict[str, str] | None = None) -> list[Item]:
    """The roadmap's activities with their printed fields; ``names`` prints some parties under
    other names (a renamed party, amended once for the whole appendix)."""
    if spec.roadmap is None:
        return []
    columns = spec.roadmap.columns or [Column(key=k) for k in ACTIVITY_FIELDS]
    labels = {c.key: (c.header or ROADMAP_HEADERS[c.key]).lower() for c in columns}
    found = []
    for item in placed(spec):
        activity = item.activity
        parties = ", ".join((names or {}).get(p) or typograph(spec.party(p).short())
                            for p in activity.responsible)
        texts = {
            "title": plain_text(activity.title),
            "deadline": deadline_text(spec, activity),
            "responsible": parties,
            "result": plain_text(activity.result),
        }
        fields = tuple((k, labels.get(k, ROADMAP_HEADERS[k].lower()), texts[k])
                       for k in ACTIVITY_FIELDS)
        candidate = Candidate(activity.id, (item.section, item.number), activity.title)
        found.append(Item(("activity", item.section, item.index),
                          activity_place(spec, item.section, item.number), fields, candidate))
    return found


def sections(spec: Spec) -> list[Item]:
    """The roadmap's sections with their titles (numbers are their places)."""
    if spec.roadmap is None:
        return []
    return [
        Item(("section", index), section_place(spec, index),
             (("title", "", typograph(section.title or "")),),
             Candidate(None, index, section.title or ""))
        for index, section in enumerate(spec.roadmap.sections)
    ]


def points(spec: Spec) -> list[Item]:
    """The act's points and sub-points as printed, each with its own number."""
    if spec.act is None or not spec.act.points:
        return []
    context = act_context(spec, Citer(spec))
    assert context is not None
    found = []
    for number, text in _point_texts(spec, context["points"].blocks):
        place = point_place(number)
        found.append(Item(("point", place.number), place, (("text", "", text),),
                          Candidate(None, place.number, text)))
    return found


def _point_texts(spec: Spec, blocks: list[Block]) -> list[tuple[str, str]]:
    """Split the printed points into (number, text): each point's first block starts with its
    number; the blocks after it, up to the next number, are its own."""
    numbers = [p.display_number for p in _walk(spec.act.points if spec.act else [])]
    texts: list[tuple[str, list[str]]] = []
    for block in blocks:
        first = block.runs[0].text if block.runs else ""
        if len(texts) < len(numbers) and first == f"{numbers[len(texts)]} ":
            texts.append((numbers[len(texts)], [block.text[len(first):]]))
        elif texts:
            texts[-1][1].append(block.text)
    return [(number, " ".join(parts)) for number, parts in texts]


def _walk(items: list) -> list:
    found = []
    for point in items:
        found.append(point)
        found.extend(_walk(point.points))
    return found


def indicators(spec: Spec) -> list[Item]:
    """Rows of the indicator table: name, unit and the target of each year."""
    found = []
    years = indicator_years(spec)
    for index, indicator in enumerate(spec.programme.indicators, start=1):
        number = (indicator.number or str(index)).rstrip(".")
        fields: list[Field] = [("name", "", plain_text(indicator.name)),
                               ("unit", "единица измерения", indicator.unit or "")]
        for year in sorted(set(years) | set(indicator.targets)):
            value = indicator.targets.get(year)
            shown = fmt_value(value) if value is not None else ""
            fields.append((f"year:{year}", f"{year} г.", shown))
        found.append(Item(("indicator", indicator.id), indicator_place(spec, number),
                          tuple(fields), Candidate(indicator.id, number, indicator.name)))
    return found
