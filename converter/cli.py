"""The `digest` command: `extract` prints articles as JSON, `convert` writes them
(`--watch`: again on every change).

Exit codes: 0 all went well, 1 some dump failed (the others were still
done), 2 the command line itself was wrong.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .convert import DEFAULT_CONTENT, POSTS_DIRNAME, convert, convert_dump, find_dumps
from .errors import DumpError
from .safe_files import display_path, path_text
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


def _convert_path(path: Path, args: argparse.Namespace, progress):
    """Convert one PATH (the content folder, a folder inside it, or one dump) into its root's posts/."""
    root = content_root(path)
    out = Path(args.out) if args.out else root / POSTS_DIRNAME
    if path.resolve() == root:
        return convert(root, out, progress=progress, workers=args.jobs)
    refused: list[DumpError] = []
    dumps = [path] if not path.is_dir() else find_dumps(path, out, refused)
    report = convert(root, out, dumps=dumps, progress=progress, workers=args.jobs)
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
        for line in report.warnings():
            print(f"warning: {line}", file=sys.stderr)
        failed += len(report.errors)
        if summary:
            print(report.summary(), file=sys.stderr)
    return failed


def cmd_convert(args: argparse.Namespace) -> int:
    roots = [Path(p) for p in args.paths] or [DEFAULT_CONTENT]
    failed = _convert_roots(roots, args, _progress(sys.stderr), summary=not args.quiet)
    if not args.watch:
        return 1 if failed else 0
    from .watch import watch

    # While watching, only what needs the curator: errors and warnings, no counts.
    try:
        watch(roots, Path(args.out) if args.out else None,
              lambda: _convert_roots(roots, args, progress=None, summary=False))
    except KeyboardInterrupt:  # Ctrl-C is how a watch ends: no traceback
        pass
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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.run(args)
