"""Topic tagging: which topics each paragraph is about.

A topic's patterns are whole words or phrases matched case-insensitively (spaces match
any whitespace, an apostrophe matches ' and ’), or ``/regular expressions/``.
Matches that overlap one of the topic's ``exclude`` phrases do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.model import Archive, Paragraph, Topic, Transcript
from generator.threads import link_turns


def _source(pattern: str) -> str:
    if len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/"):
        return pattern[1:-1]
    words = [re.escape(word).replace("'", "['’]") for word in pattern.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile one topic pattern; raises ``re.error`` for an invalid regular expression."""
    return re.compile(_source(pattern), re.IGNORECASE)


def compile_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """All of a topic's patterns as one alternation (one scan of the text instead of
    one per pattern), or one by one if they cannot be combined."""
    if not patterns:
        return ()
    try:
        return (re.compile("|".join(f"(?:{_source(p)})" for p in patterns), re.IGNORECASE),)
    except re.error:
        return tuple(compile_pattern(p) for p in patterns)


def _is_regex(pattern: str) -> bool:
    return len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/")


@dataclass(frozen=True)
class Matcher:
    """The compiled patterns of one topic."""

    topic: str
    """Topic id."""
    phrases: tuple[re.Pattern[str], ...]
    """The topic's plain words and phrases, as one alternation."""
    triggers: frozenset[str]
    """Casefolded first words of the phrases: a text without any of them cannot match a
    phrase, which spares scanning most paragraphs for most topics."""
    regexes: tuple[re.Pattern[str], ...]
    """The topic's regular expressions, tried on every text."""
    excludes: tuple[re.Pattern[str], ...]
    """What must not count as a match; tried only where something matched."""

    def spans(self, text: str, words: set[str] | None = None) -> list[tuple[int, int]]:
        """Character spans in ``text`` that identify the topic, sorted and not overlapping.

        ``words`` (the casefolded words of ``text``) may be given to save recomputing it.
        """
        if words is None:
            words = set(_WORD.findall(text.casefold()))
        scans = self.regexes + (self.phrases if not self.triggers.isdisjoint(words) else ())
        found = [m.span() for rx in scans for m in rx.finditer(text) if m.end() > m.start()]
        if found and self.excludes:
            blocked = [m.span() for rx in self.excludes for m in rx.finditer(text)]
            found = [
                (a, b) for a, b in found
                if not any(a < end and start < b for start, end in blocked)
            ]
        merged: list[tuple[int, int]] = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


_WORD = re.compile(r"\w+")


def matchers(topics: dict[str, Topic]) -> list[Matcher]:
    """Compile every topic that has patterns, in taxonomy order."""
    compiled = []
    for topic in topics.values():
        if not topic.patterns:
            continue
        phrases = tuple(p for p in topic.patterns if not _is_regex(p))
        firsts = (_WORD.findall(p.casefold()) for p in phrases)
        compiled.append(Matcher(
            topic=topic.id,
            phrases=compile_patterns(phrases),
            triggers=frozenset(words[0] for words in firsts if words),
            regexes=compile_patterns(tuple(p for p in topic.patterns if _is_regex(p))),
            excludes=compile_patterns(topic.exclude),
        ))
    return compiled


def topics_of(text: str, compiled: list[Matcher]) -> tuple[str, ...]:
    """Topic ids whose patterns occur in ``text``, in taxonomy order."""
    return tuple(topic for topic, _ in _matches(text, compiled))


def _matches(text: str, compiled: list[Matcher]) -> list[tuple[str, list[tuple[int, int]]]]:
    words = set(_WORD.findall(text.casefold()))
    found = ((m.topic, m.spans(text, words)) for m in compiled)
    return [(topic, spans) for topic, spans in found if spans]


def tag_paragraph(paragraph: Paragraph, compiled: list[Matcher],
                  order: dict[str, int]) -> Paragraph:
    """The paragraph with its topics: those its words name, plus those an editor added,
    minus those an editor removed (the hand-made choice wins)."""
    matches = _matches(paragraph.text, compiled)
    removed = set(paragraph.topics_removed)
    topics = {topic for topic, _ in matches} | set(paragraph.topics_added)
    marks = tuple(
        (topic, start, end) for topic, spans in matches if topic not in removed
        for start, end in spans
    )
    return replace(
        paragraph, topics=tuple(sorted(topics - removed, key=order.__getitem__)), marks=marks
    )


def tag_transcript(
    transcript: Transcript, compiled: list[Matcher], order: dict[str, int] | None = None
) -> Transcript:
    """Return ``transcript`` with the topics of every paragraph filled in."""
    order = order or {m.topic: index for index, m in enumerate(compiled)}
    turns = tuple(
        replace(turn, paragraphs=tuple(tag_paragraph(p, compiled, order) for p in turn.paragraphs))
        for turn in transcript.turns
    )
    return replace(transcript, turns=turns)


def carry_over(transcript: Transcript, order: dict[str, int]) -> Transcript:
    """Give an answer the topics of its question that the answer does not name itself.

    They go to the answer's first paragraph: "What about the islands?" – "We discussed
    that today" is about the islands although the answer never says so.
    """
    by_id = {turn.id: turn for turn in transcript.turns}
    turns = []
    for turn in transcript.turns:
        question = by_id.get(turn.responds_to or "")
        if question is None or question.kind != "question" or not turn.paragraphs:
            turns.append(turn)
            continue
        asked = {t for p in question.paragraphs for t in p.topics}
        named = {t for p in turn.paragraphs for t in p.topics}
        carried = asked - named - set(turn.paragraphs[0].topics_removed)
        first, *rest = turn.paragraphs
        topics = tuple(sorted({*first.topics, *carried}, key=order.__getitem__))
        turns.append(replace(turn, paragraphs=(replace(first, topics=topics), *rest)))
    return replace(transcript, turns=tuple(turns))


def tag(archive: Archive) -> Archive:
    """Link answers to questions, tag every paragraph, carry question topics over."""
    compiled = matchers(archive.topics)
    order = {topic: index for index, topic in enumerate(archive.topics)}
    transcripts = tuple(
        carry_over(tag_transcript(link_turns(t, archive.speakers), compiled, order), order)
        for t in archive.transcripts
    )
    return replace(archive, transcripts=transcripts)
