"""How much a paragraph is about each of its topics: ``about``, only a ``mention``, or
not enough to tag.

A topic page promises everything said *about* its subject; a paragraph that names the
subject once, on the way to something else, is a mention and is listed apart. The score
(0 to 1) weighs evidence a reader can see on the page (``Evidence``):

- the topic's words more than once in the paragraph (``REPEAT`` for each match after the
  first, up to ``REPEATS`` of them);
- the exchange is on it: the question named it and this answer does too, or this question
  names it and its answer does too (``EXCHANGE``);
- the speaker stays on it: another paragraph of the same turn names it (``THREAD``), and
  the share of the turn's paragraphs that do (``STAY``);
- it leads the paragraph: no other topic's words come as often (``LEADS``);
- the transcript is on it: its title names it (``TITLE``), and the share of its paragraphs
  that do (``SPREAD``);
- the kind of topic (``KINDS``): an issue is rarely named in passing, a person or a
  country often is.

The weights are log-odds, added to ``BASE`` and turned into a score by the logistic
function: the score is the share of paragraphs with such evidence that readers judged
about the topic, in the judged sample of the corpus (``tests/data/topic_judgements.yaml``:
fitted by logistic regression to its draws 1-4, rounded; ``benchmarks/judge_topics.py
--fit`` fits them again). A paragraph is ``about`` a topic from ``ABOUT`` up, else it
mentions it: on draw 5, labelled after the weights were set, 94.5% of the tags made
``about`` were about (the file's header has each draw's figures). The price is recall:
readers found about a quarter of the plain draw's `about` passages listed `about`;
the rest are on the mentions pages. A topic an editor
added by hand is ``about`` (score 1). What did not help, once these were known, was left
out: the share of the paragraph's sentences naming the topic, the topic in the first
sentence, the paragraph's length.

A topic named once (``lone``), in a paragraph whose exchange is not on it and whose
speaker does not stay on it, is not tagged at all: such a name is a place where
something happened ("the attack in Lebanon"), a trip's stop, an agency questions are sent
to, a word in another sense; read against the judged sample, one in eight of them was not
about the topic at all, and only one in four was about it.

The header of the judged file says which pairs were drawn after which rules were set,
and the figures each draw gave held out (``tests/test_relevance.py`` checks the set).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from generator.model import Paragraph, Relevance, Transcript

BASE = -1.1
REPEAT = 0.8
REPEATS = 4
EXCHANGE = 1.0
THREAD = 0.6
STAY = 0.8
LEADS = 0.6
TITLE = 0.4
SPREAD = 2.2
KINDS = {"issue": 0.0, "event": 0.1, "region": -0.4, "country": -1.1,
         "organisation": -0.7, "person": -1.4}
"""Topic kind → its log-odds: a country or a person is often named in passing."""
ABOUT = 0.9
"""The score from which a paragraph is about a topic: nine in ten paragraphs with such
evidence were about it, in the judged sample."""


@dataclass(frozen=True)
class Evidence:
    """What a paragraph shows of one of its topics."""

    matches: int
    """Places where the topic's words stand in the paragraph."""
    exchange: bool
    """The question and the answer both name it (this paragraph being one of them)."""
    thread: bool
    """Another paragraph of the same turn names it."""
    leads: bool
    """No other topic of the paragraph is named as often."""
    stay: float = 0.0
    """Share of the turn's paragraphs that name it (this one included)."""
    titled: bool = False
    """The transcript's title names it."""
    spread: float = 0.0
    """Share of the transcript's paragraphs that name it."""

    @property
    def lone(self) -> bool:
        """Named once, on the way to something else: not enough to tag."""
        return self.matches <= 1 and not self.exchange and not self.thread


def evidence(paragraph: Paragraph, topic: str, exchange: bool, thread: bool,
             stay: float = 0.0, titled: bool = False, spread: float = 0.0) -> Evidence:
    """The evidence of one topic in a tagged paragraph (its ``marks``); the rest, which
    the paragraph alone does not show, as given."""
    spans = [(start, end) for mark, start, end in paragraph.marks if mark == topic]
    # another topic's words inside this one's ("Japan" in "Russia and Japan") are not
    # another subject
    counts = Counter(mark for mark, start, end in paragraph.marks if mark != topic and not any(
        start < b and a < end for a, b in spans))
    others = max(counts.values(), default=0)
    return Evidence(len(spans), exchange, thread, len(spans) > others, stay, titled, spread)


def score(found: Evidence, kind: str) -> float:
    """The relevance score of one topic's evidence (module doc)."""
    odds = BASE + REPEAT * min(max(0, found.matches - 1), REPEATS)
    odds += EXCHANGE * found.exchange
    odds += THREAD * found.thread + STAY * found.stay + LEADS * found.leads
    odds += TITLE * found.titled + SPREAD * found.spread + KINDS.get(kind, 0.0)
    return round(1 / (1 + math.exp(-odds)), 2)


def weigh(transcript: Transcript, titled: frozenset[str] = frozenset()
          ) -> Iterator[tuple[Paragraph, str, Evidence]]:
    """(paragraph, topic, evidence) of every topic the transcript's paragraphs name (their
    ``marks``); ``titled``: the topics its title names. Answers must be linked to their
    questions (``Turn.responds_to``) first."""
    named = {turn.id: Counter(t for p in turn.paragraphs for t in {t for t, _, _ in p.marks})
             for turn in transcript.turns}
    answered: dict[str, set[str]] = {}
    for turn in transcript.turns:
        if turn.responds_to:
            answered.setdefault(turn.responds_to, set()).update(named[turn.id])
    spread = Counter(t for turn in named.values() for t in turn.elements())
    total = sum(len(turn.paragraphs) for turn in transcript.turns) or 1
    for turn in transcript.turns:
        naming = named[turn.id]
        if not naming:
            continue
        other = set(named.get(turn.responds_to or "", ())) | answered.get(turn.id, set())
        for paragraph in turn.paragraphs:
            own = {t for t, _, _ in paragraph.marks}
            for topic in own:
                yield paragraph, topic, evidence(
                    paragraph, topic, topic in other, naming[topic] > 1,
                    naming[topic] / len(turn.paragraphs), topic in titled,
                    spread[topic] / total)


def relate(transcript: Transcript, kinds: dict[str, str],
           titled: frozenset[str] = frozenset()) -> Transcript:
    """The transcript with the relevance of every paragraph to each of its topics
    (``Paragraph.relevance``), less the topics named only once in passing (``lone``);
    ``kinds`` maps topic ids to their kind, ``titled`` are the topics the title names.
    Answers must be linked to their questions (``Turn.responds_to``) first."""
    found: dict[tuple[int, str], Evidence] = {
        (id(paragraph), topic): seen for paragraph, topic, seen in weigh(transcript, titled)}
    if not found and not any(p.topics_added for p in transcript.paragraphs):
        return transcript
    turns = tuple(
        replace(turn, paragraphs=tuple(_weigh(p, kinds, found) for p in turn.paragraphs))
        for turn in transcript.turns)
    return replace(transcript, turns=turns)


def _weigh(paragraph: Paragraph, kinds: dict[str, str],
           found: dict[tuple[int, str], Evidence]) -> Paragraph:
    """One paragraph of ``relate``, with the evidence ``weigh`` found."""
    if not paragraph.topics:
        return paragraph
    weighed, dropped = [], set()
    for topic in paragraph.topics:
        if topic in paragraph.topics_added:
            weighed.append(Relevance(topic, "about", 1.0))
            continue
        seen = found.get((id(paragraph), topic)) or evidence(paragraph, topic, False, False)
        if seen.lone:
            dropped.add(topic)
            continue
        value = score(seen, kinds.get(topic, "issue"))
        weighed.append(Relevance(topic, "about" if value >= ABOUT else "mention", value))
    if not dropped:
        return replace(paragraph, relevance=tuple(weighed))
    return replace(paragraph, relevance=tuple(weighed),
                   topics=tuple(t for t in paragraph.topics if t not in dropped),
                   marks=tuple(m for m in paragraph.marks if m[0] not in dropped))
