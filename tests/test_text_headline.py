"""The text reader's headline on small hand-made dumps: what a curator would notice."""
from __future__ import annotations

from converter.readers.text import TextReader

PARAGRAPH = ("The council voted on Tuesday to approve the new budget after a long debate that ran well into "
             "the night, officials said, and the mayor promised to sign it within the week.")
MENU = ["Home", "World", "Business", "Opinion", "Listen Live", "Search"]


def read(lines: list[str]):
    return TextReader().read("\n".join(lines), "council.txt")


def test_a_headline_with_the_photo_credit_right_under_it_is_not_a_caption():
    article = read([*MENU, "Council Approves Budget After Long Night", "© REUTERS / POOL", "Columnists",
                    "21:17 18.11.2019", "", PARAGRAPH, "", PARAGRAPH.replace("Tuesday", "Monday")])
    assert article.headline == "Council Approves Budget After Long Night"


def test_a_sentence_glued_to_a_photo_credit_stays_a_caption():
    article = read([*MENU, "Council Approves Budget After Long Night", "By Jane Doe",
                    "The mayor speaks to reporters outside city hall on Tuesday.", "Photo: Reuters", "",
                    PARAGRAPH, "", PARAGRAPH.replace("Tuesday", "Monday")])
    assert article.headline == "Council Approves Budget After Long Night"
    assert article.image.caption == "The mayor speaks to reporters outside city hall on Tuesday."
    assert article.image.credit == "Reuters"
