"""The curator's note (a sidecar's Markdown) as the site shows it.

On the article page the note stands above the publisher's text, in an
`aside` labelled as the curator's; lists, edition pages, feeds and emails
show the same note. The note is the curator's own Markdown, trusted like
any page of the site; nothing from a dump ever reaches it.
"""
from __future__ import annotations

import lxml.html
import markdown

from .settings import NOTE_SPARE_FRAMES

NOTE_LABEL = "Curator's note"
# The Markdown extensions of mkdocs.yml that a short note may use.
NOTE_EXTENSIONS = ("attr_list", "md_in_html", "tables", "footnotes")


def note_html(note: str) -> str:
    """The note as HTML, for lists and emails (the same for the same note)."""
    return markdown.markdown(note, extensions=list(NOTE_EXTENSIONS)) if note.strip() else ""


def _with_frames_spent(frames: int, render):
    """`render()` called `frames` calls deeper than here (see note_problem)."""
    return render() if frames <= 0 else _with_frames_spent(frames - 1, render)


def note_problem(note: str) -> str | None:
    """Why the curator's Markdown cannot be shown, or None.

    Python-Markdown recurses once per nested list, quote or `<div markdown>`,
    so `- - - … x` a thousand deep (2 KB) raises RecursionError in whatever
    renders it: digest convert, the MkDocs page, an email. The note is tried
    here with NOTE_SPARE_FRAMES calls already on the stack, the room a page
    build takes above its Markdown, so a note that passes renders everywhere.
    """
    try:
        _with_frames_spent(NOTE_SPARE_FRAMES, lambda: note_html(note))
    except RecursionError:
        return "its Markdown nests lists, quotes or blocks too deeply to render; not used"
    return None


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
