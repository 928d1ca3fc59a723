"""Everything that changed on paper between two revisions of a programme, in the order an
amendment lists it.

Within the act and within each appendix: first edits (named by the old numbers), then
exclusions, then renumbering («считать пунктом …»), then additions (named by the new numbers),
so that each point of the amendment reads against the text as the previous points left it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shnor_docs.life import items, wording
from shnor_docs.life.items import Item
from shnor_docs.life.places import appendix_holding, appendix_words
from shnor_docs.model import Spec
from shnor_docs.render.russian import typograph
from shnor_docs.spec.matching import pair

EDIT, REMOVE, RENUMBER, ADD = range(4)


@dataclass(frozen=True)
class Change:
    """One point of the amendment: its wording and the item it leaves in the new revision."""

    text: str
    kind: str  # edit, remove, renumber, add, words
    key: tuple[object, ...] | None = None


def changes(old: Spec, new: Spec) -> list[Change]:
    """The amendment's points, in order."""
    renamed = renames(old, new)
    now = {pid: names[1] for pid, names in renamed.items()}
    found: list[Change] = []
    for collect in (items.points, items.sections):
        found += _group(collect(old), collect(new))
    found += _group(items.activities(old, now), items.activities(new))
    found += _group(items.indicators(old), items.indicators(new))
    where = appendix_words(appendix_holding(new, "plan"), "gen")
    found += [Change(typograph(f"по тексту {where} слова «{was}» заменить словами «{is_}»"),
                     "words") for was, is_ in renamed.values()]
    return found


def _group(olds: list[Item], news: list[Item]) -> list[Change]:
    pairs = pair([i.candidate for i in olds], [i.candidate for i in news])
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    edits = []
    moves = []
    for i, j in sorted(pairs):
        old, new = olds[i], news[j]
        if old.fields != new.fields:
            edits.append(Change(typograph(wording.edit(old, new)), "edit", new.key))
        if (old.place.number, old.place.within) != (new.place.number, new.place.within):
            moves.append((old.place, new.place))
    found = edits
    found += [Change(typograph(wording.removal(olds[i])), "remove")
              for i in range(len(olds)) if i not in paired_old]
    found += [Change(typograph(wording.renumbering(group)), "renumber") for group in _runs(moves)]
    found += [Change(typograph(wording.addition(news[j])), "add", news[j].key)
              for j in range(len(news)) if j not in paired_new]
    return found


def _runs(moves: list[tuple]) -> list[list[tuple]]:
    """Renumberings that read as one sentence: same kind of unit, same place, same new place."""
    runs: list[list[tuple]] = []
    for move in moves:
        old, new = move
        last = runs[-1][-1] if runs else None
        if last and (last[0].noun, last[0].within, last[1].within) == (old.noun, old.within,
                                                                       new.within):
            runs[-1].append(move)
        else:
            runs.append([move])
    return runs


def renames(old: Spec, new: Spec) -> dict[str, tuple[str, str]]:
    """Parties printed in the tables under another name: {id: (was, now)}, amended once for the
    whole appendix («по тексту приложения № 1 слова «РМК» заменить словами «ИМЦ»»). A name that
    the appendix still prints elsewhere (in a title: «Семинары РМК») is amended where it
    stands instead, since «по тексту» would replace it there too."""
    before = {p.id: typograph(p.short()) for p in old.parties}
    used = _tabled(new)
    texts = _appendix_texts(new)
    found = {}
    for party in new.parties:
        was, now = before.get(party.id), typograph(party.short())
        if party.id in used and was and was != now and not _mentioned(was, texts):
            found[party.id] = (was, now)
    return found


def _mentioned(name: str, texts: list[str]) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return any(pattern.search(text) for text in texts)


def _appendix_texts(spec: Spec) -> list[str]:
    found = [i.name for i in spec.programme.indicators]
    if spec.roadmap is not None:
        found += [s.title or "" for s in spec.roadmap.sections]
        found += [t or "" for a in spec.roadmap.activities() for t in (a.title, a.result, a.note)]
    return [typograph(t) for t in found]
def _tabled(spec: Spec) -> set[str]:
    """Parties named in the tables: the roadmap's responsible parties and the indicators'."""
    used = {p for i in spec.programme.indicators for p in i.responsible}
    if spec.roadmap is not None:
        used |= {p for a in spec.roadmap.activities() for p in a.responsible}
    return used
