"""A thin MkDocs layer over `converter.convert`: the same conversion as `digest convert`.

Before each build it converts the dumps in `docs_dir` into `posts/`
(writing only what changed, so `mkdocs serve` settles), reports each bad
dump in one line, and keeps raw dumps out of the built site.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ..convert import POSTS_DIRNAME, convert
from ..readers import DUMP_EXTENSIONS

log = logging.getLogger("mkdocs.plugins.digest")


class DigestConfig(Config):
    posts_dir = opt.Type(str, default=POSTS_DIRNAME)
    strict = opt.Type(bool, default=False)


class DigestPlugin(BasePlugin[DigestConfig]):
    def on_pre_build(self, config) -> None:
        docs = Path(config["docs_dir"])
        report = convert(docs, docs / self.config.posts_dir)
        for error in report.errors:
            log.error(str(error))
        for line in report.warnings():
            log.warning(line)
        if report.errors and self.config.strict:
            raise PluginError(f"{len(report.errors)} dump(s) could not be converted")

    def on_files(self, files, config):
        """Raw dumps are sources, never pages or assets of the site."""
        for file in list(files):
            if Path(file.src_uri).suffix.lower() in DUMP_EXTENSIONS:
                files.remove(file)
        return files
