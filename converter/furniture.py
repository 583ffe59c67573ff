"""Page furniture: the words a news page shows around an article, in one place.

Every reader asks this module whether a line (or an HTML block's text) is
furniture; no reader keeps patterns of its own. The patterns are general
phrases that many outlets share, not rules for one site.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from . import settings
from .ignorecase import fewest_words, fold, holds_any
from .page_scan import PageLines, by_first_letter, first_letters, to_line_end
from .pattern_words import QuickTest
from .text_shape import SENTENCE_END, count_words

_SOCIAL = (
    r"facebook|twitter|x|email|e-mail|mail|print|whatsapp|linkedin|pinterest|reddit|"
    r"flipboard|telegram|messenger|copy link|copy|link|comments?|share|tweet|sms|"
    r"tumblr|pocket|instagram|youtube|rss|vk|line|threads|bluesky|mastodon"
)

# Whole lines that are furniture wherever they stand (matched case-insensitively,
# after trimming white space, bullets and trailing punctuation).
_LINE_PATTERNS = [
    r"advertisement|advertising|ad|ads|sponsored( content)?|skip advertisement|"
    r"(story|article) continues below( advertisement)?|advertisement[\s\-–—:]+.*continues below.*|"
    r"continue reading( the main story| below)?|continue reading .{0,40}",
    r"supported by|share full article|read in app|site index|site information navigation|"
    r"skip to (main )?(content|navigation|search)|back to top|go to top|jump to",
    r"listen to (this )?(article|story|podcast).{0,30}|"
    r"\d+\s*min(ute)?s? (read|listen)|reading time.{0,20}",
    r"(share|follow)( (this|the))?( (article|story|page|post))?( (on|via|with))?"
    r"( (" + _SOCIAL + r"))*|(" + _SOCIAL + r")( (" + _SOCIAL + r"))*",
    r"(sign up|subscribe|register)\b.{0,80}(newsletter|updates|alerts|inbox|free|today|now)\b.*|"
    r".{0,60}\bnewsletters?\b.{0,60}(sign up|subscribe).*",
    r"(subscribe|sign in|log ?in|log ?out|sign up|register|my account|menu|search|close|open|"
    r"expand|collapse|toggle navigation|navigation|home|more|less|next|previous|prev|"
    r"show more|load more|see more|read more|view more|more stories|top stories|most popular|"
    r"most read|trending( now)?|related( (articles?|stories|content|coverage|news|topics))?|"
    r"recommended( for you)?|you may also like|you might also like|more from .{1,40}|"
    r"latest( (news|stories))?|popular|featured|editor'?s picks|"
    r"watch( (live|now|video))?|video|photos?|gallery|play|pause|replay|mute|unmute|"
    r"accept( all)?( cookies)?|reject( all)?|agree|i agree|got it|ok|okay|dismiss|no,? thanks|"
    r"cookie (settings|preferences|policy)|privacy policy|terms of (use|service)|"
    r"contact us|about us|careers|help|faq|sitemap|site map|rss feeds?|ad choices|"
    r"all rights reserved.*|copyright.{0,120}|©.*|\(c\) \d{4}.{0,120}|"
    r"tags?:?|topics?:?|filed under:?|categories:?|comments?( \(\d+\))?|"
    r"\d+ comments?|leave a (comment|reply)|post a comment|add comment|"
    r"(image|photo|video) \d+ (of|/) \d+|\d+ ?/ ?\d+|enlarge (this )?image|"
    r"click (here )?to (enlarge|expand|play).*|hide caption|toggle caption|"
    r"(opens|open) in (a )?new (window|tab)|external link|these are external links.{0,60}|"
    r"share (this )?with .{1,30}|share all sharing options.{0,200}|read more about sharing|close share panel|"
    r"(print|email|share) (this )?(article|story|it with friends)|copy this link|"
    r"enlarge( this)? image|back to gallery|image \d+ of( /)? \d+|\d+ ?of ?\d+|caption|"
    r"media playback is unsupported on your device|continue reading below|shares?|"
    r"(new, )?\d+ (comments?|shares?|views?)|no comments?|nessun commento|sem comentários|"
    r"keine kommentare|sin comentarios|aucun commentaire|"
    r"(download|get) (the|our) .{0,30}app.*|"
    r"we use cookies.*|this (site|website) uses cookies.*|by (using|continuing).{0,80}cookies.*)",
]

FURNITURE_LINE = re.compile(r"^(?:" + "|".join(_LINE_PATTERNS) + r")$", re.I)

# A heading that opens a box of other links ("Related", "Most read"). Such a
# box usually follows the article, but some pages set one inside it.
RELATED_BOX = re.compile(
    r"^(related( (articles?|stories|content|coverage|posts?|news|topics))?|more (stories|on this|from|in)\b.{0,40}|"
    r"you (may|might) also like|recommended( for you)?|read (more|next|also)|what to read next|see also|"
    r"most (popular|read|viewed|shared)|trending( now)?|top stories|latest (news|stories)|"
    r"share this (article|story|post)|"
    r"(sign up|subscribe)\b.{0,60}newsletter.*)$",
    re.I,
)
# A line after which a page shows no more of the article: comments, tags,
# the author's box, the copyright footer (with its year: "© Jane Doe/Agency"
# with none is a photo's credit, and the article goes on below it).
ARTICLE_END = re.compile(
    r"^(comments?( \(\d+\))?|\d+ comments?|(top rated|reader|readers'?|user|latest|all|show|view) comments|"
    r"leave a (comment|reply)|post a comment|join the (conversation|discussion)|"
    r"about the author|tags?:?|topics?:?|filed under:?|"
    r"©.{0,200}\b(?:1[89]|20)\d\d\b.{0,200}|copyright\b.{0,120}|.{0,120}all rights reserved.{0,120})$",
    re.I,
)

_MAY_BE_FURNITURE = QuickTest(FURNITURE_LINE).may_match
_MAY_END_ARTICLE = QuickTest(ARTICLE_END).may_match
_MAY_OPEN_RELATED_BOX = QuickTest(RELATED_BOX).may_match
_MAY_BE_ANY = QuickTest(FURNITURE_LINE, ARTICLE_END, RELATED_BOX).may_match  # most lines: told by this one

# bullets, arrows and bars a line may start or end with, besides white space
_LEAD_MARKS = "•·|>»›▸▶►◆■□●○*-–—_:["
_TRAIL_MARKS = "•·|»›▸▶►◆■□●○*:]"
_TRIM_LEAD = re.compile(r"^[\s" + re.escape(_LEAD_MARKS) + "]+")
# Matched at the start of the reversed line: a `[…]+$` search retries from every
# character of a long run that does not end the line (quadratic: 32 KB of
# "* * … x" took 30 s).
_TRIM_TRAIL_REVERSED = re.compile(r"^[\s" + re.escape(_TRAIL_MARKS) + "]+")


# Photo agencies, each spelling in full, longer before shorter where one starts another (the
# order a regular expression tries them in): the credit patterns and their quick tests are made of it
_AGENCIES = (
    "getty images", "getty", "shutterstock", "istockphoto", "istock", "alamy", "ap photo", "the associated press",
    "associated press", "afp", "reuters", "epa-efe", "epa", "pa wire", "pa images", "press association", "ansa",
    "dpa", "xinhua", "anadolu", "nurphoto", "zuma press", "zuma", "imago", "sipa", "stock photo",
)
_AGENCY = "(?:" + "|".join(map(re.escape, _AGENCIES)) + ")"
_FOLDED_AGENCIES = tuple(map(fold, _AGENCIES))
_AGENCY_WORDS = fewest_words(_AGENCIES)
# the words that open a labelled credit ("Photo: AP", "Image copyright Getty Images")
_IMAGE_COPYRIGHT = "image copyright"
_CREDIT_LABELS = (_IMAGE_COPYRIGHT, "image caption", "photo credit", "credit", "photograph", "photo", "image",
                  "picture", "foto", "bild", "crédito", "фото")
_CREDIT_LABEL_WORDS = fewest_words(_CREDIT_LABELS)
# what follows a label ("Photo: …", "Credit…", "Image copyright …"): a mark, or (folded) a word
_LABEL_MARKS, _FOLDED_LABEL_MARK = (":", "…", "..."), "copyright"
# a bracketed credit names a photo, a copyright or an agency: "(AP Photo/Evan Vucci)", "(© Jane Doe)"
_PHOTO, _COPYRIGHT_SIGN = "photo", "©"
_BRACKETED_CREDIT_WORDS = fewest_words((_PHOTO, _COPYRIGHT_SIGN, *_AGENCIES))
# a caption ending "David McNew—Getty Images", "Jane Doe / AFP": the photographer, then the agency
# (looked for in the caption's last characters only: a search of the whole line is tried at
# every capital letter)
_CREDIT_MARK = re.compile(r"[—–|/]")
_PHOTOGRAPHER_AGENCY = re.compile(
    r"(?<![^\W\d_])(?P<credit>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’.\-]+){0,3}\s?" + _CREDIT_MARK.pattern + r"\s?(?i:" + _AGENCY + r"))$"
)


def _credit_mark_near_end(text: str, folded: str | None = None) -> bool:
    """What a "Photographer—Agency" credit needs: a dash, bar or slash in the caption's last
    characters, and an agency ending the line."""
    return (_CREDIT_MARK.search(text[-settings.CREDIT_TAIL_CHARS:]) is not None
            and (fold(text) if folded is None else folded).endswith(_FOLDED_AGENCIES))


def _has_label_mark(text: str, folded: str | None = None) -> bool:
    """What a labelled credit needs ("Photo: AP", "Credit…"): a label word, then …, ..., : or copyright."""
    folded = fold(text) if folded is None else folded
    return (holds_any(text, _LABEL_MARKS) or _FOLDED_LABEL_MARK in folded) and holds_any(folded, _CREDIT_LABEL_WORDS)


def _opens_with_image_copyright(text: str, folded: str | None = None) -> bool:
    return (fold(text) if folded is None else folded).startswith(_IMAGE_COPYRIGHT)


def _ends_in_bracketed_credit_word(text: str, folded: str | None = None) -> bool:
    """What "(AP Photo/Evan Vucci)" needs: a closing bracket ending the line, a photo, © or an agency."""
    return text.endswith(")") and holds_any(fold(text) if folded is None else folded, _BRACKETED_CREDIT_WORDS)


def _ends_in_bracketed_slash(text: str, folded: str | None = None) -> bool:
    """What "(Jane Doe/Staff)" needs: a closing bracket ending the line (`\\)$` on a stripped line:
    no newline for `$` to stand before) and a slash."""
    return text.endswith(")") and "/" in text


def _has_slash_and_agency(text: str, folded: str | None = None) -> bool:
    """What "REUTERS/Brendan McDermid" needs: a slash and an agency."""
    return "/" in text and holds_any(fold(text) if folded is None else folded, _AGENCY_WORDS)


def _agency_line_shape(text: str, folded: str | None = None) -> bool:
    """What "Alex Wong | Getty Images" needs: no sentence stop, and an agency ending the line or
    one before " via …"."""
    if "." in text or "!" in text or "?" in text:
        return False
    folded = fold(text) if folded is None else folded
    return folded.endswith(_FOLDED_AGENCIES) or " via " in folded


# Each credit shape, with a cheap test of something no match of it lacks (None: always
# tried), given the stripped line and its `fold`. A pattern costs a search at every
# character of a line; most lines fail the test in C and skip the search, and a line
# that passes it gets the very same search as before.
_CREDIT_PATTERNS: list[tuple[re.Pattern[str], Callable[..., bool] | None]] = [
    # "…Credit…Pool photo by Kevin Mohatt", "Photo: AP", "Image copyright Getty Images"
    (re.compile(
        r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, _CREDIT_LABELS)) + r")\s*(?:…|\.\.\.|:|copyright\b)\s*"
        r"(?P<credit>[^…]{2,120})$",
        re.I,
    ), _has_label_mark),
    (re.compile(r"^" + _IMAGE_COPYRIGHT + r"\s+(?P<credit>.{2,80})$", re.I), _opens_with_image_copyright),
    # a caption ending "(Photo by Kevin Mazur/Getty Images)" or "(AP Photo/Evan Vucci)"
    (re.compile(r"\((?P<credit>[^()]{0,80}(?:\b" + _PHOTO + r"\b|" + _COPYRIGHT_SIGN + "|" + _AGENCY + r")[^()]{0,80})\)$",
                re.I), _ends_in_bracketed_credit_word),
    (re.compile(r"\((?P<credit>[A-Z][^()/]{1,60}/\s*[A-Z][^()/]{1,60})\)$"), _ends_in_bracketed_slash),
    # a caption ending "REUTERS/Brendan McDermid" or "AP Photo/Evan Vucci"
    (re.compile(r"(?<=[.!?)\s])\s*(?P<credit>" + _AGENCY + r"\s*/\s*[A-Z][\w.\- ]{1,40})$", re.I), _has_slash_and_agency),
    (_PHOTOGRAPHER_AGENCY, _credit_mark_near_end),
    # a short line naming a photo agency: "Alex Wong | Getty Images", "Shutterstock"
    (re.compile(r"^(?!by\s)(?P<credit>[^.!?]{0,60}\b" + _AGENCY + r"(?: via [^.!?]{2,30})?)$", re.I), _agency_line_shape),
]


def photo_credit(line: str) -> str | None:
    """The photo credit a caption line states ("Photo: AP", "(Getty Images)"), or None."""
    text = line.strip()
    if len(text) > settings.CREDIT_MAX_CHARS or not _may_hold_credit(text, fold(text)):
        return None  # most lines: told without the cache or a pattern
    return _credit_of(text)


def _may_hold_credit(text: str, folded: str) -> bool:
    """The credit shapes' quick tests in one: a line passing none of them holds no credit."""
    return (text.endswith(")") or "/" in text or folded.endswith(_FOLDED_AGENCIES) or " via " in folded
            or _has_label_mark(text, folded))


# `_may_hold_credit` asked of a page's lines at once (`page_scan`): a line ending in an agency's
# name (white space after it at most: `photo_credit` strips the line), read backwards from its end
# (`re.I` matches what `fold` makes one); each first letter tried once (`by_first_letter`), not
# each of the 26 names in turn at every line's end, and all of them first in one class
# (`first_letters`), which turns most line ends away at one check
_REVERSED_AGENCIES = by_first_letter(re.escape(name[::-1]) for name in _AGENCIES)
_PAGE_AGENCY_END = re.compile(to_line_end(
    r"\n[^\S\n]*+(?i:(?=" + first_letters("|".join(name[::-1] for name in _AGENCIES)) + ")(?:" + _REVERSED_AGENCIES + "))"))


def credit_lines(page: PageLines) -> set[int]:
    """The lines of a page `photo_credit` may find a credit in (every line it finds one in): a ")" or
    "/" (a stripped line ending in ")" holds one), " via ", an agency ending it, or a label mark and
    a label word. The marks are found with `str.find` (a few lines hold one), not a search for
    their class, which costs a look-up at every character of the page."""
    labelled = page.lines_holding(_LABEL_MARKS) | page.lines_holding((_FOLDED_LABEL_MARK,), page.folded)
    return (page.lines_holding((")", "/")) | page.lines_holding((" via ",), page.folded)
            | page.lines_ending(_PAGE_AGENCY_END) | _lines_folded_holding(page, labelled, _CREDIT_LABEL_WORDS))


def _lines_folded_holding(page: PageLines, lines: set[int], words: tuple[str, ...]) -> set[int]:
    """Those of `lines` whose fold holds one of `words`, each line's fold cut from the page's: a
    few lines looked at, where a scan of the page for each word reads all of it."""
    folded, ends = page.folded, page.ends
    return {k for k in lines if holds_any(folded[ends[k - 1] + 1 if k else 0:ends[k]], words)}


@lru_cache(maxsize=settings.CREDIT_CACHE_SIZE)
def _credit_of(text: str) -> str | None:
    """The credit of a stripped line, every shape tried in turn (each behind its own quick test)."""
    folded = fold(text)
    for pattern, may_match in _CREDIT_PATTERNS:
        if may_match is not None and not may_match(text, folded):
            continue
        # a "Photographer—Agency" credit is looked for in the caption's last characters only:
        # a search of the whole line is tried at every capital letter
        m = pattern.search(text[-settings.CREDIT_TAIL_CHARS:] if pattern is _PHOTOGRAPHER_AGENCY else text)
        if m:
            credit = m.group("credit").strip(" ()©|/").strip()
            if credit:
                return credit
    return None


# A syndication or copyright credit a browser copy glued onto a paragraph, by its shape:
# "© Provided by Business Insider Inc Nintendo/Apple Nintendo and Apple shocked …" (an
# organisation ending in a company word, then perhaps a photo credit "A/B", before the
# text), or "… said on Tuesday. © Reuters" (a short name after the last sentence). A
# sentence that mentions copyright has no such shape; what is left must still be prose.
_COMPANY = r"(?i:inc|llc|ltd|limited|plc|gmbh|ag|corp|corporation|company|group|media|news|press|images|agency)"
_LEADING_CREDIT = re.compile(
    r"^(?:©|\((?i:c)\)|(?i:copyright)\s*©?)\s*(?:\d{4}\s+)?(?i:provided by\s+)?"
    r"(?:[A-Z][\w&'’.\-]*\s+){0,5}?" + _COMPANY + r"\.?(?:\s+[A-Z][\w.\-]*/[A-Z][\w.\-]*)?\s+(?=[A-Z0-9\"“‘'])"
)
_TRAILING_CREDIT = re.compile(r"(?<=[.!?\"”’])\s+©\s*(?:\d{4}\s+)?(?i:provided by\s+)?[A-Z][\w&'’.\-]*(?:\s+[\w&'’.\-]+){0,5}$")


def without_credit(line: str) -> str:
    """The line without a copyright credit glued to its start or end, when the rest is a paragraph."""
    # what `_opens_with_copyright` needs, told without folding: a fold starting "copyright" starts with
    # a character folding to "c", and "(c)" among its first four characters starts at the first or
    # second, so a "(" stands first or second in the line
    if "©" in line or ((line[:1] in _FOLDS_TO_C or _FOLDS_TO_BRACKET in line[:2])
                       and _opens_with_copyright(line[:9].casefold())):
        return _strip_credit(line)
    return line


def _without_credit_plain(line: str) -> str:
    """`without_credit` with no test before the fold (for the fast path's tests)."""
    return _strip_credit(line) if "©" in line or _opens_with_copyright(line[:9].casefold()) else line


#: the only characters whose `casefold` starts with "c", and the only one holding "(" (no character
#: folds to nothing): tests/test_fast_words.py checks every character
_FOLDS_TO_C, _FOLDS_TO_BRACKET = "cC", "("


def _opens_with_copyright(folded_head: str) -> bool:
    """`"(c)" in line.casefold()[:4] or line[:9].casefold().startswith("copyright")`, told from the
    fold of the line's first nine characters alone: `casefold` folds each character on its own,
    into one or more, so that fold starts with the first nine (and four) of the whole line's."""
    return "(c)" in folded_head[:4] or folded_head.startswith("copyright")


def _strip_credit(line: str) -> str:
    """The line with a glued credit cut off, when one is and what is left is a paragraph."""
    rest = _TRAILING_CREDIT.sub("", _LEADING_CREDIT.sub("", line, count=1), count=1)
    if rest == line or not SENTENCE_END.search(rest) or count_words(rest) < settings.PROSE_LINE_WORDS:
        return line
    return rest


def normalise(line: str) -> str:
    """The line as the furniture patterns see it: trimmed of bullets and arrows."""
    text = line.strip()
    if text[:1] not in _LEAD_MARKS and text[-1:] not in _TRAIL_MARKS:
        return text  # most lines: no mark at either end (nor white space, after `strip`)
    return _trimmed(text)


def _trimmed(text: str) -> str:
    """`text` without the marks and white space at its ends."""
    text = _TRIM_LEAD.sub("", text)
    trail = _TRIM_TRAIL_REVERSED.match(text[::-1])
    return (text[: len(text) - trail.end()] if trail else text).strip()


def is_furniture(line: str) -> bool:
    """True when the whole line is page furniture (ads, share bars, menus, legal)."""
    text = normalise(line)
    return not text or (_MAY_BE_FURNITURE(fold(text)) and FURNITURE_LINE.match(text) is not None)


def furniture_and_end(line: str) -> tuple[bool, int]:
    """`is_furniture` and `end_strength` of a line, trimmed once: the text reader asks both of every line.

    Each pattern runs only on a line its `QuickTest` lets through (a line starting as one of
    its phrases does, or holding a word one of them must hold): the same answers, most lines
    told by a few `startswith` and `in` on the line's fold."""
    text = normalise(line)
    if not text:
        return True, 0
    folded = fold(text)
    if not _MAY_BE_ANY(folded):
        return False, 0
    furniture = _MAY_BE_FURNITURE(folded) and FURNITURE_LINE.match(text) is not None
    if _MAY_END_ARTICLE(folded) and ARTICLE_END.match(text):
        return furniture, 2
    return furniture, 1 if _MAY_OPEN_RELATED_BOX(folded) and RELATED_BOX.match(text) else 0


def _is_furniture_text(text: str) -> bool:
    return not text or bool(FURNITURE_LINE.match(text))


def ends_article(line: str) -> bool:
    """True for a heading after which a page usually shows no more of the article."""
    return end_strength(line) > 0


def end_strength(line: str) -> int:
    """2 when nothing after this line is article (comments, tags, copyright);
    1 for a related-links heading, which some pages set inside the article; else 0."""
    return _end_strength_text(normalise(line))


def _end_strength_text(text: str) -> int:
    if ARTICLE_END.match(text):
        return 2
    return 1 if RELATED_BOX.match(text) else 0


# ---------------------------------------------------------------------------
# HTML pages: furniture named by class / id tokens and by tag.
#
# Saved HTML pages label their furniture in markup far more reliably than in
# words: share bars, newsletter boxes, related links and comment threads carry
# class or id tokens such as `share`, `newsletter`, `related`, `comments`.
# These are general tokens many sites share (the readability / jusText
# heuristics use the same idea), never the names one site uses.
# ---------------------------------------------------------------------------

FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu", "dialog"})

_ATTR_TOKEN = re.compile(
    r"(?:^| )(?:share|shares|sharing|sharebar|social|socials|sociallinks|related|relatedlinks|recirc|recirculation|"
    r"newsletter|newsletters|signup|subscribe|subscription|subscriptions|paywall|comment|comments|disqus|"
    r"promo|promos|promotion|ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adunit|dfp|gpt|"
    r"sponsor|sponsored|outbrain|taboola|footer|nav|navbar|navigation|menu|breadcrumb|breadcrumbs|sidebar|"
    r"rail|cookie|cookies|consent|gdpr|popup|modal|overlay|masthead|toolbar|trending|popular|mostread|"
    r"recommended|recommendations|recommend|readmore|morestories|tags|taglist|tagcloud|topics|keywords|"
    r"pagination|pager|print|skip|skiplink|login|signin|search|byline|author|authors|bio|dateline|timestamp|"
    r"meta|widget|widgets|banner|hidden|sronly|srtext|visuallyhidden|screenreader|disclaimer|copyright)(?= |$)"
)
_SPLIT_TOKENS = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def class_tokens(value: str) -> list[str]:
    """`relatedArticles share-bar__item` -> related, articles, share, bar, item (and joined pairs)."""
    words = [w for w in _SPLIT_TOKENS.split(_CAMEL.sub(" ", value).lower()) if w]
    return words + [a + b for a, b in zip(words, words[1:])]


def is_furniture_attr(value: str) -> bool:
    """True when a class/id string names page furniture (`article-share`, `relatedLinks`).

    Wrappers such as `<div class="content has-sidebar">` also match: the HTML
    reader keeps a matching element anyway when it holds most of the prose.
    """
    return bool(_ATTR_TOKEN.search(" ".join(class_tokens(value))))

# Picture furniture: captions, credits and slideshows belong to an image, not
# to the article's running text.
_MEDIA_TOKEN = re.compile(
    r"(?:^| )(?:caption|captions|figcaption|credit|credits|gallery|slideshow|carousel|lightbox|figure|image|img|"
    r"photo|photos|picture|thumbnail|thumb)(?= |$)"
)


def is_media_attr(value: str) -> bool:
    """True when a class/id string names an image, its caption or a slideshow."""
    return bool(_MEDIA_TOKEN.search(" ".join(class_tokens(value))))
