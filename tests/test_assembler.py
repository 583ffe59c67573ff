"""The assembler's decisions on small hand-made text dumps: what a curator would notice.

Each dump is a browser copy in miniature: menus, a kicker, the headline, a
byline and a dateline, a photo caption, then paragraphs. The assertions
are the fields a reader of the digest sees.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest

from converter.convert import convert_dump
from converter.readers.text import TextReader

MENU = ["Skip to main content", "Home", "Latest News", "World", "Business", "Opinion", "Listen Live", "Search"]
PARAGRAPHS = [
    "The council voted on Tuesday to approve the new budget after a long debate that ran well into the night, "
    "officials said, and the mayor promised to sign it within the week.",
    "Opponents argued that the plan cut too deeply into library hours and bus routes, while supporters said the "
    "city had no choice after two years of falling tax receipts and rising costs.",
    "The budget takes effect in January, and a review of its effects on services is due before the summer, "
    "according to the finance committee that drafted it over several months.",
]
HEADLINE = "Council Approves Budget After Long Night of Debate"


def read(lines: list[str]):
    return TextReader().read("\n".join(lines), "council.txt")


def test_the_headline_is_neither_the_kicker_the_menu_nor_the_caption():
    article = read([*MENU, "", "CITY HALL", HEADLINE, "By Jane Doe", "November 19, 2019", "",
                    "The mayor speaks to reporters outside city hall.", "Photo: Reuters", "", *PARAGRAPHS,
                    "", "Related", "Another Story About Something Else Entirely Today"])
    assert article.headline == HEADLINE
    assert article.authors == ["Jane Doe"]
    assert article.date[:10] == "2019-11-19"
    assert article.image.caption == "The mayor speaks to reporters outside city hall."
    assert [b.text for b in article.body] == PARAGRAPHS


def test_a_breadcrumb_glued_to_the_headline_is_cut_off():
    # a browser copy joins the inline links of a breadcrumb with no space
    article = read([*MENU, "", "HomeLatest News" + HEADLINE, "By Jane Doe", "November 19, 2019", "", *PARAGRAPHS])
    assert article.headline == HEADLINE


def test_an_upper_cased_headline_is_the_headline():
    article = read([*MENU, "", HEADLINE.upper(), "By Jane Doe", "November 19, 2019", "", *PARAGRAPHS])
    assert article.headline.casefold() == HEADLINE.casefold()


def test_a_byline_glued_to_a_job_title_names_the_person_only():
    article = read([*MENU, "", HEADLINE, "Jane DoeStaff Writer", "November 19, 2019", "", *PARAGRAPHS])
    assert article.authors == ["Jane Doe"]


def test_a_page_control_is_no_person():
    article = read([*MENU, "", HEADLINE, "Sign Up", "Privacy Policy", "November 19, 2019", "", *PARAGRAPHS])
    assert article.authors == []


GERMAN = (
    ["Startseite", "Politik", "Wirtschaft", "", "Stadtrat beschließt Haushalt nach langer Nacht", "Von Anna Schmidt",
     "20. November 2019, 08:15 Uhr", "",
     "Der Stadtrat hat am Dienstag nach einer langen Debatte, die bis tief in die Nacht dauerte, den neuen "
     "Haushalt beschlossen, und der Bürgermeister will ihn noch in dieser Woche unterschreiben.",
     "Die Gegner sagten, der Plan kürze zu stark bei den Öffnungszeiten der Bibliotheken und bei den Buslinien, "
     "während die Befürworter auf zwei Jahre sinkender Steuereinnahmen verwiesen."],
    "Stadtrat beschließt Haushalt nach langer Nacht", ["Anna Schmidt"], "2019-11-20",
)
FRENCH = (
    ["Accueil", "International", "Économie", "", "Le conseil adopte le budget après une longue nuit",
     "Par Marie Dupont", "Publié le 21 novembre 2019 à 09h12", "",
     "Le conseil municipal a adopté mardi le nouveau budget après un long débat qui s'est prolongé tard dans "
     "la nuit, ont indiqué des responsables, et le maire a promis de le signer dans la semaine.",
     "Les opposants ont estimé que le plan réduisait trop les horaires des bibliothèques et les lignes de bus, "
     "tandis que ses partisans invoquaient deux années de recettes fiscales en baisse."],
    "Le conseil adopte le budget après une longue nuit", ["Marie Dupont"], "2019-11-21",
)


@pytest.mark.parametrize("dump, headline, authors, day", [GERMAN, FRENCH], ids=["von", "par"])
def test_bylines_and_datelines_in_other_languages(dump, headline, authors, day):
    article = read(dump)
    assert article.headline == headline
    assert article.authors == authors
    assert article.date[:10] == day
    assert [b.text for b in article.body] == dump[-2:]


def test_a_relative_date_is_counted_back_from_the_dumps_own_date(tmp_path):
    dump = tmp_path / "2024-08-19-council.txt"
    dump.write_text("\n".join([*MENU, "", HEADLINE, "By Jane Doe", "1 day ago", "", *PARAGRAPHS]), encoding="utf-8")
    article = convert_dump(dump, dump.name)
    assert article.date == "2024-08-18"
    assert article.date_source == "relative"


def test_a_relative_date_in_german_is_counted_back_too(tmp_path):
    dump = tmp_path / "2024-08-19-council.txt"
    dump.write_text("\n".join([*MENU, "", HEADLINE, "Von Anna Schmidt", "vor 2 Tagen", "", *PARAGRAPHS]),
                    encoding="utf-8")
    assert convert_dump(dump, dump.name).date == "2024-08-17"


def test_a_japanese_page():
    paragraphs = [
        "市議会は火曜日、夜遅くまで続いた長い議論の末に新しい予算案を承認した。市長は今週中に署名すると約束した。",
        "反対派は図書館の開館時間やバス路線の削減が大きすぎると主張したが、賛成派は税収の減少が二年続いたと述べた。",
    ]
    article = read(["ホーム", "ニュース", "経済", "", "市議会、長い夜の議論の末に予算案を承認", "2019年11月20日 08:15", "",
                    *paragraphs])
    assert article.headline == "市議会、長い夜の議論の末に予算案を承認"
    assert article.date[:10] == "2019-11-20"
    assert [b.text for b in article.body] == paragraphs


def test_without_a_date_in_its_name_a_relative_date_counts_back_from_the_file_time(tmp_path):
    dump = tmp_path / "council.txt"
    dump.write_text("\n".join([*MENU, "", HEADLINE, "By Jane Doe", "3 days ago", "", *PARAGRAPHS]), encoding="utf-8")
    saved = datetime(2021, 3, 10, 12, tzinfo=timezone.utc).timestamp()
    os.utime(dump, (saved, saved))
    article = convert_dump(dump, dump.name)
    assert article.date == "2021-03-07"  # never counted from the day the test runs


# --- one assembler, two front doors: the same rule decides a field whichever reader fed it ---

def read_html(body: str, head: str = ""):
    from converter.readers.html import HtmlReader

    page = f"<!doctype html><html><head><title>{HEADLINE}</title>{head}</head><body><h1>{HEADLINE}</h1>{body}</body></html>"
    return HtmlReader().read(page, "council.html")


def test_a_contributor_who_is_the_author_is_listed_once_in_either_format():
    sign_off = "Jane Doe and Maria Lopez contributed reporting."
    text = read([*MENU, "", HEADLINE, "By Jane Doe", "November 19, 2019", "", *PARAGRAPHS, sign_off])
    html = read_html("<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f"<p>{sign_off}</p></article>",
                     head='<meta name="author" content="Jane Doe">')
    for article in (text, html):
        assert article.authors == ["Jane Doe"]
        assert article.contributors == ["Maria Lopez"]


MORE = [
    "Library staff said the shorter hours would fall mostly on weekday evenings, when fewer people visit, "
    "and that the branches in the outer districts would keep their Saturday opening for now.",
    "Bus operators warned that two of the routes marked for cuts carry many older passengers to the "
    "hospital, and asked the council to look again at the timetable before the changes begin.",
]


def test_a_by_line_credit_inside_the_body_is_no_paragraph_in_either_format():
    credit = "By Sam Poe | The Example Times"  # a chart's credit between paragraphs
    story = [*PARAGRAPHS, *MORE]
    text = read([*MENU, "", HEADLINE, "By Jane Doe", "November 19, 2019", "", *story[:3], credit, *story[3:]])
    html = read_html("<article><p>By Jane Doe</p>" + "".join(f"<p>{p}</p>" for p in story[:3])
                     + f"<p>{credit}</p>" + "".join(f"<p>{p}</p>" for p in story[3:]) + "</article>")
    for article in (text, html):
        assert [b.text for b in article.body] == story
        assert article.authors == ["Jane Doe"]


def test_a_page_that_declares_no_date_is_dated_by_its_dateline_as_a_dump_is():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = read_html(f"<article><p>Published November 19, 2019</p>{body}</article>")
    text = read([*MENU, "", HEADLINE, "Published November 19, 2019", "", *PARAGRAPHS])
    for article in (text, html):
        assert (article.date[:10], article.date_source) == ("2019-11-19", "dateline")
        assert [b.text for b in article.body] == PARAGRAPHS


def test_what_a_page_declares_wins_over_what_its_blocks_show():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    declared = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "' + HEADLINE
                + '", "datePublished": "2019-11-18T09:00:00Z", "author": {"@type": "Person", "name": "Ann Lee"},'
                + ' "articleSection": "Local"}</script>')
    article = read_html(f"<article><p>By Jane Doe</p><p>Published November 19, 2019</p>{body}</article>", declared)
    assert article.authors == ["Ann Lee"]
    assert article.date.startswith("2019-11-18") and article.date_source == "json-ld"
    assert article.section == "Local"
    assert [b.text for b in article.body] == PARAGRAPHS


def test_a_caption_that_ends_in_its_credit_is_split_the_same_in_either_format():
    caption = "The mayor speaks to reporters outside city hall. Photo: Reuters"
    text = read([*MENU, "", HEADLINE, "By Jane Doe", "November 19, 2019", "", caption, "", *PARAGRAPHS])
    html = read_html('<article><figure><img src="https://example.com/mayor.jpg" alt="The mayor">'
                     f"<figcaption>{caption}</figcaption></figure>"
                     + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")
    for article in (text, html):
        assert (article.image.caption, article.image.credit) == ("The mayor speaks to reporters outside city hall.",
                                                                 "Reuters")


COMMENTS = ["There are 5 comments"]
for name, stamp, text in (
    ("Sam Reader", "November 19, 2019 at 10:12 PM", "I went to the meeting and nobody there was happy with "
     "the library cuts, not one person I spoke with, and I spoke with a lot of them."),
    ("Pat Neighbour", "November 20, 2019 at 7:03 AM", "The bus routes matter more than anything else in this "
     "budget, and the council should have protected them before it touched anything else."),
    ("Lee Commenter", "November 20, 2019 at 9:45 AM", "Two years of falling receipts is no excuse for this, and "
     "the review next summer will come far too late for the people who depend on the buses."),
    ("Kim Resident", "November 20, 2019 at 11:30 AM", "My branch library already closes at five on weekdays, "
     "and with these cuts I do not see how working parents will ever get there with their children."),
    ("Alex Voter", "November 21, 2019 at 8:15 AM", "Everyone complains now, but hardly anyone came to the "
     "hearings in the spring when the committee asked the public what it wanted cut first."),
):
    COMMENTS += [f"{name} · {stamp}", text, "Reply"]


def test_a_comment_thread_under_the_article_is_not_its_body():
    article = read([*MENU, "", HEADLINE, "By Jane Doe", "November 19, 2019", "", *PARAGRAPHS, "", *COMMENTS])
    assert [b.text for b in article.body] == PARAGRAPHS


def test_a_live_feed_of_timed_entries_under_the_article_is_not_its_body():
    feed = []
    for stamp, entry in (("14:44", "Rail strike called off"), ("14:32", "Storm warning for the coast"),
                         ("13:54", "Museum reopens after repairs")):
        feed += [f"{stamp} {entry}",
                 f"{entry} today, officials said in a statement that gave few details, and more is expected to be "
                 "announced later in the afternoon by the regional authorities."]
    article = read([*MENU, "", HEADLINE, "By Jane Doe", "November 19, 2019", "", *PARAGRAPHS, "", *feed])
    assert [b.text for b in article.body] == PARAGRAPHS


def test_a_photo_credit_inside_the_article_does_not_end_it():
    # "© Name/Agency" under a photo names no year: a credit, not the page's copyright footer
    article = read([*MENU, "", HEADLINE, "By Jane Doe", "November 19, 2019", "", PARAGRAPHS[0], "",
                    "© Sam Photographer/Agency", "", *PARAGRAPHS[1:], "", "© 2019 The Daily Example. All rights reserved."])
    assert [b.text for b in article.body] == PARAGRAPHS


def test_leaked_markup_is_never_body_however_long():
    markup = '<div class="ad"><a href="https://ads.example/click?id=1234">' + "x " * 200 + "</a></div>"
    article = read([*MENU, "", HEADLINE, "By Jane Doe", "November 19, 2019", "", PARAGRAPHS[0], markup,
                    *PARAGRAPHS[1:], markup, markup])
    assert [b.text for b in article.body] == PARAGRAPHS
