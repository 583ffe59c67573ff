"""schema.org `NewsArticle` JSON-LD for an article page, safe inside a <script> element.

Built with json.dumps from the front matter the converter writes (after a
sidecar's corrections), then every `<`, `>` and `&` is written as a JSON
\\u escape, so nothing a dump holds (`</script>`, `<!--`) can end the
script element or open a comment in it; the value means the same to any
JSON reader. The template prints it as is; Open Graph and Twitter card
meta are plain attributes it escapes itself (partials/digest-sharing.html).
"""
from __future__ import annotations

import json
from datetime import date, datetime

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_safe_json(value) -> str:
    """JSON that cannot close or comment out the <script> element it is printed in."""
    return json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, (date, datetime)) else (value or None)


def news_article(meta: dict) -> str:
    """The article's NewsArticle object: headline, dates, authors, section, description,
    and the original page's URL (the site's own address is the page's canonical link)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": meta.get("headline"),
        "datePublished": _iso(meta.get("date")),
        "author": [{"@type": "Person", "name": name} for name in meta.get("byline") or []] or None,
        "contributor": [{"@type": "Person", "name": name} for name in meta.get("contributors") or []] or None,
        "articleSection": meta.get("section"),
        "keywords": meta.get("tags") or None,
        "description": meta.get("summary"),
        "url": meta.get("url"),
        "isBasedOn": meta.get("url"),
    }
    return script_safe_json({k: v for k, v in data.items() if v is not None})
