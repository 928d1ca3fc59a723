"""Markdown in long text fields → a neutral list of blocks (paragraphs, list items, runs)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

import markdown as md

from shnor_docs.render.typography import typograph
from shnor_docs.text import strip_invalid


@dataclass(frozen=True)
class Run:
    """A piece of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """A paragraph: plain, or an item of a bulleted or numbered list."""

    kind: str = "p"  # "p", "bullet" or "number"
    runs: list[Run] = field(default_factory=list)
    level: int = 0
    number: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


_BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.lists: list[list[int | str]] = []  # stack of [kind, counter]
        self.bold = 0
        self.italic = 0
        self.current: Block | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self._close()
            self.lists.append(["bullet" if tag == "ul" else "number", 0])
        elif tag == "li":
            self._close()
            kind, count = self.lists[-1] if self.lists else ["bullet", 0]
            if self.lists:
                self.lists[-1][1] = int(count) + 1
            self.current = Block(
                str(kind), level=max(len(self.lists) - 1, 0), number=int(count) + 1
            )
        elif tag == "p" and self._in_item():
            return
        elif tag in _BLOCK_TAGS:
            self._close()
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "br":
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self._close()
            if self.lists:
                self.lists.pop()
        elif tag == "p" and self._in_item():
            return
        elif tag in _BLOCK_TAGS:
            self._close()
        elif tag in ("strong", "b"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("em", "i"):
            self.italic = max(self.italic - 1, 0)

    def _in_item(self) -> bool:
        return self.current is not None and self.current.kind != "p"

    def handle_data(self, data: str) -> None:
        self._text(data)

    def _text(self, data: str) -> None:
        if not data.strip() and (self.current is None or not self.current.runs):
            return
        if self.current is None:
            self.current = Block()
        self.current.runs.append(Run(data, self.bold > 0, self.italic > 0))

    def _close(self) -> None:
        if self.current is not None and self.current.text.strip():
            self.blocks.append(_tidy(self.current))
        self.current = None


def _tidy(block: Block) -> Block:
    runs = [Run(r.text.replace("\n", " "), r.bold, r.italic) for r in block.runs]
    if not any(r.bold or r.italic for r in runs):
        return Block(
            block.kind, [Run(typograph("".join(r.text for r in runs)))], block.level, block.number
        )
    runs = [Run(_keep_edges(r.text), r.bold, r.italic) for r in runs]
    runs[0] = Run(runs[0].text.lstrip(), runs[0].bold, runs[0].italic)
    runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].bold, runs[-1].italic)
    return Block(block.kind, runs, block.level, block.number)


def _keep_edges(text: str) -> str:
    """Typograph a run but keep its edge spaces, which separate it from its neighbours."""
    if not text.strip():
        return " "
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return f"{lead}{typograph(text)}{tail}"


_MARKUP = re.compile(r"[*_`#\[\]<>&\\|~]|^\s*(?:[-+]\s|\d+[.)]\s)|\n\s*\n", re.M)


@cache
def _converter() -> md.Markdown:
    return md.Markdown(output_format="html", extensions=["sane_lists"])


def parse_markdown(text: str | None) -> list[Block]:
    """Blocks of a Markdown text; raw HTML in the text is kept as literal text."""
    # Python splits lines and words at \x0b, \x0c, \x1c–\x1f; Markdown uses \x02, \x03 itself.
    text = strip_invalid(text or "")
    if not text.strip():
        return []
    if not _MARKUP.search(text):  # plain text, the common case: one paragraph
        return [Block("p", [Run(typograph(" ".join(text.split())))])]
    source = html.escape(text, quote=False)
    converter = _converter()
    converter.reset()
    rendered = converter.convert(_list_friendly(source))
    collector = _Collector()
    collector.feed(rendered)
    collector.close()
    collector._close()
    return collector.blocks


def _list_friendly(text: str) -> str:
    """Officials start a list right after a line of text and nest lists by two spaces;
    Markdown wants a blank line before a list and four spaces per nesting level."""
    out: list[str] = []
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        starts_list = stripped.startswith(("- ", "* ", "+ ")) or _numbered(stripped)
        if starts_list and indent and out and _is_item(out[-1]):
            line = " " * (4 * ((indent + 1) // 2)) + stripped
        if starts_list and out and out[-1].strip() and not _is_item(out[-1]):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _numbered(line: str) -> bool:
    head = line.lstrip().split(" ", 1)[0]
    return len(head) > 1 and head.endswith(".") and head[:-1].isdigit()


def _is_item(line: str) -> bool:
    return line.lstrip().startswith(("- ", "* ", "+ ")) or _numbered(line) or line.startswith("  ")


def plain_text(text: str | None) -> str:
    """The text of a Markdown field with emphasis dropped, paragraphs joined by spaces."""
    return " ".join(block.text for block in parse_markdown(text))


@dataclass
class Rich:
    """Formatted content for a template: blocks plus a role that picks the output style."""

    blocks: list[Block]
    role: str = "body"  # body, cell, title, requisite

    def __bool__(self) -> bool:
        return bool(self.blocks)

    @classmethod
    def markdown(cls, text: str | None, role: str = "body") -> Rich:
        return cls(parse_markdown(text), role)

    @classmethod
    def lines(cls, lines: list[str], role: str = "body", bold: bool = False) -> Rich:
        return cls([Block("p", [Run(line, bold=bold)]) for line in lines if line], role)


def bullets(items: list[str], numbered: bool = False) -> list[Block]:
    """List blocks from plain strings (typographed)."""
    kind = "number" if numbered else "bullet"
    return [Block(kind, [Run(typograph(item))], 0, i) for i, item in enumerate(items, 1)]
