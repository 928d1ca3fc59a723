"""index.html: escaped, complete, and printable on A4 in real headless Chromium."""

from __future__ import annotations

import subprocess
from html import escape as html_escape
from pathlib import Path

import pytest

from shnor_docs.spec.compose import appendices
from shnor_docs.spec.load import load_programme
from tests.conftest import PROGRAMMES
from tests.render.conftest import CHROMIUM_FLAGS, SLUGS, chromium, pdf_pages, pdf_text, squash


def _print(html: Path, pdf: Path, profile: Path) -> None:
    command = [
        chromium(),
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        html.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert pdf.is_file(), "Chromium не напечатал PDF"


@pytest.mark.parametrize("slug", ["belaya-kalitva", "meshchovsk"])
def test_chromium_prints_a4_with_heading_marks_and_roadmap(
    built: Path, tmp_path: Path, slug: str
) -> None:
    pdf = tmp_path / "index.pdf"
    _print(built / slug / "index.html", pdf, tmp_path / "profile")
    info = pdf_pages(pdf)
    assert any("A4" in line for line in info), info
    text = squash(pdf_text(pdf))
    spec = load_programme(PROGRAMMES / slug)
    assert "ПРИКАЗ" in text and "ПРИКАЗЫВАЮ:" in text
    assert f"Приложение № {appendices(spec)[0].number}" in text
    assert squash(f"от {spec.act.date:%d.%m.%Y} № {spec.act.number}") in text
    columns = [c.header for c in spec.roadmap.columns or []] or ["Наименование мероприятия"]
    assert all(squash(header) in text for header in columns if header)
    first = squash(spec.roadmap.activities()[0].title.split("\n")[0])
    assert " ".join(first.split()[:5]) in text


def test_chromium_screenshot_is_not_blank(built: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    command = [
        chromium(),
        *CHROMIUM_FLAGS,
        f"--user-data-dir={tmp_path / 'p'}",
        f"--screenshot={shot}",
        "--window-size=1200,1600",
        (built / "meshchovsk" / "index.html").as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert shot.is_file() and shot.stat().st_size > 20_000


@pytest.mark.parametrize("slug", SLUGS)
def test_html_holds_every_activity(built: Path, slug: str) -> None:
    html = (built / slug / "index.html").read_text(encoding="utf-8")
    spec = load_programme(PROGRAMMES / slug)
    assert html.startswith("<!doctype html>")
    assert '<html lang="ru">' in html
    for activity in spec.roadmap.activities() if spec.roadmap else []:
        first = " ".join(activity.title.split()[:4])
        assert html_escape(first, quote=False) in html, first
