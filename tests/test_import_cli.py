"""``transcripts import``: --dry-run, metadata given on the command line, doubts in the report.

Synthetic transcripts with made-up names, in the layouts of transcription services.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT

from generator.cli import main

DEBATE = (
    "Alma Madeup:\r\nGood evening. First question: bridges?\r\n\r\n"
    "Rufus Firefly:\r\nBridges matter.\r\n\r\n"
    "New Speaker:\r\nSo do tunnels.\r\n\r\n"
    "Alma Madeup:\r\nThank you both.\r\n\r\n"
    "Rufus Firefly:\r\nThank you.\r\n\r\n"
    "New Speaker:\r\nThanks.\r\n\r\n"
    "Tam Fictive:\r\nOne more word.\r\n"
)


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    path = tmp_path / "debate.txt"
    path.write_bytes(DEBATE.encode("utf-8"))
    return path


def test_dry_run_prints_layout_labels_and_doubts_and_writes_nothing(
    debate: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    content = tmp_path / "content"
    code = main(["import", "--dry-run", "--content", str(content), str(debate),
                 "--title", "Fictown Debate", "--date", "2031-05-06", "--event", "debate"])
    out = capsys.readouterr().out
    assert code == 0
    assert not content.exists()
    assert out.splitlines() == [
        f"{debate}: generic, blank lines between paragraphs; labels alone on their line",
        "  would write transcripts/2031-05-06-fictown-debate.yaml: 'Fictown Debate', 2031-05-06",
        "  turns per label:",
        "        2  Alma Madeup -> alma-madeup",
        "        2  Rufus Firefly -> rufus-firefly",
        "        2  New Speaker -> unidentified-speaker",
        "        1  Tam Fictive -> tam-fictive",
        f"  doubt: {debate}:7: label 'New Speaker' does not say who speaks (2 turns)",
        f"  doubt: {debate}:19: label 'Tam Fictive' seen once (marked)",
        "dry run: 1 files read, 7 turns, 2 doubts, 0 failed; nothing written",
    ]


def test_a_file_with_no_date_names_the_option(
    debate: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", "--content", str(tmp_path / "c"), str(debate),
                 "--title", "Fictown Debate"]) == 1
    err = capsys.readouterr().err
    assert f"Error: {debate}:1: no date found: give the date of the event with --date " \
           "YYYY-MM-DD" in err


def test_given_metadata_is_used_recorded_and_the_doubts_printed(
    debate: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    content = tmp_path / "content"
    args = ["import", "--content", str(content), str(debate), "--title", "Fictown Debate",
            "--date", "2031-05-06", "--place", "Fictown Hall", "--event", "debate",
            "--publisher", "Fictown Gazette", "--url", "https://example.org/debate"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"doubt: {debate}:7: label 'New Speaker' does not say who speaks (2 turns)" in out
    target = content / "transcripts" / "2031-05-06-fictown-debate.yaml"
    data = yaml.safe_load(target.read_text("utf-8"))
    assert (data["title"], str(data["date"]), data["place"], data["event"]) == (
        "Fictown Debate", "2031-05-06", "Fictown Hall", "debate")
    assert data["source"]["publisher"] == "Fictown Gazette"
    assert {key: str(value) for key, value in data["source"]["given"].items()} == {
        "title": "Fictown Debate", "date": "2031-05-06", "place": "Fictown Hall",
        "event": "debate", "publisher": "Fictown Gazette", "url": "https://example.org/debate"}
    # Imported again the same way, the file nobody edited is recognised as such.
    assert main(args) == 0
    assert f"unchanged {target}" in capsys.readouterr().out
    shutil.copy(CONTENT / "topics.yaml", content / "topics.yaml")
    assert main(["check", "--content", str(content)]) == 0


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--date", "6 May 2031", "--date: expected YYYY-MM-DD, found '6 May 2031'"),
    ("--event", "rally", "--event: expected one of: news-conference"),
    ("--url", "example.org", "--url: expected an address starting with http:// or https://"),
    ("--title", " Padded ", "--title: expected text without spaces at its ends"),
    ("--map", "speaker", "--map: expected FIELD=KEY pairs separated by commas"),
])
def test_bad_options_are_refused(
    debate: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    option: str, value: str, message: str,
) -> None:
    assert main(["import", "--content", str(tmp_path / "c"), str(debate), option, value]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "c").exists()
