"""The programme: passport data, goals, tasks, indicators, stages, schools."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from shnor_docs.model.common import Date, Id, IdList, SpecModel, Text, Value, private
from shnor_docs.model.document import PartItem, Passport


class Goal(SpecModel):
    """Цель программы."""

    id: Id = Field(description="Идентификатор цели")
    text: Text = Field(description="Формулировка цели")


class Task(SpecModel):
    """Задача программы."""

    id: Id = Field(description="Идентификатор задачи")
    number: str | None = Field(None, description="Номер, если задан в документе («2.1»)")
    text: Text = Field(description="Формулировка задачи")
    goal: Id | None = Field(None, description="Цель, которой служит задача")


class Baseline(SpecModel):
    """Базовое значение показателя."""

    year: int = Field(description="Год базового значения")
    value: Value


class Indicator(SpecModel):
    """Целевой показатель (индикатор)."""

    id: Id = Field(description="Идентификатор показателя")
    number: str | None = Field(None, description="Номер в таблице показателей, если задан")
    name: Text = Field(description="Наименование показателя")
    unit: str | None = Field(None, description="Единица измерения («%», «ед.», «чел.»)")
    direction: Literal["increase", "decrease", "maintain"] | None = Field(
        None,
        description="Желаемая динамика: increase — рост, decrease — снижение, "
        "maintain — сохранение",
    )
    area: str | None = Field(None, description="Направление деятельности, к которому относится")
    subarea: str | None = Field(
        None, description="Подраздел направления, если направление делится («в неблагоприятных "
        "социальных условиях»)"
    )
    goal: Id | None = Field(None, description="Цель")
    task: Id | None = Field(None, description="Задача")
    method: Text | None = Field(None, description="Методика расчёта, критерии расчёта")
    sources: list[Text] = Field(
        default_factory=list, description="Источники данных, методы сбора информации"
    )
    responsible: IdList = Field(description="Ответственные: идентификаторы из parties")
    baseline: Baseline | None = Field(None, description="Базовое значение")
    targets: dict[int, Value] = Field(
        default_factory=dict, description="Плановые значения по годам: {2021: 10, 2022: 15}"
    )
    actuals: dict[int, Value] = Field(
        default_factory=dict, description="Фактические значения по годам, когда известны"
    )


class Stage(SpecModel):
    """Этап реализации."""

    name: str = Field(description="Название этапа («Подготовительный»)")
    start: Date = Field(description="Начало этапа")
    end: Date = Field(description="Окончание этапа")
    content: Text | None = Field(None, description="Содержание этапа")
    text: Text | None = Field(
        None,
        description="Этап так, как он написан в документе («1 этап. Подготовительный (01.06. – "
        "31.08.2021) – проблемный анализ …»); не задан — из name, дат и content",
    )


class Funding(SpecModel):
    """Источник финансирования."""

    source: str = Field(description="Источник («муниципальный бюджет»)")
    unit: str = Field("тыс. руб.", description="Единица («тыс. руб.»)")
    amounts: dict[int, Value] = Field(default_factory=dict, description="Суммы по годам")


class RiskFactor(SpecModel):
    """Фактор риска."""

    id: Id = Field(description="Идентификатор фактора риска")
    name: str = Field(description="Название фактора")
    description: Text | None = Field(None, description="Показатели и признаки фактора")


class School(SpecModel):
    """Школа, включённая в программу."""

    id: Id = Field(description="Идентификатор школы")
    name: str = Field(description="Полное наименование")
    short_name: str | None = Field(None, description="Краткое наименование")
    categories: list[Literal["ШНОР", "ШНСУ"]] = Field(
        min_length=1, description="Категории: ШНОР и/или ШНСУ"
    )
    risk_factors: IdList = Field(description="Факторы риска: идентификаторы из risk_factors")
    curator: Id | None = Field(None, description="Куратор (муниципальный координатор) из parties")


class Section(SpecModel):
    """Свободный раздел текста."""

    title: str | None = Field(None, description="Заголовок раздела (если есть)")
    text: Text = Field(description="Текст раздела (Markdown)")


class Programme(SpecModel):
    """Программа (комплекс мер, план мероприятий)."""

    title: str = Field(description="Полное наименование программы")
    kind: str = Field(
        "муниципальная программа",
        description="Вид документа, как он называется в тексте («муниципальная программа», "
        "«план мероприятий»)",
    )
    appendix: int | None = Field(1, description="Номер приложения к акту")
    period: str | int | dict[str, Any] = Field(
        description="Период: «2021–2023», 2023, учебный год «2020/2021» или {start: …, end: …}"
    )
    basis: Text | None = Field(None, description="Основание для разработки")
    developers: IdList = Field(description="Разработчики: идентификаторы из parties")
    executors: IdList = Field(description="Исполнители: идентификаторы из parties")
    participants: IdList = Field(description="Участники: идентификаторы из parties")
    summary: Text | None = Field(None, description="Пояснительная записка, вводный текст")
    goals: list[Goal] = Field(default_factory=list, description="Цели")
    tasks: list[Task] = Field(default_factory=list, description="Задачи")
    indicators: list[Indicator] = Field(default_factory=list, description="Целевые показатели")
    stages: list[Stage] = Field(default_factory=list, description="Этапы реализации")
    measures: Text | None = Field(None, description="Комплекс мер (мероприятий), направления")
    mechanism: Text | None = Field(None, description="Механизм реализации")
    expected_results: Text | None = Field(None, description="Ожидаемые результаты")
    control: Text | None = Field(None, description="Система организации контроля")
    funding: list[Funding] = Field(default_factory=list, description="Финансирование")
    risk_factors: list[RiskFactor] = Field(default_factory=list, description="Факторы риска")
    schools: list[School] = Field(default_factory=list, description="Школы программы")
    sections: list[Section] = Field(
        default_factory=list, description="Другие разделы текста, в порядке следования"
    )
    passport: Passport | None = Field(
        None, description="Паспорт программы; без этого ключа паспорт не печатается"
    )
    body: list[PartItem] | None = Field(
        None,
        description="Что печатается в программе и в каком порядке (части); не задано — части в "
        "порядке ключей этого раздела спецификации",
    )

    # A tuple, not a list factory: pydantic reads a factory's signature for every programme, and
    # that of ``list`` costs a start-up 3 ms of tokenizing.
    _order: tuple[str, ...] = PrivateAttr(())

    @model_validator(mode="wrap")
    @classmethod
    def _remember_order(cls, data: Any, handler: Any) -> Programme:
        """Keep the order of the keys: without ``body`` it is the order of the parts."""
        programme = handler(data)
        if isinstance(data, dict):
            programme._order = tuple(str(key) for key in data)
        return programme

    @property
    def key_order(self) -> tuple[str, ...]:
        """The keys of ``programme:`` in the order the spec wrote them."""
        return private(self, "_order")
