"""The amendment order «О внесении изменений в приказ … от … № …» as template data.

It is an act like the one it amends, printed through the same template: the letterhead, the new
act's date and number, its title, «ПРИКАЗЫВАЮ:», the point «Внести в приказ … следующие
изменения:» with a sub-point per change, the amendment's own further points, the signature.
"""

from __future__ import annotations

from typing import Any

from shnor_docs.deadlines import format_date
from shnor_docs.life.changes import Change
from shnor_docs.model import Act, ActPoint, Amendment, Spec
from shnor_docs.render.citing import Citer
from shnor_docs.render.context import genitive_name
from shnor_docs.render.context_act import act_context, authority_context, redaction
from shnor_docs.render.russian import typograph
from shnor_docs.spec.revisions import HistoryError

ACCUSATIVE = {"prikaz": "приказ", "postanovlenie": "постановление",
              "rasporyazhenie": "распоряжение"}
FILE = "izmeneniya"


def new_amendment(old: Spec, new: Spec) -> Amendment:
    """The act that makes this amendment: the last entry of ``amendments`` the old revision
    does not record (G004 when there is none)."""
    recorded = {(a.number, a.date) for a in old.amendments}
    fresh = [a for a in new.amendments if (a.number, a.date) not in recorded]
    if not fresh:
        raise HistoryError(
            "G004", "в новой редакции в amendments нет нового акта о внесении изменений: "
            "добавьте запись {number: …, date: …} с его номером и датой"
        )
    return fresh[-1]


def cited_act(spec: Spec) -> str:
    """«приказ отдела образования … от 11.01.2023 № 5-а»."""
    act = spec.act
    assert act is not None
    date = format_date(act.date, "numeric")
    return typograph(f"{ACCUSATIVE[act.kind]} {genitive_name(spec)} от {date} № {act.number}")


def order_spec(old: Spec, new: Spec, amendment: Amendment, found: list[Change]) -> Spec:
    """The amendment as an act of its own, on the new revision's letterhead and parties."""
    act = new.act
    assert act is not None and old.act is not None
    title = amendment.title or f"О внесении изменений в {cited_act(old)}"
    titled = f"{cited_act(old)} «{old.act.title}»" if old.act.title else cited_act(old)
    lead = f"Внести в {titled} {redaction(old)} следующие изменения".replace("  ", " ")
    points = [ActPoint(kind="text", text=lead,
                       points=[ActPoint(kind="text", text=c.text) for c in found])]
    points += [ActPoint(kind="text", text=text) for text in amendment.points]
    _number(points, "")
    order = Act(
        kind=amendment.kind or act.kind, number=amendment.number, date=amendment.date,
        place=act.place, title=title, preamble=amendment.preamble, points=points,
        signatory=amendment.signatory or act.signatory,
        executor=amendment.executor or act.executor,
        executor_mark=None if amendment.executor else act.executor_mark,
    )
    spec = new.model_copy(update={"act": order, "amendments": []})
    return spec


def _number(points: list[ActPoint], prefix: str) -> None:
    for index, point in enumerate(points, start=1):
        point._number = f"{prefix}{index}."
        _number(point.points, point._number)


def order_context(spec: Spec) -> dict[str, Any]:
    """Template data of the amendment order alone (no appendices)."""
    act = act_context(spec, Citer(spec))
    assert act is not None and spec.act is not None
    return {
        "authority": authority_context(spec),
        "act": act,
        "documents": [{"kind": "act", "file": FILE, "title": typograph(spec.act.title or "")}],
        "programme": {"title": typograph(spec.act.title or ""), "slug": spec.slug},
        "form": spec.form.model_dump(),
    }
