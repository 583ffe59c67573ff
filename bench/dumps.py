"""Deterministic, realistic news dumps for benchmarks and load tests (no network).

`text_dump(i)` and `html_dump(i)` give the i-th story of an endless digest:
varied headlines, bylines and sections, a dateline spread over many days,
10–20 paragraphs of news length, and the furniture real pages carry (menus,
ads, share bars, footers), so the readers do their real work.
"""
from __future__ import annotations

import html
import json
import random
from datetime import date, timedelta

_WORDS = (
    "government council minister officials report market prices company workers city police court "
    "election voters campaign budget plan health hospital school students climate energy power water "
    "river storm weather season team players coach match league record growth economy bank rates "
    "inflation trade border security talks agreement deal leaders summit protest community families "
    "residents housing rent transport rail airport flights museum festival film music artist study "
    "researchers scientists data survey results year week month morning evening night region country "
    "capital province district village coast island mountain forest farmers harvest food supply chain "
    "factory jobs union strike wages tax reform law judge trial verdict investigation agency board "
    "director spokesperson statement announcement decision vote majority opposition party member"
).split()
_VERBS = ("said", "announced", "reported", "warned", "confirmed", "argued", "noted", "added", "explained", "told reporters")
_NAMES = ("Maria Lopez", "James Chen", "Aisha Khan", "Tom Becker", "Sofia Rossi", "Kenji Sato", "Lena Novak",
          "Omar Haddad", "Grace Okafor", "Lucas Martin", "Priya Nair", "Erik Lund")
_SECTIONS = ("World", "Politics", "Business", "Science", "Sports", "Culture", "Climate", "Health")
_FURNITURE_TOP = ["Skip to content", "Menu", "Search", "World", "Politics", "Business", "Science", "Sports",
                  "Culture", "Subscribe", "Log in"]
_FURNITURE_BOTTOM = ["Advertisement", "Related", "Most popular", "Sign up for our newsletter",
                     "© 2024 The Daily Example. All rights reserved.", "Privacy Policy", "Terms of Use"]


def _story(i: int) -> dict:
    rnd = random.Random(i * 7919 + 17)
    words = lambda n: " ".join(rnd.choice(_WORDS) for _ in range(n))  # noqa: E731
    headline = f"{words(1).capitalize()} {words(rnd.randint(3, 7))} after {words(1)} (No. {i})"
    day = date(2024, 1, 1) + timedelta(days=i % 365)
    paragraphs = []
    for _ in range(rnd.randint(10, 20)):
        sentences = []
        for _ in range(rnd.randint(2, 4)):
            sentences.append(f"The {words(rnd.randint(3, 8))} {rnd.choice(_VERBS)} that {words(rnd.randint(8, 16))}.")
        paragraphs.append(" ".join(sentences))
    authors = rnd.sample(_NAMES, rnd.randint(1, 2))
    return {
        "headline": headline,
        "date": day,
        "hour": rnd.randint(5, 22),
        "authors": authors,
        "section": rnd.choice(_SECTIONS),
        "paragraphs": paragraphs,
        "url": f"https://news.example.com/{day:%Y/%m/%d}/story-{i}.html",
    }


def text_dump(i: int) -> str:
    s = _story(i)
    byline = "By " + " and ".join(s["authors"])
    lines = [*_FURNITURE_TOP, "", s["section"].upper(), "", s["headline"], "", byline,
             f"Published {s['date']:%b. %d, %Y}, {s['hour']}:05 a.m. ET", "", "Share", "Advertisement", ""]
    for n, paragraph in enumerate(s["paragraphs"]):
        lines += [paragraph, ""]
        if n == 4:
            lines += ["Advertisement", "", "SKIP ADVERTISEMENT", ""]
    lines += [*_FURNITURE_BOTTOM]
    return "\n".join(lines) + "\n"


def html_dump(i: int) -> str:
    s = _story(i)
    e = html.escape
    meta = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s["headline"],
            "datePublished": f"{s['date']}T{s['hour']:02d}:05:00-05:00",
            "author": [{"@type": "Person", "name": a} for a in s["authors"]], "url": s["url"]}
    nav = "".join(f'<li><a href="/{e(x.lower())}">{e(x)}</a></li>' for x in _FURNITURE_TOP)
    body = "".join(f"<p>{e(p)}</p>" for p in s["paragraphs"])
    foot = "".join(f"<p>{e(x)}</p>" for x in _FURNITURE_BOTTOM)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{e(s["headline"])} - The Daily Example</title>'
        f'<link rel="canonical" href="{e(s["url"])}">'
        f'<meta property="og:title" content="{e(s["headline"])}">'
        f'<script type="application/ld+json">{json.dumps(meta)}</script></head>'
        f'<body><header><nav><ul>{nav}</ul></nav></header><main><article>'
        f'<p class="kicker">{e(s["section"])}</p><h1>{e(s["headline"])}</h1>'
        f'<p class="byline">By {e(" and ".join(s["authors"]))}</p>'
        f'<time datetime="{s["date"]}T{s["hour"]:02d}:05:00-05:00">{s["date"]:%B %d, %Y}</time>'
        f'<div class="share"><a href="#">Share</a></div>{body}</article></main>'
        f'<aside class="related"><h2>Related</h2><ul><li><a href="/x">Another story</a></li></ul></aside>'
        f'<footer>{foot}</footer></body></html>\n'
    )


def write_dumps(folder, count: int, html_every: int = 0) -> list:
    """Write `count` dumps into `folder` (every `html_every`-th as HTML); returns the paths."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        if html_every and i % html_every == 0:
            path = folder / f"story-{i:05d}.html"
            path.write_text(html_dump(i), encoding="utf-8")
        else:
            path = folder / f"story-{i:05d}.txt"
            path.write_text(text_dump(i), encoding="utf-8")
        paths.append(path)
    return paths


def page_urls(corpus, page_id: str) -> list[str]:
    """The URLs our readers find in a corpus page (its canonical URL may differ from the truth's)."""
    from pathlib import Path

    from converter.errors import DumpError
    from converter.readers import read_dump

    found = []
    for path in (Path(corpus) / "html" / f"{page_id}.html", Path(corpus) / "text" / f"{page_id}.txt"):
        try:
            found.append(read_dump(path).url or "")
        except DumpError:
            pass
    return found


def write_corpus_variants(folder, corpus, count: int) -> list:
    """`count` dumps made by varying the real pages of `corpus` (text and HTML alternately).

    Variant i of a page gets a sentence of its own in every paragraph and its
    own URL, so no two variants are the same story; headlines stay, so many
    stories share one (and must all survive).
    """
    import re
    from pathlib import Path

    folder, corpus = Path(folder), Path(corpus)
    folder.mkdir(parents=True, exist_ok=True)
    truth = [json.loads(line) for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line]
    pages = [(t["id"], t.get("url") or "") for t in truth]
    paths = []
    urls = {}
    for i in range(count):
        page_id, url = pages[i % len(pages)]
        if page_id not in urls:
            urls[page_id] = page_urls(corpus, page_id)
        variant = f" Variant {i}."
        if i % 2 == 0:
            text = (corpus / "text" / f"{page_id}.txt").read_text(encoding="utf-8")
            text = "\n".join(line + variant if len(line) > 60 else line for line in text.split("\n"))
            suffix = ".txt"
        else:
            text = (corpus / "html" / f"{page_id}.html").read_text(encoding="utf-8", errors="replace")
            text = re.sub(r">([^<>]{60,})<", lambda m: ">" + m.group(1) + variant + "<", text)
            suffix = ".html"
        for known in {url, *urls[page_id]}:
            if known:
                text = text.replace(known.rstrip("/"), f"{known.rstrip('/')}-v{i}")
        path = folder / f"variant-{i:05d}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
