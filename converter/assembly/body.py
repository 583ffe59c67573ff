"""The article's body: which blocks are the article, and what they become.

Where the format gives no structure (a text dump), the body is the run of
lines with the most body weight (each line's words times how sure the line
model is), widened to the paragraphs right next to it, with short lines
between body lines (subheadings, list items) kept. Its lines then become
paragraphs and subheadings; captions, credits and contributor lines are
set aside (`header.take_caption`, `read_tail`).

Where the markup shows which element holds the article (`select_marked`),
that is stronger evidence than the model's reading of a line's shape: the
DOM tells prose from link lists, figures and furniture by the elements
themselves, which a text copy has lost. The blocks of that element (or of
another extractor's choice) are taken between their first and last prose,
through the same detectors of bylines, contributor lines and datelines.
"""
from __future__ import annotations

from ..article import Article, Block
from ..dates import opens_with_time
from ..text_shape import ends_sentence
from .. import settings
from .blocks import PageBlock
from .byline import body_byline, contributor_names, contributors_after
from .features import LIST_ITEM, Line, is_dated
from .header import dateline_date, held_by, is_dateline, is_url_line, take_caption


def is_prose(line: Line) -> bool:
    """A line shaped like a paragraph of running text."""
    return not line.furniture and (line.words >= settings.PROSE_LINE_WORDS or (line.words >= settings.SENTENCE_MIN_WORDS and line.sentence_end))


def is_paragraph(line: Line) -> bool:
    return is_prose(line) and line.sentence_end


def is_list_item(line: Line) -> bool:
    """An item of a numbered or bulleted list, or a table row (cells split by tabs)."""
    return bool(LIST_ITEM.match(line.text)) or line.text.count("\t") >= settings.TABLE_ROW_MIN_TABS


def _best_run(weights: list[float]) -> tuple[int, int]:
    """The [start, end) slice of lines with the largest total prose weight."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def body_span(lines: list[Line]) -> tuple[int, int] | None:
    """[first body line, end) of the run of lines the model reads as the article.

    The model's probabilities are not equally sure on every page: on one
    where no line reaches the threshold, the page's surest lines stand in.
    """
    # how sure the model is of the page's paragraphs (a menu item it likes says nothing of
    # them): on a page unlike all it learned from (a script with no sentence marks), unsure
    top = max((ln.body_p for ln in lines if is_prose(ln)), default=0.0)
    if top >= settings.BODY_THRESHOLD:
        threshold = settings.BODY_THRESHOLD
    elif top > 0:
        threshold = top * settings.BODY_FALLBACK_SHARE
    else:
        return None  # short lines only: nothing reads as an article
    # a furniture line weighs as one word no one thinks is body, however long: leaked markup
    # that looks like a paragraph to the model neither extends the run nor breaks it
    start, end = _best_run([-threshold if ln.furniture else (ln.body_p - threshold) * max(1, ln.words)
                            for ln in lines])
    for line in lines:
        line.in_body = line.body_p >= threshold and not line.furniture
    start, end = _widen_to_paragraphs(lines, start, end)
    _mark_body_between(lines, start, end)
    end = _before_stamped_entries(lines, start, end)
    # a bare address is never the article's first line: the page's own, printed above it
    first = next((i for i in range(start, end) if is_body(lines[i]) and not is_url_line(lines[i].text)), None)
    return None if first is None else (first, end)


def _widen_to_paragraphs(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """The run, with the paragraphs right above and below it that the model was less sure of.

    The first paragraph under a dateline and the last one before a "Related"
    box look least like the rest; a paragraph-shaped line next to the
    article, fairly likely body itself, is part of it.
    """
    def joins(line: Line) -> bool:
        return is_prose(line) and line.sentence_end and line.body_p >= settings.BODY_EDGE_THRESHOLD

    while start > 0 and joins(lines[start - 1]):
        start -= 1
        lines[start].in_body = True
    while end < len(lines) and joins(lines[end]):
        lines[end].in_body = True
        end += 1
    return start, end


def _mark_body_between(lines: list[Line], start: int, end: int) -> None:
    """Subheadings, short lines and code inside the article: body when body stands on both sides."""
    body = [i for i in range(start, end) if lines[i].in_body]
    for before, after in zip(body, body[1:]):
        for i in range(before + 1, after):
            line = lines[i]
            if not line.furniture and not line.end and line.body_p >= settings.BODY_BETWEEN_THRESHOLD:
                line.in_body = True


def _before_stamped_entries(lines: list[Line], start: int, end: int) -> int:
    """The run's end, moved up to where a thread of stamped entries begins under the article.

    Comments (and a live blog's posts) each open with a short line that
    carries a date or a time ago ("Jane · March 10, 2017 at 12:20 AM",
    "2 hours ago") and go on with running text the model reads as body. An
    article has one dateline, at its top: several stamped entries after its
    first paragraph are a thread, and the article ends before the first,
    with the short lines that announce it ("There are 13 comments").
    """
    first = next((i for i in range(start, end) if lines[i].in_body and is_paragraph(lines[i])), None)
    if first is None:
        return end
    cut = _thread_start(lines, first + 1, end)
    if cut is None:
        return end
    while cut > first + 1 and not is_paragraph(lines[cut - 1]):
        cut -= 1
    for line in lines[cut:end]:
        line.in_body = False
    return cut


def _thread_start(lines: list[Line], start: int, end: int) -> int | None:
    """The first stamp in [start, end) that opens a thread: THREAD_MIN_STAMPS stamps or more,
    each within THREAD_GAP_LINES of the one before (the thread may run on past `end`, where
    the model liked its entries less).

    `_thread_start_plain`'s answer (tests/test_fast_assembly.py), read in one
    pass that stops as soon as it is known: at a thread's last needed stamp,
    or past `end` with no chain of stamps still open (the page's comments and
    footer below the article are not all looked at).
    """
    chain_start, previous, count = None, None, 0
    for i in range(start, len(lines)):
        if previous is not None and i - previous > settings.THREAD_GAP_LINES:
            previous = None  # the chain broke off short
        if previous is None and i >= end:
            return None  # no chain open, and none may start past `end`
        if not _opens_entry(lines, i):
            continue
        if previous is None:
            chain_start, count = i, 0
        count, previous = count + 1, i
        if count >= settings.THREAD_MIN_STAMPS:
            return chain_start
    return None


def _thread_start_plain(lines: list[Line], start: int, end: int) -> int | None:
    """`_thread_start` by its definition: every stamp to the page's end, then its chains."""
    stamps = [i for i in range(start, len(lines)) if _opens_entry(lines, i)]
    k = 0
    while k < len(stamps) and stamps[k] < end:
        j = k + 1
        while j < len(stamps) and stamps[j] - stamps[j - 1] <= settings.THREAD_GAP_LINES:
            j += 1
        if j - k >= settings.THREAD_MIN_STAMPS:
            return stamps[k]
        k = j  # a stamp inside this short chain starts no longer one
    return None


def _opens_entry(lines: list[Line], i: int) -> bool:
    """A stamp: a short line with a date or opening with a time of day, with undated running
    text right below it. Not a quote's
    attribution ("— Jane Doe (@jane) May 1, 2020" under an embedded post), nor one of a
    list of dated teasers (each line its own date)."""
    line = lines[i]
    if (line.words > settings.STAMP_MAX_WORDS or is_paragraph(line) or line.text.startswith(ATTRIBUTION_DASHES)
            or not (is_dated(line) or opens_with_time(line.text))):
        return False
    entry = next((ln for ln in lines[i + 1 : i + 1 + settings.STAMP_ENTRY_LINES] if is_prose(ln)), None)
    return entry is not None and not is_dated(entry)


#: what opens a quote's attribution line
ATTRIBUTION_DASHES = ("—", "–", "-", "―")


def is_body(line: Line) -> bool:
    return line.in_body


def _is_promo(line: Line) -> bool:
    """A whole line in capitals inside the body: a teaser link ("WATCH: …"), not prose."""
    return line.words >= settings.PROMO_MIN_WORDS and line.text.isupper() and sum(map(str.isalpha, line.text)) >= settings.PROMO_MIN_LETTERS


def read_body(article: Article, body: list[Line]) -> None:
    """Paragraphs and subheadings; captions, credits, link lists and people set aside."""
    blocks: list[Block] = []
    held = [held_by(line) for line in body]  # each line's (credit, byline, contributors), asked once
    for position, line in enumerate(body):
        text = line.text
        if line.furniture or line.end or _is_promo(line):
            continue
        credit, byline, contribution = held[position]
        contributors = contributor_names(line) if contribution else None
        if contributors:
            article.contributors += [n for n in contributors if n not in article.contributors]
            continue
        if position + 1 < len(body) and body[position + 1].glued_to_previous and held[position + 1][0]:
            continue  # alt text or caption: taken with the credit below (or dropped: the image has one)
        if credit and take_caption(article, line, body[position - 1] if position else None):
            continue
        if byline and body_byline(line, prose=False):
            continue  # (the byline block the ranker picked is already out of the body)
        if _is_subheading(body, position):
            blocks.append(Block("heading", (text,), level=2))
        elif is_body(line) or is_list_item(line) or (is_list_item(body[position - 1]) and is_url_line(text)):
            blocks.append(Block.paragraph(text))
    article.body = blocks


def _is_subheading(body: list[Line], position: int) -> bool:
    """A short line alone between paragraphs, followed by running text."""
    line = body[position]
    if line.words < 2 or line.sentence_end or line.words >= settings.PROSE_LINE_WORDS or is_list_item(line):
        return False
    nxt = body[position + 1] if position + 1 < len(body) else None
    prev = body[position - 1] if position else None
    if nxt is None or not is_prose(nxt):
        return False
    return prev is None or is_prose(prev) or prev.furniture


def read_tail(article: Article, tail: list[Line]) -> None:
    """`X contributed reporting` lines just after the last paragraph."""
    article.contributors += [n for n in contributors_after(tail) if n not in article.contributors]


def select_marked(article: Article, blocks: list[PageBlock], whole: bool = False) -> tuple[list[Block], list[str]]:
    """The article's blocks among those the markup shows hold it, and the byline block's names.

    Contributor lines, the first dateline's date and a caption with its
    credit go into `article` (where it has none yet), as `read_body` does.

    The article runs from its first to its last prose block (`whole`: all of the
    blocks, from first to last, as another extractor chose them as the article:
    link-heavy or not, past a "Related" heading); a short lede or subheading
    right before the first prose belongs to it. The headline again, furniture,
    captions, bylines, contributor lines and datelines are told apart.
    """
    byline: list[str] = []
    contributors = article.contributors
    good_idx = [i for i, b in enumerate(blocks) if b.prose]
    if whole and blocks:
        good_idx = [0, len(blocks) - 1]
    if not good_idx:
        return [], byline
    first, last = good_idx[0], good_idx[-1]
    while first > 0 and _leads_in(blocks[first - 1]):
        first -= 1
    head_key = " ".join(article.headline.casefold().split())
    # a byline above the first paragraph ("By Jane Doe" between the headline and the story)
    byline = next(filter(None, (body_byline(b, b.prose) for b in blocks[:first])), [])
    out: list[Block] = []
    for i in range(first, last + 1):
        b = blocks[i]
        text = b.text.strip()
        if not text or b.in_figure or b.furniture:
            continue
        if b.kind == "heading" and (b.level == 1 or text.casefold() == head_key):
            continue
        if text.casefold() == head_key:
            continue
        if i > first and b.end > 0 and not b.prose and not whole:
            break
        names = contributor_names(b)
        if names:
            contributors += [n for n in names if n not in contributors]
            continue
        names = body_byline(b, b.prose)
        if names:
            byline = byline or names
            continue
        link_list = b.link_chars > settings.LINK_HEAVY_SHARE * len(text) and b.kind != "item"
        if not b.prose and not whole and (link_list or b.teaser):
            continue
        if is_dateline(b, b.prose):
            if article.date is None:
                article.date, article.date_source = dateline_date(text), "dateline"
            continue
        if not b.prose and take_caption(article, b, blocks[i - 1] if i else None):
            continue
        if b.kind == "heading":
            out.append(Block("heading", b.spans, level=min(max(b.level, 2), 4)))
        elif b.kind == "item":
            out.append(Block("item", b.spans, ordered=b.ordered))
        elif b.kind == "quote":
            out.append(Block("quote", b.spans))
        else:
            out.append(Block("paragraph", b.spans))
    # "X contributed reporting" often follows the last paragraph
    contributors += [n for n in contributors_after(blocks[last + 1 :]) if n not in contributors]
    return out, byline


def _leads_in(block: PageBlock) -> bool:
    """A short lede or subheading right before the first prose block: part of the article."""
    link_heavy = block.link_chars > settings.LINK_HEAVY_SHARE * max(1, len(block.text))
    if block.in_figure or block.furniture or link_heavy:
        return False
    if block.kind == "heading":
        return block.level > 1 and block.words >= settings.LEAD_IN_HEADING_MIN_WORDS
    return block.words >= settings.SENTENCE_MIN_WORDS and ends_sentence(block.text)
