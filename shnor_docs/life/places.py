"""How an amendment names what it changes: «пункт 2.3 приложения № 1», «в строке 1 таблицы …».

Legal-technical wording declines the name of the structural unit: «пункт 2.3 … изложить»
(accusative), «в пункте 2.3 … слова … заменить» (prepositional), «дополнить пунктом 2.19»
(instrumental), «пункты 2.3, 2.4 считать соответственно пунктами 2.4, 2.5» (plural).
"""

from __future__ import annotations

from dataclasses import dataclass

from shnor_docs.model import Spec
from shnor_docs.spec.compose import appendices

NBSP = "\u00a0"


@dataclass(frozen=True)
class Noun:
    """A structural unit in the cases amendments use."""

    acc: str
    prep: str
    ins: str
    pl_acc: str
    pl_ins: str


POINT = Noun("пункт", "пункте", "пунктом", "пункты", "пунктами")
SUBPOINT = Noun("подпункт", "подпункте", "подпунктом", "подпункты", "подпунктами")
ROW = Noun("строку", "строке", "строкой", "строки", "строками")
SECTION = Noun("раздел", "разделе", "разделом", "разделы", "разделами")


@dataclass(frozen=True)
class Place:
    """Where an item stands: «пункт 2.3» + «приложения № 1»; what an addition extends."""

    noun: Noun
    number: str
    within: str = ""  # genitive tail: «раздела 2 приложения № 1», «пункта 3»
    container: str = ""  # accusative: «приложение № 1», «пункт 3»; «» — the act itself

    def acc(self) -> str:
        """«пункт 2.3 приложения № 1»."""
        return _join(self.noun.acc, self.number, self.within)

    def prep(self) -> str:
        """«пункте 2.3 приложения № 1»."""
        return _join(self.noun.prep, self.number, self.within)

    def ins(self) -> str:
        """«пунктом 2.3» (what an addition brings)."""
        return _join(self.noun.ins, self.number)


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p).replace(" № ", f" №{NBSP}")


def appendix_holding(spec: Spec, what: str) -> int | None:
    """The number of the appendix that prints ``what`` (``plan`` or ``indicators``): its own
    appendix if it has one, else the programme's."""
    found = appendices(spec)
    for appendix in found:
        if appendix.document == what:
            return appendix.number
    for appendix in found:
        if appendix.document == "programme":
            return appendix.number
    return None


def appendix_words(number: int | None, case: str) -> str:
    """«приложения № 1» (genitive), «приложение № 1» (accusative); no number: «приложения»."""
    word = {"gen": "приложения", "acc": "приложение", "prep": "приложении"}[case]
    return f"{word} № {number}" if number else word


def activity_place(spec: Spec, section: int, number: str) -> Place:
    """An activity of the roadmap: «пункт 2.3 приложения № 1»; with numbering that restarts in
    each section, «пункт 1 раздела 2 приложения № 1»."""
    roadmap = spec.roadmap
    assert roadmap is not None
    appendix = appendix_holding(spec, "plan")
    if roadmap.numbering != "local":
        gen, acc = appendix_words(appendix, "gen"), appendix_words(appendix, "acc")
        return Place(POINT, number, gen, acc)
    unit = section_words(spec, section)
    return Place(POINT, number, f"{unit} {appendix_words(appendix, 'gen')}",
                 f"раздел {unit.removeprefix('раздела ')} {appendix_words(appendix, 'gen')}")


def section_words(spec: Spec, index: int) -> str:
    """«раздела 2», or «раздела «Оказание помощи школам»» where sections print no numbers."""
    roadmap = spec.roadmap
    assert roadmap is not None
    section = roadmap.sections[index]
    number = (section.number or section.display_number).rstrip(".")
    if roadmap.section_numbers and number:
        return f"раздела {number}"
    if section.title:
        return f"раздела «{section.title}»"
    return f"раздела {index + 1}"


def section_place(spec: Spec, index: int) -> Place:
    """A roadmap section (for its title and for adding it)."""
    appendix = appendix_holding(spec, "plan")
    number = section_words(spec, index).removeprefix("раздела ")
    return Place(SECTION, number, appendix_words(appendix, "gen"), appendix_words(appendix, "acc"))


def point_place(number: str) -> Place:
    """A point of the act («пункт 3») or a sub-point («подпункт 3.1 пункта 3»)."""
    number = number.rstrip(".")
    if "." not in number:
        return Place(POINT, number)
    parent = number.rsplit(".", 1)[0]
    return Place(SUBPOINT, number, f"пункта {parent}", f"пункт {parent}")


def indicator_place(spec: Spec, number: str) -> Place:
    """A row of the indicator table: «строку 1 таблицы показателей приложения № 1»."""
    appendix = appendix_holding(spec, "indicators")
    return Place(ROW, number, f"таблицы показателей {appendix_words(appendix, 'gen')}",
                 f"таблицу показателей {appendix_words(appendix, 'gen')}")
