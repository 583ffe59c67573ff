"""The `digest` command: `extract` prints articles as JSON, `convert` writes them
(`--watch`: again on every change).

Exit codes: 0 all went well, 1 some dump failed (the others were still
done), 2 the command line itself was wrong.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import yaml

from . import __version__
from .editions.keys import DAILY, MODES
from .convert import DEFAULT_CONTENT, EDITIONS_DIRNAME, POSTS_DIRNAME, convert, convert_dump, find_dumps
from .errors import DumpError
from .safe_files import display_path, path_text
from .sanitize import one_line
from .writer import article_to_dict


def _progress(stream):
    """A progress bar on a terminal; nothing at all in CI or when piped."""
    def wrap(items, total):
        if not stream.isatty() or total < 2:
            return items
        from tqdm import tqdm

        return tqdm(items, total=total, desc="converting", unit="dump", file=stream, leave=False)

    return wrap


def cmd_extract(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            record = article_to_dict(convert_dump(path, path_text(path)))
        except DumpError as exc:
            failed += 1
            record = {"source": path_text(path), "error": exc.reason}
            print(f"error: {exc}", file=sys.stderr)
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        elif "error" not in record:
            print(f"{record['source']}: {record['headline']} ({record['date'] or 'no date'})")
    return 1 if failed else 0


def content_root(path: Path) -> Path:
    """The content folder a dump or folder belongs to, whose `posts/` its articles go to.

    That is `content/` (of the current folder) or the nearest enclosing
    folder named `content` when PATH lies inside one, else PATH itself (a
    folder) or the folder holding it (a file). `digest convert
    content/dumps/X.txt` thus writes `content/posts/`, never
    `content/dumps/posts/`, which would publish the story twice.
    """
    resolved = path.resolve()
    default = DEFAULT_CONTENT.resolve()
    ancestors = [resolved, *resolved.parents]
    if default in ancestors:
        return default
    named = next((folder for folder in ancestors if folder.name == DEFAULT_CONTENT.name and folder.is_dir()), None)
    return named or (resolved if resolved.is_dir() else resolved.parent)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its tags (`!ENV`, `!!python/name:`) read as plain values."""


def _env_tag(loader, node):
    """`!ENV [NAME, default]` (or `!ENV NAME`) as MkDocs reads it."""
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (names + [None])
    return next((os.environ[v] for v in variables if isinstance(v, str) and v in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_config(config: Path = Path("mkdocs.yml")) -> dict:
    """mkdocs.yml as a plain mapping ({} when missing or unreadable)."""
    try:
        meta = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return meta if isinstance(meta, dict) else {}


def editions_mode(config: Path = Path("mkdocs.yml")) -> str:
    """The `editions:` option of the digest plugin in mkdocs.yml (daily when unset or unreadable),
    so that `digest convert` writes the edition pages `mkdocs build` would."""
    meta = site_config(config)
    plugins = meta.get("plugins")
    for entry in plugins if isinstance(plugins, list) else []:
        options = entry.get("digest") if isinstance(entry, dict) else None
        if isinstance(options, dict) and options.get("editions") in MODES:
            return options["editions"]
    return DAILY


def _convert_path(path: Path, args: argparse.Namespace, progress):
    """Convert one PATH (the content folder, a folder inside it, or one dump) into its root's posts/."""
    root = content_root(path)
    out = Path(args.out) if args.out else root / POSTS_DIRNAME
    mode = editions_mode()
    if path.resolve() == root:
        return convert(root, out, progress=progress, workers=args.jobs, editions=mode)
    refused: list[DumpError] = []
    dumps = [path] if not path.is_dir() else find_dumps(path, out, refused)
    report = convert(root, out, dumps=dumps, progress=progress, workers=args.jobs, editions=mode)
    report.errors[:0] = refused
    return report


def _convert_roots(roots: list[Path], args: argparse.Namespace, progress, summary: bool) -> int:
    """Convert each dump file or folder; print errors, warnings and (optionally) the counts."""
    failed = 0
    for root in roots:
        if not (root.is_file() or root.is_dir()):
            print(f"error: {display_path(root)}: no such file or folder", file=sys.stderr)
            failed += 1
            continue
        try:
            report = _convert_path(root, args, progress)
        except OSError as exc:  # the output folder cannot be read or created, …: one line, no traceback
            print(f"error: {display_path(exc.filename or root)}: {exc.strerror or exc}", file=sys.stderr)
            failed += 1
            continue
        for error in report.errors:
            print(f"error: {error}", file=sys.stderr)
        for line in report.curator + report.warnings():
            print(f"warning: {line}", file=sys.stderr)
        failed += len(report.errors)
        if summary:
            print(report.summary(), file=sys.stderr)
    return failed


def cmd_convert(args: argparse.Namespace) -> int:
    roots = [Path(p) for p in args.paths] or [DEFAULT_CONTENT]
    out_dir = Path(args.out) if args.out else None
    if args.watch:
        from .watch import stamps, watch

        # Looked at before the first conversion: a dump dropped while it runs is a change.
        before_first = stamps(roots, out_dir)
    failed = _convert_roots(roots, args, _progress(sys.stderr), summary=not args.quiet)
    if not args.watch:
        return 1 if failed else 0

    # While watching, only what needs the curator: errors and warnings, no counts.
    try:
        watch(roots, out_dir, lambda: _convert_roots(roots, args, progress=None, summary=False),
              seen=before_first)
    except KeyboardInterrupt:  # Ctrl-C is how a watch ends: no traceback
        pass
    return 0


def _site_identity() -> tuple[str, str]:
    meta = site_config()
    url = meta.get("site_url") if isinstance(meta.get("site_url"), str) else "/"
    name = meta.get("site_name") if isinstance(meta.get("site_name"), str) else "News Digest"
    return url or "/", name


def cmd_edition(args: argparse.Namespace) -> int:
    """Print one edition as its email (HTML) or as text, from the dumps as they are now."""
    from .editions.email import email_html, email_text
    from .editions.model import collect_editions

    root = DEFAULT_CONTENT
    report = convert(root, root / POSTS_DIRNAME, editions=editions_mode())
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    editions = {e.key: e for e in collect_editions(root / POSTS_DIRNAME, root / EDITIONS_DIRNAME, editions_mode())}
    edition = editions.get(args.key)
    if edition is None:
        known = ", ".join(sorted(editions)[-5:]) or "none yet"
        print(f"error: no edition {one_line(args.key)} (the latest: {known})", file=sys.stderr)
        return 1
    url, name = _site_identity()
    print((email_html if args.format == "email" else email_text)(edition, url, name), end="")
    return 0


def cmd_editions(args: argparse.Namespace) -> int:
    """Write the edition feeds and emails into a built site (after `zensical build`)."""
    from .editions.model import collect_editions
    from .editions.publish import publish_editions

    site = Path(args.site_dir)
    if not site.is_dir():
        print(f"error: {display_path(site)}: no such folder (build the site first)", file=sys.stderr)
        return 1
    editions = collect_editions(DEFAULT_CONTENT / POSTS_DIRNAME, DEFAULT_CONTENT / EDITIONS_DIRNAME, editions_mode())
    publish_editions(site, editions, *_site_identity())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digest", description="Turn news page dumps into a digest site.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="print what the converter reads from dumps")
    extract.add_argument("--json", action="store_true", help="one JSON object per line per dump")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.set_defaults(run=cmd_extract)

    conv = sub.add_parser("convert", help="write Markdown articles for the dumps (default: content/)")
    conv.add_argument("paths", nargs="*", metavar="PATH", help="dump files or folders (default: content/)")
    conv.add_argument("--out", help="output folder (default: posts/ in the content folder PATH lies in)")
    conv.add_argument("-q", "--quiet", action="store_true", help="print errors and warnings only")
    conv.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: one per core)")
    conv.add_argument("--watch", action="store_true",
                      help="keep running: convert again whenever a dump changes (for `zensical serve`); Ctrl-C stops")
    conv.set_defaults(run=cmd_convert)

    edition = sub.add_parser("edition", help="print one edition as its email (HTML) or as plain text")
    edition.add_argument("key", metavar="YYYY-MM-DD", help="the edition (YYYY-Www with `editions: weekly`)")
    edition.add_argument("--format", choices=("email", "text"), default="email",
                         help="email: email.html, for mail clients; text: email.txt (default: email)")
    edition.set_defaults(run=cmd_edition)

    publish = sub.add_parser("editions", help="write the edition feeds and emails into a built site")
    publish.add_argument("--site-dir", default="site", help="the built site (default: site)")
    publish.set_defaults(run=cmd_editions)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        # `digest extract --json … | head`: the reader has all it wanted; no traceback.
        # Later writes (and the one at exit) go nowhere instead of failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
