"""How much a paragraph is about each of its topics: ``about``, only a ``mention``, or
not enough to tag.

A topic page promises everything said *about* its subject; a paragraph that names the
subject once, on the way to something else, is a mention and is listed apart. The score
(0 to 1) adds up evidence a reader can see on the page:

- the topic's words more than once in the paragraph (``REPEAT`` for the second match and
  again for the third);
- the share of the paragraph's sentences that name it (times ``SPREAD``);
- the exchange is on it: the question named it and this answer does too, or this question
  names it and its answer does too (``EXCHANGE``);
- the speaker stays on it: another paragraph of the same turn names it (``THREAD``);

times the weight of the topic's kind (``WEIGHTS``: an issue is rarely named in passing, a
person or a country often is). A paragraph is ``about`` a topic when the score is
``ABOUT`` or more and the topic leads the paragraph (its words come more often than those
of any other topic of the paragraph); otherwise it mentions it. A topic an editor added by
hand is ``about`` (score 1).

A topic named once (``lone``), in a paragraph whose exchange is not on it and whose
speaker does not stay on it, is not tagged at all: such a name is a place where
something happened ("the attack in Lebanon"), a trip's stop, an agency questions are sent
to, a word in another sense; read against the judged sample, one in eight of them was not
about the topic at all, and only one in four was about it.

The figures were set on the judged sample of the corpus
(``tests/data/topic_judgements.yaml``, ``tests/test_relevance.py``); its header says which
pairs were drawn after which rules were set, and the closing figures of each draw.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from generator.model import Paragraph, Relevance, Transcript

REPEAT = 0.3
SPREAD = 0.2
EXCHANGE = 0.3
THREAD = 0.3
WEIGHTS = {"issue": 1.0, "event": 1.0, "region": 0.9, "country": 0.9,
           "organisation": 0.8, "person": 0.7}
"""Topic kind → the weight of its evidence."""
ABOUT = 0.7
"""The score from which a paragraph is about a topic (if the topic leads it)."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(—]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph (a full stop, question or exclamation
    mark, then space and a capital): a rough cut, good enough to tell one sentence naming
    a topic among six from a paragraph that names it throughout."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@dataclass(frozen=True)
class Evidence:
    """What a paragraph shows of one of its topics."""

    matches: int
    """Places where the topic's words stand in the paragraph."""
    share: float
    """Share of the paragraph's sentences that name it."""
    exchange: bool
    """The question and the answer both name it (this paragraph being one of them)."""
    thread: bool
    """Another paragraph of the same turn names it."""
    leads: bool
    """No other topic of the paragraph is named as often."""

    @property
    def lone(self) -> bool:
        """Named once, on the way to something else: not enough to tag."""
        return self.matches <= 1 and not self.exchange and not self.thread


def evidence(paragraph: Paragraph, topic: str, exchange: bool, thread: bool,
             cut: list[tuple[int, int]] | None = None) -> Evidence:
    """The evidence of one topic in a tagged paragraph (its ``marks``); ``cut``, the
    paragraph's ``sentences``, may be given to save recomputing them."""
    spans = [(start, end) for mark, start, end in paragraph.marks if mark == topic]
    starts = sorted(start for start, _ in spans)
    # another topic's words inside this one's ("Japan" in "Russia and Japan") are not
    # another subject
    counts = Counter(mark for mark, start, end in paragraph.marks if mark != topic and not any(
        start < b and a < end for a, b in spans))
    cut = sentences(paragraph.text) if cut is None else cut
    named = sum(1 for a, b in cut if any(a <= start < b for start in starts))
    others = max(counts.values(), default=0)
    return Evidence(len(starts), named / len(cut) if cut else 0.0, exchange, thread,
                    len(starts) > others)


def score(found: Evidence, kind: str) -> float:
    """The relevance score of one topic's evidence (module doc)."""
    value = REPEAT * max(0, min(found.matches, 3) - 1) + SPREAD * found.share
    value += EXCHANGE * found.exchange + THREAD * found.thread
    return round(min(1.0, value * WEIGHTS.get(kind, 1.0)), 2)


def relate(transcript: Transcript, kinds: dict[str, str]) -> Transcript:
    """The transcript with the relevance of every paragraph to each of its topics
    (``Paragraph.relevance``), less the topics named only once in passing (``lone``);
    ``kinds`` maps topic ids to their kind. Answers must be linked to their questions
    (``Turn.responds_to``) first."""
    named = {turn.id: {t for p in turn.paragraphs for t, _, _ in p.marks}
             for turn in transcript.turns}
    answered: dict[str, set[str]] = {}
    for turn in transcript.turns:
        if turn.responds_to:
            answered.setdefault(turn.responds_to, set()).update(named[turn.id])
    turns = []
    for turn in transcript.turns:
        if not any(p.topics for p in turn.paragraphs):
            turns.append(turn)
            continue
        other = named.get(turn.responds_to or "", set()) | answered.get(turn.id, set())
        naming = Counter(t for p in turn.paragraphs for t in {t for t, _, _ in p.marks})
        turns.append(replace(turn, paragraphs=tuple(
            _weigh(paragraph, kinds, other, naming) for paragraph in turn.paragraphs)))
    return replace(transcript, turns=tuple(turns))


def _weigh(paragraph: Paragraph, kinds: dict[str, str], exchanged: set[str],
           naming: Counter[str]) -> Paragraph:
    """One paragraph of ``relate``: ``exchanged`` are the topics the other side of its
    exchange names, ``naming`` how many paragraphs of its turn name each topic."""
    if not paragraph.topics:
        return paragraph
    own = {t for t, _, _ in paragraph.marks}
    cut = sentences(paragraph.text)
    found, dropped = [], set()
    for topic in paragraph.topics:
        if topic in paragraph.topics_added:
            found.append(Relevance(topic, "about", 1.0))
            continue
        seen = evidence(paragraph, topic, topic in exchanged, naming[topic] > (topic in own),
                        cut)
        if seen.lone:
            dropped.add(topic)
            continue
        value = score(seen, kinds.get(topic, "issue"))
        kind = "about" if value >= ABOUT and seen.leads else "mention"
        found.append(Relevance(topic, kind, value))
    if not dropped:
        return replace(paragraph, relevance=tuple(found))
    return replace(paragraph, relevance=tuple(found),
                   topics=tuple(t for t in paragraph.topics if t not in dropped),
                   marks=tuple(m for m in paragraph.marks if m[0] not in dropped))
