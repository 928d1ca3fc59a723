"""Russian declension of names, positions and party names; abbreviations at first use."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, get_args

from shnor_docs.morphology import analyser
from shnor_docs.render.typography import NBSP, match_case
from shnor_docs.render.typography import capitalize_first as capitalize_first
from shnor_docs.render.typography import join_ru as join_ru
from shnor_docs.render.typography import plural_days as plural_days
from shnor_docs.render.typography import typograph as typograph

if TYPE_CHECKING:
    from shnor_docs.model.parties import Party

Case = Literal["nominative", "genitive", "dative", "accusative", "instrumental", "prepositional"]
Gender = Literal["male", "female"]

_CASES = get_args(Case)
_PYMORPHY_CASE = dict(zip(_CASES, ("nomn", "gent", "datv", "accs", "ablt", "loct"), strict=True))
_PETROVICH_CASE = {case: index for index, case in enumerate(_CASES[1:])}  # genitive = 0
_FEMALE_PATRONYMIC = ("вна", "чна", "шна", "кызы")
_MALE_PATRONYMIC = ("вич", "ич", "оглы")
_FEMALE_SURNAME = ("ова", "ева", "ёва", "ина", "ына", "ая")
_MALE_SURNAME = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")
_INITIAL = re.compile(r"^(?:[А-ЯЁA-Z]\.)+$")


def _morph() -> Any:
    """The pymorphy3 analyser, shared by the process."""
    return analyser()


@cache
def _surname_rules() -> dict[str, Any]:
    """Petrovich's rule data for surnames, loaded on first use."""
    from petrovich.main import Petrovich

    return Petrovich().data["lastname"]


class _Name(NamedTuple):
    surname: str
    first: str | None
    patronymic: str | None
    initials: str


def _name_parts(party: Party) -> _Name:
    """Surname, first name, patronymic and initials, from the fields or from the full name."""
    words = (party.name or "").replace(".", ". ").split()
    initials = [w for w in words if _INITIAL.match(w)]
    words = [w for w in words if not _INITIAL.match(w)]
    if len(words) == 3 and _is_patronymic(words[1]) and not _is_patronymic(words[2]):
        words = [words[2], words[0], words[1]]
    surname = party.surname or (words[0] if words else "")
    first = party.first_name or (words[1] if len(words) > 1 else None)
    patronymic = party.patronymic or (words[2] if len(words) > 2 else None)
    given = party.initials or "".join(initials)
    given = given or "".join(f"{part[0]}." for part in (first, patronymic) if part)
    return _Name(surname, first, patronymic, given.replace(" ", ""))


def _is_patronymic(word: str) -> bool:
    """Whether the word ends like a Russian patronymic."""
    return word.lower().endswith(_FEMALE_PATRONYMIC + _MALE_PATRONYMIC)


def gender_of(party: Party) -> Gender | None:
    """Gender: explicit field, else patronymic, first name or surname ending."""
    if party.gender or party.kind != "person":
        return party.gender
    name = _name_parts(party)
    patronymic = (name.patronymic or "").lower()
    if patronymic.endswith(_FEMALE_PATRONYMIC):
        return "female"
    if patronymic.endswith(_MALE_PATRONYMIC):
        return "male"
    gender = _first_name_gender(name.first) if name.first else None
    if gender:
        return gender
    surname = name.surname.lower().rsplit("-", 1)[-1]
    if surname.endswith(_FEMALE_SURNAME):
        return "female"
    if surname.endswith(_MALE_SURNAME):
        return "male"
    return None


def _first_name_gender(first: str) -> Gender | None:
    """Gender of a first name by its best pymorphy3 parse tagged Name in the nominative."""
    for parse in _morph().parse(first):
        if "Name" in parse.tag and "nomn" in parse.tag:
            return {"femn": "female", "masc": "male"}.get(parse.tag.gender or "")
    return None


def decline_surname(surname: str, case: Case, gender: Gender | None) -> str:
    """Decline a surname (each part of a double one) with petrovich's rules."""
    if case == "nominative" or gender is None or not surname:
        return surname
    parts = surname.split("-")
    declined = "-".join(_surname_part(part, _PETROVICH_CASE[case], gender) for part in parts)
    return declined.upper() if surname.isupper() and len(surname) > 1 else declined


def _surname_part(word: str, case: int, gender: Gender) -> str:
    """Apply the first petrovich rule that fits, as the reference petrovich does."""
    # The Python port (Petrovich 2.0.1) skips the «androgynous» rules whenever a gender is given
    # and treats the «unchanged» marker as «no rule», so «Седых» (male) became «Седыха» and
    # «Сковорода» (male) stayed undeclined; matching its rule data directly fixes both.
    lower = word.lower()
    rules = _surname_rules()
    for rule in rules.get("exceptions", []):
        if rule["gender"] in (gender, "androgynous") and lower in rule["test"]:
            return _apply_mod(word, rule["mods"][case])
    for rule in rules["suffixes"]:
        if rule["gender"] in (gender, "androgynous") and lower.endswith(tuple(rule["test"])):
            return _apply_mod(word, rule["mods"][case])
    return word


def _apply_mod(word: str, mod: str) -> str:
    """Apply a petrovich modifier: each «-» drops a letter, the rest is appended; «.» keeps."""
    if mod == ".":
        return word
    cut = mod.count("-")
    return word[: len(word) - cut] + mod.replace("-", "")


def person_name(
    party: Party,
    case: Case = "nominative",
    order: Literal["initials_first", "surname_first"] = "initials_first",
) -> str:
    """Initials and surname declined to the case, joined by a no-break space: «Л.Ф. Черкесову»."""
    if case in party.forms:
        return party.forms[case]
    name = _name_parts(party)
    surname = decline_surname(name.surname, case, gender_of(party))
    if not name.initials:
        return surname
    if order == "surname_first":
        return f"{surname}{NBSP}{name.initials}"
    return f"{name.initials}{NBSP}{surname}"


_ROADMAP_TAG = re.compile(r"\(«(дорожная карта)»\)", re.IGNORECASE)


def decline_phrase(phrase: str, case: Case, *, animate: bool | None = None) -> str:
    """Decline the head of a noun phrase (agreeing words up to the first noun); keep the tail."""
    # animate=True: the phrase names a person (a position), whatever pymorphy3 guesses.
    if case == "nominative" or not phrase:
        return phrase
    parts = re.split(r"(\s+)", phrase)
    words = parts[0::2]
    plan = _head_plan(words)
    if not plan:
        return phrase
    head = plan[-1]
    if animate is None:
        animate = _animate(words[len(plan) - 1], head)
    for index, parse in enumerate(plan):
        words[index] = _inflect_word(words[index], parse, _PYMORPHY_CASE[case], head, animate)
    parts[0::2] = words
    declined = "".join(parts)
    # «План мероприятий («дорожная карта»)»: the apposition agrees — «Плана мероприятий
    # («дорожной карты»)», as the orders write it; a quoted name (a programme's) would not.
    return _ROADMAP_TAG.sub(lambda m: f"(«{decline_phrase(m.group(1), case)}»)", declined, 1)


def _head_plan(words: list[str]) -> list[Any]:
    """Nominative parses of the words to decline: modifiers, then the head (empty if none)."""
    plan: list[Any] = []
    for index, word in enumerate(words):
        if not _declinable(word):
            return []
        like = plan[-1] if plan else None
        noun = _nominative(word, {"NOUN"}, like)
        adjective = _nominative(word, {"ADJF", "PRTF"}, like)
        following = words[index + 1] if index + 1 < len(words) else ""
        if adjective and _declinable(following) and _agreeing(adjective, following):
            plan.append(adjective)
            continue
        head = noun or adjective
        return [*plan, head] if head else []
    return []


def _declinable(word: str) -> bool:
    """A Cyrillic word that is not an abbreviation (possibly hyphenated)."""
    if not re.fullmatch(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", word):
        return False
    return not (word.isupper() and len(word) > 1)


def _nominative(word: str, pos: set[str], like: Any = None) -> Any:
    """The best nominative parse of the given parts of speech, agreeing with like if given."""
    for parse in _morph().parse(word.lower()):
        tag = parse.tag
        if tag.POS in pos and "nomn" in tag and (like is None or _same_form(tag, like.tag)):
            return parse
    return None


def _agreeing(adjective: Any, word: str) -> bool:
    """Whether the next word can be a nominative noun or adjective agreeing with adjective."""
    return _nominative(word, {"NOUN", "ADJF", "PRTF"}, adjective) is not None


def _same_form(tag: Any, other: Any) -> bool:
    """Same number and, in the singular, a compatible gender."""
    if tag.number != other.number:
        return False
    genders = {tag.gender, other.gender} - {None, "ms-f"}
    return tag.number == "plur" or len(genders) < 2


def _animate(word: str, parse: Any) -> bool:
    """A noun's animacy (a compound by its first part); substantivised adjectives are people."""
    if parse.tag.POS != "NOUN":
        return True
    first = _nominative(word.split("-")[0], {"NOUN"}) or parse
    return first.tag.animacy == "anim"


def _animate_accusative(word: str, parse: Any) -> bool:
    """Whether a noun forced to be animate takes the genitive form in the accusative."""
    tag = parse.tag
    if tag.POS != "NOUN" or tag.animacy == "anim":
        return False
    return tag.number == "plur" or (tag.gender == "masc" and not word.endswith(("а", "я")))


def _inflect_word(word: str, parse: Any, case: str, head: Any, animate: bool) -> str:
    """Inflect one word of the head; a compound noun («специалист-эксперт») part by part."""
    if "-" in word and parse.tag.POS == "NOUN":
        pieces = word.split("-")
        nouns = [_nominative(piece, {"NOUN"}) for piece in pieces]
        if all(nouns):
            return "-".join(
                _inflect_word(p, n, case, n, animate) for p, n in zip(pieces, nouns, strict=True)
            )
    if case == "accs" and animate and _animate_accusative(word, parse):
        case = "gent"  # a person named by a noun pymorphy3 takes for a thing («тьютор»)
    grammemes = {case, parse.tag.number or head.tag.number or "sing"}
    gender = head.tag.gender
    if parse.tag.POS != "NOUN" and "sing" in grammemes and gender in ("masc", "femn", "neut"):
        grammemes.add(gender)
    if case == "accs" and parse.tag.POS != "NOUN":
        animacy = "anim" if animate else "inan"
        inflected = parse.inflect({*grammemes, animacy}) or parse.inflect(grammemes)
    else:
        inflected = parse.inflect(grammemes)
    return match_case(word, inflected.word) if inflected else word


def position_and_name(
    party: Party,
    case: Case,
    order: Literal["initials_first", "surname_first"] = "initials_first",
) -> str:
    """Declined position followed by the declined name; forms[case] overrides all."""
    if case in party.forms:
        return party.forms[case]
    name = person_name(party, case, order)
    if not party.position:
        return name
    return f"{decline_phrase(party.position, case, animate=True)} {name}"


def party_phrase(party: Party, case: Case) -> str:
    """How a party is named in running text, declined to the case."""
    if party.kind == "person":
        return position_and_name(party, case)
    if case in party.forms:
        return party.forms[case]
    if party.kind == "post":
        return decline_phrase(party.name or party.position or "", case, animate=True)
    return decline_phrase(party.name or party.abbreviation or "", case)
