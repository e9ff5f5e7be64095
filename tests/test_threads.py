"""Exchanges and carried-over topics, on obviously synthetic transcripts."""

from __future__ import annotations

from generator.model import Paragraph, Source, Speaker, Topic, Transcript, Turn
from generator.tagging import Tagger
from generator.threads import link_turns

SPEAKERS = {
    "ivan-testov": Speaker("ivan-testov", "Ivan Testov", ("Ivan Testov",)),
    "rufus-firefly": Speaker("rufus-firefly", "Rufus Firefly", ("Rufus Firefly",)),
}
TOPICS = {
    "islands": Topic("islands", "Islands", "issue", "Made-up islands.", patterns=("islands",)),
    "fish": Topic("fish", "Fish", "issue", "Made-up fisheries.", patterns=("fish",)),
}


def transcript(*turns: tuple[str, str | None, list[str], str | None]) -> Transcript:
    built, number = [], 0
    for index, (kind, speaker, texts, note) in enumerate(turns, start=1):
        paragraphs = []
        for text in texts:
            number += 1
            paragraphs.append(Paragraph(f"p{number}", text))
        built.append(Turn(f"t{index}", kind, speaker, note=note, paragraphs=tuple(paragraphs)))
    return Transcript("2019-03-03-test", "Test", "2019-03-03", "news-conference",
                      Source("Ministry of Tests"), turns=tuple(built))


def test_answers_and_additions_are_linked() -> None:
    linked = link_turns(transcript(
        ("statement", "ivan-testov", ["Welcome."], None),
        ("question", None, ["A question?"], None),
        ("answer", "ivan-testov", ["An answer."], None),
        ("omitted", "rufus-firefly", [], "answer not included in the source"),
        ("answer", "ivan-testov", ["More."], "adds to Rufus Firefly’s answer"),
        ("question", None, ["Another?"], None),
        ("answer", "rufus-firefly", ["Yes."], None),
    ), SPEAKERS)
    assert [t.responds_to for t in linked.turns] == [None, None, "t2", "t2", "t4", None, "t6"]


def test_question_topics_carry_over_to_the_answer_that_does_not_name_them() -> None:
    tagged = Tagger(SPEAKERS, TOPICS)(transcript(
        ("question", None, ["What about the islands and the fish?"], None),
        ("answer", "ivan-testov", ["We discussed that at length today.", "The fish are fine.",
                                   "And that was the whole of the talks."], None),
    ))
    answer = tagged.turns[1].paragraphs
    # The first paragraph stays on the question: the islands, which the answer never
    # names; the fish stay where the answer names them. Later paragraphs get nothing from
    # the question, whether they name a topic or not.
    assert [p.topics for p in answer] == [("islands",), ("fish",), ()]
    assert tagged.turns[0].paragraphs[0].topics == ("islands", "fish")


def test_no_carry_over_where_the_answer_points_elsewhere_or_says_nothing() -> None:
    tagged = Tagger(SPEAKERS, TOPICS)(transcript(
        ("question", None, ["What about the islands?"], None),
        ("answer", "ivan-testov", ["Let me talk about the fish instead, at some length."], None),
        ("question", None, ["And the islands, once more?"], None),
        ("answer", "ivan-testov", ["Go ahead, Rufus."], None),
    ))
    assert tagged.turns[1].paragraphs[0].topics == ("fish",)
    assert tagged.turns[3].paragraphs[0].topics == ()


def test_hand_set_topics_win() -> None:
    text = "The islands again."
    added = Paragraph("p1", text, topics_added=("fish",), topics_removed=("islands",))
    turn = Turn("t1", "statement", "ivan-testov", paragraphs=(added,))
    base = transcript(("statement", "ivan-testov", [text], None))
    tagged = Tagger(SPEAKERS, TOPICS)(Transcript(**{**base.__dict__, "turns": (turn,)}))
    paragraph = tagged.turns[0].paragraphs[0]
    assert paragraph.topics == ("fish",)
    assert paragraph.marks == ()  # nothing highlighted for a topic an editor removed
