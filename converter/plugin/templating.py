"""Jinja filters the theme overrides use to show articles' dates to people.

An article's `date` is what the converter wrote: a YAML date (the day is
known) or a timestamp, with a zone when the page gave one. The filters
print only what is known: no invented midnight, no invented UTC.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

# Where a timestamp is the file's, not the story's: show the day only.
_FILE_TIME_SOURCES = {"mtime", "git"}


def _as_date(value) -> date | None:
    if isinstance(value, (date, datetime)):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _day_text(value: date) -> str:
    return f"{value:%A}, {value:%B} {value.day}, {value.year}"


def _zone_text(value: datetime) -> str:
    offset = value.utcoffset()
    if offset is None:
        return ""
    if offset == timedelta(0):
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def _time_text(value: datetime) -> str:
    hour = value.hour % 12 or 12
    suffix = "a.m." if value.hour < 12 else "p.m."
    text = f"{hour}:{value.minute:02d} {suffix}"
    zone = _zone_text(value)
    return f"{text} {zone}" if zone else text


def has_time(value, date_source: str | None = None) -> bool:
    value = _as_date(value)
    return isinstance(value, datetime) and date_source not in _FILE_TIME_SOURCES


def dateline(value, date_source: str | None = None) -> str:
    """'Tuesday, November 19, 2019, 9:08 a.m. UTC−5' (the time only when known)."""
    value = _as_date(value)
    if value is None:
        return ""
    text = _day_text(value)
    if has_time(value, date_source):
        text += f", {_time_text(value)}"
    return text


def clock(value, date_source: str | None = None) -> str:
    """'9:08 a.m. UTC' when the time of day is known, else ''."""
    value = _as_date(value)
    return _time_text(value) if value is not None and has_time(value, date_source) else ""


def day_key(value) -> str:
    """The day the page printed (in its own zone), as YYYY-MM-DD, for grouping."""
    value = _as_date(value)
    return value.strftime("%Y-%m-%d") if value is not None else ""


def day_heading(key: str) -> str:
    """'Wednesday, November 20, 2019' for a `day_key`."""
    try:
        return _day_text(date.fromisoformat(key))
    except (TypeError, ValueError):
        return ""


def iso(value) -> str:
    """Machine-readable form for <time datetime=...>."""
    value = _as_date(value)
    return value.isoformat() if value is not None else ""


def join_names(names) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = [str(n) for n in (names or []) if str(n).strip()]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


FILTERS = {
    "dateline": dateline,
    "clock": clock,
    "day_key": day_key,
    "day_heading": day_heading,
    "iso": iso,
    "join_names": join_names,
}
