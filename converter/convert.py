"""Dumps on disk to article files on disk, safely and only when needed.

Rules that keep a curator's work safe:
- raw dumps are only ever read;
- an article is written only when its bytes change, atomically (temp file
  and rename in the same folder), and only inside the output folder;
- an article a curator has edited (its checksum no longer matches) is never
  overwritten or deleted: the tool says what it left alone;
- one bad dump is reported in one line and never stops the others;
- the same story dropped twice becomes one article, with a warning.

The output folder is the record of what was converted (see `store.py`): a
dump whose bytes and converter version are unchanged costs one cached hash
and no conversion. Many dumps are converted in parallel on all cores.
"""
from __future__ import annotations

import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .article import Article
from .duplicates import canonical_url, fingerprint, same_story
from .errors import DumpError
from .image_store import ImageStore, images_folder
from .lead_image import attach_lead_image
from .markdown import render_body
from .provenance import fallback_date
from .editions.keys import DAILY
from .safe_files import RefusedFile, companion_folders, is_within, path_text, read_regular_file, refusal
from .readers import DUMP_EXTENSIONS, read_dump
from .slugs import make_slug, short_hash
from .sidecar import SIDECAR_SUFFIX, Sidecar, looks_like_sidecar, read_sidecar
from .store import DuplicateMemo, HashCache, StoredArticle, read_article, read_store
from .version import CONVERTER_VERSION
from .writer import curator_key, render_article

DEFAULT_CONTENT = Path("content")
POSTS_DIRNAME = "posts"
# Pages saved by a browser: richer metadata than a text copy of the same story.
SAVED_PAGE_DUMPS = (".html", ".htm", ".mhtml", ".mht", ".webarchive")
EDITIONS_DIRNAME = "editions"  # edition pages (the converter's) and introductions (the curator's)
PARALLEL_FROM = 16  # below this many dumps, starting worker processes costs more than it saves

Progress = Callable[[Iterable, int], Iterable]


@dataclass
class Report:
    """What one conversion run did, for the summary line and for tests."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept_edits: list[tuple[Path, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (published, skipped, why)
    errors: list[DumpError] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)  # dumps a sidecar hides (`hide: true`)
    curator: list[str] = field(default_factory=list)  # a sidecar's mistakes: one line each
    editions: list = field(default_factory=list)  # the editions the articles make (editions/model.py)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (source, what the reader left out)

    def summary(self) -> str:
        parts = [
            f"{len(self.written)} written",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.removed)} removed",
            f"{len(self.duplicates)} duplicates",
            f"{len(self.kept_edits)} hand-edited kept",
            f"{len(self.hidden)} hidden",
            f"{len(self.errors)} failed",
        ]
        return "digest: " + ", ".join(parts)

    def warnings(self) -> list[str]:
        """One line per thing the curator should know that is not an error."""
        lines = [f"{path}: {note}" for path, note in self.kept_edits]
        lines += [f"{skipped}: {why} as {kept}; only {kept} is published" for kept, skipped, why in self.duplicates]
        lines += [f"{source}: {note}" for source, note in self.notes]
        return lines


@dataclass(eq=False)
class _Story:
    """One live article candidate, new or already on disk, for duplicate checks."""

    source: str
    dump: Path | None
    url: str | None
    prints: frozenset[str]
    article: Article | None = None  # set when (re)converted in this run
    body: str | None = None  # the article's Markdown body, rendered with it
    stored: StoredArticle | None = None
    current: Path | None = None  # the file that holds this story's article now
    unwritable: bool = False  # its write failed in this run (reported once; not tried again)
    sidecar: Sidecar | None = None  # the curator's values and note, written into the article

    def __post_init__(self) -> None:
        if self.current is None and self.stored is not None:
            self.current = self.stored.path

    @property
    def keeps_its_file(self) -> bool:
        """An edited article on disk is never renamed or rewritten."""
        return self.article is None and self.stored is not None and self.stored.edited

    @property
    def base_slug(self) -> str:
        """The slug before any suffix that told it apart from a namesake."""
        if self.article is not None and self.article.slug:
            return self.article.slug.removesuffix(f"-{short_hash(self.source)}")
        stem = self.stored.path.stem if self.stored else ""
        return stem.removesuffix(f"-{short_hash(self.source)}")

    @property
    def rank(self) -> tuple:
        """Which of two duplicates is published: an edited article, then a saved page (richer
        metadata), then one whose date the page or its name states, then the first path."""
        edited = self.stored is not None and self.stored.edited and self.article is None
        html = self.source.lower().endswith(SAVED_PAGE_DUMPS)
        date_source = self.article.date_source if self.article else (self.stored.date_source if self.stored else None)
        guessed_date = date_source in (None, "git", "mtime")
        return (not edited, not html, guessed_date, self.source)


def find_dumps(root: Path, out_dir: Path, refused: list[DumpError] | None = None,
               orphans: list[str] | None = None) -> list[Path]:
    """Every dump below `root`, sorted, skipping the output folder (and its lead images'),
    hidden folders and the folders a saved page came with; a file that only looks like a dump
    (a link out of `root`, a device or FIFO, too big) is skipped, with its reason added to
    `refused`, and a sidecar with no dump beside it is named in `orphans`."""
    owned = {out_dir.resolve(), images_folder(out_dir).resolve()}
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        companions = {folder.name for name in filenames for folder in companion_folders(here / name, dirnames)}
        if refused is not None:  # os.walk does not follow folder links; say so for those that lead out
            refused += [DumpError(path_text((here / d).relative_to(root)) + "/", "links to a folder outside "
                                  f"{path_text(root.name or root)}/; not read") for d in sorted(dirnames)
                        if (here / d).is_symlink() and not is_within(here / d, root)]
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith((".", "_")) and d not in companions and (here / d).resolve() not in owned
        )
        if orphans is not None and not is_within(here, root / EDITIONS_DIRNAME):
            stems = {Path(n).stem for n in filenames if Path(n).suffix.lower() in DUMP_EXTENSIONS}
            orphans += [f"{path_text((here / n).relative_to(root))}: a sidecar with no dump beside it "
                        f"(no {Path(n).stem}.txt, .html or .htm); not used" for n in sorted(filenames)
                        if n.endswith(SIDECAR_SUFFIX) and Path(n).stem not in stems and looks_like_sidecar(here / n)]
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in DUMP_EXTENSIONS:
                reason = refusal(here / name, root)
                if reason is None:
                    found.append(here / name)
                elif refused is not None:
                    refused.append(DumpError(path_text((here / name).relative_to(root)), reason))
    return found


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()  # what open() would give a new file


def write_atomically(path: Path, text: str | bytes) -> bool:
    """Write `text` (or bytes) to `path` unless it already holds exactly that; True if written."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if read_regular_file(path, limit=len(data)) == data:
            return False
    except (OSError, RefusedFile):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)  # mkstemp makes 0600; an article is a normal file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


TEMP_MAX_AGE = 600  # seconds; younger temp files may belong to a run still writing


def _sweep_temp_files(out_dir: Path) -> None:
    """Remove temp files a killed run left behind (never an article: they are dot files)."""
    if not out_dir.is_dir():
        return
    now = time.time()
    for leftover in out_dir.glob(".tmp-*.part"):
        try:
            if now - leftover.stat().st_mtime > TEMP_MAX_AGE:
                leftover.unlink()
        except OSError:
            pass


def convert_dump(dump: Path, source: str) -> Article:
    """Read one dump into an article with its date, slug and publishable lead image settled."""
    article = read_dump(dump, source)
    attach_lead_image(article, dump)
    if not article.date:
        article.date, article.date_source = fallback_date(dump, article.relative_date)
    article.slug = make_slug(article.slug or article.headline, fallback_seed=source)
    return article


def _convert_job(job: tuple[Path, str]) -> tuple[Article, frozenset[str], str] | DumpError:
    """Everything per dump that can run in a worker: read, fingerprint, render the body."""
    try:
        article = convert_dump(*job)
        return article, fingerprint(article.body_text), render_body(article.body)
    except DumpError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a converter bug on one dump must not stop the others
        reason = f"the converter failed on this file ({type(exc).__name__}: {exc}); please report it"
        return DumpError(job[1], reason)


def _convert_many(jobs: list[tuple[Path, str]], workers: int | None, progress: Progress | None) -> Iterator:
    """Convert dumps, in worker processes when there are many; results in order."""
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_convert_job, jobs, chunksize=max(1, min(32, len(jobs) // (workers * 8))))
            yield from progress(results, len(jobs)) if progress else results
    else:
        results = map(_convert_job, jobs)
        yield from progress(results, len(jobs)) if progress else results


def _resolve_duplicates(stories: list[_Story], report: Report) -> set[str]:
    """Group stories that are one story; return the sources not to publish."""
    skipped: set[str] = set()
    by_url: dict[str, _Story] = {}
    by_print: dict[str, list[_Story]] = {}
    for story in sorted(stories, key=lambda s: s.rank):
        match, why = None, None
        if story.url and story.url in by_url:
            match, why = by_url[story.url], "same URL"
        else:
            seen: list[_Story] = []
            for h in story.prints:
                seen += [s for s in by_print.get(h, []) if s not in seen]
            for other in seen:
                why = same_story(None, story.prints, None, other.prints)
                if why:
                    match = other
                    break
        if match is not None and (story.article is not None or match.article is not None):
            skipped.add(story.source)
            report.duplicates.append((match.source, story.source, why or "same story"))
            continue
        if story.url:
            by_url.setdefault(story.url, story)
        for h in story.prints:
            by_print.setdefault(h, []).append(story)
    return skipped


def convert(
    root: Path = DEFAULT_CONTENT,
    out_dir: Path | None = None,
    dumps: Iterable[Path] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    cache_dir: Path | None = None,
    editions: str = DAILY,
) -> Report:
    """Convert every dump under `root` (or just `dumps`) into `out_dir`.

    Each article is written as soon as its dump is read, so a run that is
    killed keeps its progress; a last pass then settles duplicates and
    namesakes over the whole set. Articles whose dump has gone are removed
    (unless edited), so that the output folder mirrors the dumps; so are
    those a sidecar hides. `editions` (daily or weekly) is written into each
    article as the edition it belongs to.
    """
    root = Path(root)
    out_dir = Path(out_dir) if out_dir else root / POSTS_DIRNAME
    cache_dir = cache_dir if cache_dir is not None else root.resolve().parent / ".cache" / "digest"
    report = Report()
    images = ImageStore(out_dir, root)
    _sweep_temp_files(out_dir)
    _sweep_temp_files(images.folder)
    store, extras, foreign = read_store(out_dir)
    reserved = {path.stem for path in foreign}  # a curator's own files: never written over (see _write_story)
    hashes = HashCache(cache_dir / "dump-hashes.json")
    refused: list[DumpError] = []
    all_dumps = find_dumps(root, out_dir, refused, report.curator if dumps is None else None)
    todo = sorted(Path(d) for d in dumps) if dumps is not None else all_dumps
    resolved_root = root.resolve()

    def source_of(dump: Path) -> str:
        """The dump's path as articles record it: relative to the content folder, as one line of text."""
        try:
            return path_text(dump.resolve().relative_to(resolved_root).as_posix())
        except ValueError:
            return path_text(dump.as_posix())

    if dumps is None:
        report.errors += refused
    else:
        reasons = {dump: refusal(dump, root) for dump in todo}
        report.errors += [DumpError(source_of(dump), why) for dump, why in reasons.items() if why]
        todo = [dump for dump, why in reasons.items() if not why]

    sidecars = _read_sidecars(todo, root, source_of, report)
    hidden = {source for source, sidecar in sidecars.items() if sidecar is not None and sidecar.hidden}
    report.hidden = sorted(hidden)
    todo = [dump for dump in todo if source_of(dump) not in hidden]
    stories: list[_Story] = []
    jobs: list[tuple[Path, str]] = []
    digests: dict[str, str] = {}
    for dump in todo:
        source = source_of(dump)
        try:
            digests[source] = hashes.sha256(dump)
        except RefusedFile as exc:
            report.errors.append(DumpError(source, str(exc)))
            continue
        except OSError as exc:
            report.errors.append(DumpError(source, f"cannot read file ({exc.strerror or exc})"))
            continue
        previous = store.get(source)
        fresh = (previous and previous.source_sha256 == digests[source] and previous.converter == CONVERTER_VERSION
                 and images.holds(previous.image_file)  # a lead image deleted by hand is made again
                 and previous.curator == curator_key(sidecars.get(source), editions))
        if previous and (previous.edited or fresh):
            if previous.edited and previous.source_sha256 != digests[source]:
                report.kept_edits.append((previous.path, f"kept your edits; {source} changed but the article was not rewritten"))
            else:
                report.unchanged.append(previous.path)
            stories.append(_Story(source, dump, canonical_url(previous.url), fingerprint(previous.body), stored=previous))
        else:
            jobs.append((dump, source))
    hashes.save()
    memo = DuplicateMemo(cache_dir / "duplicates.json")
    published = {s.source for s in stories}  # unchanged articles: what a known duplicate repeats
    for dump, source in list(jobs):
        known = memo.recall(source, digests, CONVERTER_VERSION)
        if known is not None and known[0] in published:
            report.duplicates.append((known[0], source, known[1]))
            jobs.remove((dump, source))
    in_run = {source for _, source in jobs} | {s.source for s in stories}
    if dumps is not None:  # articles of dumps outside this run still hold their story and name
        for source, stored in store.items():
            if source in hidden:
                _remove_unless_edited(stored, f"kept your edits; {source} is hidden by its sidecar but the "
                                              "article was not removed", report)
            elif source not in in_run:
                stories.append(_Story(source, None, canonical_url(stored.url), fingerprint(stored.body), stored=stored))

    claims = {story.current.resolve(): story.source for story in stories if story.current}
    live = ({source_of(d) for d in all_dumps} if dumps is None else set(store)) - hidden
    claims.update({stored.path.resolve(): stored.source for stored in store.values()
                   if stored.source in live or stored.edited})
    if dumps is None:  # before anything is written: a gone dump's article frees its name
        for source, stored in store.items():
            if source not in live and stored.path.exists():
                _remove_unless_edited(stored, f"kept your edits; {source} is gone but the article was not removed", report)
    for (dump, source), result in zip(jobs, _convert_many(jobs, workers, progress)):
        if isinstance(result, DumpError):
            report.errors.append(result)
            continue
        article, prints, body = result
        report.notes += [(source, note) for note in article.notes]
        story = _Story(source, dump, canonical_url(article.url), prints, article=article, body=body,
                       stored=store.get(source), sidecar=sidecars.get(source))
        stories.append(story)
        if story.keeps_its_file:
            continue
        name = story.base_slug
        if claims.get((out_dir / f"{name}.md").resolve(), source) != source:
            name = f"{name}-{short_hash(source)}"
        if _write_story(story, name, digests, out_dir, report, images, editions):
            claims[story.current.resolve()] = source

    for story in stories:  # an unchanged article may still move to a new name: it keeps its sidecar
        story.sidecar = story.sidecar or sidecars.get(story.source)
    _settle(stories, digests, out_dir, report, images, reserved, editions)
    report.curator += [f"{sidecars[skipped].source}: not used: {skipped} is {why} as {kept}, which is published; "
                       f"put the sidecar beside {kept}" for kept, skipped, why in report.duplicates
                       if sidecars.get(skipped) is not None and sidecars.get(kept) is None]
    if report.written or report.removed:  # an image no article names any more goes too
        images.sweep(out_dir)
    memo.remember(report.duplicates, digests, CONVERTER_VERSION, set(digests))
    memo.save()
    for stored in extras:  # a second file for one dump: left by a run killed mid-rename
        _remove_unless_edited(stored, f"kept your edits; another article also comes from {stored.source}", report)
    _write_editions(root, out_dir, editions, report)
    return report


def _write_editions(root: Path, out_dir: Path, editions: str, report: Report) -> None:
    """The edition pages of the articles now in `out_dir` (see editions/pages.py)."""
    from .editions.pages import write_editions  # it writes with this module's write_atomically

    try:
        report.editions, kept = write_editions(root, out_dir, editions)
    except OSError as exc:
        report.errors.append(DumpError(f"{EDITIONS_DIRNAME}/", f"cannot write the edition pages ({exc.strerror or exc})"))
        return
    report.kept_edits += kept
    report.curator += [f"{EDITIONS_DIRNAME}/{e.key}.md: {e.intro_problem}" for e in report.editions if e.intro_problem]


def _read_sidecars(dumps: list[Path], root: Path, source_of, report: Report) -> dict[str, Sidecar | None]:
    """Each dump's sidecar; a sidecar that cannot be used is one line, and its dump converts without it."""
    sidecars: dict[str, Sidecar | None] = {}
    for dump in dumps:
        try:
            sidecar = read_sidecar(dump, root)
        except DumpError as exc:
            report.curator.append(str(exc))
            sidecar = None
        if sidecar is not None:
            report.curator += [f"{sidecar.source}: {problem}" for problem in sidecar.problems]
        sidecars[source_of(dump)] = sidecar
    return sidecars


def _remove_unless_edited(stored: StoredArticle, note: str, report: Report) -> None:
    if stored.edited:
        report.kept_edits.append((stored.path, note))
    elif _unlink(stored.path, stored.source, report):
        report.removed.append(stored.path)


def _unlink(path: Path, source: str, report: Report) -> bool:
    """Remove an article file; a failure (a read-only folder) is one error line, not a traceback."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        report.errors.append(DumpError(source, f"cannot remove {path_text(path)} ({exc.strerror or exc})"))
        return False
    return True


def _settle(stories: list[_Story], digests: dict[str, str], out_dir: Path, report: Report,
            images: ImageStore, reserved: set[str] = frozenset(), editions: str = DAILY) -> None:
    """Publish one article per story under names that do not depend on arrival order."""
    skipped = _resolve_duplicates(stories, report)
    live = []
    for story in stories:
        if story.source not in skipped:
            live.append(story)
        elif story.current is not None and not story.keeps_its_file and _unlink(story.current, story.source, report):
            report.removed.append(story.current)
    names = _file_names(live, reserved)
    moving = [s for s, name in names.items()
              if not s.keeps_its_file and not s.unwritable and (s.current is None or s.current.stem != name)]
    for story in moving:  # re-read first, then clear the old names, then write: renames may swap names
        if story.article is None and not _reconvert(story, report):
            names.pop(story)
    for story in moving:
        if story in names and story.current is not None:
            if not _unlink(story.current, story.source, report):
                names.pop(story)
                continue
            story.current = None
    for story in moving:
        if story in names:
            _write_story(story, names[story], digests, out_dir, report, images, editions)


def _file_names(stories: list[_Story], reserved: set[str] = frozenset()) -> dict[_Story, str]:
    """A unique file name (= slug) per story, the same whatever order dumps arrived in.

    Stories whose slugs collide (the same headline) are told apart by a
    short hash of their dump's path; the first dump path in sort order keeps
    the plain slug, unless an edited article or a curator's own file
    (`reserved`) already holds it.
    """
    groups: dict[str, list[_Story]] = {}
    for story in stories:
        groups.setdefault(story.base_slug, []).append(story)
    names: dict[_Story, str] = {}
    for base, group in groups.items():
        group.sort(key=lambda s: (not s.keeps_its_file, s.source))
        taken = set(reserved)
        for story in group:
            if story.keeps_its_file:
                names[story] = story.stored.path.stem
            elif base not in taken:
                names[story] = base
            else:
                names[story] = f"{base}-{short_hash(story.source)}"
            taken.add(names[story])
    return names


def _reconvert(story: _Story, report: Report) -> bool:
    """Read an unchanged dump again, for an article that must move to a new name."""
    if story.dump is None:
        return False
    try:
        story.article = convert_dump(story.dump, story.source)
    except DumpError as exc:
        report.errors.append(exc)
        return False
    report.notes += [(story.source, note) for note in story.article.notes]
    return True


def _write_story(story: _Story, name: str, digests: dict[str, str], out_dir: Path, report: Report,
                 images: ImageStore, editions: str = DAILY) -> bool:
    """Write one (re)converted article under `name`, then drop its old file."""
    article = story.article
    if article is None or story.keeps_its_file:
        return False
    article.slug = name
    target = out_dir / f"{name}.md"
    if not is_within(target, out_dir):  # slugs are safe by construction; never trust that alone
        report.errors.append(DumpError(story.source, "refused to write outside the output folder"))
        return False
    if _held_by_another(target, story):
        name = f"{story.base_slug}-{short_hash(story.source)}"
        if _held_by_another(out_dir / f"{name}.md", story):
            report.errors.append(DumpError(story.source, f"not written: {target.name} and {name}.md in "
                                                         "the output folder are not the converter's"))
            return False
        report.kept_edits.append((target, f"kept your file; {story.source} is written as {name}.md instead"))
        article.slug, target = name, out_dir / f"{name}.md"
    try:
        images.place(article, write_atomically)  # before the article that names it
        text = render_article(article, story.source, digests[story.source], body=story.body,
                              sidecar=story.sidecar, editions=editions)
        (report.written if write_atomically(target, text) else report.unchanged).append(target)
        if story.current is not None and story.current.resolve() != target.resolve():
            story.current.unlink(missing_ok=True)
    except OSError as exc:  # a read-only folder, a full disk: one line, and the other dumps go on
        report.errors.append(DumpError(story.source, f"cannot write {path_text(target)} ({exc.strerror or exc})"))
        story.unwritable = True
        return False
    story.current = target
    return True


def _held_by_another(target: Path, story: _Story) -> bool:
    """True when `target` exists and is not this story's own unedited article.

    Whatever the converter cannot prove it wrote (a curator's own page, an
    article edited or saved in another encoding, one whose `source` was
    removed) is the curator's: never written over.
    """
    if story.current is not None and target.resolve() == story.current.resolve():
        return False
    if not target.exists():
        return False
    held = read_article(target)
    return held is None or held.edited or held.source != story.source
