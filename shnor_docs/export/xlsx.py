"""The roadmap as an XLSX table (openpyxl): one row per activity, ready to filter and sort.

A frozen header with filters; a section column; the deadline as a real date where its window is
one exact day («до 15.10.2020», «30.01.2021») and as written otherwise; the window's start and
end as dates for every deadline that has its own dates; responsible parties; status and date.
"""

from __future__ import annotations

import datetime as dt
import io

from shnor_docs.deadlines import Deadline, DeadlineKind
from shnor_docs.model import Activity, Spec
from shnor_docs.render.blocks import plain_text
from shnor_docs.render.context_tables import deadline_text
from shnor_docs.render.package import normalise_zip
from shnor_docs.status.state import section_label

FILE = "plan.xlsx"
#: Header, width in characters.
COLUMNS = (
    ("Раздел", 28), ("№", 7), ("Мероприятие", 60), ("Срок", 24),
    ("Начало срока", 12), ("Конец срока", 12),
    ("Ответственные", 30), ("Состояние", 22), ("Дата выполнения", 14), ("Примечание", 30),
)
DATE_COLUMNS = (4, 5, 6, 9)  # 1-based: the columns holding real dates
EXACT = (DeadlineKind.DATE, DeadlineKind.BEFORE)
STATUS_WORDS = {"planned": "запланировано", "in_progress": "выполняется", "done": "выполнено",
                "cancelled": "отменено"}


def exact_day(deadline: Deadline | None) -> dt.date | None:
    """The one day a deadline names («до 15.10.2020», «30.01.2021»), or None."""
    if deadline is None or deadline.kind not in EXACT or not deadline.checkable:
        return None
    return deadline.end


def activity_row(spec: Spec, section: str, activity: Activity) -> list[object]:
    deadline = activity.parsed_deadline
    tracked = isinstance(deadline, Deadline) and deadline.checkable
    written = deadline_text(spec, activity)
    day = exact_day(deadline)
    state = STATUS_WORDS[activity.status]
    return [
        section, activity.display_number.rstrip("."), plain_text(activity.title),
        day if day else written, deadline.start if tracked else None,
        deadline.end if tracked else None,
        ", ".join(spec.party(p).short() for p in activity.responsible), state,
        activity.done_on, plain_text(activity.note) or None,
    ]


def workbook_bytes(spec: Spec) -> bytes:
    """The workbook: the sheet «План мероприятий» with a frozen, filtered header."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "План мероприятий"
    sheet.append([header for header, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in _rows(spec):
        sheet.append(row)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.column in DATE_COLUMNS and isinstance(cell.value, dt.date):
                cell.number_format = "DD.MM.YYYY"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _properties(book, spec)
    return normalise_zip(_saved(book))


def _saved(book: object) -> bytes:
    """The workbook's bytes, written as ``Workbook.save`` writes them but for the one thing it
    adds: the time of saving as the «modified» property. With it, two exports of the same spec a
    second apart differed."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    ExcelWriter(book, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return buffer.getvalue()


def _rows(spec: Spec) -> list[list[object]]:
    roadmap = spec.roadmap
    rows = []
    for index, section in enumerate(roadmap.sections if roadmap else []):
        label = section_label(section.display_number, section.title, index)
        rows += [activity_row(spec, label, a) for a in section.activities]
    return rows


def _properties(book: object, spec: Spec) -> None:
    """Fixed properties: the same spec gives the same bytes."""
    stamp = dt.datetime.combine(spec.act.date if spec.act else spec.period.start, dt.time())
    props = book.properties  # type: ignore[attr-defined]
    props.creator = spec.authority.name
    props.title = plain_text(spec.programme.title)
    props.created = props.modified = stamp
    props.lastModifiedBy = None


def export_xlsx(spec: Spec) -> tuple[dict[str, bytes], str]:
    """``plan.xlsx`` and a line on what it holds."""
    return {FILE: workbook_bytes(spec)}, f"Мероприятий в таблице: {len(_rows(spec))}"
