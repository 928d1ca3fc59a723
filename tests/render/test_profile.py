"""One form profile, read by both renderers: each setting changed alone, and its effect measured
in the DOCX styles and XML, and in the PDF Chromium prints from the HTML page.

Measures come from word boxes (``pdftotext -bbox``): heights for sizes, left edges for margins
and indents, right edges for the title block, the distance between lines for line spacing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from shnor_docs.build import build_programme
from tests.conftest import valid_spec_text
from tests.render.conftest import CHROMIUM_FLAGS, chromium

PREAMBLE = (
    "  preamble: >-\n    В целях повышения качества образования в общеобразовательных "
    "организациях района, показывающих низкие образовательные результаты, и в соответствии с "
    "планом работы отдела образования на текущий учебный год\n"
)
TITLE = (
    "  title: >-\n    Об утверждении плана мероприятий по сопровождению общеобразовательных "
    "организаций, демонстрирующих низкие образовательные результаты\n"
)
EXECUTOR = "  executor: clerk\n"
CLERK = "  - id: clerk\n    kind: person\n    surname: Петрова\n    initials: А.С.\n" \
        "    phone: 2-15-11\n"
SETTINGS = {
    "size": "size: 12",
    "table_size": "table_size: 10",
    "executor_size": "executor_size: 8",
    "font": "font: DejaVu Sans",
    "margins": "margins: {left: 40}",
    "line_spacing": "line_spacing: 1.5",
    "first_line_indent": "first_line_indent: 2.5",
    "title_width": "title_width: 13",
    "mark_indent": "mark_indent: 4",
    "directive": "directive: spaced",
}


def _spec(tmp_path: Path, name: str, form: str) -> Path:
    text = valid_spec_text()
    text = text.replace("  title: Об утверждении плана\n", TITLE + PREAMBLE)
    text = text.replace("  signatory:\n", EXECUTOR + "  signatory:\n", 1)
    text = text.replace("  - id: head\n", CLERK + "  - id: head\n", 1)
    folder = tmp_path / name / "prog"
    folder.mkdir(parents=True)
    (folder / "programme.yaml").write_text(text + (f"form:\n  {form}\n" if form else ""),
                                           encoding="utf-8")
    return build_programme(folder, tmp_path / name / "out", {"docx", "html"}).folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("profile")
    found = {"default": _spec(base, "default", "")}
    for name, form in SETTINGS.items():
        found[name] = _spec(base, name, form)
    return found


# --- DOCX ------------------------------------------------------------------------------------


def _style(folder: Path, name: str):
    return Document(str(folder / "prikaz.docx")).styles[name]


def test_docx_styles_follow_each_setting(builds: dict[str, Path]) -> None:
    assert _style(builds["size"], "ShnorBody").font.size.pt == 12
    assert _style(builds["size"], "ShnorTitle").font.size.pt == 12
    assert _style(builds["default"], "ShnorBody").font.size.pt == 14
    assert _style(builds["table_size"], "ShnorCell").font.size.pt == 10
    assert _style(builds["table_size"], "ShnorCellGroup").font.size.pt == 10
    assert _style(builds["executor_size"], "ShnorExecutor").font.size.pt == 8
    fonts = _style(builds["font"], "ShnorBody").element.rPr.rFonts
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "DejaVu Sans"}
    assert _style(builds["line_spacing"], "ShnorBody").paragraph_format.line_spacing == 1.5
    assert _style(builds["line_spacing"], "ShnorRequisite").paragraph_format.line_spacing != 1.5
    assert round(_style(builds["first_line_indent"], "ShnorBody").paragraph_format
                 .first_line_indent.cm, 2) == 2.5
    assert round(_style(builds["mark_indent"], "ShnorMark").paragraph_format.left_indent.cm,
                 2) == 4
    section = Document(str(builds["margins"] / "prikaz.docx")).sections[0]
    assert round(section.left_margin.mm) == 40
    # «date … № number» and the signatory's name end at the right margin, wherever it is
    text = section.page_width - section.left_margin - section.right_margin
    stops = _style(builds["margins"], "ShnorRequisite").paragraph_format.tab_stops
    assert [round(s.position.mm) for s in stops] == [round(text / 36000)]  # EMU per mm


def _title_indent(folder: Path) -> int:
    body = Document(str(folder / "prikaz.docx")).element.body
    for paragraph in body.iter(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) == "ShnorTitle":
            return int(paragraph.find(f"{qn('w:pPr')}/{qn('w:ind')}").get(qn("w:right")))
    raise AssertionError("нет заголовка к тексту")


def test_docx_title_block_has_the_profiles_width(builds: dict[str, Path]) -> None:
    twips_per_cm = 567
    assert _title_indent(builds["default"]) == round((17 - 8) * twips_per_cm)
    assert _title_indent(builds["title_width"]) == round((17 - 13) * twips_per_cm)


# --- the printed HTML ------------------------------------------------------------------------


def _words(pdf: Path, page: int | None = 1) -> list[tuple[float, float, float, float, str]]:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    data = subprocess.run(["pdftotext", "-bbox", *pages, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    pattern = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
            re.findall(pattern, data)]


@pytest.fixture(scope="module")
def printed(builds: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils не установлен")
    out = tmp_path_factory.mktemp("print")
    found = {}
    for name, folder in builds.items():
        pdf = out / f"{name}.pdf"
        subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={out / 'p'}",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                        (folder / "index.html").as_uri()], capture_output=True, timeout=120)
        assert pdf.is_file(), name
        found[name] = pdf
    return found


def _word(words: list, text: str) -> tuple[float, float, float, float, str]:
    return next(w for w in words if w[4] == text)


def _height(pdf: Path, text: str, page: int | None = 1) -> float:
    _, y0, _, y1, _ = _word(_words(pdf, page), text)
    return y1 - y0


def test_printed_sizes_follow_the_profile(printed: dict[str, Path]) -> None:
    default = _height(printed["default"], "ПРИКАЗ")
    assert _height(printed["size"], "ПРИКАЗ") == pytest.approx(default * 12 / 14, rel=0.05)
    cell = _height(printed["default"], "Наименование", None)
    assert _height(printed["table_size"], "Наименование", None) == pytest.approx(
        cell * 10 / 12, rel=0.08)
    executor = _height(printed["default"], "Петрова")
    assert _height(printed["executor_size"], "Петрова") == pytest.approx(executor * 8 / 10,
                                                                        rel=0.08)


def test_printed_font_changes_the_shapes(printed: dict[str, Path]) -> None:
    serif = _word(_words(printed["default"]), "ПРИКАЗ")
    sans = _word(_words(printed["font"]), "ПРИКАЗ")
    assert abs((sans[2] - sans[0]) - (serif[2] - serif[0])) > 2


def test_printed_margin_title_mark_indent_and_spacing(printed: dict[str, Path]) -> None:
    mm = 72 / 25.4
    left = min(w[0] for w in _words(printed["default"]))
    assert min(w[0] for w in _words(printed["margins"])) == pytest.approx(left + 10 * mm, abs=3)
    title_right = max(w[2] for w in _words(printed["default"]) if w[1] < 260 and w[1] > 150)
    wide = max(w[2] for w in _words(printed["title_width"]) if w[1] < 260 and w[1] > 150)
    assert wide > title_right + 40
    mark = _word(_words(printed["default"], 2), "Приложение")[0]
    assert _word(_words(printed["mark_indent"], 2), "Приложение")[0] == pytest.approx(
        mark - 4.5 * 10 * mm, abs=3)
    first = _word(_words(printed["default"]), "В")[0]
    assert _word(_words(printed["first_line_indent"]), "В")[0] == pytest.approx(
        first + 12.5 * mm, abs=3)
    default_lines = sorted({round(w[1]) for w in _words(printed["default"]) if w[4] == "и"})
    spaced_lines = sorted({round(w[1]) for w in _words(printed["line_spacing"]) if w[4] == "и"})
    assert len(default_lines) >= 1 and len(spaced_lines) >= 1
    body = _word(_words(printed["default"]), "организациях")[1] - _word(
        _words(printed["default"]), "В")[1]
    spaced = _word(_words(printed["line_spacing"]), "организациях")[1] - _word(
        _words(printed["line_spacing"]), "В")[1]
    assert spaced > body * 1.2


def test_printed_directive_style(printed: dict[str, Path]) -> None:
    words = [w[4] for w in _words(printed["directive"])]
    assert "ПРИКАЗЫВАЮ:" not in words and "п" in words and "ю:" in words
