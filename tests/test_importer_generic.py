"""The generic "Name: text" fallback, on synthetic text with made-up names."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read

from generator.cli import main
from generator.errors import ImportFailure

TWO_VOICES = (
    "Fictown Forum, March 3, 2019\n"
    "Alma Madeup: Welcome, everyone.\n"
    "Our topic: bridges.\n"
    "Rufus Firefly: Thank you.\n"
    "Alma Madeup: Questions?\n"
    "Q: Why bridges?\n"
    "Rufus Firefly: Because rivers.\n"
)


def test_labels_found_by_shape_and_repetition() -> None:
    format, draft = read(TWO_VOICES, "forum.txt")
    assert format == "generic"
    assert (draft.title, draft.date) == ("Fictown Forum, March 3, 2019", "2019-03-03")
    assert [(t.kind, t.name, t.label, t.paragraphs) for t in draft.turns] == [
        ("statement", "Alma Madeup", "Alma Madeup", ["Welcome, everyone.", "Our topic: bridges."]),
        ("statement", "Rufus Firefly", "Rufus Firefly", ["Thank you."]),
        ("statement", "Alma Madeup", "Alma Madeup", ["Questions?"]),
        ("question", None, "Q", ["Why bridges?"]),
        ("answer", "Rufus Firefly", "Rufus Firefly", ["Because rivers."]),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Fictown Forum, March 3, 2019\nJust one paragraph: nothing more.\n",
         "no speaker turns found"),
        ("Fictown Forum\nAlma Madeup: Hi.\nAlma Madeup: Bye.\n", "no date found"),
    ],
    ids=["no turns", "no date"],
)
def test_clear_errors(text: str, message: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        read(text, "plain.txt", "generic")
    assert message in str(caught.value)
    assert str(caught.value).startswith("plain.txt:")


def test_a_file_with_no_turns_fails_with_a_non_zero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Some notes, March 3, 2019\nNothing here is a turn.\n", "utf-8")
    assert main(["import", str(plain), "--content", str(tmp_path / "content")]) == 1
    out, err = capsys.readouterr()
    assert f"Error: {plain}: no known format recognises this file; try --format" in err
    assert out.splitlines()[-1] == "imported: 0 transcripts, 0 new speakers, 0 kept, 1 failed"
