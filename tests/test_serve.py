"""Live preview: ``transcripts serve`` rebuilds when a content file changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def server(tmp_path: Path, content: Path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", str(content),
         "--work", str(tmp_path / "work"), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}", content
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_editing_a_topic_rebuilds_its_page(server) -> None:
    base, content = server
    url = f"{base}/topics/korean-peninsula/"
    assert wait_for(lambda: (fetch(url) or "").count("Korean Peninsula") > 0), "server never up"
    topics = content / "topics.yaml"
    topics.write_text(
        topics.read_text("utf-8").replace("title: Korean Peninsula", "title: Zorblax Peninsula"),
        "utf-8",
    )
    assert wait_for(lambda: "Zorblax Peninsula" in (fetch(url) or "")), "page not rebuilt"


def test_the_preview_is_searchable(server) -> None:
    base, _ = server
    url = f"{base}/pagefind/pagefind-entry.json"
    assert wait_for(lambda: fetch(url) is not None), "no search index in the preview"
