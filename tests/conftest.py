"""Shared fixtures: the seed dump, the corpus, and a scratch copy of the project."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_5ce5ac45cbe87a3a.txt"
CORPUS = SHARED / "corpus"


def corpus_truth() -> list[dict]:
    path = CORPUS / "truth.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed dump copied into a scratch content folder (never touch ../shared)."""
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside the project")
    content = tmp_path / "content"
    content.mkdir()
    target = content / SEED.name
    shutil.copyfile(SEED, target)
    return target


# --- the site: a real MkDocs build of a scratch copy of the project --------

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
import time

SUBPATH = "/news-digest/"  # the repository subpath of site_url in mkdocs.yml
ARTIFACTS = ROOT / "test-artifacts"
SITE_FILES = ("mkdocs.yml", "theme_overrides", "content")
SEED_HEADLINE = "Blinken is in Israel to push for a Gaza cease-fire deal."


def wait_for(condition, timeout: float = 30.0, step: float = 0.1) -> float:
    """Seconds until `condition()` holds; fails after `timeout` (a deadline, not a speed check)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(step)
    pytest.fail(f"not true after {timeout}s: {condition.__doc__ or condition}")


def stays(condition, seconds: float, step: float = 0.1) -> None:
    """`condition()` holds throughout `seconds`; fails the moment it does not.

    Only for what must NOT happen (a second build): absence can only be
    seen over time. Whatever should happen is awaited with wait_for."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if not condition():
            pytest.fail(f"stopped being true after {time.monotonic() - started:.1f}s: {condition.__doc__ or condition}")
        time.sleep(step)


def mkdocs_env(**extra: str) -> dict[str, str]:
    """Environment for mkdocs subprocesses: no MkDocs-2.0 banner, default site_url."""
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


def copy_project(target: Path) -> Path:
    """What a fresh clone holds for the site: config, templates, dumps (no converted posts)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("posts", "lead-images", "__pycache__"))
        else:
            shutil.copyfile(src, target / name)
    return target


def mkdocs(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=mkdocs_env(),
                          capture_output=True, text=True, **kwargs)


class BuiltSite:
    def __init__(self, project: Path, site: Path, proc: subprocess.CompletedProcess, seconds: float):
        self.project, self.site, self.proc, self.seconds = project, site, proc, seconds

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """`mkdocs build --strict` of a fresh copy of the project, done once per test run."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    started = time.monotonic()
    proc = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    seconds = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    return BuiltSite(project, project / "site", proc, seconds)


MARKUP_HEADLINE = 'Blinken <script>alert(1)</script> <img src=x onerror=alert(1)> & "Herzog" meet'
MARKUP_DESCRIPTION = "<img src=y onerror=alert(2)>"


@pytest.fixture(scope="session")
def markup_site(tmp_path_factory) -> BuiltSite:
    """The sample site, with markup in the seed's headline and photo description
    (the same text must come out as text on every page, feed and search result)."""
    project = copy_project(tmp_path_factory.mktemp("markup-project"))
    seed = project / "content" / "dumps" / "2024-08-19-blinken-israel.txt"
    text = seed.read_text(encoding="utf-8").replace(SEED_HEADLINE, MARKUP_HEADLINE)
    # the page's URL-slug line, which the reader matches the headline against
    text = text.replace("blinken-is-in-israel-to-push-for-a-gaza-cease-fire-deal.",
                        "blinken-script-alert-1-script-img-src-x-onerror-alert-1-herzog-meet")
    seed.write_text(text.replace("Two men in suits", f"{MARKUP_DESCRIPTION} Two men in suits"), encoding="utf-8")
    proc = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    assert proc.returncode == 0, proc.stderr
    return BuiltSite(project, project / "site", proc, 0.0)


class _SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under SUBPATH, the way GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUBPATH):
            return str(Path(self.directory) / "\0outside-the-subpath")
        return super().translate_path("/" + clean[len(SUBPATH):])

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@contextlib.contextmanager
def serve_static(site: Path):
    """The built site on 127.0.0.1 under SUBPATH, on a free port; yields the base URL."""
    handler = functools.partial(_SubpathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite):
    with serve_static(built_site.site) as url:
        yield url


# --- the same site built by Zensical (`make zensical`), once per test run ----

def zensical_build(project: Path) -> subprocess.CompletedProcess:
    """What `make zensical` runs: convert, then build with Zensical."""
    steps = ([sys.executable, "-m", "converter", "convert", "--quiet"],
             [sys.executable, "-m", "zensical", "build", "--strict"],
             [sys.executable, "-m", "converter", "editions", "--site-dir", "site"])
    for step in steps:
        proc = subprocess.run(step, cwd=project, env=mkdocs_env(), capture_output=True, text=True)
        if proc.returncode != 0:
            break
    return proc


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("zensical-project"))
    started = time.monotonic()
    proc = zensical_build(project)
    seconds = time.monotonic() - started
    assert proc.returncode == 0, proc.args + [proc.stdout, proc.stderr]
    return BuiltSite(project, project / "site", proc, seconds)


@pytest.fixture(scope="session")
def zensical_url(zensical_site: BuiltSite):
    with serve_static(zensical_site.site) as url:
        yield url


# --- one Chromium for every browser test of the run -------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
# Only the test's own server answers: any other address goes through a proxy on a closed local port
# and fails at once. (A playwright route did the same but sent every request through Python first,
# which cost about a third of a page load.)
ONLY_LOCAL = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"}


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's Chromium, launched once per run; each test opens its own tab (`page`)."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make browser)")
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport=DESKTOP, service_workers="block", proxy=ONLY_LOCAL,
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser):
    """A fresh tab; the test fails if a script on it threw."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    page.close()
    assert not errors, errors


def examples(deep: int) -> int:
    """Hypothesis examples for a fast-path property test: a third of `deep` in `make test`
    (every corpus line is checked there anyway), all of them in `make fuzz`."""
    return deep if os.environ.get("HYPOTHESIS_PROFILE") == "long" else max(100, deep // 3)
