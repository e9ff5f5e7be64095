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


def _required(nodes: list[tuple[object, object]]) -> tuple[str, ...]:
    """Texts, casefolded, one of which every match of a parsed regular expression holds;
    () when nothing is known. The longest literal run the expression cannot skip wins;
    an alternation requires one text of each branch."""
    if len(nodes) == 1 and str(nodes[0][0]) == "BRANCH":
        found: list[str] = []
        for branch in nodes[0][1][1]:  # type: ignore[index]
            texts = _required(list(branch))
            if not texts:
                return ()
            found += texts
        return tuple(dict.fromkeys(found))
    options: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, value in [*nodes, (None, None)]:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(value))  # type: ignore[arg-type]
            continue
        if run:
            options.append(("".join(run),))
            run = []
        if name == "SUBPATTERN":
            options.append(_required(list(value[3])))  # type: ignore[index]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and value[0] >= 1:  # type: ignore[index]
            options.append(_required(list(value[2])))  # type: ignore[index]
    options = [o for o in options if o and all(o)]
    if not options:
        return ()
    best = max(options, key=lambda texts: min(len(t) for t in texts))
    return tuple(dict.fromkeys(t.casefold() for t in best))


def required_texts(source: str) -> tuple[str, ...]:
    """``_required`` of a regular expression's source; () if it does not parse."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        return _required(list(_parser.parse(source, re.IGNORECASE)))
    except re.error:
        return ()


@dataclass(frozen=True)
class Gate:
    """When a regular expression is worth running on a text."""

    pattern: re.Pattern[str]
    """The compiled expression."""
    literal: str
    """What every match starts with (casefolded), or "" when nothing is known."""
    boundary: bool
    """The literal starts a word: some word of the text must begin with it."""
    required: tuple[str, ...] = ()
    """Casefolded texts one of which the text must hold (``required_texts``)."""

    def possible(self, folded: str) -> bool:
        """Whether the expression can match a text, given the text casefolded."""
        if self.literal and self.literal not in folded:
            return False
        return not self.required or any(text in folded for text in self.required)


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
    starts: dict[str, re.Pattern[str]] | None = None
    """The phrases by their casefolded first word, each group as one alternation in the
    taxonomy's order; ``None`` when some phrase does not begin with a letter or digit
    (then the whole alternation scans the text)."""

    def spans(self, text: str, words: set[str] | None = None, folded: str | None = None,
              phrases: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
        """Character spans in ``text`` that identify the topic, sorted and not overlapping.

        ``words`` (the casefolded words of ``text``) and ``folded`` (``text.casefold()``)
        may be given to save recomputing them; so may ``phrases``, the matches of the
        topic's phrases (``phrase_spans``).
        """
        folded = text.casefold() if folded is None else folded
        if words is None:
            words = set(_WORD.findall(folded))
        scans = [g.pattern for g in self.regexes if g.possible(folded)]
        if phrases is None and not self.triggers.isdisjoint(words):
            scans += self.phrases
        found = [m.span() for rx in scans for m in rx.finditer(text) if m.end() > m.start()]
        if phrases:
            found += phrases
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
        gates = []
        for pattern in (p for p in topic.patterns if _is_regex(p)):
            literal, boundary = _leading_literal(pattern[1:-1])
            gates.append(Gate(compile_pattern(pattern), literal, boundary,
                              required_texts(pattern[1:-1])))
        firsts = [_WORD.findall(p.casefold()) for p in phrases]
        compiled.append(Matcher(
            topic=topic.id,
            phrases=compile_patterns(phrases),
            triggers=frozenset(words[0] for words in firsts if words),
            regexes=tuple(gates),
            excludes=compile_patterns(topic.exclude),
            starts=_by_first_word(phrases, firsts),
        ))
    return compiled


def _by_first_word(
    phrases: tuple[str, ...], firsts: list[list[str]]
) -> dict[str, re.Pattern[str]] | None:
    """``Matcher.starts``: a phrase that begins with a word character can only match where
    a word of the text begins, and that word is the phrase's first word. ``None`` if a
    phrase begins otherwise, or if the phrases cannot be combined."""
    groups: dict[str, list[str]] = {}
    for phrase, words in zip(phrases, firsts, strict=True):
        if not words or not _WORD.match(phrase.casefold()):
            return None
        groups.setdefault(words[0], []).append(phrase)
    try:
        return {word: compile_patterns(tuple(group))[0] for word, group in groups.items()}
    except (re.error, IndexError):
        return None


def _word_starts(required: tuple[str, ...]) -> set[str]:
    """Keys for ``Index.by_start`` from the texts one of which a text must hold: for each,
    the first letters of a word it shows the start of (after a space or sign). Empty when
    some text has no such word."""
    keys = set()
    for text in required:
        match = re.search(r"(?<=\W)\w{2,}", text)
        if match is None:
            return set()
        keys.add(match.group()[:_KEY])
    return keys


class Index:
    """Which topics could possibly occur in a text, from its words: most paragraphs name
    a handful of the taxonomy's topics, and trying every topic on every paragraph would
    cost topics × paragraphs pattern runs."""

    def __init__(self, compiled: list[Matcher]):
        self.compiled = compiled
        self.by_word: dict[str, set[int]] = {}
        self.by_start: dict[str, set[int]] = {}
        self.always: set[int] = set()
        self.gated: list[tuple[int, Gate]] = []
        """Regular expressions tried only on texts that hold what they require."""
        self.starting: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        """Casefolded word → (matcher number, its phrases beginning with that word)."""
        for number, matcher in enumerate(compiled):
            if matcher.starts is not None:
                for word, pattern in matcher.starts.items():
                    self.starting.setdefault(word, []).append((number, pattern))
            else:
                for word in matcher.triggers:
                    self.by_word.setdefault(word, set()).add(number)
            for gate in matcher.regexes:
                literal = gate.literal
                if gate.boundary and _WORD.fullmatch(literal[:_KEY]) and len(literal) >= 2:
                    self.by_start.setdefault(literal[:_KEY], set()).add(number)
                elif keys := _word_starts(gate.required):
                    for key in keys:
                        self.by_start.setdefault(key, set()).add(number)
                elif gate.literal or gate.required:
                    self.gated.append((number, gate))
                else:
                    self.always.add(number)

        by_text: dict[str, list[int]] = {}
        for position, (_, gate) in enumerate(self.gated):
            for text in dict.fromkeys((gate.literal, *gate.required)):
                if text:
                    by_text.setdefault(text, []).append(position)
        self.gate_texts = tuple(by_text)
        """Every text a gated expression needs (its literal or one of its required texts):
        a gate none of whose texts a paragraph holds cannot match it, so only the gates of
        the texts found are asked."""
        self.gates_by_text = by_text
        self.finders = {word: re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
                        for word in self.starting}
        """Where each first word occurs in a casefolded text."""
        # The keys as sets: a set intersected with a set loops over the smaller one, with
        # a dict over the dict.
        self.words, self.starts = frozenset(self.by_word), frozenset(self.by_start)
        self.firsts = frozenset(self.starting)
        self.word_keys: dict[str, tuple[str, ...]] = {}
        """Casefolded word → the keys of ``by_start`` it begins with (words recur: each
        is looked up once)."""

    def candidates(self, words: set[str], folded: str) -> set[int]:
        """The numbers of the matchers whose regular expressions, or whose phrases (for
        matchers without ``starts``), are worth trying on a text with these casefolded
        words (``folded``: the text casefolded)."""
        found = set(self.always)
        held = {position for text in self.gate_texts if text in folded
                for position in self.gates_by_text[text]}
        found.update(number for number, gate in (self.gated[p] for p in held)
                     if gate.possible(folded))
        for word in words.intersection(self.words):
            found.update(self.by_word[word])
        memo = self.word_keys
        for word in words:
            keys = memo.get(word)
            if keys is None:
                keys = memo[word] = tuple(word[:size] for size in range(2, min(len(word), _KEY) + 1)
                                          if word[:size] in self.starts)
            for key in keys:
                found.update(self.by_start[key])
        return found

    def phrase_spans(self, text: str, folded: str,
                     words: set[str]) -> dict[int, list[tuple[int, int]]]:
        """Matcher number → the matches of its phrases in ``text``, for the matchers with
        ``starts``: each phrase is tried only where a word it begins with occurs, leftmost
        first and never inside an earlier match of the same topic, as one scan of the
        whole alternation would find them. ``folded`` must be as long as ``text``, so that
        a word's place in one is its place in the other."""
        hits = sorted(
            (match.start(), word)
            for word in words.intersection(self.firsts)
            for match in self.finders[word].finditer(folded)
        )
        found: dict[int, list[tuple[int, int]]] = {}
        ends: dict[int, int] = {}
        for start, word in hits:
            for number, pattern in self.starting[word]:
                if start < ends.get(number, 0):
                    continue
                match = pattern.match(text, start)
                if match and match.end() > start:
                    found.setdefault(number, []).append(match.span())
                    ends[number] = match.end()
        return found


def topics_of(text: str, compiled: list[Matcher]) -> tuple[str, ...]:
    """Topic ids whose patterns occur in ``text``, in taxonomy order."""
    return tuple(topic for topic, _ in _matches(text, Index(compiled)))


def _matches(text: str, index: Index) -> list[tuple[str, list[tuple[int, int]]]]:
    """(topic id, spans) of every topic that occurs in ``text``, in taxonomy order."""
    folded = text.casefold()
    words = set(_WORD.findall(folded))
    if len(folded) != len(text):  # casefolding moved characters ("ß" → "ss"): scan it all
        found = ((m.topic, m.spans(text, words, folded)) for m in index.compiled)
        return [(topic, spans) for topic, spans in found if spans]
    phrases = index.phrase_spans(text, folded, words)
    matches = []
    for number in sorted(index.candidates(words, folded).union(phrases)):
        matcher = index.compiled[number]
        known = phrases.get(number, []) if matcher.starts is not None else None
        spans = matcher.spans(text, words, folded, known)
        if spans:
            matches.append((matcher.topic, spans))
    return matches


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
