"""Bytes a reader's browser downloads for a first search, measured in Chromium.

A fresh browser profile loads the front page, opens search and types one
word, waiting for results. What search costs is every response that
belongs to search, whenever it came: Material's search fetches its whole
index and worker when the page loads, ours (Pagefind) fetches its engine,
the index chunks for the word and one fragment per shown result as the
reader types.
"""
from __future__ import annotations

import functools
import re
import http.server
import tempfile
import threading
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _bytes_received(page_action, playwright, url: str) -> int:
    """Bytes received by a fresh browser profile that loads `url` and does `page_action`."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            return _run(context, page_action, url)
        finally:
            context.close()


SEARCH_URL = re.compile(r"/(search|pagefind|lunr)/|search[^/]*\.js$|/search_index\.json$")


def _run(context, page_action, url: str) -> int:
    page = context.new_page()
    received = []

    def count(response):
        if not SEARCH_URL.search(response.url.split("?")[0]):
            return
        try:
            received.append(len(response.body()))
        except Exception:  # redirects and aborted requests have no body
            pass

    page.on("response", count)
    page.goto(url, wait_until="networkidle")
    page_action(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    return sum(received)


def _search(word: str):
    def action(page):
        box = page.locator("input.md-search__input, input[type=search]").first
        box.click()
        page.keyboard.type(word, delay=50)  # real key events: search UIs listen for them
        page.locator(".md-search-result__item, .pagefind-ui__result").first.wait_for(timeout=30000)
    return action


def measure_first_search(site: Path, word: str) -> int | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    server, url = serve(site)
    try:
        with sync_playwright() as playwright:
            return _bytes_received(_search(word), playwright, url)
    finally:
        server.shutdown()
