"""An edition as an email: `email.html` for mail clients and `email.txt` to read as is.

Mail clients ignore most of a web page: the HTML is a 600 px table
layout with its CSS inlined into style attributes (css-inline), system
fonts only, no script, every link and image absolute under `site_url`,
images only from the site and only with alt text (html.curator_html), explicit colours that
stay readable when a client darkens the message (and a dark scheme of its
own for clients that honour `prefers-color-scheme`). Gmail clips a message
over 102 KB, so an edition too long for that shows its first stories and
links to the rest on the web.
"""
from __future__ import annotations

import textwrap

import css_inline
from markupsafe import Markup

from ..notes import NOTE_LABEL, note_text
from .html import absolute, edition_html, story_meta
from .model import Edition

EMAIL_WIDTH = 600  # px: the width mail clients lay out reliably
EMAIL_MAX_BYTES = 102 * 1024 - 2 * 1024  # Gmail clips at 102 KB; room for the headers a sender adds
TEXT_WIDTH = 72  # characters per line of the text version

EMAIL_CSS = """
body, .page { margin: 0; padding: 0; background-color: #f2f2f2; }
.frame { width: 600px; max-width: 600px; background-color: #ffffff; }
.cell { padding: 24px 32px; font-family: Georgia, 'Times New Roman', Times, serif; color: #1f1f1f;
        font-size: 16px; line-height: 1.5; }
.masthead { padding: 20px 32px 8px; font-family: Arial, Helvetica, sans-serif; font-size: 13px;
            letter-spacing: 1px; text-transform: uppercase; color: #5a5a5a; }
.masthead a { color: #5a5a5a; text-decoration: none; }
h1 { font-family: Georgia, 'Times New Roman', Times, serif; font-size: 28px; line-height: 1.2;
     color: #1f1f1f; margin: 0 0 8px; }
.intro { border-bottom: 2px solid #dddddd; padding-bottom: 12px; margin-bottom: 8px; }
.story { border-bottom: 1px solid #dddddd; padding: 8px 0 16px; }
.story-headline { font-size: 21px; line-height: 1.3; margin: 12px 0 4px; }
.story-headline a { color: #1f1f1f; text-decoration: none; }
.story-meta { font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #5a5a5a; margin: 0 0 8px; }
.note { background-color: #eef3f8; border-left: 4px solid #2d5f8b; padding: 8px 12px; margin: 8px 0; }
.note-label { font-family: Arial, Helvetica, sans-serif; font-size: 11px; letter-spacing: 1px;
              text-transform: uppercase; color: #2d4f6f; margin: 0 0 4px; }
.note p { margin: 0 0 4px; color: #1f1f1f; }
.story-lede { margin: 0; color: #333333; }
a { color: #1d4f7c; }
.footer { padding: 16px 32px 32px; font-family: Arial, Helvetica, sans-serif; font-size: 12px; color: #5a5a5a; }
.footer a { color: #1d4f7c; }
@media (prefers-color-scheme: dark) {
  body, .page { background-color: #111111 !important; }
  .frame { background-color: #1c1c1c !important; }
  .cell, h1, .story-headline a, .note p { color: #eeeeee !important; }
  .story-meta, .masthead, .masthead a, .footer, .note-label { color: #b8b8b8 !important; }
  .story-lede { color: #dddddd !important; }
  .note { background-color: #22303d !important; }
  a, .footer a { color: #8cc4ff !important; }
}
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<table role="presentation" class="page" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td align="center">
<table role="presentation" class="frame" width="{width}" cellpadding="0" cellspacing="0" border="0">
<tr><td class="masthead"><a href="{home}">{site_name}</a></td></tr>
<tr><td class="cell">
<h1>{heading}</h1>
{body}
{more}
</td></tr>
<tr><td class="footer">
<a href="{url}">Read this edition on the web</a> · <a href="{index}">All editions</a>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
"""


def _page(edition: Edition, site_url: str, site_name: str, shown: int) -> str:
    view = Edition(edition.key, edition.title, edition.stories[:shown], edition.intro)
    hidden = len(edition.stories) - shown
    url = absolute(site_url, edition.url_path)
    more = Markup('<p><a href="{}">{} more {} in this edition on the web</a></p>').format(
        url, hidden, "story" if hidden == 1 else "stories") if hidden else ""
    html = PAGE.format(
        title=Markup.escape(f"{site_name}: {edition.title}"), css=EMAIL_CSS, width=EMAIL_WIDTH,
        home=Markup.escape(absolute(site_url, "")), site_name=Markup.escape(site_name),
        heading=Markup.escape(edition.title), body=edition_html(view, site_url), more=more,
        url=Markup.escape(url), index=Markup.escape(absolute(site_url, "editions/")))
    return css_inline.inline(html, keep_at_rules=True, load_remote_stylesheets=False)


def email_html(edition: Edition, site_url: str, site_name: str) -> str:
    """The edition as a mail client shows it, under EMAIL_MAX_BYTES (fewer stories if need be)."""
    shown = len(edition.stories)
    html = _page(edition, site_url, site_name, shown)
    while (size := len(html.encode("utf-8"))) > EMAIL_MAX_BYTES and shown > 1:
        shown = max(1, min(shown - 1, shown * EMAIL_MAX_BYTES // size))
        html = _page(edition, site_url, site_name, shown)
    return html


def _wrapped(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, TEXT_WIDTH, initial_indent=indent, subsequent_indent=indent) or [""]


def email_text(edition: Edition, site_url: str, site_name: str) -> str:
    """The edition as plain text: headlines, notes, ledes and links, readable as is."""
    url = absolute(site_url, edition.url_path)
    lines = [f"{site_name.upper()}", f"Edition of {edition.title}", url, ""]
    if edition.intro:
        lines += _wrapped(note_text(edition.intro)) + [""]
    for number, story in enumerate(edition.stories, 1):
        lines += textwrap.wrap(f"{number}. {story.headline}", TEXT_WIDTH, subsequent_indent="   ")
        if story_meta(story):
            lines += _wrapped(story_meta(story), "   ")
        if story.note:
            lines += _wrapped(f"{NOTE_LABEL}: {note_text(story.note)}", "   ")
        if story.lede:
            lines += _wrapped(story.lede, "   ")
        lines += [f"   {absolute(site_url, story.url_path)}", ""]
    lines += [f"All editions: {absolute(site_url, 'editions/')}"]
    return "\n".join(lines) + "\n"
