"""The HTML page is valid and accessible: a real validator (HTML Tidy) finds nothing, tables have
captions and scoped headers, headings hold no paragraphs, each document has one <h1>."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.render.conftest import SLUGS


def _tidy(path: Path) -> subprocess.CompletedProcess:
    binary = shutil.which("tidy")
    if binary is None:
        pytest.skip("HTML Tidy не установлен (apt-get install tidy)")
    return subprocess.run([binary, "-e", "-q", str(path)], capture_output=True, text=True)


@pytest.mark.parametrize("slug", SLUGS)
def test_tidy_finds_nothing(built: Path, slug: str) -> None:
    result = _tidy(built / slug / "index.html")
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_tidy_does_find_a_broken_page(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<!doctype html><html lang=ru><head><title>x</title></head><body>"
                    "<table><tr><td>a</table><p><h2>b</p></body></html>", encoding="utf-8")
    assert _tidy(page).returncode != 0


class _Structure(HTMLParser):
    """Counts what accessibility asks of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.h1_per_article: list[int] = []
        self.tables = 0
        self.captions = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "p" and any(t in ("h1", "h2") for t in self.stack):
            self.problems.append("<p> внутри заголовка")
        if tag == "article":
            self.h1_per_article.append(0)
        if tag == "h1" and self.h1_per_article:
            self.h1_per_article[-1] += 1
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "th" and "thead" in self.stack and attributes.get("scope") != "col":
            self.problems.append("<th> шапки без scope=col")
        if tag == "th" and "tbody" in self.stack and attributes.get("scope") not in (
                "row", "rowgroup"):
            self.problems.append("<th> строки без scope")
        if tag not in ("br", "col", "meta", "img", "hr", "input", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


@pytest.mark.parametrize("slug", SLUGS)
def test_tables_and_headings_are_accessible(built: Path, slug: str) -> None:
    page = (built / slug / "index.html").read_text(encoding="utf-8")
    parser = _Structure()
    parser.feed(page)
    assert parser.problems == []
    assert parser.tables == parser.captions
    assert parser.h1_per_article and all(n == 1 for n in parser.h1_per_article)
    groups = page.count('<tr class="group">')
    marked = re.findall(r'<tr class="group">(?:<td>[^<]*</td>)?<th scope="rowgroup"', page)
    assert len(marked) == groups
