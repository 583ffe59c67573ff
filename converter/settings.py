"""Thresholds for the lead image and the single-file saves, in one place.

Each value says what it protects; the modules that use them name them.
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
