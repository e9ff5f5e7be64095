"""The web-page importer: article body, metadata and bold labels of saved pages.

The expected values of the corpus table were read off the pages themselves (the
``<h1>``, the ``<time datetime>``, the place and lead of the Kremlin's header, the
``<p>``s of the article body). Two references that do not share our code check that no
word is lost: trafilatura's extraction of the same page, and the page's own navigation
and footer, whose words must stay out.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import pytest
import trafilatura
import yaml
from conftest import CORPUS

from generator.errors import ImportFailure
from generator.importers import IMPORTERS, html, markup
from generator.importers.base import Meta, Source
from generator.importing import import_files

DATA = Path(__file__).parent / "data" / "html"
WH_TITLE = ("Remarks by President Trump, Vice President Pence, and Members of the Coronavirus "
            "Task Force in Press Briefing")
BRADY = "James S. Brady Press Briefing Room"


@dataclass
class Case:
    file: str
    title: str
    date: str
    place: str | None
    first: str
    last: str
    blocks: int
    bold: set[str] = field(default_factory=set)
    time: str | None = None


PAGES = [
    Case("kremlin/2010-06-11-medvedev-answered-questions-from-russian-journalists.html",
         "Dmitry Medvedev answered questions from Russian journalists", "2010-06-11", "Tashkent",
         "Following the SCO summit, Dmitry Medvedev answered questions from Russian journalists.",
         "All the best to everyone.", 29,
         {"Question", "President of Russia Dmitry Medvedev:", "Dmitry Medvedev"}, "16:30"),
    Case("kremlin/2013-03-07-putin-answered-journalists-questions-vologda.html",
         "Vladimir Putin answered journalists’ questions at the end of his trip to Vologda",
         "2013-03-07", "Vologda",
         "Vladimir Putin answered journalists’ questions during a working visit to Vologda.",
         "Vladimir Putin: Maybe, I don’t remember, but today I’d rather not do so.", 26,
         {"* * *", "President of Russia Vladimir Putin:", "Question:", "Question",
          "Vladimir Putin:", "Vladimir Putin", "Response:"}, "21:30"),
    Case("kremlin/2013-03-22-interview-to-itar-tass.html",
         "Interview to the ITAR-TASS news agency", "2013-03-22", None,
         "Question: BRICS' relatively new phenomenon attracts increased global attention due to "
         "the optimistic predictions about its development, especially against the backdrop of "
         "global crisis developments in the world economy. What is BRICS' immediate and "
         "long-term significance for Russia? Is such a format practical for the development of "
         "relations among these countries?",
         "We will discuss practical steps to achieve these goals with President Jacob Zuma.", 30,
         {"Question:", "President of Russia Vladimir Putin:", "Vladimir Putin",
          "Vladimir Putin:"}, "00:00"),
    # Recorded on April 2 (the text says so); the page's date is that of publication.
    Case("kremlin/2013-04-05-interview-to-german-ard.html",
         "Interview to the German ARD", "2013-04-05", None,
         "Ahead of the working visit to Germany, Vladimir Putin gave an interview to the German "
         "ARD.",
         "Jörg Schönenborn: Thank you very much for the interview, Mr President.", 75,
         {"* * *", "Jörg Schönenborn (retranslated)", "President of Russia Vladimir Putin:",
          "Jörg Schönenborn:", "Vladimir Putin:", "Vladimir PUTIN:"}, "19:00"),
    Case("kremlin/2014-11-28-interview-to-anadolu-agency.html",
         "Interview to Anadolu Agency", "2014-11-28", None,
         "Ahead of the state visit to the Republic of Turkey, Vladimir Putin gave an interview to "
         "Anadolu Agency.",
         "We will continue to do everything necessary to help the Syrian people to overcome the "
         "tragic events and find peace and harmony as soon as practicably possible. This is the "
         "purpose of our contacts with the Syrian government, various opposition groups, our "
         "international and regional partners, including, of course, our Turkish colleagues.", 32,
         {"Question:", "President of Russia Vladimir Putin:", "Vladimir Putin",
          "Vladimir Putin:"}, "12:00"),
    Case("kremlin/2016-04-14-answers-to-journalists-questions-following-direct-line.html",
         "Answers to journalists’ questions following the Direct Line", "2016-04-14", "Moscow",
         "Vladimir Putin met with journalists and answered their questions following the Direct "
         "Line.",
         "Thank you.", 57,
         {"Question:", "President of Russia Vladimir Putin:", "Vladimir Putin:", "Question",
          "Vladimir Putin", "Remark"}, "16:00"),
    # Recorded on September 1 (the lead says so); published, and dated, September 5.
    Case("kremlin/2016-09-05-interview-to-bloomberg.html",
         "Interview to Bloomberg", "2016-09-05", "Vladivostok",
         "Full text of Vladimir Putin's interview to the international media company Bloomberg "
         "has been published. The interview was recorded on September 1, 2016, in Vladivostok.",
         "Vladimir Putin: Thank you very much.", 240,
         {"John Micklethwait:", "President of Russia Vladimir Putin:", "Vladimir Putin:"},
         "10:30"),
    Case("kremlin/2017-03-10-joint-news-conference-with-erdogan.html",
         "Joint news conference with President of Turkey Recep Tayyip Erdogan", "2017-03-10",
         "The Kremlin, Moscow",
         "Following the meeting of the High-Level Russian-Turkish Cooperation Council, Vladimir "
         "Putin and Recep Tayyip Erdogan gave a joint news conference.",
         "Thank you for your attention.", 71,
         {"President of Russia Vladimir Putin",
          "President of Turkey Recep Tayyip Erdogan (retranslated)", "Question (retranslated)",
          "Vladimir Putin", "Recep Tayyip Erdogan", "Question:", "Question"}, "19:40"),
    Case("kremlin/2017-07-08-news-conference-following-g20-summit.html",
         "News conference following the G20 Summit", "2017-07-08", "Hamburg",
         "President of Russia Vladimir Putin answered journalists’ questions on the results of "
         "the two-day G20 Summit.",
         "Thank you very much. All the best.", 79,
         {"President of Russia Vladimir Putin", "Question", "Vladimir Putin", "Vladimir Putin:",
          "Question:", "Remark", "Remark:"}, "17:20"),
    Case("kremlin/2018-04-04-news-conference-russia-turkey-iran.html",
         "News conference following a meeting of the presidents of Russia, Turkey and Iran",
         "2018-04-04", "Ankara",
         "Vladimir Putin, Recep Tayyip Erdogan and Hassan Rouhani held a joint news conference "
         "following the second trilateral meeting of the heads of states, guarantors of the "
         "Astana process for facilitating the Syrian peace settlement.",
         "Thank you for your attention.", 106,
         {"President of the Republic of Turkey Recep Tayyip Erdogan (retranslated)",
          "President of the Islamic Republic of Iran Hassan Rouhani (retranslated)",
          "Recep Tayyip Erdogan:", "President of Russia Vladimir Putin:", "Question:",
          "Vladimir Putin:", "Remark:", "Question (retranslated)", "Hassan Rouhani",
          "Recep Tayyip Erdogan", "Vladimir Putin"}, "16:20"),
    Case("kremlin/2018-06-07-answers-to-journalists-questions-following-direct-line.html",
         "Answers to journalists’ questions following Direct Line", "2018-06-07", "Moscow",
         "After the Direct Line with Vladimir Putin, the President took questions from "
         "journalists.",
         "I hope nothing like this will happen again. At the same time, all of us must think "
         "about how to ensure the safety of journalists and their work, protecting them from any "
         "pressure and guaranteeing journalists’ unconditional right to practice their trade, as "
         "well as the right of the public to have free access to information and to share "
         "information.", 32,
         {"President of Russia Vladimir Putin:", "Question:", "Vladimir Putin:",
          "Vladimir Putin", "Remark:"}, "16:45"),
    Case("kremlin/2019-11-14-putin-answered-russian-journalists-questions.html",
         "Vladimir Putin answered Russian journalists’ questions", "2019-11-14", "Brasilia",
         "The President answered Russian journalists’ questions following the BRICS summit in "
         "Brasilia.",
         "Thank you very much. All the best.", 113,
         {"President of Russia Vladimir Putin:", "Question:", "Vladimir Putin:", "Question",
          "Vladimir Putin"}, "22:30"),
    # The White House pages of 2020: labels are plain text (no bold); the place and the
    # time open the body; "Issued on:" is the only date but for March 31 (see below).
    Case("whitehouse-2020/white_house_briefing_April-10-2020.html", WH_TITLE, "2020-04-10",
         BRADY,
         "THE PRESIDENT: Thank you very much everybody, and good afternoon. Today is Good Friday. "
         "And this Sunday, millions of Christians celebrate Easter and the resurrection of Jesus "
         "Christ. At this holy time, we pray that God will heal the sick and comfort the "
         "heartbroken and bless our heroes. As American families look forward to Easter, we’re "
         "reminded that our story ends not in despair, but in triumph and renewal. Very "
         "appropriate, isn’t it?",
         "4:06 P.M. EDT", 677, time="1:52 P.M. EDT"),
    Case("whitehouse-2020/white_house_briefing_April-20-2020.html", WH_TITLE, "2020-04-20",
         BRADY,
         "THE PRESIDENT: Thank you very much everyone. Thank you. Following the release of our "
         "reopening guidelines, governors across the country are looking forward to phase one "
         "and announcing plans for an economic resurgence; we’re going to have a resurgence, "
         "too. At a time when millions of American workers and families are struggling with the "
         "financial consequences of the virus, it’s critical to continue the medical war while "
         "reopening the economy in a safe and responsible fashion.",
         "END 7:18 P.M. EDT", 446, time="5:39 P.M. EDT"),
    Case("whitehouse-2020/white_house_briefing_April-27-2020.html", WH_TITLE, "2020-04-27",
         "Rose Garden",
         "THE PRESIDENT: Thank you very much. Thank you. Today I’d like to provide you with an "
         "update in our war against the coronavirus. Thanks to our comprehensive strategy and "
         "extraordinary devotion to our citizens — we’ve had such tremendous support all over — "
         "we continue to see encouraging signs of progress.",
         "6:33 P.M. EDT", 257, time="5:38 P.M. EDT"),
    Case("whitehouse-2020/white_house_briefing_March-14-2020.html", WH_TITLE, "2020-03-14",
         BRADY,
         "THE PRESIDENT: Thank you very much. We just completed a very good meeting of the "
         "Coronavirus Task Force. And we — we’re really — they’re really doing a great job, our "
         "professionals. The results are very — very, very good. And when you compare this to "
         "what’s happening around the world, we’re very proud of our people.",
         "1:25 P.M. EDT", 273, time="12:19 P.M. EDT"),
    Case("whitehouse-2020/white_house_briefing_March-19-2020.html", WH_TITLE, "2020-03-19",
         BRADY,
         "THE PRESIDENT: Thank you very much. I think this is going to be a very important "
         "conference and I’ll get to that toward the middle, but I have a few things to report. "
         "And I want to thank you all for being here.",
         "12:48 P.M. EDT", 333, time="11:31 A.M. EDT"),
    # Issued on April 1; the body's own dateline says March 31, and it wins.
    Case("whitehouse-2020/white_house_briefing_March-31-2020.html", WH_TITLE, "2020-03-31",
         None,
         "THE PRESIDENT: Thank you very much, everyone. Our country is in the midst of a great "
         "national trial, unlike any we have ever faced before. You all see it. You see it "
         "probably better than most. We’re at war with a deadly virus. Success in this fight "
         "will require the full, absolute measure of our collective strength, love, and "
         "devotion. Very important.",
         "END", 660, time="5:30 P.M. EDT"),
]


def source(path: Path, given: Meta | None = None) -> Source:
    return Source(str(path), path.read_bytes(), given=given or Meta())


@pytest.fixture(scope="module")
def pages() -> dict[str, html.Page]:
    """Every corpus page read once."""
    return {case.file: html.read_page(source(CORPUS / case.file)) for case in PAGES}


@pytest.mark.corpus
def test_the_table_covers_every_page():
    files = sorted(str(p.relative_to(CORPUS)) for folder in ("kremlin", "whitehouse-2020")
                   for p in (CORPUS / folder).glob("*.html"))
    assert sorted(case.file for case in PAGES) == files


@pytest.mark.corpus
@pytest.mark.parametrize("case", PAGES, ids=lambda case: Path(case.file).stem)
def test_metadata_and_paragraphs(case: Case, pages: dict[str, html.Page]):
    page = pages[case.file]
    meta, blocks = page.meta, page.blocks
    assert (meta.title, meta.date, meta.place, meta.time) == (
        case.title, case.date, case.place, case.time)
    assert meta.title not in ("Remarks", "Press Briefings") and "://" not in meta.title
    assert (blocks[0].text, blocks[-1].text, len(blocks)) == (case.first, case.last, case.blocks)
    assert {block.bold for block in blocks if block.bold} == case.bold
    assert meta.publisher == ("President of Russia" if "kremlin" in case.file
                              else "The White House")
    assert meta.url and meta.url.startswith("http")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", markup.spaces(text).casefold())


@pytest.mark.corpus
@pytest.mark.parametrize("case", PAGES, ids=lambda case: Path(case.file).stem)
def test_no_word_lost(case: Case, pages: dict[str, html.Page]):
    """Every word trafilatura finds in the article reaches the blocks (or the metadata),
    as many times as it finds it, but for what it adds: the heading of the Kremlin's
    "See also" box, and the pull quotes (a second copy of words of the text), which the
    importer leaves out on purpose."""
    data = (CORPUS / case.file).read_bytes()
    page = pages[case.file]
    found = trafilatura.extract(data, favor_recall=True, include_comments=False,
                                include_tables=True, deduplicate=False)
    document = lxml.html.document_fromstring(data)
    pull_quotes = [q.text_content() for q in document.iter("blockquote")]
    have = Counter(words(" ".join(b.text for b in page.blocks)))
    have += Counter(words(" ".join([*page.meta.given().values(), *pull_quotes])))
    missing = Counter(words(found)) - have
    see_also = any(h.text_content().strip() == "See also" for h in document.iter("h3"))
    assert missing - (Counter(["see", "also"]) if see_also else Counter()) == Counter()
    # Pull quotes are left out only because they repeat the text: each word is there.
    assert set(words(" ".join(pull_quotes))) <= set(have)
    # And nothing more than the article: what trafilatura leaves out is the lead (the
    # Kremlin's summary above the text), no menu, box or footer.
    extra = Counter(words(" ".join(b.text for b in page.blocks))) - Counter(words(found))
    assert extra - Counter(words(page.blocks[0].text)) == Counter()


@pytest.mark.corpus
@pytest.mark.parametrize("case", PAGES, ids=lambda case: Path(case.file).stem)
def test_no_navigation_or_footer(case: Case, pages: dict[str, html.Page]):
    """The menus, footers, tag lists and share boxes of the page stay out of the blocks."""
    document = lxml.html.document_fromstring((CORPUS / case.file).read_bytes())
    furniture = [el for el in document.iter() if el.tag in ("nav", "footer")
                 or el.get("role") in ("navigation", "contentinfo", "banner")
                 or (el.get("class") or "").split()[:1] in (["read__tags"], ["read__status"])]
    assert furniture
    texts = {b.text for b in pages[case.file].blocks}
    joined = "\n".join(texts)
    for element in furniture:
        for link in element.iter("a"):
            assert " ".join(link.text_content().split()) not in texts
        whole = markup.squeeze(markup.spaces(element.text_content()))
        if len(whole.split()) >= 4:
            assert whole not in joined
    for furniture_text in ("Publication date", "Direct link", "Text version", "Share this page",
                           "Issued on", "See also", "Published in sections"):
        assert furniture_text not in joined


@pytest.mark.corpus
@pytest.mark.parametrize("case", PAGES, ids=lambda case: Path(case.file).stem)
def test_labels_do_not_leak(case: Case, pages: dict[str, html.Page]):
    """A paragraph opening with a label that is bold elsewhere in the page has it as bold."""
    blocks = pages[case.file].blocks
    labels = {b.bold.rstrip(":") for b in blocks if b.bold and b.bold != "* * *"}
    for block in blocks:
        if block.bold is None:
            assert not any(block.text.startswith((f"{label}:", f"{label} (")) for label in labels)
        else:
            assert block.text.startswith(block.bold)


# --- How the markup of a label is read ----------------------------------------------------

FILLER = "<p>This paragraph is long enough, with commas, to make the body, and the text.</p>"


def blocks_of(markup_html: str):
    page = f"<!DOCTYPE html><html><body><h1>A title</h1><div>{FILLER}{markup_html}</div>"
    return html.read_page(Source("snippet.html", page.encode())).blocks[1:]


@pytest.mark.parametrize("snippet, text, bold", [
    ("<p><b>Vladimir Putin:</b> Text.</p>", "Vladimir Putin: Text.", "Vladimir Putin:"),
    ("<p><b>Question</b>: Text?</p>", "Question: Text?", "Question"),
    ("<p><b>Question </b>: Text?</p>", "Question: Text?", "Question"),
    ("<p> <b>Vladimir&nbsp;</b><b>PUTIN: </b>Text.</p>", "Vladimir PUTIN: Text.",
     "Vladimir PUTIN:"),
    ("<p><b>Vladimir</b><b> Putin:</b> Text.</p>", "Vladimir Putin: Text.", "Vladimir Putin:"),
    ("<p><b>Vladimir<br>Putin:</b> Text.</p>", "Vladimir Putin: Text.", "Vladimir Putin:"),
    ("<p><b>Vladimir\nPutin</b>: Text.</p>", "Vladimir Putin: Text.", "Vladimir Putin"),
    ("<p><b>Vladimir Putin:</b><b> </b>Text.</p>", "Vladimir Putin: Text.", "Vladimir Putin:"),
    ("<p><b>Name:</b>Text.</p>", "Name: Text.", "Name:"),
    ("<p><b>Question</b> <i>(retranslated<b>)</b></i><b>:</b> Text.</p>",
     "Question (retranslated): Text.", "Question (retranslated)"),
    ("<p><b>President of Turkey </b><a href='#'><b>Recep</b>&nbsp;<b>Tayyip</b></a>"
     "<i> (retranslated)</i>: Thanks.</p>",
     "President of Turkey Recep Tayyip (retranslated): Thanks.",
     "President of Turkey Recep Tayyip (retranslated)"),
    ("<p><b>Ms <a href='#'>Jane Roe<span class='tooltip hidden'>Roe Jane, Minister</span></a>:"
     "</b> Text.</p>", "Ms Jane Roe: Text.", "Ms Jane Roe:"),
    ("<p><span style='font-weight: 700'>Anna Berg:</span> Hi.</p>", "Anna Berg: Hi.",
     "Anna Berg:"),
    ("<p><strong>Q</strong>&nbsp;&nbsp;Why?</p>", "Q Why?", "Q"),
    ("<p>My question is: <b>why</b>?</p>", "My question is: why?", None),
    ("<p><b>V</b>ladimir said so.</p>", "Vladimir said so.", None),
    ("<p><b></b>Plain text.</p>", "Plain text.", None),
    ("<p>One line<br>and the next.</p>", "One line and the next.", None),
    ("<h2>A subheading</h2>", "A subheading", None),
])
def test_label_markup(snippet: str, text: str, bold: str | None):
    [block] = blocks_of(snippet)
    assert (block.text, block.bold) == (text, bold)


def test_two_line_breaks_end_a_paragraph():
    first, second = blocks_of("<p><b>Jane Roe:</b> One.<br><br>Two.</p>")
    assert (first.text, first.bold, second.text, second.bold) == (
        "Jane Roe: One.", "Jane Roe:", "Two.", None)


# --- Detection and pages of publishers never seen ------------------------------------------

@pytest.mark.parametrize("name, data, expected", [
    ("page.html", b"anything", True),
    ("page.HTM", b"anything", True),
    ("saved.txt", b"\xef\xbb\xbf\n  <!DOCTYPE html><html><body></body></html>", True),
    ("saved", b"<html lang='en'><body></body></html>", True),
    ("notes.txt", b"Jane Roe: Hello.\nQ: Why?\n", False),
    ("data.json", b'{"html": "<p>x</p>"}', False),
])
def test_detect(name: str, data: bytes, expected: bool):
    assert html.HtmlImporter().detect(Source(name, data)) is expected


def test_registered_before_the_generic_reader():
    names = list(IMPORTERS)
    assert names.index("html") < names.index("generic") == len(names) - 1


def test_ministry_page():
    """An invented ministry's page: menu, breadcrumbs, share box, related links, a figure,
    tags, a footer and scripts around a press conference with labels marked every way."""
    page = html.read_page(source(DATA / "norland-coastal-ministry.html"))
    assert page.meta == Meta(
        title="Press conference by Minister Jane Roe on the harbour reform", date="2023-05-17",
        place="Port Aster", publisher="Ministry of Coastal Affairs",
        url="https://coastal.example.org/press/2023/harbour-reform")
    expected = [
        (None, "Minister Jane Roe presented the harbour "),
        ("Minister Jane Roe", "Minister Jane Roe: Good morning, everyone"),
        (None, "The reform has three parts: dredging of "),
        ("Q", "Q Minister, how much will the reform cost"),
        ("Minister Jane Roe:", "Minister Jane Roe: About four hundred mil"),
        ("Q", "Q And when does the pilot service start?"),
        ("Deputy Minister Tom Vale", "Deputy Minister Tom Vale: The pilot serv"),
        ("Q", "Q One more question: will the fishermen "),
        ("Jane Roe:", "Jane Roe: No. Fishing boats under twelve "),
        ("Deputy Minister Tom Vale:", "Deputy Minister Tom Vale: We will publis"),
        ("Minister Jane Roe:", "Minister Jane Roe: Thank you all for comi"),
    ]
    assert [b.bold for b in page.blocks] == [bold for bold, _ in expected]
    for block, (_, start) in zip(page.blocks, expected, strict=True):
        assert block.text.startswith(start)
    text = " ".join(b.text for b in page.blocks)
    for furniture in ("Newsroom", "Contact us", "Share", "Related", "Harbour reform consultation",
                      "opens a new window", "quay in Port Aster", "Tags", "Most read", "Storm",
                      "Quay Street", "Privacy", "dataLayer", "Transcripts"):
        assert furniture not in text


def test_ministry_page_speakers():
    draft = html.HtmlImporter().parse(source(DATA / "norland-coastal-ministry.html"))
    turns = [(t.kind, t.name, t.label) for t in draft.turns]
    assert turns == [
        ("note", None, None),  # the lead: the page's words, nobody's
        ("statement", "Jane Roe", "Minister Jane Roe"),
        ("question", None, "Q"), ("answer", "Jane Roe", "Minister Jane Roe"),
        ("question", None, "Q"), ("answer", "Tom Vale", "Deputy Minister Tom Vale"),
        ("question", None, "Q"), ("answer", "Jane Roe", "Jane Roe"),
        ("answer", "Tom Vale", "Deputy Minister Tom Vale"),
        ("answer", "Jane Roe", "Minister Jane Roe"),
    ]
    assert draft.turns[1].paragraphs[1] == (
        "The reform has three parts: dredging of the fairways, new quays, and a public pilot "
        "service.")
    assert (draft.event, draft.publisher, draft.layout) == (
        "news-conference", "Ministry of Coastal Affairs", "html: bold labels")


def test_newspaper_interview():
    """An invented newspaper: the title inside the article, a byline, an advertisement, a
    pull quote, a newsletter box and comments; labels bold by style or tag."""
    draft = html.HtmlImporter().parse(source(DATA / "lowland-courier-interview.html"))
    assert (draft.title, draft.date, draft.place, draft.publisher) == (
        "“The river is our road”: an interview with Mayor Lena Holt", "2021-11-02", None,
        "The Lowland Courier")
    assert [(t.kind, t.name, len(t.paragraphs)) for t in draft.turns] == [
        ("question", "Paul Marsh", 1), ("answer", "Lena Holt", 3),
        ("question", "Paul Marsh", 1), ("answer", "Lena Holt", 1), ("remark", "Paul Marsh", 1)]
    assert draft.turns[1].paragraphs[1:] == [
        "We also asked the province to pay half of it, because people from three towns use it.",
        "The province said yes in October."]
    text = " ".join(p for t in draft.turns for p in t.paragraphs)
    for furniture in ("Sam Writer", "Advertisement", "newsletter", "Reader123", "Front page",
                      "Log in", "All rights reserved", "“A bridge"):
        assert furniture not in text
    assert any("pull quote" in d.message for d in draft.doubts)


LAYOUTS = {
    # An ASP.NET site wraps the whole page in a <form>: the article is still found.
    "form": ("""<!DOCTYPE html><html><body><form id="aspnetForm" action="page.aspx">
<div id="menu"><a href="/">Home</a> <a href="/a">About the agency</a></div>
<h1>Briefing by the spokesperson, 3 March 2019</h1><div id="content">
<p><b>Spokesperson Ada Lee:</b> Good afternoon, everyone, and welcome to the briefing.</p>
<p><b>Question:</b> What about the bridge, and the ferry, and the roads?</p>
<p><b>Spokesperson Ada Lee:</b> We will answer that next week, after the council meets.</p>
</div><div id="footer">Copyright 2019 <a href="/">Agency</a></div></form></body></html>""",
             "Briefing by the spokesperson, 3 March 2019", "2019-03-03",
             ["Spokesperson Ada Lee", "Question", "Spokesperson Ada Lee"]),
    # Turns in a table: the speaker's cell and the text's cell are one paragraph.
    "table": ("""<!DOCTYPE html><html><body><h1>Hearing on river transport</h1>
<p>Held on <time datetime="2020-02-02">2 February 2020</time></p><table>
<tr><td><b>Chair Ann Moss</b></td><td>The hearing is open. We have two witnesses, and little
time.</td></tr><tr><td><b>Witness Bo Lind</b></td><td>Thank you, Madam Chair, for having me
here today, and for the invitation.</td></tr><tr><td><b>Chair Ann Moss</b></td><td>Thank you.
The hearing is closed, and we meet again on Monday.</td></tr></table></body></html>""",
              "Hearing on river transport", "2020-02-02",
              ["Chair Ann Moss", "Witness Bo Lind", "Chair Ann Moss"]),
    # Paragraphs as <div>s, a dateline as a <div> of its own, the site's name as the <h1>
    # and the title an <h2> that the page's <title> names.
    "divs": ("""<!DOCTYPE html><html><head><title>Interview with the mayor – City Radio</title>
</head><body><h1 class="logo">City Radio</h1><div class="nav"><a href="/">Home</a></div>
<h2>Interview with the mayor</h2><div class="date">May 5, 2022</div><div class="content">
<div><strong>Host:</strong> Welcome, Mayor, to the morning programme of the city radio.</div>
<div><strong>Mayor Kim Dale:</strong> Thank you, it is a pleasure to be here, really.</div>
<div><strong>Host:</strong> Let us talk about the new tram line, the buses and the roads.</div>
</div></body></html>""", "Interview with the mayor", "2022-05-05",
             ["Host", "Mayor Kim Dale", "Host"]),
    # The text in a box that calls itself furniture: the body is never left out.
    "role": ("""<!DOCTYPE html><html><body><h1>Talk show with the governor</h1>
<p class="date">June 1, 2020</p><div role="complementary" class="sidebar-transcript">
<p><b>Host:</b> Welcome, Governor, to the programme of this evening.</p>
<p><b>Governor Amy Lo:</b> Thank you, it is good to be here, and to talk about the budget.</p>
</div></body></html>""", "Talk show with the governor", "2020-06-01",
             ["Host", "Governor Amy Lo"]),
}


@pytest.mark.parametrize("name", LAYOUTS)
def test_other_layouts(name: str):
    page, title, day, turns = LAYOUTS[name]
    draft = html.HtmlImporter().parse(Source(f"{name}.html", page.encode()))
    assert (draft.title, draft.date) == (title, day)
    assert [turn.label for turn in draft.turns] == turns
    assert all(len(turn.paragraphs) == 1 for turn in draft.turns)


def test_page_without_a_date():
    with pytest.raises(ImportFailure, match="--date"):
        html.HtmlImporter().parse(source(DATA / "no-date.html"))
    draft = html.HtmlImporter().parse(source(DATA / "no-date.html", Meta(date="2022-06-01")))
    assert (draft.title, draft.date) == ("Round table on river transport", "2022-06-01")
    assert [t.label for t in draft.turns] == ["Chair", "Engineer Max Oyelaran", "Chair"]


def test_page_without_text():
    empty = b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(ImportFailure, match="no article text"):
        html.read_page(Source("empty.html", empty))


# --- The whole import of the corpus pages ------------------------------------------------

@pytest.mark.corpus
def test_import_the_corpus_pages(content: Path):
    for old in (content / "transcripts").glob("*.yaml"):
        old.unlink()
    files = [CORPUS / case.file for case in PAGES]
    report = import_files(files, content)
    assert report.failures == [] and len(report.written) == len(PAGES)
    imported = [yaml.safe_load(p.read_text()) for p in (content / "transcripts").glob("*.yaml")]
    by_date = {str(t["date"]): t for t in imported}
    assert sorted(by_date) == sorted(case.date for case in PAGES)
    for case in PAGES:
        transcript = by_date[case.date]
        assert transcript["source"]["format"] == "html"
        paragraphs = [p for turn in transcript["turns"] for p in turn.get("paragraphs", [])]
        labels = {turn.get("label") for turn in transcript["turns"]} - {None}
        # Every block is a paragraph of the transcript, the labels taken off.
        assert len(paragraphs) == case.blocks
        speakers = {turn["speaker"] for turn in transcript["turns"]}
        if "kremlin" in case.file:
            assert "vladimir-putin" in speakers or "dmitry-medvedev" in speakers
            assert labels & {"Question", "John Micklethwait", "Jörg Schönenborn"}
        else:
            assert {"donald-trump", "mike-pence"} <= speakers and "Q" in labels
    shutil.rmtree(content / "raw", ignore_errors=True)
