"""How much a paragraph is about each of its topics: ``about`` or only a ``mention``.

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
person or a country often is). A score of ``ABOUT`` or more is ``about``; less is a
mention. A topic an editor added by hand is ``about`` (score 1).

The weights were set on the judged sample of the corpus (``tests/data/topic_judgements.yaml``,
see ``tests/test_relevance.py``) and checked on pairs drawn after they were set.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from generator.model import Paragraph, Relevance, Transcript

REPEAT = 0.3
SPREAD = 0.2
EXCHANGE = 0.3
THREAD = 0.3
WEIGHTS = {"issue": 1.0, "event": 1.0, "region": 0.9, "country": 0.9,
           "organisation": 0.8, "person": 0.7}
"""Topic kind → the weight of its evidence."""
ABOUT = 0.6
"""The score from which a paragraph is about a topic."""

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


def score(paragraph: Paragraph, topic: str, kind: str, exchange: bool, thread: bool) -> float:
    """The relevance score of one tagged paragraph to one of its topics (module doc)."""
    starts = sorted(start for mark, start, _ in paragraph.marks if mark == topic)
    cut = sentences(paragraph.text)
    named = sum(1 for a, b in cut if any(a <= start < b for start in starts))
    evidence = REPEAT * max(0, min(len(starts), 3) - 1)
    evidence += SPREAD * (named / len(cut) if cut else 0)
    evidence += EXCHANGE * exchange + THREAD * thread
    return round(min(1.0, evidence * WEIGHTS.get(kind, 1.0)), 2)


def relate(transcript: Transcript, kinds: dict[str, str]) -> Transcript:
    """The transcript with the relevance of every paragraph to each of its topics
    (``Paragraph.relevance``); ``kinds`` maps topic ids to their kind. Answers must be
    linked to their questions (``Turn.responds_to``) first."""
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
        paragraphs = []
        for paragraph in turn.paragraphs:
            if not paragraph.topics:
                paragraphs.append(paragraph)
                continue
            own = {t for t, _, _ in paragraph.marks}
            found = []
            for topic in paragraph.topics:
                if topic in paragraph.topics_added:
                    found.append(Relevance(topic, "about", 1.0))
                    continue
                value = score(paragraph, topic, kinds.get(topic, "issue"), topic in other,
                              naming[topic] > (topic in own))
                found.append(Relevance(topic, "about" if value >= ABOUT else "mention", value))
            paragraphs.append(replace(paragraph, relevance=tuple(found)))
        turns.append(replace(turn, paragraphs=tuple(paragraphs)))
    return replace(transcript, turns=tuple(turns))
