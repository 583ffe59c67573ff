"""A page under the size limit converts in seconds, however it is built.

Saved pages full of unclosed comments and tags (`<!--`, `<script `,
`<style `, `<div `, …) once made the HTML reader's clean-up regexes
rescan the rest of the page for each of them: a 1 MB page never finished;
text lines of bullets and spaces did the same to the furniture trimmer.
Here 1 MB pages of each kind go through the converter in a subprocess; a
hang shows as the (generous) timeout, never as a wall-time assertion.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

MEGABYTE = 1 << 20
PROSE = "Some running prose words in a sentence that is long enough to count as text. " * 5
UNCLOSED = ["<!--", "<script ", "<script>", "<style ", "<div ", "<svg>", "<noscript>", "<meta charset=x>"]
HANG_TIMEOUT = 600  # seconds: only a hang (or a quadratic step) comes near it


def pathological_page(token: str) -> str:
    head = f"<html><head><title>A page of repeated {token.strip()}</title></head><body><h1>Repeated markup</h1><p>{PROSE}</p>"
    return head + token * ((MEGABYTE - len(head)) // len(token)) + "</body></html>"


def test_megabyte_pages_of_unclosed_markup_convert(tmp_path: Path):
    pages = []
    for number, token in enumerate(UNCLOSED):
        page = tmp_path / f"page-{number}.html"
        page.write_text(pathological_page(token), encoding="utf-8")
        pages.append(str(page))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "converter", "extract", "--json", *pages],
                          capture_output=True, text=True, env=env, timeout=HANG_TIMEOUT)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == len(pages), proc.stderr
    for record in records:  # an article, or the converter's own one-line reason
        assert record.get("headline") or record.get("error"), record
    assert "Traceback" not in proc.stderr


RUNS = ["* ", "•", "  ", ":", "\t", "» ", "|"]  # bullets and spaces that do not end the line


def test_megabyte_text_lines_of_bullets_and_spaces_convert(tmp_path: Path):
    """Trimming bullets off a line's end once retried from every character of a run that
    did not end it: 32 KB of "* * … x" took 30 s, 1 MB never finished."""
    dumps = []
    for number, run in enumerate(RUNS):
        line = run * ((MEGABYTE // 3) // len(run)) + "x"
        dump = tmp_path / f"runs-{number}.txt"
        dump.write_text(f"Bullets all the way across\n\n{PROSE}\n\n{line}\n\nBy {line}\n\nPhoto {line}\n",
                        encoding="utf-8")
        dumps.append(str(dump))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "converter", "extract", "--json", *dumps],
                          capture_output=True, text=True, env=env, timeout=HANG_TIMEOUT)
    assert len(proc.stdout.splitlines()) == len(dumps) and "Traceback" not in proc.stderr, proc.stderr


def test_a_megabyte_text_dump_of_bracket_runs_converts(tmp_path: Path):
    """Duplicate detection reads every body: a body of "](" once rescanned itself per bracket."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "2024-05-01-brackets.txt").write_text(
        f"Brackets all the way down\n\n{PROSE}\n\n" + "[x](" * (MEGABYTE // 4) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "converter", "convert", "-q", str(content)],
                          capture_output=True, text=True, env=env, timeout=HANG_TIMEOUT, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert len(list((content / "posts").glob("*.md"))) == 1


LINE = 100_000  # characters: a line no byline or dateline is, well within the size limit
HEADER_LINES = {  # what sits between a headline and its body: read for names and dates
    "byline-spaces": "By Jane" + " " * LINE + "Doe",  # `split_names` was cubic in a run of spaces
    "name-spaces": "Jane" + "\t " * (LINE // 2) + "Doe",
    "digits": "7" * LINE,  # relative dates ("3시간 전") were tried at every digit
    "by-by": "Monday" + " by Ab" * (LINE // 6) + " 1",  # "… by NAME" retried at every "by"
}
TITLE = "Ferry vote" + " - x" * (LINE // 4)  # a site-name cut was tried at every separator


def test_long_header_lines_and_titles_convert(tmp_path: Path):
    """Names and dates are looked for in short lines; a 100 KB header line or title is neither,
    and once took minutes (or never finished) in the byline, name and relative-date patterns."""
    dumps = []
    for name, line in HEADER_LINES.items():
        dump = tmp_path / f"{name}.txt"
        dump.write_text(f"A harbour town votes on its ferries\n\n{line}\nPublished June 3, 2024\n\n{PROSE}\n\n{PROSE}\n",
                        encoding="utf-8")
        dumps.append(str(dump))
    page = tmp_path / "title.html"
    page.write_text(f'<html><head><title>{TITLE}</title><meta property="og:title" content="{TITLE}">'
                    f'<meta name="author" content="Jane{" by Ab" * (LINE // 6)} 1"></head>'
                    f"<body><h1>Ferry vote</h1><p>{PROSE}</p><p>{PROSE}</p></body></html>", encoding="utf-8")
    dumps.append(str(page))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "converter", "extract", "--json", *dumps],
                          capture_output=True, text=True, env=env, timeout=HANG_TIMEOUT)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == len(dumps) and "Traceback" not in proc.stderr, proc.stderr
    assert all(record.get("headline") for record in records), records
