"""Which item of the spec a finding is about, named so that the name survives edits elsewhere.

CI systems track a finding across runs by a fingerprint (GitLab's ``fingerprint``, SARIF's
``partialFingerprints``). The fingerprint must not change when the finding's wording changes
(«просрочено 3 дн. назад» becomes «4 дн.» overnight) or when a line is inserted above it. So a
finding names its item by the item's own identity: its ``id``, or else its number and title,
followed by the field it is about — never by a list index, a line or the message.
"""

from __future__ import annotations

from typing import Any

from shnor_docs.location import PathKey

_TITLE_FIELDS = ("title", "name", "text", "surname")


def item_identity(spec: Any, path: PathKey) -> str:
    """«activities[id=monitoring]/deadline», «indicators[id=i1]/targets/2023», or «» for the
    programme as a whole; list items without an id are named by their number and title."""
    parts: list[str] = []
    node: Any = spec
    for step in path:
        node = _child(node, step)
        if not isinstance(step, int):
            parts.append(str(step))
            continue
        name = _name(node)
        if name is None:
            parts.append(str(step))
        elif name.startswith("id="):
            # An id is unique in its list: what lies above it adds nothing but fragility.
            collection = parts[-1] if parts else ""
            parts = [f"{collection}[{name}]"]
        else:
            parts[-1:] = [f"{parts[-1] if parts else ''}[{name}]"]
    return "/".join(parts)


def _child(node: Any, step: str | int) -> Any:
    try:
        if isinstance(step, int):
            return node[step]
        if isinstance(node, dict):
            return node.get(step)
        return getattr(node, step, None)
    except (IndexError, KeyError, TypeError):
        return None


def _name(item: Any) -> str | None:
    """An item's own name: ``id=…``; or «№ number title»; or a plain value; None if nameless."""
    if isinstance(item, str | int | float):
        return str(item)
    ident = getattr(item, "id", None)
    if ident:
        return f"id={ident}"
    number = getattr(item, "display_number", None) or getattr(item, "number", None)
    title = next((t for f in _TITLE_FIELDS if isinstance(t := getattr(item, f, None), str) and t),
                 "")
    text = " ".join(str(part) for part in (f"№{number}" if number else "", title) if part)
    return text or None
