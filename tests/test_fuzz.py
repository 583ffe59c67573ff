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
