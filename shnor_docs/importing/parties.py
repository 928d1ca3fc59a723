"""The registry of parties an import builds: one entry per party, however often it is named.

A party is learned where the document names it: a responsible cell of the plan, a point of the
act, the signature, the executor mark. Abbreviations are learned from «(далее – X)» wherever
it stands; afterwards «X» alone names the same party. People are recognised by initials and a
surname, in either order («Л.В. Игнатенко», «Мурашина Н.Т.»), and a declined surname in the
act («… на Л.Ф. Черкесову») is put back into the nominative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from shnor_docs.importing.words import INITIALS, SURNAME, flat, names
from shnor_docs.text import spells

FURTHER = re.compile(
    r"\(\s*далее(?:\s+по\s+тексту)?\s*[-–—:]?\s*[«\"]?([^()«»\"]{1,60}?)[»\"]?\s*\)", re.I
)
_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))
_PERSON = re.compile(rf"^(?:(.*?)\s+)?(?:({INITIALS})\s*({SURNAME})|({SURNAME})\s+({INITIALS}))$")
_POSTS = ("главн", "ведущ", "старш", "заместител", "начальник", "директор", "заведующ",
          "методист", "специалист", "инспектор", "председател", "консультант", "куратор",
          "координатор", "муниципальный координатор", "руководитель", "эксперт", "педагог-")
_UNITS = ("отдел", "кабинет", "сектор", "служба", "управлени", "комитет", "департамент")
_STOP = {"и", "в", "на", "по", "для", "с", "со", "о", "об", "к", "при", "за", "из", "от", "до"}


@dataclass
class Entry:
    """One party as the spec will hold it."""

    id: str
    kind: str
    name: str | None = None
    abbreviation: str | None = None
    table_name: str | None = None
    surname: str | None = None
    initials: str | None = None
    first_name: str | None = None
    patronymic: str | None = None
    position: str | None = None
    phone: str | None = None

    def data(self) -> dict[str, Any]:
        keys = ("id", "kind", "name", "abbreviation", "table_name", "surname", "first_name",
                "patronymic", "initials", "position", "phone")
        return {k: getattr(self, k) for k in keys if getattr(self, k)}


def key(text: str) -> str:
    """How two spellings of one name compare: case, quotes, dashes and spaces aside."""
    text = flat(text).lower().replace("ё", "е")
    return re.sub(r"[«»\"“”„'().,;:–—-]", "", text).replace(" ", "")


def slug(text: str) -> str:
    words = [w for w in re.findall(r"[а-яёa-z0-9]+", text.lower()) if w not in _STOP][:3]
    out = "_".join("".join(_TRANSLIT.get(c, c) for c in w) for w in words)
    out = re.sub(r"[^a-z0-9_]", "", out)[:40].strip("_")
    return out if out[:1].isalpha() else f"p_{out}" if out else "party"


@dataclass
class Registry:
    """Every party of the import, found by name, abbreviation or person."""

    entries: dict[str, Entry] = field(default_factory=dict)
    index: dict[str, str] = field(default_factory=dict)
    learned: dict[str, str] = field(default_factory=dict)  # abbreviation → full name
    cells: dict[str, str] = field(default_factory=dict)  # party → its first cell, as written

    def _new(self, base: str, kind: str) -> Entry:
        ident, n = base, 2
        while ident in self.entries:
            ident, n = f"{base}_{n}", n + 1
        entry = Entry(ident, kind)
        self.entries[ident] = entry
        return entry

    def learn(self, text: str) -> None:
        """Remember «Полное наименование (далее – X)» where the full name can be told: the
        words before the bracket whose initials spell X."""
        for match in FURTHER.finditer(text):
            short = flat(match.group(1))
            full = _spelled_by(text[: match.start()], short)
            if full and short not in self.learned:
                self.learned[short] = nominative_phrase(full)

    def cell(self, text: str) -> str:
        """The party a table cell names; its first cell is remembered (see :meth:`finish`)."""
        found = self.named(text)
        self.cells.setdefault(found, flat(text).strip(" ,;"))
        return found

    def finish(self) -> None:
        """A party with an abbreviation whose first cell does not introduce it («(далее –
        X)») is printed in tables as that cell wrote it: the documents introduce an
        abbreviation at its first citation, and the source did not there."""
        for ident, written in self.cells.items():
            entry = self.entries[ident]
            if entry.kind == "person":
                if written != f"{entry.initials} {entry.surname}":  # «Мурашина Н.Т.»
                    entry.table_name = written
            elif entry.abbreviation and entry.name != entry.abbreviation and not FURTHER.search(
                written
            ):
                entry.table_name = entry.table_name or written

    def named(self, text: str) -> str:
        """The party a piece of text names (a responsible cell, an addressee); created if new."""
        text = flat(text).strip(" ,;")
        if text.endswith(".") and not re.search(r"[А-ЯЁ]\.$", text):
            text = text[:-1].rstrip()
        further = FURTHER.search(text)
        if further is not None:
            full, short = flat(text[: further.start()]), flat(further.group(1))
            return self._organisation(full, short)
        person = _PERSON.match(text)
        if person is not None:
            return self.person(*_person_parts(person), as_written=text)
        found = self.index.get(key(text))
        if found:
            return found
        full = self.learned.get(text)
        if full:
            return self._organisation(full, text)
        longer = next((a for a in self.learned if text.isupper() and a.endswith(f" {text}")),
                      None)
        if longer:  # «СОИРО» for «ГАУ ДПО СОИРО»
            return self._organisation(self.learned[longer], longer)
        return self._organisation(text, None)

    def _organisation(self, name: str, short: str | None) -> str:
        for probe in (name, short):
            if probe and key(probe) in self.index:
                entry = self.entries[self.index[key(probe)]]
                if short and not entry.abbreviation and entry.name != short:
                    entry.abbreviation = short
                    self.index[key(short)] = entry.id
                return entry.id
        entry = self._new(slug(short or name), kind_of(name))
        entry.name, entry.abbreviation = name, short if short != name else None
        for probe in (name, short):
            if probe:
                self.index[key(probe)] = entry.id
        return entry.id

    def person(self, initials: str, surname: str, position: str | None = None,
               as_written: str | None = None) -> str:
        """A person by initials and surname (nominative); one entry for every mention."""
        initials = initials.replace(" ", "")
        for entry in self.entries.values():
            if entry.kind == "person" and entry.initials == initials and _same_surname(
                entry.surname or "", surname
            ):
                if position and not entry.position:
                    entry.position = position
                return entry.id
        entry = self._new(slug(surname), "person")
        entry.surname, entry.initials, entry.position = surname, initials, position or None
        return entry.id

    def data(self) -> list[dict[str, Any]]:
        return [entry.data() for entry in self.entries.values()]


def _person_parts(match: re.Match[str]) -> tuple[str, str, str | None]:
    position = match.group(1)
    if match.group(2):
        return match.group(2), match.group(3), position
    return match.group(5), match.group(4), position


def _same_surname(first: str, second: str) -> bool:
    a, b = first.lower(), second.lower()
    stem = min(len(a), len(b)) - 2
    return a == b or (stem >= 3 and a[:stem] == b[:stem])


def kind_of(name: str) -> str:
    """unit, organisation, group or post, from the first words of a name."""
    low = name.lower()
    if low.startswith(_POSTS):
        words = low.split()
        return "group" if words and words[-1].endswith(("ы", "и")) and len(words) > 1 else "post"
    if low.startswith(_UNITS) or (name.isupper() and len(name) <= 5):
        return "unit"
    first = low.split()[0] if low.split() else ""
    if first.endswith(("ы", "и", "ые", "ие")) and not first.endswith(("ии", "ции")):
        return "group"
    return "organisation"


def _spelled_by(before: str, short: str) -> str | None:
    """The words at the end of ``before`` whose initials spell ``short`` (gaps allowed)."""
    letters = [c for c in short if c.isupper()]
    if len(letters) < 2:
        return None
    before = re.sub(r"\s*\([^()]*\)\s*$", "", before.rstrip())  # «(Кольцова О.С.)»
    words = before.split()[-20:]
    for start in range(len(words) - 1, -1, -1):
        span = words[start:]
        initials = [w.lstrip("«\"")[:1].upper() for w in span if w.lower() not in _STOP]
        if initials and initials[0] == letters[0] and spells("".join(letters), initials):
            return " ".join(span).strip(" ,")
    return None


def surname_nominative(word: str) -> str:
    """«Черкесову», «Мурашину» → «Черкесова», «Мурашина»; «Стуковой» → «Стукова»."""
    for ending, nominative in (("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("ыну", "ына"),
                               ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
                               ("ской", "ская"), ("скую", "ская")):
        if word.endswith(ending):
            return word[: -len(ending)] + nominative
    return word


def people(text: str) -> list[tuple[str, str, bool]]:
    """(initials, surname as written, surname first) of every person named in ``text``."""
    return [(i, s, last) for i, s, _, _, last in names(text)]


_CASES = ("datv", "gent", "accs", "ablt", "loct")


def nominative_phrase(text: str) -> str:
    """The head of a declined phrase back in the nominative: «Государственному автономному
    учреждению … образования» → «государственное автономное учреждение … образования»."""
    from shnor_docs.morphology import analyser

    morph = analyser()
    words = text.split(" ")
    head: list[tuple[int, str, Any]] = []
    for index, word in enumerate(words[:6]):
        bare = word.strip("«»\"(),")
        parses = [p for p in morph.parse(bare) if p.tag.case in _CASES
                  and p.tag.POS in ("NOUN", "ADJF", "PRTF")] if bare and not bare.isupper() else []
        if not parses:
            return text
        noun = next((p for p in parses if p.tag.POS == "NOUN"), None)
        if noun is not None:
            head.append((index, bare, noun))
            break
        head.append((index, bare, parses[0]))
    if not head or head[-1][2].tag.POS != "NOUN":
        return text
    noun = head[-1][2]
    agree = {"nomn", "plur"} if noun.tag.number == "plur" else {"nomn", noun.tag.gender}
    for index, bare, parse in head:
        found = parse.inflect({"nomn"} if parse is noun else agree)
        if found is None:
            return text
        new = found.word if bare[:1].islower() or index == 0 else found.word.capitalize()
        words[index] = words[index].replace(bare, new)
    return " ".join(words)
