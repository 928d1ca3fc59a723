"""The roadmap («дорожная карта»): sections of dated activities."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, PrivateAttr

from shnor_docs.model.common import Date, DeadlineValue, Id, IdList, SpecModel, Text, private
from shnor_docs.model.document import ColumnItem

if TYPE_CHECKING:
    from shnor_docs.deadlines import Deadline

Status = Literal["planned", "in_progress", "done", "cancelled"]


class Activity(SpecModel):
    """Мероприятие дорожной карты."""

    id: Id | None = Field(None, description="Идентификатор (необязательно)")
    number: str | None = Field(
        None, description="Номер внутри раздела, если задан явно (иначе автоматически)"
    )
    title: Text = Field(description="Наименование мероприятия")
    deadline: DeadlineValue | None = Field(
        None,
        description="Срок исполнения, как он написан в плане; печатается так же (form."
        "deadline_style: normalised — единым написанием). {text: …} — срок, который не "
        "отслеживается («по мере поступления заявок»)",
    )
    responsible: IdList = Field(description="Ответственные исполнители: идентификаторы из parties")
    result: Text | None = Field(None, description="Ожидаемый результат")
    tasks: IdList = Field(description="Задачи, которым служит мероприятие")
    indicators: IdList = Field(description="Показатели, на которые влияет мероприятие")
    status: Status = Field(
        "planned",
        description="Состояние: planned — запланировано, in_progress — выполняется, "
        "done — выполнено, cancelled — отменено",
    )
    done_on: Date | None = Field(None, description="Дата выполнения (для done)")
    note: Text | None = Field(None, description="Примечание, отметка о выполнении")

    _deadline: Deadline | None = PrivateAttr(None)
    _number: str = PrivateAttr("")

    @property
    def parsed_deadline(self) -> Deadline | None:
        """The parsed deadline (its window and kind), set by the loader."""
        return private(self, "_deadline")

    @property
    def display_number(self) -> str:
        """The number as printed: «1.1» or «9»; set by the loader."""
        return private(self, "_number")


class RoadmapSection(SpecModel):
    """Раздел дорожной карты."""

    number: str | None = Field(
        None, description="Номер раздела, если задан явно (печатается перед заголовком)"
    )
    title: str | None = Field(None, description="Заголовок раздела (строка на всю ширину таблицы)")
    activities: list[Activity] = Field(default_factory=list, description="Мероприятия")

    _number: str = PrivateAttr("")

    @property
    def display_number(self) -> str:
        return private(self, "_number")


class Roadmap(SpecModel):
    """План мероприятий («дорожная карта»)."""

    title: str | None = Field(None, description="Заголовок плана мероприятий, как в документе")
    subtitle: str | None = Field(
        None, description="Строка под заголовком, если она есть в документе"
    )
    appendix: int | None = Field(
        None,
        description="Номер отдельного приложения к акту; пусто — дорожная карта входит в "
        "приложение с программой",
    )
    numbering: Literal["section", "local", "continuous"] = Field(
        "section",
        description="Нумерация мероприятий: section — «1.1», «1.2» внутри разделов; local — "
        "«1», «2» заново в каждом разделе; continuous — сквозная «1»…«39» через все разделы",
    )
    number_format: Literal["1.", "1"] = Field(
        "1", description="Номер мероприятия с точкой в конце («1.», «1.1.») или без («1», «1.1»)"
    )
    section_numbers: bool = Field(
        True,
        description="Печатать номера разделов («1. Организационно-методические мероприятия»); "
        "false — заголовки разделов без номеров",
    )
    section_number_column: bool = Field(
        False,
        description="Номер раздела в графе «№», заголовок раздела — в остальных графах "
        "(«1 | Организационно-методические мероприятия»); false — строка раздела на всю "
        "ширину таблицы («1. Организационно-методические мероприятия»). Номер печатается "
        "так, как задан в number раздела, иначе без точки",
    )
    columns: list[ColumnItem] | None = Field(
        None,
        description="Графы по порядку: number, title, deadline, responsible, result, indicators, "
        "note (отметка о выполнении); {deadline: Сроки} задаёт заголовок графы. Не заданы — "
        "№, наименование, срок, ответственные и результат (пустая во всех строках графа "
        "не печатается)",
    )
    column_numbers: bool | None = Field(
        None,
        description="Строка номеров граф «1 | 2 | 3» под шапкой; не задано — как в form",
    )
    responsible_separator: Literal["comma", "line"] = Field(
        "comma",
        description="Как разделены ответственные в ячейке: comma — через запятую, line — "
        "каждый с новой строки",
    )
    sections: list[RoadmapSection] = Field(default_factory=list, description="Разделы")

    def activities(self) -> list[Activity]:
        return [a for s in self.sections for a in s.activities]
