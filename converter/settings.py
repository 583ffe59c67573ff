"""Thresholds, weights and limits, in one place: lead images, single-file
saves, saved pages (the HTML reader), the shape of a line of text, names
and dates, and the line model of text dumps.

The learned weights live in `assembly/line_model.json` (written by `make
train`); what is here are the hand-set numbers around them. Change one of
the line model's and retrain.

Each value says what it protects; the modules that use them read them as
`settings.NAME`, so a reader sees where a number lives.
"""
from __future__ import annotations

# The article column is 38rem wide (theme_overrides/assets/stylesheets/digest.css,
# `.digest-article`); Material's rem is 20px on a desktop screen.
ARTICLE_COLUMN_PX = 760
# A lead image is published at most twice that wide: sharp on a high-density
# screen, and no bigger than any screen needs.
LEAD_IMAGE_MAX_WIDTH = 2 * ARTICLE_COLUMN_PX
# What the saved copy of a lead image may weigh before it is decoded at all.
MAX_SAVED_IMAGE_BYTES = 16 * 1024 * 1024
# Pixels an image may declare before it is decoded: a decompression bomb
# (a few KB that declare 50,000 x 50,000 pixels) is refused from its header.
MAX_IMAGE_PIXELS = 40_000_000
# What an article's published images may weigh in all, after resizing.
MAX_ARTICLE_IMAGE_BYTES = 1536 * 1024
# JPEG quality of a published lead image (photos; PNG keeps transparency losslessly).
JPEG_QUALITY = 82
# Hex digits of the SHA-256 that names a published image (identical images, one file).
IMAGE_NAME_DIGITS = 24

# A data: URI this long or longer is an inlined resource (SingleFile saves):
# it is set aside before the page is parsed; shorter ones are left in place.
DATA_URI_MIN_CHARS = 256
# Parts of an MHTML file or resources of a web archive read at most: a page
# saved with its images has dozens to a few hundred.
MAX_ARCHIVE_PARTS = 2000
# Checked on the raw bytes before a container is parsed, so that a file of
# a million empty parts (the email parser takes 5 s per MB of them) or
# objects is refused in one pass: lines that may open a MIME part (a style
# sheet's `--custom-property` lines count too, hence the room), and the
# object count a binary property list declares in its trailer.
MAX_MIME_PART_LINES = 20_000
MAX_PLIST_OBJECTS = 100_000

# Levels of lists and mappings a sidecar's front matter may nest (its fields nest
# one level: a list of names); deeper is refused before Python's recursion limit.
MAX_SIDECAR_NESTING = 8
# Calls a note or introduction is rendered below when it is checked (notes.note_problem):
# the sample site's MkDocs build (blog plugin, our plugin) renders Markdown up to 220
# calls deep (measured); a note rendered that deep must still fit, with room to spare.
NOTE_SPARE_FRAMES = 400

# Opt-in fetching of remote lead images at build time (plugin/remote_images.py):
# how long one request may take, and how many run at once.
REMOTE_IMAGE_TIMEOUT_S = 10
REMOTE_IMAGE_WORKERS = 4


# --- the shape of a line of text (text_shape.py: both readers ask it) ---

# A line of this many words is running text unless something says otherwise.
PROSE_WORDS = 12
# Scripts that space phrases, not words (Thai): this many characters make a word.
CHARS_PER_WORD = 8
# Scripts written without spaces (Chinese, Japanese): this many characters make a word.
CJK_CHARS_PER_WORD = 2
# A space-less line with fewer CJK characters than this is one token (a slug, a URL, a handle).
CJK_MIN_CHARS_FOR_WORDS = 4
# A caption that states its photo credit is at most this long; a longer line is prose (furniture.py).
CREDIT_MAX_CHARS = 400
# A photographer's credit that ends a caption ("David McNew—Getty Images") is looked for in
# this many last characters (four names and an agency fit well inside).
CREDIT_TAIL_CHARS = 120
# Captions whose credit is remembered: the text reader asks it of one line up to four times,
# and a site's captions repeat across its pages.
CREDIT_CACHE_SIZE = 8192
# The quick tests read off the furniture and byline patterns (pattern_words.py) spell out at most
# this many ways a match of one alternative starts; past it they keep the shorter starts (still exact).
QUICK_TEST_MAX_STARTS = 256

# --- saved pages (HTML reader: readers/html.py) ---

# Bytes looked through for a <meta charset> before the page is decoded (HTML5 looks in the
# first 1024; four times that leaves room for a long <head>).
CHARSET_SNIFF_BYTES = 4096
# libxml2 gives up past 256 open elements; a page whose last element sits this deep is read
# again without its nesting tags (a real page never gets near that).
MAX_PARSE_DEPTH = 250

# --- saved pages: what the page says about itself (readers/html_metadata.py) ---

# Separators tried at each end of a title: "Headline - Section - Site" needs two;
# trying every one of a title made of thousands was quadratic (100 KB: over a minute).
MAX_TITLE_CUTS = 8
# Characters of an inline tag dropped from a JSON-LD text value: bounds the regex (linear on any input).
MAX_INLINE_TAG_CHARS = 200
# A JSON-LD block longer than this is skipped unread (real ones are a few KB).
MAX_JSONLD_CHARS = 2_000_000
# How deep JSON-LD's lists, @graph and mainEntity are followed, and how many items of a list:
# the article node sits at most a few levels down; a hostile block is not walked whole.
MAX_JSONLD_DEPTH = 6
MAX_JSONLD_LIST_ITEMS = 200
# Authors read from one JSON-LD `author` value, and from each author meta tag name.
MAX_JSONLD_AUTHORS = 30
MAX_META_AUTHORS = 3
# <h1> elements looked at for the headline, and the length its text stays under
# (longer is a whole block of the page wrapped in an <h1>).
MAX_H1S = 10
MAX_H1_CHARS = 400
# Two headline keys longer than this match when one holds the other (shorter ones
# must be equal: "News" is inside many a title).
LOOSE_MATCH_PAST_CHARS = 20
# <time datetime> elements looked at for the date when nothing stronger states it.
MAX_TIME_TAGS = 20
# Byline elements (rel=author, class byline/author) looked at, and the longest text one may
# have (longer is an author box with a biography, not a byline).
MAX_BYLINE_ELEMENTS = 10
MAX_BYLINE_CHARS = 120

# --- saved pages: the article's text (readers/html_body.py) ---

# Ancestors tracked at most this many levels deep; deeper elements are read as text only
# (bounds the ancestor tuples of a page of 100k nested tags).
MAX_TRACKED_DEPTH = 400
# Distinct class/id/role strings whose furniture/media/byline reading is remembered:
# pages repeat a few hundred of them.
CLASSIFY_CACHE_SIZE = 4096
# A list entry opening with a link at least this long is a teaser of another story
# (shorter: "Read more", a tag, a name).
TEASER_MIN_LINK_CHARS = 15
# Prose ("good" blocks): at most this share of its characters in links, and at least
# PROSE_WORDS words and this many characters, or this many CJK characters.
PROSE_MAX_LINK_SHARE = 0.4
PROSE_MIN_CHARS = 60
PROSE_MIN_CJK_CHARS = 40
# A furniture-marked element (or an image wrapper) holding at least this share of the
# article's prose is its wrapper, not furniture (nor a caption).
WRAPPER_SHARE = 0.5
# Votes for the article root, readability's: a good block gives its element's ancestors one
# point, one per comma and one per this many characters, at most VOTE_MAX_LENGTH_POINTS of them;
VOTE_CHARS_PER_POINT = 100
VOTE_MAX_LENGTH_POINTS = 3
# ... to this many levels of ancestors: the parent fully, the grandparent halved, each level
# above divided by VOTE_FARTHER_LEVEL_DIVISOR times its distance.
VOTE_ANCESTOR_LEVELS = 4
VOTE_GRANDPARENT_DIVISOR = 2
VOTE_FARTHER_LEVEL_DIVISOR = 3
# A sibling subtree joins the article root when its biggest paragraph container holds at least
# this share of the core's (a body split into columns), not when its prose is in small cards.
COLUMN_MIN_SHARE_OF_CORE = 0.3
# Figures looked at for the lead image: past the first few, a picture belongs to something else.
LEAD_IMAGE_MAX_FIGURES = 5

# --- the assembler: the body of a page whose markup shows where the article is (assembly/body.py) ---

# A block that is not prose with more than this share of its characters in links is a link
# list (and does not lead into the article).
LINK_HEAVY_SHARE = 0.5
# A block the format does not read as prose, of at most this many words, holding a date is
# a dateline (assembly/header.py: both formats).
DATELINE_MAX_WORDS = 15
# A block right before the first paragraph leads into the article: a heading of at least
# this many words, or a sentence of at least SENTENCE_MIN_WORDS.
LEAD_IN_HEADING_MIN_WORDS = 2
# A sentence of at least this many words is the story's, not a label (both formats): it leads
# into the article, and it makes a text line prose-shaped.
SENTENCE_MIN_WORDS = 6

# --- saved pages: trafilatura's second opinion (readers/html_second_opinion.py) ---

# A page of more elements than this keeps our own body, unasked: trafilatura's time grows
# with the elements (up to a quarter of a millisecond each: a hostile megabyte of 160,000
# paragraphs took it 40 s), and the largest of the 120 corpus pages has under 3,000.
MAX_SECOND_OPINION_ELEMENTS = 10_000
# trafilatura's own MIN_EXTRACTED_SIZE default, used should its config lack the key.
SECOND_OPINION_MIN_CHARS_FALLBACK = 250

# --- saved pages: single-file containers (readers/archive.py) ---

# Characters of a resource's address shown in a message about it.
MAX_RESOURCE_NAME_CHARS = 120

# --- names (people.py: both readers ask it) ---
# A byline, a name or a credit line is short; a longer line is prose. Every entry
# point of people.py sees at most this much, with white space collapsed: its patterns
# are cheap on such lines but not on any line (a 100 KB line of "by Ab by Ab
# …" took 18 s; one of spaces between two names never finished: `_SPLIT` is cubic
# in a run of spaces). Readers hand them whole lines of any length.
NAME_LINE_MAX_CHARS = 300
# A contributor line ("Reporting by A and B; Editing by C") is at most this many words;
# a longer one is prose that mentions reporting. Both readers use it.
CONTRIBUTION_MAX_WORDS = 40
# Blocks after the article's last paragraph read for "X contributed reporting" (both formats).
CONTRIBUTION_BLOCKS_AFTER = 8
# A byline is at most this many words long (both formats: the text ranker's candidates and a
# byline block set aside from a page's body); longer is prose that mentions someone.
BYLINE_MAX_WORDS = 25

# --- dates (dates.py) ---
# A month name is recognised from this many letters on (its locale data's abbreviations).
MIN_MONTH_NAME = 3
# A relative date ("vor 2 Stunden", "Jane Doe • 3 days ago") is looked for in lines of at most
# this many characters, in the phrase that starts at one of their last few words (dateparser's
# phrases are at most four words: "il y a 3 jours"; a name or label may stand before them).
RELATIVE_DATE_MAX_CHARS = 80
RELATIVE_PHRASE_MAX_WORDS = 6
# A line with no digit is a relative date only if it ends as a day word does ("gestern", "an hour
# ago"): its last this many letters (spaces and " .:," aside), read from this many characters
# before its end, are compared with the day words' (a set look-up; more letters turn more away).
RELATIVE_KEY_CHARS = 4
RELATIVE_KEY_SPAN = 16
# A day without its year ("Posted Nov 19") is the last such day on or before the dump's date,
# looked for this many years back (February 29 comes once in four).
LEAP_YEAR_CYCLE = 4
# Short lines whose relative-date reading is remembered (a site prints "1 hour ago" on every teaser).
RELATIVE_DATE_CACHE_SIZE = 8192
# htmldate reads this much of a page (scripts and comments already gone). Its
# patterns are not all linear (a <title> of 20,000 "<!--" took 2 s, 80,000 took
# 30 s); a page's date sits in its head and header, well inside the bound:
# corpus and corpus2 give the same dates with it as without.
PAGE_DATE_CHARS = 65_536

# --- text dumps: the line model's features (assembly/features.py) ---
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
#: shorter than the HTML reader's `PROSE_WORDS`, as a text dump's lines are
#: never split by markup and the learned weights sit on this edge
PROSE_LINE_WORDS = 10
#: a line of at most this many words is short (a menu item, a "Reply" link, a user name)
SHORT_LINE_WORDS = 3
#: a page where fewer than this share of the long lines end like a sentence writes paragraphs
#: with no sentence mark (Thai, Lao): a long line ending none is no teaser there
PUNCTUATED_PAGE_SHARE = 0.5
#: the document's most frequent tokens (its function words, in any language)
COMMON_TOKENS = 40
#: lines longer than this are never dates, bylines or captions
SHORT_LINE_CHARS = 200
#: short lines whose shape and detector answers are remembered (the readers see the same menus,
#: share bars and captions again on a page and across a site's pages)
LINE_CACHE_SIZE = 8192
#: `ignorecase.fold` of a text longer than this (a page's lines at once) looks for the letters it
#: maps among the text's non-ASCII characters alone: a C pass over its bytes, not a search of each
FOLD_SCAN_CHARS = 400
#: `text_shape.count_words` of a line longer than this looks for CJK and non-ASCII word characters
#: among the line's non-ASCII characters alone (picked out by a C pass over its bytes)
NON_ASCII_SCAN_CHARS = 40
#: a page's new short lines have their text features worked out together, this many at most at
#: once: a median page has ~110; a hostile dump's million lines make bounded arrays, batch by batch
LINE_BATCH_SIZE = 2048

# --- text dumps: the decisions around the line model (converter/assembly/) ---
#: a line is body when its body probability reaches this. Leave-site-out body F1 for
#: 0.45 / 0.5 / 0.55 / 0.6 / 0.65: 0.877 / 0.889 / 0.896 / 0.891 / 0.884 (headline and people best at 0.55 too)
BODY_THRESHOLD = 0.55
#: ... or, on a page where no line does (a short dump unlike most pages), this share of the page's best
BODY_FALLBACK_SHARE = 0.5
#: a paragraph right above or below the article's run joins it when its body probability reaches this
BODY_EDGE_THRESHOLD = 0.25
#: inside the article's run, a weaker line is body when body lines stand on both sides
BODY_BETWEEN_THRESHOLD = 0.15
#: a thread under the article (comments, a live blog): at least this many entries, each opened
#: by a stamp (a line of at most STAMP_MAX_WORDS words with a date) with running text within
#: STAMP_ENTRY_LINES lines below it; the article ends before the first
THREAD_MIN_STAMPS = 3
STAMP_MAX_WORDS = 15
STAMP_ENTRY_LINES = 2
#: ... and each stamp at most this many lines below the one before (an entry of a few paragraphs)
THREAD_GAP_LINES = 8
#: lines before the first body line searched for the headline
HEADLINE_WINDOW = 45
#: lines after the body's first line that may still be the headline (what stood above it is then no body)
HEADLINE_LOOKAHEAD = 4
#: headline candidates: other title-shaped lines (this many words or more) this close make a list of teasers
TITLE_SIBLING_WORDS = 4
TITLE_SIBLING_LINES = 3
#: lines above and below a headline candidate the ranker reads (a header under it, a short line above)
NEAR_HEADLINE_LINES = 3
#: a word a headline candidate shares with the lede counts when it has this many characters or more
CONTENT_WORD_CHARS = 3
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
#: the second pass sees the first pass's body probabilities this far around a line
CONTEXT_NEAR_LINES = 2
CONTEXT_WIDE_LINES = 8
#: a title-shaped line (a headline candidate) has at most this many words and characters
TITLE_MAX_WORDS = 40
TITLE_MAX_CHARS = 300
#: a slug or URL (as its hyphenated words) must be longer than this to settle which line is the headline
SLUG_HINT_MIN_CHARS = 8
#: lines right above the headline read for a kicker, a breadcrumb or a dateline
LINES_READ_ABOVE_HEADLINE = 3
#: a dateline or byline line between headline and body is at most this long (a longer one is prose)
HEADER_LINE_MAX_CHARS = 200
#: a line opened by a date label ("Published …") is a dateline only when at most this long
DATE_LABEL_LINE_MAX_CHARS = 80
#: header lines whose verdict is remembered (menus and datelines repeat across a site's pages)
HEADER_CACHE_SIZE = 4096
#: a kicker (section label above the headline) is at most this many words in capitals
KICKER_MAX_WORDS = 4
#: a line in capitals inside the body is a teaser link ("WATCH: …") from this many words and letters
PROMO_MIN_WORDS = 4
PROMO_MIN_LETTERS = 12
#: a line holding at least this many tabs is a table row
TABLE_ROW_MIN_TABS = 2
#: a name alone on its line is the byline when a dateline stands on the line above or within this many below
BARE_BYLINE_LINES_BELOW = 2
