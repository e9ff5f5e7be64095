"""Shared fixtures: the sample content, the real corpus, and built sites."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator import importers, render
from generator.build import Paths, build
from generator.importers.base import Meta, Source

PROJECT = Path(__file__).resolve().parent.parent
CONTENT = PROJECT / "content"
CORPUS = Path(os.environ.get("TRANSCRIPT_CORPUS") or PROJECT.parent / "shared" / "corpus")
"""The development corpus (``../shared/corpus``, never in the repository; the variable
``TRANSCRIPT_CORPUS`` names another place). Tests that read it are marked ``corpus`` and
are skipped, saying why, where it is absent (on GitHub's runners)."""
GIVEN = {
    "2020_debate1_part2.txt": Meta(title="First Presidential Debate (second half)",
                                   date="2020-09-29", place="Cleveland, Ohio", event="debate"),
    "2020_vp_part2.txt": Meta(title="Vice Presidential Debate (second half)",
                              date="2020-10-07", place="Salt Lake City, Utah", event="debate"),
}
"""What the corpus's debate files do not say (``revcom-debates``), given on the command
line as a user would."""
SAMPLE_ID = "2016-04-15-lavrov-kishida-tokyo"
SAMPLE_RAW = CONTENT / "raw" / f"{SAMPLE_ID}.txt"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the corpus, the tests that read it are skipped with the reason (``-ra``
    lists it), never run and counted as passed."""
    if CORPUS.is_dir():
        return
    skip = pytest.mark.skip(reason=f"needs the development corpus, not in the repository: "
                                   f"{CORPUS} is absent")
    for item in items:
        if item.get_closest_marker("corpus") is not None:
            item.add_marker(skip)


def copy_content(target: Path) -> Path:
    """A private copy of the sample content folder, safe to modify."""
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns(".*"))
    return target


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path / "content")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """The sample content built once into a temporary folder."""
    root = tmp_path_factory.mktemp("sample")
    paths = Paths.for_(copy_content(root / "content"), root / "site")
    build(paths)
    return paths


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """``folder`` served over HTTP on a free local port; gives its base URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def served_site(sample_site: Paths):
    """The built sample served over HTTP on a free local port; yields its base URL."""
    with serving(sample_site.out) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """The system's chromium (Debian's), or else the one Playwright installed (``make
    test`` installs one or the other), headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking"],
        )
        yield instance
        instance.close()


_REPORTS = pytest.StashKey[dict]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


@pytest.fixture
def page(browser, request):
    """A fresh browser page; a failing test leaves a screenshot in test-screenshots/."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    report = request.node.stash.get(_REPORTS, {}).get("call")
    if report is not None and report.failed:
        folder = PROJECT / "test-screenshots"
        folder.mkdir(exist_ok=True)
        tab.screenshot(path=str(folder / f"{request.node.name}.png"), full_page=True)
    context.close()


def pagefind_pages(site: Path) -> dict[str, dict]:
    """The pages of a built site's Pagefind index, by URL, as Pagefind stored them."""
    import gzip
    import json

    pages = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        page = json.loads(data)
        pages[page["url"]] = page
    return pages


def read(text: str, file: str, format: str | None = None, **given: str):
    """Import ``text`` as if it were the file ``file``: (format, draft)."""
    return importers.read(Source(file, text.encode("utf-8"), Meta(**given)), format)


@pytest.fixture(scope="session")
def white_house(tmp_path_factory: pytest.TempPathFactory):
    """All 1,196 White House files of the corpus (the 1,151 briefings unpacked from their
    tarball, and the 45 press conferences) imported once for the whole test session into a
    content folder holding the sample's registry: (folder, report, briefings)."""
    import tarfile

    from generator.importing import import_files

    unpacked = tmp_path_factory.mktemp("briefings")
    with tarfile.open(CORPUS / "whitehouse" / "press-briefings-2021-2025.tar.xz") as archive:
        archive.extractall(unpacked, filter="data")
    briefings = sorted(unpacked.rglob("*.md"))
    conferences = sorted((CORPUS / "whitehouse" / "press-conferences").glob("*.md"))
    folder = unpacked / "content"
    folder.mkdir()
    shutil.copy(CONTENT / "speakers.yaml", folder / "speakers.yaml")
    return folder, import_files(briefings + conferences, folder), briefings


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the transcripts whose pages were rendered (their JSON is made with their
    page; the compressed archive, made whole each time, calls it from elsewhere)."""
    found: list[str] = []
    original = render.transcript_json

    def spy(transcript, archive, *rest):  # type: ignore[no-untyped-def]
        if sys._getframe(1).f_code.co_name == "render_site":
            found.append(transcript.id)
        return original(transcript, archive, *rest)

    monkeypatch.setattr(render, "transcript_json", spy)
    return found
