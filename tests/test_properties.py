"""Properties over generated input: deadlines round-trip through their wording, any spec loads or
gives coded problems, and text comes out of DOCX and HTML as it went in."""

from __future__ import annotations

import copy
import io
import tempfile
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shnor_docs.deadlines import (
    ROMAN,
    Deadline,
    Period,
    month_name,
    parse_deadline,
    render_deadline,
)
from shnor_docs.errors import CODES, SpecError
from shnor_docs.render.context import build_context
from shnor_docs.render.docx import build_docx
from shnor_docs.render.html import build_html
from shnor_docs.render.templates import TemplateSet
from shnor_docs.render.typography import typograph
from shnor_docs.spec.load import load_programme
from tests.conftest import valid_spec_text, yaml_depth

NBSP = "\u00a0"
SETTINGS = settings(max_examples=500, deadline=None)

# --- deadlines: render(), then parse again, gives the same deadline ------------------------


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Calendar years (2023; 2021–2023), academic years (2020/2021), or any two dates."""
    first = draw(st.integers(2019, 2027))
    years = draw(st.integers(0, 2))
    kind = draw(st.sampled_from(["calendar", "academic", "dates"]))
    if kind == "academic":
        return Period(date(first, 9, 1), date(first + years + 1, 8, 31), academic=True)
    if kind == "calendar":
        return Period(date(first, 1, 1), date(first + years, 12, 31))
    start = draw(st.dates(min_value=date(first, 1, 1), max_value=date(first, 12, 31)))
    end = draw(st.dates(min_value=start + timedelta(days=92), max_value=date(first + 3, 12, 31)))
    return Period(start, end)


def _months(period: Period) -> list[tuple[int, int]]:
    """(year, month) of every month of the period."""
    found, y, m = [], period.start.year, period.start.month
    while (y, m) <= (period.end.year, period.end.month):
        found.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return found


def _full_years(period: Period) -> list[int]:
    """Calendar years wholly inside the period."""
    years = range(period.start.year, period.end.year + 1)
    return [y for y in years if date(y, 1, 1) >= period.start and date(y, 12, 31) <= period.end]


@st.composite
def structured(draw: st.DrawFn, period: Period) -> dict[str, Any]:
    """A structured deadline inside ``period``, of every form the schema accepts."""
    day = st.dates(min_value=period.start, max_value=period.end)
    months = _months(period)
    year_month = st.sampled_from(months)
    full_years = _full_years(period)
    forms = ["on", "before", "month", "months", "from", "whole_period", "every", "schedule"]
    forms += ["on_demand", "quarter", "half_year", "year"] if full_years else []
    form = draw(st.sampled_from(forms))
    if form in ("on", "before"):
        return {form: draw(day)}
    if form == "month":
        y, m = draw(year_month)
        return {"month": f"{y}-{m:02d}"}
    if form == "months":
        chosen = sorted(draw(st.lists(year_month, min_size=2, max_size=4, unique=True)))
        return {"months": [f"{y}-{m:02d}" for y, m in chosen]}
    if form == "from":
        first, last = sorted([draw(day), draw(day)])
        if draw(st.booleans()):
            return {"from": first, "to": last}
        return {"from": f"{first.year}-{first.month:02d}", "to": f"{last.year}-{last.month:02d}"}
    if form == "whole_period":
        return {"whole_period": True}
    if form == "every":
        unit = draw(st.sampled_from(["year", "half_year", "quarter", "month"]))
        found: dict[str, Any] = {"every": unit}
        if draw(st.booleans()):
            low = draw(st.integers(1, 4))
            found["times"] = draw(st.sampled_from([low, [low, low + 1]]))
        if unit == "year" and draw(st.booleans()):
            numbers = st.sampled_from(sorted({m for _, m in months}))
            found["months"] = sorted(draw(st.lists(numbers, min_size=1, max_size=3, unique=True)))
        return found
    if form == "schedule":
        return {"schedule": draw(st.sampled_from(["плану работы ОО", "плану-графику КГИРО"]))}
    if form == "on_demand":
        return {"on_demand": draw(st.sampled_from(["потребности ОО", "запросу школ"]))}
    y = draw(st.sampled_from(full_years))
    if form == "quarter":
        return {"quarter": draw(st.integers(1, 4)), "year": y}
    if form == "half_year":
        return {"half_year": draw(st.integers(1, 2)), "year": y}
    return {"year": y}


def _day_words(d: date) -> str:
    return f"{d.day} {month_name(d.month, 'genitive')} {d.year} г."


@st.composite
def phrases(draw: st.DrawFn, period: Period) -> str:
    """A phrase in one of the accepted forms (dates.ACCEPTED_FORMS), inside ``period``."""
    day = st.dates(min_value=period.start, max_value=period.end)
    months = _months(period)
    year_month = st.sampled_from(months)
    d = draw(day)
    y, m = draw(year_month)
    numeric = f"{d:%d.%m.%Y}"
    (y1, m1), (y2, m2) = sorted(draw(st.lists(year_month, min_size=2, max_size=2, unique=True)))
    several = sorted(draw(st.lists(year_month, min_size=2, max_size=3, unique=True)))
    first, last = sorted([d, draw(day)])
    full_years = _full_years(period)
    choices = [
        numeric,
        _day_words(d),
        d.isoformat(),
        f"до {numeric}",
        f"в срок до {_day_words(d)}",
        f"не позднее {numeric}",
        f"{month_name(m)} {y} г.",
        f"{y}-{m:02d}",
        ", ".join(f"{month_name(mm)} {yy} г." for yy, mm in several),
        f"{month_name(m1)} {y1} г. – {month_name(m2)} {y2} г.",
        f"с {first:%d.%m.%Y} по {last:%d.%m.%Y}",
        "в течение всего периода",
        "постоянно",
        "ежегодно",
        "ежеквартально",
        f"2 раза в год ({month_name(m1)}, {month_name(m2)})" if m1 < m2 else "ежемесячно",
        "2–3 раза в год",
        f"ежегодно в {month_name(m, 'prepositional')}",
        f"{month_name(m)} текущего года",
        f"согласно плану-графику КГИРО на {y} г.",
        "по плану работы ОО",
        "по потребности ОО",
        "по мере необходимости",
        "по запросу",
    ]
    if y1 == y2 and m1 < m2:
        choices.append(f"{month_name(m1)} – {month_name(m2)} {y1} г.")
    if full_years:
        fy = draw(st.sampled_from(full_years))
        q, h = draw(st.integers(1, 4)), draw(st.integers(1, 2))
        choices += [f"{ROMAN[q - 1]} квартал {fy} г.", f"{h} полугодие {fy} г."]
        choices += [f"в течение {fy} г.", f"{fy} год"]
    return draw(st.sampled_from(choices))


def _essence(deadline: Deadline) -> tuple:
    return deadline.kind, deadline.start, deadline.end, deadline.occurrences


@SETTINGS
@given(data=st.data())
def test_structured_deadline_round_trips_through_its_wording(data: st.DataObject) -> None:
    period = data.draw(periods(), label="period")
    value = data.draw(structured(period), label="value")
    first = parse_deadline(value, period)
    again = parse_deadline(render_deadline(first), period)
    assert _essence(again) == _essence(first), render_deadline(first)


@SETTINGS
@given(data=st.data())
def test_phrase_round_trips_through_its_wording(data: st.DataObject) -> None:
    period = data.draw(periods(), label="period")
    phrase = data.draw(phrases(period), label="phrase")
    first = parse_deadline(phrase, period)
    again = parse_deadline(render_deadline(first), period)
    assert _essence(again) == _essence(first), render_deadline(first)


# --- any spec: loads, or gives problems with codes and positions -----------------------------

BASE = yaml.safe_load(valid_spec_text())
# include paths reach the file system: tests/hostile covers them (NUL bytes and overlong names
# still end in a traceback in load.py, see the xfail there)
KEYS = st.text(min_size=1, max_size=12).filter(lambda k: k not in ("include", "templates"))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=40),
    st.sampled_from(["2023", "2021-2023", "2020/2021", "2023-13-45", "2023-01", "январь 2023 г."]),
    st.sampled_from(["до 15.10.2020", "ежегодно", "31.02.2023", "II квартал", "в течение года"]),
    st.sampled_from(["t1", "otdel", "head", "g1", "i1", "no", "1.1", "person", "unit"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=6,
)


def _containers(tree: Any) -> list[Any]:
    """Every mapping and list in ``tree``, the root first."""
    found, stack = [], [tree]
    while stack:
        node = stack.pop()
        found.append(node)
        children = node.values() if isinstance(node, dict) else node
        stack.extend(c for c in children if isinstance(c, dict | list))
    return found


# Values read after the model: by the period, deadline and reference resolution
HOT = [
    ("programme", "period"),
    ("roadmap", "sections", 0, "activities", 0, "deadline"),
    ("roadmap", "sections", 0, "activities", 0, "responsible", 0),
    ("programme", "tasks", 0, "goal"),
    ("act", "points", 0, "appendix"),
    ("act", "signatory", "party"),
]


def _at(tree: Any, path: list[str | int]) -> Any:
    """The node at ``path``, or None when an earlier change removed the way there."""
    node = tree
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _set_hot(data: st.DataObject, tree: Any) -> None:
    *path, last = data.draw(st.sampled_from(HOT))
    node = _at(tree, path)
    fits = isinstance(node, list) and isinstance(last, int) and last < len(node)
    if isinstance(node, dict) or fits:
        node[last] = data.draw(st.one_of(SCALARS, VALUES))


def _mutate(data: st.DataObject, tree: Any) -> None:
    """One random change somewhere in ``tree``: drop, replace, add, or re-type a value."""
    if data.draw(st.integers(0, 3)) == 0:
        return _set_hot(data, tree)
    node = data.draw(st.sampled_from(_containers(tree)))
    keys = list(node) if isinstance(node, dict) else list(range(len(node)))
    action = data.draw(st.sampled_from(["drop", "replace", "add", "text"] if keys else ["add"]))
    if action == "add":
        if isinstance(node, dict):
            node[data.draw(KEYS)] = data.draw(VALUES)
        else:
            node.append(data.draw(VALUES))
        return
    key = data.draw(st.sampled_from(keys))
    if action == "drop":
        del node[key]
    elif action == "replace":
        node[key] = data.draw(VALUES)
    else:
        node[key] = data.draw(st.text(max_size=60))


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_any_spec_loads_or_gives_coded_problems(data: st.DataObject) -> None:
    tree = copy.deepcopy(BASE)
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        _mutate(data, tree)
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "programme.yaml").write_text(text, encoding="utf-8")
        try:
            load_programme(Path(folder))
        except SpecError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.code in CODES, problem
                assert problem.location.line >= 1, problem


# --- text survives DOCX and HTML -----------------------------------------------------------

# Letters, digits and punctuation the typographer leaves alone and Markdown does not read:
# no quotes, hyphens or «№»; no * _ ` # [ ] \ | ~ +; one space between words.
ALPHABET = st.characters(
    categories=["Lu", "Ll", "Nd", "Po", "Ps", "Pe", "Sm"],
    exclude_characters="\"'`*_#[]\\|~+-№«»„“”‘’",
)
WORDS = st.lists(st.text(ALPHABET, min_size=1, max_size=12), min_size=1, max_size=8)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def _html_text(page: bytes) -> str:
    parser = _Text()
    parser.feed(page.decode("utf-8"))
    return " ".join(" ".join(parser.chunks).replace(NBSP, " ").split())


def _docx_paragraphs(data: bytes) -> list[str]:
    body = Document(io.BytesIO(data)).element.body
    return [Paragraph(p, None).text.replace(NBSP, " ") for p in body.iter(qn("w:p"))]


def _render(texts: dict[tuple, str]) -> tuple[dict[str, list[str]], str]:
    """The valid spec with ``texts`` put in at their paths: DOCX paragraphs and HTML text."""
    tree = copy.deepcopy(BASE)
    for (*path, last), text in texts.items():
        _at(tree, path)[last] = text
    with tempfile.TemporaryDirectory() as folder:
        yaml_text = yaml.safe_dump(tree, allow_unicode=True)
        (Path(folder) / "programme.yaml").write_text(yaml_text, encoding="utf-8")
        spec = load_programme(Path(folder))
        ctx = build_context(spec)
        templates = TemplateSet(spec)
        files = build_docx(ctx, templates, {"date": spec.act.date, "form_overrides": {}})
        page = build_html(ctx, templates)
    return {name: _docx_paragraphs(data) for name, data in files.items()}, _html_text(page)


PROGRAMME_TITLE = ("programme", "title")
ACTIVITY_TITLE = ("roadmap", "sections", 0, "activities", 0, "title")
# Text fields and a document each must appear in, whole
TEXT_FIELDS = {
    PROGRAMME_TITLE: "prilozhenie-1.docx",
    ("programme", "goals", 0, "text"): "prilozhenie-1.docx",
    ("programme", "tasks", 0, "text"): "prilozhenie-1.docx",
    ("programme", "indicators", 0, "name"): "prilozhenie-1.docx",
    ("roadmap", "sections", 0, "title"): "prilozhenie-1.docx",
    ACTIVITY_TITLE: "prilozhenie-1.docx",
    ("roadmap", "sections", 0, "activities", 0, "result"): "prilozhenie-1.docx",
    ("parties", 0, "name"): "prilozhenie-1.docx",
    ("act", "title"): "prikaz.docx",
    ("act", "points", 0, "text"): "prikaz.docx",
    ("authority", "place"): "prikaz.docx",
}
# A capital Cyrillic word first: no capitalisation to undo, and «1. …» would be a Markdown list
TEXTS = st.builds(
    lambda first, rest: " ".join([first, *rest]),
    st.text(st.sampled_from("АБВГДЕЁЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"), min_size=2, max_size=8),
    WORDS,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.fixed_dictionaries({path: TEXTS for path in TEXT_FIELDS}))
def test_text_survives_docx_and_html(texts: dict[tuple, str]) -> None:
    paragraphs, shown = _render(texts)
    assert texts[ACTIVITY_TITLE] in paragraphs["prilozhenie-1.docx"]  # a paragraph of its own
    for path, text in texts.items():
        if path == ("act", "points", 0, "text"):  # the point's sentence ends «… (приложение № 1).»
            text = text.rstrip(". ")
        assert any(text in p for p in paragraphs[TEXT_FIELDS[path]]), path
        assert text in shown, path


# Quotes, hyphens and «№» too: the documents then hold the typographed text (typograph is the
# renderer's own rule set; no-break spaces are compared as spaces)
PIECES = ["абвгд", "xyz", "7", "2020", "2023", '"', "«", "»", "№", "-", "--", ".", ",", "(", ")"]
PIECES += ["г", "А.Б.", "Иванов", "января", "5"]
TYPOGRAPHED = st.builds(
    lambda first, rest: " ".join([first, *rest]),
    st.text(st.sampled_from("АБВГДЕЁЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"), min_size=2, max_size=8),
    st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join), max_size=8),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activity=TYPOGRAPHED, title=TYPOGRAPHED)
def test_typographed_text_survives_docx_and_html(activity: str, title: str) -> None:
    paragraphs, shown = _render({PROGRAMME_TITLE: title, ACTIVITY_TITLE: activity})
    expected = {text: typograph(text).replace(NBSP, " ") for text in (activity, title)}
    assert expected[activity] in paragraphs["prilozhenie-1.docx"]
    assert any(expected[title] in p for p in paragraphs["prilozhenie-1.docx"])
    for text in expected.values():
        assert " ".join(text.split()) in shown


_NESTED = st.recursive(
    st.text(alphabet="ab -[]{}&!?:#'\"", max_size=6) | st.integers() | st.none(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text("kab", max_size=3),
                                                                inner, max_size=3),
    max_leaves=40,
)


@SETTINGS
@given(_NESTED, st.sampled_from([False, None, True]), st.integers(2, 6), st.booleans())
def test_the_yaml_depth_bound_is_never_short(
    value: Any, flow: bool | None, indent: int, explicit: bool
) -> None:
    """Whatever PyYAML writes, block or flow, the bound that lets a reader skip the depth walk
    is at least the real depth of its collections."""
    from shnor_docs.spec.yamllimits import depth_bound

    text = yaml.safe_dump(value, default_flow_style=flow, indent=indent, explicit_start=explicit,
                          allow_unicode=True)
    assert depth_bound(text) >= yaml_depth(text)
