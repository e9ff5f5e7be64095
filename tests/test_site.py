"""End to end: build the sample into a temporary folder and check the HTML."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
import synthetic
import yaml
from bs4 import BeautifulSoup
from conftest import CONTENT, SAMPLE_ID, SAMPLE_RAW

from generator import excerpts, relevance, render
from generator.build import Paths, build
from generator.cli import main
from generator.load import load
from generator.tagging import tag


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def page(paths: Paths, url: str) -> Path:
    """The HTML file behind a site-absolute URL such as ``/transcripts/x/``."""
    return paths.out / url.strip("/") / "index.html" if url.strip("/") else paths.out / "index.html"


def words(paragraph) -> str:
    """What a paragraph's ``.tx-para__text`` says: its text, then a space before the ¶
    link, which holds no text (the stylesheet draws the sign)."""
    text = paragraph.get_text()
    assert text.endswith(" ")
    return text.removesuffix(" ")


def sample_yaml() -> dict:
    return yaml.safe_load((CONTENT / "transcripts" / f"{SAMPLE_ID}.yaml").read_text("utf-8"))


def test_every_paragraph_is_on_the_page_under_its_anchor(sample_site: Paths) -> None:
    html = soup(page(sample_site, f"/transcripts/{SAMPLE_ID}/"))
    texts = [p for turn in sample_yaml()["turns"] for p in turn.get("paragraphs", [])]
    assert len(texts) == 20
    for number, text in enumerate(texts, start=1):
        element = html.select_one(f"#p{number} .tx-para__text")
        assert element is not None, f"#p{number} missing"
        assert words(element) == text


def test_every_word_of_the_source_is_on_the_page(sample_site: Paths) -> None:
    html = soup(page(sample_site, f"/transcripts/{SAMPLE_ID}/"))
    article = html.select_one("article")
    # Labels lose their colon on the page, so compare words without a trailing colon.
    shown = Counter(word.rstrip(":") for word in article.get_text(" ").split())
    source = Counter(word.rstrip(":") for word in SAMPLE_RAW.read_text("utf-8").split())
    missing = source - shown
    assert not missing, f"words of the source not on the page: {missing}"


def test_turns_have_anchors_and_questions_look_different(sample_site: Paths) -> None:
    html = soup(page(sample_site, f"/transcripts/{SAMPLE_ID}/"))
    turns = html.select("section.tx-turn")
    assert [t["id"] for t in turns] == [f"t{n}" for n in range(1, len(turns) + 1)]
    questions = html.select("section.tx-turn--question")
    assert len(questions) == 3
    assert all("tx-turn--answer" not in q["class"] for q in questions)
    omitted = html.select("section.tx-turn--omitted")
    assert len(omitted) == 3
    assert all("Fumio Kishida" in o.get_text() for o in omitted)


def test_paragraphs_link_to_themselves_and_to_their_topics(sample_site: Paths) -> None:
    html = soup(page(sample_site, f"/transcripts/{SAMPLE_ID}/"))
    for paragraph in html.select(".tx-para"):
        link = paragraph.select_one("a.tx-para__link")
        assert link["href"] == f"#{paragraph['id']}"
        # Named for screen readers, no text for search to index: the stylesheet draws the ¶.
        assert link["aria-label"] == f"Paragraph {paragraph['id'][1:]}"
        assert link.get_text() == ""
    assert all(p.has_attr("data-pagefind-ignore") for p in html.select(".tx-para__topics"))
    topic_links = html.select(".tx-para__topics a")
    assert topic_links, "no paragraph shows a topic"
    for link in topic_links:
        assert link["href"].startswith("../../topics/")


def test_speakers_link_to_their_pages(sample_site: Paths) -> None:
    html = soup(page(sample_site, f"/transcripts/{SAMPLE_ID}/"))
    hrefs = {a["href"] for a in html.select(".tx-turn__head a")}
    assert "../../speakers/sergey-lavrov/" in hrefs


@pytest.mark.parametrize("speaker", ["sergey-lavrov", "fumio-kishida"])
def test_speaker_pages_exist(sample_site: Paths, speaker: str) -> None:
    html = soup(page(sample_site, f"/speakers/{speaker}/"))
    assert html.select_one("h1").get_text().removesuffix("¶").endswith(
        {"sergey-lavrov": "Sergey Lavrov", "fumio-kishida": "Fumio Kishida"}[speaker]
    )


def test_every_registry_speaker_has_a_page(sample_site: Paths) -> None:
    registry = yaml.safe_load((CONTENT / "speakers.yaml").read_text("utf-8"))["speakers"]
    for speaker in registry:
        assert page(sample_site, f"/speakers/{speaker['id']}/").is_file()


def test_topic_pages(sample_site: Paths) -> None:
    topics = yaml.safe_load((CONTENT / "topics.yaml").read_text("utf-8"))["topics"]
    assert len(topics) >= 15
    for topic in topics:
        assert page(sample_site, f"/topics/{topic['id']}/").is_file()


def test_every_internal_link_points_to_an_existing_anchor(sample_site: Paths) -> None:
    checked = 0
    for html_file in sample_site.out.rglob("*.html"):
        base = "/" + html_file.parent.relative_to(sample_site.out).as_posix() + "/"
        for link in soup(html_file).select("article a[href]"):
            url, anchor = urldefrag(urljoin(base.replace("//", "/"), link["href"]))
            if "://" in link["href"] or not url.endswith("/"):
                continue
            target = page(sample_site, url)
            assert target.is_file(), f"{html_file}: {link['href']} leads nowhere"
            if anchor:
                assert soup(target).find(id=anchor), f"{html_file}: no #{anchor} in {url}"
                checked += 1
    assert checked > 50


def test_passages_are_excerpts_of_the_paragraph_they_link_to(sample_site: Paths) -> None:
    """Topic and speaker pages show excerpts; each links to the paragraph holding its text."""
    transcript = soup(page(sample_site, f"/transcripts/{SAMPLE_ID}/"))
    quotes = shortened = 0
    pages = [*(sample_site.out / "topics").glob("*/index.html"),
             *(sample_site.out / "topics").glob("*/mentions/index.html"),
             *(sample_site.out / "speakers").glob("*/index.html")]
    for listing in pages:
        for quote in soup(listing).select("blockquote.tx-quote"):
            link = quote.select_one(".tx-quote__cite a[href*='#p']")
            anchor = link["href"].split("#")[1]
            original = words(transcript.select_one(f"#{anchor} .tx-para__text"))
            shown = quote.select_one(".tx-quote__text").get_text()
            assert len(shown) <= excerpts.LIMIT + 10
            # Every piece between the ellipses is the paragraph's own words, in order.
            position = 0
            for piece in (p.strip() for p in shown.split(excerpts.ELLIPSIS)):
                if piece:
                    found = original.find(piece, position)
                    assert found >= 0, f"{piece!r} is not in {anchor}"
                    position = found + len(piece)
            shortened += shown != original
            quotes += 1
    assert quotes >= 20
    assert shortened >= 10  # the long paragraphs are cut


def test_topic_passages_link_their_paragraph_under_their_transcript(sample_site: Paths) -> None:
    """A passage's link reads "¶ 22": the heading above it names and links its transcript.
    The most relevant passages of a transcript are quoted, the others linked; every
    paragraph of the topic is there once. (On the longest list of the sample: the
    passages about a topic, or those that mention one, which are listed the same way.)"""
    data = json.loads(
        (sample_site.out / "data" / "transcripts" / f"{SAMPLE_ID}.json").read_text("utf-8"))
    lists: dict[str, list[str]] = {}  # page → the paragraphs it lists
    for turn in data["turns"]:
        for paragraph in turn["paragraphs"]:
            for weighed in paragraph["topic_relevance"]:
                address = f"/topics/{weighed['id']}/" + (
                    "" if weighed["kind"] == "about" else "mentions/")
                lists.setdefault(address, []).append(paragraph["id"])
    address = max(lists, key=lambda a: len(lists[a]))
    topic = address.split("/")[2]
    tagged = lists[address]
    assert len(tagged) > render.EXCERPTS_PER_TRANSCRIPT
    html = soup(page(sample_site, address))
    quotes = html.select("blockquote.tx-quote")
    assert len(quotes) == render.EXCERPTS_PER_TRANSCRIPT  # the sample is one transcript
    links = [quote.select_one(".tx-quote__cite a[href*='#p']") for quote in quotes]
    links += html.select(".tx-more a")
    for link in links:
        transcript, anchor = link["href"].split("#")
        assert link.get_text() == f"¶ {anchor[1:]}"
        heading = link.find_previous("h3", class_="tx-group")
        assert heading.select_one("a")["href"] == transcript
    assert sorted(link["href"].split("#")[1] for link in links) == sorted(tagged)
    more = html.select_one(".tx-more")
    assert more.get_text().startswith(f"{len(tagged) - len(quotes)} more paragraph")
    # Quoted: those where the topic's words occur most often.
    archive = tag(load(sample_site.content))
    marks = {p.id: sum(1 for mark in p.marks if mark[0] == topic)
             for turn in archive.transcripts[0].turns for p in turn.paragraphs}
    quoted = {link["href"].split("#")[1] for link in links[:len(quotes)]}
    assert min(marks[q] for q in quoted) >= max(marks[p] for p in tagged if p not in quoted)
    assert min(marks[q] for q in quoted) > 0


def test_speaker_pages_quote_each_turn_once(sample_site: Paths) -> None:
    """What they said: one quote per turn, linked to its first paragraph, with the number
    of paragraphs of the turn."""
    data = json.loads(
        (sample_site.out / "data" / "transcripts" / f"{SAMPLE_ID}.json").read_text("utf-8")
    )
    turns = [t["paragraphs"] for t in data["turns"]
             if t["speaker"] == "sergey-lavrov" and t["paragraphs"]]
    assert any(len(paragraphs) > 1 for paragraphs in turns)
    html = soup(page(sample_site, "/speakers/sergey-lavrov/"))
    quotes = html.select_one("h2#said").find_all_next("blockquote")
    assert len(quotes) == len(turns)
    for quote, paragraphs in zip(quotes, turns, strict=True):
        first = paragraphs[0]["id"]
        cite = quote.select_one(".tx-quote__cite")
        assert cite.select_one("a")["href"] == f"../../transcripts/{SAMPLE_ID}/#{first}"
        count = f", {len(paragraphs)} paragraphs" if len(paragraphs) > 1 else ""
        assert cite.get_text() == f"¶ {first[1:]} in context{count}"
        assert not quote.select("a[href*='/topics/']")


def test_machine_readable_data(sample_site: Paths) -> None:
    index = json.loads((sample_site.out / "data" / "transcripts.json").read_text("utf-8"))
    assert [t["id"] for t in index["transcripts"]] == [SAMPLE_ID]
    data = json.loads(
        (sample_site.out / "data" / "transcripts" / f"{SAMPLE_ID}.json").read_text("utf-8")
    )
    source = sample_yaml()
    assert (data["title"], data["date"], data["place"]) == (
        source["title"], str(source["date"]), source["place"]
    )
    assert [p["text"] for t in data["turns"] for p in t["paragraphs"]] == [
        p for t in source["turns"] for p in t.get("paragraphs", [])
    ]
    first = data["turns"][0]
    assert (first["speaker"], first["name"], first["kind"]) == (
        "sergey-lavrov", "Sergey Lavrov", "statement"
    )
    assert data["turns"][0]["paragraphs"][0]["id"] == "p1"


def test_search_and_colour_schemes_on_every_page(sample_site: Paths) -> None:
    from conftest import pagefind_pages

    pages = pagefind_pages(sample_site.out)
    assert list(pages) == [f"/transcripts/{SAMPLE_ID}/"]
    assert "porosity of the Turkish border" in pages[f"/transcripts/{SAMPLE_ID}/"]["content"]
    for html_file in sample_site.out.rglob("index.html"):
        html = soup(html_file)
        assert html.select_one("input[data-tx-search-input]"), html_file
        schemes = {i.get("data-md-color-scheme") for i in html.select("input[name=__palette]")}
        assert schemes == {"default", "slate"}, html_file


def test_nav_stays_short(sample_site: Paths) -> None:
    html = soup(page(sample_site, f"/transcripts/{SAMPLE_ID}/"))
    assert len(html.select("nav.md-nav--primary a.md-nav__link")) < 15


def test_build_reports_pages_and_rewrites_nothing_when_unchanged(
    tmp_path: Path, content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["build", "--content", str(content), "--out", str(tmp_path / "site")]
    assert main(args) == 0
    first = capsys.readouterr().out.strip().splitlines()[-1]
    assert first.startswith("pages: ") and first.endswith(" unchanged, 0 deleted")
    assert main(args) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("pages: 0 written, ")


def test_a_broken_anchor_fails_the_build_and_keeps_the_site(
    tmp_path: Path, content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    assert main(["build", "--content", str(content), "--out", str(out)]) == 0
    before = (out / "index.html").read_bytes()
    # A content folder may override any template by name; this one links to a missing anchor.
    (content / "templates").mkdir()
    (content / "templates" / "about.md.j2").write_text(
        f"# About\n\n[gone](transcripts/{SAMPLE_ID}.md#p999)\n", "utf-8"
    )
    assert main(["build", "--content", str(content), "--out", str(out)]) == 1
    assert "p999" in capsys.readouterr().err
    assert (out / "index.html").read_bytes() == before


def test_broken_content_fails_the_build_and_keeps_the_site(
    tmp_path: Path, content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    assert main(["build", "--content", str(content), "--out", str(out)]) == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    target = content / "transcripts" / f"{SAMPLE_ID}.yaml"
    target.write_text(target.read_text("utf-8").replace("kind: question", "kind: query", 1))
    assert main(["build", "--content", str(content), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{target}:" in err and "turns[1].kind: expected one of:" in err
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


# --- about and mention: a made-up archive (``synthetic.relevance_files``) ---------------

@pytest.fixture(scope="module")
def weighed_site(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """The made-up archive whose topics are about, only mentioned or not named, built."""
    root = tmp_path_factory.mktemp("weighed")
    content = synthetic.write(root / "content", synthetic.relevance_files())
    paths = Paths.for_(content, root / "site")
    build(paths)
    return paths


def listed(html: BeautifulSoup) -> list[str]:
    """The paragraphs a topic page or a page of mentions lists, quoted or linked."""
    links = [quote.select_one(".tx-quote__cite a[href*='#p']")
             for quote in html.select("blockquote.tx-quote")]
    links += html.select(".tx-more a")
    return sorted(link["href"].split("#")[1] for link in links)


def test_a_topic_page_lists_what_is_about_it_and_links_its_mentions(weighed_site: Paths) -> None:
    html = soup(page(weighed_site, "/topics/zeppelins/"))
    assert listed(html) == ["p1"]
    also = html.select_one(".tx-also a")
    assert also.get_text() == "Also mentioned in passing in 1 passage →"
    assert also["href"] == "../../topics/zeppelins/mentions/"
    assert [li.get_text() for li in html.select("h2#who + ul li")] == [
        "Rufus Firefly: 1 paragraph"]  # (Ivan Testov only mentions them)
    # The chart's figures: said, asked, about it together, mentioned in passing.
    rows = [[cell.get_text() for cell in row.select("th, td")]
            for row in html.select(".tx-chart-data tbody tr")]
    assert rows == [["2020", "1", "0", "1", "1"]]
    assert html.select("svg.tx-chart rect.tx-chart__mentioned")
    mentions = soup(page(weighed_site, "/topics/zeppelins/mentions/"))
    assert mentions.select_one("h1").get_text().startswith("Zeppelins: mentioned in passing")
    assert listed(mentions) == ["p3"]
    back = mentions.select_one(".tx-also a")
    assert back["href"] == "../../../topics/zeppelins/" and back.get_text() == "← Back to Zeppelins"


def test_a_topic_no_passage_is_about_says_so(weighed_site: Paths) -> None:
    balloons = soup(page(weighed_site, "/topics/balloons/"))
    empty = balloons.select_one(".tx-empty")
    assert empty.get_text() == ("No passage in the archive is about this topic yet. It is "
                                "mentioned in passing in 1 passage.")
    assert empty.select_one("a")["href"] == "../../topics/balloons/mentions/"
    assert listed(balloons) == [] and balloons.select_one("h2#who") is None
    assert listed(soup(page(weighed_site, "/topics/balloons/mentions/"))) == ["p2"]
    kites = soup(page(weighed_site, "/topics/kites/"))
    assert kites.select_one(".tx-empty").get_text() == (
        "No passage in the archive is about this topic yet.")
    assert not kites.select("article a[href*='mentions']")
    assert listed(soup(page(weighed_site, "/topics/kites/mentions/"))) == []


def test_only_topics_with_a_passage_about_them_are_offered(weighed_site: Paths) -> None:
    from conftest import pagefind_pages

    home = soup(page(weighed_site, "/"))
    assert [a["href"] for a in home.select("article a.tx-topic")] == ["topics/zeppelins/"]
    index = soup(page(weighed_site, "/topics/"))
    assert [a["href"] for a in index.select("article a.tx-topic")] == ["zeppelins/"]
    passing = index.select_one("h2#in-passing").find_next("p")
    assert [a["href"] for a in passing.select("a")] == ["balloons/mentions/"]
    assert "Kites" not in index.select_one("article").get_text()
    records = pagefind_pages(weighed_site.out)
    assert records[f"/transcripts/{synthetic.RELEVANCE_ID}/"]["filters"]["topic"] == ["Zeppelins"]
    # Under each paragraph: the topics it is about, then those it names in passing,
    # which lead to their mentions.
    transcript = soup(page(weighed_site, f"/transcripts/{synthetic.RELEVANCE_ID}/"))
    chips = {p["id"]: [(a["href"], a.find_parent(class_="tx-para__mentions") is not None)
                       for a in p.select(".tx-para__topics a")]
             for p in transcript.select(".tx-para") if p.select(".tx-para__topics a")}
    assert chips == {"p1": [("../../topics/zeppelins/", False)],
                     "p2": [("../../topics/balloons/mentions/", True)],
                     "p3": [("../../topics/zeppelins/mentions/", True)]}


def test_the_json_weighs_each_topic_of_a_paragraph(weighed_site: Paths) -> None:
    data = json.loads((weighed_site.out / "data" / "transcripts" /
                       f"{synthetic.RELEVANCE_ID}.json").read_text("utf-8"))
    paragraphs = {p["id"]: p for turn in data["turns"] for p in turn["paragraphs"]}
    for paragraph in paragraphs.values():
        weighed = paragraph["topic_relevance"]
        assert [r["id"] for r in weighed] == paragraph["topics"]
        assert all(0 <= r["score"] <= 1 and isinstance(r["score"], float) for r in weighed)
    kinds = {ident: [(r["id"], r["kind"]) for r in p["topic_relevance"]]
             for ident, p in paragraphs.items() if p["topic_relevance"]}
    assert kinds == {"p1": [("zeppelins", "about")], "p2": [("balloons", "mention")],
                     "p3": [("zeppelins", "mention")]}
    assert paragraphs["p1"]["topic_relevance"][0]["score"] >= relevance.ABOUT
    assert paragraphs["p3"]["topic_relevance"][0]["score"] < relevance.ABOUT
    # The compressed archive holds the same.
    with gzip.open(weighed_site.out / "data" / "archive.jsonl.gz", "rt", encoding="utf-8") as f:
        assert [json.loads(line) for line in f] == [data]
