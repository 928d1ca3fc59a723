"""One change in the legal-technical wording of Russian acts.

«пункт 2.3 приложения № 1 изложить в следующей редакции: «…»»; «приложение № 1 дополнить
пунктом 2.19 следующего содержания: «…»»; «пункт 3.4 приложения № 1 исключить»; «в пункте 1.2
приложения № 1 слова «январь 2023 г.» заменить словами «март 2023 г.»»; «пункты 2.3, 2.4
приложения № 1 считать соответственно пунктами 2.4, 2.5».
"""

from __future__ import annotations

import difflib
import re

from shnor_docs.life.items import Item
from shnor_docs.life.places import Place

#: Fields replaced whole («слова «январь 2023 г.» заменить словами «март 2023 г.»»).
WHOLE_FIELDS = ("deadline", "responsible", "unit")
MAX_CONTEXT = 4
_NUMBER = re.compile(r"^[\d\s\u00a0,.–-]+$")


def redaction(old: Item, new: Item) -> str:
    """«пункт 2.3 приложения № 1 изложить в следующей редакции: «2.3. …»» (with the old number:
    renumbering, if any, follows)."""
    return f"{old.place.acc()} изложить в следующей редакции: «{new.quoted(old.place.number)}»"


def addition(new: Item) -> str:
    """«приложение № 1 дополнить пунктом 2.19 следующего содержания: «…»»."""
    lead = f"{new.place.container} дополнить" if new.place.container else "дополнить"
    return f"{lead} {new.place.ins()} следующего содержания: «{new.quoted()}»"


def removal(old: Item) -> str:
    return f"{old.place.acc()} исключить"


def renumbering(moves: list[tuple[Place, Place]]) -> str:
    """«пункт 2.3 приложения № 1 считать пунктом 2.4»; several at once, «соответственно»."""
    if len(moves) == 1:
        old, new = moves[0]
        return f"{old.acc()} считать {new.ins()}{_new_within(old, new)}"
    old, new = moves[0]
    olds = ", ".join(o.number for o, _ in moves)
    news = ", ".join(n.number for _, n in moves)
    return (f"{old.noun.pl_acc} {olds} {old.within} считать соответственно "
            f"{new.noun.pl_ins} {news}{_new_within(old, new)}").replace("  ", " ")


def _new_within(old: Place, new: Place) -> str:
    return f" {new.within}" if new.within != old.within else ""


def edit(old: Item, new: Item) -> str:
    """The change of one item: words replaced where one field changed, else a new redaction."""
    changed = [
        (name, label, old.field(name), text)
        for name, label, text in new.fields
        if old.field(name) != text
    ]
    if len(changed) == 1:
        name, label, before, after = changed[0]
        words = _words(name, label, before, after, old)
        if words:
            return f"в {old.place.prep()} {words}"
    return redaction(old, new)


def _words(name: str, label: str, before: str, after: str, old: Item) -> str | None:
    if name.startswith("year:"):
        return _cell(label, before, after)
    if not before or not after:
        return None
    whole = old.quoted()
    if name in WHOLE_FIELDS:
        return _replace(before, after) if whole.count(before) == 1 else None
    return smallest(before, after, whole)


def _cell(label: str, before: str, after: str) -> str:
    """A value in a column of a table row: «в графе «2023 г.» цифры «60» заменить цифрами «70»»."""
    if not before:
        return f"в графе «{label}» дополнить цифрами «{after}»" if after else ""
    if not after:
        return f"в графе «{label}» цифры «{before}» исключить"
    if _NUMBER.match(before) and _NUMBER.match(after):
        return f"в графе «{label}» цифры «{before}» заменить цифрами «{after}»"
    return f"в графе «{label}» {_replace(before, after)}"


def _replace(before: str, after: str) -> str:
    return f"слова «{before}» заменить словами «{after}»"


def smallest(before: str, after: str, whole: str) -> str | None:
    """The smallest replacement of words that turns ``before`` into ``after``, named so that it
    can be found only once in ``whole``; None when the change is not one run of words."""
    old, new = before.split(), after.split()
    ops = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if len(ops) != 1:
        return None
    tag, i1, i2, j1, j2 = ops[0]
    for extra in range(MAX_CONTEXT + 1):
        left = max(i1 - extra, 0)
        right = min(i2 + extra, len(old))
        if tag == "insert":
            if i1 == 0:
                return None
            anchor = " ".join(old[max(i1 - 1 - extra, 0):i1])
            if whole.count(anchor) == 1:
                return f"после слов «{anchor}» дополнить словами «{' '.join(new[j1:j2])}»"
            continue
        phrase = " ".join(old[left:right])
        if whole.count(phrase) != 1:
            continue
        grown = " ".join(old[left:i1] + new[j1:j2] + old[i2:right])
        if tag == "delete" and left == i1 and right == i2:
            return f"слова «{phrase}» исключить"
        return _replace(phrase, grown)
    return None
