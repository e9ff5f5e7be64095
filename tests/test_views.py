"""Cross-references of the sample archive: what speaker pages list."""

from __future__ import annotations

from conftest import CONTENT

from generator.load import load
from generator.tagging import tag
from generator.views import build_views


def test_questions_put_to_a_speaker_include_those_they_answered() -> None:
    archive = tag(load(CONTENT))
    lavrov = build_views(archive).speakers["sergey-lavrov"]
    questions = [(transcript.id, turn.id) for transcript, turn in lavrov.questions]
    questions_of = {(transcript.id, turn.id) for transcript in archive.transcripts
                    for turn in transcript.turns if turn.kind == "question"}
    answered = [(transcript.id, turn.responds_to) for transcript in archive.transcripts
                for turn in transcript.turns if turn.speaker == "sergey-lavrov"
                and (transcript.id, turn.responds_to) in questions_of]
    addressed = [(transcript.id, turn.id) for transcript in archive.transcripts
                 for turn in transcript.turns if "sergey-lavrov" in turn.to]
    assert set(answered) - set(addressed), "the sample has a question he answered unaddressed"
    assert sorted(questions) == sorted(set(answered) | set(addressed))
    assert len(questions) == len(set(questions))  # a question addressed and answered: once
    syria = [turn for _, turn in lavrov.questions if "Syria" in turn.paragraphs[0].text]
    assert syria, "the Syria question, answered by Lavrov, is on his page"


def test_a_pager_shows_the_ends_and_the_pages_around_the_current_one() -> None:
    from generator.render import PAGER_WINDOW, url_pager

    assert url_pager("topics/x", 3, 1) == [(1, "./"), (2, "page-2/"), (3, "page-3/")]
    entries = url_pager("topics/x", 125, 46)
    numbers = [number for number, _ in entries]
    assert numbers == [1, None, *range(46 - PAGER_WINDOW, 46 + PAGER_WINDOW + 1), None, 125]
    assert dict(entries)[1] == "../" and dict(entries)[47] == "../page-47/"
    assert dict(entries)[46] == "./"
    # Every page can be reached: each pager links its neighbours, and a gap is never one page.
    for count in (1, 2, 7, 40):
        for current in range(1, count + 1):
            shown = [n for n, _ in url_pager("t", count, current) if n is not None]
            assert {1, count, max(1, current - 1), min(count, current + 1)} <= set(shown)
            gaps = [b - a for a, b in zip(shown, shown[1:], strict=False)]
            assert all(gap >= 1 for gap in gaps)
            entries = url_pager("t", count, current)
            for (a, _), (b, _), (c, _) in zip(entries, entries[1:], entries[2:], strict=False):
                if b is None:
                    assert a is not None and c is not None and c - a > 2
