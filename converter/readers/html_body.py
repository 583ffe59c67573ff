"""The element of an HTML page that holds the article: its blocks, its lead image.

The page is walked once, without recursion (100k nested tags must not blow
the stack), into a flat list of text blocks, each knowing its ancestors.
Everything else works on that list, as readability and jusText do:

- "good" blocks are prose: long, sentence-shaped, few link words;
- an element marked as furniture (nav/aside/footer tags, class or id tokens
  such as share/related/newsletter, see `converter.furniture`) is dropped
  unless it holds most of the page's prose (then it is a wrapper);
- the article root is the deepest element that holds most of the prose.

The root's blocks go to the assembler (`page_blocks`) with what the markup
said of each; which of them are the article, a byline, a dateline or a
contributor line is the assembler's call (`converter.assembly.body`).

Only text and vetted http(s)/mailto links come out: script, style, iframe,
forms and event handlers have no way into a block.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml.etree import _Element as Tag

from .. import settings
from ..article import Image, Link
from ..assembly.blocks import PageBlock
from ..furniture import FURNITURE_TAGS, is_furniture, is_furniture_attr, is_media_attr
from ..text_shape import CJK, count_words

# Never looked into: code, embedded objects, form controls.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "canvas", "template", "button", "input", "select", "textarea", "option", "label", "head", "title", "meta",
    "link", "base", "audio", "video", "source", "track", "map", "area", "picture", "img",
})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "figure",
    "figcaption", "header", "footer", "nav", "aside", "address", "hr", "center", "form", "fieldset", "body",
    "html", "details", "summary", "menu", "dialog", "hgroup",
})
_GAP_TAGS = BLOCK_TAGS | {"br"}
SAFE_SCHEMES = ("http", "https", "mailto")
_SPACE = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|byline|author", re.I)


@dataclass
class RawBlock:
    """One run of text between block boundaries, with where it stands."""

    kind: str
    spans: list
    ancestors: tuple  # ids of the (tracked) enclosing elements, outermost first
    tag: str
    level: int = 0
    ordered: bool = False
    in_figure: bool = False
    text: str = ""
    link_chars: int = 0
    good: bool = False
    words: int = 0


@dataclass
class Body:
    """What the walk read of the page, for the assembler: the content root's blocks and the markup's hints."""

    inside: list[RawBlock] = field(default_factory=list)  # the blocks of the chosen content root
    page: list[RawBlock] = field(default_factory=list)  # every block of the page, in order
    image: Image = field(default_factory=Image)
    byline_tags: list[Tag] = field(default_factory=list)
    walked: dict[str, RawBlock] = field(default_factory=dict)  # every block of the page, by its text
    marked: set[int] = field(default_factory=set)  # ids of the elements marked as furniture


def layout_parts(tag: Tag, gap_tags, skip: Tag | None = None) -> list[str]:
    """A tree's texts in document order, a space where an element of `gap_tags` opens.

    Comments and processing instructions are not text (what follows them
    is); `skip`'s subtree is left out. Iterative: any depth is fine.
    """
    parts: list[str] = []
    todo: list = [(tag, False)]  # (node, its tail only?), next one last
    while todo:
        node, tail_only = todo.pop()
        if tail_only:
            if node.tail:
                parts.append(node.tail)
            continue
        if node is not skip and isinstance(node.tag, str):
            if node.tag in gap_tags:
                parts.append(" ")
            if node.text:
                parts.append(node.text)
            for child in reversed(node):
                todo.append((child, True))
                todo.append((child, False))
    return parts


def visible_text(tag: Tag, skip: Tag | None = None) -> str:
    """A tag's text as a browser lays it out, on one line (without `skip`'s subtree).

    Inline elements join without a space ("Story Of <em>Metroid</em>, One"
    reads "Metroid, One", not "Metroid , One"); block elements and line
    breaks stand apart.
    """
    return _SPACE.sub(" ", "".join(layout_parts(tag, _GAP_TAGS, skip))).strip()


def safe_link(href, base: str | None) -> str | None:
    """An absolute http(s)/mailto URL, or None for anything else (javascript:, data:, …)."""
    if not isinstance(href, str):
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base or "", href)
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in SAFE_SCHEMES or (scheme != "mailto" and not urlsplit(url).netloc):
        return None
    return url


def _attr_text(tag: Tag) -> str:
    attrs = tag.attrib
    return " ".join(v for v in (attrs.get("class"), attrs.get("id"), attrs.get("role"), attrs.get("itemprop")) if v)


def _is_hidden(tag: Tag) -> bool:
    attrs = tag.attrib
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


@lru_cache(maxsize=settings.CLASSIFY_CACHE_SIZE)
def _classify(attr: str) -> tuple[bool, bool, bool, bool]:
    """(furniture, media, article body, byline) for one class/id/role string; pages repeat them a lot."""
    low = attr.lower()
    flat = low.replace("-", "").replace("_", "")
    body = "articlebody" in flat
    furniture = bool(attr) and not body and is_furniture_attr(attr)
    media = bool(attr) and is_media_attr(attr)
    byline = "byline" in flat or "author" in flat
    return furniture, media, body, byline


def _declares_article_body(tag: Tag) -> bool:
    """schema.org's `itemprop="articleBody"`: the page's own word for where the story is."""
    prop = tag.get("itemprop")
    return isinstance(prop, str) and "articlebody" in prop.lower().split()


def _is_marked_furniture(tag: Tag, furniture: bool) -> bool:
    if tag.tag in FURNITURE_TAGS or tag.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    return furniture


class _Walker:
    """Turns the page into `RawBlock`s in one iterative pass."""

    def __init__(self, base: str | None):
        self.base = base
        self.blocks: list[RawBlock] = []
        self.marked: set[int] = set()  # ids of elements marked as furniture
        self.media: set[int] = set()  # ids of image / caption / slideshow wrappers
        self.bylines: list[Tag] = []  # elements whose class names a byline or author
        self.figures: list[Tag] = []
        self.spans: list = []
        self.stack: list[Tag] = []  # tracked ancestors
        # every tracked element stays referenced: lxml hands out a new Python object (and id)
        # for an element nobody holds, and blocks remember their ancestors by id
        self.tracked: list[Tag] = []

    def flush(self) -> None:
        if not self.spans:
            return
        if all(isinstance(s, str) and s.isspace() for s in self.spans):
            self.spans = []
            return
        spans, self.spans = tidy_spans(self.spans), []
        if not spans:
            return
        container = next((t for t in reversed(self.stack) if t.tag in BLOCK_TAGS), None)
        kind, level, ordered = "paragraph", 0, False
        names = [t.tag for t in self.stack]
        name = container.tag if container is not None else "p"
        if re.fullmatch(r"h[1-6]", name):
            kind, level = "heading", int(name[1])
        elif "li" in names or name in ("dd", "dt"):
            kind = "item"
            lst = next((t for t in reversed(self.stack) if t.tag in ("ol", "ul")), None)
            ordered = lst is not None and lst.tag == "ol"
        elif "blockquote" in names:
            kind = "quote"
        text = "".join(s if isinstance(s, str) else s.text for s in spans)
        block = RawBlock(
            kind, spans, tuple(id(t) for t in self.stack), name, level, ordered,
            in_figure="figure" in names or name == "figcaption", text=text,
            link_chars=sum(len(s.text) for s in spans if isinstance(s, Link)),
        )
        self.blocks.append(block)

    def walk(self, root: Tag) -> None:
        # explicit stack of (tag, its children and texts, tracked?) instead of recursion
        todo: list = [(root, _contents(root), self._enter(root))]
        link_depth = 0
        link_url = None
        link_buf: list[str] = []
        while todo:
            tag, children, tracked = todo[-1]
            child = next(children, None)
            if child is None:
                todo.pop()
                name = tag.tag
                if name == "a" and link_depth:
                    link_depth -= 1
                    if link_depth == 0:
                        self._end_link(link_url, link_buf)
                        link_url, link_buf = None, []
                if name in BLOCK_TAGS:
                    self.flush()
                if tracked:
                    self.stack.pop()
                continue
            if type(child) is str:  # an element's text, or the tail after a child
                if link_depth:
                    link_buf.append(child)
                else:
                    self.spans.append(child)
                continue
            name = child.tag
            if type(name) is not str or name in SKIP_TAGS:  # comments, processing instructions, code
                continue
            if name == "br":
                if link_depth:
                    link_buf.append(" ")
                elif self.spans and isinstance(self.spans[-1], str) and self.spans[-1] == "\n":
                    self.flush()
                else:
                    self.spans.append("\n")
                continue
            if _is_hidden(child):
                continue
            if name in BLOCK_TAGS:
                if link_depth:  # a block inside a link: close the link first
                    self._end_link(link_url, link_buf)
                    link_url, link_buf, link_depth = None, [], 0
                self.flush()
            if name == "figure":
                self.figures.append(child)
            if name == "a" and not link_depth:
                link_depth = 1
                link_url = child.get("href")  # vetted in _span_links, only if kept
                link_buf = []
            elif name == "a":
                link_depth += 1
            todo.append((child, _contents(child), self._enter(child)))

    def _enter(self, tag: Tag) -> bool:
        if len(self.stack) >= settings.MAX_TRACKED_DEPTH or tag.tag not in BLOCK_TAGS:
            if tag.tag == "a" and "author" in (tag.get("rel") or ""):
                self.bylines.append(tag)
            return False
        self.stack.append(tag)
        self.tracked.append(tag)
        furniture, media, body, byline = _classify(_attr_text(tag))
        if _is_marked_furniture(tag, furniture):
            self.marked.add(id(tag))
        if _declares_article_body(tag):
            # the page says where its article is: neither it nor what wraps it is furniture or a
            # picture (WordPress puts `author-NAME tag-X has-post-thumbnail` on the post's <article>)
            wrappers = {id(t) for t in self.stack}
            self.marked -= wrappers
            self.media -= wrappers
        if media:
            self.media.add(id(tag))
        if byline:
            self.bylines.append(tag)
        return True

    def _end_link(self, url: str | None, buf: list[str]) -> None:
        # `url` is the raw href here: `_vetted` resolves and checks it for the blocks kept
        text = _SPACE.sub(" ", "".join(buf))
        if not text.strip():
            return
        self.spans.append(Link(text, url) if url else text)


def _contents(tag: Tag):
    """A tag's children in document order, with its text and each child's tail as strings."""
    if tag.text:
        yield tag.text
    for child in tag:
        yield child
        if child.tail:
            yield child.tail


def tidy_spans(spans: list) -> tuple:
    """Merge strings, collapse white space, trim the ends; drop empty links."""
    out: list = []
    for span in spans:
        if isinstance(span, str):
            text = _SPACE.sub(" ", span)
            if out and isinstance(out[-1], str):
                out[-1] += text
            else:
                out.append(text)
        else:
            out.append(span)
    while out and isinstance(out[0], str) and not out[0].strip():
        out.pop(0)
    while out and isinstance(out[-1], str) and not out[-1].strip():
        out.pop()
    if not out:
        return ()
    if isinstance(out[0], str):
        out[0] = out[0].lstrip()
    if isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
    tidy = []
    for i, span in enumerate(out):
        if isinstance(span, Link):
            text = span.text
            lead = " " if text[:1] == " " and tidy and isinstance(tidy[-1], str) and not tidy[-1].endswith(" ") else ""
            trail = " " if text[-1:] == " " else ""
            if lead:
                tidy[-1] += " "
            tidy.append(Link(text.strip(), span.url))
            if trail:
                tidy.append(" ")
        elif tidy and isinstance(tidy[-1], str):
            tidy[-1] = (tidy[-1] + span).replace("  ", " ")
        else:
            tidy.append(span)
    return tuple(s for s in tidy if (s.text if isinstance(s, Link) else s))


def _is_teaser(block: RawBlock) -> bool:
    """`[Another story's headline](…) Its summary…`: a list entry that links elsewhere."""
    first = block.spans[0] if block.spans else None
    return block.kind == "item" and isinstance(first, Link) and len(first.text) >= settings.TEASER_MIN_LINK_CHARS


def _is_good(block: RawBlock) -> bool:
    """Prose: long enough, sentence-shaped, not mostly links, not furniture."""
    if block.kind == "heading" or block.in_figure or _is_teaser(block):
        return False
    length = len(block.text)
    if block.link_chars > settings.PROSE_MAX_LINK_SHARE * length:
        return False
    if block.words >= settings.PROSE_WORDS and length >= settings.PROSE_MIN_CHARS:
        return not is_furniture(block.text)
    cjk = len(CJK.findall(block.text))
    return cjk >= settings.PROSE_MIN_CJK_CHARS


def _choose_roots(blocks: list[RawBlock]) -> set[int]:
    """The element(s) that hold the article, readability-style.

    Every good block votes for its parent (fully) and grandparents (less);
    the best-voted element is the core. Going up from it, a sibling subtree
    joins when it holds a paragraph container comparable to the core's (a
    body split into several columns), not when its prose is spread over
    many small cards (teasers of other stories).
    """
    score: dict[int, float] = {}
    direct: dict[int, int] = {}
    good_text: dict[int, int] = {}
    chains: dict[int, tuple] = {}
    for b in blocks:
        # the last ancestor is the block's own element (<p>, <li>…): its parent votes
        chain = b.ancestors[:-1]
        if not b.good or not chain:
            continue
        n = len(b.text)
        vote = 1 + b.text.count(",") + min(n / settings.VOTE_CHARS_PER_POINT, settings.VOTE_MAX_LENGTH_POINTS)
        for level, a in enumerate(reversed(chain[-settings.VOTE_ANCESTOR_LEVELS:])):
            divisor = (1 if level == 0 else settings.VOTE_GRANDPARENT_DIVISOR if level == 1
                       else level * settings.VOTE_FARTHER_LEVEL_DIVISOR)
            score[a] = score.get(a, 0.0) + vote / divisor
        direct[chain[-1]] = direct.get(chain[-1], 0) + n
        chains[chain[-1]] = chain
        for a in chain:
            good_text[a] = good_text.get(a, 0) + n
    if not score:
        return set()
    best_inside: dict[int, int] = {}
    for parent, chain in chains.items():
        for a in chain:
            if direct[parent] > best_inside.get(a, 0):
                best_inside[a] = direct[parent]
    core = max(score, key=lambda a: score[a])
    chain = next(c for c in chains.values() if core in c)
    roots = {core}
    position = chain.index(core)
    core_best = best_inside.get(core, 0)
    for depth in range(position - 1, -1, -1):
        parent, current = chain[depth], chain[depth + 1]
        others = good_text.get(parent, 0) - good_text.get(current, 0)
        if others <= 0:
            continue
        groups: dict[int, int] = {}
        for b in blocks:
            if b.good and parent in b.ancestors and current not in b.ancestors:
                i = b.ancestors.index(parent)
                key = b.ancestors[i + 1] if i + 1 < len(b.ancestors) else id(b)
                groups[key] = best_inside.get(key, 0) or len(b.text)
        big = [g for g, best in groups.items() if best >= settings.COLUMN_MIN_SHARE_OF_CORE * core_best]
        if not big:
            break
        roots.update(big)
    return roots


def extract_body(soup_root: Tag, base: str | None) -> Body:
    """The blocks of the element that holds the article (and the lead image, byline elements) of a <body>."""
    walker = _Walker(base)
    walker.walk(soup_root)
    walker.flush()
    blocks = walker.blocks
    for b in blocks:
        b.words = count_words(b.text)
        b.good = _is_good(b)

    # furniture elements go, unless they hold most of the prose (then they are wrappers)
    total = sum(len(b.text) for b in blocks if b.good) or 1
    weight: dict[int, int] = {}
    media_weight: dict[int, int] = {}
    for b in blocks:
        if b.good:
            for a in b.ancestors:
                if a in walker.marked:
                    weight[a] = weight.get(a, 0) + len(b.text)
            for a in b.ancestors:
                if a in walker.media:
                    media_weight[a] = media_weight.get(a, 0) + len(b.text)
    dead = {a for a in walker.marked if weight.get(a, 0) < settings.WRAPPER_SHARE * total}
    walked = blocks
    blocks = [b for b in blocks if not dead.intersection(b.ancestors)]
    # text in an image wrapper is its caption or credit (unless the "wrapper" holds the story)
    pictures = {m for m in walker.media if media_weight.get(m, 0) < settings.WRAPPER_SHARE * total}
    for b in blocks:
        if pictures.intersection(b.ancestors):
            b.in_figure, b.good = True, False

    body = Body(byline_tags=walker.bylines, page=walked)
    for b in reversed(walked):  # the first of equal texts wins
        body.walked[b.text] = b
    body.marked = walker.marked
    body.image = _lead_image(walker.figures, base, dead)
    roots = _choose_roots(blocks)
    body.inside = [b for b in blocks if roots.intersection(b.ancestors) or id(b) in roots]
    return body


def _vetted(spans: tuple, base: str | None) -> tuple:
    """Links made absolute; a link whose URL is not http(s)/mailto becomes plain text."""
    out: list = []
    for span in spans:
        if isinstance(span, Link):
            url = safe_link(span.url, base)
            span = Link(span.text, url) if url else span.text
        if isinstance(span, str) and out and isinstance(out[-1], str):
            out[-1] += span
        else:
            out.append(span)
    return tuple(out)


def chosen_blocks(blocks: list[RawBlock], body: Body) -> list[RawBlock]:
    """Blocks another extractor chose as the article, with what our walk read of them.

    Which text is the article was the other extractor's call; our reading of
    the page's markup still drops what sits inside furniture (a comment
    thread, a share bar: the page's own class names say so), and a
    paragraph our walk read the same way gets its links back.
    """
    blocks = _outside_furniture(blocks, body)
    for b in blocks:
        ours = body.walked.get(b.text)
        if ours is not None and b.kind == ours.kind:  # the same paragraph as our walk read it: its links too
            b.spans, b.link_chars = ours.spans, ours.link_chars
        b.words = count_words(b.text)
        b.good = _is_good(b)
    return blocks


def _outside_furniture(blocks: list[RawBlock], body: Body) -> list[RawBlock]:
    """The chosen blocks but those our walk read inside furniture that does not hold most of them.

    The same rule as for our own blocks, with the other extractor's text as
    the article's prose: a comment thread it kept goes, a wrapper that the
    page's class names mislabel stays.
    """
    # (the block's own element is not counted: a class on one paragraph, `paywall` say, describes its text)
    ancestors = {id(b): body.walked[b.text].ancestors[:-1] for b in blocks if b.text in body.walked}
    total = sum(len(b.text) for b in blocks)
    weight: dict[int, int] = {}
    for b in blocks:
        for a in ancestors.get(id(b), ()):
            if a in body.marked:
                weight[a] = weight.get(a, 0) + len(b.text)
    dead = {a for a in weight if weight[a] < settings.WRAPPER_SHARE * total}
    return [b for b in blocks if not dead.intersection(ancestors.get(id(b), ()))]


def page_blocks(blocks: list[RawBlock], base: str | None) -> list[PageBlock]:
    """The blocks as the assembler takes them: text, vetted links and what the markup said of each."""
    out = []
    for index, b in enumerate(blocks):
        out.append(PageBlock(
            index, b.text, heading=b.level if b.kind == "heading" else 0,
            link_share=b.link_chars / len(b.text) if b.text else 0.0,
            kind=b.kind, spans=_vetted(b.spans, base), level=b.level, ordered=b.ordered,
            in_figure=b.in_figure, prose=b.good, link_chars=b.link_chars, teaser=_is_teaser(b),
        ))
    return out


def _lead_image(figures: list[Tag], base: str | None, dead: set[int]) -> Image:
    """The first figure with a picture: its URL, alt text, caption and credit apart."""
    for figure in figures[:settings.LEAD_IMAGE_MAX_FIGURES]:
        if id(figure) in dead:
            continue
        img = next(figure.iter("img"), None)
        if img is None:
            continue
        url = src = None
        for attr in ("src", "data-src", "data-original", "data-lazy-src"):
            value = img.get(attr)
            if src is None and _points_to_picture(value):
                src = value.strip()
            # a path relative to the page ("story_files/a.jpg") points into a browser's
            # "Webpage, Complete" folder, not to the news site: never an address of the picture
            url = safe_link(value, base) if _from_the_site(value) else None
            if url and url.startswith("http"):
                break
            url = None
        caption_tag = next(figure.iter("figcaption"), None)
        caption = credit = None
        if caption_tag is not None:
            credit_tag = next((t for t in caption_tag.iterdescendants()
                               if isinstance(t.tag, str) and _CREDIT_CLASS.search(t.get("class") or "")), None)
            if credit_tag is not None:
                credit = visible_text(credit_tag) or None
            caption = visible_text(caption_tag, skip=credit_tag) or None
        alt = img.get("alt")
        description = _SPACE.sub(" ", alt).strip() if isinstance(alt, str) and alt.strip() else None
        return Image(description=description, caption=caption, credit=credit, url=url, src=src)
    return Image()


def _from_the_site(value) -> bool:
    """True for an absolute address, or one from the root of the page's site (`/img/a.jpg`)."""
    return isinstance(value, str) and value.strip()[:6].lower().startswith(("http:", "https:", "/"))


def _points_to_picture(value) -> bool:
    """True for an <img> address that may be the picture itself (not a lazy-loading placeholder).

    A short data: URI is a placeholder pixel; long ones were set aside as stand-ins (see inlined.py)."""
    if not isinstance(value, str) or not value.strip():
        return False
    value = value.strip()
    return value[:5].lower() != "data:" or value.startswith("data:,digest-inlined-")
