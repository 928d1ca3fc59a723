"""``shnor amend``: two revisions of a programme → the amendment order and the consolidated text.

The revisions are git revisions of the programme's folder (read with git plumbing into a
temporary folder: the working tree and the index stay untouched), the working folder itself
(no ``--to``), or two folders (``--from-dir``, ``--to-dir``).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from shnor_docs.deadlines import format_date
from shnor_docs.life.changes import Change, changes
from shnor_docs.life.consolidated import annotate
from shnor_docs.life.order import FILE, new_amendment, order_context, order_spec
from shnor_docs.model import Amendment, Spec
from shnor_docs.render.context import build_context
from shnor_docs.render.context_act import KINDS
from shnor_docs.render.russian import typograph
from shnor_docs.spec.load import load_programme
from shnor_docs.spec.revisions import HistoryError, load_at, locate

CONSOLIDATED = "redaktsiya"
KIND_WORDS = {"edit": "изменено", "remove": "исключено", "renumber": "перенумеровано",
              "add": "дополнено", "words": "замены слов"}


@dataclass
class Amended:
    """What ``shnor amend`` made: the new act, the changes, the files."""

    slug: str
    amendment: Amendment
    changes: list[Change]
    files: dict[str, bytes] = field(default_factory=dict)
    notes: int = 0

    def summary(self) -> str:
        """«Изменений: 6 (изменено: 2, исключено: 1, …)»."""
        counts = Counter(c.kind for c in self.changes)
        detail = ", ".join(f"{KIND_WORDS[k]}: {n}" for k, n in counts.items())
        return f"Изменений: {len(self.changes)} ({detail})"


def amend(
    folder: Path | None, rev_from: str | None, rev_to: str | None,
    dir_from: Path | None = None, dir_to: Path | None = None, formats: frozenset[str] = frozenset(
        {"docx", "html"}),
) -> Amended:
    """Compare two revisions and render the amendment order and the consolidated text."""
    with tempfile.TemporaryDirectory(prefix="shnor-amend-") as tmp:
        old, new = _revisions(folder, rev_from, rev_to, dir_from, dir_to, Path(tmp))
        if new.act is None or old.act is None:
            raise HistoryError("G004", "у программы нет утверждающего акта (act): изменения "
                               "вносятся в акт")
        found = changes(old, new)
        if not found:
            raise HistoryError("G005", "между ревизиями документы программы не изменились")
        amendment = new_amendment(old, new)
        result = Amended(new.slug, amendment, found)
        result.files, result.notes = _render(old, new, amendment, found, formats)
    return result


def _revisions(
    folder: Path | None, rev_from: str | None, rev_to: str | None,
    dir_from: Path | None, dir_to: Path | None, tmp: Path,
) -> tuple[Spec, Spec]:
    if dir_from is not None:
        return load_programme(dir_from), load_programme(dir_to or folder or Path("."))
    assert folder is not None and rev_from is not None
    where = locate(folder)
    old = load_at(where, rev_from, tmp / "from")
    new = load_at(where, rev_to, tmp / "to") if rev_to else load_programme(folder)
    return old, new


def note(spec: Spec, amendment: Amendment) -> str:
    """«(в ред. приказа от 15.03.2023 № 48)»."""
    assert spec.act is not None
    kind = amendment.kind or spec.act.kind
    day = format_date(amendment.date, "numeric")
    return typograph(f"(в ред. {KINDS[kind][3]} от {day} № {amendment.number})")


def _render(
    old: Spec, new: Spec, amendment: Amendment, found: list[Change], formats: frozenset[str]
) -> tuple[dict[str, bytes], int]:
    from shnor_docs.build.programme import render_context

    order = order_spec(old, new, amendment, found)
    files = _named(render_context(order, order_context(order), formats, amendment.date), FILE)
    ctx = build_context(new)
    text = note(new, amendment)
    placed = annotate(ctx, new, {c.key: text for c in found if c.key is not None})
    rendered = render_context(new, ctx, formats, amendment.date)
    files.update(_named(rendered, CONSOLIDATED, prefix=True))
    return files, placed


def _named(files: dict[str, bytes], stem: str, prefix: bool = False) -> dict[str, bytes]:
    """«index.html» → «<stem>.html»; with ``prefix``, «prikaz.docx» → «<stem>-prikaz.docx»."""
    return {
        f"{stem}.html" if name == "index.html" else f"{stem}-{name}" if prefix else name: data
        for name, data in files.items()
    }
