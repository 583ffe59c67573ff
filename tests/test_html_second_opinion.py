"""The HTML reader weighs trafilatura's choice of the body against its own reading.

trafilatura says which text is the article; our rules still drop what the
page marks as furniture, keep vetted links, and our own extraction stands
when trafilatura trusts no body. Small hand-made pages, real trafilatura.
"""
from __future__ import annotations

from converter.article import Link
from converter.assembly.assemble import assemble
from converter.assembly.hints import PageHints
from converter.readers.html import HtmlReader, parse_html
from converter.readers.html_body import extract_body, page_blocks
from converter.readers.html_second_opinion import second_opinion

HEADLINE = "Harbour crossing to close for repairs"
STORY = [
    "The ferry company said on Monday that the harbour crossing would close for repairs after inspectors "
    "found cracks in the pier, leaving commuters to find other routes for at least a month.",
    "Passengers who bought season tickets will be offered refunds, a spokesperson said, and extra buses will "
    "run along the coast road during the morning and evening peaks while work goes on.",
    "Local traders fear the closure will keep visitors away during the busiest weeks of the year, and several "
    "of them asked the council at a meeting on Tuesday evening for help with the loss of trade.",
    "The council said it would consider a grant for the businesses worst affected, but warned that its own "
    "budget was already stretched by the cost of the winter storms and the repairs they caused.",
]
COMMENT = ("I have taken this ferry every working day for twenty years and never once has it been on time, "
           "so frankly a month of buses along the coast road will make very little difference to me.")


def html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head><title>{HEADLINE}</title>{head}</head><body><h1>{HEADLINE}</h1>{body}</body></html>"


def read(page: str):
    return HtmlReader().read(page, "page.html")


def texts(article) -> list[str]:
    return [block.text for block in article.body]


def own_reading(page: str) -> list[str]:
    """The body the assembler makes of our own content root alone, with no second opinion."""
    blocks = page_blocks(extract_body(parse_html(page, "page.html"), None).inside, None)
    return texts(assemble(blocks, PageHints(headline=HEADLINE, content_root=True), "page.html"))


def misread_page() -> str:
    """Every paragraph carries a class our furniture words name (`paywall`), and three teaser
    cards of prose sit beside them: our own extractor alone takes the teasers for the story."""
    story = "".join(f'<p class="paywall">{text}</p>' for text in STORY)
    teasers = "".join(f'<div class="card"><p>Another story from the archive, number {i}, about the local '
                      f"football club and its long search for a new manager this season.</p></div>" for i in range(3))
    return html(f"<main><article>{story}</article></main><section>{teasers}</section>")


def test_an_article_our_own_walk_misreads_still_gives_its_body():
    page = misread_page()
    assert not any(text in STORY for text in own_reading(page))
    assert texts(read(page)) == STORY


def test_a_comment_thread_trafilatura_keeps_goes_with_our_furniture_marks_and_links_stay():
    linked = STORY[1].replace("coast road", '<a href="/travel/coast-road">coast road</a>')
    story = "".join(f"<p>{text}</p>" for text in [STORY[0], linked, *STORY[2:]])
    page = html(f"<div class='story'>{story}<div class='disqus'><p>{COMMENT}</p>"
                f"<p>{COMMENT.replace('ferry', 'boat')}</p></div></div>",
                head='<link rel="canonical" href="https://news.example/harbour.html">')
    opinion = second_opinion(parse_html(page, "page.html"))
    assert any("twenty years" in block.text for block in opinion)  # trafilatura alone keeps the thread
    article = read(page)
    assert texts(article) == STORY
    links = [span for block in article.body for span in block.spans if isinstance(span, Link)]
    assert links == [Link("coast road", "https://news.example/travel/coast-road")]


def test_a_page_trafilatura_trusts_no_body_in_converts_from_our_own():
    notice = ("The harbour crossing closes on Monday for five weeks of repairs to the pier, "
              "the ferry company said in a statement today.")
    page = html(f"<p>{notice}</p>")
    assert second_opinion(parse_html(page, "page.html")) == []
    assert texts(read(page)) == [notice]


def test_a_byline_only_trafilatura_finds_in_the_markup_names_the_author():
    story = "".join(f"<p>{text}</p>" for text in STORY)
    page = html(f'<div class="story"><div class="info">Words: <span class="author-name">Maria Lopez</span>'
                f"</div>{story}</div>")
    assert read(page).authors == ["Maria Lopez"]


def test_a_page_over_the_size_limit_keeps_our_own_body_without_asking(monkeypatch):
    from converter import settings

    page = misread_page()
    assert texts(read(page)) == STORY
    # the same page, were the limit below its size: our own reading, teasers and all, unasked
    monkeypatch.setattr(settings, "MAX_SECOND_OPINION_ELEMENTS", 10)
    assert second_opinion(parse_html(page, "page.html")) == []
    assert texts(read(page)) == own_reading(page)
