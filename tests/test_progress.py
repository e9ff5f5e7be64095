"""`transcripts build` says what it does: a line per stage with its counts, and on a
terminal a progress bar (tqdm) while loading, rendering, MkDocs and the search index run."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import synthetic
from conftest import PROJECT

STAGES = ("load", "render", "mkdocs", "search")


def _content(tmp_path: Path) -> Path:
    return synthetic.write(tmp_path / "content", synthetic.files(transcripts=30, paragraphs=20))


def _command(content: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--content", str(content),
            "--out", str(out)]


def test_stage_lines_and_no_bars_off_a_terminal(tmp_path: Path) -> None:
    content = _content(tmp_path)
    done = subprocess.run(_command(content, tmp_path / "site"), cwd=PROJECT, text=True,
                          capture_output=True, check=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    lines = done.stdout.splitlines()
    assert lines[0] == "load: 30 transcripts, 0 from the cache, 30 read and tagged"
    assert re.fullmatch(r"talking points: 0 in \d+ lines, 30 transcripts sketched", lines[1])
    assert lines[2].startswith("render: ") and ", 0 deleted" in lines[2]
    assert lines[3].startswith("mkdocs: ") and lines[3].endswith(" pages")
    assert lines[4] == "search: 30 pages indexed"
    assert lines[-1].startswith("pages: ")
    assert "%|" not in done.stderr  # no bar drawn into a log


def test_bars_on_a_terminal(tmp_path: Path) -> None:
    content = _content(tmp_path)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen(_command(content, tmp_path / "site"), cwd=PROJECT,
                               stdout=subprocess.PIPE, stderr=follower, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        shown += chunk
    stdout = process.stdout.read() if process.stdout else ""
    assert process.wait() == 0
    os.close(leader)
    drawn = shown.decode("utf-8", "replace")
    for stage in STAGES:
        assert f"{stage}:" in drawn, f"no bar for {stage}"
    assert "/30 " in drawn  # the load bar counts the transcripts
    assert stdout.splitlines()[-1].startswith("pages: ")
