"""Topic tagging: which topics each paragraph is about.

A topic's patterns are whole words or phrases matched case-insensitively (spaces match
any whitespace, an apostrophe matches ' and ’), or ``/regular expressions/``.
Matches that overlap one of the topic's ``exclude`` phrases do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.model import Archive, Paragraph, Speaker, Topic, Transcript
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


def _leading_literal(source: str) -> tuple[str, bool]:
    """The literal text every match of a regular expression starts with, casefolded, and
    whether the expression starts at a word boundary (``\\b``). ("", False) if none."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        nodes = list(_parser.parse(source, re.IGNORECASE))
    except re.error:
        return "", False
    boundary, chars = False, []
    while nodes:
        op, value = nodes.pop(0)
        name = str(op)
        if name == "AT" and str(value) == "AT_BOUNDARY" and not chars:
            boundary = True
        elif name == "LITERAL":
            chars.append(chr(value))
        elif name == "SUBPATTERN" and not chars and value[3] is not None:
            nodes = list(value[3]) + nodes  # (?-i:...) and (...) at the start
        else:
            break
    return "".join(chars).casefold(), boundary


@dataclass(frozen=True)
class Gate:
    """When a regular expression is worth running on a text."""

    pattern: re.Pattern[str]
    """The compiled expression."""
    literal: str
    """What every match starts with (casefolded), or "" when nothing is known."""
    boundary: bool
    """The literal starts a word: some word of the text must begin with it."""


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
    regexes: tuple[Gate, ...]
    """The topic's regular expressions, each with what a text must contain to match."""
    excludes: tuple[re.Pattern[str], ...]
    """What must not count as a match; tried only where something matched."""

    def spans(self, text: str, words: set[str] | None = None,
              folded: str | None = None) -> list[tuple[int, int]]:
        """Character spans in ``text`` that identify the topic, sorted and not overlapping.

        ``words`` (the casefolded words of ``text``) and ``folded`` (``text.casefold()``)
        may be given to save recomputing them.
        """
        folded = text.casefold() if folded is None else folded
        if words is None:
            words = set(_WORD.findall(folded))
        scans = [g.pattern for g in self.regexes if not g.literal or g.literal in folded]
        if not self.triggers.isdisjoint(words):
            scans += self.phrases
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
_KEY = 4
"""Words are indexed by their first letters (up to this many) to find candidate topics."""


def matchers(topics: dict[str, Topic]) -> list[Matcher]:
    """Compile every topic that has patterns, in taxonomy order."""
    compiled = []
    for topic in topics.values():
        if not topic.patterns:
            continue
        phrases = tuple(p for p in topic.patterns if not _is_regex(p))
        firsts = (_WORD.findall(p.casefold()) for p in phrases)
        gates = []
        for pattern in (p for p in topic.patterns if _is_regex(p)):
            literal, boundary = _leading_literal(pattern[1:-1])
            gates.append(Gate(compile_pattern(pattern), literal, boundary))
        compiled.append(Matcher(
            topic=topic.id,
            phrases=compile_patterns(phrases),
            triggers=frozenset(words[0] for words in firsts if words),
            regexes=tuple(gates),
            excludes=compile_patterns(topic.exclude),
        ))
    return compiled


class Index:
    """Which topics could possibly occur in a text, from its words: most paragraphs name
    a handful of the taxonomy's topics, and trying every topic on every paragraph would
    cost topics × paragraphs pattern runs."""

    def __init__(self, compiled: list[Matcher]):
        self.compiled = compiled
        self.by_word: dict[str, set[int]] = {}
        self.by_start: dict[str, set[int]] = {}
        self.always: set[int] = set()
        for number, matcher in enumerate(compiled):
            for word in matcher.triggers:
                self.by_word.setdefault(word, set()).add(number)
            for gate in matcher.regexes:
                literal = gate.literal
                if gate.boundary and _WORD.fullmatch(literal[:_KEY]) and len(literal) >= 2:
                    self.by_start.setdefault(literal[:_KEY], set()).add(number)
                else:
                    self.always.add(number)

    def candidates(self, words: set[str]) -> list[Matcher]:
        """The matchers worth trying on a text with these casefolded words, in order."""
        found = set(self.always)
        for word in words:
            found.update(self.by_word.get(word, ()))
            for size in range(2, min(len(word), _KEY) + 1):
                found.update(self.by_start.get(word[:size], ()))
        return [self.compiled[n] for n in sorted(found)]


def topics_of(text: str, compiled: list[Matcher]) -> tuple[str, ...]:
    """Topic ids whose patterns occur in ``text``, in taxonomy order."""
    return tuple(topic for topic, _ in _matches(text, Index(compiled)))


def _matches(text: str, index: Index) -> list[tuple[str, list[tuple[int, int]]]]:
    folded = text.casefold()
    words = set(_WORD.findall(folded))
    found = ((m.topic, m.spans(text, words, folded)) for m in index.candidates(words))
    return [(topic, spans) for topic, spans in found if spans]


def tag_paragraph(paragraph: Paragraph, compiled: Index, order: dict[str, int]) -> Paragraph:
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
    transcript: Transcript, compiled: list[Matcher] | Index, order: dict[str, int] | None = None
) -> Transcript:
    """Return ``transcript`` with the topics of every paragraph filled in."""
    compiled = compiled if isinstance(compiled, Index) else Index(compiled)
    order = order or {m.topic: index for index, m in enumerate(compiled.compiled)}
    turns = tuple(
        replace(turn, paragraphs=tuple(tag_paragraph(p, compiled, order) for p in turn.paragraphs))
        for turn in transcript.turns
    )
    return replace(transcript, turns=turns)


def carry_over(transcript: Transcript, order: dict[str, int]) -> Transcript:
    """Give an answer the topics of its question that the answer does not name itself.

    They go to the answer's first paragraph, and to every other paragraph of the answer
    that names no topic at all: "What about the islands?" – "We discussed that today" is
    about the islands although the answer never says so. A topic an editor removed from
    a paragraph is not carried into it.
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
        carried = asked - named
        paragraphs = []
        for number, paragraph in enumerate(turn.paragraphs):
            if carried and (number == 0 or not paragraph.topics):
                topics = {*paragraph.topics, *(carried - set(paragraph.topics_removed))}
                paragraph = replace(paragraph, topics=tuple(sorted(topics, key=order.__getitem__)))
            paragraphs.append(paragraph)
        turns.append(replace(turn, paragraphs=tuple(paragraphs)))
    return replace(transcript, turns=tuple(turns))


class Tagger:
    """Prepares one transcript: links answers to questions, tags every paragraph,
    carries question topics over. Made once per archive; picklable, so that worker
    processes can use it."""

    def __init__(self, speakers: dict[str, Speaker], topics: dict[str, Topic]):
        self.speakers = speakers
        self.compiled = Index(matchers(topics))
        self.order = {topic: index for index, topic in enumerate(topics)}

    def __call__(self, transcript: Transcript) -> Transcript:
        linked = link_turns(transcript, self.speakers)
        return carry_over(tag_transcript(linked, self.compiled, self.order), self.order)


def tag(archive: Archive) -> Archive:
    """Link answers to questions, tag every paragraph, carry question topics over."""
    tagger = Tagger(archive.speakers, archive.topics)
    return replace(archive, transcripts=tuple(tagger(t) for t in archive.transcripts))
