"""People's names from bylines and credit lines.

`By A, B and C`, `BY JANE DOE ON 11/13/19`, `By Troy L. Smith, Cleveland.com`,
`Isabel Kershner contributed reporting.`: every reader hands such strings
here and gets back a clean list of names (no `By`, no `and`, no outlet, no
handle, no duplicates).
"""
from __future__ import annotations

import re
import string

from . import settings
from .dates import DATE_RE
from .furniture import is_furniture
from .ignorecase import fold, holds_any, non_ascii
from .page_scan import PageLines, first_letters, to_line_end, within_a_line
from .pattern_words import held_words


def short_line(text: str) -> str | None:
    """`text` on one line with white space collapsed, or None when it is too long to be a byline."""
    if not _collapsed(text):
        text = " ".join(text.split())
    return text if len(text) <= settings.NAME_LINE_MAX_CHARS else None


def _collapsed(text: str) -> bool:
    """True when `" ".join(text.split())` is `text` itself: no white space at its ends, no two
    spaces together, and no other white space (every white space character but the space is
    unprintable: tabs, line breaks, no-break and wide spaces), told in C without a list of words."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


# what opens each byline shape (read from the line's start), before its names
_BY_LEAD_WORDS = "written|posted|reported|story|text|words|analysis|opinion|review|report"
_BY_WORDS = "by|por|di|von|par|door|av|af|przez|oleh|от|автор"
_BYLINE_LABELS = ("text|texto|testo|tekst|words|author|authors|autor|autore|auteur|autorin|penulis|reporter|writer|"
                  "текст|автор")
_BY_OPENING = r"(?:(?:" + _BY_LEAD_WORDS + r")\s+)?(?P<by>" + _BY_WORDS + r")\s*[:\-]?\s+"
_LABELLED_OPENING = r"(?:" + _BYLINE_LABELS + r")\s*:\s*"
_CYRILLIC_P = "[Пп]"
_CYRILLIC_OPENING = _CYRILLIC_P + r"о\s+"
BYLINE = re.compile(r"^" + _BY_OPENING + r"(?P<names>\S.*)$", re.I)
# "По Ивану Петрову": Russian "по" is also "on", "along", "according to" in any sentence;
# it opens a byline only when all that follows is a name of two or three Cyrillic words
BY_CYRILLIC = re.compile(r"^" + _CYRILLIC_OPENING + r"(?P<names>[А-ЯЁ][а-яё\-]+(?:\s+[А-ЯЁ][а-яё\-]+){1,2})$")
# Byline words that are also everyday prepositions ("di solito", "av och till", "par exemple"):
# after them only capitalised names count
_PREPOSITION_BY = {"di", "von", "par", "por", "door", "av", "af", "przez"}
# CJK bylines: "作者：王小明", "記者 山田太郎", "文/李华", "撰文｜张三、李四"; "홍길동 기자" (Korean puts it after).
# Names are two to four Han (or Hangul) characters; editors (责任编辑) are not authors.
_CJK_NAME = r"[\u4e00-\u9fff\u3400-\u4dbf]{2,4}|[\uac00-\ud7af]{2,4}"
_CJK_SEP = r"[:：/／｜︱|]"
CJK_BYLINE = re.compile(
    r"(?:(?:作者|记者|記者|撰文|撰稿|执笔|執筆)\s*(?:" + _CJK_SEP + r"|\s)|^文\s*" + _CJK_SEP + r")\s*"
    r"(?P<names>(?:" + _CJK_NAME + r")(?:[\s、，,]+(?:" + _CJK_NAME + r")){0,3})(?![\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7af:：])"
)
KOREAN_BYLINE = re.compile(r"^(?P<names>[\uac00-\ud7af]{2,4})\s*기자(?:\s|$|[=@(])")
_CJK_NAMES = re.compile(_CJK_NAME)
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uac00-\ud7af]")
# "Text: Jane Doe", "Autor: …", "Текст: …": a labelled byline
LABELLED = re.compile(r"^" + _LABELLED_OPENING + r"(?P<names>\S.*)$", re.I)
# what a CJK byline holds, read off its patterns
_CJK_BYLINE_WORDS = held_words(CJK_BYLINE, KOREAN_BYLINE)  # (both patterns tell case from case)
# "Monday November 18, 2019 7:45 am PST by Joe Rossignol": a byline after a dateline
BY_AFTER_DATE = re.compile(r"(?:^|\s)by\s+(?P<names>[A-Z][^\d]*)$")
_LEAD_MARK_CHARS = "/|•·>»—–-"
_LEAD_MARKS = re.compile(r"^[" + re.escape(_LEAD_MARK_CHARS) + r"\s]+")
CONTRIBUTED = re.compile(
    r"^(?P<names>.+?)\s+(?:contributed|also contributed)\s+(?:reporting|research|to this (?:report|article|story)).*$",
    re.I,
)
REPORTING_BY = re.compile(
    r"(?:^|[;.(]\s*)(?:additional\s+)?(?:reporting|writing)\s+by\s+(?P<names>[^;.)]+)", re.I
)
# The words one of which each of the two shapes above holds ("contributed", "reporting",
# "writing"), read off the patterns: a line without one is no contribution line, told by
# `in` on its fold instead of both patterns' searches (most lines of a page; a paragraph
# too long to be one is turned away by its length first)
_CONTRIBUTION_WORDS = held_words(CONTRIBUTED, REPORTING_BY)

# Words that show the name part has ended or is no person at all.
_NOT_A_NAME = re.compile(
    r"^(?:the|a|an)?\s*(?:associated press|ap|reuters|afp|pti|ians|staff|staff reports?|"
    r"editors?|editorial( board)?|news desk|wire|agencies|agency|contributors?|guest|admin|"
    r"correspondent|team|newsroom|bloomberg|cnn|bbc|press release)\b",
    re.I,
)
# "and" between names: English, Portuguese/Italian, German, French, Spanish, Polish/Catalan,
# Danish/Norwegian, Swedish, Dutch, Russian, Turkish, Hungarian
_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*&\s*|\s+(?:and|e|und|et|y|i|og|och|en|и|ve|és)\s+|\s+&\s+|,|;)\s*")
# "Jonathan GarberFOXBusiness": an outlet glued to the name by the page's layout
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z]{2,}[a-z]*\b)")
_TAIL = re.compile(
    r"\s*(?:\bon\b|\bpubliziert\b|\bveröffentlicht\b|\bpublicado\b|\bpubblicato\b|\bditerbitkan\b|\bat\b|\bupdated\b|\bpublished\b|\bposted\b|\bfor\b|\bin\b|\bfrom\b|—|–|-\s|\(|\bvia\b|@|·|•|\|).*$",
    re.I,
)
_HANDLE = re.compile(r"@\w+")
_NAME = re.compile(r"^[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*){0,4}$")


# "IGN Staff", "Metro Desk": a byline that names a team, not a person
_TEAM_WORDS = ("staff", "team", "desk", "editors", "editor", "reporters", "reporter", "newsroom", "bureau", "redaktion",
               "redação", "redazione")
_TEAM = re.compile(r"\b(?:" + "|".join(_TEAM_WORDS) + r")$", re.I)
_FOLDED_TEAM_WORDS = tuple(map(fold, _TEAM_WORDS))


def _names_a_team(name: str) -> bool:
    """`_TEAM.search(name)`, looked for only when the name's fold ends with a team word
    (`$` also stands before a last line break)."""
    folded = fold(name)
    if not folded.removesuffix("\n").endswith(_FOLDED_TEAM_WORDS):
        return False
    return _TEAM.search(name) is not None
# "Jane DoeStaff Writer", "Jane DoeReporter": a job title the layout glued to the name; a
# capitalised word inside a name ("McDonald") is neither two more words nor a title
_TITLE_WORDS = (r"Staff|Writer|Reporter|Correspondent|Editor|Columnist|Contributor|Journalist|Producer|"
                r"Photographer|Analyst|Senior|Director|Professor|Fellow|Technologist|Officer|Manager|Chief")
_GLUED_TITLE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z]+\s+[A-Z][a-z]+$|(?:" + _TITLE_WORDS + r")\b)")
# "By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, …": after a name, a job title
# opens the affiliation; no name follows it
_JOB_TITLE = re.compile(r"\b(?:" + _TITLE_WORDS + r")\b", re.I)
# "Martin Untersinger (avec Damien Leloup et Morgane Tual)": co-authors in brackets, after "with"
_WITH = re.compile(r"\((?:with|avec|con|mit|com|met|med|z|ze|с)\s+(?P<names>[^()]{3,200})\)", re.I)
# "Fox News’ Jessica Napoli": an outlet's possessive before the name
_OUTLET_POSSESSIVE = re.compile(r"^[^'’]{2,40}['’]s?\s+(?=[A-Z])")
# "Finian Cunningham. Sputnik International": an affiliation after a full stop
_AFFILIATION_AFTER_STOP = re.compile(r"(?<=[a-z]{2})\.\s+\S.*$")


# Where the layout glued a title or an outlet on (`_GLUED_TITLE`, `_GLUED`): a lower-case
# letter, then a capital; a name without one has nothing to split
_CASE_STEP = re.compile(r"[a-z][A-Z]")
_WHITE_SPACE = re.compile(r"\s+")


def _tidy(name: str) -> str | None:
    # each clean-up only where the mark its pattern needs is there ("'", ".", a case step, "@")
    name = name.strip()
    if "'" in name or "’" in name:
        name = _OUTLET_POSSESSIVE.sub("", name)
    if "." in name:
        name = _AFFILIATION_AFTER_STOP.sub("", name)
    case_step = _CASE_STEP.search(name) is not None
    if case_step:
        name = _GLUED_TITLE.split(name, maxsplit=1)[0]  # (what is left is the start: no new case step)
    if "@" in name:
        name = _HANDLE.sub("", name)  # ("jane@xDoe" -> "janeDoe": a case step may appear)
        case_step = _CASE_STEP.search(name) is not None
    if case_step:
        name = _GLUED.split(name, maxsplit=1)[0]
    name = name.strip(" .,:;|-–—'\"")
    if not (name.isprintable() and "  " not in name):  # else no white space but single spaces
        name = _WHITE_SPACE.sub(" ", name)
    if not name or _NOT_A_NAME.match(name) or _names_a_team(name) or not _NAME.match(name):
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


def _before_date(text: str) -> str:
    """What a line holds before its first date ("Jane Doe Nov 19, 2019": "Jane Doe "), all of it
    without one: the text up to where `DATE_RE`'s search finds it, the regex run once (the plain
    `DATE_RE.split`, `_before_date_plain`, searched again for the same first match)."""
    found = DATE_RE.search(text)
    return text if found is None else text[: found.start()]


def _before_date_plain(text: str) -> str:
    """`_before_date` as a split at the first date (tests/test_fast_assembly.py holds the two the same)."""
    return DATE_RE.split(text, maxsplit=1)[0] if DATE_RE.search(text) else text


def split_names(text: str) -> list[str]:
    """Names in a list like `A, B and C` (affiliations after a comma dropped)."""
    text = short_line(text)
    if text is None:
        return []
    text = _before_date(text)
    with_names = _WITH.search(text)
    parts = _SPLIT.split(_TAIL.sub("", text[: with_names.start()] if with_names else text))
    names: list[str] = []
    for part in parts + (_SPLIT.split(with_names.group("names")) if with_names else []):
        if names and _JOB_TITLE.search(part):
            break
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
    if text[:1] in _LEAD_MARK_CHARS:  # (`short_line` left no white space at the start)
        text = _LEAD_MARKS.sub("", text)  # "// By Jane Doe", "— By Jane Doe"
    return _names_of_byline(text) if _may_be_byline(text) else None


def _may_be_byline(text: str) -> bool:
    """What `_names_of_byline` needs of a line: a word a CJK byline holds ("作者", "기자"), a
    lower-case "by" after the start or a space (the only white space `short_line` leaves), or
    one of the three shapes anchored at the start (each fails at a line's first letters).
    Most lines have none, and skip the searches of the whole line."""
    return ((not text.isascii() and holds_any(text, _CJK_BYLINE_WORDS))
            or text.startswith("by ") or " by " in text
            or (BYLINE.match(text) or LABELLED.match(text) or BY_CYRILLIC.match(text)) is not None)


# A page's lines `_may_be_byline` may pass, found in one scan of the page (`page_scan`): a "by"
# before white space, or a line opening (after white space and lead marks) as one of the three
# anchored shapes does. `short_line` only makes each run of white space one space, and the lead
# marks' cut only drops what this skips too: a line `_may_be_byline` passes is found here.
_LOWER_BY = re.compile(to_line_end(r"by[^\S\n]"))
_PAGE_BYLINE_OPENING = re.compile(to_line_end(
    r"\n(?:[" + re.escape(_LEAD_MARK_CHARS) + r"]|[^\S\n])*+"
    r"(?=(?i:" + first_letters("|".join((_BY_LEAD_WORDS, _BY_WORDS, _BYLINE_LABELS))) + ")|" + _CYRILLIC_P + ")"
    r"(?:(?i:" + within_a_line(_BY_OPENING) + ")|(?i:"
    + within_a_line(_LABELLED_OPENING) + ")|" + within_a_line(_CYRILLIC_OPENING) + ")"))


def byline_lines(page: PageLines) -> set[int]:
    """The lines of a page `names_from_byline` may find names in (every line it finds some in)."""
    found = page.lines_searched(_LOWER_BY) | page.lines_opening(_PAGE_BYLINE_OPENING)
    if not page.joined.isascii() and _CJK_CHAR.search(non_ascii(page.joined)):  # (what each CJK word is made of)
        found |= page.lines_holding(_CJK_BYLINE_WORDS)
    return found


def _names_of_byline(text: str) -> list[str] | None:
    """`names_from_byline` of a line on one line, its lead marks cut off: every shape tried."""
    cjk = _CJK_CHAR.search(text) and (CJK_BYLINE.search(text) or KOREAN_BYLINE.match(text))
    if cjk:
        return _CJK_NAMES.findall(cjk.group("names"))
    m = BYLINE.match(text) or LABELLED.match(text) or BY_CYRILLIC.match(text)
    if not m:
        m = BY_AFTER_DATE.search(text) if "by" in text else None  # (its "by" is lower case)
        if not m or not DATE_RE.search(text[: m.start()]):
            return None
    names = split_names(m.group("names"))
    if m.re is BYLINE and m.group("by").casefold() in _PREPOSITION_BY:
        names = [n for n in names if all(w[0].isupper() for w in n.split() if w.lower() not in _PARTICLES)]
    return names or None


def names_from_contribution(line: str) -> list[str] | None:
    """Names in `X contributed reporting` / `Reporting by X; Editing by Y` lines."""
    text = short_line(line)
    if text is None or not holds_any(fold(text), _CONTRIBUTION_WORDS):
        return None
    return _names_of_contribution(text)


def contribution_lines(page: PageLines) -> set[int]:
    """The lines of a page `names_from_contribution` may find names in: those holding one of its words
    (none holds white space, so a line holds one just as its `short_line` does)."""
    return page.lines_holding(_CONTRIBUTION_WORDS, page.folded)


def _names_of_contribution(text: str) -> list[str] | None:
    """`names_from_contribution` of a line on one line: both shapes tried."""
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
    return _name_of_line(line) if _may_start_a_name(line) else None


def _name_of_line(line: str) -> str | None:
    """`looks_like_name` with every step taken, whatever the line's first words."""
    text = short_line(line)
    if text is None:
        return None
    if _AFFILIATION_MARK.search(text):  # (what every `_AFFILIATION` match holds)
        text = _AFFILIATION.sub("", text)
    words = text.split()
    if not 2 <= len(words) <= 4 or len(text) > 40:
        return None
    if not all(map(_capital_or_particle, words)):  # (a capitalised word is never lowered)
        return None
    if not _SECTION_WORDS.isdisjoint(map(str.lower, words)):
        return None  # "Business News", "Auto News": a section label
    if is_furniture(text):
        return None  # "Sign Up", "Privacy Policy": a page control
    return _tidy(text)


_PARTICLES = {"de", "da", "do", "dos", "van", "von", "der", "la", "le", "di", "del", "bin", "al"}


# the first letters of the particles, as `str.lower` of a word's first letter starts
_PARTICLE_INITIALS = frozenset(p[0] for p in _PARTICLES)
# a character `_AFFILIATION` may cut a name off at (its " - " holds a "-")
_AFFILIATION_MARK = re.compile(r"[,|–—-]")


def _may_start_a_name(line: str) -> bool:
    """What `looks_like_name` asks of a line's words, told before its clean-up: two to four
    words, each capitalised or a particle. The clean-up cuts an affiliation off at a comma,
    bar, dash or " - ", never before the first of those marks: every word before it stays a
    word of the name (the last may go on past a hyphen, "Jean-Paul", or lose its end, "Doe,"
    or "de,": only its first letter is sure), and with no mark the name is the whole line.
    So no line `looks_like_name` would accept fails this."""
    mark = _AFFILIATION_MARK.search(line)
    words = (line[: mark.start()] if mark else line).split(None, 4)
    if len(words) > 4 or (not mark and len(words) < 2) or not all(map(_capital_or_particle, words[:-1])):
        return False
    if words and not (words[-1][0].isupper() or words[-1][0].lower()[:1] in _PARTICLE_INITIALS):
        return False
    # the name's second word: the first word after the mark when the line starts with one
    following = line.split(None, 2)
    return len(following) >= 2 and _capital_or_particle(following[0]) and (
        following[1][0].isupper() or following[1][0].lower()[:1] in _PARTICLE_INITIALS)


# `_may_start_a_name` asked of a page's lines at once (`page_scan`), read after a "\n". A word
# starting with a lower-case ASCII letter no particle starts with is neither capitalised nor a
# particle; so the none to four words before the line's first affiliation mark start otherwise
# (or, with no mark, the two to four words of the whole line).
_NO_NAME_START = "".join(sorted(set(string.ascii_lowercase) - _PARTICLE_INITIALS))
_MARKS = _AFFILIATION_MARK.pattern[1:-1]  # (the class's characters)
_NAME_WORD = r"[^\s" + _NO_NAME_START + _MARKS + r"][^\s" + _MARKS + r"]*+"
# And the line's first two words (what `_may_start_a_name` reads last) start with a capital or a
# particle's first letter: an ASCII one is then a capital or a particle's initial (in either
# case); any other character is let through. A line opening with digits or marks ("2019 NFL
# Playoff Picture", "(+1)", "Art & Design") ends here, in the lookahead.
_MAY_OPEN_NAME_WORD = r"(?:[A-Z" + "".join(sorted(_PARTICLE_INITIALS)) + r"]|[^\x00-\x7f])"
# The words are read once, then a mark or the line's end must follow: one to four of them and the
# end is two to four, as the lookahead has a second word follow the first on the line (and a first
# word cut short by a mark is followed by that mark). tests/test_fast_detectors.py holds the lines
# it finds to those of the two readings, a mark after none to four words or two to four to the end.
_PAGE_NAME_WORDS = re.compile(to_line_end(
    r"\n[^\S\n]*+(?=" + _MAY_OPEN_NAME_WORD + r"\S*+[^\S\n]++" + _MAY_OPEN_NAME_WORD + r")"
    r"(?:" + _NAME_WORD + r"(?:[^\S\n]++" + _NAME_WORD + r"){0,3}+[^\S\n]*+)?(?:[" + _MARKS + r"]|(?![^\n]))"))


def name_lines(page: PageLines) -> set[int]:
    """The lines of a page `looks_like_name` may find a name in (every line it finds one in)."""
    return page.lines_opening(_PAGE_NAME_WORDS)


def _capital_or_particle(word: str) -> bool:
    return word[0].isupper() or word.lower() in _PARTICLES


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
    start with a name (`names_opening`). Whether the line *is* a byline is
    for the caller's model to say: this only reads the names.
    """
    return names_from_byline(line) or names_opening(line)


def names_opening(line: str) -> list[str] | None:
    """The people a line opens with: a name (two to four capitalised words) that a date, a
    separator or a handle ends ("Dan Goodin - Apr 16"), and those it adds "with" after it.

    The name is read before the line's dates are looked for: most lines open with no
    name, and the search for a date is the dearer check (either failing gives None)."""
    text = line.strip()
    if len(text) > 120:
        return None
    head = _NAME_ENDS.sub("", text)
    name = looks_like_name(head)
    if not name:
        return None
    date = DATE_RE.search(text)
    if date and date.start() < len(head):
        return None  # "Published November 20th, 2019": the words before a date's day are no name
    with_names = _WITH.search(text)
    return [name] + [n for n in (split_names(with_names.group("names")) if with_names else []) if n != name]
