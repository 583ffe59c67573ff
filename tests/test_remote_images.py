"""No hot-linking: a lead image known only by its address is shown only if the build fetched it (opt-in)."""
from __future__ import annotations

import http.server
import shutil
import threading
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import BuiltSite, copy_project, mkdocs
from converter.plugin import remote_images
from converter.plugin.remote_images import RemoteImages, download, public_address
from saved_pages import drawn_photo

REMOTE = "https://lead-image.invalid/photos/tram.jpg"  # .invalid never resolves, online or not
PAGE = f"""<html><head><title>The tram line opens</title></head><body><article>
<h1>The tram line opens on Monday</h1>
<figure><img src="{REMOTE}" alt="A tram at the depot"><figcaption>The first tram
<span class="credit">Photo: Ann Lee</span></figcaption></figure>
<p>The new tram line opens on Monday after three years of work, the council said on Friday evening.</p>
<p>Trams will run every six minutes between the station and the hospital, from early morning until midnight.</p>
</article></body></html>"""


def test_only_public_http_addresses_are_fetched():
    assert public_address("https://cdn.example.com/a.jpg") and public_address("http://93.184.216.34/a.jpg")
    for url in ("http://127.0.0.1/a.jpg", "http://localhost:8000/a.jpg", "http://10.1.2.3/a.jpg",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/a.jpg", "file:///etc/passwd",
                "ftp://example.com/a.jpg", "javascript:alert(1)"):
        assert not public_address(url), url


@pytest.fixture
def image_server():
    """A local web server with one photo and one HTML page posing as a .jpg."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = drawn_photo() if self.path == "/photo.jpg" else b"<html><script>alert(1)</script></html>"
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def post(folder: Path, name: str, url: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(f"---\ntitle: {name}\nimage:\n  url: {url}\n---\n\nText.\n", encoding="utf-8")


def test_fetched_images_are_checked_cached_and_shown(tmp_path: Path, image_server: str, monkeypatch):
    monkeypatch.setattr(remote_images, "is_public_ip", lambda address: True)  # the test's server is on 127.0.0.1
    posts, cache = tmp_path / "posts", tmp_path / "cache"
    post(posts, "photo", f"{image_server}/photo.jpg")
    post(posts, "impostor", f"{image_server}/impostor.jpg")
    remote = RemoteImages(cache, check_address=lambda url: True)
    remote.fetch_for(posts)
    assert list(remote.found) == [f"{image_server}/photo.jpg"]  # the HTML one is refused
    [fetched] = remote.found.values()
    assert fetched.width == 1520 and fetched.site_path.startswith("lead-images/")

    def offline(url):
        raise OSError("no network")
    again = RemoteImages(cache, check_address=lambda url: True, fetch=offline)
    again.fetch_for(posts)  # the cache answers; the network is not asked
    assert again.found == remote.found


@pytest.fixture(scope="module")
def opted_in_site(tmp_path_factory) -> BuiltSite:
    """A site with `remote_images: true` whose one article's image cannot be fetched (offline)."""
    project = copy_project(tmp_path_factory.mktemp("remote-project"))
    shutil.rmtree(project / "content" / "dumps")
    (project / "content" / "dumps").mkdir()
    (project / "content" / "dumps" / "2024-05-06-tram.html").write_text(PAGE, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - digest\n", "  - digest:\n      remote_images: true\n", 1),
                      encoding="utf-8")
    proc = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    return BuiltSite(project, project / "site", proc, 0.0)


def test_an_opted_in_build_offline_succeeds_and_shows_no_remote_picture(opted_in_site: BuiltSite):
    assert opted_in_site.proc.returncode == 0, opted_in_site.proc.stderr
    assert "remote lead image not fetched: https://lead-image.invalid/photos/tram.jpg" in opted_in_site.proc.stderr
    [article] = opted_in_site.site.glob("2024/05/06/*/index.html")
    figure = BeautifulSoup(article.read_text(encoding="utf-8"), "lxml").select_one("figure.digest-figure")
    assert figure.find("img") is None
    assert "A tram at the depot" in figure.get_text() and "Photo: Ann Lee" in figure.get_text()


def test_no_page_of_the_sample_site_links_a_picture_elsewhere(built_site: BuiltSite):
    """The samples' images known only by address (BBC, The Verge) are not hot-linked."""
    for page in built_site.pages():
        for img in BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").find_all("img"):
            src = img.get("src") or ""
            assert not src.startswith(("http:", "https:", "//")), (page, src)


def test_names_that_reach_this_machine_are_not_fetched(tmp_path: Path, image_server: str, caplog):
    """The URL's check sees a name; the connection checks the addresses it resolves to (redirects too)."""
    port = image_server.rsplit(":", 1)[1]
    posts, cache = tmp_path / "posts", tmp_path / "cache"
    sneaky = [f"http://2130706433:{port}/photo.jpg", f"http://0x7f.1:{port}/photo.jpg",
              f"http://127.1:{port}/photo.jpg", f"http://0:{port}/photo.jpg"]
    for n, url in enumerate(sneaky):
        post(posts, f"post{n}", url)
    remote = RemoteImages(cache)
    with caplog.at_level("INFO", logger="mkdocs.plugins.digest"):
        remote.fetch_for(posts)
    assert remote.found == {} and not cache.exists()
    assert caplog.text.count("not a public address") == len(sneaky), caplog.text


@pytest.fixture
def dripping_server():
    """A server that sends an image's headers, then one byte every 0.2 s for up to 30 s."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.end_headers()
            try:
                for _ in range(150):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass  # the client gave up: what it should do

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_server_dripping_bytes_cannot_outlast_the_time_limit(dripping_server: str, monkeypatch):
    """Each byte comes well within a read's timeout; the limit is for the whole fetch, so it runs out."""
    monkeypatch.setattr(remote_images, "is_public_ip", lambda address: True)  # the test's server is on 127.0.0.1
    with pytest.raises(TimeoutError, match="took over 2 s"):
        download(f"{dripping_server}/photo.jpg", seconds=2)
