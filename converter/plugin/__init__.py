"""The MkDocs plugin: converts dumps in `docs_dir` before every build."""
from .plugin import DigestPlugin

__all__ = ["DigestPlugin"]
