"""The topic taxonomy (content/topics.yaml): its coverage of the White House press
conferences, the Korean Peninsula topic on the sample, and a few precise patterns."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import cli
from generator.importing import import_files
from generator.load import load
from generator.tagging import (
    Index,
    _lead,
    _matches,
    gate,
    matchers,
    required_choices,
    required_texts,
    tag,
    topics_of,
)

PRESS_CONFERENCES = CORPUS / "whitehouse" / "press-conferences"
SAMPLE = CONTENT / "transcripts" / "2016-04-15-lavrov-kishida-tokyo.yaml"

COVERAGE_TARGET = 70.0
"""A floor against a tagger gone blind, not a goal: coverage is traded for precision
(a paragraph untagged is better than one under a topic it is not about). It was 92.9%
while question topics were carried into every later paragraph of an answer, 88.1% when
only an answer's first paragraph got them, and 74.6% (about coverage 26.9%) once they
were not carried at all, demonyms and the publisher's own country stopped counting as
evidence (``tagging.evidence``) and a topic named once in passing stopped being tagged
(``relevance.Evidence.lone``)."""


@pytest.fixture(scope="module")
def press_conferences(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content folder with the 45 press conferences, the speakers and the taxonomy."""
    if not PRESS_CONFERENCES.is_dir():  # (a test using it is marked: ``corpus``)
        pytest.fail(f"a test using the corpus is not marked as needing it: {PRESS_CONFERENCES}")
    content = tmp_path_factory.mktemp("press-conferences") / "content"
    (content / "transcripts").mkdir(parents=True)
    shutil.copy(CONTENT / "speakers.yaml", content / "speakers.yaml")
    shutil.copy(CONTENT / "topics.yaml", content / "topics.yaml")
    files = sorted(PRESS_CONFERENCES.glob("*.md"))
    assert len(files) == 45
    import_files(files, content)
    return content


@pytest.mark.corpus
def test_press_conferences_coverage(press_conferences: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli.main(["topics", "--report", "--content", str(press_conferences)])
    assert status == 0
    last = out.getvalue().strip().splitlines()[-1]
    match = re.fullmatch(r"coverage: (\d+\.\d)%", last)
    assert match, last
    assert float(match.group(1)) >= COVERAGE_TARGET, out.getvalue()


def _paragraph_ids(document: dict) -> list[tuple[str, str]]:
    """(id, text) of every paragraph of a transcript YAML, numbered as the loader does:
    a paragraph without an id takes the number after the previous one."""
    found, number = [], 0
    for turn in document["turns"]:
        for item in turn.get("paragraphs", []):
            item = {"text": item} if isinstance(item, str) else item
            number = int(item["id"][1:]) if "id" in item else number + 1
            found.append((f"p{number}", item["text"]))
    return found


def test_korean_peninsula_on_the_sample() -> None:
    document = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    expected = {pid for pid, text in _paragraph_ids(document) if "Pyongyang" in text}
    assert expected, "the sample no longer mentions Pyongyang"
    archive = tag(load(CONTENT))
    (transcript,) = [t for t in archive.transcripts if t.id == document["id"]]
    tagged = {p.id for p in transcript.paragraphs if "korean-peninsula" in p.topics}
    assert tagged == expected


# Made-up sentences, not quotations.
CASES = [
    ("The turkey was served with cranberry sauce.", "turkey", False),
    ("Talks with Turkey resumed in Ankara.", "turkey", True),
    ("The vase was made of fine china.", "china", False),
    ("Trade with China grew last year.", "china", True),
    ("Let us know what you think.", "united-states", False),
    ("The US delegation arrived on Monday.", "united-states", True),
    ("The political climate in the capital was tense.", "climate-change", False),
    ("The ministers discussed climate finance.", "climate-change", True),
    ("They tried to build bridges between the communities.", "infrastructure", False),
    ("The plan repairs roads and bridges across the state.", "infrastructure", True),
    ("The committee weighed every trade-off carefully.", "economic-cooperation", False),
    ("The two governments signed a trade agreement.", "economic-cooperation", True),
    ("Several think tanks published reports.", "military-and-defence", False),
    ("The army sent more tanks to the front.", "military-and-defence", True),
    ("I beg your pardon, could you repeat that?", "crime-and-policing", False),
    ("The report covered crime in large cities.", "crime-and-policing", True),
    ("They jumped the gun on the announcement.", "gun-violence", False),
    ("The bill would expand background checks for gun buyers.", "gun-violence", True),
    ("The strike on the depot was reported at dawn.", "jobs-and-labour", False),
    ("The workers voted to join a union.", "jobs-and-labour", True),
    ("The soldiers of the Union army marched south.", "jobs-and-labour", False),
    ("The Korean War ended in an armistice.", "south-korea", False),
    ("Exports from South Korea rose.", "south-korea", True),
    ("Officials met in Seoul to discuss North Korea.", "north-korea", True),
    ("The researchers built an artificial intelligence model.", "intelligence", False),
    ("The agencies improved intelligence sharing.", "intelligence", True),
    ("The chips are down for the home team.", "supply-chains", False),
    ("The factory will make semiconductors.", "supply-chains", True),
    ("Thank you, President Biden, for the question.", "joe-biden", False),
    ("The delegation praised the Paris Agreement.", "france", False),
    ("The delegation flew to Paris.", "france", True),
]


@pytest.fixture(scope="module")
def compiled() -> list:
    return matchers(load(CONTENT).topics)


@pytest.mark.parametrize(("text", "topic", "expected"), CASES)
def test_precise_patterns(compiled: list, text: str, topic: str, expected: bool) -> None:
    assert (topic in topics_of(text, compiled)) is expected


def _scanned(text: str, compiled: list) -> list:
    """The reference: every topic's whole alternation run over the whole text."""
    found = [(m, m.spans(text)) for m in compiled]
    return [(matcher, spans) for matcher, spans in found if spans]


def test_indexed_matching_equals_a_full_scan(compiled: list) -> None:
    """Phrases tried only where their first word occurs, and expressions only on texts
    holding what they require, find exactly what scanning every pattern over the text
    finds, spans included (the sample's paragraphs and the cases above)."""
    index = Index(compiled)
    texts = [p.text for t in load(CONTENT).transcripts for turn in t.turns
             for p in turn.paragraphs] + [text for text, _, _ in CASES]
    texts += ["Straße: the U.S.-Japan alliance, the Korean Peninsula and the Russia–Japan "
              "peace treaty", "KOREAN PENINSULA korean peninsula Korean  Peninsula"]
    for text in texts:
        assert _matches(text, index) == _scanned(text, compiled), text


@pytest.mark.corpus
def test_indexed_matching_equals_a_full_scan_on_the_press_conferences(
        compiled: list, press_conferences: Path) -> None:
    """The same on every paragraph of the 45 White House press conferences: text the
    taxonomy was not written against, with every kind of sign and number."""
    index = Index(compiled)
    texts = [p.text for t in load(press_conferences).transcripts for turn in t.turns
             for p in turn.paragraphs]
    assert len(texts) > 3000
    different = [text for text in texts if _matches(text, index) != _scanned(text, compiled)]
    assert different == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(
    ["the", "Korean", "Peninsula", "U.S.", "Japan", "Russia", "–", "-", "Japanese", "Soviet",
     "Declaration", "of", "1956", "peace", "treaty", "North", "South", "Korea", "nuclear",
     "missile", "issue", "ß", "İ", ",", ".", "\n", "foreign", "investments", "chips",
     "trade", "offs", "Kurils", "islands", "sanctions", "Syria", "crisis"]), max_size=40))
def test_indexed_matching_equals_a_full_scan_on_any_words(compiled: list, words: list) -> None:
    index = _index(compiled)
    for joiner in (" ", ""):
        text = joiner.join(words)
        assert _matches(text, index) == _scanned(text, compiled)


_INDEXES: dict[int, Index] = {}


def _index(compiled: list) -> Index:
    return _INDEXES.setdefault(id(compiled), Index(compiled))


@pytest.mark.parametrize(("source", "required"), [
    (r"\b(foreign|direct) investments?\b", (" investment",)),
    (r"(Joint )?Declaration of 1956", ("declaration of 1956",)),
    (r"Korea|Japan", ("korea", "japan")),
    (r"x?", ()),
    (r"(a|b)c", ("c",)),
    (r"[", ()),
])
def test_required_texts(source: str, required: tuple) -> None:
    assert required_texts(source) == required


@pytest.mark.parametrize(("source", "choices"), [
    (r"\bthe (?-i:Moon)\b", (("the ",), ("moon",))),
    (r"\b(foreign|direct) investments?\b", (("foreign", "direct"), (" investment",))),
    (r"Korea|Japan", (("korea", "japan"),)),
    (r"x?", ()),
    (r"[", ()),
])
def test_required_choices(source: str, choices: tuple) -> None:
    """Every text an expression cannot match without: a paragraph must hold one text of
    each choice before the expression runs on it."""
    assert required_choices(source) == choices


@pytest.mark.parametrize(("source", "needs"), [
    # "the " is in nearly every paragraph: "moon" alone says something.
    (r"\bthe (?-i:Moon)\b", (("moon",),)),
    (r"\b(foreign|direct) investments?\b", (("foreign", "direct"), (" investment",))),
    # Only weak choices: the strongest is kept; of two as strong, the one without a space.
    (r"\b(?-i:UN)\b", (("un",),)),
    (r"\bthe (?-i:Fed)\b", (("fed",),)),
    # "UK|U\.K\." is parsed as "U" then "K|\.K\.": joined back, not "u" alone.
    (r"\b(?-i:UK|U\.K\.)(?!\w)", (("uk", "u.k."),)),
    (r"x?", ()),
])
def test_an_expression_runs_only_on_paragraphs_holding_what_it_needs(
        source: str, needs: tuple) -> None:
    assert gate(source).needs == needs


@pytest.mark.parametrize(("phrase", "lead"), [
    ("U.S. Congress", "u.s."),
    ("Women's rights", "women"),
    ("COVID-19", "covid-19"),
    ("Korean  Peninsula", "korean"),
])
def test_a_phrase_is_tried_where_its_lead_stands(phrase: str, lead: str) -> None:
    assert _lead(phrase) == lead
