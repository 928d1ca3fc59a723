"""How parties are named in the documents: declined, with their head, abbreviations once.

One :class:`Citer` follows the reading order of a whole act with its appendices, so that an
abbreviation is introduced («… (далее – РМК)») the first time a party is named, and the
abbreviation alone — declined where it declines («Отделу образования») — is used after that.
"""

from __future__ import annotations

from typing import Literal

from shnor_docs.model import Party, Spec
from shnor_docs.render.russian import (
    Case,
    decline_phrase,
    party_phrase,
    person_name,
    position_and_name,
)

Heads = Literal["none", "name", "name_position"]
DASH = "\u2013"


class Citer:
    """Names parties for one act and its appendices, in reading order."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.introduce = spec.form.introduce_abbreviations
        self.order = spec.form.name_order
        self._introduced: set[str] = set()

    def cite(self, party: Party, case: Case = "nominative", heads: Heads = "none") -> str:
        """A party in running text: «методиста МБУ ИМЦ Л.В. Игнатенко», «РМК (Шевцова Р.Н. –
        заведующая РМК)», «… институт развития образования» (далее – ГАУ ДПО СОИРО)»."""
        if party.kind == "person":
            return position_and_name(party, case, self.order)
        head = self._head(party, heads)
        if not self._abbreviated(party):
            return party_phrase(party, case) + head
        if self.introduce and party.id not in self._introduced:
            self._introduced.add(party.id)
            return f"{party_phrase(party, case)}{head} (далее {DASH} {party.abbreviation})"
        return decline_phrase(party.abbreviation or "", case) + head

    def cell(self, party: Party) -> str:
        """A party in a table cell, in the registry's own case."""
        if party.table_name or party.kind == "person":
            return party.short()
        if not self._abbreviated(party):
            return party.name or party.position or party.id
        if self.introduce and party.id not in self._introduced:
            self._introduced.add(party.id)
            return f"{party.name} (далее {DASH} {party.abbreviation})"
        return party.abbreviation or ""

    def _head(self, party: Party, heads: Heads) -> str:
        if heads == "none" or not party.head:
            return ""
        head = self.spec.party(party.head)
        name = person_name(head, order="surname_first")
        if heads == "name_position" and head.position:
            return f" ({name} {DASH} {head.position})"
        return f" ({name})"

    @staticmethod
    def _abbreviated(party: Party) -> bool:
        return bool(party.abbreviation and party.name and party.abbreviation != party.name)
