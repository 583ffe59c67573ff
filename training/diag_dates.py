"""Print the pages whose text-dump date is wrong: the truth, what the reader gave, and the
lines near the top that hold a digit or a month-like word (what a dateline could be).

Uses the shipped line model (not leave-site-out): dates are read by shape around the
headline, so this shows which date shapes the reader misses.
"""
import re
import sys

from training import train
from training.corpus import load_pages

pages = [p for p in load_pages() if not p.selection]
scorer = train.load_scorer(train.SHARED)
only = sys.argv[1] if len(sys.argv) > 1 else None
for page in pages:
    if only and page.corpus != only:
        continue
    truth = scorer.day(page.truth.get("date"))
    if not truth:
        continue
    got = train.convert(page)
    if scorer.day(got.get("date")) == truth:
        continue
    print(f"== {page.corpus} {page.site} {page.id[:10]} truth={truth} got={got.get('date')} "
          f"relative={got.get('relative_date')!r} head={got.get('headline')!r}")
    shown = 0
    for line in page.lines:
        text = line.text
        if len(text) <= 120 and re.search(r"\d", text) and shown < 12:
            print(f"     {line.index:4d} {text[:120]!r}")
            shown += 1
