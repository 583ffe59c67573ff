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
from dateutil.relativedelta import relativedelta

from . import settings
from .ignorecase import holds_any
from .page_scan import PageLines, by_first_letter, either_case, first_letters, to_line_end

# the English months and weekdays as their patterns spell them (each alternative starts with a
# plain letter), tried grouped by first letter (`by_first_letter`)
_MONTH_SPELLINGS = ("jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
                    "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?")
_WEEKDAY_SPELLINGS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_MONTH = r"(?:" + by_first_letter(_MONTH_SPELLINGS) + r")\.?"
_WEEKDAY_NAME = r"(?:" + by_first_letter(_WEEKDAY_SPELLINGS) + r")(?:day|nesday|sday|urday)?"
# at a word's start: "SOLOMON JULY 29" holds no Monday
_WEEKDAY = r"(?:\b" + _WEEKDAY_NAME + r"\.?,?\s+)?"


def _time(i: int, sep: bool = True) -> str:
    """An optional time (and zone) after a date; groups are numbered to stay unique."""
    lead = r"(?:\s*(?:,|at|às|um|alle|à|\||·|•|-|–|/)?\s*)" if sep else r"(?:[T ])"
    return (
        r"(?:" + lead + r"(?P<time" + str(i) + r">\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)"
        r"(?:\s*(?P<zone" + str(i) + r">[A-Z]{2,4}T?|UTC|GMT|Z|[+-]\d{2}:?\d{2}|GMT\s?[+-]\d{1,2}(?::?\d{2})?)\b)?)?"
    )


_YEAR = r"(?:19[9]\d|20\d\d)"

# Month names other languages print, from dateparser's locale data (a
# well-kept table of 200 languages) for the languages named here. English is
# read by dateutil above. Names shorter than three letters ("X", "Ek") are
# left out: alone they are words or numerals more often than months.
DATE_LANGUAGES = ("pt", "es", "it", "fr", "de", "nl", "id", "ru", "uk", "cs", "pl", "sv", "da", "nb", "fi",
                  "tr", "ro", "hu", "el", "ca", "hr", "sk", "sl", "bg", "sr", "lt", "lv", "et", "ar", "he")
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
    # 22 de outubro de 2010, 11 октября 2018, 20. November 2019, 23 novembre 2017, 21.dez.2018, 5-ene-2020
    r"(?P<local>\d{1,2}(?:\.?\s+|[.\-/])(?:de\s+)?(?:" + _LOCAL_MONTH + r")(?:\.?,?\s+|[.\-/])(?:de\s+)?" + _YEAR + r")"
    + _time(5),
    # Oktober 27, 2015 / März 3 2019: a local month first
    r"(?P<local_mdy>\b(?:" + _LOCAL_MONTH + r")\.?\s+\d{1,2},?\s+" + _YEAR + r")" + _time(7),
    # 2019年11月20日, 2019년 11월 20일
    r"(?P<cjk>" + _YEAR + r"\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?)" + _time(6),
    # 2019. november 20. (Hungarian: the year first)
    r"(?P<local_ymd>" + _YEAR + r"\.?\s+(?:" + _LOCAL_MONTH + r")\.?\s+\d{1,2}\b\.?)" + _time(8),
    # 20 tháng 11 năm 2019 (Vietnamese: "day 20 month 11 year 2019")
    r"(?P<vi>\d{1,2}\s+tháng\s+\d{1,2},?\s+(?:năm\s+)?" + _YEAR + r")" + _time(9),
]
_DATE_SHAPES = "|".join(f"(?:{p})" for p in _PATTERNS)
_ENGLISH_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Where a date can start, checked before the ten shapes are tried at a position (most positions
# of a line fail here, at one character): a letter or a digit, and then a year's first digit, or
# one or two digits before a separator, a space or an ordinal's letters ("20th"); a word of 3 to
# 20 letters before a number (a local month, "März 3"), or a weekday, at a word's start; or an
# English month's first letters, even inside a word ("BUSINESSNOV 7"), and at most the rest of
# the longest month ("september") before a number. Each shape starts with one of these, so the
# search finds the very matches it found without this check (tests/test_fast_dates.py). A digit
# no shape can start at (the "0" of "20,", the "3" of "12:30") fails here, not in ten shapes; the
# month and weekday words are grouped by first letter (`by_first_letter`: `re.I` tries each
# alternative of an alternation in turn). Every repeat is bounded and possessive: a 4 MB line of
# month names stays linear.
_MONTH_REST = max(map(len, _MONTH_KEYS)) - len(_ENGLISH_MONTHS[0])
_DIGIT_START = _YEAR + r"|\d\d?(?:[./\-]|\.?\s|st|nd|rd|th)"
_ENGLISH_MONTH_START = ("(?=[" + "".join(sorted({m[0] for m in _ENGLISH_MONTHS})) + "])(?:"
                        + by_first_letter(_ENGLISH_MONTHS) + r")[^\W\d_]{0," + str(_MONTH_REST) + r"}+\.?\s+\d")
_WEEKDAY_START = by_first_letter(name[:3] for name in _WEEKDAYS)
_DATE_START = (r"(?=[^\W_])(?=" + _DIGIT_START + r"|\b(?:" + _LOCAL_MONTH + r"+\.?\s+\d|" + _WEEKDAY_START + ")|"
               + _ENGLISH_MONTH_START + ")")
DATE_RE = re.compile(_DATE_START + "(?:" + _DATE_SHAPES + ")", re.I)

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
            return _english_day(m.group("mdy") or m.group("dmy"))
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
        if m.group("vi"):
            d, mo, y = map(int, re.findall(r"\d+", m.group("vi")))
            return date(y, mo, d)
        if m.group("local_ymd"):
            y, name, d = re.findall(r"\w+", m.group("local_ymd").casefold())
            return date(int(y), _MONTH_NUMBER[name], int(d)) if name in _MONTH_NUMBER else None
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


# An English date as most pages print it: ASCII, one space between words ("Wed, Nov. 20th, 2019",
# "20 November 2019"). Its day, month and year are read straight off; dateutil, 30 times slower,
# reads any other spelling. Both give the same day on every such text (tests/test_fast_dates.py).
_PLAIN_ENGLISH_DAY = re.compile(
    r"(?:[a-z]+\.?,? )?(?:(?P<month>[a-z]+)\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?,? "
    r"|(?P<lday>\d{1,2})(?:st|nd|rd|th)?\.? (?P<lmonth>[a-z]+),? )(?P<year>\d{4})", re.I | re.A)


def _english_day(text: str) -> date:
    """The day an English date matched by DATE_RE ("Nov. 19, 2019", "Wednesday 20 November 2019") names."""
    plain = _PLAIN_ENGLISH_DAY.fullmatch(text)
    month = (plain["month"] or plain["lmonth"])[:3].lower() if plain else None
    if month in _ENGLISH_MONTHS:
        return date(int(plain["year"]), _ENGLISH_MONTHS.index(month) + 1, int(plain["day"] or plain["lday"]))
    return dateutil_day(text)


def dateutil_day(text: str) -> date:
    """The day dateutil reads in an English date, ordinals ("20th") dropped first."""
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text, flags=re.I)
    return dateparser.parse(text, default=datetime(2000, 1, 1), fuzzy=True).date()


def _parse_time(text: str | None) -> tuple[int, int, int] | None:
    if not text:
        return None
    m = re.match(r"(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*([ap])?", text.strip(), re.I)
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


# Digits other scripts print dates in (Arabic-Indic, Persian, Devanagari, Bengali, Thai, and the
# full-width digits of Japanese and Chinese pages), read as 0-9: one character each, so
# positions stay the same.
_DIGIT_ZEROS = (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10)
_OTHER_DIGIT = re.compile("[" + "".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in _DIGIT_ZEROS) + "]")
_ASCII_DIGITS = {zero + i: str(i) for zero in _DIGIT_ZEROS for i in range(10)}


def ascii_digits(text: str) -> str:
    """`text` with the digits of other scripts as 0-9 ("２０１９年", "١٩ نوفمبر ٢٠١٩")."""
    return text if text.isascii() or not _OTHER_DIGIT.search(text) else text.translate(_ASCII_DIGITS)


# Three digits in a row, or two around a dot or slash: every date shape holds a four-digit year
# or a dd.mm.yy (`_DATE_HINT`), so a line without this holds no date. Its search skips to the
# line's digits in C: most lines of a page have none, and end here.
_MAY_HOLD_DATE = re.compile(r"\d[\d./]\d")


def find_dates(text: str) -> list[tuple[str, int]]:
    """Every date stated in `text`, as (ISO 8601 string, position), in order.

    Dates inside URLs are not statements of the page (see `date_from_url`).
    """
    return find_dates_full(text) if _MAY_HOLD_DATE.search(text) else []


def find_dates_full(text: str) -> list[tuple[str, int]]:
    """`find_dates` without its first check (the full reading: tests hold the two the same)."""
    text = ascii_digits(text)
    if not _DATE_HINT.search(text):
        return []  # every date shape has a year or a dd.mm.yy: most lines of a page end here
    # a short line's dates are read once: the text reader asks of a dateline several times
    # (its features, the header around the headline), and dateutil's parse is the slow part
    short = len(text) <= settings.SHORT_LINE_CHARS
    return list(_short_line_dates(text) if short else _dates_stated(text))


# the numbers of DATE_RE's time and zone groups, in order: a match's groupdict() would build all 30
_TIME_GROUPS, _ZONE_GROUPS = (tuple(number for name, number in sorted(DATE_RE.groupindex.items(), key=lambda g: g[1])
                                    if name.startswith(kind)) for kind in ("time", "zone"))


def _dates_stated(text: str) -> tuple[tuple[str, int], ...]:
    found = []
    if "http" in text or "www." in text:  # what every `_URL` match starts with
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
        time_text = next(filter(None, m.group(*_TIME_GROUPS)), None)
        zone_name = next(filter(None, m.group(*_ZONE_GROUPS)), None)
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
_LABEL_WORDS = (r"published|posted|updated|first published|last updated|date|dated|publicado|pubblicato|"
                r"veröffentlicht|aktualisiert|diterbitkan|опубликовано|обновлено|publié|mis à jour")
DATE_LABEL = re.compile(r"^(?:" + _LABEL_WORDS + r")\b", re.I)
UPDATED_LABEL = re.compile(r"^(?:updated|last updated|aktualisiert|atualizado|aggiornato|обновлено|mis à jour)\b", re.I)

# Relative dates ("3 days ago", "vor 2 Tagen", "il y a 3 jours", "hace 2 días", "2 дня назад",
# "3時間前", "2시간 전", "ayer") in the words of these languages, from dateparser's locale data:
# its `relative-type-regex` phrases ("vor (\d+) tagen" means "\1 day ago") and its words for
# today, yesterday and the day before.
RELATIVE_LANGUAGES = ("en", *DATE_LANGUAGES, "ja", "zh", "ko", "hi", "vi")
# How far back each unit counts, in (days, months). Only the day is kept: "5 hours ago"
# from a dump's date is no better than its day.
_UNIT_STEP = {"second": (0, 0), "minute": (0, 0), "hour": (0, 0), "day": (1, 0), "week": (7, 0),
              "fortnight": (14, 0), "month": (0, 1), "year": (0, 12), "decade": (0, 120)}
# "Monday 6:30PM": last Monday, at a time
_WEEKDAY_TIME = re.compile(r"(?:^|(?<=\s))(?P<weekday>" + _WEEKDAY_NAME + r")\.?,?\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?$")
# "yesterday at 10:30", "gestern, 14:00", "hier à 9h15": a time after the phrase, any short word between
_TIME = r",?\s*(?:[^\W\d_]{1,5}\s*)?\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?\s?m\.?)?"
_TRAILING_TIME = r"(?:" + _TIME + r")?"
_TIME_AT_END = re.compile(_TIME + r"$")
# where dateparser's phrases hold their number; it stands as "#" in the phrase table
_PHRASE_NUMBER = r"(\d++[.,]?\d*+)"
_NUMBER = re.compile(r"\d\d{0,3}(?:[.,]\d+)?")  # \d{1,4}, written to start with a class: re skips to digits in C
# English also counts in words: "an hour ago", "a day ago"
_ENGLISH_COUNTS = ("a", "an", "one")


def _phrase_variants(pattern: str) -> list[str]:
    r"""The literal phrases a dateparser pattern stands for ("vor #\s*h": "vor #h", "vor # h"), or none."""
    variants = [pattern.replace(_PHRASE_NUMBER, "#").replace(r"\.", ".")]
    for token, options in ((r"\s*", ("", " ")), ("s?", ("", "s"))):
        variants = [v.replace(token, option, 1) for v in variants for option in options] if token in variants[0] else variants
    return [v for v in variants if not re.search(r"[\\()\[\]?*+|{}^$]", v)]


def _relative_phrases() -> tuple[dict[str, str], tuple[str, ...]]:
    """The phrase table ("vor # tagen": "day", "gestern": "day1") of dateparser's locale data,
    and the words that may end a phrase without a number (for a cheap check first)."""
    from dateparser.languages.loader import LocaleDataLoader

    loader = LocaleDataLoader()
    phrases: dict[str, str] = {}
    for language in RELATIVE_LANGUAGES:
        info = loader.get_locale(language).info
        for key, patterns in info.get("relative-type-regex", {}).items():
            unit = re.fullmatch(r"\\1 (\w+) ago", key)
            if unit and unit.group(1) in _UNIT_STEP:
                for phrase in (v for pattern in patterns for v in _phrase_variants(pattern)):
                    phrases.setdefault(phrase, unit.group(1))
                    if language == "en":
                        for count in _ENGLISH_COUNTS:
                            phrases.setdefault(phrase.replace("#", count), unit.group(1))
        for key, words in info.get("relative-type", {}).items():
            ago = re.fullmatch(r"([012]) day ago", key)
            if ago:
                for word in words:
                    phrases.setdefault(word.casefold(), "day" + ago.group(1))
    day_words = tuple(sorted(phrase for phrase, unit in phrases.items() if "#" not in phrase))
    return phrases, day_words


RELATIVE_PHRASES, _DAY_WORDS = _relative_phrases()
# their last two characters: most lines are ruled out by one set look-up, not 200 suffixes
_DAY_WORD_ENDINGS = frozenset(word[-2:] for word in _DAY_WORDS)
# the last few characters of every phrase (all of a shorter one), for the same look-up; and the
# longest phrase: a look-up from further back than that finds nothing
_PHRASE_ENDS = frozenset(phrase[-settings.RELATIVE_KEY_CHARS:] for phrase in RELATIVE_PHRASES)
_PHRASE_END_SIZES = tuple(sorted({len(end) for end in _PHRASE_ENDS}, reverse=True))
_LONGEST_PHRASE = max(map(len, RELATIVE_PHRASES))
# a time of day, as `_WEEKDAY_TIME` and `_TIME_AT_END` hold one ("6:30", "14.05", "18h30")
_CLOCK = re.compile(r"\d[:.h]\d\d", re.I)  # ("9H15": `_YEARLESS` reads it so)
# where a relative phrase may start: a word, or the number of one ("山田3時間前")
_PHRASE_START = re.compile(r"#|(?<![\w#])\w")
# every phrase but a day word holds a count: a number, or "a"/"an"/"one" in English ("an hour ago")
_DIGIT = re.compile(r"\d")  # any script's: a class first, so re skips to one in C
_HAS_COUNT = re.compile(r"\d|(?<!\w)(?:" + "|".join(_ENGLISH_COUNTS) + r")\s\S+\sago\b", re.I)


def _worth_reading(text: str) -> str | None:
    """The line as relative dates are looked up in (one line, case-folded, 0-9 digits), when it
    may hold one: short, with a count or ending in a day word. Most lines of a page end here,
    after one search and one set look-up."""
    if len(text) > 2 * settings.RELATIVE_DATE_MAX_CHARS:
        return None
    if not (_DIGIT.search(text) or _HAS_COUNT.search(text)):  # a digit first: one C scan
        end = " ".join(text.split()).rstrip(" .:")
        if end[-2:].casefold() not in _DAY_WORD_ENDINGS or not end.casefold().endswith(_DAY_WORDS):
            return None
    text = ascii_digits(" ".join(text.split()).casefold())
    return text if text and len(text) <= settings.RELATIVE_DATE_MAX_CHARS else None


def _relative_phrase(text: str) -> tuple[str, int] | None:
    """(unit, count) of the relative phrase a line (as `_worth_reading` gives it) ends with:
    "jane doe 1 day ago": ("day", 1), "aktualisiert vor 2 stunden": ("hour", 2), "gestern, 14:30":
    ("day", 1). Its last few word starts are looked up in the phrase table, the number as "#"."""
    text = text.rstrip(" .:")
    clock = _CLOCK.search(text) is not None  # what both time patterns hold: most lines have none
    weekday = _WEEKDAY_TIME.search(text) if clock else None
    if weekday:
        return "weekday", next(i for i, name in enumerate(_WEEKDAYS) if name[:3] == weekday.group("weekday")[:3])
    words = _TIME_AT_END.sub("", text, count=1) if clock else text
    shape = _NUMBER.sub("#", words).rstrip(" ,")
    if not _may_end_in_phrase(shape):
        return None
    near_end = max(0, len(shape) - _LONGEST_PHRASE)  # (its look-behind still sees the character before)
    starts = [m.start() for m in _PHRASE_START.finditer(shape, near_end)][-settings.RELATIVE_PHRASE_MAX_WORDS:]
    for start in starts:
        unit = RELATIVE_PHRASES.get(shape[start:])
        if unit is None or not _stands_alone(shape[:start], shape[start:]):
            continue
        if unit.startswith("day") and unit[3:].isdigit():
            return "day", int(unit[3:])
        if "#" not in shape[start:]:
            return unit, 1
        number = _numbers_at_marks(words).get(shape.index("#", start))
        if number is not None:  # a "#" the line itself prints ("#1 3 days ago") counts nothing
            return unit, int(float(number.replace(",", ".")))
    return None


def _may_end_in_phrase(shape: str) -> bool:
    """False only for a shape no phrase of the table ends: a look-up of its tail finds nothing."""
    for size in _PHRASE_END_SIZES:
        if shape[-size:] in _PHRASE_ENDS:
            return True
    return False


def _numbers_at_marks(text: str) -> dict[int, str]:
    """Each number of `text`, by where its "#" stands once every number is one (`_NUMBER.sub`)."""
    numbers: dict[int, str] = {}
    shrunk = 0
    for m in _NUMBER.finditer(text):
        numbers[m.start() - shrunk] = m.group()
        shrunk += len(m.group()) - 1
    return numbers


# what may end the words before a relative phrase: "Jane Doe • 3 hours ago", "CNN — 2 days ago"
_SEPARATORS = ("•", "·", "|", "—", "–", "-", "/", ":", ",")


def _stands_alone(before: str, phrase: str) -> bool:
    """Whether the phrase is the line's date, not the end of a sentence or a name.

    "USA Today", "Five things to know today", "Trump quit two days ago": a headline
    may end in such words. A phrase counts alone, after a label ("Updated 2 hours
    ago"), or after a separator ("Jane Doe • 1 day ago"); one with a number also after
    one word ("Aktualizováno před 21 minutami") or glued to CJK text ("山田太郎3時間前").
    """
    before = before.strip()
    if not before or before.endswith(_SEPARATORS) or re.fullmatch(_LABEL_WORDS, before):
        return True
    if "#" not in phrase:
        return False
    return " " not in before or (not phrase.isascii() and " " not in phrase)


# "Posted Nov 19, 6:51 AM", "Wednesday, November 20", "19. November, 14:30", "11月20日": a day without its
# year, as sites print this year's dates. A whole line (or a labelled part of one), so that a
# headline ending "… on March 5" is no such date.
_ORDINALS = ("st", "nd", "rd", "th")
_CJK_DAYS = ("日", "일")
_YEARLESS = re.compile(
    r"(?:(?:" + _LABEL_WORDS + r")\s*:?\s*(?:on\s+|am\s+|le\s+|el\s+|em\s+|il\s+)?)?" + _WEEKDAY
    + r"(?:(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:" + "|".join(_ORDINALS) + r")?|(?P<lday>\d{1,2})\.?\s+(?:de\s+)?"
    r"(?P<lmonth>" + _LOCAL_MONTH + r")\.?|(?P<cmonth>\d{1,2})\s*[月월]\s*(?P<cday>\d{1,2})\s*[" + "".join(_CJK_DAYS) + "])"
    + _TRAILING_TIME,
    re.I,
)
# How a day without its year may end, when no time follows it: a day number after a space ("nov
# 19"), its ordinal, a CJK day, or a local month ("19. november"); the last few letters of these,
# for a set look-up per size.
_YEARLESS_ENDS = frozenset((*_ORDINALS, *_CJK_DAYS, *(name[-settings.RELATIVE_KEY_CHARS:] for name in _MONTH_NUMBER)))
_YEARLESS_END_SIZES = tuple(sorted({len(end) for end in _YEARLESS_ENDS}, reverse=True))


def _may_be_yearless(part: str) -> bool:
    """False only for a part `_YEARLESS` cannot read: no time, and an end no day or month has."""
    if (part[-2:-1].isspace() and part[-1:].isdecimal()) or (part[-3:-2].isspace() and part[-2:].isdecimal()):
        return True
    if _CLOCK.search(part):
        return True
    end = part[-settings.RELATIVE_KEY_CHARS:].casefold()
    for size in _YEARLESS_END_SIZES:
        if end[-size:] in _YEARLESS_ENDS:
            return True
    return False


def _yearless(text: str) -> tuple[int, int] | None:
    """(month, day) of a line (as `_worth_reading` gives it) that is a date without its year;
    a published part first."""
    if ";" not in text and "|" not in text:
        parts = [text.strip()]  # one part, most lines: nothing to split or sort
    else:
        parts = sorted((part.strip() for part in re.split(r"[;|]", text)), key=lambda part: bool(UPDATED_LABEL.match(part)))
    for part in parts:
        part = part.rstrip(" .:")
        m = _YEARLESS.fullmatch(part) if _may_be_yearless(part) else None
        if m and m.group("month"):
            month, day = _ENGLISH_MONTHS.index(m.group("month")[:3].casefold()) + 1, int(m.group("day"))
        elif m and m.group("cmonth"):
            month, day = int(m.group("cmonth")), int(m.group("cday"))
        elif m and m.group("lmonth").casefold() in _MONTH_NUMBER:
            month, day = _MONTH_NUMBER[m.group("lmonth").casefold()], int(m.group("lday"))
        else:
            continue
        if 1 <= month <= 12 and 1 <= day <= 31:
            return month, day
    return None


# What `_worth_reading` and `_relative_phrase` drop or strip around a line's last words: every
# space `str.split` knows (none is above U+3000), and the " .:," after "yesterday".
_END_PUNCTUATION = ".:,"
_END_MARKS = _END_PUNCTUATION + "".join(filter(str.isspace, map(chr, range(0x3001))))


def _end_letters(text: str) -> str | None:
    """The last `RELATIVE_KEY_CHARS` characters of a line that are no end marks, case-folded
    ("Gestern, …" → "tern"); None when its end is too thick with marks to tell cheaply."""
    end = text.rstrip(_END_MARKS)
    letters = end[-settings.RELATIVE_KEY_CHARS:]
    if not letters.isalpha():  # marks among them ("an hour ago"): dropped, from a few more
        letters = "".join(end[-settings.RELATIVE_KEY_SPAN:].split())
        for mark in _END_PUNCTUATION:
            letters = letters.replace(mark, "")
        if len(letters) < settings.RELATIVE_KEY_CHARS and len(end) > settings.RELATIVE_KEY_SPAN:
            return None
    return letters[-settings.RELATIVE_KEY_CHARS:].casefold()[-settings.RELATIVE_KEY_CHARS:]


# A line without a digit holds no count, no time and no day number, so only a day word ("gestern",
# "an hour ago") can make it a relative date, and only at its end, where the line's end letters
# then end as the day word's do (a day word may be shorter than the key: its length is kept too).
_DAY_WORD_KEYS = frozenset(map(_end_letters, _DAY_WORDS))
_DAY_WORD_KEY_SIZES = tuple(sorted({len(key) for key in _DAY_WORD_KEYS}, reverse=True))
# every key's last few letters (as many as the shortest key has): one look-up turns most lines away
_SHORTEST_KEY = _DAY_WORD_KEY_SIZES[-1]
_DAY_WORD_KEY_ENDS = frozenset(key[-_SHORTEST_KEY:] for key in _DAY_WORD_KEYS)


def _may_be_relative(text: str) -> bool:
    """False only for a line that `is_relative_date_full` rejects: no digit of any script, and no
    day word's end at its own (a C search and a set look-up, where most lines of a page end)."""
    if len(text) > settings.RELATIVE_DATE_MAX_CHARS and _too_long_to_read(text):
        return False
    if _DIGIT.search(text):
        return _may_be_relative_with_digits(text)
    last = text.rstrip(_END_MARKS)[-_SHORTEST_KEY:]
    if last.isalpha() and last.casefold()[-_SHORTEST_KEY:] not in _DAY_WORD_KEY_ENDS:
        return False  # letters, so no marks among them: the end `_end_letters` reads, without its work
    return _ends_as_a_day_word(text)


def _too_long_to_read(text: str) -> bool:
    """True for a line `_worth_reading` turns away by its length: longer than it reads, or longer
    than a relative date once on one line (`casefold` never makes a text shorter)."""
    return len(text) > 2 * settings.RELATIVE_DATE_MAX_CHARS or len(" ".join(text.split())) > settings.RELATIVE_DATE_MAX_CHARS


def _ends_as_a_day_word(text: str) -> bool:
    """Whether a line's end letters (`_end_letters`) end as a day word's do."""
    letters = _end_letters(text)
    if letters is None:
        return True
    for size in _DAY_WORD_KEY_SIZES:
        if letters[-size:] in _DAY_WORD_KEYS:
            return True
    return False


def _may_be_relative_with_digits(text: str) -> bool:
    """False only for a line with digits that `is_relative_date_full` rejects: no time of day, one
    part, and it ends in letters (a space after them at most) that end no phrase of the table and
    no day without its year ("Karnataka Bypolls 2019 Live"). Those letters are then the very end
    of the shape `_relative_phrase` looks phrases up in, and of the part `_yearless` reads. Or it
    ends in a character neither strips that no phrase and no day ends with (`_ends_as_nothing_reads`)."""
    end = text.rstrip()
    letters = end[-settings.RELATIVE_KEY_CHARS:]
    if ";" in text or "|" in text or _CLOCK.search(text):
        return True
    if not letters.isalpha():
        return not _ends_as_nothing_reads(text)
    letters = letters.casefold()
    for size in _PHRASE_END_SIZES:
        if letters[-size:] in _PHRASE_ENDS:
            return True
    for size in _YEARLESS_END_SIZES:
        if letters[-size:] in _YEARLESS_ENDS:
            return True
    return False


# A line ending in a number (not a day's, after a space) is no relative date when no day without
# its year ends in a digit and each phrase ending in its number ("לפני יום #") has a word before
# it, which the line does not hold (`_may_be_relative_with_digits`)
_NUMBER_PHRASE_ENDS = [end[:-1].split() for end in _PHRASE_ENDS if end.endswith("#")]
_NUMBER_PHRASE_WORDS = tuple(sorted({words[-1] for words in _NUMBER_PHRASE_ENDS if words}))
_NUMBER_ENDS_NOTHING = all(_NUMBER_PHRASE_ENDS) and not any(end[-1:].isdecimal() for end in _YEARLESS_ENDS)


# what the phrases of the table and the days without their year end with (casefolded)
_LAST_CHARS_READ = frozenset(end[-1] for end in _PHRASE_ENDS | _YEARLESS_ENDS)


def _ends_as_nothing_reads(text: str) -> bool:
    """True when a line's last character leaves it no relative date (with no time, one part): one
    `_relative_phrase` and `_yearless` keep at the end of what they read (no white space, no
    ".:,"), casefolded the last of what no phrase and no day ends with (")", "?", "»"); or a
    number that is no day after a space ("Election 2020", "Vol.7"), on a line holding no word a
    phrase ending in its number has before it: the shape then ends in "#", which no other
    phrase does, and the part in a digit, which no day without its year does."""
    last = text[-1:]
    if not last or last.isspace() or last in _END_PUNCTUATION or last == "#":
        return False
    if last.isdecimal():
        return (_NUMBER_ENDS_NOTHING and not _ends_in_day_number(text)
                and not (_NUMBER_PHRASE_WORDS and holds_any(text.casefold(), _NUMBER_PHRASE_WORDS)))
    folded = last.casefold()
    return folded[-1] not in _LAST_CHARS_READ and folded[-1] not in _END_MARKS and not any(map(str.isdecimal, folded))


def _ends_in_day_number(text: str) -> bool:
    """What `_may_be_yearless` lets through by its end: one or two digits after a white space."""
    return (text[-2:-1].isspace() and text[-1:].isdecimal()) or (text[-3:-2].isspace() and text[-2:].isdecimal())


# The first checks of `find_dates`, `is_relative_date` and `DATE_LABEL`, asked of a page's lines at
# once (`page_scan`). A line without a digit may be a relative date (`_may_be_relative`) only when,
# read backwards from its end past the end marks: its last character is a letter (not ASCII), or one
# a day word's key ends with (an ASCII one in either case; no other character casefolds into one:
# tests/test_fast_detectors.py), or an end mark stands among its last four characters (where
# `_end_letters` may give up); and its last four characters are no four ASCII letters, or end (in
# either case: ASCII letters `casefold` as `lower` does) as a day word's key does, while its last
# two are no two ASCII letters, or are a key's last two.
_ASCII_KEYS = [key for key in _DAY_WORD_KEYS if re.fullmatch("[a-z]+", key)]
_KEY_LAST = "".join(sorted({key[-1] for key in _DAY_WORD_KEYS}))
_MARK_CLASS = "[" + re.escape(_END_MARKS.replace("\n", "")) + "]"
_PAGE_DAY_WORD_END = re.compile(to_line_end(
    r"\n" + _MARK_CLASS + r"*+(?=[" + re.escape(_KEY_LAST + _KEY_LAST.upper()) + r"]|(?![\x00-\x7f])[^\W\d_]|"
    + "(?:(?!" + _MARK_CLASS + r")[^\n]){1,3}" + _MARK_CLASS + r")"
    + r"(?:(?![a-zA-Z]{" + str(settings.RELATIVE_KEY_CHARS) + r"})(?:(?![a-zA-Z]{" + str(_SHORTEST_KEY) + r"})|"
    + either_case(end[::-1] for end in _DAY_WORD_KEY_ENDS if re.fullmatch("[a-z]+", end)) + ")|"
    + either_case(key[::-1] for key in _ASCII_KEYS) + ")"))
_PAGE_DATE_LABEL = re.compile(to_line_end(r"\n(?=" + first_letters(_LABEL_WORDS) + ")(?:" + _LABEL_WORDS + r")\b"), re.I)
_PAGE_DIGIT = re.compile(to_line_end(_DIGIT.pattern))


def digit_lines(page: PageLines) -> set[int]:
    """The lines of a page holding a digit (of any script): the only ones that can hold a date."""
    return page.lines_searched(_PAGE_DIGIT)


def relative_date_lines(page: PageLines, digits: set[int]) -> set[int]:
    """The lines of a page (`digits`: those holding a digit) `is_relative_date` may accept."""
    return digits | page.lines_ending(_PAGE_DAY_WORD_END)


def date_label_lines(page: PageLines) -> set[int]:
    """The lines of a page `DATE_LABEL` matches (exactly those)."""
    return page.lines_opening(_PAGE_DATE_LABEL)


@lru_cache(maxsize=settings.RELATIVE_DATE_CACHE_SIZE)
def is_relative_date(text: str) -> bool:
    """True for "1 day ago", "vor 2 Stunden", "3 часа назад", "Posted Nov 19": a time, but no date.

    Remembered per line (a site prints "1 hour ago" on every teaser); the readings below are not:
    a line they read is asked about here once, and `resolve_relative` once a dump."""
    return _may_be_relative(text) and is_relative_date_full(text)


def is_relative_date_full(text: str) -> bool:
    """`is_relative_date` without its first check (the full reading: tests hold the two the same)."""
    text = _worth_reading(text)
    return text is not None and (_relative_phrase(text) is not None or _yearless(text) is not None)


def resolve_relative(text: str, base: str) -> str | None:
    """The day a relative date ("1 day ago", "vor 2 Tagen", "3 дня назад", "Posted Nov 19") means,
    counted back from `base` (an ISO date the dump itself gives: its file name, its history),
    never the clock."""
    try:
        reference = date.fromisoformat(base[:10])
    except ValueError:
        return None
    text = _worth_reading(text)
    relative = None if text is None else _relative_phrase(text)
    if relative is None:
        return None if text is None else _latest_day(_yearless(text), reference)
    unit, count = relative
    if unit == "weekday":
        day = reference - timedelta(days=(reference.weekday() - count) % 7)
    else:
        days, months = _UNIT_STEP[unit]
        try:
            day = reference - timedelta(days=days * count) - relativedelta(months=months * count)
        except (OverflowError, ValueError):
            return None  # "3000 years ago" counts back past year 1: no day a page was published
    return day.isoformat() if _valid(day) else None


def _latest_day(month_day: tuple[int, int] | None, reference: date) -> str | None:
    """The last day with this month and day on or before `reference` ("Nov 19" seen on 2020-01-05: 2019)."""
    if month_day is None:
        return None
    for year in range(reference.year, reference.year - settings.LEAP_YEAR_CYCLE - 1, -1):
        try:
            day = date(year, *month_day)
        except ValueError:
            continue  # February 29 in a common year
        if day <= reference:
            return day.isoformat() if _valid(day) else None
    return None


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
