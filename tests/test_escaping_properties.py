"""Property tests: whatever a transcript says is shown exactly as written.

Text full of HTML, Markdown, Jinja, attribute lists, pymdown syntax, line breaks, tabs,
C1 controls and right-to-left marks goes through the real pipeline: YAML as the importer
writes it → load → render → MkDocs' Markdown and page hooks (configured from
``mkdocs.yml``). The page must show it exactly, with no element or attribute more than
plain text gives, and the JSON must carry it unchanged. A few examples, batched into one
long transcript, go through the whole MkDocs build, up to the search index.

Characters that no page can show (other C0 controls, lone surrogates) are refused on
load instead, with a located message: see ``test_validation.py``.
"""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path

import pytest
import synthetic
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import Paths, build, generate, mkdocs_config
from generator.yamlio import dump

FRAGMENTS = [
    "<script>alert(1)</script>", "<b onmouseover=alert(1)>", "</div>", "</p>", "<!--", "-->",
    "<![CDATA[", "<?php ?>", "&amp;", "&lt;", "&#42;", "&#x3c;", "&#0;", "&", "<", ">",
    '"', "'", "*", "**", "_", "__", "`", "```", "~~~", "#", "# ", "\n# ", "1. ", "- ", "> ",
    "    ", "|", "---", "===", "[x](javascript:alert(1))", "![i](x.png)",
    "<https://example.org>", "[^1]", "[TOC]", "{{ x }}", "{% if x %}", "{# c #}", "{{",
    "{: .injected #injected }", "{ #p1 }", "{.cls}", "{: onclick=alert(1) }", "==mark==",
    "~~del~~", "^^ins^^", "^sup^", "~sub~", "++ctrl+alt++", ":smile:", "!!! note",
    "???+ tip", "$$x$$", '--8<-- "file.md"', "\\", "\\*", "\\<", "wzxhzdk:0",
    "klzzwxh:0000", "\u200f", "\u200e", "\u202e", "\u2066", "\u2069",
    "\u061c", "\t", "\n", "\n\n", "\x85", "\x80", "\x9f", "\u2028", "\u2029", "\u00a0",
    "¶", "\ufeff", "\U0001f600", "e\u0301",
]
"""Pieces with a meaning somewhere on the way (``wzxhzdk:0`` is Python-Markdown's
placeholder, between STX and ETX, which the loader refuses; ``klzzwxh`` its escape)."""

# Any other character but those the loader refuses (see validate._UNSHOWABLE).
CHARACTERS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(map(chr, [*range(0x0B), *range(0x0B, 0x20), 0x7F]))
    .replace("\t", "").replace("\n", "") + "\ufffe\uffff",
)
TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(CHARACTERS, min_size=1, max_size=8)),
    min_size=1, max_size=12,
).map("".join)

TID = "2019-03-03-testov-fictown"


def _content(folder: Path, title: str, paragraphs: list[str]) -> None:
    """A content folder with one transcript holding ``paragraphs``; topics without
    patterns, so that the shape of the page depends on nothing but the text."""
    data = synthetic.transcript(1, 2)
    data.update(id=TID, date="2019-03-03", title=title)
    data["turns"] = [
        {"speaker": "ivan-testov", "kind": "statement", "paragraphs": paragraphs},
        {"speaker": None, "kind": "question", "paragraphs": ["Is this a test?"]},
    ]
    topics = {"topics": [{**t, "patterns": []} for t in synthetic.TOPICS["topics"]]}
    synthetic.write(folder, {
        "speakers.yaml": dump(synthetic.SPEAKERS),
        "topics.yaml": dump(topics),
        f"transcripts/{TID}.yaml": dump(data),  # as the importer writes it
    })


class Pipeline:
    """Content → generated Markdown → HTML of the page's content, as MkDocs makes it
    (its hooks included)."""

    def __init__(self, root: Path):
        self.paths = Paths.for_(root / "content", root / "site")
        _content(self.paths.content, "Plain title", ["Plain"])
        generate(self.paths)
        self.config = mkdocs_config(self.paths, self.paths.out)
        self.config.plugins.on_startup(command="build", dirty=False)
        self.config = self.config.plugins.on_config(self.config)

    @functools.cache  # noqa: B019 (one pipeline per module)
    def plain_shape(self, count: int) -> list[tuple[str, tuple[str, ...]]]:
        """The page's elements and attributes when the text is plain words."""
        page, _ = self.page("Plain title", [f"Plain {n}" for n in range(count)])
        return _shape(page)

    def page(self, title: str, paragraphs: list[str]) -> tuple[BeautifulSoup, dict]:
        from mkdocs.structure.files import get_files
        from mkdocs.structure.pages import Page

        _content(self.paths.content, title, paragraphs)
        generate(self.paths)
        files = get_files(self.config)
        file = files.get_file_from_path(f"transcripts/{TID}.md")
        page = Page(None, file, self.config)
        page.read_source(self.config)
        page.render(self.config, files)
        content = self.config.plugins.on_page_content(
            page.content, page=page, config=self.config, files=files
        )
        # (the theme's template around the content left out: the fragment is put in
        # where the content marks it as the page is written)
        content = self.config.plugins.on_post_page(content, page=page, config=self.config)
        data = json.loads((self.paths.docs / "data" / "transcripts" / f"{TID}.json")
                          .read_text("utf-8"))
        return BeautifulSoup(content, "html.parser"), data


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(tmp_path_factory.mktemp("properties"))


def _shape(page: BeautifulSoup) -> list[tuple[str, tuple[str, ...]]]:
    """Every element and the names of its attributes, in document order."""
    return [(e.name, tuple(sorted(e.attrs))) for e in page.find_all(True)]


def _shown(page: BeautifulSoup, anchor: str) -> str:
    element = page.select_one(f"#{anchor} .tx-para__text")
    assert [child.name for child in element.find_all(True)] == ["a"]  # the ¶ link only
    return element.get_text().removesuffix(" ")  # the space before the (empty) ¶ link


def _heading(page: BeautifulSoup) -> str:
    return page.select_one("h1").get_text().removesuffix("¶")


@settings(max_examples=500, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=TEXT.filter(lambda text: text and text == text.strip()),  # others refused
       texts=st.lists(TEXT.filter(lambda text: not text.isspace()), min_size=1, max_size=3))
def test_any_text_is_shown_exactly_and_adds_no_markup(
    pipeline: Pipeline, title: str, texts: list[str]
) -> None:
    page, data = pipeline.page(title, texts)
    assert _shape(page) == pipeline.plain_shape(len(texts))
    assert _heading(page) == title
    for number, text in enumerate(texts, start=1):
        assert _shown(page, f"p{number}") == text
    assert data["title"] == title
    assert [p["text"] for p in data["turns"][0]["paragraphs"]] == texts


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(TEXT.filter(lambda text: text == text.strip() and text),
                     min_size=40, max_size=60))
def test_a_whole_build_shows_any_text_exactly_up_to_the_search_index(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    root = tmp_path_factory.mktemp("build")
    paths = Paths.for_(root / "content", root / "site")
    _content(paths.content, texts[0], texts)
    build(paths)
    page = BeautifulSoup(
        (paths.out / "transcripts" / TID / "index.html").read_text("utf-8"), "html.parser"
    )
    article = page.select_one("article")
    assert _heading(article) == texts[0]
    for number, text in enumerate(texts, start=1):
        assert _shown(article, f"p{number}") == text
    assert not page.select(".injected, #injected, [onclick], [onmouseover], article script")
    data = json.loads((paths.out / "data" / "transcripts" / f"{TID}.json").read_text("utf-8"))
    assert [p["text"] for p in data["turns"][0]["paragraphs"]] == texts
    # The search index (Pagefind) keeps a page's words in its fragment, as JSON after a
    # signature; it keeps words, not layout, so white space is compared collapsed.
    fragments = [gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd")
                 for f in (paths.out / "pagefind" / "fragment").glob("*.pf_fragment")]
    indexed = [json.loads(f) for f in fragments]
    [words] = [f["content"] for f in indexed if f["url"] == f"/transcripts/{TID}/"]
    for text in texts:
        assert _searchable(text) in _searchable(words)


def _searchable(text: str) -> str:
    """Text as a search index keeps it: words, not layout (white space collapsed), and
    without invisible format characters (zero-width joiners, soft hyphens, byte-order
    marks, direction marks), which Pagefind drops because they are no part of a word."""
    import unicodedata

    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(visible.split())
