"""The archive's model: plain, immutable data with no I/O.

Everything the renderer needs is here; ``load`` builds it from ``content/`` and
``tagging`` fills in the topics of each paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

EVENT_KINDS: dict[str, str] = {
    "news-conference": "News conference",
    "joint-news-conference": "Joint news conference",
    "press-briefing": "Press briefing",
    "press-gaggle": "Press gaggle",
    "background-call": "Background press call",
    "interview": "Interview",
    "debate": "Debate",
    "speech": "Speech",
    "remarks": "Remarks",
    "statement": "Statement",
    "other": "Other",
}
"""Kinds of event a transcript records, with their display names."""

TURN_KINDS: dict[str, str] = {
    "statement": "Statement",
    "question": "Question",
    "answer": "Answer",
    "remark": "Remark",
    "note": "Note",
    "omitted": "Not in the source",
}
"""Kinds of turn, with their display names. An ``omitted`` turn has no paragraphs:
it marks where the source leaves out somebody's words. A ``note`` turn holds a stage
note printed between turns (``(Laughter.)``, ``END 2:34 P.M. EDT``)."""

TOPIC_KINDS = ("issue", "region", "country", "organisation", "person", "event")
"""Kinds of topic in the taxonomy."""


@dataclass(frozen=True)
class Role:
    """A position a speaker held, optionally bounded by dates."""

    title: str
    """The position as it should be displayed (``Minister of Foreign Affairs of Russia``)."""
    start: str | None = None
    """First day in the role (ISO date), or None when unknown."""
    end: str | None = None
    """Last day in the role (ISO date), or None when still held or unknown."""

    def covers(self, day: str) -> bool:
        """Tell whether the role was held on ``day`` (ISO date); open bounds count as held."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Speaker:
    """A person (or an anonymous role) who speaks in transcripts."""

    id: str
    """Stable slug, also the URL ``/speakers/<id>/``."""
    name: str
    """Display name."""
    variants: tuple[str, ...] = ()
    """Names and labels as publishers print them, matched case-insensitively by the importers."""
    roles: tuple[Role, ...] = ()
    """Positions held, in the order given in the registry."""
    country: str | None = None
    """Country the speaker represents, if any."""
    reviewed: bool = True
    """False for entries an importer added that no editor has checked yet."""
    kind: str = "person"
    """``person``, or ``role`` for an anonymous official (``Senior administration official``)."""

    def roles_on(self, day: str) -> tuple[Role, ...]:
        """Return the roles held on ``day`` (ISO date)."""
        return tuple(role for role in self.roles if role.covers(day))


@dataclass(frozen=True)
class Topic:
    """One subject of the taxonomy."""

    id: str
    """Stable slug, also the URL ``/topics/<id>/``."""
    title: str
    """Display title."""
    kind: str
    """One of ``TOPIC_KINDS``."""
    description: str
    """One or two sentences about the subject."""
    parent: str | None = None
    """Id of the broader topic, if any."""
    patterns: tuple[str, ...] = ()
    """Words and phrases (or ``/regex/``) that identify the topic in a paragraph."""
    exclude: tuple[str, ...] = ()
    """Phrases whose matches do not count for this topic."""
    weak: tuple[str, ...] = ()
    """Words that alone are no evidence of the topic: a demonym ("Americans" is mostly
    people, not the country), a word with other senses ("manufacturing", "pardoned"),
    an agency or a person standing for an issue ("FEMA"). They count only beside a
    second cue: one of the topic's ``patterns``, or another of its weak words."""
    publishers: tuple[str, ...] = ()
    """Publishers whose own country the topic is ("The White House" for the United
    States): in their transcripts the country is named everywhere, so its words are no
    evidence of the topic there (an editor can still add it)."""
    former_ids: tuple[str, ...] = ()
    """Ids the topic had before a rename; their addresses redirect to this topic."""


RELEVANCE_KINDS = ("about", "mention")
"""How a paragraph stands to one of its topics: it is ``about`` it (the paragraph belongs
on the topic's page), or it ``mention``s it in passing (listed apart)."""


@dataclass(frozen=True)
class Relevance:
    """How much a paragraph is about one of its topics (``generator.relevance``)."""

    topic: str
    """Topic id."""
    kind: str
    """One of ``RELEVANCE_KINDS``."""
    score: float
    """From 0 to 1; ``about`` from ``relevance.ABOUT`` up."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a turn, exactly as in the source."""

    id: str
    """Anchor within the transcript: ``p1``, ``p2``, ... in reading order unless the
    content gives one, so that an anchor stays put when text is inserted before it."""
    text: str
    """The words as printed by the publisher."""
    topics: tuple[str, ...] = ()
    """Topic ids, filled in by tagging."""
    topics_added: tuple[str, ...] = ()
    """Topic ids an editor set by hand (``topics: {add: [...]}``)."""
    topics_removed: tuple[str, ...] = ()
    """Topic ids an editor ruled out by hand (``topics: {remove: [...]}``)."""
    marks: tuple[tuple[str, int, int], ...] = ()
    """(topic id, start, end) of the words that identify each topic; filled in by tagging
    and used to highlight them."""
    relevance: tuple[Relevance, ...] = ()
    """One per topic, in the order of ``topics``; filled in by tagging."""
    start: str | None = None
    """Where the paragraph starts in the recording (``HH:MM:SS`` or ``HH:MM:SS.mmm``), when
    the source says (captions, timed exports); shown before the paragraph."""

    @property
    def weighed(self) -> tuple[Relevance, ...]:
        """How the paragraph stands to each of its topics, in the order of ``topics``:
        ``relevance``, or, where it is not known (an untagged model), about all of them."""
        if self.relevance or not self.topics:
            return self.relevance
        return tuple(Relevance(topic, "about", 1.0) for topic in self.topics)

    @property
    def about(self) -> tuple[str, ...]:
        """The topics the paragraph is about (not only mentions), in the order of
        ``topics`` (``weighed``)."""
        return tuple(r.topic for r in self.weighed if r.kind == "about")

    @property
    def mentioned(self) -> tuple[str, ...]:
        """The topics the paragraph only mentions in passing, in the order of ``topics``."""
        return tuple(r.topic for r in self.weighed if r.kind != "about")


@dataclass(frozen=True)
class Turn:
    """An uninterrupted stretch of one speaker (or one unnamed journalist)."""

    id: str
    """Anchor within the transcript: ``t1``, ``t2``, ..."""
    kind: str
    """One of ``TURN_KINDS``."""
    speaker: str | None
    """Speaker id, or None for an unnamed journalist."""
    label: str | None = None
    """The label exactly as printed before the words (without the colon), if any."""
    to: tuple[str, ...] = ()
    """Speaker ids a question is addressed to."""
    note: str | None = None
    """Editorial or printed note about the turn (``adds to Fumio Kishida’s answer``)."""
    responds_to: str | None = None
    """Id of the turn this one answers or adds to; filled in by ``threads``."""
    paragraphs: tuple[Paragraph, ...] = ()
    """The words, paragraph by paragraph."""

    @cached_property
    def words(self) -> int:
        """How many whitespace-separated words its paragraphs hold. (Counted once: the
        count is kept with the turn, in the cache too, when it was asked before.)"""
        return sum(len(paragraph.text.split()) for paragraph in self.paragraphs)


@dataclass(frozen=True)
class Participant:
    """A speaker taking part in the event, with the role they held there."""

    speaker: str
    """Speaker id."""
    role: str | None = None
    """Role at the event, as the title gives it."""


@dataclass(frozen=True)
class Source:
    """Where a transcript comes from."""

    publisher: str
    """Who published the transcript."""
    url: str | None = None
    """Address of the original, when known."""
    file: str | None = None
    """The raw file kept beside the data, relative to the content folder."""
    format: str | None = None
    """Name of the importer that read the raw file."""


@dataclass(frozen=True)
class Transcript:
    """One press conference, briefing or interview."""

    id: str
    """Stable slug, also the URL ``/transcripts/<id>/``."""
    title: str
    """Title as published."""
    date: str
    """ISO date of the event."""
    event: str
    """One of ``EVENT_KINDS``."""
    source: Source
    """Provenance."""
    place: str | None = None
    """Where the event took place."""
    time: str | None = None
    """Time of day as printed (``1:27 P.M. EDT``)."""
    supersedes: str | None = None
    """Id of an earlier transcript that this one corrects or re-issues."""
    former_ids: tuple[str, ...] = ()
    """Ids the transcript had before a rename; their addresses redirect to this one."""
    participants: tuple[Participant, ...] = ()
    """Principal speakers."""
    turns: tuple[Turn, ...] = ()
    """The transcript itself, in order."""

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph of every turn, in reading order."""
        return tuple(p for turn in self.turns for p in turn.paragraphs)

    @property
    def speaker_ids(self) -> tuple[str, ...]:
        """Speakers whose words are in the transcript, in order of first appearance."""
        ids = (t.speaker for t in self.turns if t.speaker is not None and t.paragraphs)
        return tuple(dict.fromkeys(ids))

    @property
    def topic_ids(self) -> tuple[str, ...]:
        """Topics of any paragraph, in order of first appearance."""
        return tuple(dict.fromkeys(topic for p in self.paragraphs for topic in p.topics))


@dataclass(frozen=True)
class Archive:
    """Everything in a content folder, validated and cross-referenced."""

    transcripts: tuple[Transcript, ...]
    """Sorted newest first, then by id."""
    speakers: dict[str, Speaker] = field(default_factory=dict)
    """Registry by id, in registry order."""
    topics: dict[str, Topic] = field(default_factory=dict)
    """Taxonomy by id, in file order."""
