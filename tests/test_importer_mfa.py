"""The Russian Foreign Ministry importer, on the real sample and on synthetic text.

Synthetic text uses made-up people and places only (Ivan Testov, Rufus Firefly,
Fictown); the real sample is only read, never paraphrased.
"""

from __future__ import annotations

import shutil
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from conftest import CONTENT, SAMPLE_ID, SAMPLE_RAW, read

from generator.cli import main
from generator.errors import ImportFailure, Problem
from generator.importers.base import Draft, DraftPerson, DraftTurn
from generator.importing import import_files
from generator.load import load
from generator.model import Speaker

SAMPLE_TEXT = SAMPLE_RAW.read_text("utf-8")
SAMPLE_LINES = SAMPLE_TEXT.splitlines()
SAMPLE_YAML = CONTENT / "transcripts" / f"{SAMPLE_ID}.yaml"
OMITTED = "answer not included in the source"
TITLE_FORMAT = "expected a title line ending in ', <place>, <Month> <day>, <year>'"

TITLE = (
    "Foreign Minister Ivan Testov’s remarks and answers to media questions at a joint news "
    "conference with Freedonian Foreign Minister Rufus Firefly following their talks, "
    "Fictown, March 3, 2019"
)
BOTH = ["Ivan Testov", "Rufus Firefly"]


def parse(text: str, file: str = "test.txt") -> Draft:
    """Read ``text`` with format detection, which must pick the MFA importer."""
    format, draft = read(text, file)
    assert format == "mfa"
    return draft


def summary(turn: DraftTurn) -> tuple:
    """The parts of a turn the tables spell out."""
    return (turn.kind, turn.name, turn.label, turn.note, turn.to, turn.paragraphs)


# --- the title line --------------------------------------------------------------------------

TITLES = [
    pytest.param(
        SAMPLE_LINES[0],
        [DraftPerson("Sergey Lavrov", "Foreign Minister", "Russia"),
         DraftPerson("Fumio Kishida", "Japanese Foreign Minister", "Japan")],
        "joint-news-conference", "Tokyo", "2016-04-15",
        id="sample",
    ),
    pytest.param(
        TITLE,
        [DraftPerson("Ivan Testov", "Foreign Minister", "Russia"),
         DraftPerson("Rufus Firefly", "Freedonian Foreign Minister", None)],
        "joint-news-conference", "Fictown", "2019-03-03",
        id="joint news conference, unknown nationality",
    ),
    pytest.param(
        "Foreign Minister Ivan Testov’s remarks and answers to media questions following talks "
        "with Finnish Foreign Minister Matti Madeup and Norwegian Foreign Minister Nils "
        "Fakename, Fictown, March 3, 2019",
        [DraftPerson("Ivan Testov", "Foreign Minister", "Russia"),
         DraftPerson("Matti Madeup", "Finnish Foreign Minister", "Finland"),
         DraftPerson("Nils Fakename", "Norwegian Foreign Minister", "Norway")],
        "remarks", "Fictown", "2019-03-03",
        id="two counterparts",
    ),
    pytest.param(
        "Deputy Foreign Minister Ivan Testov's interview with Fictown Daily newspaper, "
        "Fictown, December 1, 2020",
        [DraftPerson("Ivan Testov", "Deputy Foreign Minister", "Russia")],
        "interview", "Fictown", "2020-12-01",
        id="interview, straight apostrophe",
    ),
    pytest.param(
        "Foreign Ministry Spokeswoman Anna Testova’s briefing on current foreign policy issues, "
        "Fictown, July 4, 2017",
        [DraftPerson("Anna Testova", "Foreign Ministry Spokeswoman", "Russia")],
        "press-briefing", "Fictown", "2017-07-04",
        id="briefing",
    ),
    pytest.param(
        "Foreign Minister Ivan Testov’s remarks at a news conference, New Fictown, May 1, 2015",
        [DraftPerson("Ivan Testov", "Foreign Minister", "Russia")],
        "news-conference", "New Fictown", "2015-05-01",
        id="place of two words",
    ),
    pytest.param(
        "Foreign Minister Ivan Testov’s speech at the Fictown Forum, Fictown, May 1, 2015",
        [DraftPerson("Ivan Testov", "Foreign Minister", "Russia")],
        "speech", "Fictown", "2015-05-01",
        id="speech",
    ),
    pytest.param(
        "Foreign Minister Ivan Testov’s statement and answers to media questions, "
        "Fictown, May 1, 2015",
        [DraftPerson("Ivan Testov", "Foreign Minister", "Russia")],
        "statement", "Fictown", "2015-05-01",
        id="statement",
    ),
    pytest.param(
        "Foreign Minister Ivan Testov’s article for a made-up weekly, Fictown, May 1, 2015",
        [DraftPerson("Ivan Testov", "Foreign Minister", "Russia")],
        "other", "Fictown", "2015-05-01",
        id="other event",
    ),
]


@pytest.mark.parametrize(("title", "people", "event", "place", "date"), TITLES)
def test_title_line(
    title: str, people: list[DraftPerson], event: str, place: str, date: str
) -> None:
    draft = parse(f"{title}\nGood afternoon.\n")
    assert draft.title == title
    assert draft.participants == people
    assert (draft.event, draft.place, draft.date) == (event, place, date)
    assert draft.publisher == "Ministry of Foreign Affairs of the Russian Federation"


BAD_TITLES = [
    pytest.param("", TITLE_FORMAT, id="empty file"),
    pytest.param("Ladies and gentlemen,\nGood afternoon.", TITLE_FORMAT, id="no title"),
    pytest.param("\n" + TITLE + "\nGood afternoon.", TITLE_FORMAT, id="title on line 2"),
    pytest.param("Remarks by Foreign Minister Ivan Testov, Fictown, March 3, 2019\nHello.",
                 TITLE_FORMAT, id="no possessive"),
    pytest.param("Foreign Minister Ivan Testov’s remarks, Fictown, 3 March 2019\nHello.",
                 TITLE_FORMAT, id="day before month"),
    pytest.param("Foreign Minister Ivan Testov’s remarks, Fictown, Marchember 3, 2019\nHello.",
                 TITLE_FORMAT, id="unknown month"),
    # a title in the right shape whose date does not exist
    pytest.param("Foreign Minister Ivan Testov’s remarks, Fictown, February 30, 2019\nHello.",
                 None, id="February 30"),
    pytest.param("Foreign Minister Ivan Testov’s remarks, Fictown, April 31, 2019\nHello.",
                 None, id="April 31"),
]


@pytest.mark.parametrize(("text", "message"), BAD_TITLES)
def test_bad_title_line_is_an_import_failure_on_line_1(text: str, message: str | None) -> None:
    with pytest.raises(ImportFailure) as caught:
        read(text, "bad.txt", "mfa")
    problem = caught.value.problem
    assert (problem.file, problem.line, problem.field) == ("bad.txt", 1, None)
    if message is not None:  # (the wording for an impossible date is left open)
        assert problem.message == message
        assert str(caught.value) == f"bad.txt:1: {message}"


@pytest.mark.parametrize("rest", ["", "\n", "\n\n   \n* * *\n"])
def test_title_only_is_an_import_failure(rest: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        read(TITLE + rest, "short.txt", "mfa")
    assert caught.value.problem == Problem(
        "short.txt", 1, None, "no transcript text after the title line"
    )


def test_text_in_no_known_format_is_not_detected() -> None:
    with pytest.raises(ImportFailure) as caught:
        read("Ladies and gentlemen,\nGood afternoon.\n", "plain.txt")
    assert str(caught.value) == "plain.txt: no known format recognises this file; try --format"


# --- the sample's tricky lines ---------------------------------------------------------------


@cache
def sample_draft() -> Draft:
    return parse(SAMPLE_TEXT, str(SAMPLE_RAW))


LAVROV, KISHIDA = "Sergey Lavrov", "Fumio Kishida"
ADDS = "Sergey Lavrov (adds to Fumio Kishida’s answer)"


def owner(number: int) -> DraftTurn:
    """The one turn that holds the text of source line ``number`` (1-based)."""
    line = SAMPLE_LINES[number - 1]
    found = [t for t in sample_draft().turns if any(line.endswith(p) for p in t.paragraphs)]
    assert len(found) == 1, f"line {number} is in {len(found)} turns"
    return found[0]


@pytest.mark.parametrize(
    ("number", "kind", "name", "label", "note", "to", "starts_at"),
    [
        # unlabelled opening remarks are the principal's statement
        (2, "statement", LAVROV, None, None, [], 2),
        (3, "statement", LAVROV, None, None, [], 2),
        # "...another topical issue: the situation..." is a sentence, not a label
        (10, "statement", LAVROV, None, None, [], 2),
        (12, "statement", LAVROV, None, None, [], 2),
        (13, "question", None, "Question (to both ministers)", None, [LAVROV, KISHIDA], 13),
        (14, "answer", LAVROV, "Sergey Lavrov", None, [], 14),
        # a question whose text holds a colon of its own
        (15, "question", None, "Question (to both ministers)", None, [LAVROV, KISHIDA], 15),
        (16, "answer", LAVROV, "Sergey Lavrov", None, [], 16),
        # an unlabelled paragraph continues the turn before it
        (17, "answer", LAVROV, "Sergey Lavrov", None, [], 16),
        (18, "question", None, "Question", None, [], 18),
        (19, "answer", LAVROV, "Sergey Lavrov", None, [], 19),
        (20, "answer", LAVROV, "Sergey Lavrov", None, [], 19),
        (21, "answer", LAVROV, ADDS, "adds to Fumio Kishida’s answer", [], 21),
    ],
)
def test_sample_line(
    number: int, kind: str, name: str | None, label: str | None, note: str | None,
    to: list[str], starts_at: int,
) -> None:
    turn = owner(number)
    assert (turn.kind, turn.name, turn.label, turn.note, turn.to) == (kind, name, label, note, to)
    assert turn.line == starts_at
    line = SAMPLE_LINES[number - 1]
    paragraph = line if label is None or number != starts_at else line[len(label) + 2:]
    assert paragraph in turn.paragraphs


def test_sample_turns_in_order_with_omissions() -> None:
    assert [(t.kind, t.name, t.line, len(t.paragraphs)) for t in sample_draft().turns] == [
        ("statement", LAVROV, 2, 11),
        ("question", None, 13, 1),
        ("answer", LAVROV, 14, 1),
        ("omitted", KISHIDA, 0, 0),  # the question was to both ministers
        ("question", None, 15, 1),
        ("answer", LAVROV, 16, 2),
        ("omitted", KISHIDA, 0, 0),  # the question was to both ministers
        ("question", None, 18, 1),
        ("answer", LAVROV, 19, 2),
        ("omitted", KISHIDA, 0, 0),  # Lavrov adds to Kishida's answer, which is not printed
        ("answer", LAVROV, 21, 1),
    ]
    for turn in sample_draft().turns:
        if turn.kind == "omitted":
            assert (turn.label, turn.note, turn.to) == (None, OMITTED, [])


# --- synthetic turn sequences ----------------------------------------------------------------


def omitted(name: str) -> tuple:
    return ("omitted", name, None, OMITTED, [], [])


SEQUENCES = [
    (
        "opening remarks belong to the principal",
        "Good afternoon.\nWe met today.",
        [("statement", "Ivan Testov", None, None, [], ["Good afternoon.", "We met today."])],
    ),
    (
        "colons inside sentences are not labels",
        "We discussed another topical issue: the situation in the region.\n"
        "Firstly: we agreed to meet again.\n"
        "As agreed in Fictown: talks will continue.\n"
        "The talks began at 10:30 sharp.",
        [("statement", "Ivan Testov", None, None, [], [
            "We discussed another topical issue: the situation in the region.",
            "Firstly: we agreed to meet again.",
            "As agreed in Fictown: talks will continue.",
            "The talks began at 10:30 sharp.",
        ])],
    ),
    (
        "a named turn before any question is a statement",
        "Ivan Testov: Good afternoon.\nThank you.",
        [("statement", "Ivan Testov", "Ivan Testov", None, [], ["Good afternoon.", "Thank you."])],
    ),
    (
        "a question to both ministers, answered by the principal only",
        "Hello.\nQuestion (to both ministers): Will you meet again?\nIvan Testov: Yes, we will.",
        [
            ("statement", "Ivan Testov", None, None, [], ["Hello."]),
            ("question", None, "Question (to both ministers)", None, BOTH,
             ["Will you meet again?"]),
            ("answer", "Ivan Testov", "Ivan Testov", None, [], ["Yes, we will."]),
            omitted("Rufus Firefly"),
        ],
    ),
    (
        "an unaddressed question",
        "Hello.\nQuestion: What about trade?\nIvan Testov: It grows.\nIt will grow further.",
        [
            ("statement", "Ivan Testov", None, None, [], ["Hello."]),
            ("question", None, "Question", None, [], ["What about trade?"]),
            ("answer", "Ivan Testov", "Ivan Testov", None, [],
             ["It grows.", "It will grow further."]),
        ],
    ),
    (
        "an answer that adds to the counterpart's unpublished answer",
        "Hello.\nQuestion: What about trade?\nIvan Testov: It grows.\n"
        "Ivan Testov (adds to Rufus Firefly’s answer): One more thing.",
        [
            ("statement", "Ivan Testov", None, None, [], ["Hello."]),
            ("question", None, "Question", None, [], ["What about trade?"]),
            ("answer", "Ivan Testov", "Ivan Testov", None, [], ["It grows."]),
            omitted("Rufus Firefly"),
            ("answer", "Ivan Testov", "Ivan Testov (adds to Rufus Firefly’s answer)",
             "adds to Rufus Firefly’s answer", [], ["One more thing."]),
        ],
    ),
    (
        "a question to the counterpart, added to by the principal: one omission only",
        "Hello.\nQuestion (to Rufus Firefly): Is it true?\n"
        "Ivan Testov (adds to Rufus Firefly's answer): Yes.",
        [
            ("statement", "Ivan Testov", None, None, [], ["Hello."]),
            ("question", None, "Question (to Rufus Firefly)", None, ["Rufus Firefly"],
             ["Is it true?"]),
            omitted("Rufus Firefly"),
            ("answer", "Ivan Testov", "Ivan Testov (adds to Rufus Firefly's answer)",
             "adds to Rufus Firefly's answer", [], ["Yes."]),
        ],
    ),
    (
        "an unanswered question to both: both omitted before the next question",
        "Hello.\nQuestion (to both ministers): First?\nQuestion: Second?\nIvan Testov: Both.",
        [
            ("statement", "Ivan Testov", None, None, [], ["Hello."]),
            ("question", None, "Question (to both ministers)", None, BOTH, ["First?"]),
            omitted("Ivan Testov"),
            omitted("Rufus Firefly"),
            ("question", None, "Question", None, [], ["Second?"]),
            ("answer", "Ivan Testov", "Ivan Testov", None, [], ["Both."]),
        ],
    ),
    (
        "blank lines and separators are not paragraphs",
        "Hello.\n\n   \n* * *\nQuestion: Why?\n\nIvan Testov: Because.\n***\n",
        [
            ("statement", "Ivan Testov", None, None, [], ["Hello."]),
            ("question", None, "Question", None, [], ["Why?"]),
            ("answer", "Ivan Testov", "Ivan Testov", None, [], ["Because."]),
        ],
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"), [case[1:] for case in SEQUENCES], ids=[case[0] for case in SEQUENCES]
)
def test_synthetic_turns(body: str, expected: list[tuple]) -> None:
    draft = parse(f"{TITLE}\n{body}\n")
    assert [summary(turn) for turn in draft.turns] == expected


# --- fidelity: no word lost or added ---------------------------------------------------------


def source_words(text: str, labels: set[str]) -> Counter[str]:
    """Words of the source, with the colon after each label removed."""
    words: Counter[str] = Counter()
    for line in text.splitlines():
        for label in labels:
            if line.startswith(label + ":"):
                line = label + line[len(label) + 1:]
                break
        words.update(line.split())
    return words


def draft_words(draft: Draft) -> Counter[str]:
    """Words of the draft: title, labels and paragraphs."""
    words = Counter(draft.title.split())
    for turn in draft.turns:
        words.update((turn.label or "").split())
        for paragraph in turn.paragraphs:
            words.update(paragraph.split())
    return words


SYNTHETIC_SOURCE = (
    f"{TITLE}\nHello: welcome.\nWe agreed on one thing: more tests.\n"
    "Question (to both ministers): First?\nIvan Testov: Yes.\nAnd no.\n"
    "Question: Second?\nIvan Testov (adds to Rufus Firefly’s answer): Indeed.\n"
)


@pytest.mark.parametrize("text", [SAMPLE_TEXT, SYNTHETIC_SOURCE], ids=["sample", "synthetic"])
def test_every_word_of_the_source_is_in_the_draft_exactly_once(text: str) -> None:
    draft = parse(text)
    labels = {turn.label for turn in draft.turns if turn.label}
    expected, actual = source_words(text, labels), draft_words(draft)
    assert actual - expected == Counter(), "words added"
    assert expected - actual == Counter(), "words lost"
    assert actual == expected


# --- importing into a content folder ---------------------------------------------------------

TARGET = Path("transcripts") / f"{SAMPLE_ID}.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A content folder holding only the sample's speaker registry."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(CONTENT / "speakers.yaml", content / "speakers.yaml")
    return content


def test_import_reproduces_the_sample_yaml(folder: Path) -> None:
    registry = (folder / "speakers.yaml").read_bytes()
    report = import_files([SAMPLE_RAW], folder)
    assert report.written == [str(folder / TARGET)]
    assert (report.unchanged, report.kept, report.new_speakers, report.failures) == (
        [], [], [], []
    )
    assert (folder / TARGET).read_bytes() == SAMPLE_YAML.read_bytes()
    assert (folder / "raw" / SAMPLE_RAW.name).read_bytes() == SAMPLE_RAW.read_bytes()
    assert (folder / "speakers.yaml").read_bytes() == registry


def test_reimport_is_byte_identical_and_unchanged(folder: Path) -> None:
    import_files([SAMPLE_RAW], folder)
    first = (folder / TARGET).read_bytes()
    report = import_files([SAMPLE_RAW], folder)
    assert (report.written, report.unchanged, report.kept) == ([], [str(folder / TARGET)], [])
    assert (folder / TARGET).read_bytes() == first


def test_hand_edited_transcript_is_kept_unless_forced(folder: Path) -> None:
    import_files([SAMPLE_RAW], folder)
    target = folder / TARGET
    edited = target.read_text("utf-8").replace("place: Tokyo", "place: Tokyo, Japan")
    assert edited != target.read_text("utf-8")
    target.write_text(edited, "utf-8")

    report = import_files([SAMPLE_RAW], folder)
    assert (report.written, report.unchanged, report.kept) == ([], [], [str(target)])
    assert target.read_text("utf-8") == edited

    report = import_files([SAMPLE_RAW], folder, force=True)
    assert (report.written, report.unchanged, report.kept) == ([str(target)], [], [])
    assert target.read_bytes() == SAMPLE_YAML.read_bytes()


@pytest.mark.parametrize(
    "registry", [None, "speakers: []\n"], ids=["no registry file", "empty registry"]
)
def test_import_with_an_empty_registry_adds_both_speakers_unreviewed(
    tmp_path: Path, registry: str | None
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    if registry is not None:
        (content / "speakers.yaml").write_text(registry, "utf-8")
    (content / "topics.yaml").write_text("topics: []\n", "utf-8")

    report = import_files([SAMPLE_RAW], content)
    expected = [
        Speaker("sergey-lavrov", "Sergey Lavrov", ("Sergey Lavrov",), (), "Russia", False),
        Speaker("fumio-kishida", "Fumio Kishida", ("Fumio Kishida",), (), "Japan", False),
    ]
    assert report.new_speakers == expected
    assert report.failures == []
    # The new ids are the slugs the sample registry uses, so the transcript is the same.
    assert (content / TARGET).read_bytes() == SAMPLE_YAML.read_bytes()

    archive = load(content)
    assert list(archive.speakers.values()) == expected
    assert [t.id for t in archive.transcripts] == [SAMPLE_ID]

    again = import_files([SAMPLE_RAW], content)
    assert (again.new_speakers, again.unchanged) == ([], [str(content / TARGET)])


@pytest.mark.parametrize(
    "title",
    ["Ladies and gentlemen,", "Foreign Minister Ivan Testov’s remarks, Fictown, February 30, 2019"],
    ids=["no title", "February 30"],
)
def test_a_file_that_fails_does_not_stop_the_others(folder: Path, title: str) -> None:
    bad = folder.parent / "bad.txt"
    bad.write_text(f"{title}\nHello.\n", "utf-8")
    report = import_files([bad, SAMPLE_RAW], folder, format="mfa")
    assert [(f.problem.file, f.problem.line) for f in report.failures] == [(str(bad), 1)]
    assert report.written == [str(folder / TARGET)]


def test_cli_import(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SAMPLE_RAW), "--content", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[-1].startswith("imported: 1 transcripts")
    assert lines == [
        f"wrote {folder / TARGET}",
        "imported: 1 transcripts, 0 new speakers, 0 kept, 0 failed",
    ]
    assert (folder / TARGET).read_bytes() == SAMPLE_YAML.read_bytes()
