"""Atomic builds: only a complete, successful build replaces the site.

A build killed half-way (``kill -9``) leaves the previous site byte for byte, and the
next build cleans up after it. The generated Markdown folder heals itself: a build
writes every file whose content differs, whatever state a killed build left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import synthetic
from conftest import PROJECT

from generator.build import Paths, build, generate
from generator.write import recover, swap_in

SMALL = synthetic.files(transcripts=2, paragraphs=5)
LARGE = synthetic.files(transcripts=150, paragraphs=40)  # about 5 s of building


def _count(folder: Path, pattern: str) -> int:
    return sum(1 for _ in folder.glob(pattern)) if folder.is_dir() else 0


def _staging(out: Path) -> list[Path]:
    return sorted(p for p in out.parent.glob(f".{out.name}.*") if p.is_dir())


# When to kill the build: the state it must be in, checked every few milliseconds.
MOMENTS: dict[str, Callable[[Path, Path], bool]] = {
    "while writing the Markdown": lambda out, docs: (
        _count(docs / "transcripts", "*-fictown-*.md") > 10 and not _staging(out)
    ),
    "while MkDocs writes the new site": lambda out, docs: any(
        _count(stage / "transcripts", "*/index.html") > 20 for stage in _staging(out)
    ),
}


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_killed_build_leaves_the_previous_site_and_the_next_build_works(
    tmp_path: Path, moment: str
) -> None:
    small = synthetic.write(tmp_path / "small", SMALL)
    paths = Paths.for_(small, tmp_path / "site")
    build(paths)
    before = synthetic.read(paths.out)

    large = synthetic.write(tmp_path / "large", LARGE)
    command = [sys.executable, "-m", "generator", "build", "--content", str(large),
               "--out", str(paths.out)]
    # Its own process group: Pagefind, a child process, dies with it.
    process = subprocess.Popen(command, cwd=PROJECT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    reached = MOMENTS[moment]
    while process.poll() is None and not reached(paths.out, paths.docs):
        time.sleep(0.005)
    assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    assert synthetic.read(paths.out) == before
    if moment == "while MkDocs writes the new site":
        assert _staging(paths.out), "the killed build's staging folder"
    # The next build (of the small content again) cleans up and gives the same site.
    build(paths)
    assert synthetic.snapshot(paths.out) == synthetic.comparable(before)
    assert _staging(paths.out) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build", "large", "site", "small"]


def test_the_markdown_folder_heals_after_a_half_written_build(tmp_path: Path) -> None:
    small = synthetic.write(tmp_path / "small", SMALL)
    paths = Paths.for_(small, tmp_path / "site")
    build(paths)
    # What a build of other content, killed half-way, leaves: no stamp of a complete
    # build (a build deletes it before it writes anything), some of its pages written, a
    # temporary file of the one it was writing, the rest still the old ones.
    (paths.work / "built.json").unlink()
    large = synthetic.write(tmp_path / "large", LARGE)
    other = Paths.for_(large, tmp_path / "other-site", tmp_path / "other-work")
    generate(other)
    written = synthetic.read(other.work)
    synthetic.write(paths.work, {name: written[name] for name in sorted(written)[::2]})
    (paths.docs / "transcripts" / ".about.md.x1y2z3").write_text("half a pa", "utf-8")
    (paths.docs / "index.md").write_text("# Truncated", "utf-8")

    build(paths)
    clean = Paths.for_(synthetic.write(tmp_path / "again", SMALL), tmp_path / "clean-site")
    build(clean)
    assert synthetic.read(paths.docs) == synthetic.read(clean.docs)
    assert synthetic.snapshot(paths.out) == synthetic.snapshot(clean.out)


def test_a_site_moved_aside_by_a_killed_swap_is_put_back(tmp_path: Path) -> None:
    site, old = tmp_path / "site", tmp_path / ".site.old"
    old.mkdir()
    (old / "index.html").write_text("previous", "utf-8")
    (tmp_path / ".site.abc123").mkdir()  # a killed build's staging folder
    removed = recover(site)
    assert removed == [tmp_path / ".site.abc123"]
    assert (site / "index.html").read_text("utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_in_replaces_the_site_in_one_step(tmp_path: Path) -> None:
    site, built = tmp_path / "site", tmp_path / ".site.new"
    site.mkdir()
    (site / "old.html").write_text("old", "utf-8")
    built.mkdir()
    (built / "new.html").write_text("new", "utf-8")
    swap_in(built, site)
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_prune_deletes_what_was_not_made_and_the_folders_left_empty(tmp_path: Path) -> None:
    from generator.write import prune

    for name in ("a/b/old.md", "a/new.md", "cache/entry", "record.pickle", "e/f/g/old.md",
                 "index.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    assert prune(tmp_path, {"a/new.md", "index.md"}, keep={"cache", "record.pickle"}) == 2
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "a", "a/new.md", "cache", "cache/entry", "index.md", "record.pickle"]


def test_a_file_joined_from_parts_is_copied_and_written_only_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator import write
    from generator.write import Joined, write_files

    monkeypatch.setattr(write, "CHUNK", 3)  # (each part copied in several chunks)
    parts = []
    for number, text in enumerate(("alpha beta\n", "", "gamma delta epsilon\n")):
        parts.append(tmp_path / f"part{number}")
        parts[-1].write_text(text, "utf-8")
    joined = Joined(tuple(parts), b"head\n", b"nothing\n")
    out = tmp_path / "out"
    assert write_files(out, [("data/all.txt", joined)])[:2] == (1, 0)
    assert (out / "data/all.txt").read_text("utf-8") == "head\nalpha beta\ngamma delta epsilon\n"
    assert write_files(out, [("data/all.txt", joined)])[:2] == (0, 1)  # (the same bytes)
    parts[2].write_text("gamma delta epsiloN\n", "utf-8")  # (one byte, same length)
    assert write_files(out, [("data/all.txt", joined)])[:2] == (1, 0)
    assert (out / "data/all.txt").read_text("utf-8").endswith("epsiloN\n")
    assert write_files(out, [("data/all.txt", Joined(tuple(parts[1:2]), b"h\n", b"none\n"))])[
        :2] == (1, 0)
    assert (out / "data/all.txt").read_text("utf-8") == "h\nnone\n"
    assert sorted(p.name for p in (out / "data").iterdir()) == ["all.txt"]  # (no leftovers)
