"""What a DOCX template may not be: a zip bomb, or a document that reaches outside itself.

A DOCX is a zip of XML parts. Before python-docx opens a template (it reads every part into
memory) the sizes the zip declares are checked: Python's :mod:`zipfile` never inflates a part
beyond its declared size, so a 2 MB file that inflates to 2 GB is refused here, not after.

A template may also point outside itself: an image «linked» by ``http://`` or ``file://``, an
attached template, a frame or an OLE link, or a field such as INCLUDEPICTURE or INCLUDETEXT.
LibreOffice fetches such targets while it converts to PDF and would embed any local file, and
the links would pass into the output. Hyperlinks to web pages and mail addresses stay allowed.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from shnor_docs.render.errors import TemplateError
from shnor_docs.text import quote

MAX_PARTS = 1000
MAX_UNPACKED = 200 * 2**20  # all parts together, inflated
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SAFE_LINK = re.compile(r"(?i)^(?:https?://|mailto:)")
_FETCHING_FIELD = re.compile(r"(?i)INCLUDEPICTURE|INCLUDETEXT|DDEAUTO|\bDDE\b|\bLINK\b|\bIMPORT\b")


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The template's zip, once its declared sizes are known to be sane."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise TemplateError(name, f"файл не похож на документ DOCX (повреждён: {exc})", "T006") \
            from None
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED:
        raise TemplateError(
            name,
            f"в распакованном виде шаблон занимает {unpacked // 2**20} МБ в {len(parts)} частях "
            f"(допустимо не больше {MAX_UNPACKED // 2**20} МБ и {MAX_PARTS} частей): "
            "это не бланк документа",
            "T006",
        )
    return archive


def check_template(data: bytes, name: str) -> None:
    """Refuse a template that is a zip bomb (T006) or reaches outside itself (T005)."""
    archive = open_zip(data, name)
    for part in archive.namelist():
        if part.endswith(".rels"):
            _check_relationships(archive.read(part), part, name)
        elif part.startswith("word/") and part.endswith(".xml"):
            _check_fields(archive.read(part), part, name)


def check_output(members: dict[str, bytes], name: str) -> None:
    """A rendered document holds no field that fetches (a template may print one with |safe);
    ``members`` are its parts before they are zipped."""
    for part, xml in members.items():
        if part.startswith("word/") and part.endswith(".xml"):
            _check_fields(xml, part, name)


def _parse(xml: bytes, part: str, name: str) -> etree._Element:
    try:
        return etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(name, f"часть {part} повреждена: {exc}", "T006") from None


def _check_relationships(xml: bytes, part: str, name: str) -> None:
    for rel in _parse(xml, part, name).iter(_REL):
        if rel.get("TargetMode") != "External":
            continue
        target = rel.get("Target", "")
        if rel.get("Type", "").endswith("/hyperlink") and _SAFE_LINK.match(target):
            continue
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        raise TemplateError(
            name,
            f"шаблон ссылается на внешний ресурс {quote(target, 80)} ({kind}, {part}): "
            "LibreOffice загрузил бы его при создании PDF; вставьте рисунок в документ, а не "
            "связью с файлом",
            "T005",
        )


def _check_fields(xml: bytes, part: str, name: str) -> None:
    if b"instrText" not in xml and b"fldSimple" not in xml:
        return
    root = _parse(xml, part, name)
    codes = "".join(node.text or "" for node in root.iter(f"{_W}instrText"))
    codes += " ".join(node.get(f"{_W}instr", "") for node in root.iter(f"{_W}fldSimple"))
    found = _FETCHING_FIELD.search(codes)
    if found:
        raise TemplateError(
            name,
            f"в шаблоне поле {found.group().upper()} ({part}), которое загружает внешний файл "
            "или адрес; уберите это поле",
            "T005",
        )
