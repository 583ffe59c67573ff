"""Dates and bylines as news pages print them."""
from __future__ import annotations

import pytest

from converter.dates import date_from_url, find_dates, first_date, is_relative_date
from converter.people import looks_like_name, names_from_byline, names_from_contribution, names_in_line


@pytest.mark.parametrize("text, expected", [
    ("Nov. 19, 2019, 8:41 AM UTC", "2019-11-19T08:41:00+00:00"),
    ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", "2019-11-18T07:45:00-08:00"),
    ("20 November 2019", "2019-11-20"),
    ("PUBLISHED: 00:01, Tue, Nov 19, 2019", "2019-11-19"),
    ("- Nov. 18th 2019 8:54 am PT", "2019-11-18T08:54:00-08:00"),
    ("18.11.2019", "2019-11-18"),
    ("BY KASHMIRA GANDER ON 11/13/19 AT 4:00 PM EST", "2019-11-13T16:00:00-05:00"),
    ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00"),
    ("Текст: Лида Буслаева·11 октября 2018", "2018-10-11"),
    ("23 novembre 2017", "2017-11-23"),
    ("2019년 11월 20일 10:30", "2019-11-20T10:30:00"),
    ("2019年11月20日", "2019-11-20"),
])
def test_dates_in_the_shapes_pages_print(text, expected):
    assert first_date(text) == expected


@pytest.mark.parametrize("text", [
    "1 day ago", "Published 1 day ago", "Monday 6:30PM", "32M ago", "updated 16M ago", "3 часа назад", "2시간 전", "vor 2 Stunden",
    "před 2 hodinami", "2 godziny temu", "3 saat önce",
])
def test_relative_times_are_no_dates(text):
    assert is_relative_date(text)
    assert find_dates(text) == []


def test_photo_credits_as_captions_end():
    from converter.furniture import photo_credit

    assert photo_credit("Traders on the floor, November 18, 2019. REUTERS/Brendan McDermid") == "REUTERS/Brendan McDermid"
    assert photo_credit("Two men shake hands.Credit…Pool photo by Kevin Mohatt") == "Pool photo by Kevin Mohatt"
    assert photo_credit("Alex Wong | Getty Images") == "Alex Wong | Getty Images"
    assert photo_credit("NEW YORK (Reuters) - Oil prices fell sharply on Tuesday.") is None


def test_a_date_in_the_url():
    assert date_from_url("https://example.com/2019/11/19/some-story/") == "2019-11-19"
    assert date_from_url("https://example.com/news/some-story-1471170") is None


@pytest.mark.parametrize("line, names", [
    ("By Julius Young | Fox News", ["Julius Young"]),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("By Ann Lee, Bob Marr and Cy Young", ["Ann Lee", "Bob Marr", "Cy Young"]),
    ("BY KASHMIRA GANDER ON 11/13/19 AT 4:00 PM EST", ["Kashmira Gander"]),
    ("By Troy L. Smith, Cleveland.com", ["Troy L. Smith"]),
    ("By Chaim Gartenberg@cgartenberg Nov 19, 2019, 7:53pm EST", ["Chaim Gartenberg"]),
    ("By Jonathan GarberFOXBusiness", ["Jonathan Garber"]),
    ("By Eric Song, IGN Staff", ["Eric Song"]),
    ("Von Moritz Bachmann publiziert am 19. November 2019", ["Moritz Bachmann"]),
    ("Текст: Лида Буслаева·11 октября 2018", ["Лида Буслаева"]),
    # an upper-cased name ending in a weekday's letters ("SOLOMON") keeps them
    ("By STEVEN DAVIDOFF SOLOMON JULY 29, 2016", ["Steven Davidoff Solomon"]),
    ("By The Associated Press", None),
    ("Bystanders gathered outside the court on Monday", None),
])
def test_bylines(line, names):
    assert names_from_byline(line) == names


@pytest.mark.parametrize("line, names", [
    ("Isabel Kershner contributed reporting.", ["Isabel Kershner"]),
    ("Fox News’ Jessica Napoli contributed to this report.", ["Jessica Napoli"]),
    ("Reporting by Rodrigo Campos; Editing by Nick Zieminski", ["Rodrigo Campos"]),
    ("Reporting by Ann Lee; additional reporting by Bob Marr and Cy Young; Editing by Dan Grebler",
     ["Ann Lee", "Bob Marr", "Cy Young"]),
    ("The council contributed nothing to the debate on Monday.", None),
])
def test_contribution_lines(line, names):
    assert names_from_contribution(line) == names


@pytest.mark.parametrize("line, name", [
    ("Ed Cara", "Ed Cara"),
    ("JANIE HAR", "Janie Har"),
    ("Robert Burns, Ap National Security Writer", "Robert Burns"),
    ("VICTOR TANGERMANN, FUTURISM", "Victor Tangermann"),
    ("Read more", None),
    ("Business News", None),
    ("Three Cases of Plague Diagnosed in China", None),
])
def test_a_name_on_its_own_line(line, name):
    assert looks_like_name(line) == name


@pytest.mark.parametrize("line, names", [
    ("Jane DoeStaff Writer", ["Jane Doe"]),  # a job title the layout glued to the name
    ("Jane DoeReporter", ["Jane Doe"]),
    ("Jane McDonald", ["Jane McDonald"]),  # a capital inside a name stays
    ("// By Arun Sai Krishnan • Nov 11, 2020", ["Arun Sai Krishnan"]),
    ("Alex Perry 1 day ago", ["Alex Perry"]),
    ("Published November 20th, 2019 - 07:29 GMT", None),  # the words before a date's day
    ("Sign Up", None),  # page controls
    ("Privacy Policy", None),
])
def test_names_in_a_short_line(line, names):
    assert names_in_line(line) == names
