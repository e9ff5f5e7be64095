"""Search in a real browser: the header box, Pagefind, filters, dark mode, a phone."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from conftest import CONTENT, SAMPLE_ID

from generator.load import load
from generator.tagging import tag
from generator.views import build_views, offered, only_mentioned

PHRASE = "porosity of the Turkish border"


def anchor_of(phrase: str) -> str:
    """The paragraph anchor (p<N>) of the sample paragraph containing ``phrase``."""
    data = yaml.safe_load((CONTENT / "transcripts" / f"{SAMPLE_ID}.yaml").read_text("utf-8"))
    texts = [p for turn in data["turns"] for p in turn.get("paragraphs", [])]
    return next(f"p{n}" for n, text in enumerate(texts, start=1) if phrase in text)


def search(page, term: str) -> None:
    page.click("[data-tx-search-input]")
    page.fill("[data-tx-search-input]", term)
    page.wait_for_selector(".tx-search__hit", timeout=15000)


def test_a_phrase_finds_its_paragraph_and_lands_on_it(served_site: str, page) -> None:
    page.goto(f"{served_site}/")
    search(page, PHRASE)
    first = page.locator(".tx-search__result").first
    assert first.locator(".tx-search__title").inner_text().startswith(
        "Foreign Minister Sergey Lavrov’s remarks"
    )
    assert first.locator(".tx-search__meta").inner_text() == "15 April 2016"
    hit = first.locator(".tx-search__hit").first
    assert hit.locator(".tx-search__speaker").inner_text() == "Sergey Lavrov"
    assert PHRASE in hit.locator(".tx-search__sentence").inner_text()
    assert hit.locator("mark").count() >= 2
    hit.click()
    anchor = anchor_of(PHRASE)
    page.wait_for_url(f"**/transcripts/{SAMPLE_ID}/?h=*#{anchor}")
    marks = page.locator(f"#{anchor} mark.tx-hit")
    marked = [m.lower() for m in marks.all_inner_texts()]
    assert marked[:3] == ["porosity", "turkish", "border"]
    assert set(marked) == {"porosity", "turkish", "border"}
    assert page.locator(f"#{anchor}").is_visible()
    box = page.locator(f"#{anchor}").bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]


def test_enter_opens_the_first_result(served_site: str, page) -> None:
    page.goto(f"{served_site}/topics/")
    search(page, "Palmyra")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/transcripts/{SAMPLE_ID}/?h=Palmyra#p*")
    assert page.locator("mark.tx-hit").first.inner_text() == "Palmyra"


def test_speaker_filter_narrows_the_results(served_site: str, page) -> None:
    page.goto(f"{served_site}/")
    search(page, "Churkin")
    speakers = page.locator(".tx-search__speaker").all_inner_texts()
    assert "Journalist" in speakers
    page.click("[data-tx-search-filters] summary")
    page.wait_for_function(
        "() => document.querySelectorAll('select[data-tx-filter=speaker] option').length > 1"
    )
    options = page.locator("select[data-tx-filter=speaker] option").all_inner_texts()
    assert options == ["Any", "Sergey Lavrov"]
    page.select_option("select[data-tx-filter=speaker]", "Sergey Lavrov")
    page.wait_for_function(
        "() => ![...document.querySelectorAll('.tx-search__speaker')]"
        ".some(e => e.textContent === 'Journalist')"
    )
    assert set(page.locator(".tx-search__speaker").all_inner_texts()) <= {"Sergey Lavrov"}


def test_filters_offer_topics_years_and_kinds(served_site: str, page) -> None:
    page.goto(f"{served_site}/")
    search(page, "treaty")
    page.click("[data-tx-search-filters] summary")
    page.wait_for_function(
        "() => document.querySelectorAll('select[data-tx-filter=year] option').length > 1"
    )
    topics = page.locator("select[data-tx-filter=topic] option").all_inner_texts()
    # Only the topics some passage is about: not one only named in passing.
    archive = tag(load(CONTENT))
    views = build_views(archive)
    assert only_mentioned(archive, views), "the sample names a topic only in passing"
    assert topics[0] == "Any"
    assert sorted(topics[1:]) == sorted(archive.topics[t].title
                                        for t in offered(archive, views))
    assert page.locator("select[data-tx-filter=year] option").all_inner_texts() == ["Any", "2016"]
    events = page.locator("select[data-tx-filter=event] option").all_inner_texts()
    assert events == ["Any", "Joint news conference"]
    page.select_option("select[data-tx-filter=year]", "2016")
    page.wait_for_selector(".tx-search__hit")


def test_dark_mode_switches_and_search_still_reads(served_site: str, page) -> None:
    page.goto(f"{served_site}/")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.click("label.md-header__button[for^='__palette']:visible")
    page.wait_for_function(
        f"() => document.body.getAttribute('data-md-color-scheme') !== '{scheme}'"
    )
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    search(page, PHRASE)
    colours = page.evaluate(
        """() => {
          const style = (selector) => getComputedStyle(document.querySelector(selector));
          const text = style('.tx-search__sentence').color;
          const back = style('.md-search__output').backgroundColor;
          return [text, back];
        }"""
    )
    assert colours[0] != colours[1]


def test_phone_viewport(served_site: str, browser) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    try:
        phone.goto(f"{served_site}/transcripts/{SAMPLE_ID}/")
        phone.click("label.md-header__button[for=__search]")
        phone.wait_for_selector("[data-tx-search-input]", state="visible")
        phone.fill("[data-tx-search-input]", PHRASE)
        phone.wait_for_selector(".tx-search__hit", timeout=15000)
        phone.locator(".tx-search__hit").first.click()
        phone.wait_for_url(f"**#{anchor_of(PHRASE)}")
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, "the page scrolls sideways on a phone"
    finally:
        context.close()


def test_one_query_downloads_little(served_site: str, page) -> None:
    page.goto(f"{served_site}/")
    sizes: list[int] = []
    page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
    search(page, PHRASE)
    assert 0 < sum(sizes) <= 300_000


def _records(bundle) -> dict[str, dict]:  # type: ignore[no-untyped-def,type-arg]
    """Pagefind's page records of a bundle (gzip, a signature, JSON), by page address."""
    import gzip
    import json

    records = {}
    for file in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd"):])
        records[record["url"]] = record
    return records


def test_the_index_made_beside_mkdocs_is_the_index_of_the_finished_site(
    sample_site, tmp_path
) -> None:
    """The build indexes the transcript fragments in bare pages while MkDocs runs; the
    records (text, anchors, filters, meta) are those of indexing the published pages."""
    import shutil

    from generator import search

    site = tmp_path / "site"
    shutil.copytree(sample_site.out, site)
    shutil.rmtree(site / "pagefind")
    assert search.index(site) == 1
    published, built = _records(site / "pagefind"), _records(sample_site.out / "pagefind")
    assert list(built) == [f"/transcripts/{SAMPLE_ID}/"]
    assert built == published
    assert built[f"/transcripts/{SAMPLE_ID}/"]["meta"]["title"].startswith("Foreign Minister")
    assert len(built[f"/transcripts/{SAMPLE_ID}/"]["anchors"]) > 20


def test_a_large_archive_is_indexed_in_parts_and_searched_as_one(
    tmp_path, monkeypatch, page
) -> None:
    """Pagefind's memory grows with what one run reads: past ``PART_BYTES`` of fragments
    the transcripts are indexed in parts, one bundle each, listed in ``parts.json``; the
    parts hold every page once, with the records one run over the whole site makes, and
    the search box finds words of every part."""
    import shutil

    import synthetic
    from conftest import serving

    from generator import search as pagefind
    from generator.build import Paths, build
    from generator.yamlio import dump

    contents = synthetic.files(4, 6)
    names = sorted(name for name in contents if name.startswith("transcripts/"))
    words = {names[0]: "Glimmerwock", names[-1]: "Vintelsnap"}  # made-up words
    for name, word in words.items():
        data = synthetic.transcript(int(Path(name).stem.rsplit("-", 1)[1]), 6)
        data["turns"][0]["paragraphs"].append(f"{word} is a made-up word for this test.")
        contents[name] = dump(data)
    monkeypatch.setattr(pagefind, "PART_BYTES", 1)  # a transcript to a part
    paths = Paths.for_(synthetic.write(tmp_path / "content", contents), tmp_path / "site")
    build(paths)

    bundle = paths.out / "pagefind"
    listed = json.loads((bundle / pagefind.PARTS).read_text("utf-8"))
    assert listed == ["parts/2/", "parts/3/", "parts/4/"]
    parts = [_records(bundle)] + [_records(bundle / part) for part in listed]
    assert [len(part) for part in parts] == [1, 1, 1, 1]
    together = {url: record for part in parts for url, record in part.items()}
    whole = tmp_path / "whole"
    shutil.copytree(paths.out, whole)
    shutil.rmtree(whole / "pagefind")
    assert pagefind.index(whole) == 4
    assert together == _records(whole / "pagefind")
    assert json.loads((whole / "pagefind" / pagefind.PARTS).read_text("utf-8")) == []

    with serving(paths.out) as url:
        page.goto(f"{url}/")
        for name, word in words.items():
            search(page, word)
            page.wait_for_selector(f'.tx-search__hit[href*="{word}"]', timeout=15000)
            hit = page.locator(".tx-search__hit").first.get_attribute("href") or ""
            # (the made-up word is the first turn's fourth paragraph)
            assert hit.endswith(f"/transcripts/{Path(name).stem}/?h={word}#p4"), (word, hit)
