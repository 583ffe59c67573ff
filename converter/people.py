"""People's names from bylines and credit lines.

`By A, B and C`, `BY JANE DOE ON 11/13/19`, `By Troy L. Smith, Cleveland.com`,
`Isabel Kershner contributed reporting.`: every reader hands such strings
here and gets back a clean list of names (no `By`, no `and`, no outlet, no
handle, no duplicates).
"""
from __future__ import annotations

import re

from . import settings
from .dates import DATE_RE
from .furniture import is_furniture


def short_line(text: str) -> str | None:
    """`text` on one line with white space collapsed, or None when it is too long to be a byline."""
    text = " ".join(text.split())
    return text if len(text) <= settings.NAME_LINE_MAX_CHARS else None


BYLINE = re.compile(
    r"^(?:(?:written|posted|reported|story|text|words|analysis|opinion|review|report)\s+)?"
    r"(?:by|por|di|von|par|door|oleh|от|автор)\s*[:\-]?\s+(?P<names>\S.*)$",
    re.I,
)
# "Text: Jane Doe", "Autor: …", "Текст: …": a labelled byline
LABELLED = re.compile(
    r"^(?:text|texto|testo|words|author|authors|autor|autore|auteur|penulis|reporter|writer|текст|автор)\s*:\s*(?P<names>\S.*)$",
    re.I,
)
# "Monday November 18, 2019 7:45 am PST by Joe Rossignol": a byline after a dateline
BY_AFTER_DATE = re.compile(r"(?:^|\s)by\s+(?P<names>[A-Z][^\d]*)$")
_LEAD_MARKS = re.compile(r"^[/|•·>»—–\-\s]+")
CONTRIBUTED = re.compile(
    r"^(?P<names>.+?)\s+(?:contributed|also contributed)\s+(?:reporting|research|to this (?:report|article|story)).*$",
    re.I,
)
REPORTING_BY = re.compile(
    r"(?:^|[;.(]\s*)(?:additional\s+)?(?:reporting|writing)\s+by\s+(?P<names>[^;.)]+)", re.I
)
# A word each of the two shapes above holds: a line without one is no contribution line,
# told by one search instead of both patterns' (most lines of a page)
_CONTRIBUTION_WORD = re.compile(r"contributed|reporting|writing", re.I)

# Words that show the name part has ended or is no person at all.
_NOT_A_NAME = re.compile(
    r"^(?:the|a|an)?\s*(?:associated press|ap|reuters|afp|pti|ians|staff|staff reports?|"
    r"editors?|editorial( board)?|news desk|wire|agencies|agency|contributors?|guest|admin|"
    r"correspondent|team|newsroom|bloomberg|cnn|bbc|press release)\b",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*&\s*|\s+and\s+|\s+&\s+|\s+e\s+|\s+und\s+|\s+et\s+|\s+y\s+|,|;)\s*")
# "Jonathan GarberFOXBusiness": an outlet glued to the name by the page's layout
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z]{2,}[a-z]*\b)")
_TAIL = re.compile(
    r"\s*(?:\bon\b|\bpubliziert\b|\bveröffentlicht\b|\bpublicado\b|\bpubblicato\b|\bditerbitkan\b|\bat\b|\bupdated\b|\bpublished\b|\bposted\b|\bfor\b|\bin\b|\bfrom\b|—|–|-\s|\(|\bvia\b|@|·|•|\|).*$",
    re.I,
)
_HANDLE = re.compile(r"@\w+")
_NAME = re.compile(r"^[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*){0,4}$")


# "IGN Staff", "Metro Desk": a byline that names a team, not a person
_TEAM = re.compile(r"\b(?:staff|team|desk|editors?|reporters?|newsroom|bureau|redaktion|redação|redazione)$", re.I)
# "Jane DoeStaff Writer", "Jane DoeReporter": a job title the layout glued to the name; a
# capitalised word inside a name ("McDonald") is neither two more words nor a title
_GLUED_TITLE = re.compile(
    r"(?<=[a-z]{2})(?=[A-Z][a-z]+\s+[A-Z][a-z]+$|(?:Staff|Writer|Reporter|Correspondent|Editor|Columnist|"
    r"Contributor|Journalist|Producer|Photographer|Analyst)\b)"
)
# "Fox News’ Jessica Napoli": an outlet's possessive before the name
_OUTLET_POSSESSIVE = re.compile(r"^[^'’]{2,40}['’]s?\s+(?=[A-Z])")
# "Finian Cunningham. Sputnik International": an affiliation after a full stop
_AFFILIATION_AFTER_STOP = re.compile(r"(?<=[a-z]{2})\.\s+\S.*$")


def _tidy(name: str) -> str | None:
    name = _OUTLET_POSSESSIVE.sub("", name.strip())
    name = _AFFILIATION_AFTER_STOP.sub("", name)
    name = _GLUED_TITLE.split(name, maxsplit=1)[0]
    name = _GLUED.split(_HANDLE.sub("", name), maxsplit=1)[0].strip(" .,:;|-–—'\"")
    name = re.sub(r"\s+", " ", name)
    if not name or _NOT_A_NAME.match(name) or _TEAM.search(name) or not _NAME.match(name):
        return None
    words = name.split()
    if len(words) < 2 and not name.isupper():
        # a single word is a name only if the page wrote it as one (e.g. "Regan")
        if not name[0].isupper():
            return None
    if "." in words[-1] and len(words[-1]) > 3 and words[-1].lower().endswith((".com", ".org", ".net", ".co")):
        return None
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() if len(w) > 2 else w.title() for w in words)
    return name


def split_names(text: str) -> list[str]:
    """Names in a list like `A, B and C` (affiliations after a comma dropped)."""
    text = short_line(text)
    if text is None:
        return []
    text = DATE_RE.split(text, maxsplit=1)[0] if DATE_RE.search(text) else text
    text = _TAIL.sub("", text)
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _tidy(part)
        if name and name not in names:
            names.append(name)
    # "Victor Tangermann, Futurism", "Ilana Muhlstein, MS, RDN": one word beside full names
    # is an outlet or a credential
    if any(" " in n for n in names):
        names = [n for n in names if " " in n]
    return names


def names_from_byline(line: str) -> list[str] | None:
    """The names in a `By …` line, or None when the line is no byline.

    An affiliation after a comma ("Troy L. Smith, Cleveland.com") is dropped:
    a part that is no person's name (an outlet, a title) is skipped.
    """
    text = short_line(line)
    if text is None:
        return None
    text = _LEAD_MARKS.sub("", text)  # "// By Jane Doe", "— By Jane Doe"
    m = BYLINE.match(text) or LABELLED.match(text)
    if not m:
        m = BY_AFTER_DATE.search(text) if "by" in text else None  # (its "by" is lower case)
        if not m or not DATE_RE.search(text[: m.start()]):
            return None
    names = split_names(m.group("names"))
    return names or None




def names_from_contribution(line: str) -> list[str] | None:
    """Names in `X contributed reporting` / `Reporting by X; Editing by Y` lines."""
    if _CONTRIBUTION_WORD.search(line) is None:
        return None
    text = short_line(line)
    if text is None:
        return None
    m = CONTRIBUTED.match(text)
    if m:
        names = split_names(m.group("names"))
        return names or None
    found = REPORTING_BY.findall(text)
    if found:
        names: list[str] = []
        for chunk in found:
            names += [n for n in split_names(chunk) if n not in names]
        return names or None
    return None


_AFFILIATION = re.compile(r"\s*(?:,|\||–|—|\s-\s).*$")


def looks_like_name(line: str) -> str | None:
    """The name when a whole line is one person's name ("Ed Cara", "JANIE HAR",
    "Robert Burns, AP Writer"), else None. Only the caller knows whether the
    line's place (next to a dateline) makes it a byline."""
    if not _may_start_a_name(line):
        return None
    text = short_line(line)
    if text is None:
        return None
    text = _AFFILIATION.sub("", text)
    words = text.split()
    if not 2 <= len(words) <= 4 or len(text) > 40:
        return None
    if not all(w[0].isupper() for w in words if w.lower() not in _PARTICLES):
        return None
    if any(w.lower() in _SECTION_WORDS for w in words):
        return None  # "Business News", "Auto News": a section label
    if is_furniture(text):
        return None  # "Sign Up", "Privacy Policy": a page control
    return _tidy(text)


_PARTICLES = {"de", "da", "do", "dos", "van", "von", "der", "la", "le", "di", "del", "bin", "al"}


def _may_start_a_name(line: str) -> bool:
    """Two words or more, the first capitalised or a particle: what `looks_like_name` asks of
    a line's words, told before its clean-up. Cutting an affiliation off the end leaves the
    first word whole whenever two words remain, so no line it would accept fails this."""
    words = line.split(None, 2)
    return len(words) >= 2 and (words[0][0].isupper() or words[0].lower() in _PARTICLES)
# Words of section labels that stand where a byline could ("Business News").
_SECTION_WORDS = {
    "news", "business", "sports", "sport", "world", "politics", "opinion", "health", "science", "tech",
    "technology", "entertainment", "culture", "travel", "lifestyle", "home", "video", "live", "auto",
    "markets", "money", "local", "national", "breaking", "latest", "more", "ideas", "features",
}


# Where a name beside a date, a handle or a site ends: "Dan Goodin - Apr 16",
# "James Akinaka • 8h", "Alex Perry 1 day ago", "Jane Doe@handle".
_NAME_ENDS = re.compile(r"\s*(?:\s[-–—•·|/]\s?|[–—•·|/@<(]|\s\d|,).*$")


def names_in_line(line: str) -> list[str] | None:
    """The people a short line names as its author, whatever its shape.

    `By …` lines go through `names_from_byline`; otherwise the line must
    start with a name (two to four capitalised words) that a date, a
    separator or a handle ends. Whether the line *is* a byline is for the
    caller's model to say: this only reads the names.
    """
    names = names_from_byline(line)
    if names:
        return names
    text = line.strip()
    if len(text) > 120:
        return None
    head = _NAME_ENDS.sub("", text)
    date = DATE_RE.search(text)
    if date and date.start() < len(head):
        return None  # "Published November 20th, 2019": the words before a date's day are no name
    name = looks_like_name(head)
    return [name] if name else None
