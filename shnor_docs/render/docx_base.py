"""The act's template opened once per process and finished once per form.

Every DOCX of a build starts from the act's template. Opening it parses every part (its styles
alone are 360 KB of XML), and finishing it (fonts, Russian language, settings) walks every
style: for each file again, though the result is the same for every file of the same template
and form. So the template is opened and finished once (:func:`base`), and each file starts
from a copy (:func:`fresh`) that shares the parts nothing changes afterwards (styles, settings,
numbering, fonts, theme, extended properties); only the document, its headers and footers and
its core properties are copied. The shared parts are serialized once, too.

The cache is keyed by the template's bytes and the form, so programmes with their own template
or form never share a base.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT

from shnor_docs.render.docx_finish import finish_template

#: Parts that neither docxtpl nor the finishing of one file changes.
SHARED = frozenset({
    CT.WML_STYLES,
    CT.WML_SETTINGS,
    CT.WML_NUMBERING,
    CT.WML_FONT_TABLE,
    CT.WML_WEB_SETTINGS,
    CT.OFC_THEME,
    CT.OFC_EXTENDED_PROPERTIES,
})
MAX_BASES = 8


@dataclass
class Base:
    """A finished template: its document, the parts every copy shares, and their bytes."""

    doc: Any
    shared: list[Any]
    blobs: dict[Any, bytes]  # shared part → its serialized bytes


_BASES: dict[tuple[bytes, str], Base] = {}


def base(data: bytes, form: dict[str, Any], fields: set[str]) -> Base:
    """The template ``data`` opened and finished for ``form`` (``fields``: what the programme
    sets itself), once per process."""
    key = (
        hashlib.sha256(data).digest(),
        json.dumps([form, sorted(fields)], sort_keys=True, default=str),
    )
    found = _BASES.get(key)
    if found is None:
        doc = Document(io.BytesIO(data))
        finish_template(doc, form, fields)
        shared = [p for p in doc.part.package.parts if p.content_type in SHARED]
        found = Base(doc, shared, {part: part.blob for part in shared})
        if len(_BASES) >= MAX_BASES:
            _BASES.clear()
        _BASES[key] = found
    return found


def fresh(found: Base) -> Any:
    """A document to render into: a copy of the base that shares its unchanging parts."""
    return copy.deepcopy(found.doc, {id(part): part for part in found.shared})
