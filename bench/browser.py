"""Bytes a reader's browser downloads for a first search, measured in Chromium.

Two fresh browser contexts load the front page: one only loads it, the
other also opens search and types one word, waiting for results. The
difference in bytes received is what the first search costs.
"""
from __future__ import annotations

import functools
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


def _run(context, page_action, url: str) -> int:
    page = context.new_page()
    received = []

    def count(response):
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
            plain = _bytes_received(lambda page: None, playwright, url)
            searched = _bytes_received(_search(word), playwright, url)
    finally:
        server.shutdown()
    return max(0, searched - plain)
