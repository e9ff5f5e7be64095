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
