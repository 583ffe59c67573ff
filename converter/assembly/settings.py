"""Every threshold and weight of the article assembler, named, in one place.

The learned weights live in `line_model.json` (written by `make train`);
what is here are the hand-set numbers around them: bucket edges of the
features, decision thresholds and search windows. Change one here and
retrain; nothing else in the package holds a bare number.
"""
from __future__ import annotations

# --- features --------------------------------------------------------------
#: word-count buckets (a line of 1 word, 2-3, 4-7, ...): one feature each
WORD_BUCKETS = (1, 2, 4, 8, 15, 30, 60)
#: a line's character shares (capitals, digits, punctuation) are read on this many first characters
SHAPE_CHARS = 300
#: a line longer than this many words counts as this long (no paragraph is longer)
LONG_LINE_WORDS = 300
#: lines either side whose shape describes a line's neighbourhood
CONTEXT_NEAR = 1
CONTEXT_WIDE = 5
#: a line this many words long (ending like a sentence, for some features) is "prose-shaped";
#: shorter than the HTML reader's `text_shape.PROSE_WORDS`, as a text dump's lines are
#: never split by markup and the learned weights sit on this edge
PROSE_LINE_WORDS = 10
#: the document's most frequent tokens (its function words, in any language)
COMMON_TOKENS = 40
#: lines longer than this are never dates, bylines or captions
SHORT_LINE_CHARS = 200
#: short lines whose shape and detector answers are remembered (the readers see the same menus,
#: share bars and captions again on a page and across a site's pages)
LINE_CACHE_SIZE = 8192

# --- decisions -------------------------------------------------------------
#: a line is body when its body probability reaches this. Leave-site-out body F1 for
#: 0.45 / 0.5 / 0.55 / 0.6 / 0.65: 0.877 / 0.889 / 0.896 / 0.891 / 0.884 (headline and people best at 0.55 too)
BODY_THRESHOLD = 0.55
#: ... or, on a page where no line does (a short dump unlike most pages), this share of the page's best
BODY_FALLBACK_SHARE = 0.5
#: a paragraph right above or below the article's run joins it when its body probability reaches this
BODY_EDGE_THRESHOLD = 0.25
#: inside the article's run, a weaker line is body when body lines stand on both sides
BODY_BETWEEN_THRESHOLD = 0.15
#: lines before the first body line searched for the headline
HEADLINE_WINDOW = 45
#: lines after the body's first line that may still be the headline (what stood above it is then no body)
HEADLINE_LOOKAHEAD = 4
#: headline candidates: other title-shaped lines (this many words or more) this close make a list of teasers
TITLE_SIBLING_WORDS = 4
TITLE_SIBLING_LINES = 3
#: lines around the headline (and below the body's start) searched for a dateline
HEADER_WINDOW = 12
#: headline candidates: gaps to the body and ranks from the bottom beyond these share a bucket
HEADLINE_GAP_BUCKETS = 5
HEADLINE_RANK_BUCKETS = 4
#: byline candidates: lines this far from the headline and body start
BYLINE_WINDOW = 6
#: offsets from the headline beyond this share a bucket
BYLINE_OFFSET_BUCKETS = 8
#: the best byline candidate names the authors when the ranker is this sure
BYLINE_THRESHOLD = 0.15
#: a breadcrumb glued before the headline: menu items this short, a title left this long
BREADCRUMB_MAX_WORDS = 4
BREADCRUMB_MIN_TITLE_WORDS = 3
#: a byline is at most this many words long
BYLINE_MAX_WORDS = 25
#: the second pass sees the first pass's body probabilities this far around a line
CONTEXT_NEAR_LINES = 2
CONTEXT_WIDE_LINES = 8
