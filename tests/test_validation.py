"""Validation on load: every problem of every file, located and worded exactly.

Each case starts from a valid, synthetic content folder (made-up people and topics) and
replaces one file. Expected problems are written as ``Problem.__str__`` prints them,
relative to the content folder: ``"{file}:{line}: {field}: {message}"``.
"""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from generator import validate
from generator.cli import main
from generator.errors import ContentError, Problem
from generator.load import load

SPEAKERS = """\
speakers:
  - id: ivan-testov
    name: Ivan Testov
    variants:
      - Ivan Testov
    country: Testland
    roles:
      - title: Minister of Tests
        from: 2010-01-01
        to: 2020-12-31
  - id: rufus-firefly
    name: Rufus Firefly
    country: Freedonia
"""
# line 10 is the `to:` of Ivan Testov's role; line 11 is the second speaker's id

TOPICS = """\
topics:
  - id: testing
    title: Testing
    kind: issue
    description: Checking that things work.
    patterns:
      - tests
  - id: unit-tests
    title: Unit tests
    kind: issue
    parent: testing
    description: Small tests.
"""
# line 7 is the first topic's only pattern, line 8 the second topic's id, line 11 its parent

TID = "2019-03-03-testov-firefly-fictown"
T = f"transcripts/{TID}.yaml"
TRANSCRIPT = f"""\
id: {TID}
title: Made-up news conference
date: 2019-03-03
place: Fictown
event: news-conference
source:
  publisher: Ministry of Tests
participants:
  - speaker: ivan-testov
  - speaker: rufus-firefly
turns:
  - speaker: ivan-testov
    kind: statement
    paragraphs:
      - Good afternoon.
  - speaker: null
    label: Question (to both ministers)
    kind: question
    to:
      - ivan-testov
      - rufus-firefly
    paragraphs:
      - Is this a test?
  - speaker: ivan-testov
    kind: answer
    paragraphs:
      - It is.
  - speaker: rufus-firefly
    kind: omitted
"""
# turns[0] starts on line 12, turns[1] on 16 (its `to` on 19-21), turns[2] on 24
# (kind on 25, paragraphs on 26), turns[3] on 28; the last line is 29.

VALID = {"speakers.yaml": SPEAKERS, "topics.yaml": TOPICS, T: TRANSCRIPT}


def edit(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` (which must occur exactly once) replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)


def make_content(root: Path, changes: dict[str, str | bytes | None]) -> Path:
    """The valid synthetic folder under ``root`` with ``changes`` applied (None deletes)."""
    content = root / "content"
    (content / "transcripts").mkdir(parents=True)
    for name, data in {**VALID, **changes}.items():
        if data is not None:
            (content / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return content


_PROBLEM = re.compile(
    r"^(?P<file>[^:]+?)(?::(?P<line>\d+))?: (?:(?P<field>[\w.\[\]-]+): )?(?P<message>.+)$", re.S
)


def expected_problem(content: Path, text: str) -> Problem:
    """Read an expected problem string back into the ``Problem`` it describes."""
    match = _PROBLEM.match(text)
    assert match, text
    line = int(match["line"]) if match["line"] else None
    return Problem(str(content / match["file"]), line, match["field"], match["message"])


def assert_problems(content: Path, error: ContentError, expected: list[str]) -> None:
    """``error`` lists exactly ``expected`` (relative to ``content``), as data and as text."""
    prefix = f"{content}/"
    assert [str(p).removeprefix(prefix) for p in error.problems] == expected
    assert error.problems == [expected_problem(content, text) for text in expected]
    count = len(expected)
    header = f"{count} problem{'s' if count != 1 else ''} in the content:"
    assert str(error) == "\n".join([header, *(f"  {prefix}{text}" for text in expected)])


CASES = [
    (
        "duplicate key",
        T, edit(TRANSCRIPT, "place: Fictown\n", "place: Fictown\nplace: Elsewhere\n"),
        [f"{T}:5: place: duplicate key"],
    ),
    (
        "malformed YAML",
        T, edit(TRANSCRIPT, "place: Fictown", "place: Fictown: Centre"),
        [f"{T}:4: invalid YAML: mapping values are not allowed here"],
    ),
    (
        "unclosed flow list",
        "topics.yaml", edit(TOPICS, "      - tests", "      - [tests"),
        ["topics.yaml:8: invalid YAML: expected ',' or ']', but got ':'"],
    ),
    (
        "wrong type",
        T, edit(TRANSCRIPT, "date: 2019-03-03", "date: 12"),
        [f"{T}:3: date: expected a string; found a number"],
    ),
    (
        "wrong type: list instead of text",
        T, edit(TRANSCRIPT, "      - It is.", "      - [It, is]"),
        [f"{T}:27: turns[2].paragraphs[0]: expected a string or a mapping; found a list"],
    ),
    (
        "wrong type: the whole file is a list",
        "speakers.yaml", "- ivan-testov\n- rufus-firefly\n",
        ["speakers.yaml:1: expected a mapping; found a list"],
    ),
    (
        "unknown field",
        T, edit(TRANSCRIPT, "    kind: answer\n", "    kind: answer\n    mood: calm\n"),
        [f"{T}:26: turns[2].mood: unknown field "
         "(expected one of: kind, label, note, paragraphs, speaker, to)"],
    ),
    (
        "unknown top-level field",
        "topics.yaml", TOPICS + "colour: blue\n",
        ["topics.yaml:13: colour: unknown field (expected one of: topics)"],
    ),
    (
        "missing required field",
        T, edit(TRANSCRIPT, "event: news-conference\n", ""),
        [f"{T}:1: event: missing required field"],
    ),
    (
        "missing required field in a list item",
        T, edit(TRANSCRIPT, "  - speaker: ivan-testov\n    kind: answer", "  - kind: answer"),
        [f"{T}:24: turns[2].speaker: missing required field"],
    ),
    (
        "missing required field of a topic",
        "topics.yaml", edit(TOPICS, "    description: Small tests.\n", ""),
        ["topics.yaml:8: topics[1].description: missing required field"],
    ),
    (
        "unknown turn kind",
        T, edit(TRANSCRIPT, "kind: answer", "kind: reply"),
        [f'{T}:25: turns[2].kind: expected one of: '
         f'statement, question, answer, remark, note, omitted; found "reply"'],
    ),
    (
        "unknown event kind",
        T, edit(TRANSCRIPT, "event: news-conference", "event: press-conference"),
        [f'{T}:5: event: expected one of: news-conference, joint-news-conference, '
         'press-briefing, press-gaggle, background-call, interview, debate, speech, remarks, '
         'statement, other; found "press-conference"'],
    ),
    (
        "impossible date",
        T, edit(TRANSCRIPT, "date: 2019-03-03", "date: 2016-02-30"),
        [f'{T}:3: date: expected a real date as YYYY-MM-DD; found "2016-02-30"'],
    ),
    (
        "impossible role date",
        "speakers.yaml", edit(SPEAKERS, "from: 2010-01-01", "from: 2010-13-01"),
        ['speakers.yaml:9: speakers[0].roles[0].from: '
         'expected a real date as YYYY-MM-DD; found "2010-13-01"'],
    ),
    (
        "id that is not a slug",
        "topics.yaml", edit(TOPICS, "id: unit-tests", "id: Unit_Tests"),
        ['topics.yaml:8: topics[1].id: expected text matching ^[a-z0-9]+(-[a-z0-9]+)*$; '
         'found "Unit_Tests"'],
    ),
    (
        "empty name",
        "speakers.yaml", edit(SPEAKERS, "name: Rufus Firefly", 'name: ""'),
        ["speakers.yaml:12: speakers[1].name: must not be empty"],
    ),
    (
        "unknown speaker id in a turn",
        T, edit(TRANSCRIPT, "  - speaker: ivan-testov\n    kind: answer",
                "  - speaker: ivan-testow\n    kind: answer"),
        [f"{T}:24: turns[2].speaker: unknown speaker id 'ivan-testow'"],
    ),
    (
        "unknown speaker id in `to`",
        T,
        edit(TRANSCRIPT, "      - rufus-firefly\n    para", "      - groucho\n    para"),
        [f"{T}:21: turns[1].to[1]: unknown speaker id 'groucho'"],
    ),
    (
        "unknown speaker id of a participant",
        T, edit(TRANSCRIPT, "  - speaker: rufus-firefly\nturns", "  - speaker: rufus\nturns"),
        [f"{T}:10: participants[1].speaker: unknown speaker id 'rufus'"],
    ),
    (
        "unknown topic parent",
        "topics.yaml", edit(TOPICS, "parent: testing", "parent: testin"),
        ["topics.yaml:11: topics[1].parent: unknown topic id 'testin'"],
    ),
    (
        "topic parent cycle",
        "topics.yaml",
        edit(TOPICS, "    kind: issue\n    description: Checking",
             "    kind: issue\n    parent: unit-tests\n    description: Checking"),
        ["topics.yaml:5: topics[0].parent: parent cycle through 'testing'",
         "topics.yaml:12: topics[1].parent: parent cycle through 'unit-tests'"],
    ),
    (
        "topic that is its own parent",
        "topics.yaml", edit(TOPICS, "parent: testing", "parent: unit-tests"),
        ["topics.yaml:11: topics[1].parent: parent cycle through 'unit-tests'"],
    ),
    (
        "invalid regular expression",
        "topics.yaml", edit(TOPICS, "      - tests\n", "      - tests\n      - /(/\n"),
        ["topics.yaml:8: topics[0].patterns[1]: invalid regular expression '/(/': "
         "missing ), unterminated subpattern at position 0"],
    ),
    (
        "invalid regular expression in exclude",
        "topics.yaml", TOPICS + "    exclude:\n      - /[z-a]/\n",
        ["topics.yaml:14: topics[1].exclude[0]: invalid regular expression '/[z-a]/': "
         "bad character range z-a at position 1"],
    ),
    (
        "duplicate speaker id",
        "speakers.yaml", edit(SPEAKERS, "id: rufus-firefly", "id: ivan-testov"),
        ["speakers.yaml:11: speakers[1].id: duplicate speaker id 'ivan-testov'"],
    ),
    (
        "duplicate topic id",
        "topics.yaml",
        edit(edit(TOPICS, "id: unit-tests", "id: testing"), "    parent: testing\n", ""),
        ["topics.yaml:8: topics[1].id: duplicate topic id 'testing'"],
    ),
    (
        "id not matching the file name",
        T, edit(TRANSCRIPT, f"id: {TID}", "id: 2019-03-03-something-else"),
        [f"{T}:1: id: must match the file name: expected '{TID}'"],
    ),
    (
        "omitted turn with paragraphs",
        T, TRANSCRIPT + "    paragraphs:\n      - Words.\n",
        [f"{T}:30: turns[3].paragraphs: an omitted turn has no paragraphs"],
    ),
    (
        "answer turn without paragraphs",
        T, edit(TRANSCRIPT, "    paragraphs:\n      - It is.\n", ""),
        [f"{T}:24: turns[2].paragraphs: expected at least one paragraph"],
    ),
    (
        "answer turn with an empty list of paragraphs",
        T, edit(TRANSCRIPT, "    paragraphs:\n      - It is.\n", "    paragraphs: []\n"),
        [f"{T}:26: turns[2].paragraphs: expected at least one paragraph"],
    ),
    (
        "no turns",
        T, TRANSCRIPT[: TRANSCRIPT.index("turns:")] + "turns: []\n",
        [f"{T}:11: turns: must not be empty"],
    ),
    ("empty file", T, "", [f"{T}: empty file"]),
    ("blank file", "speakers.yaml", "\n   \n\n", ["speakers.yaml: empty file"]),
    (
        "comments only",
        "topics.yaml", "# nothing yet\n",
        ["topics.yaml: expected a mapping; found nothing (null)"],
    ),
    (
        "non-UTF-8 bytes",
        T, edit(TRANSCRIPT, "Good afternoon.", "Good aftern\xf6on.").encode("latin-1"),
        [f"{T}:15: not UTF-8 text (byte 0xf6)"],
    ),
    (
        "NUL bytes",
        T, edit(TRANSCRIPT, "It is.", "It\0 is.").encode("utf-8"),
        [f"{T}: not a text file (contains NUL bytes)"],
    ),
    (
        "role ending before it starts",
        "speakers.yaml", edit(SPEAKERS, "to: 2020-12-31", "to: 2009-12-31"),
        ["speakers.yaml:10: speakers[0].roles[0].to: "
         "role ends (2009-12-31) before it starts (2010-01-01)"],
    ),
    (
        "missing topics file",
        "topics.yaml", None,
        ["topics.yaml: cannot read file: No such file or directory"],
    ),
    # The catalogue of hostile input: each breaks nothing and gets one located message.
    (
        # Far beyond any spoken paragraph (the corpus's longest is ~1,400 characters): an
        # import that put a whole document in one paragraph. It would go unreduced into the
        # page, every feed and CSV, and the search index a browser downloads whole.
        "5 MB paragraph",
        T, edit(TRANSCRIPT, "      - It is.", "      - " + "words " * 873_813 + "end"),
        [f"{T}:27: turns[2].paragraphs[0]: must be at most 50,000 characters long; "
         "found 5,242,881"],
    ),
    (
        "path as transcript id",
        T, edit(TRANSCRIPT, f"id: {TID}", "id: ../../x"),
        [f'{T}:1: id: expected text matching ^[a-z0-9]+(-[a-z0-9]+)*$; found "../../x"'],
    ),
    (
        "path as speaker id",
        "speakers.yaml", edit(SPEAKERS, "id: rufus-firefly", "id: ../../x"),
        ['speakers.yaml:11: speakers[1].id: expected text matching ^[a-z0-9]+(-[a-z0-9]+)*$; '
         'found "../../x"'],
    ),
    (
        "path as topic id",
        "topics.yaml", edit(TOPICS, "id: unit-tests", "id: ../../x"),
        ['topics.yaml:8: topics[1].id: expected text matching ^[a-z0-9]+(-[a-z0-9]+)*$; '
         'found "../../x"'],
    ),
    (
        "path as speaker reference",
        T, edit(TRANSCRIPT, "  - speaker: ivan-testov\n    kind: answer",
                "  - speaker: ../../x\n    kind: answer"),
        [f"{T}:24: turns[2].speaker: unknown speaker id '../../x'"],
    ),
    (
        "path as paragraph id",
        T, edit(TRANSCRIPT, "      - It is.", "      - {id: ../../x, text: It is.}"),
        [f'{T}:27: turns[2].paragraphs[0].id: expected text matching ^p[1-9][0-9]{{0,5}}$; '
         'found "../../x"'],
    ),
    (
        # Before: /etc/hostname was copied into the generated docs as data/raw/hostname.
        "raw file outside the content folder",
        T, edit(TRANSCRIPT, "  publisher: Ministry of Tests",
                "  publisher: Ministry of Tests\n  file: raw/../../../../etc/hostname"),
        [f"{T}:8: source.file: expected text matching ^raw/[^/\\\\.][^/\\\\]*$; "
         'found "raw/../../../../etc/hostname"'],
    ),
    (
        "unknown topic id in a paragraph",
        T, edit(TRANSCRIPT, "      - It is.",
                "      - text: It is.\n        topics: {add: [testing, tsting], remove: [unit]}"),
        [f"{T}:28: turns[2].paragraphs[0].topics.add[1]: unknown topic id 'tsting'",
         f"{T}:28: turns[2].paragraphs[0].topics.remove[0]: unknown topic id 'unit'"],
    ),
    (
        "duplicate paragraph id",
        T, edit(TRANSCRIPT, "      - It is.", "      - {id: p1, text: It is.}"),
        [f"{T}:27: turns[2].paragraphs[0].id: duplicate paragraph id 'p1' "
         "(also turns[0].paragraphs[0]); give this paragraph another id"],
    ),
    (
        "duplicate paragraph id by numbering on",
        T, edit(edit(TRANSCRIPT, "      - Good afternoon.",
                     "      - {id: p2, text: Good afternoon.}"),
                "      - Is this a test?", "      - id: p1\n        text: Is this a test?"),
        [f"{T}:28: turns[2].paragraphs[0]: duplicate paragraph id 'p2' "
         "(also turns[0].paragraphs[0].id); give this paragraph another id"],
    ),
    (
        # Before: 95 seconds of walking 9^7 copies of one list, then wrong messages.
        "YAML aliases (billion laughs)",
        T, "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
                  for p, n in zip("abcdef", "bcdefg", strict=True)),
        [f"{T}:2: invalid YAML: aliases (*a) are not allowed"],
    ),
    (
        # Before: RecursionError, with a traceback.
        "nesting 5,000 lists deep",
        T, "turns: " + "[" * 5000 + "]" * 5000 + "\n",
        [f"{T}: invalid YAML: nested too deeply"],
    ),
    (
        # Before: ReaderError, with a traceback.
        "raw control character",
        T, edit(TRANSCRIPT, "It is.", "It\x1b[31m is."),
        [f"{T}:27: invalid YAML: the character U+001B is not allowed"],
    ),
    (
        # Before: the feeds' XML writer crashed with a traceback.
        "escaped control character",
        T, edit(TRANSCRIPT, "      - It is.", '      - "It\\a is."'),
        [f"{T}:27: turns[2].paragraphs[0]: U+0007 at position 3 is a control character; "
         "a page cannot show it, remove it"],
    ),
    (
        # A browser turns it into a line feed; YAML does the same to raw ones.
        "escaped carriage return",
        T, edit(TRANSCRIPT, "      - It is.", '      - "It is.\\r"'),
        [f"{T}:27: turns[2].paragraphs[0]: U+000D at position 7 is a control character; "
         "a page cannot show it, remove it"],
    ),
    (
        # Markdown strips a heading's white space: the page would have no title, or lose
        # a character (a trailing NEL cannot even be written as a reference in HTML).
        "title ending in white space",
        T, edit(TRANSCRIPT, "title: Made-up news conference", 'title: "Made-up\\N"'),
        [f"{T}:2: title: must not be blank, nor start or end with white space"],
    ),
    (
        # An empty-looking paragraph with an anchor: an import that split at the wrong place.
        "blank paragraph",
        T, edit(TRANSCRIPT, "      - It is.", '      - "\\t"'),
        [f"{T}:27: turns[2].paragraphs[0]: must not be blank"],
    ),
    (
        "escaped control character in a name",
        "speakers.yaml", edit(SPEAKERS, "name: Rufus Firefly", 'name: "Rufus\\0Firefly"'),
        ["speakers.yaml:12: speakers[1].name: U+0000 at position 6 is a control character; "
         "a page cannot show it, remove it"],
    ),
    (
        # Before: UnicodeEncodeError in the feeds, with a traceback.
        "lone surrogate",
        T, edit(TRANSCRIPT, "      - It is.", '      - "It \\ud800 is."'),
        [f"{T}:27: turns[2].paragraphs[0]: U+D800 at position 4 is a lone surrogate, "
         "not a character; a page cannot show it, remove it"],
    ),
    (
        "non-character",
        T, edit(TRANSCRIPT, "title: Made-up news conference", 'title: "Made-up \\uFFFE"'),
        [f"{T}:2: title: U+FFFE at position 9 is a non-character; "
         "a page cannot show it, remove it"],
    ),
    (
        "binary file",
        T, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        [f"{T}: not a text file (contains NUL bytes)"],
    ),
    (
        "binary file without NUL bytes",
        T, bytes(range(0x80, 0x100)),
        [f"{T}:1: not UTF-8 text (byte 0x80)"],
    ),
    (
        # Before: silently ignored, so the transcript vanished from the site.
        "transcript with the extension .yml",
        "transcripts/2019-03-04-testov.yml", TRANSCRIPT,
        ["transcripts/2019-03-04-testov.yml: not read: transcript files end in .yaml"],
    ),
    (
        "two YAML documents in one file",
        T, TRANSCRIPT + "---\nid: x\n",
        [f"{T}:30: invalid YAML: but found another document"],
    ),
    (
        "Python object tag",
        T, "!!python/object/apply:os.system [echo]\n",
        [f"{T}:1: invalid YAML: could not determine a constructor for the tag "
         "'tag:yaml.org,2002:python/object/apply:os.system'"],
    ),
]


@pytest.mark.parametrize(
    ("file", "text", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_one_broken_file(
    tmp_path: Path, file: str, text: str | bytes | None, expected: list[str]
) -> None:
    content = make_content(tmp_path, {file: text})
    with pytest.raises(ContentError) as caught:
        load(content)
    assert_problems(content, caught.value, expected)


def test_the_valid_folder_loads(tmp_path: Path) -> None:
    archive = load(make_content(tmp_path, {}))
    assert [t.id for t in archive.transcripts] == [TID]
    assert list(archive.speakers) == ["ivan-testov", "rufus-firefly"]
    assert list(archive.topics) == ["testing", "unit-tests"]
    turns = archive.transcripts[0].turns
    assert [(t.kind, t.speaker, t.to) for t in turns] == [
        ("statement", "ivan-testov", ()),
        ("question", None, ("ivan-testov", "rufus-firefly")),
        ("answer", "ivan-testov", ()),
        ("omitted", "rufus-firefly", ()),
    ]


OTHER = "transcripts/2019-03-04-testov-fictown.yaml"
SEVERAL = {
    "speakers.yaml": edit(SPEAKERS, "to: 2020-12-31", "to: 2009-12-31"),
    "topics.yaml": edit(TOPICS, "parent: testing", "parent: testin"),
    # jsonschema reports the unknown field (last line) before the wrong type (line 3)
    T: edit(TRANSCRIPT, "date: 2019-03-03", "date: 12") + "mood: calm\n",
    OTHER: b"id: 2019-03-04-testov-fictown\ntitle: Caf\xe9\n",
}
SEVERAL_EXPECTED = [
    "speakers.yaml:10: speakers[0].roles[0].to: "
    "role ends (2009-12-31) before it starts (2010-01-01)",
    "topics.yaml:11: topics[1].parent: unknown topic id 'testin'",
    f"{T}:3: date: expected a string; found a number",
    f"{T}:30: mood: unknown field "
    "(expected one of: date, event, former_ids, id, participants, place, "
    "retired_paragraph_ids, source, supersedes, time, title, turns)",
    f"{OTHER}:2: not UTF-8 text (byte 0xe9)",
]


def test_every_problem_of_every_file_is_reported_at_once_and_sorted(tmp_path: Path) -> None:
    content = make_content(tmp_path, SEVERAL)
    with pytest.raises(ContentError) as caught:
        load(content)
    assert_problems(content, caught.value, SEVERAL_EXPECTED)


def test_cli_check_lists_the_problems_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(tmp_path, SEVERAL)
    assert main(["check", "--content", str(content)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"Error: {len(SEVERAL_EXPECTED)} problems in the content:",
        *(f"  {content}/{text}" for text in SEVERAL_EXPECTED),
    ]


def catalogue() -> tuple[dict[str, str | bytes | None], list[str]]:
    """Every broken transcript of ``CASES`` side by side (each under its own id), with the
    taxonomy's invalid expression; returns the folder's changes and the expected problems."""
    changes: dict[str, str | bytes | None] = {}
    expected: list[str] = []
    for number, (name, file, text, messages) in enumerate(CASES):
        if name == "invalid regular expression":
            changes[file] = text
            expected += messages
        if not file.startswith("transcripts/") or text is None:
            continue
        tid = f"{TID}-{number}"
        if isinstance(text, bytes):
            text = text.replace(TID.encode(), tid.encode())
        else:
            text = text.replace(TID, tid)
        changes[file.replace(TID, tid)] = text
        expected += [message.replace(TID, tid) for message in messages]
    changes[T] = None
    return changes, expected


def test_cli_reports_the_whole_catalogue_in_one_run_and_builds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changes, expected = catalogue()
    assert len(expected) > 40
    content = make_content(tmp_path, changes)
    out = tmp_path / "site"
    assert main(["build", "--content", str(content), "--out", str(out)]) == 1
    problems = ContentError([expected_problem(content, text) for text in expected]).problems
    stdout, err = capsys.readouterr()
    assert stdout == ""
    assert err.splitlines() == [
        f"Error: {len(expected)} problems in the content:", *(f"  {p}" for p in problems)
    ]
    assert "Traceback" not in err
    assert not out.exists() and not (tmp_path / ".build").exists()


def test_cli_check_reports_a_single_problem_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(tmp_path, {T: ""})
    assert main(["check", "--content", str(content)]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"Error: 1 problem in the content:\n  {content}/{T}: empty file\n")


def test_cli_check_accepts_a_valid_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(tmp_path, {})
    assert main(["check", "--content", str(content)]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("ok: 1 transcripts, 3 paragraphs, 2 speakers, 2 topics\n", "")


def test_cli_check_of_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert main(["check", "--content", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"Error: 1 problem in the content:\n  {missing}: content folder not found\n"


def _nodes(node):  # type: ignore[no-untyped-def]
    """Every mapping of a JSON Schema."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


_PATTERNS = sorted({node["pattern"] for name in
                    ("transcript.schema.json", "speakers.schema.json", "topics.schema.json")
                    for node in _nodes(validate.schema(name)) if "pattern" in node})


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "ap1-9:0. /\\\\raw\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2028\u3000\ufeff\u180eZé"),
    max_size=12), st.sampled_from(_PATTERNS))
def test_fast_validator_never_accepts_what_jsonschema_refuses(text: str, pattern: str) -> None:
    """The compiled check (jsonschema-rs) decides alone only when it accepts: it must then
    agree with jsonschema, whose patterns run with Python's ``re``."""
    schema = {"type": "string", "pattern": pattern}
    fast = jsonschema_rs.validator_for(validate._python_spaces(schema))
    if fast.is_valid(text):
        assert Draft202012Validator(schema).is_valid(text)
