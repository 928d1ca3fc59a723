"""The programme's history: the acts that amended the approving act."""

from __future__ import annotations

from pydantic import Field

from shnor_docs.model.act import ActKind, Signatory
from shnor_docs.model.common import Date, Id, SpecModel, Text


class Amendment(SpecModel):
    """Акт о внесении изменений в утверждающий акт (запись истории программы)."""

    kind: ActKind | None = Field(
        None, description="Вид акта: prikaz, postanovlenie, rasporyazhenie; не задан — как у act"
    )
    number: str = Field(description="Регистрационный номер акта о внесении изменений («48»)")
    date: Date = Field(description="Дата подписания")
    title: str | None = Field(
        None,
        description="Заголовок к тексту; не задан — «О внесении изменений в приказ … от … № …»",
    )
    preamble: Text | None = Field(
        None, description="Преамбула («В связи с изменением графика …»), если она есть"
    )
    points: list[Text] = Field(
        default_factory=list,
        description="Пункты после пункта об изменениях, целиком («Контроль за исполнением "
        "настоящего приказа оставляю за собой»)",
    )
    signatory: Signatory | None = Field(
        None, description="Подписывающее лицо; не задано — как в act.signatory"
    )
    executor: Id | None = Field(
        None, description="Исполнитель (отметка об исполнителе); не задан — как в act.executor"
    )
