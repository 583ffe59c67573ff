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
  MAX_SAVED_IMAGE_BYTES each, REMOTE_IMAGE_TIMEOUT_S per image in all.
  The address is checked where it counts, on every connection (redirects
  too): the host name is resolved once, every address it resolves to must
  be public, and the socket connects to the address that was checked (a
  name such as `127.0.0.1.nip.io`, `0` or `2130706433` reaches no local
  service, and a second DNS answer cannot differ from the one checked).
  The time limit is a total: when it runs out the fetch's sockets are shut
  down, so a server sending a byte every few seconds cannot hold the build.

Material's privacy plugin was tried first: offline it logs a warning per
image, which stops a `--strict` build, and leaves the remote address in
the page, which is the hot-linking this avoids.
"""
from __future__ import annotations

import hashlib
import http.client
import ipaddress
import logging
import socket
import threading
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


class _Fetch:
    """One download: the sockets it opened, and whether its time ran out (the timer's thread sets it)."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False

    def expire(self) -> None:
        self.expired = True
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # a read blocked on it returns at once
            except OSError:
                pass


_CURRENT = threading.local()  # .fetch: the _Fetch of the download this thread runs


def _current() -> _Fetch:
    fetch = getattr(_CURRENT, "fetch", None)
    if fetch is None:
        fetch = _CURRENT.fetch = _Fetch()
    return fetch


def is_public_ip(address: str) -> bool:
    """True for an IP address on the public internet (not loopback, private, link-local, ...)."""
    return ipaddress.ip_address(address.split("%", 1)[0]).is_global


def public_connection(address: tuple[str, int], timeout=None, source_address=None, **_) -> socket.socket:
    """A socket connected to `address` if its host resolves only to public addresses; OSError otherwise."""
    if _current().expired:
        raise TimeoutError("took too long")
    host, port = address
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for *_, sockaddr in found:
        if not is_public_ip(sockaddr[0]):
            raise OSError(f"{host} resolves to {sockaddr[0]}, not a public address")
    family, kind, proto, _, sockaddr = found[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.settimeout(timeout)
        sock.connect(sockaddr)  # the address just checked, not the name again
    except BaseException:
        sock.close()
        raise
    return sock


class _PublicConnection:
    """An http.client connection made through `public_connection`, whose socket the fetch can shut."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = public_connection

    def connect(self):
        super().connect()
        _current().sockets.append(self.sock)  # (for https, the TLS socket over it)


class _PublicHTTP(_PublicConnection, http.client.HTTPConnection):
    pass


class _PublicHTTPS(_PublicConnection, http.client.HTTPSConnection):
    pass


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_PublicHTTP, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_PublicHTTPS, req, context=self._context)


_OPENER = urllib.request.build_opener(_PublicRedirects, _PublicHTTPHandler, _PublicHTTPSHandler)


def download(url: str, opener=_OPENER, seconds: float = REMOTE_IMAGE_TIMEOUT_S) -> bytes:
    """The bytes at `url`, at most MAX_SAVED_IMAGE_BYTES, within `seconds` in all; OSError (URLError) otherwise."""
    request = urllib.request.Request(url, headers={"User-Agent": "news-digest (lead image)"})
    fetch = _CURRENT.fetch = _Fetch()
    timer = threading.Timer(seconds, fetch.expire)
    timer.start()
    try:
        with opener.open(request, timeout=seconds) as response:
            data = response.read(MAX_SAVED_IMAGE_BYTES + 1)
    except (OSError, http.client.HTTPException):  # a socket shut mid-read may end in either
        if not fetch.expired:
            raise
    finally:
        timer.cancel()
        _CURRENT.fetch = None
    if fetch.expired:
        raise TimeoutError(f"took over {seconds:g} s")
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
