"""How well the taxonomy covers the archive: what ``transcripts topics --report`` prints.

A substantive paragraph has more than 20 words and is not a stage note; coverage is the
share of them that have at least one topic. The words and phrases most frequent in the
paragraphs without a topic are where the taxonomy should grow next.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.model import Archive, Paragraph, Transcript

SUBSTANTIVE_WORDS = 20
"""A paragraph with more words than this is substantive."""

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing don down during each even few
for from further get go going got had has have having he her here hers him his how i if in
into is it its itself just know let like make many me more most much must my no nor not now
of off on once one only or other our ours out over own people per really right said same say
says see she should so some still such sure than that the their theirs them then there these
they thing things think this those through to too two under until up us very want was way we
well were what when where which while who whom why will with would yeah yes you your yours
""".split())
"""Words too common to say anything about a subject."""

_WORD = re.compile(r"[^\W\d_][\w’'-]*")


@dataclass(frozen=True)
class Report:
    """The figures of a coverage report."""

    unmatched: tuple[str, ...]
    """Topic ids no paragraph has."""
    untagged: tuple[tuple[Transcript, Paragraph], ...]
    """Substantive paragraphs without a topic, in archive order."""
    substantive: int
    """Number of substantive paragraphs."""
    words: tuple[tuple[str, int], ...]
    """Most frequent words of the untagged paragraphs."""
    phrases: tuple[tuple[str, int], ...]
    """Most frequent two- and three-word phrases of the untagged paragraphs."""

    @property
    def coverage(self) -> float:
        """Percentage of substantive paragraphs with a topic (100 when there are none)."""
        if not self.substantive:
            return 100.0
        return 100.0 * (self.substantive - len(self.untagged)) / self.substantive


def report(archive: Archive, top: int = 30) -> Report:
    """Measure the taxonomy against a tagged archive."""
    seen: set[str] = set()
    untagged: list[tuple[Transcript, Paragraph]] = []
    substantive = 0
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for transcript in archive.transcripts:
        for turn in transcript.turns:
            for paragraph in turn.paragraphs:
                seen.update(paragraph.topics)
                if turn.kind == "note" or len(paragraph.text.split()) <= SUBSTANTIVE_WORDS:
                    continue
                substantive += 1
                if paragraph.topics:
                    continue
                untagged.append((transcript, paragraph))
                tokens = [w.casefold().replace("’", "'") for w in _WORD.findall(paragraph.text)]
                # Contractions (we're, it's) are grammar, not subjects.
                words.update(
                    w for w in tokens if w not in STOP_WORDS and len(w) > 2 and "'" not in w
                )
                for size in (2, 3):
                    for gram in zip(*(tokens[i:] for i in range(size)), strict=False):
                        ends = (gram[0], gram[-1])
                        if not any(w in STOP_WORDS or "'" in w for w in ends):
                            phrases[" ".join(gram)] += 1
    return Report(
        unmatched=tuple(t for t in archive.topics if t not in seen),
        untagged=tuple(untagged),
        substantive=substantive,
        words=tuple(words.most_common(top)),
        phrases=tuple((p, n) for p, n in phrases.most_common(top) if n > 1),
    )


def format_report(result: Report, archive: Archive, examples: int = 20) -> str:
    """The report as the command prints it; the last line is ``coverage: NN.N%``."""
    lines = [f"topics never matched: {len(result.unmatched)}"]
    lines += [f"  {tid}  {archive.topics[tid].title}" for tid in result.unmatched]
    lines.append(
        f"substantive paragraphs without a topic: {len(result.untagged)} of {result.substantive}"
    )
    for transcript, paragraph in result.untagged[:examples]:
        text = " ".join(paragraph.text.split())
        short = text if len(text) <= 90 else text[:90] + "…"
        lines.append(f"  {transcript.id}#{paragraph.id}  {short}")
    if len(result.untagged) > examples:
        lines.append(f"  ... and {len(result.untagged) - examples} more")
    lines.append("most frequent words there:")
    lines += [f"  {count:6d}  {word}" for word, count in result.words]
    lines.append("most frequent phrases there:")
    lines += [f"  {count:6d}  {phrase}" for phrase, count in result.phrases]
    lines.append(f"coverage: {result.coverage:.1f}%")
    return "\n".join(lines)
