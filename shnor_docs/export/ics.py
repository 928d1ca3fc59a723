"""The roadmap's deadlines as iCalendar files (icalendar): for a calendar and its reminders.

``sroki.ics`` holds every deadline with the responsible parties as categories;
``sroki-<party>.ics`` holds one party's. An event spans a deadline's window (all day, from its
first to its last day; a repeating deadline has an event per occurrence; «до 15.10.2020» is the
day itself) and reminds ``checks.due_soon_days`` days before the window ends. UIDs are made of
the programme's name and the activity's ``id`` (else its title), so that a calendar that imports
the file again updates its events instead of doubling them. Deadlines without dates of their
own (another body's schedule, on demand, words) are left out and counted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass

from shnor_docs.deadlines import Deadline, DeadlineKind
from shnor_docs.model import Activity, Spec
from shnor_docs.render.blocks import plain_text
from shnor_docs.render.context_tables import deadline_text
from shnor_docs.spec.matching import words
from shnor_docs.text import plural

FILE = "sroki"
ONE_DAY = (DeadlineKind.DATE, DeadlineKind.BEFORE)
DOMAIN = "shnor-docs"


@dataclass(frozen=True)
class Entry:
    """One event: its UID, the activity and the window."""

    uid: str
    activity: Activity
    start: dt.date
    end: dt.date


def windows(deadline: Deadline) -> list[tuple[dt.date, dt.date]]:
    """The deadline's windows: each occurrence, or the one window; one day for «до …»."""
    if deadline.kind in ONE_DAY:
        return [(deadline.end, deadline.end)]
    return list(deadline.occurrences) or [(deadline.start, deadline.end)]


def entries(spec: Spec) -> tuple[list[Entry], Counter[str]]:
    """Every event of the roadmap, and the activities left out by why («untracked», «none»)."""
    found: list[Entry] = []
    left: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for activity in spec.roadmap.activities() if spec.roadmap else []:
        deadline = activity.parsed_deadline
        if not isinstance(deadline, Deadline):
            left["none"] += 1
            continue
        if not deadline.checkable:
            left["untracked"] += 1
            continue
        key = activity.id or hashlib.sha1(words(activity.title).encode()).hexdigest()[:12]
        seen[key] += 1
        if seen[key] > 1:
            key = f"{key}-{seen[key]}"
        for n, (start, end) in enumerate(windows(deadline), start=1):
            found.append(Entry(f"{spec.slug}-{key}-{n}@{DOMAIN}", activity, start, end))
    return found, left


def calendar_bytes(spec: Spec, chosen: list[Entry], name: str, stamp: dt.datetime) -> bytes:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//shnor_docs//Сроки программы//RU")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for entry in chosen:
        calendar.add_component(_event(spec, entry, stamp))
    return calendar.to_ical()


def _event(spec: Spec, entry: Entry, stamp: dt.datetime):
    from icalendar import Alarm, Event

    activity = entry.activity
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.start)
    event.add("dtend", entry.end + dt.timedelta(days=1))
    number = activity.display_number.rstrip(".")
    event.add("summary", f"{number} {plain_text(activity.title)}".strip())
    parties = [spec.party(p).short() for p in activity.responsible]
    lines = [f"Срок: {deadline_text(spec, activity)}", f"Ответственные: {', '.join(parties)}"]
    if activity.note:
        lines.append(plain_text(activity.note))
    event.add("description", "\n".join(lines))
    if parties:
        event.add("categories", parties)
    event.add("status", "CANCELLED" if activity.status == "cancelled" else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Срок мероприятия {number}: {deadline_text(spec, activity)}")
    alarm.add("trigger", -dt.timedelta(days=spec.checks.due_soon_days), parameters={
        "RELATED": "END"})
    event.add_component(alarm)
    return event


def export_ics(
    spec: Spec, stamp: dt.datetime | None = None
) -> tuple[dict[str, bytes], str]:
    """``sroki.ics`` with every deadline and ``sroki-<party>.ics`` per party; what was left out."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    found, left = entries(spec)
    title = plain_text(spec.programme.title)
    files = {f"{FILE}.ics": calendar_bytes(spec, found, title, stamp)}
    for party in spec.parties:
        own = [e for e in found if party.id in e.activity.responsible]
        if own:
            files[f"{FILE}-{party.id}.ics"] = calendar_bytes(
                spec, own, f"{party.short()}: {title}", stamp)
    return files, _message(found, left, len(files) - 1)


def _message(found: list[Entry], left: Counter[str], parties: int) -> str:
    text = (f"Событий: {len(found)}; календарей ответственных: {parties}")
    if left["untracked"]:
        text += ("; не вошли мероприятия без собственной даты (внешний график, по потребности, "
                 f"срок словами): {left['untracked']}")
    if left["none"]:
        text += f"; без срока: {plural(left['none'], 'мероприятие', 'мероприятия', 'мероприятий')}"
    return text
