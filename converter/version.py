"""The converter's version as the cache sees it: release plus a hash of its code.

Articles record it; an article whose dump is unchanged is re-read only
when this changes, so any change to the extraction code (not only a
release bump) refreshes the articles it affects, on every machine alike.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import __version__

_PACKAGE = Path(__file__).resolve().parent


def _code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        relative = path.relative_to(_PACKAGE).as_posix()
        if relative.startswith(("plugin/", "cli.py")):
            continue  # how articles are served or invoked does not change them
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:10]


CONVERTER_VERSION = f"{__version__}+{_code_hash()}"
