"""The White House importer: real press conferences for speakers, synthetic text for shape.

Synthetic text uses made-up people only (Rufus Firefly, Alma Madeup).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, CORPUS, read

from generator.cli import main
from generator.errors import ImportFailure
from generator.importing import import_files

CONFERENCES = CORPUS / "whitehouse" / "press-conferences"
KISHIDA_2022 = CONFERENCES / (
    "2022-05-23-remarks-by-president-biden-and-prime-minister-fumio-kishida-of-japan-"
    "in-joint-press-conference.md"
)
DUDA = ("remarks-by-vice-president-harris-and-president-andrzej-duda-of-poland-"
        "in-joint-press-conference")

# Trailing double spaces and lines of spaces are how the real pages look.
HEAD = (
    "---\n"
    "date: '2019-03-03'\n"
    "source_url: https://www.whitehouse.gov/briefing-room/press-briefings/2019/03/03/"
    "press-briefing-by-press-secretary-alma-madeup/\n"
    'title: "Press Briefing by Press\\_Secretary Alma Madeup and Rufus\\\n'
    '  \\ Firefly"\n'
    "---\n \nJames S. Brady Press Briefing Room  \n\n1:02 P.M. EST  \n  \n"
)


def parse(body: str):
    format, draft = read(HEAD + body, "synthetic.md")
    assert format == "whitehouse"
    return draft


def test_front_matter_place_and_time() -> None:
    draft = parse("MS. MADEUP:\u00a0 Good afternoon.\n")
    assert draft.title == "Press Briefing by Press Secretary Alma Madeup and Rufus Firefly"
    assert (draft.date, draft.place, draft.time) == (
        "2019-03-03", "James S. Brady Press Briefing Room", "1:02 P.M. EST")
    assert draft.event == "press-briefing"
    assert draft.id == "2019-03-03-press-briefing-by-press-secretary-alma-madeup"


TURNS = [
    (
        "hard-wrapped lines join, Q with no-break spaces, names from the title",
        "MS. MADEUP:\u00a0 Good afternoon.\u00a0 We have\nnews today.  \n  \n"
        "Q\u00a0\u00a0\u00a0 Thank\nyou.  \n  \n   MR. FIREFLY:  Sure.\n",
        [("statement", "Alma Madeup", "MS. MADEUP", ["Good afternoon. We have news today."]),
         ("question", None, "Q", ["Thank you."]),
         ("answer", "Rufus Firefly", "MR. FIREFLY", ["Sure."])],
    ),
    (
        "notes alone are note turns; inline notes stay; END is a note",
        "MS. MADEUP: Hello. (Laughter.) Yes.\n\n(Cross-talk.)\n\nMore.\n\n"
        "END\u00a0\u00a0 1:30 P.M. EST\n",
        [("statement", "Alma Madeup", "MS. MADEUP", ["Hello. (Laughter.) Yes."]),
         ("note", None, None, ["(Cross-talk.)"]),
         ("statement", "Alma Madeup", None, ["More."]),
         ("note", None, None, ["END 1:30 P.M. EST"])],
    ),
    (
        "markup is stripped, escaped characters kept, link text kept",
        "MS. MADEUP: It is **very** *clear*: \\[inaudible\\] see [the page](https://x.test/a)"
        " and note \\*6.\n",
        [("statement", "Alma Madeup", "MS. MADEUP",
          ["It is very clear: [inaudible] see the page and note *6."])],
    ),
    (
        "a label alone on its line, text on the next",
        "MS. MADEUP:\nHello there.\n\nQ Why?\n\nMS. MADEUP: Because.\n",
        [("statement", "Alma Madeup", "MS. MADEUP", ["Hello there."]),
         ("question", None, "Q", ["Why?"]),
         ("answer", "Alma Madeup", "MS. MADEUP", ["Because."])],
    ),
    (
        "anonymous officials are roles; THE PRESIDENT is the president of the day",
        "SENIOR ADMINISTRATION OFFICIAL: Hi.\n\nTHE PRESIDENT: Thank you.\n",
        [("statement", "Senior administration official", "SENIOR ADMINISTRATION OFFICIAL",
          ["Hi."]),
         ("statement", "Donald Trump", "THE PRESIDENT", ["Thank you."])],
    ),
    (
        "no labels at all: one statement by whoever the title names",
        "Good afternoon.\n\nThank you all.\n",
        [("statement", "Alma Madeup", None, ["Good afternoon.", "Thank you all."])],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in TURNS], ids=[c[0] for c in TURNS])
def test_synthetic_turns(body: str, expected: list[tuple]) -> None:
    draft = parse(body)
    assert [(t.kind, t.name, t.label, t.paragraphs) for t in draft.turns] == expected
    official = draft.people.get("Senior administration official")
    assert official is None or official.kind == "role"


def test_a_page_with_no_text_is_an_error() -> None:
    with pytest.raises(ImportFailure) as caught:
        read(HEAD, "empty.md", "whitehouse")
    assert "no transcript text after the front matter" in str(caught.value)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(CONTENT / "speakers.yaml", content / "speakers.yaml")
    return content


@pytest.mark.corpus
def test_speakers_of_a_real_joint_press_conference(folder: Path) -> None:
    report = import_files([KISHIDA_2022], folder)
    assert report.failures == []
    [target] = report.written
    data = yaml.safe_load(Path(target).read_text("utf-8"))
    speakers = {(t.get("label"), t["speaker"]) for t in data["turns"]}
    assert ("PRESIDENT BIDEN", "joe-biden") in speakers  # the office table knows his name
    assert ("PRIME MINISTER KISHIDA", "fumio-kishida") in speakers  # the registry's variant
    assert all(t["speaker"] is None and t["kind"] == "question"
               for t in data["turns"] if t.get("label") == "Q")
    assert data["time"] == "2:16 P.M. JST"
    registry = yaml.safe_load((folder / "speakers.yaml").read_text("utf-8"))["speakers"]
    [biden] = [s for s in registry if s["id"] == "joe-biden"]
    assert biden["reviewed"] is False
    assert {"title": "President of the United States", "from": date(2021, 1, 20),
            "to": date(2025, 1, 19)} in biden["roles"]
    # Re-importing gives the same bytes.
    first = Path(target).read_bytes()
    again = import_files([KISHIDA_2022], folder)
    assert again.unchanged == [target] and Path(target).read_bytes() == first


@pytest.mark.corpus
def test_a_corrected_page_supersedes_the_earlier_one(folder: Path) -> None:
    files = sorted(CONFERENCES.glob(f"2022-03-10-*{DUDA}.md"))
    assert len(files) == 2
    report = import_files(files, folder)
    assert report.failures == []
    corrected = yaml.safe_load((folder / "transcripts" / f"2022-03-10-corrected-{DUDA}.yaml")
                               .read_text("utf-8"))
    assert corrected["supersedes"] == f"2022-03-10-{DUDA}"
    assert (folder / "transcripts" / f"2022-03-10-{DUDA}.yaml").exists()


@pytest.mark.corpus
def test_cli_summary_for_several_files(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(CONFERENCES / "2021-03-25*.md"), str(KISHIDA_2022),
                 "--content", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2].startswith("turns: ") and "notes); speakers: " in lines[-2]
    assert lines[-1].startswith("imported: 2 transcripts")
