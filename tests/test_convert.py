"""`digest convert`: articles on disk, idempotent, safe for dumps and hand edits."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import frontmatter

from conftest import CORPUS, ROOT, SEED, mkdocs_env

from converter.convert import convert


def run_digest(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_convert_writes_front_matter_and_leaves_the_dump_alone(seed_copy: Path):
    content = seed_copy.parent
    before = seed_copy.read_bytes()
    mtime = seed_copy.stat().st_mtime_ns
    report = convert(content)
    assert len(report.written) == 1 and not report.errors
    article = report.written[0]
    assert article.parent == content / "posts"
    post = frontmatter.load(article)
    assert post["headline"] == "Blinken is in Israel to push for a Gaza cease-fire deal."
    assert post["credit"] == "Pool photo by Kevin Mohatt"
    assert post["contributors"] == ["Isabel Kershner"]
    assert post["source"]["path"] == SEED.name and post["source"]["sha256"] == hashlib.sha256(before).hexdigest()
    assert post["date"] is not None and post["date_source"] in {"filename", "git", "mtime"}
    assert seed_copy.read_bytes() == before and seed_copy.stat().st_mtime_ns == mtime


def test_reconversion_is_byte_identical_and_rewrites_nothing(seed_copy: Path):
    content = seed_copy.parent
    convert(content)
    first = snapshot(content)
    article = next((content / "posts").glob("*.md"))
    mtime = article.stat().st_mtime_ns
    report = convert(content)
    assert not report.written and len(report.unchanged) == 1
    assert snapshot(content) == first
    assert article.stat().st_mtime_ns == mtime


def test_the_same_dump_gives_the_same_bytes_in_another_folder(tmp_path: Path, seed_copy: Path):
    other = tmp_path / "elsewhere" / "content"
    other.mkdir(parents=True)
    (other / "2024-08-19-blinken.txt").write_bytes(SEED.read_bytes())
    (seed_copy.parent / "2024-08-19-blinken.txt").write_bytes(SEED.read_bytes())
    seed_copy.unlink()
    convert(seed_copy.parent)
    convert(other)
    assert snapshot(seed_copy.parent / "posts") == snapshot(other / "posts")


def test_hand_edits_survive_reconversion_and_a_changed_dump(seed_copy: Path):
    content = seed_copy.parent
    convert(content)
    article = next((content / "posts").glob("*.md"))
    edited = article.read_text(encoding="utf-8").replace("Mr. Blinken will travel", "Mr. Blinken, the curator notes, will travel")
    article.write_text(edited, encoding="utf-8")
    seed_copy.write_bytes(seed_copy.read_bytes() + b"\n\nA new closing paragraph that the page added later on, long enough to count.\n")
    report = convert(content)
    assert article.read_text(encoding="utf-8") == edited
    assert report.kept_edits and report.kept_edits[0][0] == article
    proc = run_digest("convert", str(content), cwd=content.parent)
    assert "kept your edits" in proc.stderr
    assert article.read_text(encoding="utf-8") == edited


def test_deleting_a_dump_removes_its_unedited_article(seed_copy: Path):
    content = seed_copy.parent
    convert(content)
    seed_copy.unlink()
    report = convert(content)
    assert len(report.removed) == 1
    assert not list((content / "posts").glob("*.md"))


def test_one_bad_file_is_one_line_and_the_others_still_convert(seed_copy: Path):
    content = seed_copy.parent
    (content / "empty.txt").write_bytes(b"")
    (content / "blank.txt").write_bytes(b"  \n\n\t \r\n")
    (content / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (content / "noheadline.txt").write_text("short\nlines\nonly\n", encoding="utf-8")
    proc = run_digest("convert", str(content), cwd=content.parent)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    reasons = "\n".join(errors)
    assert "empty.txt: empty file" in reasons
    assert "blank.txt: file holds only white space" in reasons
    assert "binary.txt: binary file" in reasons
    assert "noheadline.txt: no" in reasons
    assert len(list((content / "posts").glob("*.md"))) == 1
    assert "Traceback" not in proc.stderr


def test_extract_exit_codes(seed_copy: Path):
    content = seed_copy.parent
    (content / "empty.txt").write_bytes(b"")
    ok = run_digest("extract", "--json", str(seed_copy), cwd=content)
    assert ok.returncode == 0
    mixed = run_digest("extract", "--json", str(content / "empty.txt"), str(seed_copy), cwd=content)
    assert mixed.returncode == 1
    lines = mixed.stdout.splitlines()
    assert len(lines) == 2 and '"error"' in lines[0] and '"headline"' in lines[1]
    usage = run_digest("extract", cwd=content)
    assert usage.returncode == 2


def test_oversized_file_is_refused_by_name(seed_copy: Path):
    from converter.decoding import MAX_DUMP_BYTES

    big = seed_copy.parent / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_DUMP_BYTES + 1)
    proc = run_digest("extract", "--json", str(big), cwd=seed_copy.parent)
    assert proc.returncode == 1
    assert "huge.txt" in proc.stderr and "limit" in proc.stderr


def test_extract_piped_into_head_ends_quietly(tmp_path):
    """`digest extract --json … | head -1`: the reader stops early; no traceback on the terminal."""
    files = sorted(str(p) for p in (CORPUS / "text").glob("*.txt"))[:40]
    proc = subprocess.Popen([sys.executable, "-m", "converter", "extract", "--json", *files],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=mkdocs_env())
    first = proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert first.startswith(b"{") and "Traceback" not in err and "BrokenPipe" not in err


def test_a_converter_bug_on_one_dump_is_one_line_and_the_others_still_convert(tmp_path: Path, monkeypatch):
    """Not only refused dumps: an unexpected error on one file (a bug) must not stop the run."""
    import converter.convert as conversion

    content = tmp_path / "content"
    content.mkdir()
    (content / "good.txt").write_bytes(SEED.read_bytes())
    (content / "trigger.txt").write_bytes(SEED.read_bytes())
    real = conversion.convert_dump

    def buggy(dump: Path, source: str):
        if dump.name == "trigger.txt":
            raise ValueError("year -976 is out of range")
        return real(dump, source)

    monkeypatch.setattr(conversion, "convert_dump", buggy)
    report = convert(content, workers=1)
    assert [p.name for p in (content / "posts").glob("*.md")] != []
    assert len(list((content / "posts").glob("*.md"))) == 1
    messages = [str(e) for e in report.errors]
    assert len(messages) == 1 and "trigger.txt" in messages[0] and "ValueError" in messages[0]
    assert "\n" not in messages[0]
