"""Headline, date, people, section and URL from what a page says about itself.

Pages state their metadata in several places of unequal trust. Publishers
fill schema.org JSON-LD for search engines with care, so it wins; Open
Graph / `article:*` / `author` meta tags come next; the visible markup
(`<h1>`, `<time datetime>`, byline blocks) is the last resort. Cleaning
rules for names and dates live in `converter.people` and `converter.dates`.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml.etree import _Element as Tag

from .. import settings
from ..dates import normalise_iso
from ..people import names_from_byline, split_names
from ..sanitize import valid_unicode_tree
from .html_body import visible_text

# schema.org Article and its subtypes (and the posting types news sites use).
ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "blogposting",
    "liveblogposting", "socialmediaposting", "scholarlyarticle", "techarticle", "report",
    "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle", "review",
}
ORGANIZATION_TYPES = {"organization", "newsmediaorganization", "corporation", "brand", "website", "organisation"}

# Meta tags that state the publication date, strongest first.
DATE_META = (
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "parsely-pub-date", "sailthru.date", "published", "publish-date", "pubdate", "dc.date.issued",
    "dc.date", "date", "article.published", "og:published_time",
)
_SEPARATORS = r"\s+[-–—|:·•»]\s+|\s*\|\s*"
_SPACE = re.compile(r"\s+")
# an inline tag inside a JSON-LD text value (bounded: linear on any input)
_INLINE_TAG = re.compile(rf"</?[A-Za-z][^<>]{{0,{settings.MAX_INLINE_TAG_CHARS}}}>")


def squash(text: str | None) -> str:
    """Text on one line, white space collapsed."""
    return _SPACE.sub(" ", text or "").strip()


def _key(text: str | None) -> str:
    """A comparison key: case, quotes, dashes and punctuation do not count."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


@dataclass
class Metadata:
    headline: str | None = None
    date: str | None = None
    date_source: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    url: str | None = None
    summary: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    site_names: set[str] = field(default_factory=set)
    article_node: dict | None = None
    has_author_metadata: bool = False  # the page names its authors (even if only brands)


def _types(node: dict) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1].casefold() for v in values if isinstance(v, str)}


def _walk_jsonld(value, depth: int = 0):
    """Every dict in a JSON-LD value: top level, lists and @graph, shallowly nested."""
    if depth > settings.MAX_JSONLD_DEPTH:
        return
    if isinstance(value, list):
        for item in value[:settings.MAX_JSONLD_LIST_ITEMS]:
            yield from _walk_jsonld(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item"):
            if isinstance(value.get(key), (list, dict)):
                yield from _walk_jsonld(value[key], depth + 1)


class _Index:
    """The few tags metadata comes from, found in one pass over the page."""

    NAMES = ("script", "meta", "h1", "title", "time", "link")

    def __init__(self, root: Tag):
        self.tags: dict[str, list[Tag]] = {name: [] for name in self.NAMES}
        for tag in root.iter(*self.NAMES):
            self.tags[tag.tag].append(tag)

    def __getitem__(self, name: str) -> list[Tag]:
        return self.tags[name]


def jsonld_nodes(page: _Index) -> list[dict]:
    """All JSON-LD objects on the page, in page order; unreadable blocks skipped."""
    nodes: list[dict] = []
    for script in page["script"]:
        kind = script.get("type")
        if not isinstance(kind, str) or "ld+json" not in kind.lower():
            continue
        raw = "".join(script.itertext())
        raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
        if not raw or len(raw) > settings.MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            try:  # a trailing comma or a stray control character is common
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except (ValueError, RecursionError):
                continue
        try:
            nodes.extend(_walk_jsonld(valid_unicode_tree(data)))  # a \ud83d escape is a lone surrogate
        except RecursionError:  # nested too deep to clean: skipped like a block json cannot read,
            continue  # not the whole page ("structure too deeply nested")
    return nodes


def _text_value(value) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, dict))), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    # WordPress escapes JSON-LD text twice: "review &#8211; shoots…"; some sites leave inline
    # markup in it ("Story Of <em>Metroid</em>, One …"), which is dropped without adding a space
    if not (isinstance(value, str) and value.strip()):
        return None
    return squash(_INLINE_TAG.sub("", html.unescape(value))) or None


def _meta(page: _Index) -> dict[str, list[str]]:
    """<meta> values by lower-cased property/name/itemprop, in page order."""
    found: dict[str, list[str]] = {}
    for tag in page["meta"]:
        content = tag.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = tag.get(attr)
            if isinstance(key, str) and key.strip():
                found.setdefault(key.strip().casefold(), []).append(squash(content))
    return found


def _people(value, site_names: set[str]) -> list[str]:
    """Person names from a JSON-LD `author` value; organisations and brands skipped."""
    entries = value if isinstance(value, list) else [value]
    names: list[str] = []
    for entry in entries[:settings.MAX_JSONLD_AUTHORS]:
        if isinstance(entry, dict):
            if _types(entry) & ORGANIZATION_TYPES:
                continue
            raw = entry.get("name")
            if isinstance(raw, list):
                raw = " and ".join(r for r in raw if isinstance(r, str))
        else:
            raw = entry
        if isinstance(raw, str):
            names += [n for n in clean_people(html.unescape(raw), site_names) if n not in names]
    return names


def clean_people(raw: str, site_names: set[str]) -> list[str]:
    """A byline string to person names: no "By", no brand, no URL or handle."""
    raw = squash(raw)
    if not raw or re.match(r"^(?:https?:|www\.)", raw, re.I):
        return []
    names = names_from_byline(raw) or split_names(raw)
    brands = {_key(s) for s in site_names}
    return [n for n in names if _key(n) not in brands and not any(b and _key(n) == b.replace(" ", "") for b in brands)]


def _site_names(nodes: list[dict], meta: dict[str, list[str]]) -> set[str]:
    names = set(meta.get("og:site_name", [])[:1]) | set(meta.get("application-name", [])[:1])
    names |= set(meta.get("twitter:site", [])[:1]) and {meta["twitter:site"][0].lstrip("@")}
    for node in nodes:
        types = _types(node)
        if types & ORGANIZATION_TYPES:
            name = _text_value(node.get("name"))
            if name:
                names.add(name)
        publisher = node.get("publisher")
        if isinstance(publisher, dict):
            name = _text_value(publisher.get("name"))
            if name:
                names.add(name)
    return {n for n in names if n}


def strip_site_name(title: str, confirm: list[str], site_names: set[str]) -> str:
    """`title` without a " - Site" suffix or "Section | " prefix.

    A part is cut only when what remains is confirmed: it equals another
    statement of the headline on the page (the <h1>, og:title) or the cut
    part is the site's own name.
    """
    title = squash(title)
    confirmed = {_key(c) for c in confirm if c}
    sites = {_key(s) for s in site_names if s}
    sites |= {s.replace(" ", "") for s in sites}
    parts = re.split(f"({_SEPARATORS})", title)
    if len(parts) < 3:
        return title
    # try cutting from the end, then from the start; each try costs the whole
    # title, so only at the first and last few separators (where site names go)
    cuts = range(1, len(parts) - 1, 2)
    cuts = [*cuts[:settings.MAX_TITLE_CUTS], *cuts[settings.MAX_TITLE_CUTS:][-settings.MAX_TITLE_CUTS:]]
    for cut in reversed(cuts):
        head, tail = "".join(parts[:cut]).strip(), "".join(parts[cut + 1 :]).strip()
        if _key(head) in confirmed or _key(tail) in sites or _key(tail).replace(" ", "") in sites:
            return head
    for cut in cuts:
        head, tail = "".join(parts[:cut]).strip(), "".join(parts[cut + 1 :]).strip()
        if _key(tail) in confirmed or _key(head) in sites:
            return tail
    return title


def _h1s(page: _Index) -> list[str]:
    out = []
    for h in page["h1"][:settings.MAX_H1S]:
        text = visible_text(h)
        if 0 < len(text) < settings.MAX_H1_CHARS:
            out.append(text)
    return out


def _loosely_equal(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    return bool(ka) and (ka == kb or (len(ka) > settings.LOOSE_MATCH_PAST_CHARS and (ka in kb or kb in ka)))


def _headline(article: dict | None, meta: dict[str, list[str]], page: _Index, site_names: set[str]) -> str | None:
    h1s = _h1s(page)
    og = (meta.get("og:title") or meta.get("twitter:title") or [None])[0]
    confirm = h1s + ([og] if og else [])
    if article:
        headline = _text_value(article.get("headline")) or _text_value(article.get("name"))
        if headline:
            headline = strip_site_name(headline, confirm, site_names)
            stem = _key(headline.rstrip(".… "))
            if headline.endswith(("...", "…")):
                longer = next((h for h in h1s if _key(h).startswith(stem) and len(h) > len(headline) - 3), None)
                headline = longer or headline
            return headline
    if og:
        trimmed = strip_site_name(og, h1s, site_names)
        loose = next((h for h in h1s if _loosely_equal(h, trimmed)), None)
        return loose or trimmed
    title_text = squash("".join(page["title"][0].itertext())) if page["title"] else ""
    if title_text:
        trimmed = strip_site_name(title_text, h1s, site_names)
        if any(_loosely_equal(h, trimmed) for h in h1s):
            return next(h for h in h1s if _loosely_equal(h, trimmed))
    if h1s:
        return h1s[0]
    return title_text or None


def _date(article: dict | None, nodes: list[dict], meta: dict[str, list[str]], page: _Index) -> tuple[str | None, str | None]:
    # every statement of when it was published, strongest source first, before any of when it was
    # created (a draft's creation, often in UTC where the page's own day is local)
    candidates = []
    if article:
        candidates.append((article.get("datePublished"), "json-ld"))
    for key in DATE_META:
        for value in meta.get(key, [])[:1]:
            candidates.append((value, "meta"))
    for node in nodes:
        candidates.append((node.get("datePublished"), "json-ld"))
    if article:
        candidates.append((article.get("dateCreated"), "json-ld"))
    for value, source in candidates:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str):
            iso = normalise_iso(value)
            if iso:
                return iso, source
    for tag in page["time"][:settings.MAX_TIME_TAGS]:
        value = tag.get("datetime")
        if isinstance(value, str):
            iso = normalise_iso(value)
            if iso:
                return iso, "time"
    return None, None


def visible_byline(tags: list[Tag], site_names: set[str]) -> list[str]:
    """Names from the page's byline elements (rel=author, class byline/author)."""
    for tag in tags[:settings.MAX_BYLINE_ELEMENTS]:
        text = visible_text(tag)
        if not text or len(text) > settings.MAX_BYLINE_CHARS:
            continue
        names = clean_people(text, site_names)
        if names:
            return names
    return []


def read_metadata(root: Tag, base_url: str | None = None) -> Metadata:
    """Everything the page states about the article, strongest source first."""
    page = _Index(root)
    nodes = jsonld_nodes(page)
    meta = _meta(page)
    article = next((n for n in nodes if _types(n) & ARTICLE_TYPES), None)
    site_names = _site_names(nodes, meta)
    md = Metadata(site_names=site_names, article_node=article)
    md.headline = _headline(article, meta, page, site_names)
    md.date, md.date_source = _date(article, nodes, meta, page)
    if article and article.get("author"):
        md.authors = _people(article.get("author"), site_names)
    if not md.authors:
        for key in ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator"):
            for value in meta.get(key, [])[:settings.MAX_META_AUTHORS]:
                md.authors += [n for n in clean_people(value, site_names) if n not in md.authors]
            if md.authors:
                break
    md.has_author_metadata = bool(md.authors or (article and article.get("author")))

    link = next((t for t in page["link"] if "canonical" in (t.get("rel") or "")), None)
    candidates = [link.get("href") if link is not None else None, (meta.get("og:url") or [None])[0]]
    if article:
        main = article.get("mainEntityOfPage")
        candidates.append(main.get("@id") if isinstance(main, dict) else main)
        candidates.append(article.get("url"))
    for value in candidates:
        if isinstance(value, str) and value.strip():
            absolute = urljoin(base_url or "", value.strip())
            if absolute.startswith(("http://", "https://")):
                md.url = absolute
                break

    section = (article or {}).get("articleSection") or (meta.get("article:section") or [None])[0]
    md.section = _text_value(section)
    md.summary = _text_value((article or {}).get("description")) or (meta.get("og:description") or meta.get("description") or [None])[0]
    image = (article or {}).get("image")
    if isinstance(image, list):
        image = image[0] if image else None
    if isinstance(image, dict):
        md.image_caption = _text_value(image.get("caption"))
        image = image.get("url") or image.get("contentUrl")
    md.image_url = image if isinstance(image, str) else (meta.get("og:image") or [None])[0]
    return md
