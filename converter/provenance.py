"""A date for a dump whose page states none: file name, git history, file time.

The order matters for determinism: a date in the file or folder name, or
the commit that first added the file, is the same on every machine; the
file's modification time is the last resort, and the wall clock is never
used.
"""
from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

from .dates import date_from_path, resolve_relative


def first_commit_date(path: Path) -> str | None:
    """When git first recorded this file (author date, ISO 8601), or None."""
    try:
        result = subprocess.run(
            ["git", "log", "--diff-filter=A", "--follow", "--format=%aI", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamps = result.stdout.split()
    return stamps[-1] if result.returncode == 0 and stamps else None


def modification_date(path: Path) -> str | None:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(int(stamp), tz=timezone.utc).isoformat()


def fallback_date(path: Path, relative: str | None = None) -> tuple[str | None, str | None]:
    """(date, date_source) from the best source outside the page itself.

    A page that prints only a relative date ("1 day ago") is dated by
    counting back from that source: the day the dump was named for or
    first recorded, not the day the build runs.
    """
    for source, finder in (("filename", date_from_path), ("git", first_commit_date), ("mtime", modification_date)):
        found = finder(path)
        if found:
            resolved = resolve_relative(relative, found) if relative else None
            if resolved and source == "filename":
                return resolved, "relative"
            return (resolved or found), source
    return None, None
