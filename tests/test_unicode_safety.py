"""Half a character never crashes anything: every string from a dump is valid Unicode.

JSON-LD may hold `\\udXXX` escapes that `json.loads` turns into lone
surrogates (an emoji cut in half); they cannot be encoded as UTF-8 and
once crashed the YAML writer, `digest extract` and the MkDocs build.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import frontmatter

from conftest import ROOT

from converter.article import Article, Block, Image
from converter.convert import convert
from converter.writer import render_article

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Night trains return</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Night trains return \\udc01",
"articleSection":"Travel \\ud834","datePublished":"2024-03-02",
"image":{"url":"https://example.com/t.jpg","caption":"A sleeper car \\udbff\\udfff and \\udfff"},
"author":{"@type":"Person","name":"Ida \\ud800 Berg"}}</script></head>
<body><article><h1>Night trains return</h1>
<p>Sleeper services between the capital and the northern coast resume next month after a six year pause, the operator said.</p>
<p>Tickets go on sale on Monday, with cabins for two and four travellers and a dining car on every departure.</p>
</article></body></html>"""


def run_digest(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8")


def test_lone_surrogates_in_json_ld_are_replaced_everywhere(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "trains.html").write_text(PAGE, encoding="utf-8")
    proc = run_digest("extract", "--json", str(content / "trains.html"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["headline"] == "Night trains return \ufffd"
    assert record["image"]["caption"] == "A sleeper car \U0010ffff and \ufffd"  # a split pair is joined
    report = convert(content)
    assert len(report.written) == 1 and not report.errors
    post = frontmatter.loads(report.written[0].read_bytes().decode("utf-8"))
    assert post["section"] == "Travel \ufffd"


def test_the_writer_never_writes_a_surrogate_whatever_it_is_given():
    article = Article(source="x.txt", headline="Broken \ud83d headline", section="News \udc00",
                      body=[Block.paragraph("A body \ud83d with half an emoji in it.")], summary="\ud83d",
                      authors=["Ann \udfff Lee"], image=Image(caption="\ud800"))
    text = render_article(article, "x.txt", "0" * 64)
    text.encode("utf-8")  # raises on a surrogate
    assert "\ufffd" in frontmatter.loads(text)["headline"]
