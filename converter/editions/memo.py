"""What each generated file was last written from, so a preview rebuild skips unchanged ones.

Kept in memory for the life of the process (`mkdocs serve` keeps it across
rebuilds); a file changed by anyone else since (its stamp differs) is
always written again.
"""
from __future__ import annotations

from pathlib import Path


def stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class WrittenFrom:
    def __init__(self) -> None:
        self._entries: dict[str, tuple[str, tuple[int, int] | None]] = {}

    def unchanged(self, path: Path, key: str) -> bool:
        """True when `path` was written from `key` and nobody touched it since."""
        known = self._entries.get(str(path))
        return known is not None and known[1] is not None and known == (key, stamp(path))

    def remember(self, path: Path, key: str) -> None:
        self._entries[str(path)] = (key, stamp(path))
