"""More training pages: the corpora's saved HTML as a browser would copy it.

    python -m training.render [--shared ../shared] [--out training/data/rendered.jsonl.gz]

Each saved page of `../shared/corpus*/html/` is opened in Debian's Chromium
(through playwright, never a downloaded browser) with JavaScript off and
every request that is not the file itself refused, and
`document.body.innerText` (what a browser copy of the whole page gives) is
kept. The pages are the corpora's own, labelled by the same truth, so the
training script folds them by the same site: a held-out site's rendering is
never trained on in its fold. The output is sorted and gzipped with no time
stamp, so running this again gives the same bytes (the same Chromium
permitting); it is committed, so `make train` needs no browser.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import tempfile
from pathlib import Path

from training.corpus import CORPORA, SHARED, RENDERED

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
#: a desktop window: what the curator's browser shows (narrow windows hide other parts)
VIEWPORT = {"width": 1280, "height": 900}
#: where the saved pages are served from, inside the browser only (no request leaves it)
PAGE_ORIGIN = "http://saved-page.test"
#: how long a page may take to load from disk before it is skipped
LOAD_TIMEOUT_MS = 20_000


def render(shared: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            java_script_enabled=False, viewport=VIEWPORT, service_workers="block")
        served: dict[str, bytes] = {}

        def answer(route) -> None:
            # the saved bytes themselves, charset sniffed as from a server that names none;
            # nothing else loads: no images, styles, fonts or anything remote
            body = served.get(route.request.url)
            if body is None:
                route.abort()
            else:
                route.fulfill(status=200, content_type="text/html", body=body)

        context.route("**/*", answer)
        try:
            page = context.new_page()
            for corpus in CORPORA:
                for raw in (shared / corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
                    if not raw.strip():
                        continue
                    truth = json.loads(raw)
                    url = f"{PAGE_ORIGIN}/{corpus}/{truth['id']}.html"
                    served.clear()
                    served[url] = (shared / corpus / "html" / f"{truth['id']}.html").read_bytes()
                    try:
                        page.goto(url, wait_until="domcontentloaded", timeout=LOAD_TIMEOUT_MS)
                        text = page.evaluate("() => document.body ? document.body.innerText : ''")
                    except Exception as exc:  # a page Chromium cannot open is left out, said aloud
                        print(f"{corpus}/{truth['id']}: not rendered ({exc})", file=sys.stderr)
                        continue
                    if text.strip():
                        rows.append({"corpus": corpus, "id": truth["id"], "text": text})
        finally:
            context.close()
    return sorted(rows, key=lambda r: (r["corpus"], r["id"]))


def write(rows: list[dict], out: Path) -> None:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        for row in rows:
            gz.write((json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=RENDERED)
    args = parser.parse_args(argv)
    rows = render(args.shared)
    write(rows, args.out)
    print(f"wrote {args.out}: {len(rows)} pages, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
