"""What the theme prints about an article, as text people read.

The converter writes these values into each article's front matter (the
`display` mapping, see writer.py), so the templates in theme_overrides/
need no filter of ours: MkDocs (Jinja2) and Zensical (MiniJinja), which
runs no MkDocs plugin, print the same page.

An article's `date` is what the converter wrote: a date (the day is
known) or a timestamp, with a zone when the page gave one. These print
only what is known: no invented midnight, no invented UTC.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

# Where a timestamp is the file's, not the story's: show the day only.
_FILE_TIME_SOURCES = {"mtime", "git"}
# A list shows this much of a story's lede; a lede up to LEDE_LEEWAY longer is shown whole.
LEDE_CHARS = 320
LEDE_LEEWAY = 5
ELLIPSIS = "\u2026"


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


def day_key(value) -> str:
    """The day the page printed (in its own zone), as YYYY-MM-DD: lists group stories by it."""
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



def short_lede(summary: str | None) -> str:
    """The lede as a list shows it: cut at a word before LEDE_CHARS, with an ellipsis."""
    if not summary or len(summary) <= LEDE_CHARS + LEDE_LEEWAY:
        return summary or ""
    return summary[:LEDE_CHARS - len(ELLIPSIS)].rsplit(" ", 1)[0] + ELLIPSIS


def display_fields(meta: dict) -> dict[str, str]:
    """The `display` mapping of an article's front matter, from its other fields:
    the day lists group it under, that day's heading, the dateline (and its
    machine-readable form), the names as a sentence prints them, and the
    lede cut for lists (only when it is longer than a list shows)."""
    when, source, summary = meta.get("date"), meta.get("date_source"), meta.get("summary")
    day = day_key(when)
    lede = short_lede(summary)
    fields = {
        "day": day,
        "day_heading": day_heading(day),
        "datetime": iso(when),
        "dateline": dateline(when, source),
        "byline": join_names(meta.get("byline")),
        "contributors": join_names(meta.get("contributors")),
        "lede": lede if lede != summary else "",
    }
    return {name: text for name, text in fields.items() if text}
