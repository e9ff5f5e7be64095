"""Talking points in a real browser: a reader follows a paragraph's "said before" note to
the paragraph where the line was first said, and lands on it."""

from __future__ import annotations

from pathlib import Path

import synthetic
from conftest import serving
from playwright.sync_api import expect

from generator.build import Paths, build

LATER = "2019-06-01-fictown-briefing-3"
FIRST = "2019-03-03-fictown-briefing-1"


def test_a_said_before_note_leads_to_the_first_time_it_was_said(tmp_path: Path, page) -> None:
    """On the 1 June 2019 briefing, the note under ¶ 10 says the line was said twice
    before, first by Ivan Testov on 3 March 2019; it opens on a click to the places it
    was said, and its first link lands the reader on that paragraph, the page's
    ``:target``, in view below the sticky header, where the note says it was first said."""
    content = synthetic.write(tmp_path / "content", synthetic.talking_files(third=True))
    paths = Paths.for_(content, tmp_path / "site")
    build(paths)

    with serving(paths.out) as url:
        page.goto(f"{url}/transcripts/{LATER}/")
        note = page.locator("#p10 > details.tx-said")
        expect(note).to_have_count(1)
        summary = note.locator("> summary")
        assert " ".join(summary.inner_text().split()) == (
            "Said 2 times before, first on 3 March 2019 by Ivan Testov")

        where = note.locator("ol.tx-said__where")
        expect(where).to_be_hidden()
        summary.click()
        expect(note).to_have_attribute("open", "")
        expect(where).to_be_visible()

        link = where.get_by_role("link", name="Made-up briefing number 1, ¶ 10", exact=True)
        expect(link).to_have_attribute("href", f"../../transcripts/{FIRST}/#p10")
        expect(link).to_be_visible()
        link.click()

        page.wait_for_url(f"{url}/transcripts/{FIRST}/#p10")
        assert page.evaluate("location.pathname") == f"/transcripts/{FIRST}/"
        assert page.evaluate("location.hash") == "#p10"
        paragraph = page.locator("#p10")
        expect(paragraph.locator(".tx-para__text")).to_contain_text(synthetic.REPEATED_LINE)
        assert page.evaluate("document.querySelector(':target')?.id") == "p10"

        # In view: the paragraph's text starts below the sticky header and inside the
        # window, and the page is scrolled as far towards it as it goes (its top at its
        # scroll margin, or the page at its end when it is too short for that).
        view = page.evaluate("""() => {
            const para = document.querySelector('#p10');
            const text = para.querySelector('.tx-para__text').getBoundingClientRect();
            const header = document.querySelector('.md-header').getBoundingClientRect();
            const x = text.left + 10, y = text.top + 5;
            return {
                top: para.getBoundingClientRect().top, textTop: text.top,
                textBottom: text.bottom, headerBottom: header.bottom,
                margin: parseFloat(getComputedStyle(para).scrollMarginTop),
                scrollY: window.scrollY, height: window.innerHeight,
                scrollHeight: document.documentElement.scrollHeight,
                hit: para.contains(document.elementFromPoint(x, y)),
            };
        }""")
        assert view["headerBottom"] <= view["textTop"] < view["height"], view
        assert view["textBottom"] <= view["height"], view
        assert view["hit"], view  # nothing (the header) covers it
        at_margin = abs(view["top"] - view["margin"]) <= 2
        at_end = view["scrollY"] + view["height"] >= view["scrollHeight"] - 1
        assert view["scrollY"] > 0 and (at_margin or at_end), view

        first_note = paragraph.locator("> details.tx-said > summary")
        expect(first_note).to_have_count(1)
        assert " ".join(first_note.inner_text().split()) == (
            "First said here; said again 2 times since")
