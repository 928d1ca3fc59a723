"""The approving act: приказ, постановление or распоряжение."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, PrivateAttr

from shnor_docs.model.common import Date, DeadlineValue, Id, IdList, SpecModel, Text

if TYPE_CHECKING:
    from shnor_docs.deadlines import Deadline

ActKind = Literal["prikaz", "postanovlenie", "rasporyazhenie"]


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
        description="Номер пункта, если его нужно задать явно (иначе нумеруется автоматически)",
    )
    kind: Literal["approve", "appoint", "assign", "instruct", "control", "text"] = Field(
        "text",
        description="Вид пункта: approve — утвердить приложение; "
        "appoint — назначить ответственных; "
        "assign — возложить ответственность; instruct — поручить участникам; "
        "control — контроль за исполнением; text — произвольный текст",
    )
    text: Text | None = Field(
        None,
        description="Текст пункта (для text — целиком; для approve — что утверждается; "
        "для instruct — поручение: «обеспечить реализацию плана мероприятий»)",
    )
    role: str | None = Field(
        None, description="Для appoint и assign: «ответственными за организацию поддержки ШНОР»"
    )
    parties: IdList = Field(
        description="Участники из parties: назначаемые лица, адресаты поручения, "
        "лицо, на которое возлагается контроль (пусто для «оставляю за собой»)",
    )
    appendix: int | None = Field(None, description="Номер утверждаемого приложения (для approve)")
    due: DeadlineValue | None = Field(None, description="Срок исполнения поручения")
    points: list[ActPoint] = Field(default_factory=list, description="Подпункты")

    _due: Deadline | None = PrivateAttr(None)

    @property
    def parsed_due(self) -> Deadline | None:
        """The parsed due date of the point, set by the loader."""
        return self._due


class Signatory(SpecModel):
    """Подпись."""

    party: Id = Field(description="Подписывающее лицо: идентификатор из parties")
    position: str | None = Field(
        None,
        description="Должность, как она печатается в реквизите подписи "
        "(если отличается от должности в parties)",
    )


class Act(SpecModel):
    """Распорядительный акт, которым утверждается программа."""

    kind: ActKind = Field(
        "prikaz",
        description="Вид: prikaz — приказ, postanovlenie — постановление, "
        "rasporyazhenie — распоряжение",
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
        "пусто, если текст акта не входит в спецификацию",
    )
    signatory: Signatory | None = Field(None, description="Подписывающее лицо")
    executor: Id | None = Field(
        None, description="Исполнитель (отметка об исполнителе): из parties"
    )
