"""Shared fixtures: the seed dump, the corpus, and a scratch copy of the project."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_5ce5ac45cbe87a3a.txt"
CORPUS = SHARED / "corpus"


def corpus_truth() -> list[dict]:
    path = CORPUS / "truth.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed dump copied into a scratch content folder (never touch ../shared)."""
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside the project")
    content = tmp_path / "content"
    content.mkdir()
    target = content / SEED.name
    shutil.copyfile(SEED, target)
    return target
