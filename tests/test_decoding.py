"""Dumps in any common encoding and line-end style read the same."""
from __future__ import annotations

import codecs

import pytest

from conftest import SEED

from converter.convert import convert_dump

HEADLINE = "Blinken is in Israel to push for a Gaza cease-fire deal."


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("cp1252"),
        lambda t: t.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
        .replace("\u2014", "-").replace("\u2026", "...").encode("latin-1"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "cp1252", "latin1", "crlf", "cr-cp1252"],
)
def test_encodings_and_line_ends(tmp_path, encode):
    dump = tmp_path / "dump.txt"
    dump.write_bytes(encode(seed_text()))
    article = convert_dump(dump, "dump.txt")
    assert article.headline == HEADLINE
    assert len(article.body) == 10
    body = article.body_text
    assert "Ã" not in body and "\ufffd" not in body and "\r" not in body


def test_curly_quotes_survive_cp1252(tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_bytes(seed_text().encode("cp1252"))
    body = convert_dump(dump, "dump.txt").body_text
    assert "\u201cThis is a decisive moment,\u201d" in body and "\u2014" in body
