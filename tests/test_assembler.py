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
