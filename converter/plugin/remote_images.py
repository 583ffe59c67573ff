"""Opt-in: the build fetches the lead images only known by their address (`remote_images: true`).

By default an article whose saved page did not hold its lead image shows
the description, caption and credit without the picture: no reader's
browser ever calls the news site. With `remote_images: true` under the
`digest` plugin in mkdocs.yml, the build fetches each such image once,
puts it through the same checks as a saved copy (`images.publishable`:
only a real picture, no metadata, resized), and publishes it under
`lead-images/` beside the saved ones; the article page shows it.

- Fetched images are kept in `.cache/digest/remote-images/` beside the
  content folder (never in it): a later build needs no network for them,
  and the converted Markdown stays the same whether a fetch worked or not.
- Offline, or when a site refuses, the article is built without the
  picture and one INFO line says so: the build, even `--strict`, succeeds.
- Only http(s) addresses on public hosts are fetched (a dump naming
  `http://127.0.0.1/` or a private address is not a news image), at most
  MAX_SAVED_IMAGE_BYTES each, REMOTE_IMAGE_TIMEOUT_S per request.

Material's privacy plugin was tried first: offline it logs a warning per
image, which stops a `--strict` build, and leaves the remote address in
the page, which is the hot-linking this avoids.
"""
from __future__ import annotations

import hashlib
import http.client
import ipaddress
import logging
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image

from ..image_store import IMAGES_DIRNAME
from ..images import ImageRefused, PublishedImage, publishable
from ..safe_files import RefusedFile, display_path, read_regular_file
from ..settings import MAX_SAVED_IMAGE_BYTES, REMOTE_IMAGE_TIMEOUT_S, REMOTE_IMAGE_WORKERS
from ..store import front_matter_of

log = logging.getLogger("mkdocs.plugins.digest")


@dataclass(frozen=True)
class FetchedImage:
    path: Path  # the cached, published bytes
    site_path: str  # where the site publishes it, from the content folder
    width: int
    height: int


def public_address(url: str) -> bool:
    """True for an http(s) URL whose host is a name or a public IP address."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host or host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        return ipaddress.ip_address(host).is_global
    except ValueError:
        return True  # a host name


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed only to public http(s) addresses."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not public_address(newurl):
            raise urllib.error.URLError("redirected to an address that is not a public http(s) one")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_PublicRedirects)


def download(url: str, opener=_OPENER) -> bytes:
    """The bytes at `url`, at most MAX_SAVED_IMAGE_BYTES; OSError (URLError) for any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": "news-digest (lead image)"})
    with opener.open(request, timeout=REMOTE_IMAGE_TIMEOUT_S) as response:
        data = response.read(MAX_SAVED_IMAGE_BYTES + 1)
    if len(data) > MAX_SAVED_IMAGE_BYTES:
        raise OSError(f"over {MAX_SAVED_IMAGE_BYTES // 1048576} MB")
    return data


class RemoteImages:
    """The remote lead images of one build: fetched (or found in the cache) before the pages render."""

    def __init__(self, cache_dir: Path, check_address=public_address, fetch=download):
        self.cache_dir = cache_dir
        self.check_address, self.fetch = check_address, fetch
        self.found: dict[str, FetchedImage] = {}

    @staticmethod
    def _key(url: str) -> str:
        """The cache's name for an address (its files are `<key>-<image name>`)."""
        return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def _cached(self, url: str) -> FetchedImage | None:
        for path in sorted(self.cache_dir.glob(f"{self._key(url)}-*")):
            name = path.name.split("-", 1)[1]
            try:
                with Image.open(path) as picture:
                    return FetchedImage(path, f"{IMAGES_DIRNAME}/{name}", picture.width, picture.height)
            except (OSError, ValueError):
                path.unlink(missing_ok=True)
        return None

    def _get(self, url: str) -> FetchedImage | None:
        cached = self._cached(url)
        if cached is not None:
            return cached
        if not self.check_address(url):
            log.info(f"digest: remote lead image not fetched: {display_path(url)[:200]} is not a public http(s) address")
            return None
        try:
            image: PublishedImage = publishable(self.fetch(url))
        except (OSError, ValueError, http.client.HTTPException) as exc:  # URLError, timeouts, cut-off replies
            log.info(f"digest: remote lead image not fetched: {display_path(url)[:200]} "
                     f"({display_path(str(getattr(exc, 'reason', exc)))[:200]}); the article shows its description")
            return None
        except ImageRefused as exc:
            log.info(f"digest: remote lead image not published: {display_path(url)[:200]} {exc}")
            return None
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        path = self.cache_dir / f"{self._key(url)}-{image.name}"
        path.write_bytes(image.data)
        return FetchedImage(path, f"{IMAGES_DIRNAME}/{image.name}", image.width, image.height)

    def fetch_for(self, posts_dir: Path) -> None:
        """Fetch the image of every article in `posts_dir` whose front matter has an address and no file."""
        wanted = set()
        for post in sorted(posts_dir.glob("*.md")):
            try:
                meta = front_matter_of(read_regular_file(post).decode("utf-8", errors="replace")) or {}
            except (OSError, RefusedFile):
                continue
            image = meta.get("image")
            if isinstance(image, dict) and isinstance(image.get("url"), str) and not image.get("file"):
                wanted.add(image["url"])
        with ThreadPoolExecutor(max_workers=REMOTE_IMAGE_WORKERS) as pool:
            found = dict(zip(sorted(wanted), pool.map(self._get, sorted(wanted))))
        self.found = {url: image for url, image in found.items() if image is not None}

    def show_on(self, page) -> None:
        """Give the page's image mapping the fetched copy (the page renders it as a saved one)."""
        image = page.meta.get("image")
        if isinstance(image, dict) and not image.get("file") and image.get("url") in self.found:
            fetched = self.found[image["url"]]
            image.update(file=fetched.site_path, width=fetched.width, height=fetched.height)
