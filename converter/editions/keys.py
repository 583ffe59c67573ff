"""Which edition a story belongs to: its day (`2019-11-20`) or ISO week (`2019-W47`)."""
from __future__ import annotations

from datetime import date

from ..display import day_heading

DAILY, WEEKLY = "daily", "weekly"
MODES = (DAILY, WEEKLY)


def edition_key(day: str, mode: str = DAILY) -> str:
    """The edition of a story printed on `day` (YYYY-MM-DD); "" when the day is unknown."""
    try:
        when = date.fromisoformat(day)
    except (TypeError, ValueError):
        return ""
    if mode == WEEKLY:
        year, week, weekday = when.isocalendar()
        if (date.max - when).days < 7 - weekday:
            return ""  # its week ends after 9999-12-31: a week no calendar of Python's can name
        return f"{year:04d}-W{week:02d}"
    return when.isoformat()


def edition_title(key: str) -> str:
    """'Wednesday, November 20, 2019' or 'Week 47, 2019 (November 18–24)'."""
    if "-W" in key:
        year, week = key.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        sunday = date.fromisocalendar(int(year), int(week), 7)
        end = f"{sunday:%B} {sunday.day}" if sunday.month != monday.month else str(sunday.day)
        return f"Week {int(week)}, {year} ({monday:%B} {monday.day}\u2013{end})"
    return day_heading(key)
