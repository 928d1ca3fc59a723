"""The root of a programme spec."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field, PrivateAttr

from shnor_docs.location import PositionMap
from shnor_docs.model.act import Act
from shnor_docs.model.common import SpecModel, private
from shnor_docs.model.history import Amendment
from shnor_docs.model.parties import Authority, Party
from shnor_docs.model.programme import Programme
from shnor_docs.model.roadmap import Roadmap
from shnor_docs.model.settings import CheckConfig, FormProfile

if TYPE_CHECKING:
    from shnor_docs.deadlines import Period


class Spec(SpecModel):
    """Спецификация программы: орган, участники, акт, программа, дорожная карта."""

    include: list[str] = Field(
        default_factory=list,
        description="Файлы, из которых берутся остальные ключи верхнего уровня "
        "(пути от папки программы, только внутри неё)",
    )
    authority: Authority = Field(description="Орган, издающий акт")
    parties: list[Party] = Field(
        default_factory=list, description="Реестр участников: подразделения, организации, люди"
    )
    act: Act | None = Field(None, description="Акт, которым утверждается программа")
    amendments: list[Amendment] = Field(
        default_factory=list,
        description="Акты о внесении изменений в утверждающий акт, от первого к последнему: "
        "последний — реквизиты приказа, который пишет shnor amend; документы печатают "
        "«(в редакции приказов от … № …)»",
    )
    programme: Programme = Field(description="Программа")
    roadmap: Roadmap | None = Field(None, description="План мероприятий («дорожная карта»)")
    templates: str | None = Field(
        None, description="Папка собственных шаблонов программы (путь от папки программы)"
    )
    form: FormProfile = Field(
        default_factory=FormProfile, description="Оформление документов (переопределение ГОСТ)"
    )
    checks: CheckConfig = Field(
        default_factory=CheckConfig, description="Настройки проверок согласованности"
    )

    _folder: Path = PrivateAttr(Path("."))
    _positions: PositionMap = PrivateAttr(default_factory=PositionMap)
    _period: Period | None = PrivateAttr(None)

    @property
    def folder(self) -> Path:
        return private(self, "_folder")

    @property
    def slug(self) -> str:
        """The programme's name: the real name of its folder (also for «.»)."""
        return self._folder.resolve().name

    @property
    def positions(self) -> PositionMap:
        return private(self, "_positions")

    @property
    def period(self) -> Period:
        """The programme period resolved to dates; set by the loader (never None after it)."""
        found = private(self, "_period")
        assert found is not None, "спецификация не прошла загрузку"
        return found

    def party(self, party_id: str) -> Party:
        return self.party_index()[party_id]

    def party_index(self) -> dict[str, Party]:
        return {p.id: p for p in self.parties}
