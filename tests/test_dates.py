"""Where an article's date comes from: the page first, then name, git, file time."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import SEED

from converter.convert import convert_dump

PARAGRAPH = ("The council voted on Tuesday to approve the new budget after a long debate that ran "
             "well into the night, officials said.")


def dump_with(tmp_path: Path, name: str, header: list[str]) -> Path:
    lines = ["Council approves budget after a long night", *header, "", PARAGRAPH, "", PARAGRAPH.replace("Tuesday", "Monday")]
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_published_line_wins_over_updated_and_keeps_time_and_zone(tmp_path):
    path = dump_with(tmp_path, "2020-01-01-council.txt",
                     ["Updated Aug. 20, 2024, 9:15 a.m. ET", "Published Aug. 19, 2024, 5:03 a.m. ET"])
    article = convert_dump(path, path.name)
    assert article.date == "2024-08-19T05:03:00-05:00"
    assert article.date_source == "dateline"


def test_url_date_when_the_page_prints_none(tmp_path):
    path = dump_with(tmp_path, "council.txt", ["https://news.example.com/2023/05/17/city/council-budget.html"])
    article = convert_dump(path, path.name)
    assert article.date == "2023-05-17" and article.date_source == "url"


def test_file_name_date_when_the_dump_has_none(tmp_path):
    path = tmp_path / "2024-08-19-blinken.txt"
    path.write_bytes(SEED.read_bytes())
    article = convert_dump(path, path.name)
    assert article.date == "2024-08-19" and article.date_source == "filename"


def test_first_commit_date_before_file_time(tmp_path):
    path = tmp_path / "blinken.txt"
    path.write_bytes(SEED.read_bytes())
    env = {**os.environ, "GIT_AUTHOR_DATE": "2024-08-19T12:00:00+00:00", "GIT_COMMITTER_DATE": "2024-08-19T12:00:00+00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}
    for cmd in (["git", "init", "-q"], ["git", "add", "blinken.txt"], ["git", "commit", "-qm", "add dump"]):
        subprocess.run(cmd, cwd=tmp_path, env=env, check=True)
    article = convert_dump(path, path.name)
    assert article.date == "2024-08-19T12:00:00+00:00" and article.date_source == "git"


def test_file_time_is_the_last_resort(tmp_path):
    path = tmp_path / "blinken.txt"
    path.write_bytes(SEED.read_bytes())
    os.utime(path, (1_700_000_000, 1_700_000_000))
    article = convert_dump(path, path.name)
    assert article.date == "2023-11-14T22:13:20+00:00" and article.date_source == "mtime"


@pytest.mark.parametrize("dateline, day", [
    ("19. listopadu 2021 10:52", "2021-11-19"),          # Czech, a language no rule of ours names
    ("12 października 2019", "2019-10-12"),              # Polish, month in the genitive
    ("Diposting Oktober 27, 2015 oleh Admin", "2015-10-27"),  # Indonesian, month first
    ("3 ottobre 2018", "2018-10-03"),                    # Italian
    ("BUSINESSNOV 7, 2023 2:00 AM", "2023-11-07"),       # a kicker glued to the dateline
])
def test_datelines_in_many_languages(tmp_path, dateline, day):
    """Month names come from dateparser's locale data, not a hand list: any of its languages reads."""
    path = dump_with(tmp_path, "council.txt", [dateline])
    article = convert_dump(path, path.name)
    assert (article.date or "")[:10] == day
    assert article.date_source == "dateline"


def test_a_capitalised_word_before_numbers_is_no_month(tmp_path):
    path = dump_with(tmp_path, "council.txt", ["Chapter 12, 2019 edition"])
    article = convert_dump(path, path.name)
    assert article.date_source != "dateline"


@pytest.mark.parametrize("dateline, day", [
    ("#15 Jane Doe • 3 days ago", "2024-08-16"),  # a forum post's number before the relative date
    ("Topic #2: 2 hours ago", "2024-08-19"),
])
def test_a_hash_the_page_prints_is_no_count_of_a_relative_date(tmp_path, dateline, day):
    """The phrase table writes a relative date's number as "#": a "#" in the dump is text, not one."""
    path = dump_with(tmp_path, "2024-08-19-council.txt", [dateline])
    article = convert_dump(path, path.name)
    assert (article.date, article.date_source) == (day, "relative")


@pytest.mark.parametrize("line", ["Forum: # days ago", "#1 # days ago", "Jane Doe • # hours ago"])
def test_a_hash_where_a_relative_date_has_its_number_is_no_relative_date(tmp_path, line):
    path = dump_with(tmp_path, "2024-08-19-council.txt", [line])
    assert convert_dump(path, path.name).date_source != "relative"
