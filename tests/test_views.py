"""Cross-references: what speaker pages list (on the sample), and which passages a topic
is about and which only mention it (on made-up archives)."""

from __future__ import annotations

from conftest import CONTENT

from generator.load import load
from generator.model import Archive, Paragraph, Relevance, Source, Speaker, Topic, Transcript, Turn
from generator.tagging import tag
from generator.views import (
    build_views,
    offered,
    offered_tree,
    only_mentioned,
    topics_about,
)


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


def _paragraph(ident: str, *relevance: tuple[str, str]) -> Paragraph:
    """A made-up paragraph with its topics weighed by hand: (topic, kind) pairs."""
    return Paragraph(id=ident, text=f"Made-up words of {ident}.",
                     topics=tuple(topic for topic, _ in relevance),
                     relevance=tuple(Relevance(topic, kind, 0.9 if kind == "about" else 0.1)
                                     for topic, kind in relevance))


def _made_up_archive() -> Archive:
    """Two made-up transcripts (2021, then 2020) whose paragraphs are about some topics
    and mention others; "aircraft" and "kites" have no passage at all."""
    newer = Transcript(
        id="2021-05-05-firefly-hangar", title="Made-up hangar talk", date="2021-05-05",
        event="interview", source=Source("Freedonia Broadcasting"),
        turns=(
            Turn(id="t1", kind="question", speaker=None, to=("rufus-firefly",),
                 paragraphs=(_paragraph("p1", ("zeppelins", "about"), ("balloons", "mention")),)),
            Turn(id="t2", kind="answer", speaker="rufus-firefly", responds_to="t1",
                 paragraphs=(_paragraph("p2", ("zeppelins", "mention"), ("hangars", "about")),
                             _paragraph("p3", ("zeppelins", "about")))),
        ))
    older = Transcript(
        id="2020-04-04-firefly-field", title="Made-up field talk", date="2020-04-04",
        event="speech", source=Source("Freedonia Broadcasting"),
        turns=(Turn(id="t1", kind="statement", speaker="rufus-firefly",
                    paragraphs=(_paragraph("p1", ("zeppelins", "about")),
                                _paragraph("p2", ("balloons", "mention")))),))
    topics = {topic.id: topic for topic in (
        Topic("aircraft", "Aircraft", "issue", "Made-up."),
        Topic("zeppelins", "Zeppelins", "issue", "Made-up.", parent="aircraft"),
        Topic("balloons", "Balloons", "issue", "Made-up.", parent="zeppelins"),
        Topic("hangars", "Hangars", "issue", "Made-up.", parent="balloons"),
        Topic("kites", "Kites", "issue", "Made-up.", parent="aircraft"),
    )}
    speakers = {"rufus-firefly": Speaker("rufus-firefly", "Rufus Firefly")}
    return Archive(transcripts=(newer, older), speakers=speakers, topics=topics)


def _ids(passages) -> list[tuple[str, str]]:
    return [(p.transcript.date[:4], p.paragraph.id) for p in passages]


def test_topic_passages_are_those_about_it_and_mentions_are_apart() -> None:
    views = build_views(_made_up_archive())
    assert _ids(views.passages["zeppelins"]) == [("2021", "p1"), ("2021", "p3"), ("2020", "p1")]
    assert _ids(views.mentions["zeppelins"]) == [("2021", "p2")]
    assert _ids(views.passages["balloons"]) == []
    assert _ids(views.mentions["balloons"]) == [("2021", "p1"), ("2020", "p2")]
    assert _ids(views.passages["hangars"]) == [("2021", "p2")]
    assert views.passages["kites"] == views.mentions["kites"] == ()


def test_a_topic_s_counts_are_of_the_passages_about_it() -> None:
    views = build_views(_made_up_archive())
    assert views.topic_speakers["zeppelins"] == (("rufus-firefly", 2), (None, 1))
    assert views.topic_speakers["balloons"] == ()
    # (year, said, asked, mentioned in passing)
    assert views.topic_years["zeppelins"] == (("2020", 1, 0, 0), ("2021", 1, 1, 1))
    assert views.topic_years["balloons"] == (("2020", 0, 0, 1), ("2021", 0, 0, 1))
    assert views.topic_years["kites"] == (("2020", 0, 0, 0), ("2021", 0, 0, 0))
    firefly = views.speakers["rufus-firefly"]
    assert firefly.topics == (("zeppelins", 2), ("hangars", 1))
    # The question he answered names balloons in passing: grouped under zeppelins only.
    assert [(topic, len(items)) for topic, items in firefly.questions_by_topic] == [
        ("zeppelins", 1)]


def test_only_topics_with_a_passage_about_them_are_offered() -> None:
    archive = _made_up_archive()
    views = build_views(archive)
    assert offered(archive, views) == ("zeppelins", "hangars")
    # Hangars' broader topic, balloons, has no passage: it goes under zeppelins.
    assert offered_tree(archive, views) == {None: ("zeppelins",), "zeppelins": ("hangars",)}
    assert only_mentioned(archive, views) == ("balloons",)
    newer = archive.transcripts[0]
    assert topics_about(newer) == ("zeppelins", "hangars")
    assert newer.turns[0].paragraphs[0].mentioned == ("balloons",)


def test_a_paragraph_not_weighed_is_about_all_its_topics() -> None:
    paragraph = Paragraph(id="p1", text="Zeppelins and balloons.", topics=("zeppelins", "balloons"))
    assert paragraph.about == ("zeppelins", "balloons")
    assert paragraph.mentioned == ()
