"""Fuzzing: any bytes, and mutated real dumps, give an article or the converter's own error.

CI runs a few hundred examples per reader; `make fuzz` runs many more
(HYPOTHESIS_PROFILE=long).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS

from converter.article import Article
from converter.errors import DumpError
from converter.readers import DUMP_EXTENSIONS, read_dump
from converter.markdown import render_body

settings.register_profile("ci", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

EXTENSIONS = sorted({".txt", *(e for e in DUMP_EXTENSIONS if e in (".html", ".txt"))})


def outcome(tmp_path: Path, data: bytes, ext: str) -> Article | DumpError:
    path = tmp_path / f"fuzz{ext}"
    path.write_bytes(data)
    try:
        article = read_dump(path)
    except DumpError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))
        return exc
    assert article.headline.strip()
    render_body(article.body)
    return article


def corpus_samples(ext: str) -> list[bytes]:
    folder = CORPUS / ("html" if ext == ".html" else "text")
    files = sorted(folder.glob("*")) if folder.is_dir() else []
    return [f.read_bytes() for f in files[:: max(1, len(files) // 8)]][:8]


@pytest.mark.parametrize("ext", EXTENSIONS)
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes(tmp_path, ext, data):
    outcome(tmp_path, data, ext)


@pytest.mark.parametrize("ext", EXTENSIONS)
@given(data=st.data())
def test_mutated_real_dumps(tmp_path, ext, data):
    samples = corpus_samples(ext)
    if not samples:
        pytest.skip("../shared/corpus is not beside the project")
    original = data.draw(st.sampled_from(samples))
    cut = data.draw(st.integers(0, len(original)))
    mutation = data.draw(st.sampled_from(["truncate", "splice", "flip", "insert"]))
    if mutation == "truncate":
        mutated = original[:cut]
    elif mutation == "splice":
        mutated = original[:cut] + data.draw(st.binary(max_size=512)) + original[cut:]
    elif mutation == "flip":
        mutated = bytearray(original)
        for i in data.draw(st.lists(st.integers(0, max(0, len(original) - 1)), max_size=50)):
            if mutated:
                mutated[i] ^= 0xFF
        mutated = bytes(mutated)
    else:
        noise = data.draw(st.text(max_size=300)).encode("utf-8", "surrogatepass")
        mutated = original[:cut] + noise + original[cut:]
    outcome(tmp_path, mutated, ext)


# --- hostile shapes at scale: lone surrogates, unclosed tags, very long lines ------------
#
# `make fuzz` (HYPOTHESIS_PROFILE=long) builds inputs up to a few MB and holds each
# conversion to a time per MB: a step that rescans the rest of the input per token
# (quadratic) blows through it at once. CI builds small inputs and times nothing.

import json
import time

from converter.writer import render_article

LONG_RUN = os.environ.get("HYPOTHESIS_PROFILE") == "long"
MAX_REPEATS = 400_000 if LONG_RUN else 4_000
SECONDS_PER_MB = 30.0  # the long run's bound; linear steps take 0.1-6 s per MB on a loaded 2-core machine
TIMED_FROM_BYTES = 256 * 1024  # below this, start-up costs swamp the rate
REPEATED = ["<!--", "<script ", "<script>", "<style ", "<style>", "<div ", "<div>", "<svg>", "<p>", "<b>",
            "<a href=x>", "<meta charset=x>", "<![CDATA[", "<", "&#", "&lt;", "](", "[x](", "\ud83d", "\udc00",
            "* ", "\t", " ", "a", "A\n", "by X\n", "\n\n", "http://x.test/", "Credit: ", "\u202e",
            " by Ab", "7", " - x", ", "]
lone_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
at_scale = settings(max_examples=300 if LONG_RUN else 30)  # inputs of megabytes: fewer of them


def timed_outcome(tmp_path: Path, data: bytes, ext: str):
    started = time.perf_counter()
    result = outcome(tmp_path, data, ext)
    seconds = time.perf_counter() - started
    if LONG_RUN and len(data) >= TIMED_FROM_BYTES:
        per_mb = seconds / (len(data) / 1e6)
        assert per_mb < SECONDS_PER_MB, f"{per_mb:.1f} s per MB for {len(data)} bytes"
    if isinstance(result, Article):  # what a reader made must be writable as UTF-8 YAML
        render_article(result, "fuzz", "0" * 64).encode("utf-8")
    return result


@pytest.mark.parametrize("ext", EXTENSIONS)
@at_scale
@given(token=st.sampled_from(REPEATED), count=st.integers(1, MAX_REPEATS), data=st.data())
def test_repeated_unclosed_markup_at_scale(tmp_path, ext, token, count, data):
    lead = data.draw(st.sampled_from(["", "<html><head><title>T</title></head><body><h1>Headline here</h1><p>",
                                      "A headline for the story\n\nBy Ann Lee\n\n"]))
    prose = "Words of running prose that make a sentence long enough to count. " * 3
    text = lead + prose + token * count + data.draw(st.sampled_from(["", prose, "-->", "</script>"]))
    timed_outcome(tmp_path, text.encode("utf-8", "surrogatepass"), ext)


@pytest.mark.parametrize("ext", EXTENSIONS)
@at_scale
@given(token=st.sampled_from(REPEATED), count=st.integers(1, MAX_REPEATS), data=st.data())
def test_repeated_tokens_where_names_dates_and_titles_are_read(tmp_path, ext, token, count, data):
    """A byline or dateline line, and a page's <title>, are read for names, dates and a site
    name: patterns meant for short strings, handed whatever length the dump holds."""
    prose = "Words of running prose that make a sentence long enough to count. " * 3
    run = token * count
    text = data.draw(st.sampled_from([
        f"A headline for the story\n\nBy Ann{run} Lee\nPublished June 3, 2024\n\n{prose}\n\n{prose}\n",
        f"A headline for the story\n\n{run}\nJune 3, 2024\n\n{prose}\n\n{prose}\n",
        f"<html><head><title>Headline{run}</title><meta name=author content='Ann{run}'></head>"
        f"<body><h1>Headline</h1><p>{prose}</p><p>{prose}</p></body></html>",
    ]))
    timed_outcome(tmp_path, text.encode("utf-8", "surrogatepass"), ext)


@pytest.mark.parametrize("ext", EXTENSIONS)
@at_scale
@given(length=st.integers(1, MAX_REPEATS * 4), word=st.sampled_from(["word ", "x", "ü ", "東", ". ", "\ud83d "]))
def test_very_long_lines(tmp_path, ext, length, word):
    text = "A headline above one very long line\n\n" + (word * (length // len(word) + 1))[:length] + "\n"
    timed_outcome(tmp_path, text.encode("utf-8", "surrogatepass"), ext)


@given(values=st.lists(st.text(st.characters() | lone_surrogates, max_size=40), min_size=4, max_size=4),
       raw=st.binary(max_size=200))
def test_lone_surrogates_in_json_ld_and_text(tmp_path, values, raw):
    headline, section, caption, author = values
    ld = json.dumps({"@type": "NewsArticle", "headline": f"Headline {headline}", "articleSection": section,
                     "image": {"caption": caption}, "author": {"name": author}})  # surrogates as \udXXX
    page = (f"<html><head><script type='application/ld+json'>{ld}</script></head><body><h1>Headline {headline}"
            "</h1><p>" + "A paragraph of running text that is long enough to count as the body. " * 3 + "</p>"
            "</body></html>")
    timed_outcome(tmp_path, page.encode("utf-8", "surrogatepass") + raw, ".html")
    text = f"Headline {headline}\n\n{section}\n\n" + "Running text long enough to count as the body of it. " * 3
    timed_outcome(tmp_path, text.encode("utf-8", "surrogatepass") + raw, ".txt")
