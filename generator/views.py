"""Cross-references the pages need: who said what, where, about which topic.

Pure functions of the tagged archive; the renderer turns them into pages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.model import Archive, Paragraph, Transcript, Turn


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph in its context."""

    transcript: Transcript
    turn: Turn
    paragraph: Paragraph


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """Everything a speaker page shows."""

    transcripts: tuple[Transcript, ...]
    """Every transcript they take part in or speak in, newest first."""
    turns: tuple[tuple[Transcript, tuple[Turn, ...]], ...]
    """Their spoken turns, grouped by transcript, newest first."""
    questions: tuple[tuple[Transcript, Turn], ...]
    """Questions put to them, newest first: addressed to them, or answered by them."""
    questions_by_topic: tuple[tuple[str | None, tuple[tuple[Transcript, Turn], ...]], ...]
    """The same questions grouped by the topics they are about (None: none), largest
    group first."""
    topics: tuple[tuple[str, int], ...]
    """Topics their paragraphs are about, with counts, most frequent first."""
    words: int
    """Words they speak in the archive."""


@dataclass(frozen=True, slots=True)
class Views:
    """All cross-references of an archive."""

    passages: dict[str, tuple[Passage, ...]]
    """Topic id → passages about it (``Paragraph.about``), newest first."""
    mentions: dict[str, tuple[Passage, ...]]
    """Topic id → passages that only mention it in passing, newest first."""
    topic_speakers: dict[str, tuple[tuple[str | None, int], ...]]
    """Topic id → speaker ids (None: unnamed journalists) with counts of their paragraphs
    about it."""
    topic_years: dict[str, tuple[tuple[str, int, int, int], ...]]
    """Topic id → (year, paragraphs said about it, paragraphs asked about it, paragraphs
    that only mention it) for every year of the archive."""
    speakers: dict[str, SpeakerView]
    """Speaker id → speaker page data."""


def word_count(text: str) -> int:
    """Number of whitespace-separated words (as ``Turn.words`` counts them)."""
    return len(text.split())


def topics_about(transcript: Transcript) -> tuple[str, ...]:
    """Topics any paragraph of the transcript is about, in order of first appearance."""
    return tuple(dict.fromkeys(topic for p in transcript.paragraphs for topic in p.about))


def offered(archive: Archive, views: Views) -> tuple[str, ...]:
    """Ids of the topics some passage is about, in taxonomy order: the only ones offered
    to readers as topics to follow (a topic only mentioned has nothing to show)."""
    return tuple(tid for tid in archive.topics if views.passages[tid])


def only_mentioned(archive: Archive, views: Views) -> tuple[str, ...]:
    """Ids of the topics no passage is about but some mention in passing, in taxonomy
    order: listed apart from the offered topics, leading to their mentions."""
    return tuple(tid for tid in archive.topics
                 if not views.passages[tid] and views.mentions[tid])


def offered_tree(archive: Archive, views: Views) -> dict[str | None, tuple[str, ...]]:
    """The offered topics (``offered``) as a tree: parent → children, in taxonomy order,
    each under its nearest offered ancestor (None: at the top), so that a topic whose
    broader topic has no passage of its own still has a place."""
    shown = set(offered(archive, views))
    tree: dict[str | None, list[str]] = defaultdict(list)
    for tid in archive.topics:
        if tid in shown:
            tree[_offered_ancestor(archive, tid, shown)].append(tid)
    return {parent: tuple(children) for parent, children in tree.items()}


def _offered_ancestor(archive: Archive, topic: str, shown: set[str]) -> str | None:
    """The nearest broader topic of ``topic`` that is in ``shown``, or None."""
    seen = {topic}
    parent = archive.topics[topic].parent
    while parent is not None and parent not in shown and parent not in seen:
        seen.add(parent)
        parent = archive.topics[parent].parent if parent in archive.topics else None
    return parent if parent in shown else None


def build_views(archive: Archive) -> Views:
    """Compute the cross-references of a tagged archive (transcripts already newest first)."""
    passages: dict[str, list[Passage]] = defaultdict(list)
    mentions: dict[str, list[Passage]] = defaultdict(list)
    # (counts in dicts of ints: a Counter's ``+=`` on a new key runs Python code)
    by_topic_speaker: dict[str, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    appears: dict[str, list[Transcript]] = defaultdict(list)
    turns: dict[str, list[tuple[Transcript, list[Turn]]]] = defaultdict(list)
    questions: dict[str, list[tuple[Transcript, Turn]]] = defaultdict(list)
    topics: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    words: dict[str, int] = defaultdict(int)
    years: dict[str, dict[tuple[str, bool], int]] = defaultdict(lambda: defaultdict(int))
    passing: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))  # mentions/year
    for transcript in archive.transcripts:
        year = transcript.date[:4]
        involved = {p.speaker for p in transcript.participants}
        asked = {turn.id: turn for turn in transcript.turns if turn.kind == "question"}
        position = {turn.id: number for number, turn in enumerate(transcript.turns)}
        put: dict[str, list[Turn]] = defaultdict(list)  # speaker → questions, in order
        for turn in transcript.turns:
            speaker = turn.speaker
            for target in turn.to:
                put[target].append(turn)
            if speaker is not None and turn.responds_to in asked:
                put[speaker].append(asked[turn.responds_to])
            if speaker is not None:
                involved.add(speaker)
                if turn.paragraphs:
                    mine = turns[speaker]
                    if not mine or mine[-1][0] is not transcript:
                        mine.append((transcript, []))
                    mine[-1][1].append(turn)
                    words[speaker] += turn.words
            tagged: list[str] = []  # the topics each of its paragraphs is about
            for paragraph in turn.paragraphs:
                if paragraph.topics:
                    passage = Passage(transcript, turn, paragraph)  # (one per paragraph)
                    about = paragraph.about
                    for topic in about:
                        passages[topic].append(passage)
                    for topic in paragraph.mentioned:
                        mentions[topic].append(passage)
                        passing[topic][year] += 1
                    tagged += about
            if tagged:  # (counted once per turn: a turn has one speaker and one kind)
                counts: dict[str, int] = defaultdict(int)
                for topic in tagged:
                    counts[topic] += 1
                when = (year, turn.kind == "question")
                for topic, count in counts.items():
                    if speaker is not None:
                        topics[speaker][topic] += count
                    by_topic_speaker[topic][speaker] += count
                    years[topic][when] += count
        for speaker in sorted(involved):
            appears[speaker].append(transcript)
        for speaker, put_to in put.items():
            # A question both addressed to someone and answered by them counts once.
            ordered = sorted({id(q): q for q in put_to}.values(),
                             key=lambda q: position[q.id])
            questions[speaker] += [(transcript, question) for question in ordered]
    all_years = sorted({t.date[:4] for t in archive.transcripts})
    speakers = {
        sid: SpeakerView(
            transcripts=tuple(appears[sid]),
            turns=tuple((t, tuple(ts)) for t, ts in turns[sid]),
            questions=tuple(questions[sid]),
            questions_by_topic=_group_by_topic(questions[sid]),
            topics=tuple(sorted(topics[sid].items(), key=lambda kv: (-kv[1], kv[0]))),
            words=words[sid],
        )
        for sid in archive.speakers
    }
    return Views(
        passages={tid: tuple(passages[tid]) for tid in archive.topics},
        mentions={tid: tuple(mentions[tid]) for tid in archive.topics},
        topic_speakers={
            tid: tuple(sorted(by_topic_speaker[tid].items(),
                              key=lambda kv: (-kv[1], kv[0] or "")))
            for tid in archive.topics
        },
        speakers=speakers,
        topic_years={
            tid: tuple(
                (year, years[tid][(year, False)], years[tid][(year, True)], passing[tid][year])
                for year in all_years
            )
            for tid in archive.topics
        },
    )


def _group_by_topic(
    questions: list[tuple[Transcript, Turn]],
) -> tuple[tuple[str | None, tuple[tuple[Transcript, Turn], ...]], ...]:
    """Questions under each topic they are about (a topic a question only mentions does
    not count); those about no topic under None."""
    groups: dict[str | None, list[tuple[Transcript, Turn]]] = defaultdict(list)
    for transcript, turn in questions:
        topics = dict.fromkeys(t for p in turn.paragraphs for t in p.about)
        for topic in topics or [None]:
            groups[topic].append((transcript, turn))
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))
    return tuple((topic, tuple(items)) for topic, items in ordered)
