"""Material's internals, touched safely: every patch applies on the pinned versions,
and a build that finds one not applying says so, once, by name."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml

from conftest import copy_project

from converter.plugin.patches import PATCHES, PatchReport
from converter.plugin.speedups import ListingExcerpt, PostList


def build_in_process(project: Path):
    """A real `mkdocs build` of `project`, in this process so the test can look inside."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config


def digest_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name == "mkdocs.plugins.digest" and r.levelno >= logging.WARNING]


@pytest.mark.parametrize("patch", PATCHES, ids=lambda p: p.name)
def test_each_patch_fits_the_pinned_versions(patch):
    assert patch.shape() is None


def test_a_build_on_the_pinned_versions_applies_every_speed_up(tmp_path, caplog):
    from material.plugins.blog import plugin as blog_plugin
    from material.plugins.blog import structure as blog_structure

    caplog.set_level(logging.INFO)
    config = build_in_process(copy_project(tmp_path / "project"))
    assert digest_warnings(caplog) == []
    assert blog_structure.SafeLoader is yaml.CSafeLoader
    assert blog_plugin.Excerpt is ListingExcerpt
    blog = config.plugins["material/blog"].blog
    assert isinstance(blog.posts, PostList) and len(blog.posts) == 10
    assert all(isinstance(post.excerpt, ListingExcerpt) for post in blog.posts)


def test_a_patch_that_cannot_apply_is_one_warning_naming_it(tmp_path, caplog, monkeypatch):
    from material.plugins.blog import structure as blog_structure

    class NewLoader(yaml.SafeLoader):
        """What a future Material might parse posts with: the fast-yaml patch no longer fits."""

    monkeypatch.setattr(blog_structure, "SafeLoader", NewLoader)
    caplog.set_level(logging.INFO)
    project = copy_project(tmp_path / "project")
    build_in_process(project)
    [warning] = digest_warnings(caplog)
    assert "fast-yaml" in warning and "still right" in warning
    assert blog_structure.SafeLoader is NewLoader  # stood down: left as Material has it
    assert (project / "site" / "index.html").exists()  # and the site is built all the same


def test_the_warning_is_not_repeated_on_each_serve_rebuild(caplog):
    caplog.set_level(logging.INFO)
    report = PatchReport()
    for _ in range(3):  # three builds of one `mkdocs serve`, the same patch missing each time
        report.stood_down(PATCHES[0], "shape changed")
        report.tell()
    report.tell()  # a build where it applied again: nothing to say
    report.stood_down(PATCHES[0], "shape changed")
    report.tell()
    assert len(digest_warnings(caplog)) == 2
