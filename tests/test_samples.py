"""Every sample shipped in content/ publishes its true headline, byline and date.

The truth of each row was read off the page itself (its title line, its
byline, its dateline or metadata); a sample added to content/ needs a row
here, so the first build a newcomer sees is right.
"""
from __future__ import annotations

import pytest

from conftest import ROOT

from converter.convert import convert_dump

SAMPLES = ROOT / "content" / "dumps"

# file -> (headline, byline, publication day)
TRUTH = {
    "2019-11-18-prince-andrew-interview.txt": ("Royal Self-Indicting Arrogance", ["Finian Cunningham"], "2019-11-18"),
    "2019-11-19-republicans-following-trump.txt": ("Republicans Are Following Trump to Nowhere", ["Jamelle Bouie"],
                                                   "2019-11-19"),
    "2019-11-19-stadia-red-dead-redemption-2.txt": (
        "Google Stadia Red Dead Redemption 2 doesn’t run at a stable 60fps", ["Lewis White"], "2019-11-19"),
    "2019-11-19-star-trek-4-noah-hawley.html": (
        "Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct", ["Chaim Gartenberg"], "2019-11-19"),
    # BBC News names no person ("noBylinesPolicy")
    "2019-11-19-sweden-drops-assange-investigation.html": ("Sweden drops Assange rape investigation", [], "2019-11-19"),
    "2019-11-20-impeachment-white-house.txt": ("Impeachment sham completely debunked: White House", [], "2019-11-20"),
    "2019-11-20-israeli-settlements-reaction.txt": (
        "World Community Lashes Out at US for No Longer Considering Israeli Settlements Illegal", [], "2019-11-20"),
    "2019-11-20-sondland-impeachment-testimony.txt": (
        "Unpredictable Sondland faces questions about Trump, Ukraine",
        ["Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"], "2019-11-20"),
    "2019-11-20-star-wars-jedi-fallen-order-review.txt": (
        "Star Wars Jedi: Fallen Order review – shoots for the moon, lands among the stars", ["Sherif Saed"],
        "2019-11-20"),
    "2024-08-19-blinken-israel.txt": ("Blinken is in Israel to push for a Gaza cease-fire deal.", [], "2024-08-19"),
}


def test_every_sample_has_a_row():
    shipped = {p.name for p in SAMPLES.iterdir() if p.is_file()}
    assert shipped == set(TRUTH)


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_sample_publishes_its_true_headline_byline_and_date(name):
    headline, byline, day = TRUTH[name]
    article = convert_dump(SAMPLES / name, f"dumps/{name}")
    assert article.headline == headline
    assert article.authors == byline
    assert (article.date or "")[:10] == day
    assert article.date_source not in ("git", "mtime")
