"""Structured exports (JSON, CSV/TSV, WebVTT, SRT, DOCX) and paragraph start times, end to end.

Every file is synthetic, with made-up names (Orla Fictive, Tam Madeup), written here.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import pytest

from generator import importers
from generator.build import Paths, build
from generator.errors import ContentError
from generator.importers import captions, structured
from generator.importers.base import Block, Meta, Source
from generator.importing import import_files
from generator.load import load
from generator.yamlio import parse

DAY = Meta(date="2031-05-06")


def start(time: str, text: str) -> dict[str, str]:
    """A paragraph as the transcript file writes it when it has a time."""
    return {"start": time, "text": text}


# --- the files ------------------------------------------------------------------------------

JSON_COMMON = json.dumps({
    "title": "Harbour Tunnel Briefing",
    "place": "Port Imaginary",
    "utterances": [
        {"speaker": "Orla Fictive", "text": "Good morning.\n\nThe tunnel opens next week.",
         "start": 1.5, "end": 6.0},
        {"speaker": "Orla Fictive", "text": "Questions?", "start": 7},
        {"speaker": "Reporter", "text": "Why a tunnel?", "start": 65.25},
        {"speaker": "Orla Fictive", "text": "Because of the boats.", "start": "00:01:10"},
    ],
}, indent=2)

JSON_MAPPED = json.dumps([
    {"who_spoke": "Orla Fictive", "said": "Welcome.", "at_ms": 2500},
    {"who_spoke": "Tam Madeup", "said": "Thank you, Orla.", "at_ms": 4000},
])

CSV = (
    "Speaker,Text,Start Time\n"
    "Orla Fictive,\"Good morning, all.\",0.5\n"
    "\n"
    "Tam Madeup,\"Thank you.\n\nA second paragraph.\",00:00:04\n"
    "Tam Madeup,Still me.,\n"
)

TSV = "name\tcontent\nOrla Fictive\tWelcome.\nTam Madeup\tHello, Orla.\n"

VTT_VOICES = """WEBVTT - Harbour Tunnel Briefing
Place: Port Imaginary

NOTE made-up names and words

1
00:00:01.000 --> 00:00:03.000
<v Orla Fictive>Good morning. The tunnel opens

2
00:00:03.000 --> 00:00:05.500
<v Orla Fictive>next week &amp; not before.</v>

3
00:00:08.000 --> 00:00:10.000
<v.loud Orla Fictive>A second thought, after a pause.

4
00:00:10.000 --> 00:00:12.000
[Laughter]

5
00:01:02.250 --> 00:01:04.000
<v Reporter>When exactly?</v> <v Orla Fictive>Monday.
"""

VTT_PREFIXES = """WEBVTT

00:00:01.000 --> 00:00:04.000
Orla Fictive: Welcome to the briefing.

00:00:04.000 --> 00:00:06.000
The tunnel is on schedule.

00:00:06.500 --> 00:00:08.000
Reporter: Any delays?

00:00:08.000 --> 00:00:10.000
>> Orla Fictive: None at all.
"""

SRT = """1
00:00:01,000 --> 00:00:03,000
Tam Madeup: The first cue
goes on over a second line.

2
00:00:03,100 --> 00:00:05,000
<i>Still Tam.</i>

3
00:00:05,100 --> 00:00:07,000
Question: Is this made up?

4
00:00:07,100 --> 00:00:09,000
Tam Madeup: Entirely.
"""


def word_document() -> bytes:
    """A Word file: bold labels, the title as a property and a date line."""
    document = docx.Document()
    document.core_properties.title = "Harbour Tunnel Briefing"
    document.add_paragraph("Harbour Tunnel Briefing")
    document.add_paragraph("Tuesday, May 6, 2031")
    for label, words in [("Orla Fictive:", " Good morning, everyone."),
                         (None, "A second paragraph of hers."),
                         ("Q", " Is the tunnel safe?"),
                         ("Orla Fictive:", " Perfectly safe.")]:
        paragraph = document.add_paragraph()
        if label:
            paragraph.add_run(label).bold = True
        paragraph.add_run(words)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ORLA, TAM = "orla-fictive", "tam-madeup"
HARBOUR = ("Harbour Tunnel Briefing", "Port Imaginary")

CASES = [
    pytest.param(
        "briefing.json", JSON_COMMON, {}, DAY, "json", HARBOUR,
        [(ORLA, "Orla Fictive", "statement", [start("00:00:01.500", "Good morning."),
                                              "The tunnel opens next week.",
                                              start("00:00:07", "Questions?")]),
         (None, "Reporter", "question", [start("00:01:05.250", "Why a tunnel?")]),
         (ORLA, "Orla Fictive", "answer", [start("00:01:10", "Because of the boats.")])],
        id="json: common keys, a list under 'utterances', metadata at the top",
    ),
    pytest.param(
        "welcome-remarks.json", JSON_MAPPED, {"speaker": "who_spoke", "text": "said",
                                               "start": "at_ms"}, DAY, "json",
        ("Welcome remarks", None),
        [(ORLA, "Orla Fictive", "statement", [start("00:00:02.500", "Welcome.")]),
         (TAM, "Tam Madeup", "statement", [start("00:00:04", "Thank you, Orla.")])],
        id="json: other keys named with --map (milliseconds by the key's name)",
    ),
    pytest.param(
        "harbour-tunnel-briefing.csv", CSV, {}, DAY, "csv", ("Harbour tunnel briefing", None),
        [(ORLA, "Orla Fictive", "statement", [start("00:00:00.500", "Good morning, all.")]),
         (TAM, "Tam Madeup", "statement", [start("00:00:04", "Thank you."),
                                            "A second paragraph.", "Still me."])],
        id="csv: header detected, quoted cells, blank line, one speaker's rows in one turn",
    ),
    pytest.param(
        "welcome.tsv", TSV, {}, DAY, "csv", ("Welcome", None),
        [(ORLA, "Orla Fictive", "statement", ["Welcome."]),
         (TAM, "Tam Madeup", "statement", ["Hello, Orla."])],
        id="tsv: tab sniffed, 'name' and 'content' columns",
    ),
    pytest.param(
        "briefing.vtt", VTT_VOICES, {}, DAY, "webvtt", HARBOUR,
        [(ORLA, "Orla Fictive", "statement", [
            start("00:00:01", "Good morning. The tunnel opens next week & not before."),
            start("00:00:08", "A second thought, after a pause.")]),
         (None, None, "note", ["[Laughter]"]),
         (None, "Reporter", "question", [start("00:01:02.250", "When exactly?")]),
         (ORLA, "Orla Fictive", "answer", [start("00:01:02.250", "Monday.")])],
        id="webvtt: voice tags, two voices in one cue, a pause, a stage note",
    ),
    pytest.param(
        "2031-05-06-tunnel-update.vtt", VTT_PREFIXES, {}, Meta(), "webvtt",
        ("Tunnel update", None),
        [(ORLA, "Orla Fictive", "statement", [
            start("00:00:01", "Welcome to the briefing. The tunnel is on schedule.")]),
         (None, "Reporter", "question", [start("00:00:06.500", "Any delays?")]),
         (ORLA, "Orla Fictive", "answer", [start("00:00:08", "None at all.")])],
        id="webvtt: 'Name:' prefixes and '>>', title and date from the file name",
    ),
    pytest.param(
        "tunnel-interview.srt", SRT, {}, DAY, "srt", ("Tunnel interview", None),
        [(TAM, "Tam Madeup", "statement", [
            start("00:00:01", "The first cue goes on over a second line. Still Tam.")]),
         (None, "Question", "question", [start("00:00:05.100", "Is this made up?")]),
         (TAM, "Tam Madeup", "answer", [start("00:00:07.100", "Entirely.")])],
        id="srt: 'Name:' prefixes, italics dropped",
    ),
    pytest.param(
        "briefing.docx", word_document(), {}, Meta(), "docx", ("Harbour Tunnel Briefing", None),
        [(ORLA, "Orla Fictive", "statement", ["Good morning, everyone.",
                                              "A second paragraph of hers."]),
         (None, "Q", "question", ["Is the tunnel safe?"]),
         (ORLA, "Orla Fictive", "answer", ["Perfectly safe."])],
        id="docx: bold labels, title property, the date line dropped",
    ),
]


def import_one(folder: Path, name: str, data: str | bytes, mapping: dict[str, str] | None = None,
               given: Meta = DAY) -> tuple[Path, dict[str, Any]]:
    """Import one file into ``folder/content``; the content folder and the transcript data."""
    raw = folder / name
    raw.write_bytes(data.encode() if isinstance(data, str) else data)
    content = folder / "content"
    report = import_files([raw], content, given=given, mapping=mapping)
    assert [str(f) for f in report.failures] == []
    [written] = report.written
    return content, parse(Path(written).read_text("utf-8"), written)[0]


@pytest.mark.parametrize(
    ("name", "data", "mapping", "given", "format", "meta", "turns"), CASES)
def test_structured_exports_import(
    tmp_path: Path, name: str, data: str | bytes, mapping: dict[str, str], given: Meta,
    format: str, meta: tuple[str, str | None], turns: list[tuple],
) -> None:
    _, imported = import_one(tmp_path, name, data, mapping, given)
    assert imported["source"]["format"] == format
    assert (imported["title"], imported.get("place")) == meta
    assert str(imported["date"]) == "2031-05-06"
    assert [(t["speaker"], t.get("label"), t["kind"], t["paragraphs"])
            for t in imported["turns"]] == turns


# --- detection, layouts and doubts ------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "format"), [
    ("captions.txt", VTT_VOICES, "webvtt"),
    ("captions.txt", SRT, "srt"),
    ("export.txt", JSON_COMMON, "json"),
    ("document.bin", word_document(), "docx"),
    ("data.tsv", TSV, "csv"),
])
def test_formats_are_detected_by_content_where_the_suffix_does_not_say(
        name: str, data: str | bytes, format: str) -> None:
    raw = data.encode() if isinstance(data, str) else data
    assert importers.read(Source(name, raw, DAY))[0] == format


@pytest.mark.parametrize(("name", "data", "layout", "doubts"), [
    ("briefing.json", JSON_COMMON,
     "json: turns under 'utterances' (speaker: 'speaker', text: 'text', start: 'start')", []),
    ("t.csv", CSV, "csv: a row per turn (speaker: 'Speaker', text: 'Text', start: 'Start Time')",
     [(1, "title taken from the file name: 'T'")]),
    ("briefing.vtt", VTT_VOICES, "webvtt: voice tags", []),
    ("2031-05-06-tunnel-update.vtt", VTT_PREFIXES, "webvtt: 'Name:' at a change of speaker",
     [(1, "title taken from the file name: 'Tunnel update'")]),
    ("x.srt", SRT.replace("Tam Madeup: Entirely.", ">> Entirely."),
     "srt: 'Name:' at a change of speaker",
     [(1, "title taken from the file name: 'X'"),
      (2, "label 'Tam Madeup' seen once (marked)"),
      (15, "'>>' marks a change of speaker without a name: the words go to the speaker "
           "before")]),
    ("x.json", '[{"speaker": "Orla Fictive", "text": "Hi.", "start": "soon"}]',
     "json: turns at the top (speaker: 'speaker', text: 'text', start: 'start')",
     [(1, "start time 'soon' not read: expected seconds or HH:MM:SS"),
      (1, "title taken from the file name: 'X'")]),
])
def test_layout_and_doubts(name: str, data: str, layout: str, doubts: list) -> None:
    draft = importers.read(Source(name, data.encode(), DAY))[1]
    assert draft.layout == layout
    assert [(d.line, d.message) for d in draft.doubts] == doubts


def test_a_json_date_at_the_top_and_lines_of_the_turns() -> None:
    data = json.dumps({"title": "Harbour Tunnel Briefing", "date": "2031-05-04T10:00:00Z",
                       "turns": [{"name": "Orla Fictive", "content": "Hello."},
                                 {"name": "Tam Madeup", "content": "Hi."}]}, indent=1)
    draft = importers.read(Source("x.json", data.encode()))[1]
    assert draft.date == "2031-05-04"
    assert [(t.line, t.name) for t in draft.turns] == [(5, "Orla Fictive"), (9, "Tam Madeup")]


def test_a_word_document_without_a_printed_date_takes_its_creation_date() -> None:
    document = docx.Document()
    document.core_properties.created = datetime(2031, 5, 7, 9, 0)
    for words in ("Tunnel Remarks", "Orla Fictive: One.", "Tam Madeup: Two.",
                  "Orla Fictive: Three.", "Tam Madeup: Four."):
        document.add_paragraph(words)
    document.add_table(rows=1, cols=2)
    out = io.BytesIO()
    document.save(out)
    draft = importers.read(Source("remarks.docx", out.getvalue()))[1]
    assert (draft.title, draft.date) == ("Tunnel Remarks", "2031-05-07")
    assert [(t.name, t.paragraphs) for t in draft.turns][:2] == [
        ("Orla Fictive", ["One."]), ("Tam Madeup", ["Two."])]
    assert [(d.line, d.message) for d in draft.doubts] == [
        (1, "date 2031-05-07 is when the document was created (no date printed in it): "
            "give --date if the event was another day"),
        (1, "1 table not read: only paragraphs are")]


# --- errors -----------------------------------------------------------------------------------

EXPECTED_LIST = ("expected a list of turns (objects with a speaker and a text), or an object "
                 "holding one under 'turns', 'segments', 'utterances', 'transcript' or "
                 "'results'")


@pytest.mark.parametrize(("name", "data", "mapping", "message"), [
    ("x.json", '{"meta": {"by": "nobody"}, "body": "words"}', {},
     f"x.json:1: {EXPECTED_LIST}; found an object with keys 'meta', 'body' (name the fields "
     "of a turn with --map speaker=KEY,text=KEY,start=KEY)"),
    ("x.json", "[1, 2, \"three\"]", {},
     f"x.json:1: {EXPECTED_LIST}; found a list of numbers and strings (name the fields "
     "of a turn with --map speaker=KEY,text=KEY,start=KEY)"),
    ("x.json", '[\n  {"who": "Orla Fictive", "said": "Hi."}\n]', {},
     "x.json:2: expected turns with a text key (text, content, transcript, utterance...); "
     "found keys 'who', 'said' (name it with --map text=KEY)"),
    ("x.json", '[{"who": "Orla Fictive", "said": "Hi."}]', {"text": "words"},
     "x.json: --map text=words: no key of that name (found 'who', 'said')"),
    ("x.json", '[{"who": "Orla Fictive", "said": "Hi."}]', {"speeker": "who"},
     "x.json: --map: unknown field 'speeker' (known: speaker, text, start)"),
    ("x.json", '{"turns": [}', {},
     "x.json:1: not valid JSON: Expecting value (column 12)"),
    ("x.csv", "who,said\nOrla Fictive,Hi.\n", {},
     "x.csv:1: expected a header row naming a text column (text, content, transcript, "
     "utterance...); found 'who', 'said' (name it with --map text=COLUMN)"),
    ("x.csv", "", {}, "x.csv:1: empty file: expected a header row and a row per turn"),
    ("x.vtt", "Not captions\n", {},
     "x.vtt:1: not valid WebVTT: Invalid format (expected a first line 'WEBVTT', then cues "
     "'HH:MM:SS.mmm --> HH:MM:SS.mmm')"),
    ("x.srt", "1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n00:00:0x,000 --> 00:00:02,000\n",
     {},
     "x.srt:5: not valid SRT: expected a cue number, a line 'HH:MM:SS,mmm --> HH:MM:SS,mmm' "
     "and its text"),
    ("x.docx", "not a zip", {},
     "x.docx: cannot read as a Word document (.docx): File is not a zip file"),
    ("x.vtt", VTT_VOICES, {}, "x.vtt:1: no date found: give the date of the event with "
     "--date YYYY-MM-DD"),
])
def test_errors(tmp_path: Path, name: str, data: str, mapping: dict[str, str],
                message: str) -> None:
    raw = tmp_path / name
    raw.write_text(data, "utf-8")
    given = Meta() if "no date" in message else DAY
    report = import_files([raw], tmp_path / "content", given=given, mapping=mapping)
    assert [str(f).removeprefix(str(tmp_path) + "/") for f in report.failures] == [message]


# --- the paragraph rule and times ---------------------------------------------------------------

def cue(second: float, text: str, voice: str | None = "Orla Fictive") -> captions.Cue:
    """A two-second cue."""
    return captions.Cue(int(second * 1000), int(second * 1000) + 2000, text, int(second), voice)


TEN = "one two three four five six seven eight nine ten"


@pytest.mark.parametrize(("cues", "expected"), [
    ([cue(0, "A."), cue(2, "B."), cue(4, "C.")], [("00:00:00", "A. B. C.")]),
    ([cue(0, "A."), cue(3.9, "B."), cue(8, "C.")],
     [("00:00:00", "A. B."), ("00:00:08", "C.")]),  # 2 s between B's end and C's start
    ([cue(2 * n, f"{TEN}.") for n in range(9)],
     [("00:00:00", " ".join([f"{TEN}."] * 8)), ("00:00:16", f"{TEN}.")]),  # 80 words, a stop
    ([cue(2 * n, TEN) for n in range(9)], [("00:00:00", " ".join([TEN] * 9))]),  # no stop
    ([cue(0, "A."), cue(2, "(Applause.)"), cue(4, "B.")],
     [("00:00:00", "A."), ("00:00:02", "(Applause.)"), ("00:00:04", "B.")]),
    ([cue(0, "A."), cue(2, "B.", "Tam Madeup"), cue(4, "C.", None)],
     [("00:00:00", "A."), ("00:00:02", "B. C.")]),  # no voice tag: the voice goes on
])
def test_the_paragraph_rule_of_captions(cues: list, expected: list) -> None:
    blocks, _ = captions.paragraphs(cues, voiced=True)
    assert [(b.start, b.text) for b in blocks] == expected


@pytest.mark.parametrize(("value", "per_unit", "expected"), [
    (1.5, 1000, "00:00:01.500"), (65, 1000, "00:01:05"), ("4000", 1, "00:00:04"),
    ("00:01:02,5", 1000, "00:01:02.500"), ("1:02", 1000, "00:01:02"),
    ("2:03:04.25", 1000, "02:03:04.250"), (360000, 1000, "100:00:00"),
    ("soon", 1000, None), (-1, 1000, None), (True, 1000, None), ("1:75", 1000, None),
])
def test_times(value: Any, per_unit: int, expected: str | None) -> None:
    ms = structured.milliseconds(value, per_unit)
    assert (structured.clock(ms) if ms is not None else None) == expected


def test_words_of_a_token_list_and_speakers_by_number() -> None:
    data = json.dumps({"monologues": [
        {"speaker": 0, "elements": [{"value": "Hello"}, {"value": ","}, {"value": " "},
                                    {"value": "world"}, {"value": "."}]},
        {"speaker": "B", "words": [{"word": "Fine"}, {"word": "thanks"}, {"word": "!"}]},
    ]})
    draft = importers.read(Source("x.json", data.encode(), DAY))[1]
    # The reader takes "Speaker 0" for a label that names nobody.
    assert [(t.label, t.paragraphs) for t in draft.turns] == [
        ("Speaker 0", ["Hello, world."]), ("Speaker B", ["Fine thanks!"])]


def test_reader_gets_blocks_with_speaker_start_and_line() -> None:
    blocks = captions.paragraphs([cue(1, "Hi.")], voiced=True)[0]
    assert blocks == [Block("Hi.", 1, speaker="Orla Fictive", start="00:00:01")]


# --- start times end to end ---------------------------------------------------------------------

def test_start_times_reach_the_page_and_the_json(tmp_path: Path, content: Path) -> None:
    raw = tmp_path / "briefing.vtt"
    raw.write_text(VTT_VOICES, "utf-8")
    report = import_files([raw], content, given=DAY)
    assert [str(f) for f in report.failures] == []
    transcript_id = Path(report.written[0]).stem
    paths = Paths.for_(content, tmp_path / "site")
    build(paths)
    page = (paths.out / "transcripts" / transcript_id / "index.html").read_text("utf-8")
    assert ('<div class="tx-para" id="p1"><time class="tx-para__start" datetime="PT0H0M1S" '
            'data-pagefind-ignore="all" title="Time in the recording">00:00:01</time>'
            '<p class="tx-para__text">Good morning.') in page
    assert 'datetime="PT0H1M2.25S"' in page and ">00:01:02</time>" in page
    data = json.loads((paths.out / "data" / "transcripts" / f"{transcript_id}.json")
                      .read_text("utf-8"))
    assert [p.get("start") for t in data["turns"] for p in t["paragraphs"]] == [
        "00:00:01", "00:00:08", None, "00:01:02.250", "00:01:02.250"]
    sample = [path for path in (paths.out / "data" / "transcripts").glob("*.json")
              if path.stem != transcript_id]
    assert sample and all('"start"' not in path.read_text("utf-8") for path in sample)


def test_a_reimport_keeps_anchors_and_takes_the_new_times(tmp_path: Path, content: Path) -> None:
    raw = tmp_path / "briefing.vtt"
    raw.write_text(VTT_VOICES, "utf-8")
    target = Path(import_files([raw], content, given=DAY).written[0])
    retimed = VTT_VOICES.replace("00:00:08.000 --> 00:00:10.000", "00:00:08.500 --> 00:00:10.000")
    raw.write_text(retimed.replace("Good morning.", "Good morning, all."), "utf-8")
    report = import_files([raw], content, given=DAY)
    assert report.written == [str(target)]  # nobody edited it: replaced without --force
    data = parse(target.read_text("utf-8"), str(target))[0]
    assert data["turns"][0]["paragraphs"] == [
        {"id": "p6", "start": "00:00:01",
         "text": "Good morning, all. The tunnel opens next week & not before."},
        {"id": "p2", "start": "00:00:08.500", "text": "A second thought, after a pause."}]
    loaded = next(t for t in load(content).transcripts if t.id == target.stem)
    assert [(p.id, p.start) for p in loaded.paragraphs] == [
        ("p6", "00:00:01"), ("p2", "00:00:08.500"), ("p3", None), ("p4", "00:01:02.250"),
        ("p5", "00:01:02.250")]


def test_a_start_time_is_checked(content: Path) -> None:
    path = next((content / "transcripts").glob("*.yaml"))
    text = path.read_text("utf-8")
    first = next(line for line in text.splitlines() if line.startswith("      - "))
    path.write_text(text.replace(first, f"      - {{start: '1:02', text: {first[8:]}}}", 1),
                    "utf-8")
    with pytest.raises(ContentError) as caught:
        load(content)
    [problem] = caught.value.problems
    assert problem.field is not None and problem.field.endswith("paragraphs[0].start")
    assert problem.message == (
        'expected text matching ^[0-9]{2,}:[0-5][0-9]:[0-5][0-9](\\.[0-9]{3})?$; found "1:02"')
