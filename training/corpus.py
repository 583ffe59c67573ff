"""The development corpora as labelled lines, for training and for honest scores.

Each page of `../shared/corpus` and `../shared/corpus2` is a text dump plus
its truth (headline, authors, body). A line's label is what the truth says
of it: the headline, a byline (it names a truth author), body (most of its
word 4-grams are in the truth body), or other (furniture, menus, teasers).
Pages are grouped by site so that scores can be leave-site-out.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from converter.decoding import decode_bytes
from converter.readers.text import split_lines

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = ("corpus", "corpus2")

OTHER, BODY, HEADLINE, BYLINE = 0, 1, 2, 3
LABELS = ("other", "body", "headline", "byline")


def norm(s: str | None) -> str:
    """The scorer's headline normalisation."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"\s+", " ", s).strip().casefold()
    return s.rstrip(".")


def tokens(s: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", s or "").casefold())


def grams(toks: list[str], n: int = 4) -> list[tuple]:
    return [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)] if len(toks) >= n else [tuple(toks)]


@dataclass
class Page:
    id: str
    corpus: str
    site: str
    truth: dict
    text: str
    html_path: Path
    lines: list = field(default_factory=list)
    labels: list[int] = field(default_factory=list)


def site_of(truth: dict) -> str:
    domain = (truth.get("domain") or "").lower()
    return domain[4:] if domain.startswith("www.") else domain


def label_lines(lines: list, truth: dict) -> list[int]:
    heads = {norm(truth.get("headline"))} | {norm(h) for h in truth.get("headline_alternates") or []}
    heads.discard("")
    body = truth.get("body") or ""
    body_grams = set(grams(tokens(body)))
    body_paragraphs = {" ".join(tokens(p)) for p in re.split(r"\n+", body) if p.strip()}
    people = [tokens(a) for a in truth.get("authors") or []]
    labels = []
    for line in lines:
        toks = tokens(line.text)
        if norm(line.text) in heads:
            labels.append(HEADLINE)
            continue
        if toks and len(toks) <= 20 and any(p and _contains(toks, p) for p in people):
            labels.append(BYLINE)
            continue
        if len(toks) >= 4:
            g = grams(toks)
            labels.append(BODY if sum(x in body_grams for x in g) / len(g) >= 0.5 else OTHER)
        elif toks:
            labels.append(BODY if " ".join(toks) in body_paragraphs else OTHER)
        else:
            labels.append(OTHER)
    return labels


def _contains(seq: list[str], sub: list[str]) -> bool:
    return any(seq[i : i + len(sub)] == sub for i in range(len(seq) - len(sub) + 1))


def load_pages(shared: Path = SHARED) -> list[Page]:
    pages = []
    for corpus in CORPORA:
        folder = shared / corpus
        for raw in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            truth = json.loads(raw)
            text = decode_bytes((folder / "text" / f"{truth['id']}.txt").read_bytes(), None)
            page = Page(truth["id"], corpus, site_of(truth), truth, text, folder / "html" / f"{truth['id']}.html")
            page.lines = split_lines(text)
            page.labels = label_lines(page.lines, truth)
            pages.append(page)
    return pages
