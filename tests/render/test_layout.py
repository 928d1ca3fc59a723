"""Layout that holds, through the real tools: the signature never stands alone on a page, and a
roadmap section row always shares its page with its first activity — in the DOCX LibreOffice
lays out and in the HTML Chromium prints.

Each case is built at many lengths, so that the page break falls everywhere it can.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from shnor_docs.build import build_programme
from tests.conftest import valid_spec_text
from tests.render.conftest import CHROMIUM_FLAGS, chromium, soffice

POINT = (
    "    - kind: text\n      text: >-\n        Руководителям общеобразовательных организаций "
    "обеспечить участие педагогов в мероприятиях плана и представить отчёт о выполнении "
    "мероприятий в отдел образования в установленный срок пункт {n}\n"
)
SIGNATURE_NAME = "М.П. Иванова"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [" ".join(page.replace("\u00a0", " ").split()) for page in text.split("\f")]


def _build(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name / "prog"
    folder.mkdir(parents=True)
    (folder / "programme.yaml").write_text(text, encoding="utf-8")
    return build_programme(folder, tmp_path / name / "out", {"docx", "html"}).folder


def _with_points(count: int) -> str:
    points = "".join(POINT.format(n=n) for n in range(count))
    return valid_spec_text().replace("    - kind: approve\n", points + "    - kind: approve\n")


def _sections(count: int) -> str:
    text = valid_spec_text()
    sections = []
    for s in range(count):
        activities = "".join(
            f"        - title: >-\n            Мероприятие {s}-{a}: проведение семинаров и "
            f"консультаций для учителей школ {'по вопросам повышения качества ' * (a % 3)}\n"
            f"          deadline: январь 2023 г.\n          responsible: [otdel]\n"
            for a in range(3 + s % 4)
        )
        sections.append(f"    - title: Раздел номер {s} плана мероприятий\n      activities:\n"
                        + activities)
    return text[: text.index("roadmap:\n")] + "roadmap:\n  sections:\n" + "".join(sections)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("layout")
    found = {f"points-{n}": _build(base, f"points-{n}", _with_points(n)) for n in range(8, 22)}
    found |= {f"sections-{n}": _build(base, f"sections-{n}", _sections(n)) for n in (9, 12)}
    return found


@pytest.fixture(scope="module")
def docx_pages(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("lo")
    for name, folder in built.items():
        (out / "in").mkdir(exist_ok=True)
        (out / "in" / f"{name}.docx").write_bytes((folder / "prikaz.docx").read_bytes())
    subprocess.run([soffice(), f"-env:UserInstallation={(out / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(out / "pdf"),
                    *sorted(str(p) for p in (out / "in").iterdir())],
                   capture_output=True, timeout=600, check=True)
    return {name: _pages(out / "pdf" / f"{name}.pdf") for name in built}


def _signature_with_last_point(pages: list[str], count: int) -> None:
    page = next(p for p in pages if SIGNATURE_NAME in p)
    assert f"{count + 1}. Утвердить план" in page, "подпись осталась одна на странице"


def _sections_with_first_rows(pages: list[str], count: int) -> None:
    for s in range(count):
        page = next(p for p in pages if f"Раздел номер {s} плана" in p)
        assert f"Мероприятие {s}-0:" in page, f"строка раздела {s} оторвана от мероприятия"


@pytest.mark.parametrize("count", range(8, 22))
def test_docx_signature_stays_with_the_last_point(docx_pages: dict, count: int) -> None:
    _signature_with_last_point(docx_pages[f"points-{count}"], count)


@pytest.mark.parametrize("count", [9, 12])
def test_docx_section_rows_stay_with_their_first_activity(docx_pages: dict, count: int) -> None:
    _sections_with_first_rows(docx_pages[f"sections-{count}"], count)


def _printed(folder: Path, tmp_path: Path) -> list[str]:
    pdf = tmp_path / "page.pdf"
    subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'p'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    (folder / "index.html").as_uri()], capture_output=True, timeout=120)
    return _pages(pdf)


@pytest.mark.parametrize("count", [10, 13, 16, 19])
def test_html_signature_stays_with_the_last_point(
    built: dict[str, Path], tmp_path: Path, count: int
) -> None:
    _signature_with_last_point(_printed(built[f"points-{count}"], tmp_path), count)


@pytest.mark.parametrize("count", [9, 12])
def test_html_section_rows_stay_with_their_first_activity(
    built: dict[str, Path], tmp_path: Path, count: int
) -> None:
    _sections_with_first_rows(_printed(built[f"sections-{count}"], tmp_path), count)


def test_html_executor_mark_sits_at_the_foot_of_the_order(tmp_path: Path) -> None:
    from tests.conftest import SPECS

    folder = build_programme(SPECS / "regional-order", tmp_path / "out", {"html"}).folder
    pdf = tmp_path / "order.pdf"
    subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'p'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (folder / "index.html")
                    .as_uri()], capture_output=True, timeout=120)
    data = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    bottoms = {word: float(y) for y, word in re.findall(r'yMax="([\d.]+)">([^<]*)<', data)}
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', data).group(1))
    mm = 72 / 25.4
    assert bottoms["29-27-00"] == max(bottoms.values())  # the last line of the page
    assert bottoms["29-27-00"] > height - 20 * mm - 10  # at the bottom margin
    assert bottoms["29-27-00"] - bottoms["Талкина"] > 20 * mm  # well below the signature
