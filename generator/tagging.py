"""Topic tagging: which topics each paragraph is about.

A topic's patterns are whole words or phrases matched case-insensitively (spaces match
any whitespace, an apostrophe matches ' and ’), or ``/regular expressions/``.
Matches that overlap one of the topic's ``exclude`` phrases do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.model import Archive, Topic, Transcript


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile one topic pattern; raises ``re.error`` for an invalid regular expression."""
    if len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/"):
        return re.compile(pattern[1:-1], re.IGNORECASE)
    words = [re.escape(word).replace("'", "['’]") for word in pattern.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Matcher:
    """The compiled patterns of one topic."""

    topic: str
    """Topic id."""
    patterns: tuple[re.Pattern[str], ...]
    """What identifies the topic."""
    excludes: tuple[re.Pattern[str], ...]
    """What must not count as a match."""

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans in ``text`` that identify the topic, sorted and not overlapping."""
        blocked = [m.span() for rx in self.excludes for m in rx.finditer(text)]
        found = sorted(
            m.span()
            for rx in self.patterns
            for m in rx.finditer(text)
            if m.end() > m.start()
            and not any(m.start() < end and start < m.end() for start, end in blocked)
        )
        merged: list[tuple[int, int]] = []
        for start, end in found:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


def matchers(topics: dict[str, Topic]) -> list[Matcher]:
    """Compile every topic that has patterns, in taxonomy order."""
    return [
        Matcher(
            topic.id,
            tuple(compile_pattern(p) for p in topic.patterns),
            tuple(compile_pattern(p) for p in topic.exclude),
        )
        for topic in topics.values()
        if topic.patterns
    ]


def topics_of(text: str, compiled: list[Matcher]) -> tuple[str, ...]:
    """Topic ids whose patterns occur in ``text``, in taxonomy order."""
    return tuple(m.topic for m in compiled if m.spans(text))


def tag_transcript(transcript: Transcript, compiled: list[Matcher]) -> Transcript:
    """Return ``transcript`` with the topics of every paragraph filled in."""
    turns = tuple(
        replace(
            turn,
            paragraphs=tuple(
                replace(p, topics=topics_of(p.text, compiled)) for p in turn.paragraphs
            ),
        )
        for turn in transcript.turns
    )
    return replace(transcript, turns=turns)


def tag(archive: Archive) -> Archive:
    """Tag every paragraph of the archive."""
    compiled = matchers(archive.topics)
    return replace(
        archive, transcripts=tuple(tag_transcript(t, compiled) for t in archive.transcripts)
    )
