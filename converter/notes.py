"""The curator's note (a sidecar's Markdown) as the site shows it.

On the article page the note stands above the publisher's text, in an
`aside` labelled as the curator's; lists, edition pages, feeds and emails
show the same note. The note is the curator's own Markdown, trusted like
any page of the site; nothing from a dump ever reaches it.
"""
from __future__ import annotations

import lxml.html
import markdown

NOTE_LABEL = "Curator's note"
# The Markdown extensions of mkdocs.yml that a short note may use.
NOTE_EXTENSIONS = ("attr_list", "md_in_html", "tables", "footnotes")


def note_html(note: str) -> str:
    """The note as HTML, for lists and emails (the same for the same note)."""
    return markdown.markdown(note, extensions=list(NOTE_EXTENSIONS)) if note.strip() else ""


def note_text(note: str) -> str:
    """The note as one paragraph of plain text (feeds' summaries, the text email)."""
    html = note_html(note)
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split()) if html else ""


def note_block(note: str) -> str:
    """Markdown for the top of an article body: the note set apart and labelled.

    The inner `div` carries Pagefind's `note` field, so a search result
    can show the note beside its excerpt.
    """
    if not note.strip():
        return ""
    return (f'<aside class="digest-note" aria-label="{NOTE_LABEL}" markdown>\n'
            f'<p class="digest-note__label">{NOTE_LABEL}</p>\n'
            f'<div class="digest-note__text" data-pagefind-meta="note" markdown>\n\n{note.strip()}\n\n</div>\n'
            "</aside>\n\n")
