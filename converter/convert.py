"""Dumps on disk to article files on disk, safely and only when needed.

Rules that keep a curator's work safe:
- raw dumps are only ever read;
- an article is written only when its bytes change, atomically (temp file
  and rename in the same folder), and only inside the output folder;
- an article a curator has edited (its checksum no longer matches) is never
  overwritten or deleted: the tool says what it left alone;
- one bad dump is reported in one line and never stops the others.

The output folder is itself the record of what was converted: every
article names its dump and the dump's SHA-256 in its front matter, so a
dump whose bytes and converter version are unchanged costs one hash.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import frontmatter

from .version import CONVERTER_VERSION
from .errors import DumpError
from .provenance import fallback_date
from .readers import DUMP_EXTENSIONS, read_dump
from .slugs import make_slug, short_hash
from .writer import is_hand_edited, render_article

DEFAULT_CONTENT = Path("content")
POSTS_DIRNAME = "posts"


@dataclass
class Report:
    """What one conversion run did, for the summary line and for tests."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept_edits: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[DumpError] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{len(self.written)} written",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.removed)} removed",
            f"{len(self.kept_edits)} hand-edited kept",
            f"{len(self.errors)} failed",
        ]
        return "digest: " + ", ".join(parts)


@dataclass
class _Existing:
    path: Path
    source_sha256: str | None
    converter: str | None
    edited: bool


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def find_dumps(root: Path, out_dir: Path) -> list[Path]:
    """Every dump below `root`, sorted, skipping the output folder and hidden folders."""
    out_dir = out_dir.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith((".", "_")) and (here / d).resolve() != out_dir
        )
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in DUMP_EXTENSIONS:
                found.append(here / name)
    return found


def existing_articles(out_dir: Path) -> dict[str, _Existing]:
    """Articles already in the output folder, by the dump path they came from."""
    index: dict[str, _Existing] = {}
    if not out_dir.is_dir():
        return index
    for path in sorted(out_dir.glob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
            meta = frontmatter.loads(text).metadata
        except Exception:  # an unreadable article is the curator's, not ours
            continue
        source = meta.get("source")
        if isinstance(source, dict) and isinstance(source.get("path"), str):
            index[source["path"]] = _Existing(
                path, source.get("sha256"), str(meta.get("converter") or ""), is_hand_edited(text)
            )
    return index


def write_atomically(path: Path, text: str) -> bool:
    """Write `text` to `path` unless it already holds exactly that; True if written."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def convert_dump(dump: Path, source: str):
    """Read one dump into an article with its date and slug settled."""
    article = read_dump(dump, source)
    if not article.date:
        article.date, article.date_source = fallback_date(dump)
    article.slug = make_slug(article.slug or article.headline, fallback_seed=source)
    return article


def convert(
    root: Path = DEFAULT_CONTENT,
    out_dir: Path | None = None,
    dumps: Iterable[Path] | None = None,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
) -> Report:
    """Convert every dump under `root` (or just `dumps`) into `out_dir`.

    Articles whose dump has gone are removed (unless edited), so that the
    output folder always mirrors the dumps.
    """
    root = Path(root)
    out_dir = Path(out_dir) if out_dir else root / POSTS_DIRNAME
    all_dumps = find_dumps(root, out_dir)
    todo = sorted(Path(d) for d in dumps) if dumps is not None else all_dumps
    report = Report()
    existing = existing_articles(out_dir)
    claimed: dict[Path, str] = {e.path.resolve(): src for src, e in existing.items()}

    for dump in progress(todo) if progress else todo:
        source = dump.resolve().relative_to(root.resolve()).as_posix() if _inside(dump, root) else dump.as_posix()
        try:
            digest = sha256_file(dump)
        except OSError as exc:
            report.errors.append(DumpError(str(dump), f"cannot read file ({exc.strerror or exc})"))
            continue
        previous = existing.get(source)
        if previous and previous.source_sha256 == digest and previous.converter == CONVERTER_VERSION:
            report.unchanged.append(previous.path)
            continue
        try:
            article = convert_dump(dump, source)
        except DumpError as exc:
            report.errors.append(exc)
            continue
        if previous and previous.edited:
            what = "changed" if previous.source_sha256 != digest else "was re-read by a newer converter"
            report.kept_edits.append((previous.path, f"kept your edits; {source} {what} but the article was not rewritten"))
            continue
        target = out_dir / f"{article.slug}.md"
        owner = claimed.get(target.resolve())
        if owner is not None and owner != source:
            article.slug = f"{article.slug}-{short_hash(source)}"
            target = out_dir / f"{article.slug}.md"
        if not _inside(target, out_dir):  # slugs are safe by construction; never trust that alone
            report.errors.append(DumpError(source, "refused to write outside the output folder"))
            continue
        text = render_article(article, source, digest)
        if previous and previous.path.resolve() != target.resolve():
            previous.path.unlink(missing_ok=True)
            claimed.pop(previous.path.resolve(), None)
        claimed[target.resolve()] = source
        (report.written if write_atomically(target, text) else report.unchanged).append(target)

    if dumps is None:
        live = {d.resolve().relative_to(root.resolve()).as_posix() for d in all_dumps}
        for source, entry in existing.items():
            if source in live or not entry.path.exists():
                continue
            if entry.edited:
                report.kept_edits.append((entry.path, f"kept your edits; {source} is gone but the article was not removed"))
            else:
                entry.path.unlink()
                report.removed.append(entry.path)
    return report
