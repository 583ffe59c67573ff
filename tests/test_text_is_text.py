"""A dump's text stays text: no Markdown or HTML from a dump becomes markup."""
from __future__ import annotations

import html

import frontmatter
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.article import Article, Block
from bs4 import BeautifulSoup

from converter.markdown import clean_text, render_body
from converter.convert import convert_dump
from converter.writer import render_article

PROSE = ("This paragraph is long enough to count as running text in the article body, "
         "and it ends like a sentence does.")

HOSTILE_LINES = [
    "# Not a heading, just a hash sign at the start of a line",
    "1. Not a list item, just a number at the start of a line of text",
    "> Not a quote, just an angle bracket at the start of this line of text",
    "<script>window.canary = 1</script> a script tag that must stay visible as text here",
    "[click me](javascript:alert(1)) a link that must never become a live link anywhere",
    "<img src=x onerror=alert(1)> an image tag with an event handler written as plain text",
    "- not a bullet, *not emphasis*, `not code`, {: .not-an-attribute-list } all literal",
    "&lt;b&gt; entities stay as the characters the page showed &amp; nothing else at all",
]


def markdown_to_html(text: str) -> str:
    # the extensions mkdocs.yml enables for articles
    return markdown.markdown(text, extensions=["toc", "attr_list", "md_in_html", "tables", "footnotes"])


def hostile_dump(tmp_path):
    lines = ["A perfectly ordinary headline for a hostile dump", ""]
    for line in HOSTILE_LINES:
        lines += [PROSE, "", line, ""]
    dump = tmp_path / "hostile.txt"
    dump.write_text("\n".join(lines), encoding="utf-8")
    return dump


def test_hostile_lines_render_as_their_own_text(tmp_path):
    article = convert_dump(hostile_dump(tmp_path), "hostile.txt")
    rendered = markdown_to_html(render_body(article.body))
    assert "<script" not in rendered and "<img" not in rendered
    assert "javascript:" not in rendered.replace("[click me](javascript:alert(1))", "")
    assert "href=" not in rendered
    for tag in ("<h1", "<h2", "<ol", "<ul", "<blockquote", "<em>", "<code>", "class="):
        assert tag not in rendered
    visible = html.unescape(rendered)
    for line in HOSTILE_LINES:
        assert line in visible, line


@pytest.mark.parametrize("headline", [
    "Breaking: markets fall",
    "--- a YAML document marker",
    "& anchors * aliases ! tags",
    "'quoted' and \"double\" # not a comment",
    "Tab\tin\tthe headline and a colon: here",
    "{{ jinja }} and {% tags %}",
    "yes",
    "null",
    "2024-08-19",
    "\u202eright-to-left override",
])
def test_headline_survives_the_yaml_round_trip(headline):
    article = Article(source="x.txt", headline=headline, body=[Block.paragraph(PROSE)], slug="x")
    post = frontmatter.loads(render_article(article, "x.txt", "0" * 64))
    expected = " ".join(headline.replace("\u202e", "").split())
    assert post["headline"] == expected
    assert isinstance(post["headline"], str)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_any_text_round_trips_through_yaml_and_markdown(text):
    """Whatever the text, YAML gives back the headline and the page shows the words."""
    article = Article(source="x.txt", headline=text, body=[Block.paragraph(text)], slug="x")
    post = frontmatter.loads(render_article(article, "x.txt", "0" * 64))
    expected = clean_text(text)
    assert post.get("headline", "") == expected or (not expected and "headline" in post)
    shown = BeautifulSoup(markdown_to_html(post.content), "html.parser").get_text()
    assert " ".join(shown.split()) == " ".join(expected.split())
