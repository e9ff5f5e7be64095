"""Paragraph anchors hold when a transcript is imported again (synthetic text only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.anchors import stabilize
from generator.cli import main
from generator.importing import import_files
from generator.load import load
from generator.yamlio import dump, parse


def turns(*paragraphs: list[str | dict]) -> dict:
    """Transcript data with one turn per list of paragraphs."""
    return {"id": "x", "turns": [{"speaker": None, "kind": "remark", "paragraphs": list(p)}
                                 for p in paragraphs]}


def anchors(data: dict) -> list[tuple[str, str]]:
    """(anchor, text) of every paragraph, numbered as load numbers them."""
    found, number = [], 0
    for turn in data["turns"]:
        for item in turn.get("paragraphs", []):
            item = {"text": item} if isinstance(item, str) else item
            number = int(item["id"][1:]) if "id" in item else number + 1
            found.append((f"p{number}", item["text"]))
    return found


CASES = [
    pytest.param(
        turns(["Alpha.", "Beta."], ["Gamma."]), turns(["Alpha.", "Beta."], ["Gamma."]),
        turns(["Alpha.", "Beta."], ["Gamma."]), id="nothing changed: written as a fresh import",
    ),
    pytest.param(
        turns(["Alpha.", "Beta."], ["Gamma."]), turns(["New.", "Alpha.", "Beta."], ["Gamma."]),
        {"id": "x", "retired_paragraph_ids": [], **turns(
            [{"id": "p4", "text": "New."}, {"id": "p1", "text": "Alpha."}, "Beta."], ["Gamma."])},
        id="insert at the start",
    ),
    pytest.param(
        turns(["Alpha.", "Beta."], ["Gamma."]), turns(["Alpha.", "Beta, changed."], ["Gamma."]),
        {"id": "x", "retired_paragraph_ids": ["p2"], **turns(
            ["Alpha.", {"id": "p4", "text": "Beta, changed."}], [{"id": "p3", "text": "Gamma."}])},
        id="changed text: a new anchor, the old one retired",
    ),
    pytest.param(
        {"id": "x", "retired_paragraph_ids": ["p9"], **turns(["Alpha.", "Beta."])},
        turns(["Alpha.", "Beta.", "Omega."]),
        {"id": "x", "retired_paragraph_ids": ["p9"],
         **turns(["Alpha.", "Beta.", {"id": "p10", "text": "Omega."}])},
        id="a retired anchor is never given again",
    ),
    pytest.param(
        turns(["Thanks.", "Alpha.", "Thanks."]), turns(["Alpha.", "Thanks.", "Thanks."]),
        {"id": "x", "retired_paragraph_ids": [], **turns(
            [{"id": "p2", "text": "Alpha."}, "Thanks.", {"id": "p1", "text": "Thanks."}])},
        id="repeated text keeps its anchors",
    ),
    pytest.param(
        turns([{"text": "Alpha.", "topics": {"add": ["bridges"]}}, "Beta."]),
        turns(["Alpha.", "Beta, changed."]),
        {"id": "x", "retired_paragraph_ids": ["p2"],
         **turns([{"text": "Alpha.", "topics": {"add": ["bridges"]}},
                  {"id": "p3", "text": "Beta, changed."}])},
        id="hand-set topics of unchanged text kept",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_stabilize(old: dict, new: dict, expected: dict) -> None:
    if expected.get("retired_paragraph_ids") == []:
        del expected["retired_paragraph_ids"]
    result = stabilize(new, old)
    assert result == expected
    assert list(result) == list(expected)  # the retired list sits before the turns
    kept = dict((text, anchor) for anchor, text in anchors(old))
    for anchor, text in anchors(result):
        if text in kept and text != "Thanks.":
            assert anchor == kept[text]


# --- whole imports -------------------------------------------------------------------------

SOURCE = [
    "Fictown Forum, March 3, 2019",
    "Alma Madeup: Welcome, everyone.",
    "Our topic: bridges.",
    "Rufus Firefly: Thank you.",
    "Alma Madeup: Questions?",
    "Q: Why bridges?",
    "Rufus Firefly: Because rivers.",
]
TARGET = "transcripts/2019-03-03-fictown-forum-march-3-2019.yaml"


def write(folder: Path, lines: list[str]) -> Path:
    source = folder / "forum.txt"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    return source


def read(content: Path) -> dict:
    return parse((content / TARGET).read_text("utf-8"), TARGET)[0]


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, list[tuple[str, str]]]:
    """A content folder with the synthetic source imported once; its anchors."""
    content = tmp_path / "content"
    import_files([write(tmp_path, SOURCE)], content)
    (content / "topics.yaml").write_text(
        "topics:\n  - id: bridges\n    title: Bridges\n    kind: issue\n"
        "    description: Spans.\n    patterns: [bridges]\n", "utf-8")
    return content, anchors(read(content))


def test_an_inserted_paragraph_moves_no_anchor(imported: tuple[Path, list]) -> None:
    content, before = imported
    changed = [*SOURCE[:1], "Alma Madeup: A made-up opening.", SOURCE[1].split(": ")[1],
               *SOURCE[2:]]
    report = import_files([write(content.parent, changed)], content)
    assert report.written == [str(content / TARGET)]  # nobody edited it: no --force needed
    after = anchors(read(content))
    assert after[0] == ("p7", "A made-up opening.")
    assert set(before) <= set(after)
    transcript = load(content).transcripts[0]
    assert [(p.id, p.text) for p in transcript.paragraphs] == after


def test_a_removed_anchor_is_never_given_again(imported: tuple[Path, list]) -> None:
    content, before = imported
    import_files([write(content.parent, SOURCE[:-1] + ["Rufus Firefly: Rivers."])], content)
    assert anchors(read(content))[-1] == ("p7", "Rivers.")
    import_files([write(content.parent, SOURCE[:-1])], content)  # the answer dropped
    assert read(content)["retired_paragraph_ids"] == ["p6", "p7"]
    import_files([write(content.parent, SOURCE[:-1] + ["Rufus Firefly: Lakes."])], content)
    assert anchors(read(content)) == [*before[:-1], ("p8", "Lakes.")]
    load(content)


def test_a_hand_edited_file_is_kept_and_forced_keeps_its_topics(
    imported: tuple[Path, list], capsys: pytest.CaptureFixture[str],
) -> None:
    content, before = imported
    data = read(content)
    data["turns"][0]["paragraphs"][1] = {"text": "Our topic: bridges.",
                                         "topics": {"remove": ["bridges"]}}
    (content / TARGET).write_text(dump(data), "utf-8")
    changed = write(content.parent, SOURCE[:-1] + ["Rufus Firefly: Because rivers, mostly."])
    assert main(["import", str(changed), "--content", str(content)]) == 0
    assert "0 kept" not in capsys.readouterr().out
    assert read(content) == data
    assert main(["import", str(changed), "--content", str(content), "--force"]) == 0
    after = read(content)
    assert after["turns"][0]["paragraphs"][1] == data["turns"][0]["paragraphs"][1]
    assert anchors(after) == [*before[:-1], ("p7", "Because rivers, mostly.")]
    assert load(content).transcripts[0].paragraphs[1].topics_removed == ("bridges",)


def test_a_retired_anchor_given_by_hand_is_refused(imported: tuple[Path, list]) -> None:
    from generator.errors import ContentError

    content, _ = imported
    import_files([write(content.parent, SOURCE[:-1])], content)
    text = (content / TARGET).read_text("utf-8")
    (content / TARGET).write_text(text + "      - One more.\n", "utf-8")
    with pytest.raises(ContentError) as caught:
        load(content)
    assert [(p.field, p.message) for p in caught.value.problems] == [(
        "turns[3].paragraphs[1]",
        "paragraph id 'p6' is retired (retired_paragraph_ids): it named other words once; "
        "give this paragraph another id",
    )]
