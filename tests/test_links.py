"""The link check of the generated HTML fragments."""

from __future__ import annotations

import pytest

from generator.errors import BuildError
from generator.links import check, page_url

PAGES = {
    "docs/index.md": "",
    "docs/transcripts/a.md": "",
    "docs/topics/t.md": "",
    "docs/topics/t/page-2.md": "",
    "docs/data/transcripts/a.json": "{}",
    "fragments/transcripts/a.html": '<div id="p1"></div><section id="t1"></section>',
    "fragments/topics/t.html": "",
    "fragments/topics/t/page-2.html": "",
}


@pytest.mark.parametrize(
    ("path", "url"),
    [("index.md", ""), ("transcripts/index.md", "transcripts/"), ("topics/t.md", "topics/t/"),
     ("topics/t/page-2.md", "topics/t/page-2/")],
)
def test_page_url(path: str, url: str) -> None:
    assert page_url(path) == url


@pytest.mark.parametrize(
    "link",
    ["../../transcripts/a/#p1", "../../transcripts/a/", "#t1", "../../data/transcripts/a.json",
     "page-2/", "../../", "https://example.org/x", "mailto:someone@example.org"],
)
def test_good_links_pass(link: str) -> None:
    page = "fragments/topics/t.html" if link == "page-2/" else "fragments/transcripts/a.html"
    check({**PAGES, page: PAGES[page] + f'<a href="{link}">x</a>'})


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ("../../transcripts/b/", "leads to no page"),
        ("../../transcripts/a/#p9", "no #p9 on that page"),
        ("#t2", "no #t2 on that page"),
        ("../../data/transcripts/b.json", "leads to no file"),
    ],
)
def test_broken_links_fail_the_build(link: str, problem: str) -> None:
    page = "fragments/transcripts/a.html"
    with pytest.raises(BuildError) as error:
        check({**PAGES, page: PAGES[page] + f'<a href="{link}">x</a>'})
    assert str(error.value) == (
        f"1 broken links in the generated pages:\n  {page}: link {link!r}: {problem}"
        if problem.startswith("no #") else
        f"1 broken links in the generated pages:\n  {page}: link {link!r} {problem}"
    )


def test_links_of_unchanged_fragments_are_checked_again_only_when_a_target_went() -> None:
    from generator.links import LinkCheck

    def first_build() -> LinkCheck:
        checker = LinkCheck()
        for path, content in PAGES.items():
            text = content + ('<a href="../../transcripts/a/#p1">x</a>'
                              if path == "fragments/topics/t.html" else "")
            checker.add(path, text)
        return checker

    before = first_build()
    assert before.problems() == []
    ids, links = before.found("fragments/topics/t.html")
    targets = before.targets()

    def rebuild(transcript: str) -> LinkCheck:
        """The topic page not rendered again; the transcript page made anew."""
        checker = LinkCheck()
        for path, content in PAGES.items():
            if path == "fragments/topics/t.html":
                checker.add_known(path, ids, links)
            elif path == "fragments/transcripts/a.html":
                checker.add(path, transcript)
            else:
                checker.add(path, content)
        return checker

    calls: list[str] = []
    kept = rebuild(PAGES["fragments/transcripts/a.html"])
    original = kept._check
    kept._check = lambda path, here, href: calls.append(path) or original(path, here, href)
    assert kept.problems(targets) == []
    assert "fragments/topics/t.html" not in calls  # every target is still there
    # The paragraph it links to went: the unchanged page's link is checked, and fails.
    gone = rebuild('<section id="t1"></section>')
    assert gone.problems(targets) == [
        "fragments/topics/t.html: link '../../transcripts/a/#p1': no #p1 on that page"]
