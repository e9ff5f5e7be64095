"""Exchanges and the topics of questions and answers, on obviously synthetic transcripts."""

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


def test_an_answer_gets_no_topic_it_does_not_name() -> None:
    tagged = Tagger(SPEAKERS, TOPICS)(transcript(
        ("question", None, ["What about the islands and the fish?"], None),
        ("answer", "ivan-testov", ["We discussed that at length today.", "The fish are fine.",
                                   "And that was the whole of the talks."], None),
    ))
    answer = tagged.turns[1].paragraphs
    # A question's topics stay with the question: an answer is tagged with what it
    # names itself (a judged sample found most answers given a topic only by their
    # question were not about it).
    assert [p.topics for p in answer] == [(), ("fish",), ()]
    # the question's islands, named once and taken up by nobody, are a name in passing
    assert tagged.turns[0].paragraphs[0].topics == ("fish",)


def test_a_topic_named_once_in_passing_is_not_tagged() -> None:
    tagged = Tagger(SPEAKERS, TOPICS)(transcript(
        ("statement", "ivan-testov", ["We flew over the islands. The weather was calm. "
                                      "Lunch was served late.",
                                      "The fish quota is the subject today. The fish "
                                      "stocks are low. Fish prices rose."], None),
    ))
    passing, subject = tagged.turns[0].paragraphs
    assert passing.topics == () and passing.marks == ()
    assert subject.topics == ("fish",) and subject.about == ("fish",)


def test_question_and_answer_on_one_topic_weigh_more_than_a_passing_name() -> None:
    tagged = Tagger(SPEAKERS, TOPICS)(transcript(
        ("question", None, ["What about the fish?"], None),
        ("answer", "ivan-testov", ["The fish are fine. The fish talks went on all day."], None),
        ("question", None, ["And your trip?"], None),
        ("answer", "ivan-testov", ["I went by boat. We ate fish. It rained. We ate fish "
                                   "again. The hotel was small."], None),
        # the rest of the briefing is on another topic: fish is not its subject throughout
        *[turn for _ in range(2) for turn in (
            ("question", None, ["And the islands?"], None),
            ("answer", "ivan-testov", ["The islands are calm.", "The islands vote soon.",
                                       "Islands matter.", "The islands again."], None))],
    ))
    first = tagged.turns[1].paragraphs[0].relevance
    passing = tagged.turns[3].paragraphs[0].relevance
    assert [(r.topic, r.kind) for r in first] == [("fish", "about")]
    assert [(r.topic, r.kind) for r in passing] == [("fish", "mention")]
    assert first[0].score > passing[0].score
    assert tagged.turns[1].paragraphs[0].about == ("fish",)
    assert tagged.turns[3].paragraphs[0].about == ()


def test_hand_set_topics_win() -> None:
    text = "The islands again."
    added = Paragraph("p1", text, topics_added=("fish",), topics_removed=("islands",))
    turn = Turn("t1", "statement", "ivan-testov", paragraphs=(added,))
    base = transcript(("statement", "ivan-testov", [text], None))
    tagged = Tagger(SPEAKERS, TOPICS)(Transcript(**{**base.__dict__, "turns": (turn,)}))
    paragraph = tagged.turns[0].paragraphs[0]
    assert paragraph.topics == ("fish",)
    assert paragraph.marks == ()  # nothing highlighted for a topic an editor removed
    assert [(r.topic, r.kind, r.score) for r in paragraph.relevance] == [("fish", "about", 1.0)]
