"""The development corpora as labelled lines, for training and for honest scores.

Each page of `../shared/corpus` and `../shared/corpus2` is a text dump plus
its truth (headline, authors, body). A line's label is what the truth says
of it: the headline, a byline (it names a truth author), body (most of its
word 4-grams are in the truth body), or other (furniture, menus, teasers).
Pages are grouped by site so that scores can be leave-site-out.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from converter.decoding import decode_bytes
from converter.readers.text import split_lines

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = ("corpus", "corpus2")
#: the corpora's saved HTML as Chromium renders it (`render.py`): more pages to train on
RENDERED = Path(__file__).with_name("data") / "rendered.jsonl.gz"

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
    selection: bool = False  # a made-up copy of only the article (`selection`): trained on, never scored
    rendered: bool = False  # the saved HTML rendered by Chromium (`render.py`): trained on, never scored

    @property
    def scored(self) -> bool:
        """Only the corpora's own dumps are scored; the pages made from them are training data."""
        return not (self.selection or self.rendered)


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
        if toks and len(toks) <= 20 and any(p and _names(toks, p) for p in people):
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


def _names(line: list[str], person: list[str]) -> bool:
    """The line's words start with the person's name, even when the page glued
    something to its end ("By Jonathan GarberFOXBusiness")."""
    return f" {' '.join(person)}" in f" {' '.join(line)}"


#: a curator's selection starts this many lines above the headline and ends with the last paragraph
SELECTION_ABOVE = 2
SELECTION_BELOW = 0


def selection(page: Page) -> Page | None:
    """The page as a curator who selected only the article would have copied it.

    A browser copy of the whole page has menus above the article and
    footers below it, so a model trained on those alone learns that the
    first and last lines of a dump are never the article; a copy of just
    the article must read as well.
    """
    body = [i for i, label in enumerate(page.labels) if label == BODY]
    heads = [i for i, label in enumerate(page.labels) if label == HEADLINE and (not body or i < body[0])]
    if not body:
        return None
    start = max(0, (heads[0] if heads else body[0]) - SELECTION_ABOVE)
    end = min(len(page.lines), body[-1] + 1 + SELECTION_BELOW)
    lines = [replace(line) for line in page.lines[start:end]]
    text = "\n".join(line.text for line in lines)
    return Page(f"{page.id}~selection", page.corpus, page.site, page.truth, text, page.html_path, lines,
                page.labels[start:end], selection=True)


def load_pages(shared: Path = SHARED, rendered: bool = True) -> list[Page]:
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
    return pages + [s for s in map(selection, pages) if s is not None] + (rendered_pages(pages) if rendered else [])


def rendered_pages(pages: list[Page], path: Path = RENDERED) -> list[Page]:
    """The saved HTML of each page as Chromium renders it, labelled by the page's truth."""
    if not path.exists():
        return []
    by_id = {(p.corpus, p.id): p for p in pages}
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for raw in rows:
            row = json.loads(raw)
            page = by_id.get((row["corpus"], row["id"]))
            if page is None:
                continue
            lines = split_lines(row["text"])
            out.append(Page(f"{page.id}~rendered", page.corpus, page.site, page.truth, row["text"], page.html_path,
                            lines, label_lines(lines, page.truth), rendered=True))
    return out
