"""Which activity of one revision is which of another: by id, else by number and title.

A renumbered or moved activity is the same activity with a new number, not a removal and an
addition: activities are paired by their ``id`` where both revisions give one, then by how alike
their titles are (:mod:`difflib`), an equal printed number tipping a close call.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from shnor_docs.model import Activity, Spec

#: Titles at least this alike are the same activity, wherever it stands.
SAME_TITLE = 0.6
#: With the same number in the same section, titles this alike are still the same activity.
SAME_PLACE = 0.3
PLACE_BONUS = 0.15


@dataclass(frozen=True)
class Placed:
    """An activity with its place: section index, index in the section, printed number."""

    section: int
    index: int
    activity: Activity

    @property
    def number(self) -> str:
        return self.activity.display_number.rstrip(".")


def placed(spec: Spec) -> list[Placed]:
    """Every activity of the roadmap with its place, in document order."""
    if spec.roadmap is None:
        return []
    return [
        Placed(s, a, activity)
        for s, section in enumerate(spec.roadmap.sections)
        for a, activity in enumerate(section.activities)
    ]


def words(text: str) -> str:
    """A title reduced for comparison: lower case, letters and digits, single spaces."""
    return " ".join(re.findall(r"\w+", text.lower().replace("ё", "е")))


def similarity(old: str, new: str) -> float:
    return difflib.SequenceMatcher(None, words(old), words(new), autojunk=False).ratio()


def match_activities(old: Spec, new: Spec) -> list[tuple[Placed, Placed]]:
    """Pairs (old, new) of the same activity in two revisions, in the new document's order."""
    olds, news = placed(old), placed(new)
    pairs = pair(
        [Candidate(p.activity.id, (p.section, p.number), p.activity.title) for p in olds],
        [Candidate(p.activity.id, (p.section, p.number), p.activity.title) for p in news],
    )
    return [(olds[i], news[j]) for i, j in pairs]


@dataclass(frozen=True)
class Candidate:
    """What pairing looks at: an id (or None), a place (number, section) and a text."""

    id: str | None
    place: object
    text: str


def pair(olds: list[Candidate], news: list[Candidate]) -> list[tuple[int, int]]:
    """Index pairs (old, new) of the same items, in the new list's order: equal ids first, then
    the most alike texts, an equal place tipping a close call."""
    pairs = dict(_by_id(olds, news))
    taken = set(pairs.values())
    free_old = [i for i in range(len(olds)) if i not in pairs]
    free_new = [j for j in range(len(news)) if j not in taken]
    for _, i, j in sorted(_scores(olds, news, free_old, free_new), reverse=True):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return sorted(pairs.items(), key=lambda p: p[1])


def _by_id(olds: list[Candidate], news: list[Candidate]) -> Iterator[tuple[int, int]]:
    index = {c.id: j for j, c in enumerate(news) if c.id}
    for i, c in enumerate(olds):
        if c.id and c.id in index:
            yield i, index[c.id]


def _scores(
    olds: list[Candidate], news: list[Candidate], free_old: list[int], free_new: list[int]
) -> Iterator[tuple[float, int, int]]:
    for i in free_old:
        for j in free_new:
            old, new = olds[i], news[j]
            if old.id and new.id:
                continue  # both named, and differently: two items
            ratio = similarity(old.text, new.text)
            same_place = old.place == new.place
            if ratio >= SAME_TITLE or (same_place and ratio >= SAME_PLACE):
                yield ratio + (PLACE_BONUS if same_place else 0.0), i, j
