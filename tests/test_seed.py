"""The seed dump converts exactly as the converter issue specifies."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEED

from converter.convert import convert_dump

EXPECTED_FIRST = "Secretary of State Antony J. Blinken said on Monday"
EXPECTED_LAST = "to agree to a deal."


def test_seed_fields_are_exact():
    article = convert_dump(SEED, "seed.txt")
    assert article.headline == "Blinken is in Israel to push for a Gaza cease-fire deal."
    assert article.credit == "Pool photo by Kevin Mohatt"
    assert article.contributors == ["Isabel Kershner"]
    assert article.section == "Top News"
    assert article.image.description == "Two men in suits, standing in front of two flags, shake hands."
    assert article.image.caption == (
        "Secretary of State Antony J. Blinken with President Isaac Herzog of Israel in Tel Aviv on Monday."
    )


def test_seed_body_is_the_ten_paragraphs_and_nothing_else():
    article = convert_dump(SEED, "seed.txt")
    paragraphs = [b.text for b in article.body]
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith(EXPECTED_FIRST)
    assert paragraphs[-1].endswith(EXPECTED_LAST)
    body = "\n".join(paragraphs)
    for furniture in ("Advertisement", "SKIP ADVERTISEMENT", "TOP NEWS", "Credit", "Kevin Mohatt",
                      "contributed reporting", "Two men in suits"):
        assert furniture not in body
    # typographic quotes and dashes survive untouched
    assert "\u201cThis is a decisive moment,\u201d" in body
    assert "\u2014 his ninth visit to the region" in body


def test_extract_json_prints_every_field():
    proc = subprocess.run(
        [sys.executable, "-m", "converter", "extract", "--json", str(SEED)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    record = json.loads(proc.stdout)
    for key in ("source", "headline", "date", "date_source", "credit", "contributors", "authors",
                "section", "image", "summary", "url", "slug", "body"):
        assert key in record
    assert record["image"]["caption"].startswith("Secretary of State")
    assert record["summary"].startswith(EXPECTED_FIRST)
    assert record["body"].count("\n\n") == 9
