"""The issuing authority and the registry of parties (units, organisations, people)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from shnor_docs.model.common import Id, SpecModel

Case = Literal["nominative", "genitive", "dative", "accusative", "instrumental", "prepositional"]


class Authority(SpecModel):
    """Орган, издающий акт."""

    name: str = Field(
        description="Полное наименование органа, как в заголовке бланка "
        "(«Отдел образования Администрации Белокалитвинского района»)"
    )
    heading: list[str] | None = Field(
        None,
        description="Строки заголовка бланка, если их нужно разбить вручную "
        "(«ОТДЕЛ ОБРАЗОВАНИЯ», «АДМИНИСТРАЦИИ БЕЛОКАЛИТВИНСКОГО РАЙОНА»)",
    )
    name_genitive: str | None = Field(
        None,
        description="Наименование в родительном падеже для ссылок, как оно печатается: «к "
        "приказу отдела образования администрации Дубровского района»; не задано — склоняется "
        "name (со строчной буквы)",
    )
    short_name: str | None = Field(None, description="Краткое наименование («Отдел образования»)")
    abbreviation: str | None = Field(None, description="Сокращение, если принято")
    place: str | None = Field(
        None, description="Место издания («г. Белая Калитва», «п. Дубровка»), если указывается"
    )
    head: Id | None = Field(None, description="Руководитель органа: идентификатор из parties")
    party: Id | None = Field(
        None,
        description="Идентификатор органа в реестре parties, если на него ссылаются мероприятия",
    )
    coat_of_arms: str | None = Field(
        None, description="Файл изображения герба (путь от папки программы)"
    )


class Party(SpecModel):
    """Участник: подразделение, организация, группа или человек."""

    id: Id = Field(description="Идентификатор для ссылок из мероприятий, пунктов и показателей")
    kind: Literal["unit", "organisation", "group", "post", "person"] = Field(
        "organisation",
        description="Вид: unit — подразделение, organisation — организация, group — группа лиц "
        "(«руководители общеобразовательных организаций»), post — должность без указания лица "
        "(«главный инспектор»), person — человек",
    )
    name: str | None = Field(
        None, description="Полное наименование; для человека — полное ФИО, если известно"
    )
    abbreviation: str | None = Field(None, description="Сокращение («РМК», «МЦДК», «СОИРО»)")
    table_name: str | None = Field(
        None,
        description="Как участник пишется в таблицах (графа ответственных), если не так, как в "
        "тексте акта: «СОИРО» при «ГАУ ДПО СОИРО» в приказе",
    )
    head: Id | None = Field(
        None, description="Руководитель (человек из parties) — для «(Кольцова О.С.)» в пунктах"
    )
    surname: str | None = Field(None, description="Фамилия (для человека)")
    first_name: str | None = Field(None, description="Имя (для человека)")
    patronymic: str | None = Field(None, description="Отчество (для человека)")
    initials: str | None = Field(None, description="Инициалы без пробелов: «Л.Ф.»")
    gender: Literal["male", "female"] | None = Field(
        None, description="Пол для склонения: male или female (иначе определяется по имени)"
    )
    position: str | None = Field(
        None, description="Должность в именительном падеже («методист», «заместитель начальника»)"
    )
    organisation: str | None = Field(
        None, description="Организация или подразделение: идентификатор из parties или текст"
    )
    phone: str | None = Field(None, description="Телефон")
    email: str | None = Field(None, description="Адрес электронной почты")
    forms: dict[Case, str] = Field(
        default_factory=dict,
        description="Явные падежные формы для случаев, когда автоматическое склонение ошибается: "
        "{dative: «Руководителям общеобразовательных организаций»}",
    )

    @model_validator(mode="after")
    def _named(self) -> Party:
        if self.kind == "person" and not (self.surname or self.name):
            raise ValueError("для человека укажите surname (фамилию) или name (ФИО)")
        if self.kind == "post" and not (self.name or self.position):
            raise ValueError("для должности укажите position или name")
        if self.kind not in ("person", "post") and not self.name:
            raise ValueError("укажите name — полное наименование")
        return self

    @property
    def is_person(self) -> bool:
        return self.kind == "person"

    def short(self) -> str:
        """How the party is cited in a table cell: its table name, abbreviation, «И.О. Фамилия»
        or the name, in the registry's own case."""
        if self.table_name:
            return self.table_name
        if self.is_person:
            initials = self.initials or _initials(self.first_name, self.patronymic)
            surname = self.surname or (self.name or "").split()[0]
            return f"{initials}\u00a0{surname}" if initials else surname
        return self.abbreviation or self.name or self.position or self.id


def _initials(first: str | None, patronymic: str | None) -> str:
    return "".join(f"{part[0]}." for part in (first, patronymic) if part)
