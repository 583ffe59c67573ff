"""Pages saved the way browsers save them, made from a corpus page (for tests and the samples).

- "Webpage, Complete" (Chrome, Edge, Firefox): NAME.html beside NAME_files/
  holding the lead image and the page's other files (a script, a style
  sheet, two frames), the page's references rewritten to ./NAME_files/…;
- MHTML ("Webpage, Single File"): Chromium's own snapshot
  (`Page.captureSnapshot` over the DevTools protocol), taken with the page
  served at its original address and only its lead image let through;
- a Safari web archive: the property list Safari writes;
- a SingleFile page: one .html with its resources inlined as data: URIs.

The lead image is a picture drawn here (the news site's photo is not ours
to ship); `python -m tests.saved_pages` rewrites the two samples in content/dumps/.
"""
from __future__ import annotations

import base64
import html
import io
import plistlib
import tempfile
from pathlib import Path
from urllib.parse import urljoin

from PIL import Image, ImageDraw

from bench.browser import CHROMIUM_ARGS
from converter.readers.html import HtmlReader

CHROMIUM = Path("/usr/bin/chromium")


def drawn_photo(width: int = 2400, height: int = 1350, hue: tuple[int, int, int] = (40, 120, 70)) -> bytes:
    """A JPEG wider than the site publishes, with EXIF (camera, GPS) a published copy must lose."""
    picture = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(0, height, 6):  # a soft vertical gradient
        shade = tuple(min(255, c + y * 100 // height) for c in hue)
        draw.rectangle((0, y, width, y + 6), fill=shade)
    for i in range(9):
        x, y = (i * 271) % width, (i * 157) % height
        draw.ellipse((x, y, x + width // 5, y + height // 4), outline=(240, 240, 220), width=9)
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x0132] = "2019:11:14 09:30:00"
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=90, exif=exif)
    return out.getvalue()


def lead_image_src(page: str) -> str:
    """The lead image's address as the page writes it (what a browser's save rewrites)."""
    src = HtmlReader().read(page, "page.html").image.src
    assert src, "the page has no lead image"
    return src


def _replace_src(page: str, src: str, new: str) -> str:
    """The page with every occurrence of the address `src` (raw or HTML-escaped) replaced."""
    for form in {src, html.escape(src, quote=True), src.replace("&", "&amp;")}:
        page = page.replace(form, new)
    return page


def save_complete(page: str, url: str, folder: Path, name: str, photo: bytes,
                  files_suffix: str = "_files") -> Path:
    """Write NAME.html and NAME_files/ as Chrome's "Webpage, Complete" does; the page's path."""
    assets = folder / f"{name}{files_suffix}"
    assets.mkdir(parents=True, exist_ok=True)
    src = lead_image_src(page)
    photo_name = src.split("?")[0].rstrip("/").rsplit("/", 1)[-1] or "photo.jpg"
    (assets / photo_name).write_bytes(photo)
    (assets / "analytics.js").write_text("navigator.sendBeacon('https://tracker.example/hit', document.cookie);\n")
    (assets / "style.css").write_text("body { font-family: serif; }\n")
    (assets / "ads.html").write_text("<html><body><div class=ad><a href='https://ads.example/'>"
                                     "<img src='banner.gif'></a></div></body></html>\n")
    (assets / "saved_resource.html").write_text(
        "<html><head><title>Share</title></head><body><h1>Share</h1><p>Share this story with your friends "
        "and followers on every network you use today.</p></body></html>\n")
    here = f"./{name}{files_suffix}/".replace("&", "&amp;")  # as a browser writes an attribute
    page = _replace_src(page, src, here + photo_name)
    page = page.replace("</head>", f'<link rel="stylesheet" href="{here}style.css">'
                                   f'<script src="{here}analytics.js"></script></head>', 1)
    page = page.replace("</body>", f'<iframe src="{here}ads.html"></iframe>'
                                   f'<iframe src="{here}saved_resource.html"></iframe></body>', 1)
    target = folder / f"{name}.html"
    target.write_text(f"<!-- saved from url=({len(url):04d}){url} -->\n{page}", encoding="utf-8")
    return target


def save_singlefile(page: str, photo: bytes, padding_mb: int = 4) -> str:
    """One .html as the SingleFile extension writes it: resources inlined as data: URIs (several MB)."""
    inline = "data:image/jpeg;base64," + base64.b64encode(photo).decode("ascii")
    page = _replace_src(page, lead_image_src(page), inline)
    font = "data:font/woff2;base64," + base64.b64encode(bytes(range(256)) * (padding_mb * 4096)).decode("ascii")
    return page.replace("</head>", f"<style>@font-face{{font-family:x;src:url({font})}}</style></head>", 1)


def save_webarchive(page: str, url: str, photo: bytes) -> bytes:
    """The binary property list Safari writes for "Web Archive"."""
    src = lead_image_src(page)
    return plistlib.dumps({
        "WebMainResource": {"WebResourceData": page.encode("utf-8"), "WebResourceMIMEType": "text/html",
                            "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": url,
                            "WebResourceFrameName": ""},
        "WebSubresources": [
            {"WebResourceData": b"track()", "WebResourceMIMEType": "application/javascript",
             "WebResourceURL": "https://tracker.example/t.js"},
            {"WebResourceData": photo, "WebResourceMIMEType": "image/jpeg",
             "WebResourceURL": urljoin(url, src)},  # Safari records the address it fetched
        ],
    }, fmt=plistlib.FMT_BINARY)


def save_mhtml(page: str, url: str, photo: bytes, browser=None) -> bytes:
    """Chromium's own MHTML snapshot of the page served at `url`, only its lead image let through
    (the page's own scripts are blocked, so its lazy-loading pictures are given their address).
    In a tab of `browser` (the tests' Chromium) if given, else in a Chromium launched for it."""
    if browser is not None:
        return _snapshot(browser, page, url, photo)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            return _snapshot(context, page, url, photo)
        finally:
            context.close()


def _snapshot(context, page: str, url: str, photo: bytes) -> bytes:
    src = lead_image_src(page)

    def answer(route):
        wanted = route.request.url
        if wanted == url:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=page)
        elif wanted == src:
            route.fulfill(status=200, content_type="image/jpeg", body=photo)
        else:
            route.abort()

    tab = context.new_page()
    try:
        tab.route("**/*", answer)
        tab.goto(url, wait_until="load")
        # what the site's lazy loader (blocked here with its other scripts) does once the reader scrolls
        tab.evaluate("""() => Promise.all([...document.images].filter(img => img.dataset.src && !img.src)
            .map(img => { img.src = img.dataset.src; return img.decode().catch(() => null); }))""")
        snapshot = context.new_cdp_session(tab).send("Page.captureSnapshot", {"format": "mhtml"})
    finally:
        tab.close()
    return snapshot["data"].encode("utf-8")


def _main() -> None:
    """Rewrite the two saved-page samples in content/dumps/ from their corpus pages."""
    import json

    root = Path(__file__).resolve().parent.parent
    corpus = root.parent / "shared" / "corpus"
    truth = {row["id"]: row for row in map(json.loads, (corpus / "truth.jsonl").read_text().splitlines())}
    dumps = root / "content" / "dumps"
    wired = "2f42ef1d3ea0c96e56355d3db93d0e06b47e760b74f6f4261278b8cd1c246dd6"
    newsweek = "7f93c1944a41d01960f8a16fdfda6c562e86f04ead8375ab796c4278402df9a8"
    page = (corpus / "html" / f"{wired}.html").read_text(encoding="utf-8")
    save_complete(page, truth[wired]["url"], dumps, "2019-11-14-future-of-banking", drawn_photo())
    page = (corpus / "html" / f"{newsweek}.html").read_text(encoding="utf-8")
    mhtml = save_mhtml(page, truth[newsweek]["url"], drawn_photo(hue=(110, 60, 30)))
    (dumps / "2019-11-13-cannabis-use-disorder.mhtml").write_bytes(mhtml)


if __name__ == "__main__":
    _main()
