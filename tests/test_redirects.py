"""Renamed and superseded transcripts and topics: their old addresses redirect.

A synthetic content folder (made-up people, places and words) with one transcript
renamed (``former_ids``), one correcting a transcript that is no longer in the content
(``supersedes``) and one topic renamed.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import links, redirects
from generator.build import Paths, build
from generator.errors import ContentError
from generator.load import load

SPEAKERS = """\
speakers:
  - id: ivan-testov
    name: Ivan Testov
"""

TOPICS = """\
topics:
  - id: bridges
    title: Bridges
    kind: issue
    description: Spans over rivers.
    former_ids: [crossings, old-bridges]
    patterns: [bridge]
"""

RENAMED, OLD, OLDER = "2019-03-03-testov-fictown", "2019-03-03-testov", "2019-03-02-testov"
CORRECTED, GONE = "2019-03-05-testov-corrected", "2019-03-05-testov"


def transcript(id: str, date: str, extra: str = "", words: int = 4) -> str:
    paragraphs = "".join(f"      - Made-up sentence number {n} about a bridge.\n"
                         for n in range(1, words + 1))
    return (f"id: {id}\ntitle: Made-up remarks of {date}\ndate: {date}\nevent: remarks\n"
            f"source:\n  publisher: Ministry of Tests\n{extra}turns:\n"
            f"  - speaker: ivan-testov\n    kind: statement\n    paragraphs:\n{paragraphs}")


def make_content(root: Path, **files: str) -> Path:
    content = root / "content"
    (content / "transcripts").mkdir(parents=True)
    (content / "speakers.yaml").write_text(SPEAKERS, "utf-8")
    (content / "topics.yaml").write_text(files.pop("topics", TOPICS), "utf-8")
    for name, text in files.items():
        (content / "transcripts" / f"{name}.yaml").write_text(text, "utf-8")
    return content


FILES = {
    RENAMED: transcript(RENAMED, "2019-03-03", f"former_ids:\n  - {OLD}\n  - {OLDER}\n"),
    CORRECTED: transcript(CORRECTED, "2019-03-05", f"supersedes: {GONE}\n"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """The synthetic folder built into a site (MkDocs strict: a warning fails the build)."""
    root = tmp_path_factory.mktemp("redirects")
    paths = Paths.for_(make_content(root, **FILES), root / "site")
    build(paths)
    return paths


def test_moves_of_the_archive(tmp_path: Path) -> None:
    archive = load(make_content(tmp_path, **FILES))
    assert redirects.moves(archive) == {
        f"transcripts/{OLD}/": (f"transcripts/{RENAMED}/", "Made-up remarks of 2019-03-03"),
        f"transcripts/{OLDER}/": (f"transcripts/{RENAMED}/", "Made-up remarks of 2019-03-03"),
        f"transcripts/{GONE}/": (f"transcripts/{CORRECTED}/", "Made-up remarks of 2019-03-05"),
        "topics/crossings/": ("topics/bridges/", "Bridges"),
        "topics/old-bridges/": ("topics/bridges/", "Bridges"),
    }


def test_a_superseded_transcript_still_in_the_content_keeps_its_page(tmp_path: Path) -> None:
    archive = load(make_content(tmp_path, **FILES, **{GONE: transcript(GONE, "2019-03-04")}))
    assert f"transcripts/{GONE}/" not in redirects.moves(archive)


def test_the_redirect_page() -> None:
    html = redirects.page("transcripts/old/", "transcripts/new/", "A <made-up> title",
                          "https://example.org/archive/")
    assert '<link rel="canonical" href="https://example.org/archive/transcripts/new/">' in html
    assert '<meta http-equiv="refresh" content="0; url=../../transcripts/new/">' in html
    assert '<script>location.replace("../../transcripts/new/" + location.hash)</script>' in html
    assert '<a href="../../transcripts/new/">A &lt;made-up&gt; title</a>' in html


@pytest.mark.parametrize(
    ("old", "new"),
    [(f"transcripts/{OLD}", f"transcripts/{RENAMED}"),
     (f"transcripts/{OLDER}", f"transcripts/{RENAMED}"),
     (f"transcripts/{GONE}", f"transcripts/{CORRECTED}"),
     ("topics/crossings", "topics/bridges")],
)
def test_old_addresses_are_copied_as_they_are(site: Paths, old: str, new: str) -> None:
    generated = (site.docs / old / "index.html").read_text("utf-8")
    published = (site.out / old / "index.html").read_text("utf-8")
    assert published == generated  # not themed by MkDocs
    assert f'url=../../{new}/"' in published
    assert (site.out / new / "index.html").is_file()
    sitemap = (site.out / "sitemap.xml").read_text("utf-8")
    assert f"/{old}/" not in sitemap and f"/{new}/" in sitemap


def test_the_link_check_accepts_redirect_pages(tmp_path: Path) -> None:
    checker = links.LinkCheck()
    for path, content in redirects.pages(load(make_content(tmp_path, **FILES))):
        checker.add(path, content)
    checker.add("docs/index.md", "# Home\n")
    checker.add("fragments/index.html", '<a href="topics/crossings/index.html">old</a>')
    assert checker.problems() == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"topics": TOPICS + "  - id: crossings\n    title: Crossings\n    kind: issue\n"
                                "    description: Ways across.\n"},
            ["topics.yaml:6: topics[0].former_ids[0]: "
             "former id 'crossings' is the id of another topic"],
            id="topic: a current id",
        ),
        pytest.param(
            {"topics": TOPICS + "  - id: tunnels\n    title: Tunnels\n    kind: issue\n"
                                "    description: Ways under.\n    former_ids:\n"
                                "      - old-bridges\n      - tunnels\n"},
            ["topics.yaml:13: topics[1].former_ids[0]: "
             "former id 'old-bridges' is also a former id of topic 'bridges'",
             "topics.yaml:14: topics[1].former_ids[1]: former id 'tunnels' is this topic's "
             "own id"],
            id="topic: another's former id, its own id",
        ),
        pytest.param(
            {OLD: transcript(OLD, "2019-03-01"),
             GONE: transcript(GONE, "2019-03-04", f"former_ids: [{OLDER}]\n")},
            [f"transcripts/{RENAMED}.yaml:8: former_ids[0]: "
             f"former id '{OLD}' is the id of another transcript",
             f"transcripts/{GONE}.yaml:7: former_ids[0]: "
             f"former id '{OLDER}' is also a former id of transcript '{RENAMED}'"],
            id="transcript: a current id, another's former id",
        ),
    ],
)
def test_former_ids_that_collide_are_reported(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    content = make_content(tmp_path, **{**FILES, **files})
    with pytest.raises(ContentError) as caught:
        load(content)
    assert [str(p).removeprefix(f"{content}/") for p in caught.value.problems] == expected


@pytest.fixture(scope="module")
def served(site: Paths) -> Iterator[str]:
    """The synthetic site over HTTP on a free local port; its base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site.out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize(
    ("old", "new"),
    [(f"/transcripts/{OLD}/#p3", f"/transcripts/{RENAMED}/#p3"),
     (f"/transcripts/{GONE}/index.html#p2", f"/transcripts/{CORRECTED}/#p2"),
     ("/topics/crossings/", "/topics/bridges/")],
)
def test_the_browser_lands_on_the_new_address_with_the_anchor(
    served: str, page, old: str, new: str
) -> None:
    page.goto(served + old)
    page.wait_for_url(served + new)
    assert page.url == served + new
    if "#" in new:
        anchor = new.split("#")[1]
        assert page.locator(f"#{anchor}").is_visible()
