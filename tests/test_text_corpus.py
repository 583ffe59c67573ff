"""The text reader on real news pages: what a reader of the digest would notice.

Runs over ../shared/corpus (62 real pages with ground truth) and skips
cleanly when the corpus is not beside the project. Floors sit a little
under what the reader reaches, so a regression fails and noise does not.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pytest

from conftest import CORPUS, corpus_truth

from converter.errors import DumpError
from converter.readers import read_dump

# Lines that must never reach an article body (the same idea as the corpus scorer).
LEAK = re.compile(
    r"^(advertisement|skip advertisement|supported by|share full article|read in app|"
    r"listen to this article.*|site index|site information navigation|continue reading.*|"
    r"sign up.*newsletter.*|©.*)$",
    re.I,
)


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    return re.sub(r"\s+", " ", text).strip().casefold().rstrip(".")


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").casefold())


def _body_f1(predicted: str, truth: str) -> float:
    def grams(text: str) -> dict:
        toks = _tokens(text)
        out: dict = {}
        for i in range(max(len(toks) - 3, 1)):
            gram = tuple(toks[i : i + 4])
            out[gram] = out.get(gram, 0) + 1
        return out

    p, t = grams(predicted), grams(truth)
    common = sum(min(c, t.get(g, 0)) for g, c in p.items())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


@lru_cache(maxsize=1)
def _results() -> list[tuple[dict, object]]:
    out = []
    for truth in corpus_truth():
        try:
            article = read_dump(CORPUS / "text" / f"{truth['id']}.txt")
        except DumpError as exc:
            article = exc
        out.append((truth, article))
    return out


@pytest.fixture
def results():
    if not (CORPUS / "truth.jsonl").exists():
        pytest.skip("../shared/corpus is not beside the project")
    return _results()


def test_every_real_page_converts(results):
    failed = [str(a) for _, a in results if isinstance(a, DumpError)]
    assert not failed


def test_no_page_furniture_reaches_a_body(results):
    leaked = [
        (t["domain"], line)
        for t, a in results
        if not isinstance(a, DumpError)
        for line in a.body_text.splitlines()
        if LEAK.match(line.strip())
    ]
    assert not leaked


def test_headlines_match_what_the_page_states(results):
    scored = [(t, a) for t, a in results if t.get("headline") and not isinstance(a, DumpError)]
    hits = sum(
        _norm(a.headline) in {_norm(h) for h in [t["headline"], *(t.get("headline_alternates") or [])]}
        for t, a in scored
    )
    # the line model is fitted to both corpora at once and kept simple enough to hold on
    # sites it never saw (make train prints those figures): it fits this corpus less closely
    assert hits / len(scored) >= 0.90


def test_bodies_hold_the_article_and_little_else(results):
    scores = [_body_f1("" if isinstance(a, DumpError) else a.body_text, t["body"]) for t, a in results]
    # 0.950 (fitted) before the shared assembler, the new languages and the renderings met in
    # one model; after it, 0.9499: two photo captions printed above a byline read as a first
    # paragraph (ctpost, cleveland). The figure that counts, leave-site-out body F1 over both
    # corpora, rose 0.896 -> 0.920 with that same model (`make train`)
    assert sum(scores) / len(scores) >= 0.945
    assert sum(s < 0.5 for s in scores) <= 1  # no page loses most of its article


def test_bylines_name_the_authors(results):
    wanted = found = 0
    for truth, article in results:
        names = {" ".join(_tokens(n)) for n in truth.get("authors") or []}
        if not names or isinstance(article, DumpError):
            continue
        got = {" ".join(_tokens(n)) for n in article.authors + article.contributors}
        wanted += len(names)
        found += len(names & got)
    assert found / wanted >= 0.95


def test_dates_are_the_day_the_page_states(results):
    dated = [(t, a) for t, a in results if t.get("date") and not isinstance(a, DumpError)]
    same = sum(bool(a.date) and a.date[:10] == t["date"][:10] for t, a in dated)
    assert same / len(dated) >= 0.78

