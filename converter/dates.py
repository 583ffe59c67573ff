"""Finding and normalising publication dates in the words a page prints.

python-dateutil does the parsing; this module only finds candidate strings
(news pages print dates in many shapes: `Nov. 19, 2019, 8:41 AM UTC`,
`20 November 2019 08:05 GMT`, `2018-08-25 15:24`, `18.11.2019`) and turns
the best one into ISO 8601, keeping the time and zone when the page gives
them.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from dateutil import parser as dateparser
from dateutil import tz

from . import settings

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# at a word's start: "SOLOMON JULY 29" holds no Monday
_WEEKDAY = r"(?:\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"


def _time(i: int, sep: bool = True) -> str:
    """An optional time (and zone) after a date; groups are numbered to stay unique."""
    lead = r"(?:\s*(?:,|at|às|um|alle|à|\||·|•|-|–|/)?\s*)" if sep else r"(?:[T ])"
    return (
        r"(?:" + lead + r"(?P<time" + str(i) + r">\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)"
        r"(?:\s*(?P<zone" + str(i) + r">[A-Z]{2,4}T?|UTC|GMT|Z|[+-]\d{2}:?\d{2}|GMT\s?[+-]\d{1,2}(?::?\d{2})?)\b)?)?"
    )


_YEAR = r"(?:19[9]\d|20\d\d)"

# Month names other languages print, from dateparser's locale data (a
# well-kept table of 200 languages) for the languages named here. English is
# read by dateutil above. Names shorter than three letters ("X", "Ek") are
# left out: alone they are words or numerals more often than months.
DATE_LANGUAGES = ("pt", "es", "it", "fr", "de", "nl", "id", "ru", "uk", "cs", "pl", "sv", "da", "nb", "fi",
                  "tr", "ro", "hu", "el", "ca", "hr", "sk", "sl")
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")


def _local_month_numbers() -> dict[str, int]:
    from dateparser.languages.loader import LocaleDataLoader

    loader = LocaleDataLoader()
    numbers: dict[str, int] = {}
    for language in DATE_LANGUAGES:
        info = loader.get_locale(language).info
        for number, key in enumerate(_MONTH_KEYS, 1):
            for name in info.get(key, []):
                name = name.casefold().rstrip(".")
                if len(name) >= settings.MIN_MONTH_NAME and name.isalpha():
                    numbers.setdefault(name, number)
    return numbers


_MONTH_NUMBER = _local_month_numbers()
# Any word where a local month name can stand; `_parse_day` keeps it only when
# it is one (a dictionary look-up: 500 names in a regex alternation would be
# tried one by one at every word of every line).
_LOCAL_MONTH = r"[^\W\d_]{3,20}"

_PATTERNS = [
    # 2019-11-20, 2016.12.01, 2019/11/20, optionally with a time
    r"(?P<ymd>" + _YEAR + r"[-./]\d{1,2}[-./]\d{1,2})" + _time(0, sep=False),
    # Nov. 19, 2019 / November 20th, 2019 / Wednesday, November 20, 2019
    r"(?P<mdy>" + _WEEKDAY + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+" + _YEAR + r")" + _time(1),
    # 20 November 2019 / 19 Nov 2019 / Wednesday 20 November 2019
    r"(?P<dmy>" + _WEEKDAY + r"\d{1,2}(?:st|nd|rd|th)?\.?\s+" + _MONTH + r",?\s+" + _YEAR + r")" + _time(2),
    # 18.11.2019 (day first), 11/13/19 and 11/13/2019 (US month first)
    r"(?P<dotted>\d{1,2}\.\d{1,2}\.(?:" + _YEAR + r"|\d{2}))" + _time(3),
    r"(?P<slashed>\d{1,2}/\d{1,2}/(?:" + _YEAR + r"|\d{2}))" + _time(4),
    # 22 de outubro de 2010, 11 октября 2018, 20. November 2019, 23 novembre 2017
    r"(?P<local>\d{1,2}\.?\s+(?:de\s+)?(?:" + _LOCAL_MONTH + r")\.?,?\s+(?:de\s+)?" + _YEAR + r")" + _time(5),
    # Oktober 27, 2015 / März 3 2019: a local month first
    r"(?P<local_mdy>\b(?:" + _LOCAL_MONTH + r")\.?\s+\d{1,2},?\s+" + _YEAR + r")" + _time(7),
    # 2019年11月20日, 2019년 11월 20일
    r"(?P<cjk>" + _YEAR + r"\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?)" + _time(6),
]
DATE_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)

# US zones that dateutil does not know by name.
_ZONES = {
    "ET": -5, "EST": -5, "EDT": -4, "CT": -6, "CST": -6, "CDT": -5, "MT": -7, "MST": -7, "MDT": -6,
    "PT": -8, "PST": -8, "PDT": -7, "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2,
    "IST": 5.5, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
}

URL_DATE = re.compile(r"/(?P<y>" + _YEAR + r")[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:/|-|\b)")
NAME_DATE = re.compile(r"(?<!\d)(?P<y>" + _YEAR + r")[-_.]?(?P<m>\d{2})[-_.]?(?P<d>\d{2})(?!\d)")


def _zone(name: str | None) -> timezone | None:
    if not name:
        return None
    name = name.strip().upper().replace(" ", "")
    if name in _ZONES:
        return timezone(timedelta(hours=_ZONES[name]))
    m = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", name)
    if m:
        hours = int(m.group(2)) + int(m.group(3) or 0) / 60
        return timezone(timedelta(hours=hours if m.group(1) == "+" else -hours))
    return None


def _valid(d: date) -> bool:
    return date(1990, 1, 1) <= d <= date(2100, 1, 1)


def _parse_day(m: re.Match) -> date | None:
    try:
        if m.group("ymd"):
            y, mo, d = map(int, re.split(r"[-./]", m.group("ymd")))
            return date(y, mo, d)
        if m.group("mdy") or m.group("dmy"):
            text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", m.group("mdy") or m.group("dmy"), flags=re.I)
            return dateparser.parse(text, default=datetime(2000, 1, 1), fuzzy=True).date()
        if m.group("local") or m.group("local_mdy"):
            parts = re.findall(r"\w+", (m.group("local") or m.group("local_mdy")).casefold())
            month = next((_MONTH_NUMBER[p] for p in parts if p in _MONTH_NUMBER), None)
            if month is None:
                return None  # "5 Songs 2019": a word, not a month
            day = int(parts[0]) if parts[0].isdigit() else int(parts[-2])
            return date(int(parts[-1]), month, day)
        if m.group("cjk"):
            y, mo, d = map(int, re.findall(r"\d+", m.group("cjk")))
            return date(y, mo, d)
        raw = m.group("dotted") or m.group("slashed")
        a, b, y = map(int, re.split(r"[./]", raw))
        y = y + 2000 if y < 100 else y
        if m.group("dotted"):  # Europe writes day first with dots
            day, month = (a, b) if b <= 12 else (b, a)
        else:  # and the US month first with slashes
            month, day = (a, b) if a <= 12 else (b, a)
        return date(y, month, day)
    except (ValueError, OverflowError, dateparser.ParserError):
        return None


def _parse_time(text: str | None) -> tuple[int, int, int] | None:
    if not text:
        return None
    m = re.match(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap])?", text.strip(), re.I)
    if not m:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if m.group(4):
        hour = hour % 12 + (12 if m.group(4).lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


_URL = re.compile(r"\b(?:https?://|www\.)\S+")
# what every shape in DATE_RE holds: a four-digit year, or a day and month before a two-digit one
_DATE_HINT = re.compile(_YEAR + r"|\d[./]\d{1,2}[./]\d\d")


def find_dates(text: str) -> list[tuple[str, int]]:
    """Every date stated in `text`, as (ISO 8601 string, position), in order.

    Dates inside URLs are not statements of the page (see `date_from_url`).
    """
    if not _DATE_HINT.search(text):
        return []  # every date shape has a year or a dd.mm.yy: most lines of a page end here
    # a short line's dates are read once: the text reader asks of a dateline several times
    # (its features, the header around the headline), and dateutil's parse is the slow part
    short = len(text) <= settings.SHORT_LINE_CHARS
    return list(_short_line_dates(text) if short else _dates_stated(text))


def _dates_stated(text: str) -> tuple[tuple[str, int], ...]:
    found = []
    text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    position = 0
    while (m := DATE_RE.search(text, position)) is not None:
        day = _parse_day(m)
        if day is None or not _valid(day):
            # "BUSINESSNOV 7, 2023": a word that is no month may hide one that starts inside it.
            # Each try is bounded (a word of at most 20 letters), so this stays linear.
            position = m.start() + 1
            continue
        position = m.end()
        groups = m.groupdict()
        time_text = next((v for k, v in groups.items() if k.startswith("time") and v), None)
        zone_name = next((v for k, v in groups.items() if k.startswith("zone") and v), None)
        hms = _parse_time(time_text)
        if hms is None:
            found.append((day.isoformat(), m.start()))
            continue
        stamp = datetime(day.year, day.month, day.day, *hms)
        zone = _zone(zone_name)
        if zone is not None:
            stamp = stamp.replace(tzinfo=zone)
        found.append((stamp.isoformat(), m.start()))
    return tuple(found)


_short_line_dates = lru_cache(maxsize=settings.LINE_CACHE_SIZE)(_dates_stated)


# A time of day opening a line ("14:44 Headline", "9.05", "18h30"): a live blog's or a feed's
# entry stamp.
TIME_OF_DAY_START = re.compile(r"^(?:[01]?\d|2[0-3])[:.h][0-5]\d(?!\d)")


def opens_with_time(text: str) -> bool:
    return bool(TIME_OF_DAY_START.match(text))


# The words that open a dateline ("Published …", "Aktualisiert …"), and those of an update.
DATE_LABEL = re.compile(
    r"^(?:published|posted|updated|first published|last updated|date|dated|publicado|pubblicato|"
    r"veröffentlicht|aktualisiert|diterbitkan|опубликовано|обновлено|publié|mis à jour)\b",
    re.I,
)
UPDATED_LABEL = re.compile(r"^(?:updated|last updated|aktualisiert|atualizado|aggiornato|обновлено|mis à jour)\b", re.I)

RELATIVE_DATE = re.compile(
    r"^(?:(?:published|posted|updated)\s+)?(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|"
    r"months?|years?)\s+ago$|^(?:updated\s+)?\d+\s?[smhd]\s+ago$|^(?:today|yesterday)(?:\s+at\s+.{1,12})?$|"
    # (?<!\d): tried once per run of digits, not at each digit (quadratic on a line of digits)
    r"(?<!\d)\d+\s*(?:시간|분|일)\s*전|(?<!\d)\d+\s*(?:時間|分|日)前|"
    r"^" + _WEEKDAY + r"\d{1,2}:\d{2}\s*[ap]\.?m\.?$|"
    r"^(?:há|hace|vor|il y a|před|pred)\s+\d+\s+\w+$|^\d+\s+\w+\s+(?:fa|lalu|назад|temu|önce|geleden|siden|sedan)$",
    re.I,
)


# What every shape of RELATIVE_DATE holds: a digit, "ago" at the end (“an hour ago”) or
# "today"/"yesterday" at the start. One cheap search turns most lines away before the
# long alternation is tried at each of their characters; a line it passes gets the full test.
_RELATIVE_HINT = re.compile(r"\d|ago$|^(?:today|yesterday)", re.I)


def is_relative_date(text: str) -> bool:
    """True for "1 day ago", "vor 2 Stunden", "3 часа назад": a time, but no date."""
    text = text.strip()
    return _RELATIVE_HINT.search(text) is not None and RELATIVE_DATE.search(text) is not None


def resolve_relative(text: str, base: str) -> str | None:
    """The day a relative date ("1 day ago", "vor 2 Tagen", "3 дня назад") means, counted back
    from `base` (an ISO date the dump itself gives: its file name, its history), never the clock.

    dateparser reads the words of some 200 languages; only the day is kept,
    since "5 hours ago" from a file's date is no better than its day.
    """
    import dateparser  # imported here: loading its language data costs a second, and few dumps need it

    try:
        reference = datetime.fromisoformat(base[:10])
    except ValueError:
        return None
    phrase = DATE_LABEL.sub("", " ".join(text.split())[:80]).strip(" :")
    parsed = dateparser.parse(phrase, settings={"RELATIVE_BASE": reference, "PREFER_DATES_FROM": "past"})
    return parsed.date().isoformat() if parsed is not None and _valid(parsed.date()) else None


def first_date(text: str) -> str | None:
    """The first date stated in `text`, as ISO 8601, or None."""
    found = find_dates(text)
    return found[0][0] if found else None


def date_from_url(url: str) -> str | None:
    """A `/YYYY/MM/DD/` date in a URL, as ISO 8601."""
    m = URL_DATE.search(url)
    if not m:
        return None
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return day.isoformat() if _valid(day) else None


def date_from_path(path: Path) -> str | None:
    """A `2024-08-19` (or `20240819`) date in a dump's file or folder names."""
    for part in reversed(path.parts[-3:]):
        m = NAME_DATE.search(part)
        if m:
            try:
                day = date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            if _valid(day):
                return day.isoformat()
    return None


def normalise_iso(value: str) -> str | None:
    """An ISO 8601 (or near enough) string from page metadata, cleaned; None if unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = dateparser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            parsed = dateparser.parse(value, tzinfos=lambda name, offset: _zone(name))
        except (ValueError, OverflowError, dateparser.ParserError):
            return None
    if not _valid(parsed.date()):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return parsed.date().isoformat()
    if parsed.tzinfo is not None and parsed.utcoffset() == timedelta(0):
        parsed = parsed.replace(tzinfo=tz.UTC)
    return parsed.replace(microsecond=0).isoformat()


# htmldate's own bounds default to "today", which would make a build depend
# on the day it runs: fixed bounds keep the same page giving the same date.
PAGE_DATE_MIN = "1990-01-01"
PAGE_DATE_MAX = "2100-01-01"




def date_from_page(html: str, url: str | None = None) -> str | None:
    """The publication day a saved page shows (markup, meta, visible date), via htmldate.

    A second opinion for pages whose metadata names no date: htmldate
    knows the many ways sites mark one up, in many languages. `html` is
    best given with scripts and comments stripped (the HTML reader does).
    """
    from htmldate import find_date  # imported here: a text-only run never pays for it

    try:
        found = find_date(html[:settings.PAGE_DATE_CHARS].replace("<!--", ""), url=url, original_date=True, extensive_search=False,
                          min_date=PAGE_DATE_MIN, max_date=PAGE_DATE_MAX)
    except Exception:  # a second opinion that cannot read the page has nothing to say
        return None
    return found if found and _valid(date.fromisoformat(found)) else None
