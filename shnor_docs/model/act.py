"""The approving act: приказ, постановление or распоряжение, with its points and appendices."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, PrivateAttr

from shnor_docs.model.common import Date, DeadlineValue, Id, IdList, SpecModel, Text, private
from shnor_docs.model.document import Appendix

if TYPE_CHECKING:
    from shnor_docs.deadlines import Deadline

ActKind = Literal["prikaz", "postanovlenie", "rasporyazhenie"]
PointKind = Literal[
    "approve", "appoint", "assign", "instruct", "recommend", "control", "text"
]


class CitedAct(SpecModel):
    """Акт, на который ссылается преамбула."""

    kind: str = Field(description="Вид акта: «приказ», «постановление», «письмо», «распоряжение» …")
    issuer: str | None = Field(
        None, description="Кем издан, в родительном падеже («министерства образования … области»)"
    )
    date: Date | None = Field(None, description="Дата акта")
    number: str | None = Field(None, description="Номер акта («10508/21-22»)")
    title: str | None = Field(None, description="Заголовок акта без кавычек")


class ActPoint(SpecModel):
    """Пункт распорядительной части акта."""

    number: str | None = Field(
        None,
        description="Номер пункта, если его нужно задать явно (иначе нумеруется автоматически); "
        "у подпункта — «1» или полный «3.1»",
    )
    kind: PointKind = Field(
        "text",
        description="Вид пункта: approve — утвердить приложение; "
        "appoint — назначить ответственных; "
        "assign — возложить ответственность; instruct — поручить участникам (дательный падеж); "
        "recommend — рекомендовать неподчинённым органам и организациям (дательный падеж); "
        "control — контроль за исполнением; text — произвольный текст",
    )
    text: Text | None = Field(
        None,
        description="Текст пункта (для text — целиком; для approve — что утверждается; "
        "для instruct и recommend — поручение: «обеспечить реализацию плана мероприятий»; "
        "если у пункта есть подпункты, текст можно не задавать)",
    )
    role: str | None = Field(
        None, description="Для appoint и assign: «ответственными за организацию поддержки ШНОР»"
    )
    parties: IdList = Field(
        description="Участники из parties: назначаемые лица, адресаты поручения, "
        "лицо, на которое возлагается контроль (пусто для «оставляю за собой»)",
    )
    join: Literal["and", "comma"] = Field(
        "and",
        description="Как перечислены участники пункта: and — «А, Б и В»; comma — «А, Б, В»",
    )
    heads: Literal["none", "name", "name_position"] = Field(
        "none",
        description="Руководитель адресата в скобках после его наименования: name — «(Кольцова "
        "О.С.)», name_position — «(Шевцова Р.Н. – заведующая РМК)»; none — без руководителя. "
        "Руководитель берётся из поля head участника",
    )
    appendix: int | None = Field(None, description="Номер утверждаемого приложения (для approve)")
    due: DeadlineValue | None = Field(
        None,
        description="Срок исполнения поручения, как он написан в пункте («в срок до 15 марта "
        "2021 года»; несколько дат — «в срок до 30 января 2021 года и 20 июля 2021 года»)",
    )
    points: list[ActPoint] = Field(default_factory=list, description="Подпункты")

    _due: Deadline | None = PrivateAttr(None)
    _number: str = PrivateAttr("")

    @property
    def parsed_due(self) -> Deadline | None:
        """The parsed due date of the point, set by the loader."""
        return private(self, "_due")

    @property
    def display_number(self) -> str:
        """The number as printed: «2.», «3.1.»; set by the loader."""
        return private(self, "_number")


class Signatory(SpecModel):
    """Подпись."""

    party: Id = Field(description="Подписывающее лицо: идентификатор из parties")
    position: str | None = Field(
        None,
        description="Должность, как она печатается в реквизите подписи "
        "(если отличается от должности в parties; «И.о. начальника Департамента»)",
    )


class Act(SpecModel):
    """Распорядительный акт, которым утверждается программа."""

    kind: ActKind = Field(
        "prikaz",
        description="Вид: prikaz — приказ, postanovlenie — постановление, "
        "rasporyazhenie — распоряжение",
    )
    heading: str | None = Field(
        None, description="Наименование вида документа на бланке, если не «ПРИКАЗ» и т. п."
    )
    directive: str | None = Field(
        None,
        description="Распорядительное слово, если не по виду акта («ПРИКАЗЫВАЮ:», "
        "«ПОСТАНОВЛЯЮ:»); например «ПОСТАНОВЛЯЕТ:»; пустая строка — без него",
    )
    number: str = Field(description="Регистрационный номер («749», «5-а», «718-ОД»)")
    date: Date = Field(description="Дата подписания")
    place: str | None = Field(None, description="Место издания, если отличается от authority.place")
    title: str | None = Field(
        None, description="Заголовок к тексту, начинается с «О»/«Об» («Об утверждении …»)"
    )
    preamble: Text | None = Field(
        None, description="Преамбула целиком («В соответствии с …, в целях …»)"
    )
    basis: list[CitedAct] = Field(
        default_factory=list, description="Акты, на которые ссылается преамбула"
    )
    points: list[ActPoint] = Field(
        default_factory=list,
        description="Пункты распорядительной части; "
        "пусто, если текст акта не входит в спецификацию (собирается только приложение)",
    )
    signatory: Signatory | None = Field(None, description="Подписывающее лицо")
    executor: Id | None = Field(
        None, description="Исполнитель (отметка об исполнителе): из parties"
    )
    executor_mark: str | None = Field(
        None,
        description="Отметка об исполнителе словами документа («Приказ подготовлен главным "
        "специалистом Ефимако Н.М.»); не задана — «Исп.:» и имя исполнителя из parties. "
        "Телефон и почта исполнителя печатаются в обоих случаях",
    )
    appendices: list[Appendix] = Field(
        default_factory=list,
        description="Приложения к акту в порядке номеров: что каждое из них содержит. Если не "
        "заданы — программа (programme.appendix) и дорожная карта (roadmap.appendix)",
    )
