"""What every built DOCX says about itself: Russian, hyphenation, its own title, no leftovers."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from shnor_docs import __version__
from shnor_docs.build import build_programme
from shnor_docs.render.context import build_context
from shnor_docs.render.docx_meta import TITLE_LIMIT, short_title
from shnor_docs.spec.load import load_programme
from tests.conftest import PROGRAMMES
from tests.render.conftest import SLUGS

LEFTOVERS = ("en-US", "python-docx", "Macintosh", "Normal.dotm", "thumbnail", "lastPrinted")


def _docx(built: Path) -> list[Path]:
    return sorted(built.glob("*/*.docx"))


def _parts(docx: Path) -> dict[str, str]:
    with zipfile.ZipFile(docx) as package:
        return {n: package.read(n).decode("utf-8") for n in package.namelist()}


def test_no_leftovers_of_python_docx(built: Path) -> None:
    for docx in _docx(built):
        for name, text in _parts(docx).items():
            for leftover in LEFTOVERS:
                assert leftover not in text, f"{docx.parent.name}/{docx.name}:{name}: {leftover}"


def test_packages_hold_only_what_the_document_uses(built: Path) -> None:
    for docx in _docx(built):
        names = set(_parts(docx))
        assert not {n for n in names if n.startswith(("customXml/", "docProps/thumbnail"))}
        assert "word/stylesWithEffects.xml" not in names


def test_russian_everywhere(built: Path) -> None:
    for docx in _docx(built):
        doc = Document(str(docx))
        styles = doc.styles.element
        default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        assert default.find(qn("w:lang")).get(qn("w:val")) == "ru-RU"
        for style in styles.findall(qn("w:style")):
            if style.get(qn("w:type")) == "numbering":
                continue
            lang = style.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            assert lang is not None and lang.get(qn("w:val")) == "ru-RU", style.get(qn("w:styleId"))
        for name in ("ShnorTitle", "ShnorSectionTitle", "ShnorCellHead"):
            ppr = doc.styles[name].element.pPr
            assert ppr.find(qn("w:suppressAutoHyphens")) is not None, name  # headings whole
        assert doc.styles["ShnorBody"].element.pPr.find(qn("w:suppressAutoHyphens")) is None
        settings = doc.settings.element
        assert settings.find(qn("w:themeFontLang")).get(qn("w:val")) == "ru-RU"
        assert settings.find(qn("w:proofState")) is None  # spelling was never checked
        assert settings.find(qn("w:autoHyphenation")) is not None  # on by default
        assert settings.find(qn("w:doNotHyphenateCaps")) is not None  # never «СО-ИРО»
        assert doc.core_properties.language == "ru-RU"


def test_hyphenation_is_a_form_setting(tmp_path: Path) -> None:
    folder = tmp_path / "dubrovka"
    shutil.copytree(PROGRAMMES / "dubrovka", folder)
    text = (folder / "programme.yaml").read_text(encoding="utf-8")
    (folder / "programme.yaml").write_text(text + "\nform:\n  hyphenation: false\n", "utf-8")
    result = build_programme(folder, tmp_path / "out", {"docx"})
    for name in result.files:
        settings = Document(str(result.folder / name)).settings.element
        assert settings.find(qn("w:autoHyphenation")) is None


@pytest.mark.parametrize("slug", SLUGS)
def test_each_document_has_its_own_title_and_the_authority(built: Path, slug: str) -> None:
    spec = load_programme(PROGRAMMES / slug)
    expected = {f"{d['file']}.docx": d["title"] for d in build_context(spec)["documents"]}
    assert expected
    for name, title in expected.items():
        props = Document(str(built / slug / name)).core_properties
        assert props.title == short_title(title)
        assert props.author == " ".join(spec.authority.name.split())
        assert props.created.date() == spec.act.date
        assert props.last_printed is None


def test_long_title_is_cut_at_a_word(built: Path) -> None:
    title = Document(str(built / "sterlitamak" / "prilozhenie-2.docx")).core_properties.title
    assert len(title) <= TITLE_LIMIT and title.endswith("…")
    full = " ".join(load_programme(PROGRAMMES / "sterlitamak").programme.title.split())
    kept = title[:-1]
    assert full.startswith(kept) and full[len(kept)] == " "  # the next character starts a word


def test_app_xml_names_shnor_docs(built: Path) -> None:
    for docx in _docx(built):
        app = _parts(docx)["docProps/app.xml"]
        assert re.search(rf"<Application>shnor_docs/{re.escape(__version__)}</Application>", app)
        assert "<Pages>" not in app and "<Words>" not in app


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Короткий   заголовок\u00a0акта", 30, "Короткий заголовок акта"),
        ("слово " * 3, 17, "слово слово слово"),
        ("аааа бббб вввв", 10, "аааа бббб…"),
        ("аааа бббб вввв", 9, "аааа…"),
        ("аааа, бббб вввв", 9, "аааа…"),
        ("ааааааааааааа", 10, "ааааааааа…"),
    ],
)
def test_short_title(text: str, limit: int, expected: str) -> None:
    assert short_title(text, limit=limit) == expected
